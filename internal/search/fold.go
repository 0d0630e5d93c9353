package search

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/msg"
	"github.com/longbridgeapp/opencc"
)

// folding is the one mapping of characters that the index and the browser's query share:
// traditional characters to simplified (OpenCC's character table), full-width letters and
// digits to ASCII, and upper case to lower case. Each character maps to one character of the
// same length in UTF-16, so that a position in folded text is the same position in the
// original: the browser finds a match in folded text and highlights it in the original.
type folding struct {
	// bmp holds the folded form of each character below U+10000, with wordBit set when
	// that is a letter or a number: one look-up for the commonest case.
	bmp   []uint32
	upper map[rune]rune // folded forms of the characters above, when they change
	// pairs are the characters that change, sorted, for the browser's table.
	pairs [][2]rune
	// word is a bit set of the characters that make up grams, letters and numbers: every
	// other character (spaces, punctuation, symbols) separates words. The browser receives
	// the same set, as ranges.
	word []uint64
}

const wordBit = 1 << 31

// tsCharacters is OpenCC's table of single traditional characters and their simplified
// forms, the first form being the usual one.
const tsCharacters = "TSCharacters.ocd2"

// theFolding is built once per process from OpenCC's dictionaries.
var theFolding = sync.OnceValues(newFolding)

func newFolding() (*folding, error) {
	t2s, err := t2sCharacters()
	if err != nil {
		return nil, err
	}
	one := func(r rune) rune {
		if s, ok := t2s[r]; ok {
			r = s
		}
		if r >= 0xFF01 && r <= 0xFF5E { // full-width ASCII
			r -= 0xFEE0
		}
		return unicode.ToLower(r)
	}
	// Candidates: every character that one of the three steps changes.
	var candidates []rune
	for r := range t2s {
		candidates = append(candidates, r)
	}
	for r := rune(0xFF01); r <= 0xFF5E; r++ {
		candidates = append(candidates, r)
	}
	for _, table := range []*unicode.RangeTable{unicode.Upper, unicode.Title} {
		eachRune(table, func(r rune) { candidates = append(candidates, r) })
	}
	f := &folding{bmp: make([]uint32, 0x10000), upper: map[rune]rune{}, word: make([]uint64, (unicode.MaxRune+1)/64)}
	for _, table := range []*unicode.RangeTable{unicode.L, unicode.N} {
		eachRune(table, func(r rune) { f.word[r>>6] |= 1 << (r & 63) })
	}
	fold := make([]rune, 0x10000)
	for r := range fold {
		fold[r] = rune(r)
	}
	seen := map[rune]bool{}
	for _, r := range candidates {
		if seen[r] {
			continue
		}
		seen[r] = true
		// Fold until nothing changes, so that folding folded text changes nothing (OpenCC
		// maps a few simplified forms on again); stop at a cycle.
		to := r
		for range 4 {
			next := one(to)
			if next == to {
				break
			}
			to = next
		}
		if to == r || utf16.RuneLen(to) != utf16.RuneLen(r) {
			continue
		}
		f.pairs = append(f.pairs, [2]rune{r, to})
		if r < 0x10000 {
			fold[r] = to
		} else {
			f.upper[r] = to
		}
	}
	for r, to := range fold {
		f.bmp[r] = uint32(to)
		if f.isWord(to) {
			f.bmp[r] |= wordBit
		}
	}
	slices.SortFunc(f.pairs, func(a, b [2]rune) int { return int(a[0] - b[0]) })
	return f, nil
}

// t2sCharacters reads OpenCC's single-character table out of its t2s converter: the package
// keeps its dictionary files to itself, but exposes the dictionaries it builds from them.
func t2sCharacters() (map[rune]rune, error) {
	cc, err := opencc.New("t2s")
	if err != nil {
		return nil, err
	}
	for _, group := range cc.DictChains {
		for i, file := range group.Files {
			if file != tsCharacters {
				continue
			}
			dict := group.Dicts[i]
			table := map[rune]rune{}
			for _, id := range dict.Trie.PrefixPredict(nil, 0) {
				key, err := dict.Trie.Key(id)
				if err != nil {
					return nil, err
				}
				value, err := dict.Trie.Value(id)
				if err != nil {
					return nil, err
				}
				from, n := utf8.DecodeRune(key)
				if n != len(key) || value < 0 || value >= len(dict.Values) || len(dict.Values[value]) == 0 {
					continue
				}
				to, m := utf8.DecodeRuneInString(dict.Values[value][0])
				if m == len(dict.Values[value][0]) {
					table[from] = to
				}
			}
			if len(table) < 1000 {
				return nil, msg.New(msg.FoldingShort, tsCharacters, len(table))
			}
			return table, nil
		}
	}
	return nil, msg.New(msg.FoldingMissing, tsCharacters)
}

// Fold returns s folded as the index folds it: traditional characters to simplified ones,
// full-width letters and digits to ASCII, upper case to lower case, each character to one, so
// that a word written in either script, or with either variant of a character (為, 爲),
// folds alike. When OpenCC's tables cannot be read, s is returned as it is.
func Fold(s string) string { return strings.Map(FoldRune, s) }

// FoldRune returns r folded as Fold folds it.
func FoldRune(r rune) rune {
	f, err := theFolding()
	if err != nil {
		return r
	}
	folded, _ := f.fold(r)
	return folded
}

// eachRune calls fn for every character of a range table.
func eachRune(t *unicode.RangeTable, fn func(r rune)) {
	for _, r16 := range t.R16 {
		for r := rune(r16.Lo); r <= rune(r16.Hi); r += rune(r16.Stride) {
			fn(r)
		}
	}
	for _, r32 := range t.R32 {
		for r := rune(r32.Lo); r <= rune(r32.Hi); r += rune(r32.Stride) {
			fn(r)
		}
	}
}

// isWord reports whether r is a letter or a number.
func (f *folding) isWord(r rune) bool {
	return r >= 0 && r <= unicode.MaxRune && f.word[r>>6]&(1<<(r&63)) != 0
}

// wordRanges returns the characters of isWord as ranges, first and last.
func (f *folding) wordRanges() [][2]rune {
	var ranges [][2]rune
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !f.isWord(r) {
			continue
		}
		if n := len(ranges); n > 0 && ranges[n-1][1] == r-1 {
			ranges[n-1][1] = r
		} else {
			ranges = append(ranges, [2]rune{r, r})
		}
	}
	return ranges
}

// fold folds one character and says whether it is a letter or a number.
func (f *folding) fold(r rune) (rune, bool) {
	if r >= 0 && r < 0x10000 {
		e := f.bmp[r]
		return rune(e &^ wordBit), e&wordBit != 0
	}
	if to, ok := f.upper[r]; ok {
		r = to
	}
	return r, f.isWord(r)
}
