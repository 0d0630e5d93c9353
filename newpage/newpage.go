// Package newpage starts a page: it writes content/<section>/<name>.md from the template of the
// page's type (layouts/new/<type>.md, which a site may override), with the title, the date
// (today's unless given), and every key of the type, each with a comment that says what it
// means. The page starts as a draft (draft: true), so that a stub is not published before it
// is filled in; build and check name the drafts they leave out.
//
// The file is named after the title, in pinyin (紅色黨課 → hongse-dangke.md; see slug), since
// the file's name is the page's address. A title with nothing to spell, only punctuation, names
// it after the date instead (2016-09-20.md), and Page.Dated says so, for the editor to hear
// why. A name that a page has already gets -2, -3…: a page is never overwritten. The kinds
// that kinds.Kind.Bundled marks (the lecture hall's events, which have photos) are started as
// page bundles, hongse-dangke/index.md, whose folder takes the pictures. A page made from a
// Word document (package importdoc) is started here too, with its text below the front matter,
// and as a page bundle when it has pictures.
package newpage

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/hygiene"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/publish"
	"github.com/dangjian/dangjian/layouts"
	"gopkg.in/yaml.v3"
)

// Config says what page to start.
type Config struct {
	generator.Options
	Kind  string // the page's type: one of Kinds
	Title string
	// Date is the page's date, a day or a time as yamlnode.ParseDate reads them; zero means
	// today.
	Date time.Time
	// Body is written below the front matter: the text of a page made from a document.
	Body string
	// Bundle starts the page as a page bundle whatever its kind: it comes with pictures.
	Bundle bool
}

// Page is the page Create wrote.
type Page struct {
	File   string // slash-separated, relative to the site's folder
	Bundle bool   // File is the index.md of a page bundle, whose folder takes the page's pictures
	Dated  bool   // the title gave no name, so the page is named after its date
}

// Holds reports whether the site's file name, slash-separated, is the page's: its file, or a
// file in its bundle's folder.
func (p Page) Holds(name string) bool {
	return name == p.File || p.Bundle && strings.HasPrefix(name, path.Dir(p.File)+"/")
}

// Kinds returns the types a page can be started as: those of the sections.
func Kinds() []string { return kinds.SectionNames() }

// templatesDir is the folder of the templates among the layouts.
const templatesDir = "new"

// Create writes the new page and says what it wrote. Problems in site.yaml come back as a
// diag.List.
func Create(cfg Config) (Page, error) {
	kind, _ := kinds.Named(cfg.Kind)
	if kind.Section == "" {
		return Page{}, msg.New(msg.NoSuchKind, cfg.Kind, msg.Items(Kinds()))
	}
	if cfg.Date.IsZero() {
		now := time.Now()
		cfg.Date = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC) // a day, as the front matter reads one
	}
	fsys := os.DirFS(cfg.Dir())
	site, err := readSite(fsys)
	if err != nil {
		return Page{}, err
	}
	text, err := render(layouts.ForSite(fsys), site, kind, cfg)
	if err != nil {
		return Page{}, err
	}
	if cfg.Body != "" {
		text = append(append(bytes.TrimRight(text, "\n"), "\n\n"...), cfg.Body...)
	}
	dir := path.Join(kinds.ContentDir, kind.Section)
	page := Page{Bundle: kind.Bundled || cfg.Bundle}
	base, dated := Name(cfg.Title, cfg.Date)
	page.Dated = dated
	for n := 1; ; n++ {
		name := base
		if n > 1 {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		if taken(fsys, dir, name) {
			continue
		}
		page.File = path.Join(dir, name+".md")
		if page.Bundle {
			page.File = path.Join(dir, name, kinds.BundleFile)
		}
		err := publish.CreateSource(filepath.Join(cfg.Dir(), filepath.FromSlash(page.File)), text)
		if errors.Is(err, fs.ErrExist) {
			continue // written by someone else in the meantime
		}
		return page, err
	}
}

// Name is the name a page of the title and date is given, before the -2, -3… that tell it from
// pages already so named: the title in pinyin (see slug), or the date, with dated true, when
// the title has nothing to spell.
func Name(title string, date time.Time) (name string, dated bool) {
	if name := slug(title); name != "" {
		return name, false
	}
	return date.Format(time.DateOnly), true
}

// taken reports whether a page of the folder dir already has the name: a file name.md, or a
// page bundle name/. The name of a bundle's own file is taken too: an index.md beside the
// section's pages would make the whole folder a bundle.
func taken(fsys fs.FS, dir, name string) bool {
	if name+".md" == kinds.BundleFile {
		return true
	}
	for _, p := range []string{name + ".md", name} {
		if _, err := fs.Stat(fsys, path.Join(dir, p)); err == nil {
			return true
		}
	}
	return false
}

func readSite(fsys fs.FS) (*config.Site, error) {
	data, err := fs.ReadFile(fsys, config.File)
	if err != nil {
		return nil, msg.New(msg.CannotReadSite, config.File, err)
	}
	site, problems := config.Parse(data)
	if problems.HasErrors() {
		return nil, problems.Sort()
	}
	return site, nil
}

// data is what a template sees.
type data struct {
	Title string
	Date  string // 2016-09-20, or 2016-09-20T09:30:00+08:00
	Year  int    // the date's
	Site  *config.Site
}

var funcs = template.FuncMap{
	"join": strings.Join,
	// yaml writes a value as YAML would, quoted when it must be.
	"yaml": func(s string) (string, error) {
		out, err := yaml.Marshal(s)
		return strings.TrimSuffix(string(out), "\n"), err
	},
}

// render executes the template of the page's type. For a site written in traditional
// characters, the template's own text (its comments) is converted first; the title is the
// editor's and stays as typed.
func render(fsys fs.FS, site *config.Site, kind kinds.Kind, cfg Config) ([]byte, error) {
	t := template.New(kind.Name).Funcs(funcs)
	for _, name := range []string{"common.md", kind.Template()} {
		file := path.Join(templatesDir, name)
		src, err := fs.ReadFile(fsys, file)
		if err != nil {
			return nil, msg.New(msg.CannotReadNew, file, err)
		}
		text := string(src)
		if site.Script == kinds.Traditional {
			text = hygiene.Convert(text, kinds.Traditional)
		}
		if _, err := t.New(name).Parse(text); err != nil {
			return nil, diagnose(file, err)
		}
	}
	var out bytes.Buffer
	d := data{Title: cfg.Title, Date: dateText(cfg.Date), Year: cfg.Date.Year(), Site: site}
	if err := t.ExecuteTemplate(&out, kind.Template(), d); err != nil {
		return nil, diagnose(path.Join(templatesDir, kind.Template()), err)
	}
	return out.Bytes(), nil
}

// dateText writes a date as the front matter reads it back: a day as 2016-09-20, a time with
// its zone.
func dateText(t time.Time) string {
	if t.Location() == time.UTC && t.Equal(t.Truncate(24*time.Hour)) {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// diagnose names the layout file a template error comes from.
func diagnose(file string, err error) error {
	return diag.List{diag.Errorf(diag.Position{File: path.Join("layouts", file)}, msg.BrokenTemplate, err.Error())}
}
