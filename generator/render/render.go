// Package render turns the site model into HTML: it converts each page's Markdown, checks its
// links, and executes the layouts (the embedded defaults, each overridable by the site's own
// layouts/ folder) for pages and lists.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/dangjian/dangjian/generator/diag"
	"github.com/dangjian/dangjian/generator/markdown"
	"github.com/dangjian/dangjian/generator/page"
)

// Layout names: a page of type T uses T.html when the layouts have one, else single.html.
const (
	baseLayout   = "baseof.html"
	homeLayout   = "home.html"
	listLayout   = "list.html"
	singleLayout = "single.html"
	// notFoundLayout renders page.NotFoundFile.
	notFoundLayout = "404.html"
	partialsDir    = "partials"
	// AssetsDir holds the layouts' style sheets and scripts, published under /assets/.
	AssetsDir = "assets"
)

// Renderer renders the pages and lists of one site.
type Renderer struct {
	site      *page.Site
	md        *markdown.Converter
	templates map[string]*template.Template

	// contents holds each page's converted body, filled by Convert before any page is rendered.
	mu       sync.Mutex
	contents map[*page.Page]*content
}

// content is a page's converted body and the resolved URL of its cover image.
type content struct {
	html  template.HTML
	text  string
	lead  string // the first paragraph's text
	cover string // root-relative
}

// New parses the layouts once. layouts is the overlay of the site's layouts on the defaults.
func New(site *page.Site, layouts fs.FS, md *markdown.Converter) (*Renderer, diag.List) {
	r := &Renderer{site: site, md: md, contents: map[*page.Page]*content{}}
	for _, l := range site.Lists {
		if l.Index == nil && l.Parent != nil && l.Parent.IsHome() {
			if title, ok := sectionTitles[l.Kind]; ok {
				l.Title = title[scriptIndex(site)]
			}
		}
	}
	var problems diag.List
	r.templates, problems = parseLayouts(layouts)
	return r, problems
}

var funcs = template.FuncMap{
	"date": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
	},
	"isoDate": func(t time.Time) string { return t.Format(time.DateOnly) },
	"join":    strings.Join,
	"add":     func(a, b int) int { return a + b },
}

// parseLayouts parses the base layout and partials, then each page layout on a copy of them.
func parseLayouts(layouts fs.FS) (map[string]*template.Template, diag.List) {
	var problems diag.List
	report := func(name string, err error) {
		problems.Errorf(diag.Position{File: path.Join("layouts", name)}, "%v", err)
	}
	base := template.New(baseLayout).Funcs(funcs)
	if _, err := parseFile(base, layouts, baseLayout); err != nil {
		report(baseLayout, err)
		return nil, problems
	}
	partials, _ := fs.Glob(layouts, partialsDir+"/*.html")
	for _, name := range partials {
		if _, err := parseFile(base.New(name), layouts, name); err != nil {
			report(name, err)
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
			report(name, err)
			continue
		}
		templates[name] = t
	}
	for _, required := range []string{homeLayout, listLayout, singleLayout, notFoundLayout} {
		if templates[required] == nil && len(problems) == 0 {
			report(required, fmt.Errorf("layout missing"))
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

// Convert converts a page's Markdown and checks its links and cover. It is safe to call for
// many pages at once; every page must be converted before any is rendered, since lists show
// the summaries of other pages.
func (r *Renderer) Convert(p *page.Page) diag.List {
	resolver := linkResolver{site: r.site, page: p}
	res := r.md.Convert(p.File, p.Body, p.BodyLine, resolver)
	c := &content{html: template.HTML(res.HTML), text: res.Text, lead: res.Lead}
	problems := res.Problems
	if p.Cover != "" {
		target, _, err := resolver.target(p.Cover)
		if err != nil {
			problems.Errorf(p.Pos("cover"), "cover: %v", err)
		}
		c.cover = target
	}
	r.mu.Lock()
	r.contents[p] = c
	r.mu.Unlock()
	return problems
}

// Body returns a page's converted body and its plain text, once Convert has run for it.
func (r *Renderer) Body(p *page.Page) (html template.HTML, text string) {
	if c := r.contents[p]; c != nil {
		return c.html, c.text
	}
	return "", ""
}

// Page renders a page with the layout of its type.
func (r *Renderer) Page(p *page.Page) ([]byte, error) {
	layout := p.Kind + ".html"
	if r.templates[layout] == nil {
		layout = singleLayout
	}
	d := r.data(p.URL, p.Title)
	d.Page = p
	d.Content = r.contents[p].html
	d.Crumbs = r.crumbs(r.site.List(p.Dir), p)
	return r.execute(layout, d, p.File)
}

// List renders one page of a list, or the home page.
func (r *Renderer) List(pg *page.Pager) ([]byte, error) {
	l := pg.List
	layout := listLayout
	if l.IsHome() {
		layout = homeLayout
	}
	d := r.data(pg.URL, l.Title)
	d.List, d.Pager = l, pg
	if l.Index != nil {
		d.Page = l.Index
		d.Content = r.contents[l.Index].html
	}
	if !l.IsHome() {
		d.Crumbs = r.crumbs(l.Parent, nil)
		d.Crumbs = append(d.Crumbs, Crumb{Title: l.Title})
	}
	source := path.Join(page.ContentDir, l.Dir, page.IndexFile)
	return r.execute(layout, d, source)
}

// NotFound renders the page a web server shows for any missing URL. Since that URL may be at
// any depth, its links cannot be relative: they start from the path of the site's base URL
// (/dangjian/ for https://intranet.example/dangjian/, / without a base URL).
func (r *Renderer) NotFound() ([]byte, error) {
	title := labels["notFound"][scriptIndex(r.site)]
	d := r.data("/"+page.NotFoundFile, title)
	d.base = "/"
	if u, err := url.Parse(r.site.Config.BaseURL); err == nil && u.Path != "" {
		d.base = strings.TrimSuffix(u.Path, "/") + "/"
	}
	d.Crumbs = []Crumb{{Title: r.site.Home.Title, URL: "/", Home: true}, {Title: title}}
	return r.execute(notFoundLayout, d, path.Join("layouts", notFoundLayout))
}

func (r *Renderer) execute(layout string, d *Data, source string) ([]byte, error) {
	var buf bytes.Buffer
	if err := r.templates[layout].ExecuteTemplate(&buf, baseLayout, d); err != nil {
		return nil, fmt.Errorf("%s: %s: %v", diag.Path(source), diag.Path(path.Join("layouts", layout)), err)
	}
	return buf.Bytes(), nil
}

// crumbs returns the breadcrumbs from the home page down to list, then p when given.
func (r *Renderer) crumbs(l *page.List, p *page.Page) []Crumb {
	var crumbs []Crumb
	for ; l != nil; l = l.Parent {
		crumbs = append([]Crumb{{Title: l.Title, URL: l.URL, Home: l.IsHome()}}, crumbs...)
	}
	if p != nil {
		crumbs = append(crumbs, Crumb{Title: p.Title})
	}
	return crumbs
}
