package generator

import (
	"context"
	"maps"
	"slices"
	"strings"

	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/frontmatter"
	"github.com/dangjian/dangjian/internal/hygiene"
	"github.com/dangjian/dangjian/internal/page"
	"github.com/dangjian/dangjian/internal/render"
)

// parsedFile is a content file as read and checked: its document, which the model does not
// change, and the problems found in it.
type parsedFile struct {
	doc      *frontmatter.Doc // nil for a file published as it is; a stand-in for one that failed to load
	problems diag.List
	// tally is what the count of the slips in the text keeps of it (see
	// Config.CountTextProblems).
	tally hygiene.Tally
}

// reuse is what a reload takes from the previous load: every file not changed.
type reuse struct {
	prev    *Site
	changed map[string]bool
}

// file returns what the previous load found of an unchanged content file, or ok false when
// the file changed or was not read before. A nil reuse reuses nothing.
func (r *reuse) file(name string) (parsed parsedFile, ok bool) {
	if r == nil || r.changed[name] {
		return parsedFile{}, false
	}
	parsed, ok = r.prev.parsed[name]
	return parsed, ok
}

// Reload loads the site again after the files named in changed (slash-separated, relative to
// the site's folder) were written, created, renamed or deleted. It reads only those files
// again and reuses the converted bodies of the others while no URL changed; a change to
// site.yaml or to the layouts loads everything.
func (s *Site) Reload(ctx context.Context, changed []string) (*Site, diag.List) {
	set := map[string]bool{}
	for _, name := range changed {
		if reloadsAll(name) {
			return Load(ctx, s.cfg)
		}
		set[name] = true
	}
	return load(ctx, s.cfg, &reuse{prev: s, changed: set})
}

// reloadsAll reports whether a change to the file name may change every page: site.yaml and
// the layouts are used by all of them.
func reloadsAll(name string) bool {
	return name == config.File || name == "layouts" || strings.HasPrefix(name, "layouts/")
}

// Affected returns the output paths that may differ between prev and s after the files in
// changed changed: the outputs made from a changed file, those made from every page, and the
// pages that show something of others (render.Shows) that changed. When pages came or went,
// it is every path of both, a path prev had and s has not to be removed.
func (s *Site) Affected(prev *Site, changed []string) map[string]bool {
	outs := map[string]bool{}
	if slices.ContainsFunc(changed, reloadsAll) || prev == nil || !s.model.SameOutputs(prev.model) {
		// Pages came or went: any link or list may have changed.
		maps.Copy(outs, s.Paths())
		if prev != nil {
			maps.Copy(outs, prev.Paths())
		}
		return outs
	}
	c := s.changeFrom(prev, changed)
	for _, o := range s.outputs() {
		if c.affects(o) {
			for _, p := range o.paths() {
				outs[p] = true
			}
		}
	}
	return outs
}

// change is what a reload changed, in the terms of what pages show of others. It is worked
// out once for all outputs: the lists are as long as the site.
type change struct {
	prev  *page.Site
	files map[string]bool // the files that changed
	// touched are the pages, by file, whose file or a file of whose bundle changed.
	touched map[string]bool
	// near are the pages, by file, near a touched page in its section, before or after the
	// change: they may show it among their related pages.
	near map[string]bool
	// reordered are the lists, by URL, that show other pages than before, or in another order.
	reordered map[string]bool
	// retitled is whether a list's title changed.
	retitled bool
	// figures and hallFigures are whether the site's metrics and the lecture hall's changed.
	figures, hallFigures bool
}

func (s *Site) changeFrom(prev *Site, changed []string) *change {
	c := &change{prev: prev.model, files: map[string]bool{}, touched: map[string]bool{}, near: map[string]bool{}, reordered: map[string]bool{}}
	for _, name := range changed {
		c.files[name] = true
	}
	for _, p := range s.model.Pages {
		if c.files[p.File] || slices.ContainsFunc(p.Resources, func(r string) bool { return c.files[p.ResourceFile(r)] }) {
			c.touched[p.File] = true
			nearby(s.model, p, c.near)
			if old := prev.model.BySource(p.File); old != nil {
				nearby(prev.model, old, c.near)
			}
		}
	}
	prevLists := lists(prev.model)
	for url, l := range lists(s.model) {
		// Whether a list is the same is asked once, not for each of its pages: comparing is as
		// long as the list.
		old := prevLists[url]
		c.reordered[url] = old == nil || reordered(old, l)
		c.retitled = c.retitled || old != nil && old.Title != l.Title
	}
	c.figures = !s.metrics.SameValues(prev.metrics)
	c.hallFigures = !s.hall.SameValues(prev.hall)
	return c
}

// affects reports whether the change may change an output.
func (c *change) affects(o output) bool {
	if o.everyPage || slices.ContainsFunc(o.sources, func(src string) bool { return c.files[src] }) {
		return true
	}
	for shown := render.Shows(1); shown <= o.shows; shown <<= 1 {
		// What shownChanges cannot tell of is taken as changed.
		if changed, known := shownChanges[shown]; o.shows.Has(shown) && (!known || changed(c, o)) {
			return true
		}
	}
	return false
}

// shownChanges say, for each thing a page may show of others, whether the change changed it
// for an output that shows it.
var shownChanges = map[render.Shows]func(*change, output) bool{
	render.Titles:     func(c *change, _ output) bool { return c.retitled },
	render.Neighbours: (*change).neighbours,
	render.Related:    func(c *change, o output) bool { return c.near[o.page.File] },
	render.Entries: func(c *change, o output) bool {
		return c.reordered[o.pager.List.URL] || slices.ContainsFunc(o.pager.Pages, func(p *page.Page) bool { return c.touched[p.File] })
	},
	// The newest pages of any section may be the touched ones.
	render.Recent:     func(c *change, _ output) bool { return len(c.touched) > 0 },
	render.SiteCharts: func(c *change, _ output) bool { return c.figures },
	render.HallCharts: func(c *change, _ output) bool { return c.hallFigures },
	render.Terms: func(c *change, o output) bool {
		return slices.ContainsFunc(o.taxonomy.Terms, func(term *page.List) bool { return c.reordered[term.URL] })
	},
}

// neighbours reports whether the neighbours of an output's page are other pages than before,
// or have other titles.
func (c *change) neighbours(o output) bool {
	old := c.prev.BySource(o.page.File)
	return old == nil || neighbourChanged(old.Prev, o.page.Prev) || neighbourChanged(old.Next, o.page.Next)
}

// lists returns every list of a site, sections and taxonomies' terms, by URL.
func lists(m *page.Site) map[string]*page.List {
	all := map[string]*page.List{}
	for _, l := range m.Lists {
		all[l.URL] = l
	}
	for _, t := range m.Taxonomies {
		for _, term := range t.Terms {
			all[term.URL] = term
		}
	}
	return all
}

// nearby adds the pages of p's section that are near enough in time to list p as related.
func nearby(m *page.Site, p *page.Page, near map[string]bool) {
	for _, n := range render.Nearby(m, p) {
		near[n.File] = true
	}
}

func neighbourChanged(a, b *page.Page) bool {
	if a == nil || b == nil {
		return a != b
	}
	return a.File != b.File || a.Title != b.Title
}

// reordered reports whether a list shows other pages, or in another order.
func reordered(old, cur *page.List) bool {
	if len(old.Pages) != len(cur.Pages) {
		return true
	}
	for i, p := range cur.Pages {
		if old.Pages[i].File != p.File {
			return true
		}
	}
	return false
}
