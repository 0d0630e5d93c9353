package articles

import (
	"bytes"
	"cmp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/chart"
	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/docx"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/markdown"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The Word document of an article is the submission the civilization websites ask for: the
// title; the dateline (电头) of site.yaml's export.dateline; the body, rendered from the
// page's Markdown tree, not from its HTML, by wordRenderer; the charts as their tables; the
// page's facts; the contributing unit, （…供稿）. Its text is simplified as the fragment's is.

// documentName is the file name of an article's Word document: the date and the title, as the
// publicity office names the e-mail it is attached to, the characters Windows forbids in a
// name replaced by their full-width forms.
func documentName(date, title string) string {
	name := strings.Map(func(r rune) rune {
		if r < ' ' {
			return -1
		}
		if i := strings.IndexRune(`<>:"/\|?*`, r); i >= 0 {
			return []rune(`＜＞：＂／＼｜？＊`)[i]
		}
		return r
	}, title)
	// Windows drops the dots and spaces that end a name.
	return date + "-" + strings.TrimRight(name, ". ") + ".docx"
}

// document makes the article's Word document, after its fragment: the pictures and charts
// are the fragment's, already in the bundle.
func (b *batch) document(a *article) (string, []byte, diag.List) {
	p := a.page
	w := &wordRenderer{r: newBundle(b, a), rawHTML: b.conf.RawHTML}
	w.r.queueCharts(a.charts)
	// The tree's problems are the build's, which reported them.
	tree, _ := b.converter.Tree(p)
	title := b.text.clean(p.Title)
	e := b.conf.Export
	doc := &docx.Document{
		Properties: docx.Properties{Title: title, Creator: b.text.clean(b.conf.Organisation), Created: p.Date},
		Styles:     styles(e),
		Blocks:     []docx.Block{&docx.Paragraph{Style: docx.Title, Runs: []docx.Run{{Text: title}}}},
	}
	var body []docx.Block
	if tree != nil {
		body = w.render(tree)
	}
	dateline := docx.Run{Text: b.text.clean(e.DatelineOf(p.Date))}
	if first, ok := firstParagraph(body); ok {
		first.Runs = append([]docx.Run{dateline}, first.Runs...)
	} else {
		doc.Blocks = append(doc.Blocks, &docx.Paragraph{Runs: []docx.Run{dateline}})
	}
	doc.Blocks = append(doc.Blocks, body...)
	// The charts that the body did not show follow it, as in the fragment.
	for _, c := range w.r.remainingCharts() {
		doc.Blocks = append(doc.Blocks, w.chart(c)...)
	}
	if facts := b.facts(p.Facts()); facts != "" {
		doc.Blocks = append(doc.Blocks, &docx.Paragraph{Runs: []docx.Run{{Text: facts}}})
	}
	if unit := cmp.Or(e.Contributor, b.conf.Organisation); unit != "" {
		doc.Blocks = append(doc.Blocks, &docx.Paragraph{Style: docx.Plain, Align: docx.AlignRight,
			Runs: []docx.Run{{Text: "（" + b.text.clean(unit) + "供稿）"}}})
	}
	var out bytes.Buffer
	if err := docx.Write(&out, doc); err != nil {
		w.r.errorf(msg.DocxFailed, err)
	}
	return documentName(p.DateString(), title), out.Bytes(), w.r.problems
}

// firstParagraph returns the first block when it is a paragraph of text, which the dateline
// starts.
func firstParagraph(blocks []docx.Block) (*docx.Paragraph, bool) {
	if len(blocks) == 0 {
		return nil, false
	}
	p, ok := blocks[0].(*docx.Paragraph)
	return p, ok && p.Style == docx.Body
}

// styles returns the document's fonts and sizes: package docx's defaults, of Chinese official
// writing, with those site.yaml gives.
func styles(e config.Export) docx.Styles {
	s := docx.DefaultStyles
	fonts, sizes := e.Fonts.Fields(), e.Sizes.Fields()
	for i, f := range []*docx.Font{&s.Title, &s.Heading1, &s.Heading2, &s.Heading3, &s.Body, &s.Caption} {
		if name := *fonts[i].Value; name != "" {
			f.Name, f.Fallback = name, ""
		}
		if size := *sizes[i].Value; size != "" {
			f.Size = sizeOf(size)
		}
	}
	s.Quote.Size = s.Body.Size
	return s
}

// sizeOf reads a size that site.yaml's validation let through: a Chinese size or points.
func sizeOf(size string) docx.Size {
	if s, ok := docx.ChineseSize(size); ok {
		return s
	}
	pt, _ := strconv.ParseFloat(size, 64)
	return docx.Points(pt)
}

// facts writes the page's facts as a sentence, each labelled as the kinds table labels it:
// 日期：2016年7月15日；地点：…。The date alone is no sentence: the dateline says it.
func (b *batch) facts(facts []kinds.Fact) string {
	if len(facts) < 2 {
		return ""
	}
	parts := make([]string, len(facts))
	for i, f := range facts {
		parts[i] = f.Label + "：" + factValue(f.Value)
	}
	return b.text.clean(strings.Join(parts, "；") + "。")
}

// factValue writes a fact's value as a sentence says it.
func factValue(v any) string {
	switch v := v.(type) {
	case time.Time:
		return v.Format("2006年1月2日")
	case int:
		return strconv.Itoa(v)
	case []kinds.Segment:
		steps := make([]string, len(v))
		for i, s := range v {
			steps[i] = s.Step
			if s.Title != "" {
				steps[i] += "《" + s.Title + "》"
			}
			if s.Detail != "" {
				steps[i] += "（" + s.Detail + "）"
			}
		}
		return strings.Join(steps, "，")
	case string:
		return v
	}
	return ""
}

// wordRenderer renders a page's Markdown tree as the blocks of a Word document: headings,
// paragraphs with their bold and italic, lists, tables, quotations, pictures in place with
// their captions, chart blocks as their charts. It is the export's own renderer of the tree,
// beside goldmark's HTML one.
type wordRenderer struct {
	r       *bundle // finds the pictures and charts the fragment copied
	source  []byte
	rawHTML bool
	// pictures are those met inside a list or a table, shown after it.
	pictures []docx.Block
}

// render returns the blocks of the tree.
func (w *wordRenderer) render(tree *markdown.Tree) []docx.Block {
	w.source = tree.Source
	var blocks []docx.Block
	for n := tree.Doc.FirstChild(); n != nil; n = n.NextSibling() {
		blocks = append(blocks, w.block(n, docx.Body)...)
		blocks, w.pictures = append(blocks, w.pictures...), nil
	}
	return blocks
}

// block renders a block node; style is that of its paragraphs, Quote inside a quotation.
func (w *wordRenderer) block(n ast.Node, style docx.Style) []docx.Block {
	switch n := n.(type) {
	case *ast.Heading:
		level := []docx.Style{docx.Heading1, docx.Heading1, docx.Heading2}
		heading := docx.Heading3
		if n.Level <= len(level) {
			heading = level[n.Level-1]
		}
		return w.paragraphs(n, heading)
	case *ast.Paragraph, *ast.TextBlock:
		return w.paragraphs(n, style)
	case *ast.Blockquote:
		var blocks []docx.Block
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			blocks = append(blocks, w.block(c, docx.Quote)...)
		}
		return blocks
	case *ast.List:
		return []docx.Block{w.list(n)}
	case *east.Table:
		return []docx.Block{w.table(n)}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return []docx.Block{&docx.Paragraph{Style: docx.Plain, Runs: []docx.Run{{Text: w.r.b.text.clean(w.lines(n))}}}}
	case *ast.HTMLBlock:
		if w.rawHTML { // the site shows it as HTML, which a Word document cannot
			return nil
		}
		return []docx.Block{&docx.Paragraph{Style: docx.Plain, Runs: []docx.Run{{Text: w.r.b.text.clean(w.lines(n))}}}}
	case *chart.Node:
		if n.Broken {
			return nil
		}
		if c, ok := w.r.nextBlockChart(); ok {
			return w.chart(c)
		}
		return nil
	}
	return nil // a thematic break
}

// lines returns the text of a block's lines, as written.
func (w *wordRenderer) lines(n ast.Node) string {
	return strings.TrimRight(strings.Join(linesOf(n, w.source), ""), "\n")
}

// paragraphs renders a paragraph of style: its text, cut where it shows a picture, each
// picture in a paragraph of its own with its caption.
func (w *wordRenderer) paragraphs(n ast.Node, style docx.Style) []docx.Block {
	var in inline
	w.inlines(n, docx.Run{}, &in)
	var blocks []docx.Block
	var runs []docx.Run
	flush := func() {
		if text := runsText(runs); strings.TrimSpace(text) != "" {
			blocks = append(blocks, &docx.Paragraph{Style: style, Runs: trimRuns(runs)})
		}
		runs = nil
	}
	for _, item := range in.items {
		if item.picture != nil {
			flush()
			blocks = append(blocks, item.picture)
			continue
		}
		runs = append(runs, item.run)
	}
	flush()
	return blocks
}

// runsText returns the text of runs.
func runsText(runs []docx.Run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// trimRuns drops the white space that starts and ends a paragraph, which Markdown does not
// show either.
func trimRuns(runs []docx.Run) []docx.Run {
	runs[0].Text = strings.TrimLeft(runs[0].Text, " \t\n")
	runs[len(runs)-1].Text = strings.TrimRight(runs[len(runs)-1].Text, " \t\n")
	return runs
}

// inline is the text and pictures of a paragraph, in order.
type inline struct {
	items []inlineItem
	// pendingBreak is a line end of the Markdown inside a paragraph, written as a space
	// between words or as nothing between Chinese characters, when the next text comes.
	pendingBreak bool
}

type inlineItem struct {
	run     docx.Run
	picture *docx.Image
}

// text adds text of the look of look.
func (in *inline) text(s string, look docx.Run) {
	if s == "" {
		return
	}
	if in.pendingBreak {
		in.pendingBreak = false
		if last := in.lastRune(); last != 0 {
			next, _ := utf8.DecodeRuneInString(s)
			if !markdown.Wide(last) || !markdown.Wide(next) {
				s = " " + s
			}
		}
	}
	if n := len(in.items); n > 0 && in.items[n-1].picture == nil && in.items[n-1].run.Bold == look.Bold && in.items[n-1].run.Italic == look.Italic {
		in.items[n-1].run.Text += s
		return
	}
	look.Text = s
	in.items = append(in.items, inlineItem{run: look})
}

func (in *inline) lastRune() rune {
	if n := len(in.items); n > 0 && in.items[n-1].picture == nil {
		r, _ := utf8.DecodeLastRuneInString(in.items[n-1].run.Text)
		return r
	}
	return 0
}

// inlines adds the inline children of n, of the look look, to in.
func (w *wordRenderer) inlines(n ast.Node, look docx.Run, in *inline) {
	clean := w.r.b.text.clean
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			in.text(clean(plain(c.Segment.Value(w.source), c.IsRaw())), look)
			if c.HardLineBreak() {
				in.text("\n", look)
			} else if c.SoftLineBreak() {
				in.pendingBreak = true
			}
		case *ast.String:
			in.text(clean(plain(c.Value, c.IsRaw() || c.IsCode())), look)
		case *ast.CodeSpan:
			w.inlines(c, look, in)
		case *ast.Emphasis:
			inner := look
			if c.Level >= 2 {
				inner.Bold = true
			} else {
				inner.Italic = true
			}
			w.inlines(c, inner, in)
		case *ast.AutoLink:
			in.text(string(c.Label(w.source)), look)
		case *ast.RawHTML:
			if !w.rawHTML {
				segments := c.Segments
				for i := range segments.Len() {
					seg := segments.At(i)
					in.text(string(seg.Value(w.source)), look)
				}
			}
		case *ast.Image:
			if pic := w.picture(c); pic != nil {
				in.items = append(in.items, inlineItem{picture: pic})
			}
		default: // links, which become their text, as in the fragment; struck-through text
			w.inlines(c, look, in)
		}
	}
}

// picture returns the picture of an image of the body, as the fragment copied it into the
// bundle, captioned as the fragment captions it; nil when the fragment left it out.
func (w *wordRenderer) picture(img *ast.Image) *docx.Image {
	caption := w.r.captionOf(img, w.r.altText(img, w.source))
	name, ok := w.r.copyImage(imageSource(img), caption)
	if !ok {
		return nil
	}
	data, err := forWord(w.r.a.files[name])
	if err != nil {
		w.r.errorf(msg.ImageFailed, imageSource(img), err)
		return nil
	}
	pic := &docx.Image{Data: data, Description: caption}
	if caption != "" {
		pic.Caption = []docx.Run{{Text: caption}}
	}
	return pic
}

// cellRuns returns the text of a block inside a list's item or a table's cell; its pictures
// are shown after the list or the table.
func (w *wordRenderer) cellRuns(n ast.Node) []docx.Run {
	var in inline
	w.inlines(n, docx.Run{}, &in)
	var runs []docx.Run
	for _, item := range in.items {
		if item.picture != nil {
			w.pictures = append(w.pictures, item.picture)
		} else {
			runs = append(runs, item.run)
		}
	}
	return runs
}

// list renders a list: each item's text, its paragraphs on lines of their own, and the list
// nested under it.
func (w *wordRenderer) list(l *ast.List) *docx.List {
	out := &docx.List{Ordered: l.IsOrdered()}
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		var li docx.ListItem
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.List:
				li.Sub = w.list(c)
			default:
				if len(li.Runs) > 0 {
					li.Runs = append(li.Runs, docx.Run{Text: "\n"})
				}
				li.Runs = append(li.Runs, w.cellRuns(c)...)
			}
		}
		out.Items = append(out.Items, li)
	}
	return out
}

// table renders a table, its header row heading its columns.
func (w *wordRenderer) table(t *east.Table) *docx.Table {
	out := &docx.Table{}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		if _, header := row.(*east.TableHeader); header {
			out.Header = true
		}
		var cells []docx.Cell
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, docx.Cell{Paragraphs: []docx.Paragraph{{Style: docx.Plain, Runs: w.cellRuns(cell)}}})
		}
		out.Rows = append(out.Rows, cells)
	}
	return out
}

// chart renders a chart as its table captioned with its title above it, as Chinese writing
// captions a table. A chart's picture, when the ChartsFunc gives it one as a PNG, comes
// first: the site's own charts are SVG pictures, which only a font the export carries would
// draw the same everywhere (see docs/export.md).
func (w *wordRenderer) chart(c Chart) []docx.Block {
	title := w.r.b.text.clean(c.Title)
	var blocks []docx.Block
	if c.PNG != nil {
		blocks = append(blocks, &docx.Image{Data: c.PNG, Description: title})
	}
	if title != "" {
		blocks = append(blocks, &docx.Paragraph{Style: docx.Caption, Runs: []docx.Run{{Text: title}}})
	}
	if t := w.chartTable(c.Table); len(t.Rows) > 0 {
		blocks = append(blocks, t)
	}
	return blocks
}

// chartTable reads the chart engine's HTML table of a chart's figures: rows of cells, the
// first row heading the columns when its cells are th.
func (w *wordRenderer) chartTable(table string) *docx.Table {
	out := &docx.Table{}
	nodes, err := html.ParseFragment(strings.NewReader(table), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		w.r.errorf(msg.CannotReadHTML, err)
		return out
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Tr {
			var cells []docx.Cell
			heading := true
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && (c.DataAtom == atom.Th || c.DataAtom == atom.Td) {
					heading = heading && c.DataAtom == atom.Th
					cells = append(cells, docx.Cell{Paragraphs: []docx.Paragraph{{Style: docx.Plain, Align: docx.AlignCenter,
						Runs: []docx.Run{{Text: w.r.b.text.clean(strings.TrimSpace(textContent(c)))}}}}})
				}
			}
			out.Header = out.Header || (len(out.Rows) == 0 && heading)
			out.Rows = append(out.Rows, cells)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return out
}

// textContent returns the text inside n.
func textContent(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textContent(c))
	}
	return b.String()
}
