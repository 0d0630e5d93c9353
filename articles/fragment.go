package articles

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/dangjian/dangjian/internal/chart"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// policy is the allow-list of article.html, applied to the finished fragment: headings,
// paragraphs and the emphasis inside them, quotations, lists, tables, figures, images of the
// bundle and links to other sites. Everything else goes: scripts, styles, event attributes,
// classes and IDs, frames, forms; the text of an element that is dropped stays, except that
// of scripts and styles.
var policy = func() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote",
		"strong", "em", "b", "i", "del", "sub", "sup",
		"ul", "ol", "li",
		"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
		"figure", "figcaption")
	p.AllowAttrs("start").Matching(bluemonday.Integer).OnElements("ol")
	p.AllowAttrs("colspan", "rowspan").Matching(bluemonday.Integer).OnElements("th", "td")
	p.AllowAttrs("alt").OnElements("img")
	p.AllowAttrs("src").Matching(bundleImage).OnElements("img")
	p.AllowAttrs("href", "title").OnElements("a")
	p.AllowURLSchemes("http", "https", "mailto")
	p.AllowRelativeURLs(true)
	p.RequireParseableURLs(true)
	return p
}()

// bundleImage matches the names the export gives images and charts: 1.jpg, chart-2.svg.
var bundleImage = regexp.MustCompile(`^(chart-)?[1-9][0-9]*\.(jpg|png|gif|svg)$`)

// fragment makes the article's HTML: the page's converted body and its charts, rewritten for
// the civilization website, then sanitised. It copies the images, the cover among them.
func (b *batch) fragment(a *article) ([]byte, diag.List) {
	converted := b.site.Converted().Of(a.page)
	r := &rewriter{b: b, a: a, written: map[string][]diag.Position{}}
	for _, pic := range converted.Pictures {
		r.written[unescaped(pic.Src)] = append(r.written[unescaped(pic.Src)], pic.Pos)
	}
	charts, err := b.charts(b.site.Model(), a.page, b.text.clean)
	if err != nil {
		r.errorf(msg.ChartsFailed, err)
	}
	a.charts = charts
	var after []Chart
	for _, c := range charts {
		if c.InBody {
			r.blockCharts = append(r.blockCharts, c)
		} else {
			after = append(after, c)
		}
	}
	root := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	appendAll(root, r.parse(string(converted.Body)))
	// The charts of blocks that the body did not show follow it, with the others.
	for _, c := range append(after, r.blockCharts...) {
		appendAll(root, r.chart(c))
		root.AppendChild(&html.Node{Type: html.TextNode, Data: "\n"})
	}
	// The cover is for the website's title picture (标题图片): it is copied and named in
	// meta.json, not repeated in the article.
	if cover := converted.Cover; cover != "" {
		a.meta.Cover, _ = r.copyImage(cover, "")
	}
	var buf bytes.Buffer
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(&buf, c); err != nil {
			r.errorf(msg.CannotWriteHTML, err)
		}
	}
	out := policy.SanitizeBytes(buf.Bytes())
	out = append(bytes.TrimSpace(out), '\n')
	return out, r.problems
}

// rewriter rewrites one article's HTML for the civilization website.
type rewriter struct {
	b        *batch
	a        *article
	charts   int // the charts copied so far
	problems diag.List
	// blockCharts are the pictures of the body's chart blocks not yet shown, in order.
	blockCharts []Chart
	// written holds where the body's Markdown writes each image not yet rewritten, by its
	// source; an image of raw HTML is not there.
	written map[string][]diag.Position
}

func (r *rewriter) errorf(key msg.Key, args ...any) {
	r.problems.Errorf(diag.Position{File: r.a.page.File}, key, args...)
}

func (r *rewriter) warnf(key msg.Key, args ...any) {
	r.problems.Add(diag.Warningf(diag.Position{File: r.a.page.File}, key, args...))
}

// parse parses an HTML fragment, rewrites it and returns its nodes.
func (r *rewriter) parse(fragment string) []*html.Node {
	holder := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), holder)
	if err != nil {
		r.errorf(msg.CannotReadHTML, err)
		return nil
	}
	appendAll(holder, nodes)
	r.walk(holder)
	var rewritten []*html.Node
	for holder.FirstChild != nil {
		n := holder.FirstChild
		holder.RemoveChild(n)
		rewritten = append(rewritten, n)
	}
	return rewritten
}

// chart copies a chart's picture into the bundle, numbered in the order charts appear, and
// returns a figure that shows it, captioned with its title if it has one, then its table. Its
// PNG, when it has one, is the picture of the images folder, as the Word document shows it.
func (r *rewriter) chart(c Chart) []*html.Node {
	r.charts++
	name := fmt.Sprintf("chart-%d.svg", r.charts)
	// The chart engine's pictures are copied as they are, so they are checked.
	if found := activeSVG(c.SVG); found != nil {
		r.errorf(msg.ChartScript, c.Title, found)
		return nil
	}
	title := r.b.text.clean(c.Title)
	r.a.files[name] = []byte(r.b.text.clean(string(c.SVG)))
	r.a.meta.Images = append(r.a.meta.Images, imageMeta{File: name, Caption: title})
	if c.PNG != nil {
		png := strings.TrimSuffix(name, ".svg") + ".png"
		r.a.files[png] = c.PNG
		r.show(png, title)
	} else {
		r.show(name, title)
	}
	fig := element("figure", nil, element("img", []html.Attribute{{Key: "src", Val: name}, {Key: "alt", Val: title}}))
	if title != "" {
		fig.AppendChild(element("figcaption", nil, &html.Node{Type: html.TextNode, Data: title}))
	}
	return append([]*html.Node{fig, {Type: html.TextNode, Data: "\n"}}, r.parse(c.Table)...)
}

func appendAll(parent *html.Node, nodes []*html.Node) {
	for _, n := range nodes {
		parent.AppendChild(n)
	}
}

// walk rewrites the children of n: text in simplified characters without garbage, images
// copied into the bundle, links to the internal site unwrapped, paragraphs that hold only
// images made figures with captions.
func (r *rewriter) walk(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch c.Type {
		case html.TextNode:
			c.Data = r.b.text.clean(c.Data)
		case html.ElementNode:
			for i, at := range c.Attr {
				if at.Key == "alt" || at.Key == "title" {
					c.Attr[i].Val = r.b.text.clean(at.Val)
				}
			}
			switch c.DataAtom {
			case atom.Img:
				if !r.image(c) {
					n.RemoveChild(c)
				}
			case atom.A:
				if href := attr(c, "href"); !external(href) {
					// The civilization website's readers cannot reach the internal site:
					// its links become their text.
					if c.FirstChild != nil {
						next = c.FirstChild
					}
					for c.FirstChild != nil {
						child := c.FirstChild
						c.RemoveChild(child)
						n.InsertBefore(child, c)
					}
					n.RemoveChild(c)
				} else {
					r.walk(c)
				}
			case atom.P:
				r.walk(c)
				figures(c)
			case atom.Figure:
				if !hasAttr(c, chart.Marker) || len(r.blockCharts) == 0 {
					r.walk(c)
					break
				}
				// A chart block's figure, drawn for a script that the website does not run:
				// the block's picture and table take its place.
				for _, m := range r.chart(r.blockCharts[0]) {
					n.InsertBefore(m, c)
				}
				r.blockCharts = r.blockCharts[1:]
				n.RemoveChild(c)
			default:
				r.walk(c)
			}
		}
		c = next
	}
}

// image copies an image into the bundle and points the element at its copy, and warns when it
// has no caption. It returns false when the image is left out.
func (r *rewriter) image(img *html.Node) bool {
	src := attr(img, "src")
	pos := diag.Position{File: r.a.page.File}
	if at := r.written[unescaped(src)]; len(at) > 0 {
		pos, r.written[unescaped(src)] = at[0], at[1:]
	}
	text := caption(img)
	name, ok := r.copyImage(src, text)
	if !ok {
		return false
	}
	if text == "" {
		r.problems.Add(diag.Warningf(pos, msg.NoCaption, src, name))
	}
	r.show(name, text)
	setAttr(img, "src", name)
	if !hasAttr(img, "alt") {
		setAttr(img, "alt", "")
	}
	return true
}

// show records that the article shows the picture name, with its caption: the first one
// given, when it shows it more than once.
func (r *rewriter) show(name, caption string) {
	for i, pic := range r.a.pictures {
		if pic.File == name {
			if pic.Caption == "" {
				r.a.pictures[i].Caption = caption
			}
			return
		}
	}
	r.a.pictures = append(r.a.pictures, imageMeta{File: name, Caption: caption})
}

// unescaped is a URL with its escapes undone: the HTML escapes what the Markdown wrote.
func unescaped(src string) string {
	if s, err := url.PathUnescape(src); err == nil {
		return s
	}
	return src
}

// copyImage copies the image at src (relative to the page, or to the site's root) into the
// bundle, numbered in the order images first appear, and returns its name there. It returns
// false when the image is left out: it is on another site, or is no image.
func (r *rewriter) copyImage(src, caption string) (string, bool) {
	u, err := url.Parse(src)
	if src == "" || err != nil || u.Scheme != "" || u.Host != "" {
		r.warnf(msg.ImageNotInSite, src)
		return "", false
	}
	target := u.Path
	if !path.IsAbs(target) {
		target = path.Join(r.a.page.URL, target)
	}
	out := strings.TrimPrefix(target, "/")
	if name, seen := r.a.images[out]; seen {
		return name, true
	}
	data, err := r.b.site.ReadFile(out)
	if err != nil {
		r.errorf(msg.ImageMissing, src)
		return "", false
	}
	scaled, ext, err := scaleDown(data, r.b.conf.Export.ImageWidth)
	if err != nil {
		r.errorf(msg.ImageFailed, src, err)
		return "", false
	}
	if r.a.images == nil {
		r.a.images = map[string]string{}
	}
	name := strconv.Itoa(len(r.a.images)+1) + ext
	r.a.images[out] = name
	r.a.files[name] = scaled
	r.a.meta.Images = append(r.a.meta.Images, imageMeta{File: name, Caption: caption})
	return name, true
}

// external reports whether a link leads to another site, which the website's readers can follow.
func external(href string) bool {
	u, err := url.Parse(href)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "mailto")
}

// figures replaces a paragraph that holds nothing but images with a figure for each, captioned
// with the image's title, or else its alt text. A paragraph left empty, its images left out,
// goes too.
func figures(p *html.Node) {
	var images []*html.Node
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && c.DataAtom == atom.Img:
			images = append(images, c)
		case c.Type == html.ElementNode && c.DataAtom == atom.Br:
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		default:
			return
		}
	}
	for i, img := range images {
		p.RemoveChild(img)
		fig := element("figure", nil, img)
		if text := caption(img); text != "" {
			fig.AppendChild(element("figcaption", nil, &html.Node{Type: html.TextNode, Data: text}))
		}
		p.Parent.InsertBefore(fig, p)
		if i+1 < len(images) {
			p.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: "\n"}, p)
		}
	}
	p.Parent.RemoveChild(p)
}

// caption is an image's caption: its title, or else its alt text.
func caption(img *html.Node) string {
	if title := strings.TrimSpace(attr(img, "title")); title != "" {
		return title
	}
	return strings.TrimSpace(attr(img, "alt"))
}

func element(tag string, attrs []html.Attribute, children ...*html.Node) *html.Node {
	n := &html.Node{Type: html.ElementNode, Data: tag, DataAtom: atom.Lookup([]byte(tag)), Attr: attrs}
	for _, c := range children {
		n.AppendChild(c)
	}
	return n
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func setAttr(n *html.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}
