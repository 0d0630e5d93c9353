// Package linkcheck checks the links and images of a built site, the way a reader opening it
// from disk would meet them: every relative href, src, srcset, action and poster of every HTML
// page must name a file of the site (a link to a folder must name its index.html, which a
// browser reading from disk does not add), every #fragment must be an id of its target page,
// and no link may be root-relative or an absolute URL of the site's own host, which break
// from disk and under another path.
package linkcheck

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// Problem is a broken link: the page it is in (slash-separated, relative to the site's
// folder), the line, the link as written, and what is wrong.
type Problem struct {
	Page string
	Line int
	Link string
	Msg  string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s:%d: %s: %s", p.Page, p.Line, p.Link, p.Msg)
}

// Options says what else to look for.
type Options struct {
	// Hosts are the site's own hosts (that of its base URL): an absolute link to one of them
	// is a problem.
	Hosts []string
	// BasePath is the path of the site's base URL (/dangjian/). The 404 page, which a server
	// shows at any URL, links from it: its links are checked from the site's root.
	BasePath string
}

// ForBaseURL returns the options for a site served at baseURL: absolute links to its host are
// problems, and the 404 page links from its path.
func ForBaseURL(baseURL string) (Options, error) {
	u, err := url.Parse(baseURL)
	if err != nil || u.Host == "" {
		return Options{}, fmt.Errorf("%q: not an absolute URL", baseURL)
	}
	return Options{Hosts: []string{u.Hostname()}, BasePath: strings.TrimSuffix(u.Path, "/") + "/"}, nil
}

// NotFoundPage is the page whose links start from BasePath.
const NotFoundPage = "404.html"

// linkAttrs are the attributes that hold a URL; srcset holds several.
var linkAttrs = []string{"href", "src", "srcset", "action", "poster"}

// page is what a page holds: its links, with their lines, and its ids.
type page struct {
	links []link
	ids   map[string]bool
}

type link struct {
	url  string
	line int
}

// Check checks every HTML page of the site in fsys and returns the problems, by page and line.
func Check(fsys fs.FS, opts Options) ([]Problem, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && isHTML(name) {
			names = append(names, name)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	c := &checker{fsys: fsys, opts: opts, pages: map[string]*page{}, targets: map[string]string{}}
	var problems []Problem
	for _, name := range names {
		p, err := c.page(name)
		if err != nil {
			return nil, err
		}
		for _, l := range p.links {
			if msg := c.check(name, l.url); msg != "" {
				problems = append(problems, Problem{Page: name, Line: l.line, Link: l.url, Msg: msg})
			}
		}
	}
	return problems, nil
}

func isHTML(name string) bool {
	return strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".htm")
}

type checker struct {
	fsys  fs.FS
	opts  Options
	pages map[string]*page // parsed pages, by name
	// targets says of each target checked whether it is missing or a folder: every page
	// links the same menu.
	targets map[string]string
}

// page parses a page once.
func (c *checker) page(name string) (*page, error) {
	if p, ok := c.pages[name]; ok {
		return p, nil
	}
	data, err := fs.ReadFile(c.fsys, name)
	if err != nil {
		return nil, err
	}
	p := parse(data)
	c.pages[name] = p
	return p, nil
}

// parse collects the links and ids of a page.
func parse(data []byte) *page {
	p := &page{ids: map[string]bool{}}
	z := html.NewTokenizer(bytes.NewReader(data))
	line := 1
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return p
		}
		raw := z.Raw()
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			name, hasAttr := z.TagName()
			for hasAttr {
				var key, val []byte
				key, val, hasAttr = z.TagAttr()
				switch k := string(key); {
				case k == "id" || (k == "name" && string(name) == "a"):
					p.ids[string(val)] = true
				case k == "srcset":
					for candidate := range strings.SplitSeq(string(val), ",") {
						if fields := strings.Fields(candidate); len(fields) > 0 {
							p.links = append(p.links, link{fields[0], line})
						}
					}
				case slices.Contains(linkAttrs, k):
					p.links = append(p.links, link{string(val), line})
				}
			}
		}
		line += bytes.Count(raw, []byte("\n"))
	}
}

// target returns what is wrong with a link's target file, or "".
func (c *checker) target(name string, slash bool) string {
	msg, ok := c.targets[name]
	if !ok {
		info, err := fs.Stat(c.fsys, name)
		switch {
		case err != nil:
			msg = "no such file: " + name
		case info.IsDir():
			msg = folderLink
		}
		c.targets[name] = msg
	}
	if msg == "" && slash {
		return folderLink
	}
	return msg
}

const folderLink = "link to a folder: name its index.html, which a browser reading from disk does not add"

// check returns what is wrong with a link of the page from, or "".
func (c *checker) check(from, raw string) string {
	ref := strings.TrimSpace(raw)
	u, err := url.Parse(ref)
	if err != nil {
		return "malformed URL"
	}
	switch {
	case u.Scheme != "" || u.Host != "":
		if slices.Contains(c.opts.Hosts, u.Hostname()) {
			return "absolute link to the site itself: it breaks under another address; link relatively"
		}
		return ""
	case u.Path == "" && u.Fragment == "":
		if ref == "" {
			return "empty link"
		}
		return "" // a query only, such as ?q=
	case from == NotFoundPage && c.opts.BasePath != "" && strings.HasPrefix(u.Path, c.opts.BasePath):
		// Only a server shows the 404 page, and a server finds a folder's index.html.
		u.Path = strings.TrimPrefix(u.Path, c.opts.BasePath)
		if u.Path == "" || strings.HasSuffix(u.Path, "/") {
			u.Path += "index.html"
		}
		from = "index.html" // a page at the root
	case strings.HasPrefix(u.Path, "/"):
		return "root-relative link: it breaks from disk and under a sub-path; link relatively"
	}
	target := from
	if u.Path != "" {
		target = path.Join(path.Dir(from), u.Path)
		if target == ".." || strings.HasPrefix(target, "../") {
			return "points outside the site"
		}
		if msg := c.target(target, strings.HasSuffix(u.Path, "/")); msg != "" {
			return msg
		}
	}
	if u.Fragment == "" || !isHTML(target) {
		return ""
	}
	p, err := c.page(target)
	if err != nil {
		return err.Error()
	}
	if !p.ids[u.Fragment] {
		return fmt.Sprintf("%s has no id %q", target, u.Fragment)
	}
	return ""
}
