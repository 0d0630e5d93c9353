// Package render executes the layouts (the embedded defaults, each overridable by the site's
// own layouts/ folder) over data it reads: the site model, its pages as package convert
// converted them, and the site's metrics, computed before. What each kind of page shows of
// the others is declared in one table (see Shows), which the data builders follow.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dangjian/dangjian/internal/chart"
	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/convert"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/page"
	"github.com/dangjian/dangjian/internal/search"
)

// Layout names: a page of type T uses T.html when the layouts have one, else single.html.
const (
	baseLayout     = "baseof.html"
	homeLayout     = "home.html"
	listLayout     = "list.html"
	taxonomyLayout = "taxonomy.html"
	singleLayout   = "single.html"
	// notFoundLayout renders page.NotFoundFile.
	notFoundLayout = "404.html"
	searchLayout   = "search.html"
	partialsDir    = "partials"
	// AssetsDir holds the layouts' style sheets and scripts, published under /assets/.
	AssetsDir = "assets"
	// ChartsScript is the output file of the script that draws charts.
	ChartsScript = AssetsDir + "/charts.js"
)

// Input is what a Renderer reads.
type Input struct {
	Site *page.Site
	// Layouts is the overlay of the site's layouts on the defaults.
	Layouts fs.FS
	Pages   *convert.Pages
	// Charts draws the site's metrics; Hall, the lecture hall's (see HallMetrics).
	Charts, Hall *chart.Drawer
	// Labels are the words of the layouts in the site's script (see Labels).
	Labels map[string]string
}

// Renderer renders the pages and lists of one site.
type Renderer struct {
	site         *page.Site
	pages        *convert.Pages
	charts, hall *chart.Drawer
	templates    map[string]*template.Template
	labels       map[string]string
	// partials caches the output of partialCached by partial and key.
	partials sync.Map
}

// New parses the layouts once.
func New(in Input) (*Renderer, diag.List) {
	site := in.Site
	r := &Renderer{site: site, pages: in.Pages, charts: in.Charts, hall: in.Hall, labels: in.Labels}
	var problems diag.List
	r.templates, problems = parseLayouts(in.Layouts, r.funcs())
	return r, problems
}

// Labels returns the words of the layouts in the site's script.
func Labels(site *page.Site) map[string]string {
	words := make(map[string]string, len(labels))
	script := max(kinds.ScriptIndex(site.Config.Script), 0) // site.yaml's script is checked
	for key, w := range labels {
		words[key] = w[script]
	}
	return words
}

// HallMetrics declares the figures of the lecture hall that its index charts, events and
// attendance per year, in the words of labels.
func HallMetrics(labels map[string]string) *config.Site {
	return &config.Site{Metrics: []config.Metric{
		{Key: "events", Label: labels["hallEvents"], Unit: labels["hallEventsUnit"], Count: &config.Rule{Type: kinds.TypeLectureHall}},
		{Key: "attendance", Label: labels["attendance"], Unit: labels["attendanceUnit"], Sum: &config.Rule{Type: kinds.TypeLectureHall, Field: "attendance"}},
	}}
}

// funcs are the functions of the layouts: the fixed ones, and partialCached, which needs the
// renderer.
func (r *Renderer) funcs() template.FuncMap {
	f := template.FuncMap{"partialCached": r.partialCached}
	for name, fn := range funcs {
		f[name] = fn
	}
	return f
}

// partialCached renders a partial once per distinct key and reuses the output: the site's
// menu, for instance, is the same for every page at the same depth of the same section. The
// keys must name everything the partial's output depends on, or the output depends on which
// page happened to render it first.
func (r *Renderer) partialCached(name string, d *Data, keys ...any) (template.HTML, error) {
	// The 404 page's links start from the base path, not from its own URL: that is part of the key.
	return r.cached(name, d, append([]any{d.base}, keys...)...)
}

// cached renders the partial name with data once per distinct key, and reuses the output.
func (r *Renderer) cached(name string, data any, keys ...any) (template.HTML, error) {
	// The keys are kept apart, by a NUL: written one after the other, section "a" at depth
	// 12 would read as section "a1" at depth 2.
	var b strings.Builder
	b.WriteString(name)
	for _, k := range keys {
		b.WriteByte(0)
		fmt.Fprint(&b, k)
	}
	key := b.String()
	if html, ok := r.partials.Load(key); ok {
		return html.(template.HTML), nil
	}
	t := r.templates[singleLayout]
	if t == nil {
		return "", msg.New(msg.PartialNoLayout, name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	html := template.HTML(buf.String())
	r.partials.Store(key, html)
	return html, nil
}

var funcs = template.FuncMap{
	"date":    chineseDate,
	"isoDate": func(t time.Time) string { return t.Format(time.DateOnly) },
	"join":    strings.Join,
	"add":     func(a, b int) int { return a + b },
}

// chineseDate writes a date as 2016年9月20日.
func chineseDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return strconv.Itoa(t.Year()) + "年" + strconv.Itoa(int(t.Month())) + "月" + strconv.Itoa(t.Day()) + "日"
}

// parseLayouts parses the base layout and partials, then each page layout on a copy of them.
func parseLayouts(layouts fs.FS, funcs template.FuncMap) (map[string]*template.Template, diag.List) {
	var problems diag.List
	report := func(name string, key msg.Key, args ...any) {
		problems.Errorf(diag.Position{File: path.Join("layouts", name)}, key, args...)
	}
	broken := func(name string, err error) { report(name, msg.LayoutBroken, err.Error()) }
	base := template.New(baseLayout).Funcs(funcs)
	if _, err := parseFile(base, layouts, baseLayout); err != nil {
		broken(baseLayout, err)
		return nil, problems
	}
	partials, _ := fs.Glob(layouts, partialsDir+"/*.html")
	for _, name := range partials {
		if _, err := parseFile(base.New(name), layouts, name); err != nil {
			broken(name, err)
		}
	}
	names, _ := fs.Glob(layouts, "*.html")
	templates := map[string]*template.Template{}
	for _, name := range names {
		if name == baseLayout {
			continue
		}
		t, err := base.Clone()
		if err == nil {
			_, err = parseFile(t.New(name), layouts, name)
		}
		if err != nil {
			broken(name, err)
			continue
		}
		templates[name] = t
	}
	for _, required := range []string{homeLayout, listLayout, singleLayout, taxonomyLayout, notFoundLayout, searchLayout} {
		if templates[required] == nil && len(problems) == 0 {
			report(required, msg.LayoutMissing)
		}
	}
	return templates, problems
}

func parseFile(t *template.Template, fsys fs.FS, name string) (*template.Template, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	return t.Parse(string(data))
}

// Page renders a page with the layout of its type.
func (r *Renderer) Page(p *page.Page) ([]byte, error) {
	layout := p.Kind + ".html"
	if r.templates[layout] == nil {
		layout = singleLayout
	}
	d := r.data(p.URL, p.Title, PageShows(p, r.pages))
	d.setPage(p)
	d.Facts = d.facts(p)
	if d.shows.Has(Neighbours) {
		d.Prev, d.Next = d.neighbour(p.Prev), d.neighbour(p.Next)
	}
	d.Crumbs = d.crumbs(r.site.List(p.Dir), p)
	return r.execute(layout, d, diag.Path(p.File))
}

// List renders one page of a list, or the home page.
func (r *Renderer) List(pg *page.Pager) ([]byte, error) {
	l := pg.List
	layout := listLayout
	if l.IsHome() {
		layout = homeLayout
	}
	d := r.data(pg.URL, l.Title, ListShows(pg, r.pages))
	d.List, d.Pager = l, pg
	var err error
	switch {
	case !d.shows.Has(Entries):
	case l.Kind == kinds.TypeLectureHall && l.Taxonomy == nil:
		d.YearGroups, err = d.byYear(pg.Pages)
	default:
		d.Entries, err = d.entries(pg.Pages, 2)
	}
	if err != nil {
		return nil, msg.New(msg.ListFailed, pg.URL, err)
	}
	if l.Index != nil {
		d.setPage(l.Index)
	}
	switch {
	case l.Taxonomy != nil:
		d.Crumbs = append(d.crumbs(r.site.Home, nil), Crumb{Title: d.L["tax-"+l.Taxonomy.Key], Href: d.Rel(l.Taxonomy.URL)}, Crumb{Title: l.Title})
		return r.execute(layout, d, msg.New(msg.TaxonomyPages, l.Taxonomy.Key))
	case !l.IsHome():
		d.Crumbs = append(d.crumbs(l.Parent, nil), Crumb{Title: l.Title})
	}
	return r.execute(layout, d, diag.Path(path.Join(kinds.ContentDir, l.Dir, kinds.IndexFile)))
}

// Taxonomy renders the index of a taxonomy: its terms with their counts.
func (r *Renderer) Taxonomy(t *page.Taxonomy) ([]byte, error) {
	d := r.data(t.URL, "", TaxonomyShows)
	d.Title = d.L["tax-"+t.Key]
	if d.shows.Has(Terms) {
		d.Taxonomy = t
	}
	d.Crumbs = append(d.crumbs(r.site.Home, nil), Crumb{Title: d.Title})
	return r.execute(taxonomyLayout, d, msg.New(msg.TaxonomyPages, t.Key))
}

// NotFound renders the page a web server shows for any missing URL. Since that URL may be at
// any depth, its links cannot be relative: they start from the path of the site's base URL
// (/dangjian/ for https://intranet.example/dangjian/, / without a base URL).
func (r *Renderer) NotFound() ([]byte, error) {
	title := r.labels["notFound"]
	d := r.data("/"+page.NotFoundFile, title, NotFoundShows)
	d.base = "/"
	if u, err := url.Parse(r.site.Config.BaseURL); err == nil && u.Path != "" {
		d.base = strings.TrimSuffix(u.Path, "/") + "/"
	}
	d.Crumbs = []Crumb{{Title: d.L["home"], Href: d.Rel("/")}, {Title: title}}
	return r.execute(notFoundLayout, d, diag.Path(path.Join("layouts", notFoundLayout)))
}

// Search renders the search page.
func (r *Renderer) Search() ([]byte, error) {
	d := r.data(search.URL, "", SearchShows)
	d.Title = d.L["search"]
	d.Crumbs = append(d.crumbs(r.site.Home, nil), Crumb{Title: d.Title})
	return r.execute(searchLayout, d, msg.SearchPage)
}

// execute renders d with layout; source says what is rendered, for the error: a path as the
// user's system writes it, or a message.
func (r *Renderer) execute(layout string, d *Data, source any) ([]byte, error) {
	var buf bytes.Buffer
	if err := r.templates[layout].ExecuteTemplate(&buf, baseLayout, d); err != nil {
		return nil, msg.New(msg.LayoutFailed, source, diag.Path(path.Join("layouts", layout)), err.Error())
	}
	return buf.Bytes(), nil
}

// crumbs returns the breadcrumbs from the home page down to list, then p when given; none
// when the page does not show the lists' titles.
func (d *Data) crumbs(l *page.List, p *page.Page) []Crumb {
	if !d.shows.Has(Titles) {
		return nil
	}
	var crumbs []Crumb
	for ; l != nil; l = l.Parent {
		title := l.Title
		if l.IsHome() {
			title = d.L["home"]
		}
		crumbs = append([]Crumb{{Title: title, Href: d.Rel(l.URL)}}, crumbs...)
	}
	if p != nil {
		crumbs = append(crumbs, Crumb{Title: p.Title})
	}
	return crumbs
}
