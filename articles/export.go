// Package articles is the engine of dangjian export: it makes the article bundles that the
// publicity office sends to the provincial civilization website (甘肃文明网), which publishes
// simplified Chinese and takes no scripts. (Its folder is not called export: that is where a
// site's bundles go by default.)
//
// For each chosen page (export: true in its front matter, or named on the command line, and
// dated on or after --since) it makes a folder <date>-<slug>/ holding:
//
//   - article.html: the page's body as an HTML fragment, in simplified Chinese (OpenCC's
//     traditional-to-simplified rules) without the 字(pīnyīn) conversion garbage, its images
//     as numbered figures with captions, its charts as SVG images each with its table, and
//     links to the internal site turned into plain text; sanitised last, so that only an
//     allow-list of markup survives (see policy). A chart block's picture takes the block's
//     place; a report's charts of site.yaml for its year follow the body;
//   - <date>-<title>.docx: the submission as the websites ask for it, a Word document
//     rendered from the page's Markdown tree (document.go): title, dateline, body, charts as
//     their tables, the page's facts, （…供稿）;
//   - article.txt: the title and the plain text;
//   - meta.json: title, source organisation (来源), author, editor, date, summary, keywords,
//     character count, the page's URL on the internal site, and its images;
//   - 1.jpg, 2.png …: the images, scaled down to site.yaml's export.image_width;
//   - chart-1.svg, chart-1.png …: the charts, as static SVG and PNG pictures drawn by package
//     chart, numbered in the order they appear;
//   - images/: the pictures the article shows, images and charts (as PNG), again, with captions.txt
//     naming each one's caption, since the websites' rules want the pictures packed apart
//     from the text, each with its caption (the cover, for the website's title picture, is
//     named in meta.json only).
//
// It warns of what breaks the websites' rules for submissions (check.go): the title's length
// and punctuation, words such as 我市 that speak from inside, a picture without a caption,
// news older than site.yaml's export.max_age_days.
//
// For the batch it writes manifest.json and articles.zip, a zip of everything else that is
// the same, byte for byte, for the same input. The output folder is written atomically by
// package publish: an export that fails leaves the previous one as it was.
package articles

import (
	"context"
	"maps"
	"path/filepath"
	"slices"
	"time"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/page"
	"github.com/dangjian/dangjian/internal/publish"
)

// Names of the batch's files in the output folder, and of each article's files in its folder.
const (
	ManifestFile = "manifest.json"
	ZipFile      = "articles.zip"
	HTMLFile     = "article.html"
	TextFile     = "article.txt"
	MetaFile     = "meta.json"
	ImagesFolder = "images"
	CaptionsFile = "captions.txt" // in ImagesFolder
)

// Config says what to export.
type Config struct {
	generator.Options
	Out string // the bundle's folder; default Source/export
	// Pages names the pages to export, each as its source file (content/x/y.md), its bundle's
	// folder or its URL (/x/y/), relative to the site's folder or to the working folder.
	// Without names, every page with export: true is exported.
	Pages []string
	// Since, when not zero, keeps only the pages dated on or after it.
	Since time.Time
	// Charts returns the charts a page shows; nil exports the site's own, drawn by package
	// chart as SVG pictures.
	Charts ChartsFunc
	// Today is the day of the export, from which the age of each page's news is counted; zero
	// means now.
	Today time.Time
}

// Chart is one chart of a page, ready to export: a static picture and the same numbers as an
// HTML table, so that the figures are there in text too.
type Chart struct {
	Title string
	SVG   []byte
	Table string // an HTML <table>
	// InBody marks the chart of a chart block of the page's body: it takes the place of the
	// block's figure, the first such chart the first figure's. The other charts follow the body.
	InBody bool
	// PNG is the chart's picture for the Word document, above its table, and for the images
	// folder; nil shows the table alone. The site's charts are drawn by package chart in the
	// font the binary carries, so the same chart gives the same bytes on every machine.
	PNG []byte
}

// ChartsFunc returns the charts of a page, in the order the page shows them, or nil. It is
// how the chart engine plugs into the export. words converts the texts drawn into a picture
// as the export converts the article's: into simplified characters.
type ChartsFunc func(site *page.Site, p *page.Page, words func(string) string) ([]Chart, error)

// Report says what an export did.
type Report struct {
	Out      string
	Zip      string   // the zip's path
	Articles []string // the folders written, in order
	Warnings diag.List
}

// Export loads and checks the site, makes the bundle of the chosen pages and writes it into
// the output folder. Problems in the content or the selection come back as a diag.List error
// holding every problem found; then, as on any error, nothing is written.
func Export(ctx context.Context, cfg Config) (*Report, error) {
	if cfg.Out == "" {
		cfg.Out = filepath.Join(cfg.Dir(), "export")
	}
	site, problems := generator.Load(ctx, generator.Config{Options: cfg.Options})
	if problems.HasErrors() {
		return nil, problems
	}
	pages, chooseProblems := choose(site.Model(), cfg)
	problems = append(problems, chooseProblems...)
	if problems.HasErrors() {
		return nil, problems.Sort()
	}
	if cfg.Today.IsZero() {
		cfg.Today = time.Now()
	}
	b, err := newBatch(site, cfg.Charts, cfg.Today)
	if err != nil {
		return nil, err
	}
	for _, p := range pages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		problems = append(problems, b.add(p)...)
	}
	problems = append(problems, b.warnings()...)
	problems = withoutAltText(problems)
	if problems.HasErrors() {
		return nil, problems.Sort()
	}
	files, err := b.files()
	if err != nil {
		return nil, err
	}
	if err := write(ctx, cfg.Out, cfg.Dir(), files); err != nil {
		return nil, err
	}
	rep := &Report{Out: cfg.Out, Zip: filepath.Join(cfg.Out, ZipFile), Warnings: problems.Sort()}
	for _, a := range b.articles {
		rep.Articles = append(rep.Articles, a.folder)
	}
	return rep, nil
}

// withoutAltText drops the build's warnings of images without alt text where the export warns
// of the same pictures without a caption, in the words of the websites' rules: one warning
// for one picture.
func withoutAltText(problems diag.List) diag.List {
	uncaptioned := map[diag.Position]bool{}
	for _, p := range problems {
		if p.Key == msg.NoCaption && p.Pos.Line > 0 {
			uncaptioned[p.Pos] = true
		}
	}
	return slices.DeleteFunc(problems, func(p diag.Problem) bool { return p.Key == msg.NoAltText && uncaptioned[p.Pos] })
}

// write writes the files, by slash-separated name, into the output folder, atomically, and
// refuses an output that is the site's folder or holds it. It does not wait for another run
// writing the folder: it fails at once, naming that run.
func write(ctx context.Context, out, site string, files map[string][]byte) error {
	pub, err := publish.New(ctx, out, publish.Options{Site: site})
	if err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := pub.Write(name, files[name]); err != nil {
			_ = pub.Abort()
			return err
		}
	}
	return pub.Commit()
}
