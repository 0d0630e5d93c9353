// Package page is the site model, assembled from the documents frontmatter decoded: pages,
// the lists that group them (home, sections, sub-folders) with pagination, and the URLs of
// everything the site publishes. It does no I/O and knows nothing of HTML.
package page

import (
	"cmp"
	"path"
	"strings"
	"time"

	"github.com/dangjian/dangjian/internal/frontmatter"
	"github.com/dangjian/dangjian/internal/kinds"
)

// Page is one content file, or the _index.md of a list: its decoded document, and what the
// model adds to it.
type Page struct {
	frontmatter.Doc // what the file says: its front matter, its kind and its body

	// Section is the first folder under content/ ("" for a file directly in content/).
	Section string
	// Dir is the folder of the page's list, relative to content/ ("lectures/专题讨论").
	Dir string
	// URL is the page's path from the site root, with a trailing slash (/lectures/x/).
	URL string

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

// IsBundle reports whether the page is a page bundle (a folder holding index.md).
func (p *Page) IsBundle() bool { return strings.HasSuffix(p.File, "/"+kinds.BundleFile) }

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
