// Package generator builds a site: it is the one place that knows the pipeline. Each stage
// lives in its own package: source finds the files, frontmatter decodes each into a document,
// validate checks the documents against site.yaml, page assembles the model from them,
// convert turns the pages' Markdown into HTML, render executes the layouts, publish writes
// the result. The metrics are computed here, once, between the model and the conversion.
package generator

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dangjian/dangjian/internal/chart"
	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/convert"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/feed"
	"github.com/dangjian/dangjian/internal/frontmatter"
	"github.com/dangjian/dangjian/internal/hygiene"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/lastmod"
	"github.com/dangjian/dangjian/internal/media"
	"github.com/dangjian/dangjian/internal/metric"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/page"
	"github.com/dangjian/dangjian/internal/publish"
	"github.com/dangjian/dangjian/internal/render"
	"github.com/dangjian/dangjian/internal/source"
	"github.com/dangjian/dangjian/internal/validate"
	"github.com/dangjian/dangjian/layouts"
)

// Config says what to build.
type Config struct {
	Options
	Dest    string // the output folder; default Source/public
	BaseURL string // overrides site.yaml's base_url
	// Progress, when set, is kept up to date as the build goes.
	Progress *Progress
	// Wait is how long to wait for another run of dangjian that is writing Dest; zero fails
	// at once, with a *publish.Busy error.
	Wait time.Duration
	// Waiting, when set, is told once that the build waits for another run, with a message in
	// the language of Options.Printer.
	Waiting func(msg string)
	// CountTextProblems counts the slips in the text that check finds (hygiene.Count), for
	// build and serve to say how many there are: Report.TextProblems, Site.TextProblems.
	CountTextProblems bool
}

// Report says what a build did.
type Report struct {
	Dest     string
	Pages    int      // content pages published
	Files    int      // files written, pages, lists and copies together
	Drafts   []string // the drafts left out, by file, in order (see DraftsNote)
	Warnings diag.List
	// TextProblems counts the slips in the text that check finds, with CountTextProblems.
	TextProblems int
	Duration     time.Duration
	Timings      []Timing // of each stage
}

// TextProblemsNote is the line that build and serve end with when check finds n slips in the
// text, which they do not report themselves, in p's language; "" when there are none.
func TextProblemsNote(p *msg.Printer, n int) string {
	if n == 0 {
		return ""
	}
	return p.Sprintf(msg.TextProblems, n)
}

// Build builds the site. Problems in the content come back as a diag.List error holding every
// problem found; then, as on any error, the output folder is left as it was. It takes the
// output's lock before it reads the site: a build that waited for another one reads the site
// as it is when its turn comes, not as it was when it began to wait.
func Build(ctx context.Context, cfg Config) (*Report, error) {
	start := time.Now()
	if cfg.Dest == "" {
		cfg.Dest = filepath.Join(cfg.Dir(), "public")
	}
	rep := &Report{Dest: cfg.Dest}
	stageStart := start
	timed := func(stage msg.Key) {
		now := time.Now()
		rep.Timings = append(rep.Timings, Timing{stage, now.Sub(stageStart)})
		stageStart = now
	}
	cfg.Progress.enter(StageLoad, 0)
	// Not a site (a mistyped -s): nothing is made, not even the output's lock beside it.
	if _, problems := readConfig(os.DirFS(cfg.Dir()), cfg); problems.HasErrors() {
		return nil, problems
	}
	waited := false
	pub, err := publish.New(ctx, cfg.Dest, publish.Options{Wait: cfg.Wait, Site: cfg.Dir(), Waiting: func(m msg.Message) {
		waited = true
		cfg.Progress.enter(StageWait, 0)
		if cfg.Waiting != nil {
			cfg.Waiting(m.Text(cfg.Printer))
		}
	}})
	if err != nil {
		return nil, err
	}
	if waited {
		timed(StageWait)
		cfg.Progress.enter(StageLoad, 0)
	}
	site, problems := Load(ctx, cfg)
	if site != nil {
		problems = append(problems, site.RemoveFixTemps()...)
	}
	if problems.HasErrors() {
		_ = pub.Abort()
		return nil, problems.Sort()
	}
	if pub.ManifestLost() {
		problems.Add(diag.Warningf(diag.Position{File: filepath.Join(cfg.Dest, publish.ManifestFile)},
			msg.ManifestLost, cfg.Dest))
	}
	rep.Pages, rep.Drafts, rep.Warnings, rep.TextProblems = len(site.model.Pages), site.drafts, problems.Sort(), site.TextProblems()
	timed(StageLoad)
	outs := site.outputs()
	cfg.Progress.enter(StageWrite, len(outs))
	if err := write(ctx, pub, outs, cfg.Progress); err != nil {
		_ = pub.Abort()
		return nil, err
	}
	timed(StageWrite)
	cfg.Progress.enter(StagePublish, 0)
	if err := pub.Commit(); err != nil {
		return nil, err
	}
	timed(StagePublish)
	rep.Files = pub.Files()
	rep.Duration = time.Since(start)
	return rep, nil
}

// Site is a loaded, checked site, ready to be written.
type Site struct {
	cfg Config
	// parsed keeps each content file as read and checked, for a reload to reuse.
	parsed map[string]parsedFile
	fsys   fs.FS
	model  *page.Site
	pages  *convert.Pages
	// metrics are the site's figures and hall the lecture hall's; charts draws the site's.
	metrics, hall *metric.Table
	charts        *chart.Drawer
	renderer      *render.Renderer
	copies        map[string]copySource // output path → where to copy it from
	fixTemps      []string              // see source.Tree.FixTemps
	drafts        []string              // the files of the drafts left out
	textProblems  int                   // the count of the slips in the text (see CountTextProblems)
}

// Model returns the site model.
func (s *Site) Model() *page.Site { return s.model }

// Converted returns the site's converted pages.
func (s *Site) Converted() *convert.Pages { return s.pages }

// Drafts returns the files of the drafts the site leaves out, in order: none when
// Options.Drafts publishes them.
func (s *Site) Drafts() []string { return s.drafts }

// Charts returns the drawer of the site's metrics, in the words of the site's script.
func (s *Site) Charts() *chart.Drawer { return s.charts }

// TextProblems returns how many slips check finds in the text of site.yaml and the content
// files, drafts too, when the site was loaded with CountTextProblems; else 0.
func (s *Site) TextProblems() int { return s.textProblems }

// copySource is where a file published as it is comes from: one file, or several joined.
type copySource struct {
	fsys  fs.FS
	names []string
}

// Load reads, checks and converts the whole site: everything but writing. The problems it
// returns are sorted; the site is usable only when they hold no error.
func Load(ctx context.Context, cfg Config) (*Site, diag.List) {
	return load(ctx, cfg, nil)
}

// load loads the site; with reuse, it takes what reuse says is unchanged from an earlier load.
func load(ctx context.Context, cfg Config, reuse *reuse) (*Site, diag.List) {
	fsys := os.DirFS(cfg.Dir())
	data, problems := readConfig(fsys, cfg)
	if problems.HasErrors() {
		return nil, problems
	}
	conf, confProblems := config.Parse(data)
	problems = append(problems, confProblems...)
	if conf == nil {
		return nil, problems
	}
	if cfg.BaseURL != "" {
		conf.BaseURL = cfg.BaseURL
	}
	tree, walkProblems := source.Walk(fsys)
	problems = append(problems, walkProblems...)

	s := &Site{cfg: cfg, fsys: fsys, copies: map[string]copySource{}, parsed: map[string]parsedFile{}, fixTemps: tree.FixTemps}
	if conf.ContentFiles != config.ContentFilesAny {
		problems = append(problems, s.checkContentFiles(tree.ContentFiles(), reuse)...)
	}
	docs, indexes, loadProblems := s.loadDocs(ctx, conf, tree, reuse)
	problems = append(problems, loadProblems...)
	if cfg.CountTextProblems {
		tallies := []hygiene.Tally{hygiene.NewTally(config.File, data, conf.Script)}
		for _, parsed := range s.parsed {
			tallies = append(tallies, parsed.tally)
		}
		s.textProblems = hygiene.CountAll(conf, tallies)
	}
	dates, lastmodProblems := lastmodOf(ctx, cfg, append(append([]*frontmatter.Doc{}, docs...), indexes...))
	problems = append(problems, lastmodProblems...)

	siteLayouts := layouts.ForSite(fsys)
	files := s.files(tree, siteLayouts)
	if _, err := fs.Stat(siteLayouts, layouts.EChartsFile); err != nil {
		problems.Errorf(diag.Position{File: path.Join("layouts", layouts.EChartsFile)}, msg.EChartsMissing)
	}
	published := 0
	for _, d := range docs {
		switch {
		case !d.IsPublished(cfg.Drafts):
			s.drafts = append(s.drafts, d.File)
		case !d.Failed:
			published++
		}
	}
	generated := append(machineFileNames(conf.BaseURL), searchFileNames(published)...)
	model, assembleProblems := page.Assemble(page.Input{Config: conf, Docs: docs, Indexes: indexes, Resources: tree.Resources, Lastmod: dates,
		Files: files, Generated: generated, Drafts: cfg.Drafts})
	problems = append(problems, assembleProblems...)
	s.model = model

	labels := render.Labels(model)
	problems = append(problems, s.computeMetrics(labels)...)
	problems = append(problems, s.convert(ctx, append(append([]*page.Page{}, model.Pages...), model.Indexes...), reuse)...)
	renderer, layoutProblems := render.New(render.Input{Site: model, Layouts: siteLayouts, Pages: s.pages,
		Charts: s.charts, Hall: chart.New(s.hall, labels["year"], labels["total"]), Labels: labels})
	problems = append(problems, layoutProblems...)
	s.renderer = renderer
	if err := ctx.Err(); err != nil {
		problems.Errorf(diag.Position{File: cfg.Dir()}, msg.BuildCancelled)
	}
	return s, problems.Sort()
}

// readConfig reads the site's configuration file: a folder without one is not a site.
func readConfig(fsys fs.FS, cfg Config) ([]byte, diag.List) {
	var problems diag.List
	data, err := fs.ReadFile(fsys, config.File)
	if err != nil {
		problems.Errorf(diag.Position{File: config.File}, msg.CannotReadConfig, unwrapPath(err), cfg.Dir())
	}
	return data, problems
}

// computeMetrics computes the site's metrics and the lecture hall's, once, for the converter,
// the renderer and the export; labels are the words of the layouts.
func (s *Site) computeMetrics(labels map[string]string) diag.List {
	metrics, problems := metric.Compute(s.model.Config, s.model.Pages)
	if len(s.model.Failed) > 0 {
		// A page that failed to load is not counted: a report's figure would disagree for it.
		problems = slices.DeleteFunc(problems, func(p diag.Problem) bool { return p.Severity == diag.Warning })
	}
	// The reports declare site.yaml's metrics: their disagreements are reported above.
	s.hall, _ = metric.Compute(render.HallMetrics(labels), s.model.Pages)
	s.metrics, s.charts = metrics, chart.New(metrics, labels["year"], labels["total"])
	return problems
}

// convert converts every page, in parallel. With reuse, it takes the converted pages that did
// not change from the previous load, while no page's URL changed: their links resolve the same.
func (s *Site) convert(ctx context.Context, pages []*page.Page, reuse *reuse) diag.List {
	converter := convert.New(s.model, s.charts)
	converted := make([]*convert.Page, len(pages))
	reuseBodies := reuse != nil && s.model.SameOutputs(reuse.prev.model)
	parallel(ctx, len(pages), func(i int) {
		p := pages[i]
		if reuseBodies && !reuse.changed[p.File] {
			if c, ok := reuse.prev.pages.Reusable(p); ok {
				converted[i] = c
				return
			}
		}
		converted[i] = converter.Page(p)
	})
	s.pages = convert.Collect(converted)
	var problems diag.List
	for _, c := range converted {
		if c != nil {
			problems = append(problems, c.Problems...)
		}
	}
	return problems
}

// RemoveFixTemps removes the temporary files that a check --fix stopped before its rename left
// beside a source file. One it cannot remove is a warning: it is hidden, and harms nothing.
func (s *Site) RemoveFixTemps() diag.List {
	var problems diag.List
	for _, name := range s.fixTemps {
		if err := publish.RemoveFixTemp(filepath.Join(s.cfg.Dir(), filepath.FromSlash(name))); err != nil {
			problems.Add(diag.Warningf(diag.Position{File: name}, msg.CannotRemoveTemp, unwrapPath(err)))
		}
	}
	return problems
}

// unwrapPath drops the path from an fs.PathError, which the message names already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// loadDocs reads and decodes every content file, in parallel, and checks each document. Files
// that reuse has unchanged are taken from it instead.
func (s *Site) loadDocs(ctx context.Context, conf *config.Site, tree *source.Tree, reuse *reuse) (docs, indexes []*frontmatter.Doc, problems diag.List) {
	files := append(append([]string{}, tree.Pages...), tree.Indexes...)
	loaded := make([]parsedFile, len(files))
	parallel(ctx, len(files), func(i int) {
		name := files[i]
		parsed, ok := reuse.file(name)
		if !ok {
			parsed = s.readDoc(conf, name, i >= len(tree.Pages))
		}
		loaded[i] = parsed
	})
	for i, parsed := range loaded {
		s.parsed[files[i]] = parsed
		problems = append(problems, parsed.problems...)
		switch {
		case parsed.doc == nil: // not read: the load was cancelled
		case i < len(tree.Pages):
			docs = append(docs, parsed.doc)
		default:
			indexes = append(indexes, parsed.doc)
		}
	}
	return docs, indexes, problems
}

// checkContentFiles checks that each file under content/ published as it is may be: a picture,
// video or audio, a document. A file that reuse has unchanged keeps what was found of it.
func (s *Site) checkContentFiles(names []string, reuse *reuse) diag.List {
	var problems diag.List
	for _, name := range names {
		parsed, ok := reuse.file(name)
		if !ok {
			parsed.problems = media.CheckFiles(s.fsys, []string{name})
		}
		s.parsed[name] = parsed
		problems = append(problems, parsed.problems...)
	}
	return problems
}

// readDoc reads and decodes one content file, checks it unless it is a list's _index.md, and
// counts the slips of its text when the build says so. A file that fails to load comes back
// as its stand-in (frontmatter.StandIn), with its problems.
func (s *Site) readDoc(conf *config.Site, name string, isIndex bool) parsedFile {
	var parsed parsedFile
	section, _, inFolder := strings.Cut(name[len(kinds.ContentDir)+1:], "/")
	if !inFolder {
		section = ""
	}
	kind := kinds.InSection(section).Name
	data, err := fs.ReadFile(s.fsys, name)
	if err != nil {
		parsed.problems.Errorf(diag.Position{File: name}, msg.CannotRead, unwrapPath(err))
		parsed.doc = frontmatter.StandIn(name, nil, kind)
		return parsed
	}
	parsed.doc, parsed.problems = frontmatter.Parse(name, data, kind, isIndex)
	switch {
	case parsed.doc == nil:
		parsed.doc = frontmatter.StandIn(name, data, kind)
	case !isIndex:
		parsed.problems = append(parsed.problems, validate.Doc(conf, parsed.doc)...)
	}
	if s.cfg.CountTextProblems {
		parsed.tally = hygiene.NewTally(name, data, conf.Script)
	}
	return parsed
}

// lastmodOf finds when each document's source file last changed; a stand-in has no date.
func lastmodOf(ctx context.Context, cfg Config, docs []*frontmatter.Doc) (map[string]time.Time, diag.List) {
	var files []string
	for _, d := range docs {
		if !d.Failed {
			files = append(files, d.File)
		}
	}
	return lastmod.Find(ctx, cfg.Dir(), files, !cfg.NoGit)
}

// files lists the files published as they are, and remembers where to copy each from.
func (s *Site) files(tree *source.Tree, siteLayouts fs.FS) []page.File {
	var files []page.File
	add := func(out string, fsys fs.FS, label string, names ...string) {
		files = append(files, page.File{Path: out, Source: label})
		s.copies[out] = copySource{fsys: fsys, names: names}
	}
	for _, name := range tree.Static {
		add(name, s.fsys, path.Join(kinds.StaticDir, name), path.Join(kinds.StaticDir, name))
	}
	for _, name := range tree.Files {
		add(name[len(kinds.ContentDir)+1:], s.fsys, name, name)
	}
	_ = fs.WalkDir(siteLayouts, render.AssetsDir, func(name string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && !source.Ignored(d.Name()) {
			add(name, siteLayouts, path.Join("layouts", name), name)
		}
		return nil
	})
	// One script draws charts: ECharts followed by ours, so that a page loads a single file.
	add(render.ChartsScript, siteLayouts, path.Join("layouts", layouts.EChartsFile), layouts.EChartsFile, layouts.ChartScriptFile)
	return files
}

// Sink receives the files of a build: the publisher writes them to disk; a server or a
// benchmark may keep or drop them.
type Sink interface {
	Write(name string, data []byte) error
	Copy(name string, src fs.FS, srcNames ...string) error
}

// Write renders every page and list and copies every file into sink, in parallel.
func (s *Site) Write(ctx context.Context, sink Sink) error {
	return write(ctx, sink, s.outputs(), nil)
}

// output is one file of the site and how to make it, and what it is made from, for a reload
// to know whether a change touches it (see Affected).
type output struct {
	path string
	make func(Sink) error
	// sources are the site's files it is made from: a copy's, a page's file and its bundle's,
	// a list's _index.md.
	sources []string
	// shows is what a rendered page shows of others; page, pager or taxonomy is the page.
	shows    render.Shows
	page     *page.Page
	pager    *page.Pager
	taxonomy *page.Taxonomy
	// everyPage marks a file made from every page: a reload always rewrites it.
	everyPage bool
	// also are the other files make writes: the search page writes its index too.
	also []string
}

// paths are the output paths an output writes.
func (o output) paths() []string { return append([]string{o.path}, o.also...) }

// rendered is an output made by a function that returns its bytes.
func rendered(out string, render func() ([]byte, error)) output {
	return output{path: out, make: func(sink Sink) error {
		data, err := render()
		if err != nil {
			return err
		}
		return sink.Write(out, data)
	}}
}

// outputs lists every file the site publishes.
func (s *Site) outputs() []output {
	// The search index is the longest to make: it goes first.
	searchFiles := searchFileNames(len(s.model.Pages))
	outs := []output{{path: searchFiles[len(searchFiles)-1], make: s.writeSearch, shows: render.SearchShows, everyPage: true, also: searchFiles[:len(searchFiles)-1]}}
	for _, p := range s.model.Pages {
		o := rendered(page.OutputPath(p.URL), func() ([]byte, error) { return s.renderer.Page(p) })
		o.sources, o.shows, o.page = []string{p.File}, render.PageShows(p, s.pages), p
		for _, r := range p.Resources {
			out, src := p.ResourceOutput(r), p.ResourceFile(r)
			outs = append(outs, output{path: out, make: func(sink Sink) error { return sink.Copy(out, s.fsys, src) }, sources: []string{src}})
			o.sources = append(o.sources, src)
		}
		outs = append(outs, o)
	}
	// list adds every page of a paginated list.
	list := func(l *page.List) {
		for _, pg := range l.Paginate(s.model.Config.PageSize) {
			o := rendered(page.OutputPath(pg.URL), func() ([]byte, error) { return s.renderer.List(pg) })
			o.shows, o.pager = render.ListShows(pg, s.pages), pg
			if l.Index != nil {
				o.sources = []string{l.Index.File}
			}
			outs = append(outs, o)
		}
	}
	for _, l := range s.model.Lists {
		list(l)
	}
	for _, tax := range s.model.Taxonomies {
		o := rendered(page.OutputPath(tax.URL), func() ([]byte, error) { return s.renderer.Taxonomy(tax) })
		o.shows, o.taxonomy = render.TaxonomyShows, tax
		outs = append(outs, o)
		for _, term := range tax.Terms {
			list(term)
		}
	}
	for name, data := range s.machineFiles() {
		o := rendered(name, func() ([]byte, error) { return data(), nil })
		o.everyPage = true
		outs = append(outs, o)
	}
	notFound := rendered(page.NotFoundFile, s.renderer.NotFound)
	notFound.shows = render.NotFoundShows
	outs = append(outs, notFound)
	for out, src := range s.copies {
		outs = append(outs, output{path: out, make: func(sink Sink) error { return sink.Copy(out, src.fsys, src.names...) }, sources: src.names})
	}
	return outs
}

// write makes the outputs in parallel and collects every error, counting each in progress.
func write(ctx context.Context, sink Sink, outs []output, progress *Progress) error {
	var (
		mu   sync.Mutex
		errs []error
	)
	parallel(ctx, len(outs), func(i int) {
		if err := outs[i].make(sink); err != nil {
			mu.Lock()
			errs = append(errs, err)
			mu.Unlock()
		}
		progress.step()
	})
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(errs) > 0 {
		return msg.New(msg.WritingSite, msg.Joined(errs))
	}
	return nil
}

// machineFiles are the files for machines: robots.txt, and with a base URL the sitemap and the
// Atom feed, which need absolute URLs.
func (s *Site) machineFiles() map[string]func() []byte {
	base := s.model.Config.BaseURL
	files := map[string]func() []byte{feed.RobotsFile: func() []byte { return feed.Robots(base) }}
	if base != "" {
		files[feed.SitemapFile] = func() []byte { return feed.Sitemap(s.model, base) }
		files[feed.AtomFile] = func() []byte { return feed.Atom(s.model, base, s.pages) }
	}
	return files
}

// machineFileNames lists the files machineFiles writes for a site with this base URL.
func machineFileNames(baseURL string) []string {
	if baseURL == "" {
		return []string{feed.RobotsFile}
	}
	return []string{feed.RobotsFile, feed.SitemapFile, feed.AtomFile}
}

// parallel calls fn(0) … fn(n-1) on as many goroutines as there are CPUs, and returns when
// all calls have returned. It stops handing out work once ctx is cancelled.
func parallel(ctx context.Context, n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}
