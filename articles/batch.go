package articles

import (
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"path"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/convert"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/page"
	"github.com/dangjian/dangjian/internal/zipfile"
)

// batch is an export being made: the articles so far, with their files in memory, written
// only once every article is ready.
type batch struct {
	site   *generator.Site
	conf   *config.Site
	charts ChartsFunc
	// converter parses the pages' Markdown again, for the Word documents' renderer.
	converter *convert.Converter
	text      *cleaner
	today     time.Time
	// localWords are site.yaml's words that speak from inside, in simplified characters.
	localWords []string
	articles   []*article
	folders    map[string]*page.Page // the page that claimed each folder
}

// article is one page's folder.
type article struct {
	page   *page.Page
	folder string
	meta   meta
	files  map[string][]byte // by name in the folder
	// pictures are the pictures the article shows, each once, in the order they first appear.
	pictures []imageMeta
	// images gives the name in the bundle of each image copied, by its file in the site's
	// output; charts are the page's charts. The fragment fills both, and the Word document
	// shows the same.
	images map[string]string
	charts []Chart
}

// meta is meta.json: what the civilization website's editors fill into their form.
type meta struct {
	Title  string `json:"title"`
	Source string `json:"source"` // 来源: site.yaml's organisation
	// Author is the page's branch (党支部), which reported the work; the site records no
	// person as its author.
	Author string `json:"author"`
	// Editor is left for the publicity office to fill in: the site does not record it.
	Editor     string      `json:"editor"`
	Date       string      `json:"date"`
	Summary    string      `json:"summary"`
	Keywords   []string    `json:"keywords"`
	Characters int         `json:"characters"`
	URL        string      `json:"url"` // the page on the internal site
	Images     []imageMeta `json:"images"`
	Cover      string      `json:"cover"` // the file of the page's cover image, or ""
}

type imageMeta struct {
	File    string `json:"file"`
	Caption string `json:"caption"`
}

// manifest is manifest.json: the batch's table of contents.
type manifest struct {
	Source   string          `json:"source"`
	Site     string          `json:"site"`
	Articles []manifestEntry `json:"articles"`
}

type manifestEntry struct {
	Folder     string   `json:"folder"`
	Title      string   `json:"title"`
	Date       string   `json:"date"`
	Characters int      `json:"characters"`
	Files      []string `json:"files"`
}

func newBatch(site *generator.Site, charts ChartsFunc, today time.Time) (*batch, error) {
	text, err := newCleaner()
	if err != nil {
		return nil, err
	}
	if charts == nil {
		charts = siteCharts(site)
	}
	conf := site.Model().Config
	return &batch{site: site, conf: conf, charts: charts, text: text, today: today,
		converter:  convert.New(site.Model(), site.Charts()),
		localWords: text.cleanAll(conf.Export.LocalWords), folders: map[string]*page.Page{}}, nil
}

// add makes a page's article.
func (b *batch) add(p *page.Page) diag.List {
	folder := p.DateString() + "-" + path.Base(p.URL)
	if other := b.folders[folder]; other != nil {
		return diag.List{diag.Errorf(p.Pos("slug"), msg.SameExportFolder, folder, other.File)}
	}
	b.folders[folder] = p
	a := &article{page: p, folder: folder, files: map[string][]byte{}}
	converted := b.site.Converted().Of(p)
	text := b.text.clean(converted.Text)
	title := b.text.clean(p.Title)
	a.meta = meta{
		Title:      title,
		Source:     b.text.clean(b.conf.Organisation),
		Author:     b.text.clean(p.Branch),
		Date:       p.DateString(),
		Summary:    b.text.clean(converted.Summary),
		Keywords:   b.text.cleanAll(p.Tags),
		Characters: characters(text),
		URL:        b.conf.BaseURL + strings.TrimPrefix(p.URL, "/"),
		Images:     []imageMeta{},
	}
	if b.conf.BaseURL == "" {
		a.meta.URL = p.URL
	}
	fragment, problems := b.fragment(a)
	a.files[HTMLFile] = fragment
	name, document, documentProblems := b.document(a)
	a.files[name] = document
	problems = append(problems, documentProblems...)
	a.files[TextFile] = []byte(title + "\n\n" + text + "\n")
	data, err := marshal(a.meta)
	if err != nil {
		problems.Errorf(diag.Position{File: p.File}, msg.MetaFailed, err)
	}
	a.files[MetaFile] = data
	a.packPictures()
	problems = append(problems, b.check(p, title)...)
	b.articles = append(b.articles, a)
	return problems
}

// packPictures copies the pictures the article shows into its images folder, with the file
// of their captions: a line for each, its file's name, a tab and its caption. The file is
// read on Windows, by the publicity office and the website's editors: its lines end in CRLF,
// since the Notepad of Windows before Windows 10's 2018 update runs lines ended by LF alone
// into one; it is UTF-8, as the rest of the bundle.
func (a *article) packPictures() {
	if len(a.pictures) == 0 {
		return
	}
	var captions strings.Builder
	for _, pic := range a.pictures {
		a.files[ImagesFolder+"/"+pic.File] = a.files[pic.File]
		captions.WriteString(pic.File + "\t" + oneLine(pic.Caption) + "\r\n")
	}
	a.files[ImagesFolder+"/"+CaptionsFile] = []byte(captions.String())
}

// oneLine joins the lines of a caption, so that it takes one line of captions.txt.
func oneLine(caption string) string {
	return strings.Join(strings.FieldsFunc(caption, func(r rune) bool { return r == '\n' || r == '\r' || r == '\t' }), " ")
}

// characters counts the characters of a text as Chinese editors do: every character but
// white space, a Chinese character counting one.
func characters(text string) int {
	n := 0
	for _, r := range text {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// warnings returns the problems of the batch as a whole.
func (b *batch) warnings() diag.List {
	var problems diag.List
	if b.text.err != nil {
		problems.Errorf(diag.Position{File: config.File}, msg.SimplifyFailed, b.text.err)
	}
	if b.conf.Organisation == "" {
		problems.Add(diag.Warningf(diag.Position{File: config.File}, msg.NoOrganisation))
	}
	if b.conf.BaseURL == "" {
		problems.Add(diag.Warningf(diag.Position{File: config.File}, msg.NoBaseURL))
	}
	return problems
}

// files returns every file of the bundle by its path in the output folder: the articles'
// folders, manifest.json, and the zip of them all.
func (b *batch) files() (map[string][]byte, error) {
	files := map[string][]byte{}
	m := manifest{Source: b.text.clean(b.conf.Organisation), Site: b.text.clean(b.conf.Title)}
	newest := time.Time{}
	for _, a := range b.articles {
		entry := manifestEntry{Folder: a.folder, Title: a.meta.Title, Date: a.meta.Date, Characters: a.meta.Characters}
		for name, data := range a.files {
			files[a.folder+"/"+name] = data
		}
		entry.Files = slices.Sorted(maps.Keys(a.files))
		m.Articles = append(m.Articles, entry)
		if a.page.Date.After(newest) {
			newest = a.page.Date
		}
	}
	data, err := marshal(m)
	if err != nil {
		return nil, err
	}
	files[ManifestFile] = data
	// The zip's files are stamped with the day of the newest article, not the time of the
	// export, so that the same pages give the same zip.
	day := time.Date(newest.Year(), newest.Month(), newest.Day(), 0, 0, 0, 0, time.UTC)
	entries := make(map[string]io.Reader, len(files))
	for name, data := range files {
		entries[name] = bytes.NewReader(data)
	}
	var zipped bytes.Buffer
	if err := zipfile.Write(&zipped, entries, day); err != nil {
		return nil, err
	}
	files[ZipFile] = zipped.Bytes()
	return files, b.text.err
}

// marshal writes JSON as people read it: indented, Chinese and & < > as they are.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(v)
	return buf.Bytes(), err
}
