// Package layouts holds the default layouts and assets, embedded in the binary. A site
// overrides any of them with a file of the same name in its own layouts/ folder.
package layouts

import (
	"embed"
	"errors"
	"io/fs"
	"slices"
	"strings"
)

//go:embed *.html *.js partials assets vendor new
var embedded embed.FS

// Default holds the default layouts: baseof.html, home.html, list.html, single.html, a layout
// per page type where the type needs one, partials/, assets/, charts.js (which draws a page's
// charts), vendor/ (ECharts, installed from npm by make), and new/, the templates that
// dangjian new starts a page of each type from. It is a variable only so that tests run
// before make deps can put a stand-in for ECharts into it (internal/testenv).
var Default fs.FS = embedded

// Files that make up assets/charts.js: ECharts, then the script that draws the charts.
const (
	EChartsFile     = "vendor/echarts.min.js"
	ChartScriptFile = "charts.js"
)

// ForSite returns the layouts of the site whose folder is fsys: its layouts/ folder over the
// defaults, or the defaults when it has none.
func ForSite(fsys fs.FS) fs.FS {
	if info, err := fs.Stat(fsys, "layouts"); err == nil && info.IsDir() {
		sub, _ := fs.Sub(fsys, "layouts")
		return Overlay(sub)
	}
	return Default
}

// Overlay returns the layouts of a site: a file in site, when site has it, replaces the
// default of the same name. site may be nil.
func Overlay(site fs.FS) fs.FS {
	if site == nil {
		return Default
	}
	return overlay{top: site, bottom: Default}
}

type overlay struct{ top, bottom fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err == nil {
		return f, nil
	}
	return o.bottom.Open(name)
}

// ReadDir merges the entries of both, the top's winning, so that fs.Glob and fs.WalkDir see
// the files of both.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	top, topErr := fs.ReadDir(o.top, name)
	bottom, bottomErr := fs.ReadDir(o.bottom, name)
	if topErr != nil && bottomErr != nil {
		return nil, errors.Join(topErr, bottomErr)
	}
	entries := top
	for _, e := range bottom {
		if !slices.ContainsFunc(top, func(t fs.DirEntry) bool { return t.Name() == e.Name() }) {
			entries = append(entries, e)
		}
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, nil
}
