package generator

import (
	"context"
	"slices"
	"strings"

	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/page"
	"github.com/dangjian/dangjian/internal/render"
)

// parsedFile is a content file as read and checked: a copy of its page taken before the model
// was assembled (which sets URLs and neighbours), and the problems found in it.
type parsedFile struct {
	page     *page.Page // nil when the file could not be read
	problems diag.List
}

func pristine(p *page.Page, problems diag.List) parsedFile {
	if p == nil {
		return parsedFile{problems: problems}
	}
	cp := *p
	return parsedFile{page: &cp, problems: problems}
}

// reuse is what a reload takes from the previous load: every file not changed.
type reuse struct {
	prev    *Site
	changed map[string]bool
}

// page returns a fresh copy of an unchanged file's page, or ok false when the file changed or
// was not read before. A nil reuse reuses nothing.
func (r *reuse) page(name string) (p *page.Page, problems diag.List, ok bool) {
	if r == nil || r.changed[name] {
		return nil, nil, false
	}
	parsed, found := r.prev.parsed[name]
	if !found {
		return nil, nil, false
	}
	if parsed.page != nil {
		cp := *parsed.page
		p = &cp
	}
	return p, parsed.problems, true
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
// changed changed: the changed pages and files, the pages whose neighbours or nearby related
// pages changed, every page of the lists and taxonomy pages that show a changed page (before
// or after), the pages with charts, and the site-wide files. A path prev had and s has not is
// in it too: it is to be removed.
func (s *Site) Affected(prev *Site, changed []string) map[string]bool {
	outs := map[string]bool{}
	if slices.ContainsFunc(changed, reloadsAll) || prev == nil || !s.model.SameOutputs(prev.model) {
		// Pages came or went: any link or list may have changed.
		for p := range s.Paths() {
			outs[p] = true
		}
		if prev != nil {
			for p := range prev.Paths() {
				outs[p] = true
			}
		}
		return outs
	}
	changedFiles := map[string]bool{}
	for _, name := range changed {
		changedFiles[name] = true
	}
	// A page is touched when its file, or a file of its bundle, changed.
	touched := map[string]bool{}
	for _, p := range s.model.Pages {
		if changedFiles[p.File] || slices.ContainsFunc(p.Resources, func(r string) bool { return changedFiles[p.ResourceFile(r)] }) {
			touched[p.File] = true
		}
	}
	for _, o := range s.outputs() {
		if slices.ContainsFunc(o.sources, func(src string) bool { return changedFiles[src] }) {
			outs[o.path] = true
		}
	}
	for _, p := range s.model.Pages {
		old := prev.model.BySource(p.File)
		if touched[p.File] || old == nil || neighbourChanged(old.Prev, p.Prev) || neighbourChanged(old.Next, p.Next) || p.Report != nil || s.renderer.HasChart(p) {
			outs[page.OutputPath(p.URL)] = true
		}
		if touched[p.File] {
			// The pages near it in its section, before and after the change, may show it
			// among their related pages.
			nearby(s.model, p, outs)
			if old != nil {
				nearby(prev.model, old, outs)
			}
		}
	}
	size := s.model.Config.PageSize
	lists := func(m *page.Site) map[string]*page.List {
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
	prevLists := lists(prev.model)
	for url, l := range lists(s.model) {
		old := prevLists[url]
		// With the same pages in the same order, only the pages of the list that show a
		// touched page change. Whether the list is the same is asked once, not for each of
		// its pages: comparing is as long as the list.
		whole := l.IsHome() || old == nil || reordered(old, l)
		for _, pg := range l.Paginate(size) {
			if whole || slices.ContainsFunc(pg.Pages, func(p *page.Page) bool { return touched[p.File] }) {
				outs[page.OutputPath(pg.URL)] = true
			}
		}
		delete(prevLists, url)
	}
	for _, gone := range prevLists {
		for _, pg := range gone.Paginate(size) {
			outs[page.OutputPath(pg.URL)] = true
		}
	}
	for _, t := range s.model.Taxonomies {
		outs[page.OutputPath(t.URL)] = true
	}
	for _, t := range prev.model.Taxonomies {
		outs[page.OutputPath(t.URL)] = true
	}
	for name := range s.machineFiles() {
		outs[name] = true
	}
	outs[page.NotFoundFile] = true
	// The search index holds every page's text.
	for _, name := range searchFileNames(len(s.model.Pages)) {
		outs[name] = true
	}
	return outs
}

// nearby adds the pages of p's section that are near enough in time to list p as related.
func nearby(m *page.Site, p *page.Page, outs map[string]bool) {
	for _, near := range render.Nearby(m, p) {
		outs[page.OutputPath(near.URL)] = true
	}
}

func neighbourChanged(a, b *page.Page) bool {
	if a == nil || b == nil {
		return a != b
	}
	return a.File != b.File || a.Title != b.Title
}

// reordered reports whether a list shows other pages, or in another order, or has another title.
func reordered(old, cur *page.List) bool {
	if len(old.Pages) != len(cur.Pages) || old.Title != cur.Title {
		return true
	}
	for i, p := range cur.Pages {
		if old.Pages[i].File != p.File {
			return true
		}
	}
	return false
}
