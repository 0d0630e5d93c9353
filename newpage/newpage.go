// Package newpage starts a page: it writes content/<section>/<date>.md from the template of the
// page's type (layouts/new/<type>.md, which a site may override), with the title, today's date,
// and every key of the type, each with a comment that says what it means.
//
// The file is named after the date, 2016-09-20.md, then 2016-09-20-2.md for a second page that
// day, rather than after the title. A Chinese title has no spelling in Latin letters that a
// program can be sure of (重 is zhòng or chóng, 行 xíng or háng), and a pinyin dictionary would
// weigh more than the rest of dangjian; the date is short, sorts the folder by time, and stays
// right when the title changes. An editor who wants a readable address sets slug:.
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
	"github.com/dangjian/dangjian/internal/publish"
	"github.com/dangjian/dangjian/layouts"
	"gopkg.in/yaml.v3"
)

// Config says what page to start.
type Config struct {
	generator.Options
	Kind  string // the page's type: one of Kinds
	Title string
	Today time.Time // the page's date; zero means now
}

// Kinds returns the types a page can be started as: those of the sections.
func Kinds() []string { return kinds.SectionNames() }

// templatesDir is the folder of the templates among the layouts.
const templatesDir = "new"

// Create writes the new page and returns its path, slash-separated and relative to the site's
// folder. Problems in site.yaml come back as a diag.List.
func Create(cfg Config) (string, error) {
	kind, _ := kinds.Named(cfg.Kind)
	if kind.Section == "" {
		return "", fmt.Errorf("unknown kind %q: want one of %s", cfg.Kind, strings.Join(Kinds(), ", "))
	}
	if cfg.Today.IsZero() {
		cfg.Today = time.Now()
	}
	fsys := os.DirFS(cfg.Dir())
	site, err := readSite(fsys)
	if err != nil {
		return "", err
	}
	text, err := render(layouts.ForSite(fsys), site, kind, cfg)
	if err != nil {
		return "", err
	}
	dir := path.Join(kinds.ContentDir, kind.Section)
	date := cfg.Today.Format(time.DateOnly)
	for n := 1; ; n++ {
		name := date
		if n > 1 {
			name = fmt.Sprintf("%s-%d", date, n)
		}
		file := path.Join(dir, name+".md")
		if taken(fsys, dir, name) {
			continue
		}
		err := publish.CreateSource(filepath.Join(cfg.Dir(), filepath.FromSlash(file)), text)
		if errors.Is(err, fs.ErrExist) {
			continue // written by someone else in the meantime
		}
		return file, err
	}
}

// taken reports whether a page of the folder dir already has the name: a file name.md, or a
// page bundle name/.
func taken(fsys fs.FS, dir, name string) bool {
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
		return nil, fmt.Errorf("cannot read %s: %w (is this the site's folder?)", config.File, err)
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
	Date  string // 2016-09-20
	Year  int
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
			return nil, fmt.Errorf("layouts/%s: %w", file, err)
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
	d := data{Title: cfg.Title, Date: cfg.Today.Format(time.DateOnly), Year: cfg.Today.Year(), Site: site}
	if err := t.ExecuteTemplate(&out, kind.Template(), d); err != nil {
		return nil, diagnose(path.Join(templatesDir, kind.Template()), err)
	}
	return out.Bytes(), nil
}

// diagnose names the layout file a template error comes from.
func diagnose(file string, err error) error {
	return diag.List{diag.Errorf(diag.Position{File: path.Join("layouts", file)}, "%v", err)}
}
