package render

import (
	"github.com/dangjian/dangjian/internal/convert"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/page"
)

// Shows is what a page of the site shows beyond its own source files: of other pages, of the
// lists, of the site's figures. This file is the one place that says it for each kind of
// page: the data builders give a layout only what its kind shows, and a reload (generator's
// Site.Affected) rewrites a page when something it shows changed.
type Shows uint

const (
	// Titles are the titles of the lists: in the site's menu, in the breadcrumbs, in a list's
	// groups.
	Titles Shows = 1 << iota
	// Neighbours are the previous and next pages of a page's section: their titles and URLs.
	Neighbours
	// Related are the pages of a page's section near it in time (see Nearby), among which it
	// shows those most like it.
	Related
	// Entries are the pages on a list's page: their titles, dates, branches and summaries.
	Entries
	// Recent are the newest pages of every section, and how many each has.
	Recent
	// SiteCharts are the charts of site.yaml's metrics, or of a body's chart blocks: figures
	// of every page a metric counts.
	SiteCharts
	// HallCharts are the charts of the lecture hall's events and attendance per year: figures
	// of every lecture-hall page.
	HallCharts
	// Terms are the terms of a taxonomy, each with its number of pages.
	Terms
)

// Has reports whether s holds any of what.
func (s Shows) Has(what Shows) bool { return s&what != 0 }

// pageShows is what a page of each type shows.
var pageShows = map[string]Shows{
	kinds.TypeActivity:    Titles | Neighbours,
	kinds.TypeLecture:     Titles | Neighbours,
	kinds.TypeProject:     Titles | Neighbours,
	kinds.TypeLectureHall: Titles | Neighbours | Related,
	kinds.TypeReport:      Titles | Neighbours | SiteCharts,
	kinds.TypePage:        Titles | Neighbours,
}

// What the pages that are not a type's show.
const (
	homeShows     = Titles | Recent | SiteCharts
	listShows     = Titles | Entries
	hallShows     = Titles | Entries | HallCharts // the lecture hall's index, its first page
	TaxonomyShows = Titles | Terms                // a taxonomy's index
	NotFoundShows = Titles
	SearchShows   = Titles
)

// PageShows returns what a page shows: its type's, and the site's figures when its body holds
// a chart.
func PageShows(p *page.Page, pages *convert.Pages) Shows {
	return pageShows[p.Kind] | bodyShows(p, pages)
}

// ListShows returns what a page of a list shows: the home page's, the lecture hall's index's
// or any list's; and the site's figures when the list's _index.md holds a chart.
func ListShows(pg *page.Pager, pages *convert.Pages) Shows {
	l := pg.List
	shows := listShows
	switch {
	case l.IsHome():
		shows = homeShows
	case l.Kind == kinds.TypeLectureHall && l.Parent != nil && l.Parent.IsHome() && pg.Number == 1:
		shows = hallShows
	}
	if l.Index != nil {
		shows |= bodyShows(l.Index, pages)
	}
	return shows
}

// bodyShows returns SiteCharts when p's body holds a chart.
func bodyShows(p *page.Page, pages *convert.Pages) Shows {
	if len(pages.Of(p).Charts) > 0 {
		return SiteCharts
	}
	return 0
}
