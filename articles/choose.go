package articles

import (
	"cmp"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/page"
	"github.com/dangjian/dangjian/internal/yamlnode"
)

// choose returns the pages to export, oldest first: those named in cfg.Pages, or else those
// with export: true; then those dated on or after cfg.Since. A name that is not a published
// page, a named page older than --since, and an empty selection are errors.
func choose(site *page.Site, cfg Config) ([]*page.Page, diag.List) {
	var chosen []*page.Page
	var problems diag.List
	for _, name := range cfg.Pages {
		p, why := find(site, cfg.Dir(), name)
		switch {
		case p == nil:
			problems.Errorf(diag.Position{File: name}, why.Key, why.Args...)
		case !slices.Contains(chosen, p):
			chosen = append(chosen, p)
		}
	}
	if len(cfg.Pages) == 0 {
		for _, p := range site.Pages {
			if p.Export {
				chosen = append(chosen, p)
			}
		}
	}
	if since := cfg.Since.Format(time.DateOnly); !cfg.Since.IsZero() {
		// Days are compared as written, so that a time of day in another zone changes nothing.
		chosen = slices.DeleteFunc(chosen, func(p *page.Page) bool {
			before := p.DateString() < since
			if before && len(cfg.Pages) > 0 {
				problems.Errorf(p.Pos("date"), msg.BeforeSince, p.DateString(), since)
			}
			return before
		})
	}
	if len(chosen) == 0 && len(problems) == 0 {
		nothing := msg.New(msg.NothingToExport)
		if !cfg.Since.IsZero() {
			nothing = msg.New(msg.NothingSince, cfg.Since.Format(time.DateOnly))
		}
		problems.Errorf(diag.Position{File: config.File}, nothing.Key, nothing.Args...)
	}
	slices.SortFunc(chosen, func(a, b *page.Page) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.URL, b.URL))
	})
	return chosen, problems
}

// find returns the published page that name stands for, or a message saying why there is none.
// name is a source file, a bundle's folder or a URL, relative to the site's folder or to the
// working folder.
func find(site *page.Site, source, name string) (*page.Page, msg.Message) {
	slashed := filepath.ToSlash(name)
	url := "/" + strings.Trim(slashed, "/") + "/"
	for _, p := range site.Pages {
		if p.URL == url {
			return p, msg.Message{}
		}
	}
	candidates := []string{path.Clean(slashed)}
	if abs, err := filepath.Abs(name); err == nil {
		if root, err := filepath.Abs(source); err == nil {
			if rel, err := filepath.Rel(root, abs); err == nil && filepath.IsLocal(rel) {
				candidates = append(candidates, filepath.ToSlash(rel))
			}
		}
	}
	for _, c := range candidates {
		for _, file := range []string{c, path.Join(c, kinds.BundleFile)} {
			if p := site.BySource(file); p != nil {
				return p, msg.Message{}
			}
		}
	}
	if path.Base(slashed) == kinds.IndexFile {
		return nil, msg.New(msg.NotAPage)
	}
	for _, c := range candidates {
		if strings.HasSuffix(c, ".md") && strings.HasPrefix(c, kinds.ContentDir+"/") {
			if _, err := os.Stat(filepath.Join(source, filepath.FromSlash(c))); err == nil {
				return nil, msg.New(msg.NotPublishedPage)
			}
		}
	}
	files := make([]string, len(site.Pages))
	for i, p := range site.Pages {
		files[i] = p.File
	}
	if near := yamlnode.Nearest(slashed, files); near != "" {
		return nil, msg.New(msg.NoSuchPageNear, near)
	}
	return nil, msg.New(msg.NoSuchPage)
}
