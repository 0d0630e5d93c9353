// Package convert is the stage between the site model and the layouts: it turns each page's
// Markdown into what the others show of it (its body as HTML, its plain text and summary, the
// URL of its cover, its headings, pictures and chart specs), checking its links and its cover
// against the site. The converted pages are kept apart from the model, in Pages, which no one
// changes once made: the renderer, the feed, the search index and the export all read them.
package convert

import (
	"html/template"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/chart"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/markdown"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/page"
)

// Page is a page, converted.
type Page struct {
	File string // the page's source file
	Body template.HTML
	// Text is the body's plain text, blocks separated by newlines.
	Text string
	// Summary is the page's summary key, or else the start of its first paragraph.
	Summary string
	// Cover is the root-relative URL of the page's cover image, or "".
	Cover    string
	Headings []markdown.Heading
	// Pictures are the images of the body, their sources relative to the page.
	Pictures []markdown.Picture
	// Charts are the specs of the charts the body's chart blocks draw, in order.
	Charts []chart.Spec
	// Problems are those the conversion found, for a reload that reuses the page.
	Problems diag.List
}

// Converter converts the pages of one site. It is safe for concurrent use.
type Converter struct {
	site *page.Site
	md   *markdown.Converter
}

// New returns the Converter of a site's pages; charts reads and draws their chart blocks.
func New(site *page.Site, charts *chart.Drawer) *Converter {
	return &Converter{site: site, md: markdown.New(
		markdown.WithRawHTML(site.Config.RawHTML),
		markdown.WithExtensions(chart.Block{Drawer: charts}),
		markdown.WithKept(chart.KindNode),
	)}
}

// Page converts a page's Markdown, and checks its links and its cover.
func (c *Converter) Page(p *page.Page) *Page {
	resolver := linkResolver{site: c.site, page: p}
	res := c.md.Convert(p.File, p.Body, p.BodyLine, resolver)
	converted := &Page{
		File:     p.File,
		Body:     template.HTML(res.HTML),
		Text:     res.Text,
		Summary:  summarize(p, res.Lead),
		Headings: res.Headings,
		Pictures: res.Pictures,
		Charts:   chart.Specs(res.Kept),
		Problems: res.Problems,
	}
	if p.Cover != "" {
		target, _, err := resolver.target(p.Cover)
		if err != nil {
			converted.Problems.Errorf(p.Pos("cover"), msg.CoverLink, err)
		}
		converted.Cover = target
	}
	return converted
}

// Tree parses a page's Markdown as Page converts it, its links and images resolved against
// the site, and returns the tree for a renderer of another format, such as the export's
// Word document. The tree is made again on each call, not kept: a site's pages need their
// HTML, and only the few exported ones their trees.
func (c *Converter) Tree(p *page.Page) (*markdown.Tree, diag.List) {
	return c.md.Parse(p.File, p.Body, p.BodyLine, linkResolver{site: c.site, page: p})
}

// summaryLength is the length of a summary made from a page's text, in characters: Chinese
// has no spaces to cut at, so summaries are cut by characters, not words.
const summaryLength = 120

// summarize makes a page's summary from its summary key, or from its first paragraph.
func summarize(p *page.Page, lead string) string {
	if p.Summary != "" {
		return p.Summary
	}
	if utf8.RuneCountInString(lead) <= summaryLength {
		return lead
	}
	return string([]rune(lead)[:summaryLength]) + "……"
}

// Pages are the converted pages of a site, by source file. Every page is converted before any
// is rendered, since lists show the summaries of other pages.
type Pages struct {
	byFile map[string]*Page
}

// Collect gathers converted pages; it skips the nil ones that a cancelled conversion leaves.
func Collect(converted []*Page) *Pages {
	ps := &Pages{byFile: make(map[string]*Page, len(converted))}
	for _, c := range converted {
		if c != nil {
			ps.byFile[c.File] = c
		}
	}
	return ps
}

// Of returns p converted, or an empty Page when p was not converted.
func (ps *Pages) Of(p *page.Page) *Page {
	if c := ps.byFile[p.File]; c != nil {
		return c
	}
	return &Page{File: p.File}
}

// Reusable returns p as converted for an earlier load of the site, for a reload in which p's
// file did not change and no page's URL did, so that its links resolve the same. It declines
// (ok false) when p was not converted, or when its body holds a chart, whose figures may
// have changed.
func (ps *Pages) Reusable(p *page.Page) (c *Page, ok bool) {
	c = ps.byFile[p.File]
	if c == nil || len(c.Charts) > 0 {
		return nil, false
	}
	return c, true
}
