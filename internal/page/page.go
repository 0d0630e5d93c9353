// Package page is the site model: pages with their typed front matter, the lists that group
// them (home, sections, sub-folders) with pagination, and the URLs of everything the site
// publishes. It does no I/O and knows nothing of HTML.
package page

import (
	"cmp"
	"path"
	"strings"
	"time"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/kinds"
)

// Page is one content file, or the _index.md of a list.
type Page struct {
	kinds.Matter // what its front matter says: the common keys, and its kind's own

	Kind string // the page's kind: kinds.TypeActivity … kinds.TypeReport, or kinds.TypePage
	// File is the source file, slash-separated and relative to the site root
	// (content/lectures/x.md).
	File string
	// Section is the first folder under content/ ("" for a file directly in content/).
	Section string
	// Dir is the folder of the page's list, relative to content/ ("lectures/专题讨论").
	Dir string
	// URL is the page's path from the site root, with a trailing slash (/lectures/x/).
	URL string

	Body     []byte // the Markdown after the front matter
	BodyLine int    // the line of the file on which Body starts
	// KeyPos holds the position of each top-level front-matter key, for problems found later.
	KeyPos map[string]diag.Position
	// Resources are the other files of a page bundle, relative to the bundle's folder.
	Resources []string
	// Lastmod is when the source file last changed (see internal/lastmod); zero when unknown.
	Lastmod time.Time

	Prev, Next *Page // neighbours in the section, newest first
}

// ResourceFile returns the source path of a file of the page's bundle, r being one of its
// Resources.
func (p *Page) ResourceFile(r string) string { return path.Join(path.Dir(p.File), r) }

// ResourceOutput returns the output path of a file of the page's bundle, beside the page.
func (p *Page) ResourceOutput(r string) string {
	return path.Join(strings.TrimPrefix(p.URL, "/"), r)
}

// Pos returns the position of a front-matter key, or of the file's first line.
func (p *Page) Pos(key string) diag.Position {
	if pos, ok := p.KeyPos[key]; ok {
		return pos
	}
	return diag.Position{File: p.File, Line: 1, Col: 1}
}

// IsPublished reports whether a build publishes the page: drafts only when asked to.
func (p *Page) IsPublished(drafts bool) bool { return !p.Draft || drafts }

// IsBundle reports whether the page is a page bundle (a folder holding index.md).
func (p *Page) IsBundle() bool { return strings.HasSuffix(p.File, "/"+kinds.BundleFile) }

// Year is the year the page is dated in.
func (p *Page) Year() int { return p.Date.Year() }

// ReportYear is the year a report speaks for: its year key, else the year of its date.
func (p *Page) ReportYear() int {
	if p.Report != nil && p.Report.Year != 0 {
		return p.Report.Year
	}
	return p.Year()
}

// DateString is the page's date as 2016-09-20.
func (p *Page) DateString() string { return p.Date.Format(time.DateOnly) }

// Newest orders pages newest first; pages of the same date by weight, then title, then file,
// so that the order never depends on the order files were read in.
func Newest(a, b *Page) int {
	return cmp.Or(
		b.Date.Compare(a.Date),
		cmp.Compare(a.Weight, b.Weight),
		cmp.Compare(a.Title, b.Title),
		cmp.Compare(a.File, b.File),
	)
}
