package hygiene

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"

	"github.com/dangjian/dangjian/generator/diag"
)

// garbage finds the 字(pīnyīn) garbage of machine conversion: a Chinese character followed by
// the pinyin of one syllable, tone mark and all, in ASCII brackets: 根據(jù). A character may
// carry more than one (發(fā)(fā)), and invisible characters may stand between. Nobody types a
// tone-marked syllable in half-width brackets after its character, so deleting it is certain.
func (t *text) garbage() {
	for i := 0; ; {
		j := bytes.IndexByte(t.norm[i:], '(')
		if j < 0 {
			return
		}
		open := i + j
		end, ok := pinyinAt(t.norm, open)
		han := t.before(open) // past invisible characters and the garbage before
		if !ok || !unicode.Is(unicode.Han, han) {
			i = open + 1
			continue
		}
		junk := string(t.norm[open:end])
		t.addSkip(span{open, end})
		t.report(diag.Errorf(diag.Position{}, "conversion garbage: pinyin %s after %c; delete it", junk, han),
			open, fmt.Sprintf("deleted %s after %c", junk, han), Edit{Start: open, End: end})
		i = end
	}
}

// pinyinAt reports whether b holds "(syllable)" at offset i, and returns the offset after it.
func pinyinAt(b []byte, i int) (int, bool) {
	const longest = len("(zhuàng)")
	close := bytes.IndexByte(b[i+1:min(len(b), i+longest)], ')')
	if close < 0 {
		return 0, false
	}
	return i + 1 + close + 1, isSyllable(string(b[i+1 : i+1+close]))
}

// toneless maps a vowel with a tone mark to the vowel without it.
var toneless = map[rune]rune{
	'ā': 'a', 'á': 'a', 'ǎ': 'a', 'à': 'a',
	'ē': 'e', 'é': 'e', 'ě': 'e', 'è': 'e',
	'ī': 'i', 'í': 'i', 'ǐ': 'i', 'ì': 'i',
	'ō': 'o', 'ó': 'o', 'ǒ': 'o', 'ò': 'o',
	'ū': 'u', 'ú': 'u', 'ǔ': 'u', 'ù': 'u',
	'ǖ': 'ü', 'ǘ': 'ü', 'ǚ': 'ü', 'ǜ': 'ü',
}

// The parts of a syllable. The finals are written as after an initial; ü stays ü.
var (
	initials = strings.Fields("zh ch sh b p m f d t n l g k h j q x r z c s y w")
	finals   = setOf("a o e ai ei ao ou an en ang eng ong er i ia ie iao iu ian in iang ing iong u ua uo uai ui uan un uang ueng ü üe üan ün ue")
)

func setOf(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

// isSyllable reports whether s is one pinyin syllable written with exactly one tone mark:
// an initial, or none, then a final.
func isSyllable(s string) bool {
	var b strings.Builder
	marks := 0
	for _, r := range s {
		switch plain, marked := toneless[r]; {
		case marked:
			marks++
			b.WriteRune(plain)
		case r >= 'a' && r <= 'z' || r == 'ü':
			b.WriteRune(r)
		default:
			return false
		}
	}
	if marks != 1 {
		return false
	}
	bare := b.String()
	if finals[bare] {
		return true
	}
	for _, initial := range initials {
		if rest, ok := strings.CutPrefix(bare, initial); ok && finals[rest] {
			return true
		}
	}
	return false
}
