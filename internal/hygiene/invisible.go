package hygiene

import (
	"unicode"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
)

// invisibles names the characters that take no room on screen and that pasted text brings
// along: they break search, copying and line breaks, and an editor cannot see them.
var invisibles = map[rune]msg.Key{
	'\u00AD': msg.SoftHyphen,
	'\u180E': msg.MongolianVowelSeparator,
	'\u200B': msg.ZeroWidthSpace,
	'\u200C': msg.ZeroWidthNonJoiner,
	'\u200D': msg.ZeroWidthJoiner,
	'\u200E': msg.LeftToRightMark,
	'\u200F': msg.RightToLeftMark,
	'\u202A': msg.LeftToRightEmbedding,
	'\u202B': msg.RightToLeftEmbedding,
	'\u202C': msg.PopDirectionalFormatting,
	'\u202D': msg.LeftToRightOverride,
	'\u202E': msg.RightToLeftOverride,
	'\u2060': msg.WordJoiner,
	'\u2066': msg.LeftToRightIsolate,
	'\u2067': msg.RightToLeftIsolate,
	'\u2068': msg.FirstStrongIsolate,
	'\u2069': msg.PopDirectionalIsolate,
	'\uFEFF': msg.ByteOrderMark,
}

// invisible finds invisible characters, which deleting repairs. A byte-order mark at the very start of the file is not text and is left alone; so is a
// zero-width joiner inside an emoji, where it belongs.
func (t *text) invisible() {
	for i := 0; i < len(t.norm); {
		r, size := utf8.DecodeRune(t.norm[i:])
		name, ok := invisibles[r]
		if ok && !(r == '\u200D' && t.inEmoji(i, size)) {
			t.addSkip(span{i, i + size})
			t.report(diag.Errorf(diag.Position{}, msg.Invisible, r, name),
				i, msg.New(msg.DeletedInvisible, r, name), Edit{Start: i, End: i + size})
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
