// Package feed writes the site's machine-readable files: sitemap.xml and an Atom feed with the
// absolute URLs of site.yaml's base_url, and robots.txt.
package feed

import (
	"bytes"
	"encoding/xml"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/dangjian/dangjian/internal/convert"
	"github.com/dangjian/dangjian/internal/page"
)

// Output files.
const (
	SitemapFile = "sitemap.xml"
	AtomFile    = "atom.xml"
	RobotsFile  = "robots.txt"
)

// AtomEntries is how many of the newest pages the feed holds.
const AtomEntries = 20

// Absolute returns the absolute URL of a root-relative path on the site at base (which ends
// with a slash), with every path segment escaped.
func Absolute(base, rootRelative string) string {
	segments := strings.Split(strings.TrimPrefix(rootRelative, "/"), "/")
	for i, s := range segments {
		segments[i] = url.PathEscape(s)
	}
	return base + strings.Join(segments, "/")
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	Lastmod string `xml:"lastmod,omitempty"`
}

// Sitemap lists every page and list of the site, pages with their date.
func Sitemap(site *page.Site, base string) []byte {
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, l := range site.Lists {
		set.URLs = append(set.URLs, sitemapURL{Loc: Absolute(base, l.URL)})
	}
	for _, t := range site.Taxonomies {
		set.URLs = append(set.URLs, sitemapURL{Loc: Absolute(base, t.URL)})
		for _, term := range t.Terms {
			set.URLs = append(set.URLs, sitemapURL{Loc: Absolute(base, term.URL)})
		}
	}
	pages := slices.Clone(site.Pages)
	slices.SortFunc(pages, func(a, b *page.Page) int { return strings.Compare(a.URL, b.URL) })
	for _, p := range pages {
		set.URLs = append(set.URLs, sitemapURL{Loc: Absolute(base, p.URL), Lastmod: lastmod(p).Format(time.DateOnly)})
	}
	return marshal(set)
}

// lastmod is when a page last changed: its git date when known, else its own date.
func lastmod(p *page.Page) time.Time {
	if !p.Lastmod.IsZero() {
		return p.Lastmod
	}
	return p.Date
}

type atomFeed struct {
	XMLName xml.Name    `xml:"feed"`
	NS      string      `xml:"xmlns,attr"`
	Lang    string      `xml:"xml:lang,attr,omitempty"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Link    atomLink `xml:"link"`
	Updated string   `xml:"updated"`
	Summary string   `xml:"summary,omitempty"`
}

// Atom is the feed of the newest pages, with their summaries from pages. The feed's time is
// that of its newest page, not of the build, so the same input gives the same feed.
func Atom(site *page.Site, base string, pages *convert.Pages) []byte {
	conf := site.Config
	author := conf.Organisation
	if author == "" {
		author = conf.Title
	}
	f := atomFeed{
		NS: "http://www.w3.org/2005/Atom", Lang: conf.Language, Title: conf.Title, ID: base,
		Links:  []atomLink{{Href: base}, {Href: base + AtomFile, Rel: "self"}},
		Author: atomAuthor{Name: author},
	}
	updated := time.Time{}
	for _, p := range site.Pages[:min(AtomEntries, len(site.Pages))] {
		when := lastmod(p)
		if when.After(updated) {
			updated = when
		}
		link := Absolute(base, p.URL)
		f.Entries = append(f.Entries, atomEntry{
			Title: p.Title, ID: link, Link: atomLink{Href: link}, Updated: when.Format(time.RFC3339), Summary: pages.Of(p).Summary,
		})
	}
	if updated.IsZero() {
		updated = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	f.Updated = updated.Format(time.RFC3339)
	return marshal(f)
}

// Robots allows everything and names the sitemap when the site has a base URL.
func Robots(base string) []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	if base != "" {
		b.WriteString("Sitemap: " + base + SitemapFile + "\n")
	}
	return []byte(b.String())
}

func marshal(v any) []byte {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	_ = enc.Encode(v) // the types above always encode
	buf.WriteByte('\n')
	return buf.Bytes()
}
