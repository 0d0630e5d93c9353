package articles

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/dangjian/dangjian/internal/chart"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// policy is the allow-list of article.html, applied to the finished fragment: headings,
// paragraphs and the emphasis inside them, quotations, lists, tables, figures, images of the
// bundle and links to other sites. Everything else goes: scripts, styles, event attributes,
// classes and IDs, frames, forms; the text of an element that is dropped stays, except that
// of scripts and styles. The fragment renderer writes little else; raw HTML, where the site
// lets it through, is the author's, and the policy is what keeps it safe.
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

// fragment makes the article's HTML: the page's Markdown tree rendered by fragmentRenderer,
// its charts, then sanitised. It copies the images, the cover among them.
func (b *batch) fragment(a *article) ([]byte, diag.List) {
	bu := newBundle(b, a)
	converted := b.site.Converted().Of(a.page)
	for _, pic := range converted.Pictures {
		bu.written[unescaped(pic.Src)] = append(bu.written[unescaped(pic.Src)], pic.Pos)
	}
	charts, err := b.charts(b.site.Model(), a.page, b.text.clean)
	if err != nil {
		bu.errorf(msg.ChartsFailed, err)
	}
	a.charts = charts
	bu.queueCharts(charts)
	var out bytes.Buffer
	// The tree's problems are the build's, which reported them.
	if tree, _ := b.converter.Tree(a.page); tree != nil {
		f := newFragmentRenderer(bu, tree.Source, b.conf.RawHTML)
		f.render(&out, tree.Doc)
	}
	// The charts of blocks that the body did not show follow it, with the others.
	for _, c := range bu.remainingCharts() {
		writeNodes(bu, &out, bu.chartNodes(c))
		out.WriteByte('\n')
	}
	// The cover is for the website's title picture (标题图片): it is copied and named in
	// meta.json, not repeated in the article.
	if cover := converted.Cover; cover != "" {
		a.meta.Cover, _ = bu.copyImage(cover, "")
	}
	sanitised := policy.SanitizeBytes(out.Bytes())
	return append(bytes.TrimSpace(sanitised), '\n'), bu.problems
}

// writeNodes writes HTML nodes.
func writeNodes(bu *bundle, out *bytes.Buffer, nodes []*html.Node) {
	for _, n := range nodes {
		if err := html.Render(out, n); err != nil {
			bu.errorf(msg.CannotWriteHTML, err)
		}
	}
}

// fragmentRenderer renders a page's Markdown tree as the article's HTML, beside wordRenderer,
// which renders it as a Word document: goldmark's HTML renderer for the markup of blocks and
// emphasis, and its own functions for the nodes the export writes otherwise — text, simplified
// as it is written; images, copied into the bundle, and paragraphs of nothing but images,
// written as figures with their captions; links to the internal site, written as their text;
// chart blocks, written as the chart's picture and table; code and raw HTML the site shows
// as text, written as text.
type fragmentRenderer struct {
	bu      *bundle
	source  []byte
	rawHTML bool
	md      renderer.Renderer // with the export's functions
	plain   renderer.Renderer // goldmark's own, for raw HTML that the site lets through
}

func newFragmentRenderer(bu *bundle, source []byte, rawHTML bool) *fragmentRenderer {
	f := &fragmentRenderer{bu: bu, source: source, rawHTML: rawHTML}
	gfm := func(opts ...ghtml.Option) []util.PrioritizedValue {
		return []util.PrioritizedValue{
			util.Prioritized(ghtml.NewRenderer(opts...), 1000),
			util.Prioritized(extension.NewTableHTMLRenderer(extension.WithTableHTMLOptions(opts...)), 500),
			util.Prioritized(extension.NewStrikethroughHTMLRenderer(opts...), 500),
			util.Prioritized(extension.NewTaskCheckBoxHTMLRenderer(opts...), 500),
		}
	}
	f.md = renderer.NewRenderer(renderer.WithNodeRenderers(append(gfm(ghtml.WithXHTML()), util.Prioritized(f, 100))...))
	f.plain = renderer.NewRenderer(renderer.WithNodeRenderers(gfm(ghtml.WithUnsafe())...))
	return f
}

// RegisterFuncs registers the renderer's functions, by the kind of node each writes.
func (f *fragmentRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	for kind, fn := range map[ast.NodeKind]renderer.NodeRendererFunc{
		ast.KindText: f.text, ast.KindString: f.string, ast.KindCodeSpan: f.codeSpan,
		ast.KindCodeBlock: f.codeBlock, ast.KindFencedCodeBlock: f.codeBlock,
		ast.KindHTMLBlock: f.htmlBlock, ast.KindRawHTML: f.rawHTMLInline,
		ast.KindParagraph: f.paragraph, ast.KindImage: f.image,
		ast.KindLink: f.link, ast.KindAutoLink: f.autoLink, chart.KindNode: f.chart,
	} {
		reg.Register(kind, fn)
	}
}

// render writes the tree's blocks. A block holding raw HTML that the site lets through is
// HTML of the author's, read as HTML (rewriteRaw).
func (f *fragmentRenderer) render(out *bytes.Buffer, doc ast.Node) {
	w := &textWriter{out: out, clean: f.bu.b.text.clean}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		var err error
		if f.rawHTML && holdsRawHTML(n) {
			w.flush()
			var raw bytes.Buffer
			err = f.plain.Render(&raw, f.source, n)
			writeNodes(f.bu, out, f.bu.rewriteRaw(raw.String()))
		} else {
			err = f.md.Render(w, f.source, n)
			w.flush()
		}
		if err != nil {
			f.bu.errorf(msg.CannotWriteHTML, err)
		}
	}
}

// holdsRawHTML reports whether n is or holds raw HTML.
func holdsRawHTML(n ast.Node) bool {
	found := false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && (c.Kind() == ast.KindRawHTML || c.Kind() == ast.KindHTMLBlock) {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// textWriter is the writer of the fragment: the text between two tags is gathered, then
// cleaned as one (simplified, without garbage) and escaped when the next tag is written.
type textWriter struct {
	out   *bytes.Buffer
	clean func(string) string
	text  strings.Builder
}

// add adds text, as it reads.
func (w *textWriter) add(s string) { w.text.WriteString(s) }

func (w *textWriter) flush() {
	if w.text.Len() > 0 {
		w.out.WriteString(html.EscapeString(w.clean(w.text.String())))
		w.text.Reset()
	}
}

func (w *textWriter) Write(p []byte) (int, error)       { w.flush(); return w.out.Write(p) }
func (w *textWriter) WriteString(s string) (int, error) { w.flush(); return w.out.WriteString(s) }
func (w *textWriter) WriteByte(c byte) error            { w.flush(); return w.out.WriteByte(c) }
func (w *textWriter) WriteRune(r rune) (int, error)     { w.flush(); return w.out.WriteRune(r) }
func (w *textWriter) Available() int                    { return w.out.Cap() - w.out.Len() }
func (w *textWriter) Buffered() int                     { return 0 }
func (w *textWriter) Flush() error                      { return nil }

// textOf returns the text of w, where the fragment renderer writes.
func textOf(w util.BufWriter) *textWriter { return w.(*textWriter) }

func (f *fragmentRenderer) text(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Text)
	textOf(w).add(plain(n.Segment.Value(source), n.IsRaw()))
	if n.HardLineBreak() {
		_, _ = w.WriteString("<br />\n")
	} else if n.SoftLineBreak() {
		textOf(w).add("\n")
	}
	return ast.WalkContinue, nil
}

func (f *fragmentRenderer) string(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*ast.String)
		textOf(w).add(plain(n.Value, n.IsRaw() || n.IsCode()))
	}
	return ast.WalkContinue, nil
}

// codeSpan writes code as its text: the website shows no code.
func (f *fragmentRenderer) codeSpan(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			value := string(c.(*ast.Text).Segment.Value(source))
			if v, ok := strings.CutSuffix(value, "\n"); ok {
				value = v + " "
			}
			textOf(w).add(value)
		}
	}
	return ast.WalkSkipChildren, nil
}

func (f *fragmentRenderer) codeBlock(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		textOf(w).add(strings.Join(linesOf(n, source), ""))
		_, _ = w.WriteString("\n")
	}
	return ast.WalkSkipChildren, nil
}

// htmlBlock writes a block of HTML that the site shows as text: a paragraph of its lines.
func (f *fragmentRenderer) htmlBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<p>")
	for i, line := range linesOf(node, source) {
		if i > 0 {
			_, _ = w.WriteString("<br />\n")
		}
		textOf(w).add(strings.TrimRight(line, "\n"))
	}
	_, _ = w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}

// rawHTMLInline writes inline HTML that the site shows as text.
func (f *fragmentRenderer) rawHTMLInline(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		segments := node.(*ast.RawHTML).Segments
		for i := range segments.Len() {
			seg := segments.At(i)
			textOf(w).add(string(seg.Value(source)))
		}
	}
	return ast.WalkSkipChildren, nil
}

// paragraph writes a paragraph, or, when it holds nothing but images, a figure for each.
func (f *fragmentRenderer) paragraph(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	images, only := imagesOnly(n, source)
	if !only {
		if entering {
			_, _ = w.WriteString("<p>")
		} else {
			_, _ = w.WriteString("</p>\n")
		}
		return ast.WalkContinue, nil
	}
	if !entering {
		return ast.WalkContinue, nil
	}
	first := true
	for _, img := range images {
		name, alt, caption, ok := f.bu.image(img, source)
		if !ok {
			continue
		}
		if !first {
			_, _ = w.WriteString("\n")
		}
		first = false
		_, _ = w.WriteString(`<figure><img src="` + html.EscapeString(name) + `" alt="` + html.EscapeString(alt) + `"/>`)
		if caption != "" {
			_, _ = w.WriteString("<figcaption>" + html.EscapeString(caption) + "</figcaption>")
		}
		_, _ = w.WriteString("</figure>")
	}
	_, _ = w.WriteString("\n")
	return ast.WalkSkipChildren, nil
}

// imagesOnly returns the images of a paragraph and whether it holds nothing else, the
// links to the internal site around them, which become their text, and the white space
// and line breaks between them aside.
func imagesOnly(n ast.Node, source []byte) ([]*ast.Image, bool) {
	var images []*ast.Image
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			images = append(images, c)
		case *ast.Text:
			if strings.TrimSpace(plain(c.Segment.Value(source), c.IsRaw())) != "" {
				return nil, false
			}
		case *ast.Link:
			if external(string(c.Destination)) {
				return nil, false
			}
			inner, ok := imagesOnly(c, source)
			if !ok {
				return nil, false
			}
			images = append(images, inner...)
		default:
			return nil, false
		}
	}
	return images, true
}

// image writes an image of a paragraph's text, copied into the bundle; one left out is not
// written.
func (f *fragmentRenderer) image(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		if name, alt, _, ok := f.bu.image(node.(*ast.Image), source); ok {
			_, _ = w.WriteString(`<img src="` + html.EscapeString(name) + `" alt="` + html.EscapeString(alt) + `"/>`)
		}
	}
	return ast.WalkSkipChildren, nil
}

// link writes a link to another site; the civilization website's readers cannot reach the
// internal site: its links become their text.
func (f *fragmentRenderer) link(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !external(string(n.Destination)) {
		textOf(w).flush() // the text of a link is cleaned apart from the text around it
		return ast.WalkContinue, nil
	}
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="` + html.EscapeString(string(util.URLEscape(n.Destination, true))) + `"`)
	if n.Title != nil {
		_, _ = w.WriteString(` title="` + html.EscapeString(f.bu.b.text.clean(plain(n.Title, false))) + `"`)
	}
	_, _ = w.WriteString(">")
	return ast.WalkContinue, nil
}

func (f *fragmentRenderer) autoLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	url := string(n.URL(source))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
		url = "mailto:" + url
	}
	label := string(n.Label(source))
	if !external(url) {
		textOf(w).flush()
		textOf(w).add(label)
		textOf(w).flush()
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="` + html.EscapeString(string(util.URLEscape([]byte(url), false))) + `">`)
	textOf(w).add(label)
	_, _ = w.WriteString("</a>")
	return ast.WalkContinue, nil
}

// chart writes a chart block as the picture and table of its chart: the site draws it for a
// script that the website does not run.
func (f *fragmentRenderer) chart(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if n := node.(*chart.Node); !n.Broken {
		if c, ok := f.bu.nextBlockChart(); ok {
			textOf(w).flush()
			writeNodes(f.bu, textOf(w).out, f.bu.chartNodes(c))
		}
	}
	_, _ = w.WriteString("\n")
	return ast.WalkSkipChildren, nil
}
