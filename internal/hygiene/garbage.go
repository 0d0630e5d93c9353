package hygiene

import (
	"bytes"
	"strings"
	"unicode"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
)

// garbage finds the 字(pīnyīn) garbage of machine conversion: a Chinese character followed by
// the pinyin of one syllable, tone mark and all, in brackets: 根據(jù), or 根據（jù） once the text
// was made full-width. A character may carry more than one (發(fā)(fā)), and invisible
// characters may stand between. Nobody types a tone-marked syllable in brackets after its
// character, so deleting it is certain.
func (t *text) garbage() {
	var next [len(brackets)]int // the next offset of each opening bracket, -1 when none is left
	for k := range next {
		next[k] = -2 // not looked for yet
	}
	for i := 0; ; {
		open, pair := -1, brackets[0]
		for k, b := range brackets {
			if next[k] != -1 && next[k] < i {
				next[k] = indexFrom(t.norm, i, b[0])
			}
			if next[k] >= 0 && (open < 0 || next[k] < open) {
				open, pair = next[k], b
			}
		}
		if open < 0 {
			return
		}
		end, ok := pinyinAt(t.norm, open, pair)
		han := t.before(open) // past invisible characters, garbled runs and the garbage before
		if _, misread := t.skipped(open); misread || !ok || !unicode.Is(unicode.Han, han) {
			i = open + len(pair[0])
			continue
		}
		junk := string(t.norm[open:end])
		t.addSkip(span{open, end})
		t.report(diag.Errorf(diag.Position{}, msg.Garbage, junk, han),
			open, msg.New(msg.DeletedGarbage, junk, han), Edit{Start: open, End: end})
		i = end
	}
}

// brackets are the pairs the garbage comes in: half-width, as conversion writes it, and
// full-width.
var brackets = [...][2]string{{"(", ")"}, {"（", "）"}}

// indexFrom returns the offset of s in b at or after i, or -1.
func indexFrom(b []byte, i int, s string) int {
	j := bytes.Index(b[i:], []byte(s))
	if j < 0 {
		return -1
	}
	return i + j
}

// pinyinAt reports whether b holds a syllable in the brackets pair at offset i, and returns
// the offset after it.
func pinyinAt(b []byte, i int, pair [2]string) (int, bool) {
	const longest = len("zhuàng")
	from := i + len(pair[0])
	close := bytes.Index(b[from:min(len(b), from+longest+len(pair[1]))], []byte(pair[1]))
	if close < 0 {
		return 0, false
	}
	return from + close + len(pair[1]), isSyllable(string(b[from : from+close]))
}

// garbageAt reports whether b holds a syllable in brackets at offset i, and returns the
// offset after it.
func garbageAt(b []byte, i int) (int, bool) {
	for _, pair := range brackets {
		if bytes.HasPrefix(b[i:], []byte(pair[0])) {
			if end, ok := pinyinAt(b, i, pair); ok {
				return end, true
			}
		}
	}
	return 0, false
}

// garbageBefore reports whether b holds a syllable in brackets that ends at offset i, and
// returns the offset of its opening bracket.
func garbageBefore(b []byte, i int) (int, bool) {
	const longest = len("(zhuàng)") + 4 // full-width brackets are two bytes longer each
	for _, pair := range brackets {
		if !bytes.HasSuffix(b[:i], []byte(pair[1])) {
			continue
		}
		open := bytes.LastIndex(b[max(0, i-longest):i], []byte(pair[0]))
		if open < 0 {
			continue
		}
		open += max(0, i-longest)
		if end, ok := pinyinAt(b, open, pair); ok && end == i {
			return open, true
		}
	}
	return 0, false
}

// RemoveGarbage returns s without its 字(pīnyīn) garbage, for text that is republished (the
// export) while its source files stay as they are.
func RemoveGarbage(s string) string {
	t := newText("", []byte(s))
	t.garbage()
	return string(Apply([]byte(s), t.found))
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
