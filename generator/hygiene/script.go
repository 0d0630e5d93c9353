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
// "s 并 並 併" (simplified only; traditional 並 or 併), "t 據 据". It is made by mkchars from
// OpenCC's dictionaries. A character both scripts write (群, 干, 据) is in neither list.
//
//go:embed chars.txt
var charsTable string

// forms maps a character that only one script uses to its forms in the other, most usual first.
type forms map[rune][]string

// onlyIn returns, for each script, the characters that only it uses.
var onlyIn = sync.OnceValue(func() map[string]forms {
	only := map[string]forms{Simplified: {}, Traditional: {}}
	for line := range strings.Lines(charsTable) {
		fields := strings.Fields(line)
		if len(fields) < 3 || fields[0] == "#" {
			continue
		}
		c, _ := utf8.DecodeRuneInString(fields[1])
		switch fields[0] {
		case "s":
			only[Simplified][c] = fields[2:]
		case "t":
			only[Traditional][c] = fields[2:]
		}
	}
	return only
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

// script finds, in prose, characters that only the other script uses: one finding a line, at
// the first of them, naming each with the forms to write instead. There is no repair: which
// form is right can depend on the word (发 is 發 in 發電 but 髮 in 頭髮).
func (t *text) script(prose []span, script string) {
	wrong := onlyIn()[other(script)]
	type line struct {
		first int
		chars []rune
	}
	var lines []*line
	byLine := map[int]*line{}
	t.eachRune(prose, func(_ span, i int, r rune) {
		if _, ok := wrong[r]; !ok {
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
		l.first = min(l.first, i)
	})
	for _, l := range lines {
		var b strings.Builder
		for i, r := range l.chars[:min(len(l.chars), mostShown)] {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%c → %s", r, strings.Join(wrong[r], " or "))
		}
		if more := len(l.chars) - mostShown; more > 0 {
			fmt.Fprintf(&b, " and %d more", more)
		}
		t.report(diag.Errorf(diag.Position{}, "%s characters in a site written in %s ones (site.yaml script): %s", other(script), script, b.String()), l.first, "")
	}
}

// Convert writes the characters of text that only the other script uses in script's most usual
// form, character by character. Without the phrases that full conversion weighs, it is right
// for short text chosen to convert well, such as the comments of a page template, and not for
// an editor's prose.
func Convert(text, script string) string {
	wrong := onlyIn()[other(script)]
	return strings.Map(func(r rune) rune {
		if f, ok := wrong[r]; ok {
			c, _ := utf8.DecodeRuneInString(f[0])
			return c
		}
		return r
	}, text)
}
