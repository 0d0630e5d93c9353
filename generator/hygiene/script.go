package hygiene

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dangjian/dangjian/generator/diag"
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
		only:    map[string]forms{Simplified: {}, Traditional: {}},
		usually: map[string]forms{Simplified: {}, Traditional: {}},
	}
	scripts := map[string]string{"s": Traditional, "t": Simplified} // whose text has no place for them
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
	if script == Traditional {
		return Simplified
	}
	return Traditional
}

// mostShown bounds the characters one finding lists; the rest are counted.
const mostShown = 8

// script finds, in prose, characters of the other script than the site's: one finding a line
// for those only the other script writes (an error), and one for those the site's script
// writes only in names (a warning), each at the first of them, naming each with the forms to
// write instead. There is no repair: which form is right can depend on the word (发 is 發 in
// 發電 but 髮 in 頭髮).
func (t *text) script(prose []span, script string) {
	for _, kind := range []struct {
		wrong  forms
		report func(diag.Position, string, ...any) diag.Problem
		format string
	}{
		{chars().only[script], diag.Errorf, "%s characters in a site written in %s ones (site.yaml script): %s"},
		{chars().usually[script], diag.Warningf, "%s characters in a site written in %s ones (site.yaml script), unless they are part of a name: %s"},
	} {
		type line struct {
			first int
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
				l = &line{first: i}
				byLine[start] = l
				lines = append(lines, l)
			}
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
			t.report(kind.report(diag.Position{}, kind.format, other(script), script, b.String()), l.first, "")
		}
	}
}

// Convert writes the characters of text that script has no place for in its most usual form,
// character by character. Without the phrases that full conversion weighs, it is right for
// short text chosen to convert well, such as the comments of a page template, and not for an
// editor's prose.
func Convert(text, script string) string {
	return strings.Map(func(r rune) rune {
		f, ok := chars().only[script][r]
		if !ok {
			f, ok = chars().usually[script][r]
		}
		if ok {
			c, _ := utf8.DecodeRuneInString(f[0])
			return c
		}
		return r
	}, text)
}
