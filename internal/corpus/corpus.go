// Package corpus writes synthetic sites of any size for the tests and the benchmarks: every page
// kind with every front-matter key its kind has, Chinese titles and bodies, links between pages
// written root-relative and as source paths, page bundles with pictures, a Chinese-named group
// folder, drafts, and a report per year declaring the metrics that no rule counts, dated in the
// last days of its year (in the future while that year lasts). The same size and seed give the
// same files, byte for byte.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/dangjian/dangjian/internal/kinds"
)

// Years are the years the pages fall in; each has a report.
const (
	FirstYear = 2011
	LastYear  = 2026
)

// section is a content folder: the kind of its pages and what a site calls it.
type section struct {
	kind, folder, title, intro string
	share                      int // parts of the pages it gets; reports come on top
}

// newSection returns the section of a kind, named as the kinds table names it in simplified
// characters, the script of the corpus's sites.
func newSection(kind, intro string, share int) section {
	k, _ := kinds.Named(kind)
	return section{kind: k.Name, folder: k.Section, title: k.TitleIn(kinds.Simplified), intro: intro, share: share}
}

var sections = []section{
	newSection(kinds.TypeActivity, "各党支部的主题党日、学习教育和志愿服务。", 8),
	newSection(kinds.TypeLecture, "党课、专题知识讲座、警示教育大会和专题讨论。", 6),
	newSection(kinds.TypeProject, "党员牵头的攻关和挖潜项目。", 3),
	newSection(kinds.TypeLectureHall, "每一场道德讲堂的流程、参加人次和刊发情况。", 2),
	newSection(kinds.TypeReport, "公司党委每年的工作报告和指标。", 0),
}

// GroupFolder is a folder inside lectures/ that groups pages without being a page itself.
const GroupFolder = "专题讨论"

// Write writes a site of about pages pages (reports, list pages and the group folder's pages
// come on top) into dir, which must not exist or be empty.
func Write(dir string, pages int, seed uint64) error {
	if pages < 1 {
		return fmt.Errorf("a site needs at least one page, not %d", pages)
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty: a corpus is written into a new folder", dir)
	}
	w := &writer{dir: dir}
	site := plan(pages, seed)
	w.file("site.yaml", siteYAML(pages, seed))
	w.file("content/_index.md", indexPage("基层党建工作", "本站汇集公司党委和各党支部的党建工作。"))
	for _, s := range sections {
		w.file("content/"+s.folder+"/_index.md", indexPage(s.title, s.intro))
		if s.kind == kinds.TypeLecture {
			w.file("content/"+s.folder+"/"+GroupFolder+"/_index.md", indexPage(GroupFolder, "各党支部的专题讨论。"))
		}
	}
	for i, s := range sections {
		w.picture("static/images/"+s.kind+".png", i, 48)
	}
	for _, p := range site {
		w.page(p, seed)
	}
	return w.err
}

// writer writes files under dir and keeps the first error.
type writer struct {
	dir string
	err error
}

func (w *writer) file(name, content string) {
	if w.err != nil {
		return
	}
	full := filepath.Join(w.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		w.err = err
		return
	}
	w.err = os.WriteFile(full, []byte(content), 0o644)
}

func (w *writer) picture(name string, n, width int) {
	data, err := picture(n, width)
	if err != nil && w.err == nil {
		w.err = err
	}
	w.file(name, string(data))
}

// page writes a planned page, and its pictures when it is a bundle.
func (w *writer) page(p *plannedPage, seed uint64) {
	r := p.random(seed, forBody)
	w.file(p.file(), frontMatter(p.fields)+body(r, p))
	for i := range p.photos {
		w.picture(p.bundleFile(photoName(i)), p.number+i, 320)
	}
}

// random gives each page its own streams of numbers, one per purpose, so that what one page
// draws never changes another page.
func (p *plannedPage) random(seed uint64, purpose uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, uint64(p.number)<<2|purpose))
}

const (
	forPlan = iota
	forLinks
	forBody
)

// day is midnight UTC of a date.
func day(year int, month time.Month, d int) time.Time {
	return time.Date(year, month, d, 0, 0, 0, 0, time.UTC)
}
