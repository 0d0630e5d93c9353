package render

import (
	"testing"

	"github.com/dangjian/dangjian/internal/chart"
	"github.com/dangjian/dangjian/internal/convert"
	"github.com/dangjian/dangjian/internal/frontmatter"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/page"
)

// TestShows checks what the table says each kind of page shows, and that a body or an
// _index.md with a chart shows the site's figures too.
func TestShows(t *testing.T) {
	charted := &page.Page{Doc: frontmatter.Doc{File: "content/lectures/_index.md"}}
	pages := convert.Collect([]*convert.Page{{File: charted.File, Charts: []chart.Spec{{ID: "chart-1"}}}})
	home := &page.List{URL: "/"}
	hall := &page.List{URL: "/lecture-hall/", Kind: kinds.TypeLectureHall, Parent: home}
	for _, tc := range []struct {
		name      string
		got, want Shows
	}{
		{"an activity", PageShows(&page.Page{Doc: frontmatter.Doc{Kind: kinds.TypeActivity}}, pages), Titles | Neighbours},
		{"a lecture-hall event", PageShows(&page.Page{Doc: frontmatter.Doc{Kind: kinds.TypeLectureHall}}, pages), Titles | Neighbours | Related},
		{"a report", PageShows(&page.Page{Doc: frontmatter.Doc{Kind: kinds.TypeReport}}, pages), Titles | Neighbours | SiteCharts},
		{"a page with a chart block", PageShows(&page.Page{Doc: frontmatter.Doc{Kind: kinds.TypePage, File: charted.File}}, pages), Titles | Neighbours | SiteCharts},
		{"the home page", ListShows(&page.Pager{List: home, Number: 1}, pages), Titles | Recent | SiteCharts},
		{"the lecture hall's index", ListShows(&page.Pager{List: hall, Number: 1}, pages), Titles | Entries | HallCharts},
		{"its second page", ListShows(&page.Pager{List: hall, Number: 2}, pages), Titles | Entries},
		{"a folder of the lecture hall", ListShows(&page.Pager{List: &page.List{URL: "/lecture-hall/2016/", Kind: kinds.TypeLectureHall, Parent: hall}, Number: 1}, pages), Titles | Entries},
		{"a list with a chart in its _index.md", ListShows(&page.Pager{List: &page.List{URL: "/lectures/", Parent: home, Index: charted}, Number: 1}, pages), Titles | Entries | SiteCharts},
	} {
		if tc.got != tc.want {
			t.Errorf("%s shows %b, want %b", tc.name, tc.got, tc.want)
		}
	}
}

// TestDataGivesWhatItShows checks that a layout gets nothing of what its page does not show.
func TestDataGivesWhatItShows(t *testing.T) {
	site := &page.Site{Home: &page.List{URL: "/", Children: []*page.List{{URL: "/a/"}}}}
	r := &Renderer{site: site, pages: convert.Collect(nil)}
	p := &page.Page{Doc: frontmatter.Doc{Kind: kinds.TypeActivity}}
	d := r.data("/a/x/", "x", NotFoundShows)
	if d.Related(p, 3) != nil || d.Recent(site.Home.Children[0], 5) != nil {
		t.Errorf("a page that shows no related or recent pages is given some")
	}
	if figs, err := d.HallCharts(); figs != nil || err != nil {
		t.Errorf("a page that shows no charts is given %d: %v", len(figs), err)
	}
	if d.NeedsCharts() {
		t.Errorf("a page that shows no charts needs their script")
	}
	if len(d.Menu()) != 1 {
		t.Errorf("a page that shows the lists' titles has no menu")
	}
}

// TestEveryKindShowsSomething: a kind of page missing from pageShows would show nothing of the
// others, not even the titles of its menu and breadcrumbs, and no test of a page would say so.
func TestEveryKindShowsSomething(t *testing.T) {
	for _, k := range kinds.All {
		if !pageShows[k.Name].Has(Titles) {
			t.Errorf("pageShows says nothing of %s pages: give the kind a row", k.Name)
		}
	}
}
