package hygiene

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/frontmatter"
	"github.com/dangjian/dangjian/internal/markdown"
	"gopkg.in/yaml.v3"
)

// converter parses Markdown bodies the way the site does; parsing is all hygiene asks of it.
var converter = sync.OnceValue(func() *markdown.Converter { return markdown.New() })

// regions returns the ranges of the file that are prose: in a Markdown file, the values of its
// front matter and the text of its body; in a YAML file, its values. And, apart, those of a
// Markdown body that are code, its code blocks and spans, and the full-width indents of its
// paragraphs; and those of the prose that are whole YAML values. It reads the file as c holds
// it, as it will be once repaired: garbage and invisible characters gone, so that deleting
// them changes nothing else (a stray byte-order mark that breaks the YAML does not hide the
// values behind it), and the keyboard's slips of the front matter mended, so that its values
// are read as YAML will read them. A character taken out at the edge of code counts as in it.
func (t *text) regions(c *cleaned) (prose, code []span, indents []indent, values []span) {
	whole := 0 // the spans of prose that are whole YAML values come first
	if !t.isMD {
		prose = c.yamlValues(c.text)
		whole = len(prose)
	} else {
		matter, body, _, ok := frontmatter.Split(c.text)
		if ok && matter != nil {
			// A newline in place of the opening --- keeps YAML's line numbers equal to the
			// file's, as the loader reads it.
			prose = c.yamlValues(append([]byte("\n"), matter...))
		}
		whole = len(prose)
		bodyStart := len(c.text) - len(body)
		words, codes, wide := converter().Regions(body)
		for _, s := range words {
			prose = append(prose, span{bodyStart + s.Start, bodyStart + s.End})
		}
		for _, s := range codes {
			code = append(code, span{c.norm(bodyStart+s.Start, true), c.norm(bodyStart+s.End, false)})
		}
		for _, w := range wide {
			in := indent{deletable: w.Deletable}
			for _, run := range w.Runs {
				for at := bodyStart + run.Start; at < bodyStart+run.End; at += len(wideSpace) {
					in.spaces = append(in.spaces, span{c.norm(at, false), c.norm(at+len(wideSpace), true)})
				}
			}
			indents = append(indents, in)
		}
	}
	for i, s := range prose {
		prose[i] = span{c.norm(s.start, false), c.norm(s.end, true)}
	}
	return prose, code, indents, prose[:whole:whole]
}

// cleaned is the text as it will be once repaired, and the way back to offsets in the text: the
// skipped ranges taken out, and the keyboard's slips of the front matter mended. Neither holds
// a line end, so lines keep their numbers.
type cleaned struct {
	text  []byte
	lines []int // offsets in text at which lines start
	at    []int // the offset in text just after each range taken out or written anew
	added []int // the bytes written in place of each range: none for one taken out
	// removed holds the bytes taken out, less those written, up to and including each range.
	removed []int
}

func (t *text) clean() *cleaned {
	edits := make([]Edit, 0, len(t.skip)+len(t.repairs))
	for _, s := range t.skip {
		edits = append(edits, Edit{Start: s.start, End: s.end})
	}
	edits = append(edits, t.repairs...)
	slices.SortFunc(edits, func(a, b Edit) int { return a.Start - b.Start })
	c := &cleaned{text: make([]byte, 0, len(t.norm))}
	from := 0
	for _, e := range edits {
		c.text = append(c.text, t.norm[from:e.Start]...)
		c.text = append(c.text, e.New...)
		c.at = append(c.at, len(c.text))
		c.added = append(c.added, len(e.New))
		c.removed = append(c.removed, e.End-len(c.text))
		from = e.End
	}
	c.text = append(c.text, t.norm[from:]...)
	c.lines = append(c.lines, 0)
	for i, b := range c.text {
		if b == '\n' {
			c.lines = append(c.lines, i+1)
		}
	}
	return c
}

// norm returns the offset in the text of an offset in the cleaned text. At a place where a
// range was taken out, the start of a span goes after the range, and the end before it; a span
// that starts or ends just after a range written anew holds all of it or none.
func (c *cleaned) norm(offset int, end bool) int {
	n := sort.Search(len(c.at), func(i int) bool { return c.at[i] > offset || end && c.at[i] == offset && c.added[i] == 0 })
	if n == 0 {
		return offset
	}
	return offset + c.removed[n-1]
}

// yamlValues returns the ranges of the scalar values of a YAML document whose text stands in
// the file exactly as YAML reads it: a value on one line, plain or quoted, with no escapes.
// Keys, comments, and the commas and brackets of flow lists are YAML's syntax, not prose.
// Line numbers of src are the file's.
func (c *cleaned) yamlValues(src []byte) []span {
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil {
		return nil // the loader reports the syntax error
	}
	var spans []span
	var walk func(n *yaml.Node, isKey bool)
	walk = func(n *yaml.Node, isKey bool) {
		switch n.Kind {
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, child := range n.Content {
				walk(child, false)
			}
		case yaml.MappingNode:
			for i, child := range n.Content {
				walk(child, i%2 == 0)
			}
		case yaml.ScalarNode:
			if s, ok := c.scalarSpan(n); ok && !isKey {
				spans = append(spans, s)
			}
		}
	}
	walk(&doc, false)
	return spans
}

// scalarSpan returns the range of a scalar's value in the cleaned text, when it holds the value
// as it is: on one line, and, when quoted, without escapes.
func (c *cleaned) scalarSpan(n *yaml.Node) (span, bool) {
	if n.Line < 1 || n.Line > len(c.lines) || n.Column < 1 || n.Value == "" || strings.Contains(n.Value, "\n") {
		return span{}, false
	}
	start := c.lines[n.Line-1]
	end := len(c.text)
	if i := bytes.IndexByte(c.text[start:], '\n'); i >= 0 {
		end = start + i
	}
	for range n.Column - 1 {
		if start >= end {
			return span{}, false
		}
		_, size := utf8.DecodeRune(c.text[start:end])
		start += size
	}
	switch n.Style {
	case 0:
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		start++ // past the opening quote
	default:
		return span{}, false
	}
	if start+len(n.Value) > end || string(c.text[start:start+len(n.Value)]) != n.Value {
		return span{}, false
	}
	return span{start, start + len(n.Value)}, true
}
