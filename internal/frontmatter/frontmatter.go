// Package frontmatter reads a content file into a Doc: it checks the bytes (size, UTF-8, BOM,
// CRLF), splits the YAML front matter from the Markdown body without losing line numbers, and
// decodes the front matter into the typed struct of the page's type, keeping where each key
// was written. What the site makes of a Doc (its URL, its list, its neighbours) is the later
// stages' business.
package frontmatter

import (
	"bytes"
	"slices"
	"strings"
	"time"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/textfile"
	"github.com/dangjian/dangjian/internal/yamlnode"
	"gopkg.in/yaml.v3"
)

// MaxFileSize bounds a content file: a page of text is a few kilobytes, and a file of many
// megabytes is a mistake (a pasted image, a log) that should not slow every build.
const MaxFileSize = 8 << 20

// Doc is a decoded content file: what its front matter says, and its Markdown body.
type Doc struct {
	kinds.Matter // what its front matter says: the common keys, and its kind's own

	Kind string // the page's kind: kinds.TypeActivity … kinds.TypeReport, or kinds.TypePage
	// File is the source file, slash-separated and relative to the site root
	// (content/lectures/x.md).
	File string

	Body     []byte // the Markdown after the front matter
	BodyLine int    // the line of the file on which Body starts
	// KeyPos holds the position of each top-level front-matter key, for problems found later.
	KeyPos map[string]diag.Position
	// Failed marks the stand-in for a file that failed to load (see StandIn): its problem is
	// reported, and the page is only where links to it lead.
	Failed bool
}

// Pos returns the position of a front-matter key, or of the file's first line.
func (d *Doc) Pos(key string) diag.Position {
	if pos, ok := d.KeyPos[key]; ok {
		return pos
	}
	return diag.Position{File: d.File, Line: 1, Col: 1}
}

// IsPublished reports whether a build publishes the page: drafts only when asked to.
func (d *Doc) IsPublished(drafts bool) bool { return !d.Draft || drafts }

// Year is the year the page is dated in.
func (d *Doc) Year() int { return d.Date.Year() }

// ReportYear is the year a report speaks for: its year key, else the year of its date.
func (d *Doc) ReportYear() int {
	if d.Report != nil && d.Report.Year != 0 {
		return d.Report.Year
	}
	return d.Year()
}

// DateString is the page's date as 2016-09-20.
func (d *Doc) DateString() string { return d.Date.Format(time.DateOnly) }

// Parse reads the content file named file. defaultType is the type its folder gives; a
// type key in the front matter overrides it. index says the file is a list's _index.md, whose
// front matter is optional and needs no date. The Doc is nil only with an error among the
// problems; StandIn then makes one that holds what the site needs of it.
func Parse(file string, data []byte, defaultType string, index bool) (*Doc, diag.List) {
	var problems diag.List
	start := diag.Position{File: file, Line: 1, Col: 1}
	if len(data) > MaxFileSize {
		problems.Errorf(start, msg.FileTooLarge, len(data), MaxFileSize)
		return nil, problems
	}
	data = textfile.Normalize(data)
	if problems = textfile.Check(file, data); problems.HasErrors() {
		return nil, problems
	}
	d := &Doc{File: file, Kind: defaultType, KeyPos: map[string]diag.Position{}}
	matter, body, bodyLine, ok := Split(data)
	d.Body, d.BodyLine = body, bodyLine
	if !ok {
		if !index {
			problems.Errorf(start, msg.NoFrontMatter)
		}
		return d, problems
	}
	if matter == nil {
		problems.Errorf(start, msg.FrontMatterNotClosed)
		return nil, problems
	}
	// A newline in place of the opening --- keeps YAML's line numbers equal to the file's.
	doc, read := yamlnode.Read(file, append([]byte("\n"), matter...))
	if problems = append(problems, read...); doc == nil {
		return nil, problems
	}
	if aliases := yamlnode.CheckAliases(file, doc); aliases.HasErrors() {
		return nil, append(problems, aliases...)
	}
	top := doc
	if len(doc.Content) == 1 {
		top = doc.Content[0]
	}
	if top.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(top.Content); i += 2 {
			d.KeyPos[top.Content[i].Value] = yamlnode.Pos(file, top.Content[i])
		}
		if t := scalarKey(top, "type"); t != nil {
			d.Kind = t.Value
			if _, ok := kinds.Named(t.Value); !ok {
				problems.Errorf(yamlnode.Pos(file, t), msg.UnknownType, msg.Items(kinds.Names()), t.Value)
				return nil, problems
			}
		}
	} else if top.Kind != yaml.DocumentNode { // an empty front matter is a document with no content
		problems.Errorf(yamlnode.Pos(file, top), msg.FrontMatterNotKeys, describe(top))
		return nil, problems
	}
	kind, _ := kinds.Named(d.Kind)
	v, decoded := kind.NewMatter()
	if top.Kind == yaml.MappingNode {
		problems = append(problems, yamlnode.Decode(file, top, v)...)
	}
	d.Matter = decoded()
	if !index {
		// A value that failed to decode was reported already, on its key's line.
		if strings.TrimSpace(d.Title) == "" && !reported(problems, d.KeyPos, "title") {
			problems.Errorf(d.Pos("title"), msg.TitleRequired)
		}
		if _, given := d.KeyPos["date"]; !given {
			problems.Errorf(start, msg.DateRequired)
		} else if d.Date.IsZero() && !reported(problems, d.KeyPos, "date") {
			problems.Errorf(d.Pos("date"), msg.DateRequired)
		}
	}
	return d, problems
}

// reported reports whether a problem was found on the line of key, a key that was given.
func reported(problems diag.List, keyPos map[string]diag.Position, key string) bool {
	pos, given := keyPos[key]
	return given && slices.ContainsFunc(problems, func(pr diag.Problem) bool { return pr.Pos.Line == pos.Line })
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

// StandIn returns the Doc of a content file that Parse could not load, or that could not be
// read (data nil), so that the page still exists for the links and lists of the others and its
// mistake is reported once, where it is: the file, the kind of its folder, and its slug when
// its front matter is YAML enough to hold one. The matter of its kind is there, empty.
func StandIn(file string, data []byte, defaultType string) *Doc {
	kind, _ := kinds.Named(defaultType)
	_, decoded := kind.NewMatter()
	d := &Doc{Matter: decoded(), File: file, Kind: kind.Name, Failed: true}
	if len(data) > MaxFileSize {
		return d
	}
	var doc yaml.Node
	if matter, _, _, _ := Split(textfile.Normalize(data)); matter != nil && yaml.Unmarshal(matter, &doc) == nil && len(doc.Content) == 1 {
		if slug := scalarKey(doc.Content[0], "slug"); slug != nil {
			d.Slug = slug.Value
		}
	}
	return d
}

// scalarKey returns the value of key when m is a mapping and the value a scalar, or nil.
func scalarKey(m *yaml.Node, key string) *yaml.Node {
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key && m.Content[i+1].Kind == yaml.ScalarNode {
			return m.Content[i+1]
		}
	}
	return nil
}

// describe says what a front matter that is not keys is.
func describe(n *yaml.Node) msg.Text {
	switch n.Kind {
	case yaml.SequenceNode:
		return msg.New(msg.AList)
	case yaml.ScalarNode:
		return msg.New(msg.TheText, n.Value)
	}
	return msg.New(msg.SomethingElse)
}
