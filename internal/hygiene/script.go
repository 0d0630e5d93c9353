package hygiene

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/longbridgeapp/opencc"
)

//go:generate go run ./internal/mkchars

// charsTable lists the characters that only one script uses, with their forms in the other:
// "s 并 並 併" (simplified only; traditional 並 or 併), "t 據 据"; and, marked "s?" and "t?", a
// few that the other script writes too, but only in names or old senses (党, 於). It is made by
// mkchars from OpenCC's dictionaries. Other characters both scripts write (群, 干, 据) are in
// neither list.
//
//go:embed chars.txt
var charsTable string

// forms maps a character to its forms in the other script, most usual first.
type forms map[rune][]string

// table holds, for each script, the characters that its text has no place for.
type table struct {
	only    map[string]forms // the characters only the other script writes
	usually map[string]forms // those the script itself writes only in names or old senses
}

var chars = sync.OnceValue(func() table {
	t := table{
		only:    map[string]forms{kinds.Simplified: {}, kinds.Traditional: {}},
		usually: map[string]forms{kinds.Simplified: {}, kinds.Traditional: {}},
	}
	scripts := map[string]string{"s": kinds.Traditional, "t": kinds.Simplified} // whose text has no place for them
	for line := range strings.Lines(charsTable) {
		fields := strings.Fields(line)
		if len(fields) < 3 {
			continue
		}
		c, _ := utf8.DecodeRuneInString(fields[1])
		if script, ok := scripts[fields[0]]; ok {
			t.only[script][c] = fields[2:]
		} else if script, ok := scripts[strings.TrimSuffix(fields[0], "?")]; ok {
			t.usually[script][c] = fields[2:]
		}
	}
	return t
})

// other returns the script that is not script.
func other(script string) string {
	if script == kinds.Traditional {
		return kinds.Simplified
	}
	return kinds.Traditional
}

// mostShown bounds the characters one finding lists; the rest are counted.
const mostShown = 8

// script finds, in prose, characters of the other script than the site's: one finding a line
// for those only the other script writes (an error), and one for those the site's script
// writes only in names (a warning), each at the first of them, naming each with the forms to
// write instead. The errors are repaired as OpenCC converts the line, which weighs the words
// around a character whose form depends on them (发 is 發 in 發電 but 髮 in 頭髮); names are
// left to the writer.
func (t *text) script(prose []span, script string) {
	for _, kind := range []struct {
		wrong  forms
		report func(diag.Position, string, ...any) diag.Problem
		format string
		repair bool
	}{
		{chars().only[script], diag.Errorf, "%s characters in a site written in %s ones (site.yaml script): %s", true},
		{chars().usually[script], diag.Warningf, "%s characters in a site written in %s ones (site.yaml script), unless they are part of a name: %s", false},
	} {
		type line struct {
			at    []int // the offsets of the characters
			chars []rune
		}
		var lines []*line
		byLine := map[int]*line{}
		t.eachRune(prose, func(i int, r rune) {
			if _, ok := kind.wrong[r]; !ok {
				return
			}
			start := t.lineStart(i)
			l := byLine[start]
			if l == nil {
				l = &line{}
				byLine[start] = l
				lines = append(lines, l)
			}
			l.at = append(l.at, i)
			if !slices.Contains(l.chars, r) {
				l.chars = append(l.chars, r)
			}
		})
		for _, l := range lines {
			var b strings.Builder
			for i, r := range l.chars[:min(len(l.chars), mostShown)] {
				if i > 0 {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, "%c → %s", r, strings.Join(kind.wrong[r], " or "))
			}
			if more := len(l.chars) - mostShown; more > 0 {
				fmt.Fprintf(&b, " and %d more", more)
			}
			var done string
			var edits []Edit
			if kind.repair {
				done, edits = t.convertAt(l.at, script)
			}
			t.report(kind.report(diag.Position{}, kind.format, other(script), script, b.String()), l.at[0], done, edits...)
		}
	}
}

// convertAt returns the edits that write the characters at the offsets, all on one line, in
// script, as OpenCC converts the whole line, and what they do; none when OpenCC leaves one
// of them as it is, or the line lost a character, which may have garbled those after it.
func (t *text) convertAt(offsets []int, script string) (string, []Edit) {
	start := t.lineStart(offsets[0])
	if t.lostOn[start] {
		return "", nil
	}
	converted := []rune(writeIn(string(t.norm[start:t.lineEnd(start)]), script))
	var done []string
	var edits []Edit
	for _, at := range offsets {
		k := utf8.RuneCount(t.norm[start:at])
		r, size := utf8.DecodeRune(t.norm[at:])
		if converted[k] == r {
			return "", nil
		}
		edits = append(edits, Edit{Start: at, End: at + size, New: string(converted[k])})
		if c := fmt.Sprintf("%c → %c", r, converted[k]); !slices.Contains(done, c) {
			done = append(done, c)
		}
	}
	return strings.Join(done, ", "), edits
}

// writeIn returns s with the characters that only the other script writes converted to
// script, as OpenCC converts them within s, and every other character as it was.
func writeIn(s, script string) string {
	converted := []rune(inScript(s, script))
	out := []rune(s)
	for k, r := range out {
		if _, wrong := chars().only[script][r]; wrong && k < len(converted) {
			out[k] = converted[k]
		}
	}
	return string(out)
}

// converters are OpenCC's conversions to simplified and to traditional characters, made once:
// they build their dictionaries from the tables embedded in the package.
var converters = sync.OnceValues(func() (map[string]*opencc.OpenCC, error) {
	t2s, err := opencc.New("t2s")
	if err != nil {
		return nil, err
	}
	s2t, err := opencc.New("s2t")
	return map[string]*opencc.OpenCC{kinds.Simplified: t2s, kinds.Traditional: s2t}, err
})

// inScript returns s written in script as OpenCC converts it: where a character's form
// depends on the word, by the phrases it knows (并在 → 並在, 合并 → 合併), and otherwise in the
// character's usual form. Text in traditional characters is made simplified first, so that
// a stray simplified character is looked up with the words around it. When the conversion
// would change the number of characters, or fails, s is returned as it is.
func inScript(s, script string) string {
	cc, err := converters()
	if err != nil {
		return s
	}
	out := s
	if script == kinds.Traditional {
		if out, err = cc[kinds.Simplified].Convert(out); err != nil {
			return s
		}
	}
	if out, err = cc[script].Convert(out); err != nil || utf8.RuneCountInString(out) != utf8.RuneCountInString(s) {
		return s
	}
	return out
}

// Convert writes the characters of text that script has no place for in its most usual form,
// character by character. Without the phrases that full conversion weighs, it is right for
// short text chosen to convert well, such as the comments of a page template, and not for an
// editor's prose.
func Convert(text, script string) string {
	return strings.Map(func(r rune) rune { return usualForm(r, script) }, text)
}

// usualForm returns r in its most usual form in script, when script has no place for it.
func usualForm(r rune, script string) rune {
	f, ok := chars().only[script][r]
	if !ok {
		f, ok = chars().usually[script][r]
	}
	if ok {
		r, _ = utf8.DecodeRuneInString(f[0])
	}
	return r
}
