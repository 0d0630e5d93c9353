// Package frontmatter reads a content file: it checks the bytes (size, UTF-8, BOM, CRLF),
// splits the YAML front matter from the Markdown body without losing line numbers, and decodes
// the front matter into the typed struct of the page's type.
package frontmatter

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/page"
	"github.com/dangjian/dangjian/internal/textfile"
	"github.com/dangjian/dangjian/internal/yamlnode"
	"gopkg.in/yaml.v3"
)

// MaxFileSize bounds a content file: a page of text is a few kilobytes, and a file of many
// megabytes is a mistake (a pasted image, a log) that should not slow every build.
const MaxFileSize = 8 << 20

// Parse reads the content file named file. defaultType is the type its folder gives; a
// type key in the front matter overrides it. index says the file is a list's _index.md, whose
// front matter is optional and needs no date.
func Parse(file string, data []byte, defaultType string, index bool) (*page.Page, diag.List) {
	var problems diag.List
	start := diag.Position{File: file, Line: 1, Col: 1}
	if len(data) > MaxFileSize {
		problems.Errorf(start, "file is %d bytes; a page may have at most %d", len(data), MaxFileSize)
		return nil, problems
	}
	data = textfile.Normalize(data)
	if problems = textfile.Check(file, data); problems.HasErrors() {
		return nil, problems
	}
	p := &page.Page{File: file, Kind: defaultType, KeyPos: map[string]diag.Position{}}
	matter, body, bodyLine, ok := Split(data)
	p.Body, p.BodyLine = body, bodyLine
	if !ok {
		if !index {
			problems.Errorf(start, "no front matter: a page starts with a --- line, then title: and date:, then another --- line")
		}
		return p, problems
	}
	if matter == nil {
		problems.Errorf(start, "front matter not closed: add a --- line after it")
		return nil, problems
	}
	// A newline in place of the opening --- keeps YAML's line numbers equal to the file's.
	var doc yaml.Node
	if err := yaml.Unmarshal(append([]byte("\n"), matter...), &doc); err != nil {
		problems.Add(yamlnode.SyntaxError(file, err))
		return nil, problems
	}
	if problems = yamlnode.CheckAliases(file, &doc); problems.HasErrors() {
		return nil, problems
	}
	top := &doc
	if len(doc.Content) == 1 {
		top = doc.Content[0]
	}
	if top.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(top.Content); i += 2 {
			p.KeyPos[top.Content[i].Value] = yamlnode.Pos(file, top.Content[i])
		}
		if t := typeKey(top); t != nil {
			p.Kind = t.Value
			if _, ok := kinds.Named(t.Value); !ok {
				problems.Errorf(yamlnode.Pos(file, t), "type: want one of %s, got %q", strings.Join(kinds.Names(), ", "), t.Value)
				return nil, problems
			}
		}
	} else if top.Kind != yaml.DocumentNode { // an empty front matter is a document with no content
		problems.Errorf(yamlnode.Pos(file, top), "front matter: want keys such as title: and date:, got %s", describe(top))
		return nil, problems
	}
	kind, _ := kinds.Named(p.Kind)
	v, decoded := kind.NewMatter()
	if top.Kind == yaml.MappingNode {
		problems = append(problems, yamlnode.Decode(file, top, v)...)
	}
	p.Matter = decoded()
	if !index {
		if strings.TrimSpace(p.Title) == "" {
			problems.Errorf(p.Pos("title"), "title is required")
		}
		if _, given := p.KeyPos["date"]; !given {
			problems.Errorf(start, "date is required")
		} else if p.Date.IsZero() && !slices.ContainsFunc(problems, func(d diag.Problem) bool { return d.Pos.Line == p.Pos("date").Line }) {
			// A date that failed to parse was reported by the decoder already; this one is empty.
			problems.Errorf(p.Pos("date"), "date is required")
		}
	}
	return p, problems
}

// Split cuts a file into its front matter (between a first line "---" and the next line "---"
// or "...") and its body. bodyLine is the file's line on which the body starts. ok is false
// when the file has no front matter; matter is nil when it is not closed.
func Split(data []byte) (matter, body []byte, bodyLine int, ok bool) {
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	if !isFence(first, false) {
		return nil, data, 1, false
	}
	line := 2
	for offset := 0; offset < len(rest); line++ {
		end := bytes.IndexByte(rest[offset:], '\n')
		next := len(rest)
		if end >= 0 {
			next = offset + end + 1
		}
		if isFence(bytes.TrimSuffix(rest[offset:next], []byte("\n")), true) {
			return rest[:offset], rest[next:], line + 1, true
		}
		offset = next
	}
	return nil, nil, 0, true
}

// isFence reports whether line is "---" (or, closing, "..."), trailing spaces allowed.
func isFence(line []byte, closing bool) bool {
	line = bytes.TrimRight(line, " \t")
	return string(line) == "---" || (closing && string(line) == "...")
}

func typeKey(m *yaml.Node) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "type" && m.Content[i+1].Kind == yaml.ScalarNode {
			return m.Content[i+1]
		}
	}
	return nil
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("the text %q", n.Value)
	}
	return "something else"
}
