package newpage

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

//go:generate go run ./internal/mkpinyin

// pinyinTable lists, for each syllable, the characters read so: "hong 仜叿吰…紅…". It is made
// by mkpinyin from go-pinyin, and read only when a page is started.
//
//go:embed pinyin.txt
var pinyinTable string

// readings maps each character of pinyinTable to its syllable.
var readings = sync.OnceValue(func() map[rune]string {
	m := map[rune]string{}
	for line := range strings.Lines(pinyinTable) {
		syllable, chars, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok || syllable == "#" {
			continue
		}
		for _, r := range chars {
			m[r] = syllable
		}
	}
	return m
})

// maxWords is how many words of the title a slug keeps: an address stays short enough to read
// and type, and a title's first words are those that tell it from others.
const maxWords = 4

// slug spells a title as a name for a file and an address: its Chinese in pinyin, two
// characters to a word (紅色黨課 → hongse-dangke), its letters lower-cased and its digits as
// they are, the words joined by hyphens. Two characters a word because most Chinese words
// are two characters long; a run of odd length puts its last character with the word before
// it (黨支部 → dangzhibu). Punctuation and spaces end a word, and so does a character with
// no reading in the table. Full-width letters and digits count as their ASCII forms, and
// letters with accents or tone marks as the bare letters (Dǎngkè → dangke). It returns "" for
// a title with none of these, only punctuation, say.
//
// A character read in more than one way (重 zhòng or chóng, 行 xíng or háng) gets its
// commonest reading, the first of go-pinyin's table, whatever its neighbours: so 重庆 comes out
// zhongqing. An address needs to be readable and stable, not pronounced right, and an editor
// who wants another sets slug: or renames the file.
func slug(title string) string {
	var words []string
	var han []string // the syllables of the run of Chinese characters being read
	var latin []rune // the run of letters and digits being read
	// end ends the runs being read: a word is done.
	end := func() {
		words = append(words, pairs(han)...)
		if len(latin) > 0 {
			words = append(words, string(latin))
		}
		han, latin = nil, nil
	}
	// These transformers take any text: there is no error to heed.
	plain, _, _ := transform.String(transform.Chain(width.Fold, norm.NFD, runes.Remove(runes.In(unicode.Mn))), title)
	for _, r := range plain {
		r = unicode.ToLower(r)
		if syllable, ok := readings()[r]; ok {
			if len(latin) > 0 {
				end()
			}
			han = append(han, syllable)
		} else if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			if len(han) > 0 {
				end()
			}
			latin = append(latin, r)
		} else {
			end()
		}
	}
	end()
	return strings.Join(words[:min(len(words), maxWords)], "-")
}

// pairs joins syllables two to a word, the last three together when they are odd in number.
func pairs(syllables []string) []string {
	var words []string
	for len(syllables) > 0 {
		n := 2
		if len(syllables) == 1 || len(syllables) == 3 {
			n = len(syllables)
		}
		words = append(words, strings.Join(syllables[:n], ""))
		syllables = syllables[n:]
	}
	return words
}
