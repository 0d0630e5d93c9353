package page

import (
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/frontmatter"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/msg"
)

// NotFoundFile is the page a web server shows for a missing URL.
const NotFoundFile = "404.html"

// List is the home page, a section, or a sub-folder of a section: a title, an optional
// introduction (its _index.md) and the pages under it, newest first.
type List struct {
	Title string
	// Dir is the list's folder relative to content/, "" for the home page.
	Dir string
	URL string
	// Kind is the type of the section's pages ("" for the home page).
	Kind     string
	Index    *Page // the _index.md, or nil
	Pages    []*Page
	Parent   *List
	Children []*List
	// Taxonomy is set for the list of a taxonomy's term (a tag, a year …).
	Taxonomy *Taxonomy
}

// IsHome reports whether the list is the home page.
func (l *List) IsHome() bool { return l.URL == "/" }

// Pager is one page of a paginated list.
type Pager struct {
	List   *List
	Number int // from 1
	Total  int
	Pages  []*Page
	URL    string
}

// PagerURL returns the URL of page number n of the list.
func (l *List) PagerURL(n int) string {
	if n <= 1 {
		return l.URL
	}
	return l.URL + "page/" + strconv.Itoa(n) + "/"
}

// Paginate splits the list into pages of at most size entries; an empty list has one empty page.
// The home page is one page: it shows the newest pages of each section, not every page.
func (l *List) Paginate(size int) []*Pager {
	if l.IsHome() {
		return []*Pager{{List: l, Number: 1, Total: 1, Pages: l.Pages, URL: l.URL}}
	}
	total := max(1, (len(l.Pages)+size-1)/size)
	pagers := make([]*Pager, total)
	for i := range pagers {
		from, to := i*size, min((i+1)*size, len(l.Pages))
		pagers[i] = &Pager{List: l, Number: i + 1, Total: total, Pages: l.Pages[from:to], URL: l.PagerURL(i + 1)}
	}
	return pagers
}

// Site is the whole model: every published page and list, and every URL the site publishes.
type Site struct {
	Config *config.Site
	Pages  []*Page // published pages, newest first
	// Indexes are the lists' _index.md files, in the order of the input.
	Indexes []*Page
	Home    *List
	Lists   []*List // every list, the home page first, then by URL
	// Taxonomies group the pages by year, branch, lecture form, project category and tag.
	Taxonomies []*Taxonomy
	// Files are the files published as they are: static/, loose files under content/, and the
	// layouts' assets.
	Files []File
	// Failed are the pages that failed to load (frontmatter.Doc.Failed) or whose slug is no
	// name: their problems are reported, and they are only where links to them lead.
	Failed []*Page

	// outputs maps each published file's path, lower-cased, to the source that claims it: two
	// claims to one path (even differing only in case, as on Windows and macOS) are an error.
	outputs map[string]claim
	// bySource finds a published page, or one that failed to load, from its source file, for
	// links written as file paths.
	bySource map[string]*Page
	lists    map[string]*List // by folder
	// drafts holds the URLs of unpublished drafts, to explain a link to one.
	drafts map[string]string
}

type claim struct {
	path   string // the output path as written
	source string
}

// File is a file published as it is.
type File struct {
	Path   string // output path, slash-separated, relative to the output folder
	Source string // where it comes from, for messages: static/x.png, layouts/assets/style.css
}

// Input is what the loader found: the decoded documents, and the files to publish as they are.
type Input struct {
	Config  *config.Site
	Docs    []*frontmatter.Doc // content files other than _index.md
	Indexes []*frontmatter.Doc // _index.md files
	// Resources maps a bundle's index.md to its other files (see source.Tree).
	Resources map[string][]string
	// Lastmod maps a content file to when it last changed (see internal/lastmod).
	Lastmod map[string]time.Time
	Files   []File
	// Generated are the other files dangjian writes, such as sitemap.xml.
	Generated []string
	Drafts    bool // publish drafts too
}

// Assemble builds the site model: it makes a page of every document, gives it its URL, groups
// pages into lists, and reports URLs claimed twice and slugs that are not a plain name.
func Assemble(in Input) (*Site, diag.List) {
	s := &Site{
		Config:   in.Config,
		Files:    in.Files,
		outputs:  map[string]claim{},
		bySource: map[string]*Page{},
		drafts:   map[string]string{},
	}
	var problems diag.List
	// The 404 page comes first, so that a file of the site that collides with it is the one reported.
	s.claim(NotFoundFile, "layouts/"+NotFoundFile, &problems)
	for _, f := range in.Files {
		s.claim(f.Path, f.Source, &problems)
	}
	lists := map[string]*List{}
	s.Home = s.list(lists, "")
	newPage := func(d *frontmatter.Doc) *Page {
		return &Page{Doc: *d, Resources: in.Resources[d.File], Lastmod: in.Lastmod[d.File]}
	}
	for _, d := range in.Indexes {
		dir := strings.TrimPrefix(path.Dir(d.File), kinds.ContentDir)
		l := s.list(lists, strings.TrimPrefix(dir, "/"))
		if d.Failed {
			continue // the list is there all the same, with its default title
		}
		idx := newPage(d)
		s.Indexes = append(s.Indexes, idx)
		l.Index = idx
		if idx.Title != "" {
			l.Title = idx.Title
		}
		idx.URL = l.URL
	}
	for _, d := range in.Docs {
		p := newPage(d)
		if bad, ok := setURL(p); !ok {
			if !p.Failed {
				problems.Add(diag.Problem{Pos: p.Pos("slug"), Severity: diag.Error, Message: bad})
			}
			// The page is where its file's name puts it, as links to it often say.
			p.Failed, p.Slug = true, ""
			setURL(p)
		}
		if p.Failed {
			s.list(lists, p.Dir)
			s.Failed = append(s.Failed, p)
			continue
		}
		if !p.IsPublished(in.Drafts) {
			s.drafts[p.URL] = p.File
			continue
		}
		s.Pages = append(s.Pages, p)
	}
	// Claims go in the order of the files, so that the second file of two is the one reported.
	for _, p := range s.Pages {
		// The second of two pages at one URL is still where a link to its file leads: the
		// clash is its one problem.
		s.claim(OutputPath(p.URL), p.File, &problems)
		s.bySource[p.File] = p
		for _, r := range p.Resources {
			s.claim(p.ResourceOutput(r), p.ResourceFile(r), &problems)
		}
	}
	slices.SortFunc(s.Pages, Newest)
	for _, p := range s.Pages {
		for l := s.list(lists, p.Dir); l != nil; l = l.Parent {
			l.Pages = append(l.Pages, p)
		}
	}
	s.lists = lists
	s.Lists = make([]*List, 0, len(lists))
	for _, l := range lists {
		s.Lists = append(s.Lists, l)
	}
	slices.SortFunc(s.Lists, func(a, b *List) int { return strings.Compare(a.URL, b.URL) })
	for _, l := range s.Lists {
		source := path.Join(kinds.ContentDir, l.Dir, kinds.IndexFile)
		for _, pg := range l.Paginate(in.Config.PageSize) {
			s.claim(OutputPath(pg.URL), source, &problems)
		}
		slices.SortFunc(l.Children, func(a, b *List) int { return strings.Compare(a.URL, b.URL) })
	}
	for _, name := range in.Generated {
		s.claimGenerated(name, name, &problems)
	}
	s.buildTaxonomies()
	for _, tax := range s.Taxonomies {
		s.claimGenerated(OutputPath(tax.URL), tax.Key, &problems)
		for _, term := range tax.Terms {
			for _, pg := range term.Paginate(in.Config.PageSize) {
				s.claimGenerated(OutputPath(pg.URL), tax.Key, &problems)
			}
		}
	}
	s.checkFolders(&problems)
	s.claimFailed()
	s.linkNeighbours()
	return s, problems
}

// claimFailed makes the pages that failed to load exist for the links of the others, so that
// each mistake is reported once, at its page: a link to one, by URL or by file, leads to it.
// Their URLs, maybe not those the editor meant, claim only what nothing else claims, and
// only now, after every clash was looked for: no other problem is reported of them.
func (s *Site) claimFailed() {
	for _, p := range s.Failed {
		s.bySource[p.File] = p
		if p.URL == "" {
			continue // its file's name is no slug either
		}
		s.claimFree(OutputPath(p.URL), p.File)
		for _, r := range p.Resources {
			s.claimFree(p.ResourceOutput(r), p.ResourceFile(r))
		}
	}
}

// checkFolders reports a path the site publishes inside a folder whose own path is a file the
// site publishes too, as the folder and the file could not both be written: a page of slug
// atom.xml, say, or a static file named activities beside the section of that name. A page
// whose own folder is in the way is told at its slug; any other clash, at the file.
func (s *Site) checkFolders(problems *diag.List) {
	told := map[string]bool{} // the files in the way already reported
	for _, p := range s.Pages {
		key := strings.ToLower(strings.Trim(p.URL, "/"))
		f, ok := s.outputs[key]
		if !ok {
			continue
		}
		told[key] = true
		var by any = ""
		if f.source != f.path {
			by = msg.New(msg.ByFile, diag.Path(f.source))
		}
		problems.Errorf(p.Pos("slug"), msg.FolderIsFile, p.URL, f.path, by)
	}
	for _, key := range slices.Sorted(maps.Keys(s.outputs)) {
		for dir := path.Dir(key); dir != "."; dir = path.Dir(dir) {
			f, ok := s.outputs[dir]
			if !ok || told[dir] {
				continue
			}
			told[dir] = true
			inside := s.outputs[key]
			problems.Errorf(diag.Position{File: f.source}, msg.FileIsFolder, f.path, inside.path, diag.Path(inside.source))
		}
	}
}

// list returns the list of a folder, creating it and its parents when needed.
func (s *Site) list(lists map[string]*List, dir string) *List {
	if l, ok := lists[dir]; ok {
		return l
	}
	l := &List{Dir: dir, URL: "/", Title: s.Config.Title}
	if dir != "" {
		l.URL = "/" + dir + "/"
		l.Title = path.Base(dir)
		section, sub, _ := strings.Cut(dir, "/")
		kind := kinds.InSection(section)
		l.Kind = kind.Name
		// A section is named in the site's script until its _index.md names it.
		if title := kind.TitleIn(s.Config.Script); title != "" && sub == "" {
			l.Title = title
		}
		l.Parent = s.list(lists, parentDir(dir))
		l.Parent.Children = append(l.Parent.Children, l)
	}
	lists[dir] = l
	return l
}

func parentDir(dir string) string {
	if i := strings.LastIndexByte(dir, '/'); i >= 0 {
		return dir[:i]
	}
	return ""
}

// claim records that source publishes the file at out, and reports a second claim.
func (s *Site) claim(out, source string, problems *diag.List) {
	key := strings.ToLower(out)
	if prev, ok := s.outputs[key]; ok {
		what := msg.New(msg.URLOf, strings.TrimSuffix(out, "index.html"))
		if prev.path != out {
			what = msg.New(msg.URLOfCase, strings.TrimSuffix(out, "index.html"), strings.TrimSuffix(prev.path, "index.html"))
		}
		problems.Errorf(diag.Position{File: source, Line: 1, Col: 1}, msg.ClaimedTwice, what, diag.Path(prev.source))
		return
	}
	s.outputs[key] = claim{path: out, source: source}
}

// claimFree records that source publishes the file at out, unless something else does.
func (s *Site) claimFree(out, source string) {
	if _, taken := s.outputs[strings.ToLower(out)]; !taken {
		s.outputs[strings.ToLower(out)] = claim{path: out, source: source}
	}
}

// claimGenerated records a file that dangjian makes on its own, such as a taxonomy's pages;
// a clash is reported at the source file that claimed the path first.
func (s *Site) claimGenerated(out, what string, problems *diag.List) {
	key := strings.ToLower(out)
	if prev, ok := s.outputs[key]; ok {
		problems.Errorf(diag.Position{File: prev.source, Line: 1, Col: 1}, msg.GeneratedClash, strings.TrimSuffix(out, "index.html"), what)
		return
	}
	s.outputs[key] = claim{path: out, source: what}
}

// SameOutputs reports whether two models publish the same files, each made from the same
// source: then every link of one resolves as in the other. (Two pages that swap their slugs
// publish the same files, but a link to either now leads to the other's.)
func (s *Site) SameOutputs(o *Site) bool {
	if len(s.outputs) != len(o.outputs) {
		return false
	}
	for key, c := range s.outputs {
		if oc, ok := o.outputs[key]; !ok || oc != c {
			return false
		}
	}
	return true
}

// OutputPath is the file a URL is written to: /a/b/ → a/b/index.html.
func OutputPath(url string) string {
	return strings.TrimPrefix(url, "/") + "index.html"
}

// setURL works out the page's folder, slug and URL; when the slug is not a plain name, it
// leaves the URL empty and returns what is wrong, and false.
func setURL(p *Page) (msg.Message, bool) {
	rel := strings.TrimPrefix(p.File, kinds.ContentDir+"/")
	dir, name := path.Split(rel)
	if p.IsBundle() {
		dir, name = path.Split(strings.TrimSuffix(dir, "/"))
	}
	p.Dir = strings.TrimSuffix(dir, "/")
	p.Section, _, _ = strings.Cut(p.Dir, "/")
	slug := p.Slug
	if slug == "" {
		slug = strings.TrimSuffix(name, ".md")
	}
	if bad, ok := checkSlug(slug); !ok {
		return bad, false
	}
	p.URL = "/" + path.Join(p.Dir, slug) + "/"
	return msg.Message{}, true
}

// checkSlug makes sure a slug is one plain path segment: no folders, no "..", nothing that
// a file system or a URL would read differently.
func checkSlug(slug string) (msg.Message, bool) {
	switch {
	case strings.TrimSpace(slug) == "":
		return msg.New(msg.SlugEmpty), false
	case slug == "." || slug == "..":
		return msg.New(msg.SlugNotAName, slug), false
	case strings.ContainsAny(slug, `/\?#%:*"<>|`):
		return msg.New(msg.SlugBadChar, slug), false
	case strings.HasPrefix(slug, "."):
		return msg.New(msg.SlugDot, slug), false
	case strings.HasSuffix(strings.ToLower(slug), ".html") || strings.HasSuffix(strings.ToLower(slug), ".htm"):
		return msg.New(msg.SlugHTML, slug, strings.TrimSuffix(slug, path.Ext(slug))), false
	case strings.IndexFunc(slug, func(r rune) bool { return unicode.IsControl(r) || unicode.IsSpace(r) }) >= 0:
		return msg.New(msg.SlugSpace, slug), false
	}
	return msg.Message{}, true
}

// linkNeighbours sets each page's previous and next page within its section, newest first.
func (s *Site) linkNeighbours() {
	for _, l := range s.Home.Children {
		for i, p := range l.Pages {
			if i > 0 {
				p.Prev = l.Pages[i-1]
			}
			if i+1 < len(l.Pages) {
				p.Next = l.Pages[i+1]
			}
		}
	}
}

// Exists reports whether the site publishes something at the root-relative path target
// (a page or list URL with or without index.html, or a file).
func (s *Site) Exists(target string) bool {
	out := strings.TrimPrefix(target, "/")
	if out == "" || strings.HasSuffix(out, "/") {
		out += "index.html"
	}
	c, ok := s.outputs[strings.ToLower(out)]
	return ok && c.path == out
}

// List returns the list of a folder relative to content/ ("" for the home page), or nil.
func (s *Site) List(dir string) *List { return s.lists[dir] }

// BySource returns the published page of a source file (content/…), or nil. In a site with
// problems, it may be a page that failed to load (Failed), where links to it lead.
func (s *Site) BySource(file string) *Page { return s.bySource[file] }

// DraftAt returns the source of an unpublished draft at url, or "".
func (s *Site) DraftAt(url string) string { return s.drafts[url] }
