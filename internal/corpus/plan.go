package corpus

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"time"
)

// plannedPage is one content file, decided before any is written so that bodies can link to
// pages that come later.
type plannedPage struct {
	section *section
	number  int    // 1-based, unique in the site: part of the file name and slug
	folder  string // under content/: the section's folder, or the group folder inside it
	name    string // the file name without .md, or the bundle's folder name
	slug    string // "" when the page takes its URL from name
	title   string
	date    time.Time
	draft   bool
	photos  int // a bundle's pictures; 0 for a single file
	table   bool
	links   []*plannedPage
	fields  []field // the whole front matter, in order
}

func (p *plannedPage) file() string {
	if p.photos > 0 {
		return p.bundleFile("index.md")
	}
	return "content/" + p.folder + "/" + p.name + ".md"
}

func (p *plannedPage) bundleFile(name string) string {
	return "content/" + p.folder + "/" + p.name + "/" + name
}

// url is the page's address from the site's root, as an editor writes a root-relative link.
func (p *plannedPage) url() string {
	return "/" + p.folder + "/" + cmpOr(p.slug, p.name) + "/"
}

// pathFrom is the link to p's source file as written in from's source file.
func (p *plannedPage) pathFrom(from *plannedPage) string {
	fromDir := path.Dir(from.file())
	up := strings.Repeat("../", strings.Count(fromDir, "/"))
	return up + strings.TrimPrefix(p.file(), "content/")
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func photoName(i int) string { return fmt.Sprintf("photo-%d.png", i+1) }

// plan decides every page of a site of n pages.
func plan(n int, seed uint64) []*plannedPage {
	var pages []*plannedPage
	for i, count := range sectionCounts(n) {
		for range count {
			p := &plannedPage{section: &sections[i], number: len(pages) + 1}
			planPage(p.random(seed, forPlan), p)
			pages = append(pages, p)
		}
	}
	for year := FirstYear; year <= LastYear; year++ {
		p := &plannedPage{section: &sections[len(sections)-1], number: len(pages) + 1}
		planReport(p.random(seed, forPlan), p, year)
		pages = append(pages, p)
	}

	// About one page in five links to up to three published pages.
	var published []*plannedPage
	for _, p := range pages {
		if !p.draft {
			published = append(published, p)
		}
	}
	for _, p := range pages {
		r := p.random(seed, forLinks)
		if r.IntN(5) != 0 {
			continue
		}
		for range 1 + r.IntN(3) {
			if to := pick(r, published); to != p && !slices.Contains(p.links, to) {
				p.links = append(p.links, to)
			}
		}
	}
	return pages
}

// sectionCounts splits n pages between the sections by their shares; the first section takes
// what the division leaves over.
func sectionCounts(n int) []int {
	shares := 0
	for _, s := range sections {
		shares += s.share
	}
	counts := make([]int, len(sections))
	counts[0] = n
	for i, s := range sections[1:] {
		counts[i+1] = n * s.share / shares
		counts[0] -= counts[i+1]
	}
	return counts
}
