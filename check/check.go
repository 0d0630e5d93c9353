// Package check validates a site without writing it, for an editor before a commit: every
// problem a build finds, and what only an editor needs to hear besides: the text's hygiene
// (package hygiene), pages dated in the future, report figures that disagree with what the pages
// count, lists given an empty title. With Fix, it repairs in place what it is certain of. It
// removes what a --fix that was stopped left behind (generator.Site.RemoveFixTemps).
package check

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/hygiene"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/page"
	"github.com/dangjian/dangjian/internal/publish"
	"github.com/dangjian/dangjian/internal/source"
)

// Config says what to check.
type Config struct {
	generator.Options
	// Fix repairs in place what is certain: conversion garbage, invisible characters,
	// unambiguous punctuation, and the slips of a Chinese keyboard whose repair is certain.
	Fix bool
	// Today is the day against which dates are in the future; zero means now.
	Today time.Time
}

// Report says what a check found, and what it repaired.
type Report struct {
	Files    int       // source files whose text was read
	Problems diag.List // sorted; after a repair, what is left
	Drafts   []string  // the drafts a build would leave out, by file (see generator.DraftsNote)
	Fixed    []Change  // what Fix changed, in the order of the files and positions
}

// Change is one repair that Fix made.
type Change struct {
	Pos  diag.Position
	Done msg.Message // what was done: `deleted (jù) after 據`
}

// Text says the change as a line in p's language: path:line:col: 已修复：what was done.
func (c Change) Text(p *msg.Printer) string { return p.Sprintf(msg.FixedLine, c.Pos.String(), c.Done) }

// Run checks the site. The error is for a repair that could not be written; problems in the
// content are in the report.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	if cfg.Today.IsZero() {
		cfg.Today = time.Now()
	}
	rep, texts := inspect(ctx, cfg)
	if !cfg.Fix {
		return rep, nil
	}
	var fixed []Change
	for _, t := range texts {
		changes, err := t.fix(cfg.Dir())
		if err != nil {
			return nil, err
		}
		fixed = append(fixed, changes...)
	}
	if len(fixed) == 0 {
		return rep, nil
	}
	// What is left is read from the repaired files: a repair may mend more than its own slip,
	// such as a value that site.yaml's lists did not know with garbage in it.
	rep, _ = inspect(ctx, cfg)
	rep.Fixed = fixed
	return rep, nil
}

// FixFile makes in one source file, name (slash-separated, relative to the site's folder), the
// repairs that Fix makes, reading the site's writing from all its texts as Run does, and
// returns them: for a page just written from a document, whose text the editor has not seen.
func FixFile(cfg Config, name string) ([]Change, error) {
	texts := readTexts(cfg.Dir())
	var conf *config.Site
	if i := slices.IndexFunc(texts, func(t text) bool { return t.name == config.File }); i >= 0 {
		conf, _ = config.Parse(texts[i].data)
	}
	if conf == nil {
		return nil, nil // site.yaml is missing or unreadable: Run reports it
	}
	writing := learn(conf, texts)
	for _, t := range texts {
		if t.name == name {
			t.findings = hygiene.Check(t.name, t.data, writing)
			return t.fix(cfg.Dir())
		}
	}
	return nil, nil
}

// text is a source file and the slips in its text.
type text struct {
	name     string // slash-separated, relative to the site's folder
	data     []byte
	findings []hygiene.Finding
}

// fix writes the file with its certain repairs made, and returns them.
func (t text) fix(site string) ([]Change, error) {
	var changes []Change
	for _, f := range t.findings {
		if len(f.Edits) > 0 {
			changes = append(changes, Change{Pos: f.Pos, Done: f.Done})
		}
	}
	if len(changes) == 0 {
		return nil, nil
	}
	if err := publish.ReplaceSource(filepath.Join(site, filepath.FromSlash(t.name)), hygiene.Apply(t.data, t.findings)); err != nil {
		return nil, msg.New(msg.RepairFailed, diag.Path(t.name), err)
	}
	return changes, nil
}

// inspect finds every problem of the site, and the slips in the text of each source file.
func inspect(ctx context.Context, cfg Config) (*Report, []text) {
	site, problems := generator.Load(ctx, generator.Config{Options: cfg.Options})
	if site == nil {
		return &Report{Problems: problems}, nil // site.yaml is unreadable: nothing else can be judged
	}
	problems = append(problems, site.RemoveFixTemps()...)
	model := site.Model()
	problems = append(problems, futureDates(model, cfg.Today)...)
	problems = append(problems, emptyListTitles(model)...)
	texts := readTexts(cfg.Dir())
	writing := learn(model.Config, texts)
	for i, t := range texts {
		texts[i].findings = hygiene.Check(t.name, t.data, writing)
		for _, f := range texts[i].findings {
			problems = append(problems, f.Problem)
		}
	}
	return &Report{Files: len(texts), Problems: problems.Sort(), Drafts: site.Drafts()}, texts
}

// learn returns how the site writes, learned from all its texts.
func learn(conf *config.Site, texts []text) *hygiene.Writing {
	all := make([][]byte, len(texts))
	for i, t := range texts {
		all[i] = t.data
	}
	return hygiene.Learn(conf, all...)
}

// readTexts reads site.yaml and every Markdown file under content/, drafts too. A file that
// cannot be read is left out: the loader has reported it.
func readTexts(site string) []text {
	tree, _ := source.Walk(os.DirFS(site))
	names := append([]string{config.File}, tree.Pages...)
	names = append(names, tree.Indexes...)
	slices.Sort(names)
	texts := make([]text, 0, len(names))
	for _, name := range names {
		if data, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(name))); err == nil {
			texts = append(texts, text{name: name, data: data})
		}
	}
	return texts
}

// futureDates warns of published pages dated after today: a draft is the way to hold one back.
func futureDates(site *page.Site, today time.Time) diag.List {
	var problems diag.List
	day := today.Format(time.DateOnly)
	for _, p := range site.Pages {
		if date := p.DateString(); date > day {
			problems.Add(diag.Warningf(p.Pos("date"), msg.FutureDate, date, day))
		}
	}
	return problems
}

// emptyListTitles warns of an _index.md whose title is given but empty: the list is titled as
// if it had none, by its section's name or its folder's.
func emptyListTitles(site *page.Site) diag.List {
	var problems diag.List
	for _, l := range site.Lists {
		if idx := l.Index; idx != nil {
			if _, given := idx.KeyPos["title"]; given && strings.TrimSpace(idx.Title) == "" {
				problems.Add(diag.Warningf(idx.Pos("title"), msg.EmptyListTitle, l.Title))
			}
		}
	}
	return problems
}
