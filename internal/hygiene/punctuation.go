package hygiene

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
)

// fullWidth maps the half-width marks that have one full-width form in a Chinese sentence;
// "." does not (。 or 、) and neither do quotes (“” or 「」).
var fullWidth = map[rune]string{',': "，", ';': "；", ':': "：", '!': "！", '?': "？"}

// punctuation finds half-width punctuation inside the Chinese sentences of prose: a mark that
// follows a Chinese character and is followed by another, a digit, or the end of the line.
// Marks in English or between numbers (1,000; 10:30) are not inside a Chinese sentence.
// A mark's neighbours read as they will be after the repair: "(甲)(乙)嗎" becomes "（甲）（乙）嗎",
// both pairs, though the first pair is only beside Chinese once the second is mended. So
// brackets are looked at from both ends, and everything again until no new mark is found.
func (t *text) punctuation(prose []span) {
	pairs := t.pairs(prose)
	for found := -1; found != len(t.found); {
		found = len(t.found)
		for _, p := range pairs {
			t.brackets(p)
		}
		for _, p := range slices.Backward(pairs) {
			t.brackets(p)
		}
		t.eachRune(prose, func(i int, r rune) {
			if t.handled[i] {
				return
			}
			switch r {
			case ',', ';', ':', '!':
				t.halfWidth(i, r)
			case '?':
				t.question(i)
			case '.':
				t.period(i)
			case '"':
				t.quote(i)
			}
		})
	}
}

// eachRune calls fn for each character of prose outside the skipped ranges.
func (t *text) eachRune(prose []span, fn func(i int, r rune)) {
	for _, s := range prose {
		for i := s.start; i < s.end; {
			r, size := utf8.DecodeRune(t.norm[i:s.end])
			if _, skipped := t.skipped(i); !skipped {
				fn(i, r)
			}
			i += size
		}
	}
}

// isCJK reports whether r belongs to Chinese text: a Han character, CJK or full-width
// punctuation, or the curly double quotes of simplified Chinese.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF || r == '“' || r == '”'
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// halfWidth reports the mark r at offset i when it stands inside a Chinese sentence, and
// replaces it with its full-width form, with the spaces after it when Chinese follows: the
// full-width mark carries its own space.
func (t *text) halfWidth(i int, r rune) {
	if !isCJK(t.before(i)) {
		return
	}
	next, _ := t.after(i+1, true)
	if next != utf8.RuneError && !isCJK(next) && !isDigit(next) {
		return
	}
	end := i + 1
	if isCJK(next) {
		for end < len(t.norm) && (t.norm[end] == ' ' || t.norm[end] == '\t') {
			end++
		}
	}
	full := fullWidth[r]
	t.becomes[i], _ = utf8.DecodeRuneInString(full)
	t.report(diag.Warningf(diag.Position{}, msg.HalfWidthMark, string(r), full),
		i, msg.New(msg.Rewritten, string(t.norm[i:end]), full), Edit{Start: i, End: end, New: full})
}

// question reports a "?" after a Chinese character. Before a space, the line's end or a closing
// mark it is a half-width question mark; anywhere else, it is what an encoding conversion leaves
// for a character it could not convert (確?!皟蓪W), and only the writer knows what stood there.
func (t *text) question(i int) {
	prev := t.before(i)
	if !isCJK(prev) {
		return
	}
	if !t.lostAt(i) {
		t.halfWidth(i, '?')
		return
	}
	t.report(diag.Errorf(diag.Position{}, msg.LostAtQuestionMark, prev), i, msg.Message{})
}

// lostAt reports whether the "?" at offset i stands for a lost character: it is not before a
// space, the line's end or a closing mark. Before a U+FFFD, another lost character, it is one.
// A half-width ")" closes too: misread asks before punctuation makes it "）", and both must
// answer alike, or a second --fix repairs what the line's lost character held back.
func (t *text) lostAt(i int) bool {
	next, at := t.after(i+1, false)
	return at < t.lineEnd(i) && next != ' ' && next != '\t' && !strings.ContainsRune(")」』）】》”", next)
}

// period reports a "." that ends a Chinese sentence or follows a Chinese numeral; it is
// left to the writer, who knows whether 。 or 、 is meant.
func (t *text) period(i int) {
	if !isCJK(t.before(i)) {
		return
	}
	if next, _ := t.after(i+1, true); next == utf8.RuneError || isCJK(next) {
		t.report(diag.Warningf(diag.Position{}, msg.HalfWidthPeriod), i, msg.Message{})
	}
}

// quote reports a straight double quote beside Chinese text, left to the writer to choose
// between “” and 「」.
func (t *text) quote(i int) {
	next, _ := t.after(i+1, false)
	if isCJK(t.before(i)) || isCJK(next) {
		t.report(diag.Warningf(diag.Position{}, msg.HalfWidthQuote), i, msg.Message{})
	}
}

// pair is a pair of half-width brackets in one span of prose.
type pair struct {
	open, close int
	han         bool // Chinese characters stand between them
}

// pairs returns the pairs of brackets of prose, in the order they open. A bracket whose partner
// is not in the same span of prose has no pair: it may belong to Markdown's syntax.
func (t *text) pairs(prose []span) []pair {
	var pairs []pair
	for _, s := range prose {
		var open []pair // the brackets still open
		t.eachRune([]span{s}, func(i int, r rune) {
			switch {
			case r == '(':
				open = append(open, pair{open: i})
			case r == ')' && len(open) > 0:
				p := open[len(open)-1]
				open = open[:len(open)-1]
				p.close = i
				pairs = append(pairs, p)
				if len(open) > 0 && p.han {
					open[len(open)-1].han = true
				}
			case len(open) > 0 && unicode.Is(unicode.Han, r):
				open[len(open)-1].han = true
			}
		})
	}
	slices.SortFunc(pairs, func(a, b pair) int { return a.open - b.open })
	return pairs
}

// brackets reports a pair of half-width brackets around Chinese words inside a Chinese
// sentence, and replaces it with （）.
func (t *text) brackets(p pair) {
	if t.handled[p.open] || !p.han {
		return
	}
	if next, _ := t.after(p.close+1, false); !isCJK(t.before(p.open)) && !isCJK(next) {
		return
	}
	t.becomes[p.open], t.becomes[p.close] = '（', '）'
	t.report(diag.Warningf(diag.Position{}, msg.HalfWidthBrackets),
		p.open, msg.New(msg.Rewritten, "(…)", "（…）"), Edit{Start: p.open, End: p.open + 1, New: "（"}, Edit{Start: p.close, End: p.close + 1, New: "）"})
}
