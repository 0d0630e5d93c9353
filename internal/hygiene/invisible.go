package hygiene

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/diag"
)

// invisibles names the characters that take no room on screen and that pasted text brings
// along: they break search, copying and line breaks, and an editor cannot see them.
var invisibles = map[rune]string{
	'\u00AD': "soft hyphen",
	'\u180E': "Mongolian vowel separator",
	'\u200B': "zero-width space",
	'\u200C': "zero-width non-joiner",
	'\u200D': "zero-width joiner",
	'\u200E': "left-to-right mark",
	'\u200F': "right-to-left mark",
	'\u202A': "left-to-right embedding",
	'\u202B': "right-to-left embedding",
	'\u202C': "pop directional formatting",
	'\u202D': "left-to-right override",
	'\u202E': "right-to-left override",
	'\u2060': "word joiner",
	'\u2066': "left-to-right isolate",
	'\u2067': "right-to-left isolate",
	'\u2068': "first strong isolate",
	'\u2069': "pop directional isolate",
	'\uFEFF': "byte-order mark",
}

// invisible finds invisible characters, which deleting repairs. A byte-order mark at the very start of the file is not text and is left alone; so is a
// zero-width joiner inside an emoji, where it belongs.
func (t *text) invisible() {
	for i := 0; i < len(t.norm); {
		r, size := utf8.DecodeRune(t.norm[i:])
		name, ok := invisibles[r]
		if ok && !(r == '\u200D' && t.inEmoji(i, size)) {
			t.addSkip(span{i, i + size})
			t.report(diag.Errorf(diag.Position{}, "invisible character U+%04X (%s); delete it", r, name),
				i, fmt.Sprintf("deleted the invisible U+%04X (%s)", r, name), Edit{Start: i, End: i + size})
		}
		i += size
	}
}

// inEmoji reports whether the joiner at offset i, size bytes long, stands between pictographs.
func (t *text) inEmoji(i, size int) bool {
	prev, _ := utf8.DecodeLastRune(t.norm[:i])
	next, _ := utf8.DecodeRune(t.norm[i+size:])
	pictograph := func(r rune) bool { return unicode.Is(unicode.So, r) || r == '\uFE0F' || r >= 0x1F000 && r <= 0x1FAFF }
	return pictograph(prev) && pictograph(next)
}
