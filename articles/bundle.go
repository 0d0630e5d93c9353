package articles

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/yuin/goldmark/ast"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// bundle is what the fragment's and the Word document's renderers share as they walk a
// page's tree: the pictures and charts copied into the article's folder, numbered in the
// order they appear, with their captions; the charts of the body's chart blocks not yet
// shown; the problems found.
type bundle struct {
	b        *batch
	a        *article
	charts   int // the charts copied so far
	problems diag.List
	// blockCharts are the pictures of the body's chart blocks not yet shown, in order; after
	// are the charts that follow the body.
	blockCharts, after []Chart
	// written holds where the body's Markdown writes each image not yet rewritten, by its
	// source.
	written map[string][]diag.Position
}

func newBundle(b *batch, a *article) *bundle {
	return &bundle{b: b, a: a, written: map[string][]diag.Position{}}
}

func (bu *bundle) errorf(key msg.Key, args ...any) {
	bu.problems.Errorf(diag.Position{File: bu.a.page.File}, key, args...)
}

func (bu *bundle) warnf(key msg.Key, args ...any) {
	bu.problems.Add(diag.Warningf(diag.Position{File: bu.a.page.File}, key, args...))
}

// queueCharts sorts the page's charts into those of its chart blocks, each shown where its
// block stands, and those that follow the body.
func (bu *bundle) queueCharts(charts []Chart) {
	for _, c := range charts {
		if c.InBody {
			bu.blockCharts = append(bu.blockCharts, c)
		} else {
			bu.after = append(bu.after, c)
		}
	}
}

// nextBlockChart returns the chart of the next chart block of the body.
func (bu *bundle) nextBlockChart() (Chart, bool) {
	if len(bu.blockCharts) == 0 {
		return Chart{}, false
	}
	c := bu.blockCharts[0]
	bu.blockCharts = bu.blockCharts[1:]
	return c, true
}

// remainingCharts returns the charts that follow the body: the others, then those of blocks
// the body did not show.
func (bu *bundle) remainingCharts() []Chart {
	rest := append(append([]Chart(nil), bu.after...), bu.blockCharts...)
	bu.after, bu.blockCharts = nil, nil
	return rest
}

// imageSource is the source of an image of the tree, as the site's HTML links it.
func imageSource(img *ast.Image) string { return string(util.URLEscape(img.Destination, true)) }

// altText is the text of an image, simplified.
func (bu *bundle) altText(img *ast.Image, source []byte) string {
	var b strings.Builder
	var texts func(n ast.Node)
	texts = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.WriteString(plain(c.Segment.Value(source), c.IsRaw()))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte('\n')
				}
			case *ast.String:
				b.WriteString(plain(c.Value, c.IsRaw() || c.IsCode()))
			default:
				texts(c)
			}
		}
	}
	texts(img)
	return bu.b.text.clean(b.String())
}

// captionOf is an image's caption: its title, or else its text.
func (bu *bundle) captionOf(img *ast.Image, alt string) string {
	if title := strings.TrimSpace(bu.b.text.clean(plain(img.Title, false))); title != "" {
		return title
	}
	return strings.TrimSpace(alt)
}

// image copies an image of the tree into the bundle, and warns when it has no caption. It
// returns its name there, its text and its caption; false when it is left out.
func (bu *bundle) image(img *ast.Image, source []byte) (name, alt, caption string, ok bool) {
	alt = bu.altText(img, source)
	caption = bu.captionOf(img, alt)
	if name, ok = bu.place(imageSource(img), caption); !ok {
		return "", "", "", false
	}
	return name, alt, caption, true
}

// place copies the image at src, captioned caption, into the bundle and records that the
// article shows it, warning where the body writes it when it has no caption. It returns its
// name there; false when it is left out.
func (bu *bundle) place(src, caption string) (string, bool) {
	pos := diag.Position{File: bu.a.page.File}
	if at := bu.written[unescaped(src)]; len(at) > 0 {
		pos, bu.written[unescaped(src)] = at[0], at[1:]
	}
	name, ok := bu.copyImage(src, caption)
	if !ok {
		return "", false
	}
	if caption == "" {
		bu.problems.Add(diag.Warningf(pos, msg.NoCaption, src, name))
	}
	bu.show(name, caption)
	return name, true
}

// copyChart copies a chart's picture into the bundle, numbered in the order charts appear,
// and returns its name there and its title. Its PNG, when it has one, is the picture of the
// images folder, as the Word document shows it. It returns false when the picture could run
// a script.
func (bu *bundle) copyChart(c Chart) (name, title string, ok bool) {
	bu.charts++
	name = fmt.Sprintf("chart-%d.svg", bu.charts)
	// The chart engine's pictures are copied as they are, so they are checked.
	if found := activeSVG(c.SVG); found != nil {
		bu.errorf(msg.ChartScript, c.Title, found)
		return "", "", false
	}
	title = bu.b.text.clean(c.Title)
	bu.a.files[name] = []byte(bu.b.text.clean(string(c.SVG)))
	bu.a.meta.Images = append(bu.a.meta.Images, imageMeta{File: name, Caption: title})
	if c.PNG != nil {
		png := strings.TrimSuffix(name, ".svg") + ".png"
		bu.a.files[png] = c.PNG
		bu.show(png, title)
	} else {
		bu.show(name, title)
	}
	return name, title, true
}

// chartNodes copies a chart into the bundle and returns the HTML that shows it: a figure,
// captioned with its title if it has one, then its table, the chart engine's, its text
// simplified.
func (bu *bundle) chartNodes(c Chart) []*html.Node {
	name, title, ok := bu.copyChart(c)
	if !ok {
		return nil
	}
	fig := element("figure", nil, element("img", []html.Attribute{{Key: "src", Val: name}, {Key: "alt", Val: title}}))
	if title != "" {
		fig.AppendChild(element("figcaption", nil, &html.Node{Type: html.TextNode, Data: title}))
	}
	return append([]*html.Node{fig, {Type: html.TextNode, Data: "\n"}}, bu.rewriteRaw(c.Table)...)
}

// show records that the article shows the picture name, with its caption: the first one
// given, when it shows it more than once.
func (bu *bundle) show(name, caption string) {
	for i, pic := range bu.a.pictures {
		if pic.File == name {
			if pic.Caption == "" {
				bu.a.pictures[i].Caption = caption
			}
			return
		}
	}
	bu.a.pictures = append(bu.a.pictures, imageMeta{File: name, Caption: caption})
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
func (bu *bundle) copyImage(src, caption string) (string, bool) {
	u, err := url.Parse(src)
	if src == "" || err != nil || u.Scheme != "" || u.Host != "" {
		bu.warnf(msg.ImageNotInSite, src)
		return "", false
	}
	target := u.Path
	if !path.IsAbs(target) {
		target = path.Join(bu.a.page.URL, target)
	}
	out := strings.TrimPrefix(target, "/")
	if name, seen := bu.a.images[out]; seen {
		return name, true
	}
	data, err := bu.b.site.ReadFile(out)
	if err != nil {
		bu.errorf(msg.ImageMissing, src)
		return "", false
	}
	scaled, ext, err := scaleDown(data, bu.b.conf.Export.ImageWidth)
	if err != nil {
		bu.errorf(msg.ImageFailed, src, err)
		return "", false
	}
	if bu.a.images == nil {
		bu.a.images = map[string]string{}
	}
	name := strconv.Itoa(len(bu.a.images)+1) + ext
	bu.a.images[out] = name
	bu.a.files[name] = scaled
	bu.a.meta.Images = append(bu.a.meta.Images, imageMeta{File: name, Caption: caption})
	return name, true
}

// external reports whether a link leads to another site, which the website's readers can follow.
func external(href string) bool {
	u, err := url.Parse(href)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "mailto")
}

// rewriteRaw reads HTML that is not the renderer's — the author's raw HTML, where the site
// lets it through, and a chart's table — and returns it rewritten as the fragment renderer
// writes the tree: text simplified, images copied, links to the internal site unwrapped,
// paragraphs of nothing but images made figures.
func (bu *bundle) rewriteRaw(fragment string) []*html.Node {
	holder := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), holder)
	if err != nil {
		bu.errorf(msg.CannotReadHTML, err)
		return nil
	}
	for _, n := range nodes {
		holder.AppendChild(n)
	}
	bu.walk(holder)
	var rewritten []*html.Node
	for holder.FirstChild != nil {
		n := holder.FirstChild
		holder.RemoveChild(n)
		rewritten = append(rewritten, n)
	}
	return rewritten
}

// walk rewrites the children of n for rewriteRaw.
func (bu *bundle) walk(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch c.Type {
		case html.TextNode:
			c.Data = bu.b.text.clean(c.Data)
		case html.ElementNode:
			for i, at := range c.Attr {
				if at.Key == "alt" || at.Key == "title" {
					c.Attr[i].Val = bu.b.text.clean(at.Val)
				}
			}
			switch c.DataAtom {
			case atom.Img:
				if !bu.htmlImage(c) {
					n.RemoveChild(c)
				}
			case atom.A:
				if href := attr(c, "href"); !external(href) {
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
					bu.walk(c)
				}
			case atom.P:
				bu.walk(c)
				figures(c)
			default:
				bu.walk(c)
			}
		}
		c = next
	}
}

// htmlImage copies an image of raw HTML into the bundle and points the element at its copy,
// and warns when it has no caption. It returns false when the image is left out.
func (bu *bundle) htmlImage(img *html.Node) bool {
	name, ok := bu.place(attr(img, "src"), caption(img))
	if !ok {
		return false
	}
	setAttr(img, "src", name)
	if !hasAttr(img, "alt") {
		setAttr(img, "alt", "")
	}
	return true
}

// figures replaces a paragraph of raw HTML that holds nothing but images with a figure for
// each, captioned with the image's title, or else its alt text. A paragraph left empty, its
// images left out, goes too.
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

// plain returns the text that Markdown source text shows: its backslash escapes and entities
// resolved, unless raw.
func plain(value []byte, raw bool) string {
	var b bytes.Buffer
	if raw {
		return string(value)
	}
	ghtml.DefaultWriter.Write(&bufWriter{&b}, value)
	return html.UnescapeString(b.String())
}

// bufWriter makes a bytes.Buffer a util.BufWriter.
type bufWriter struct{ *bytes.Buffer }

func (w *bufWriter) Available() int { return w.Cap() - w.Len() }
func (w *bufWriter) Buffered() int  { return 0 }
func (w *bufWriter) Flush() error   { return nil }

// linesOf returns the lines of a block as written, each with its line end, and the closing
// line of a block of HTML.
func linesOf(n ast.Node, source []byte) []string {
	var lines []string
	for i := range n.Lines().Len() {
		seg := n.Lines().At(i)
		lines = append(lines, string(seg.Value(source)))
	}
	if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
		lines = append(lines, string(h.ClosureLine.Value(source)))
	}
	return lines
}
