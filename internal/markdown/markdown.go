// Package markdown turns a Markdown body into HTML with goldmark, configured once for the whole
// site: GitHub-flavoured Markdown, heading IDs that keep Chinese characters, no typographic
// quotes, raw HTML shown as text unless the site opts in, and every link and image checked and
// rewritten by a Resolver. Besides the HTML it reads out of the parsed body what others need of
// it: its plain text and first paragraph, its headings and pictures, and the nodes an
// extension asks to keep; and it warns of paragraphs indented with full-width spaces, as Word
// indents them. It knows nothing of pages or of the site: package convert does.
package markdown

import (
	"bytes"
	"errors"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Resolver checks the destination of a link or image written in a page and returns the URL
// to write in its place, or an error saying why it points nowhere: a msg.Message, which is
// the problem's message.
type Resolver interface {
	Resolve(dest string) (string, error)
}

// Converter converts Markdown bodies. It is safe for concurrent use.
type Converter struct {
	md   goldmark.Markdown
	kept []ast.NodeKind // see WithKept
}

// Option configures a Converter.
type Option func(*options)

type options struct {
	rawHTML    bool
	extensions []goldmark.Extender
	kept       []ast.NodeKind
}

// WithRawHTML lets raw HTML in Markdown through to the page. Without it, raw HTML is escaped
// and shows as text: content is written by many hands, and a stray <script> must not run.
func WithRawHTML(on bool) Option { return func(o *options) { o.rawHTML = on } }

// WithExtensions adds goldmark extensions, such as a fenced chart block.
func WithExtensions(e ...goldmark.Extender) Option {
	return func(o *options) { o.extensions = append(o.extensions, e...) }
}

// WithKept has Convert return the nodes of the given kinds in Result.Kept: an extension's
// nodes carry its data, such as a chart block's spec.
func WithKept(kinds ...ast.NodeKind) Option {
	return func(o *options) { o.kept = append(o.kept, kinds...) }
}

// New returns a Converter.
func New(opts ...Option) *Converter {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	rendererOptions := []renderer.Option{}
	if o.rawHTML {
		rendererOptions = append(rendererOptions, html.WithUnsafe())
	} else {
		rendererOptions = append(rendererOptions, renderer.WithNodeRenderers(util.Prioritized(escapedHTML{}, 100)))
	}
	md := goldmark.New(
		goldmark.WithExtensions(append([]goldmark.Extender{extension.GFM}, o.extensions...)...),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(linkChecker{}, 100)),
		),
		goldmark.WithRendererOptions(rendererOptions...),
	)
	return &Converter{md: md, kept: o.kept}
}

// Result is a converted body.
type Result struct {
	HTML []byte
	// Text is the body's plain text, blocks separated by newlines, for search.
	Text string
	// Lead is the plain text of the first paragraph, for a summary.
	Lead     string
	Headings []Heading
	Pictures []Picture
	// Kept are the nodes of the kinds WithKept names, in the order of the body.
	Kept     []ast.Node
	Problems diag.List
}

// Heading is a heading of a body.
type Heading struct {
	Level int
	ID    string
	Text  string // plain
}

// Picture is an image of a body.
type Picture struct {
	Src   string // as the HTML links it: resolved, when the Converter was given a Resolver
	Alt   string // plain
	Title string
	Pos   diag.Position // where it is written: for the export's warnings about its caption
}

// conversion is the state of one Convert call, passed to the AST transformer in the parser
// context because the goldmark instance is shared between goroutines.
type conversion struct {
	file     string
	bodyLine int
	source   []byte
	resolver Resolver
	problems diag.List
}

var conversionKey = parser.NewContextKey()

// Tree is a parsed body: goldmark's document and the source its segments point into. Its
// links and images are resolved as Convert resolves them, and an extension's nodes, such as
// a chart block's, are in place: what a renderer of another format walks.
type Tree struct {
	Doc    ast.Node
	Source []byte
}

// Parse parses body, which starts on line bodyLine of file, as Convert does, and returns its
// tree, or no tree when it nests too deep to walk; r checks links and images, a nil r leaves
// them as written.
func (c *Converter) Parse(file string, body []byte, bodyLine int, r Resolver) (*Tree, diag.List) {
	tree, conv := c.parse(file, body, bodyLine, r)
	return tree, conv.problems
}

func (c *Converter) parse(file string, body []byte, bodyLine int, r Resolver) (*Tree, *conversion) {
	conv := &conversion{file: file, bodyLine: bodyLine, source: body, resolver: r}
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	pc.Set(conversionKey, conv)
	doc := c.md.Parser().Parse(text.NewReader(body), parser.WithContext(pc))
	if start, deep := tooDeep(doc); deep {
		conv.problems.Errorf(conv.position(lineStart(body, start)), msg.TooDeep, maxDepth)
		return nil, conv
	}
	return &Tree{Doc: doc, Source: body}, conv
}

// Convert converts body, which starts on line bodyLine of file. r checks links and images;
// a nil r leaves them as written.
func (c *Converter) Convert(file string, body []byte, bodyLine int, r Resolver) Result {
	tree, conv := c.parse(file, body, bodyLine, r)
	if tree == nil {
		return Result{Problems: conv.problems}
	}
	doc := tree.Doc
	// HTML is the text and a few tags; sizing the buffer once saves growing it.
	out := &bufferWriter{conv: conv}
	out.Grow(len(body)*3/2 + 512)
	if err := c.md.Renderer().Render(out, body, doc); err != nil {
		conv.problems.Errorf(diag.Position{File: file, Line: bodyLine}, msg.CannotRender, err)
	}
	res := read(doc, conv, c.kept)
	res.HTML, res.Problems = out.Bytes(), conv.problems
	return res
}

// Indent is the full-width spaces that start a paragraph, "　　": Word indents a paragraph so,
// a pasted one keeps them, and the page shows them as a blank before its first word.
type Indent struct {
	// Runs are its spaces, a run a line: a line of them only goes on to the next line of the
	// paragraph, whose spaces start the paragraph once that line is empty ("　\n　　正文").
	Runs []Span
	// Deletable says that what follows does not start a block of Markdown (# 标题, - 项, 1. 项),
	// so that without the indent the paragraph stays one.
	Deletable bool
}

// spaces returns the full-width spaces of the indent, its runs joined.
func (in Indent) spaces(source []byte) []byte {
	var b []byte
	for _, run := range in.Runs {
		b = append(b, source[run.Start:run.End]...)
	}
	return b
}

// wideSpace is the full-width space, U+3000.
const wideSpace = "\u3000"

// indentOf returns the full-width spaces that start paragraph p of source, if any: those of
// its first line, and of each next one while the lines before hold nothing else.
func indentOf(p *ast.Paragraph, source []byte) (Indent, bool) {
	var in Indent
	for i := range p.Lines().Len() {
		line := p.Lines().At(i)
		end := line.Start
		for bytes.HasPrefix(source[end:line.Stop], []byte(wideSpace)) {
			end += len(wideSpace)
		}
		if end > line.Start {
			in.Runs = append(in.Runs, Span{line.Start, end})
		}
		if rest := source[end:line.Stop]; end == line.Start || len(bytes.TrimRight(rest, "\n")) > 0 {
			in.Deletable = !startsBlock.Match(rest)
			return in, len(in.Runs) > 0
		}
	}
	in.Deletable = true // the paragraph is nothing but full-width spaces
	return in, len(in.Runs) > 0
}

// startsBlock matches the start of a line that opens a block of Markdown other than a paragraph.
var startsBlock = regexp.MustCompile(`^([-+*#>|` + "`" + `~<=_ \t]|[0-9]{1,9}[.)])`)

// IndentWarning is the warning for indent, the full-width spaces that start a paragraph at pos:
// the build's words, and check's.
func IndentWarning(pos diag.Position, indent []byte) diag.Problem {
	return diag.Warningf(pos, msg.FullWidthIndent, string(indent))
}

// maxDepth bounds how deep a body's Markdown may nest, counted in the parsed document's nodes:
// a list inside a list is two (the list and its item), emphasis one. Text nests a few deep;
// the HTML readers of browsers and of the export stop at 512 open elements, the page's
// layout holding some of them.
const maxDepth = 100

// tooDeep reports whether doc nests deeper than maxDepth, with the offset of the start of the
// top-level block that holds the nesting.
func tooDeep(doc ast.Node) (int, bool) {
	depth, deep := 0, false
	var top ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			depth--
			return ast.WalkContinue, nil
		}
		if depth++; n.Parent() == doc {
			top = n
		}
		if depth > maxDepth {
			deep = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if !deep {
		return 0, false
	}
	return startOf(top), true
}

// startOf returns the offset of the first text of a block: its first line, or its first text
// segment.
func startOf(block ast.Node) int {
	start := 0
	_ = ast.Walk(block, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch {
		case !entering:
			return ast.WalkContinue, nil
		case n.Type() == ast.TypeBlock && n.Lines().Len() > 0:
			start = n.Lines().At(0).Start
		case n.Kind() == ast.KindText:
			start = n.(*ast.Text).Segment.Start
		default:
			return ast.WalkContinue, nil
		}
		return ast.WalkStop, nil
	})
	return start
}

// lineStart returns the offset of the first character of the line holding offset that is not
// a space: where a block written on that line starts.
func lineStart(source []byte, offset int) int {
	start := bytes.LastIndexByte(source[:offset], '\n') + 1
	for start < offset && (source[start] == ' ' || source[start] == '\t') {
		start++
	}
	return start
}

// bufferWriter is a bytes.Buffer that goldmark takes as its buffered writer as it is, instead
// of wrapping it in a bufio.Writer of its own for every page. It carries the conversion, for
// the node renderers' problems (see RenderProblem).
type bufferWriter struct {
	bytes.Buffer
	conv *conversion
}

func (w *bufferWriter) Available() int { return w.Cap() - w.Len() }
func (w *bufferWriter) Buffered() int  { return 0 }
func (w *bufferWriter) Flush() error   { return nil }

// position returns the file position of a byte offset in the body.
func (c *conversion) position(offset int) diag.Position {
	offset = min(max(offset, 0), len(c.source))
	before := c.source[:offset]
	line := bytes.Count(before, []byte("\n"))
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return diag.Position{File: c.file, Line: c.bodyLine + line, Col: utf8.RuneCount(before[lineStart:]) + 1}
}

// Problem records a problem at a byte offset of the body being converted. Extensions call it
// from their AST transformers; pc is the context they are given.
func Problem(pc parser.Context, offset int, key msg.Key, args ...any) {
	if conv, _ := pc.Get(conversionKey).(*conversion); conv != nil {
		conv.problems.Errorf(conv.position(offset), key, args...)
	}
}

// RenderProblem records a problem at a byte offset of the body being rendered. Extensions call
// it from their node renderers; w is the writer they are given.
func RenderProblem(w util.BufWriter, offset int, key msg.Key, args ...any) {
	if out, _ := w.(*bufferWriter); out != nil {
		out.conv.problems.Errorf(out.conv.position(offset), key, args...)
	}
}

// linkChecker resolves the destination of every link and image of a document, and warns of
// images that say nothing for a reader who cannot see them.
type linkChecker struct{}

func (linkChecker) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	conv, _ := pc.Get(conversionKey).(*conversion)
	if conv == nil || conv.resolver == nil {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = conv.resolve(n, n.Destination)
		case *ast.Image:
			if strings.TrimSpace(textOf(n, conv.source)) == "" {
				conv.problems.Add(diag.Warningf(conv.position(offsetOf(n, conv.source)),
					msg.NoAltText, string(n.Destination), string(n.Destination)))
			}
			n.Destination = conv.resolve(n, n.Destination)
		}
		return ast.WalkContinue, nil
	})
}

func (c *conversion) resolve(n ast.Node, dest []byte) []byte {
	resolved, err := c.resolver.Resolve(string(dest))
	if err != nil {
		pos := c.position(offsetOf(n, c.source))
		var m msg.Message
		if !errors.As(err, &m) {
			m = msg.New(msg.BadLink, err)
		}
		c.problems.Add(diag.Problem{Pos: pos, Severity: diag.Error, Message: m})
		return dest
	}
	return []byte(resolved)
}

// offsetOf returns the byte offset in source of a link or image: goldmark keeps positions only
// for text segments and block lines, so it is found from the link's text, or, when it has
// none, by looking for its bracket after the text before it.
func offsetOf(n ast.Node, source []byte) int {
	marker := "["
	if _, isImage := n.(*ast.Image); isImage {
		marker = "!["
	}
	if inside := texts(n); len(inside) > 0 {
		// The text of [text](dest) starts one character after the bracket; ![alt] two.
		return inside[0].Segment.Start - len(marker)
	}
	from := 0
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			from = p.Lines().At(0).Start
			break
		}
	}
	for prev := n.PreviousSibling(); prev != nil; prev = prev.PreviousSibling() {
		if before := texts(prev); len(before) > 0 {
			from = before[len(before)-1].Segment.Stop
			break
		}
	}
	if i := bytes.Index(source[from:], []byte(marker)); i >= 0 {
		return from + i
	}
	return from
}

// texts returns the text nodes inside n, n itself included, in order.
func texts(n ast.Node) []*ast.Text {
	var found []*ast.Text
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			found = append(found, t)
		}
		return ast.WalkContinue, nil
	})
	return found
}

// textOf returns the text inside n, such as an image's alt text.
func textOf(n ast.Node, source []byte) string {
	var b strings.Builder
	for _, t := range texts(n) {
		b.Write(t.Segment.Value(source))
	}
	return b.String()
}

// reader reads a parsed body's plain text, a line per block, its first paragraph, its
// headings and pictures, and the nodes it is asked to keep, in one walk.
type reader struct {
	conv   *conversion // where the pictures are, and the warnings of indents go
	source []byte
	kept   []ast.NodeKind
	b      strings.Builder
	res    Result
	// A line break inside a paragraph is a space between words, but nothing between Chinese
	// characters, which a search or a summary must see joined (as CSS Text 3 joins them).
	pendingBreak bool
	// leadStart, headingStart and altStart are where the text of the paragraph, the heading
	// and the image being read start in b.
	leadStart, headingStart, altStart int
}

// read reads doc, parsed from conv's source, keeping the nodes of the kinds kept, and warns of
// the full-width indents of its paragraphs.
func read(doc ast.Node, conv *conversion, kept []ast.NodeKind) Result {
	r := &reader{conv: conv, source: conv.source, kept: kept}
	r.b.Grow(len(r.source))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			return r.enter(n), nil
		}
		r.leave(n)
		return ast.WalkContinue, nil
	})
	r.res.Text = strings.TrimSpace(r.b.String())
	return r.res
}

func (r *reader) enter(n ast.Node) ast.WalkStatus {
	if slices.Contains(r.kept, n.Kind()) {
		r.res.Kept = append(r.res.Kept, n)
	}
	switch n := n.(type) {
	case *ast.Paragraph:
		if r.res.Lead == "" {
			r.leadStart = r.b.Len()
		}
		if in, ok := indentOf(n, r.source); ok {
			r.conv.problems.Add(IndentWarning(r.conv.position(in.Runs[0].Start), in.spaces(r.source)))
		}
	case *ast.Heading:
		r.headingStart = r.b.Len()
	case *ast.Image:
		r.altStart = r.b.Len()
	case *ast.Text:
		r.write(n.Segment.Value(r.source))
		r.pendingBreak = n.SoftLineBreak() || n.HardLineBreak()
	case *ast.String:
		r.write(n.Value)
	case *ast.CodeSpan, *ast.RawHTML, *ast.HTMLBlock:
		return ast.WalkSkipChildren
	}
	return ast.WalkContinue
}

func (r *reader) leave(n ast.Node) {
	switch n := n.(type) {
	case *ast.Paragraph:
		if r.res.Lead == "" {
			r.res.Lead = r.since(r.leadStart)
		}
	case *ast.Heading:
		id, _ := n.AttributeString("id")
		idBytes, _ := id.([]byte)
		r.res.Headings = append(r.res.Headings, Heading{Level: n.Level, ID: string(idBytes), Text: r.since(r.headingStart)})
	case *ast.Image:
		r.res.Pictures = append(r.res.Pictures, Picture{Src: string(n.Destination), Alt: r.since(r.altStart), Title: string(n.Title),
			Pos: r.conv.position(offsetOf(n, r.source))})
	case *ast.HTMLBlock:
		return // its text is not read: it ends no line
	}
	if n.Type() == ast.TypeBlock {
		r.pendingBreak = false
		if r.b.Len() > 0 && !strings.HasSuffix(r.b.String(), "\n") {
			r.b.WriteByte('\n')
		}
	}
}

// since returns the text read since start, trimmed.
func (r *reader) since(start int) string { return strings.TrimSpace(r.b.String()[start:]) }

func (r *reader) write(text []byte) {
	if r.pendingBreak {
		last, _ := utf8.DecodeLastRuneInString(r.b.String())
		next, _ := utf8.DecodeRune(text)
		if !Wide(last) || !Wide(next) {
			r.b.WriteByte(' ')
		}
		r.pendingBreak = false
	}
	r.b.Write(text)
}

// Span is a range [Start, End) of byte offsets in a body.
type Span struct{ Start, End int }

// Regions returns, in order, the ranges of body that a reader sees as its words (prose), and
// those that are code (code). Prose is the text of paragraphs, headings, lists, tables, links
// and image descriptions; not Markdown's own syntax, code, raw HTML, autolinks or link targets.
// Text that the parser cut into pieces with nothing between them is one range. Checks of
// wording, such as punctuation, look only there. Code is each code block, fenced or indented,
// its fences included, and the text of each code span: what is written there stays as written.
// Indents are the full-width spaces that start paragraphs, which Convert warns of.
func (c *Converter) Regions(body []byte) (prose, code []Span, indents []Indent) {
	doc := c.md.Parser().Parse(text.NewReader(body))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			if s, ok := blockSpan(n, body); ok {
				code = append(code, s)
			}
		case *ast.CodeSpan:
			if inside := texts(n); len(inside) > 0 {
				code = append(code, Span{inside[0].Segment.Start, inside[len(inside)-1].Segment.Stop})
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph:
			if in, ok := indentOf(n, body); ok {
				indents = append(indents, in)
			}
		case *ast.Text:
			if last := len(prose) - 1; last >= 0 && prose[last].End == n.Segment.Start {
				prose[last].End = n.Segment.Stop
			} else {
				prose = append(prose, Span{n.Segment.Start, n.Segment.Stop})
			}
		}
		return ast.WalkContinue, nil
	})
	return prose, code, indents
}

// blockSpan returns the range of a code block's lines; a fenced block's, from the start of its
// opening fence to the end of its closing one.
func blockSpan(n ast.Node, body []byte) (Span, bool) {
	lines := n.Lines()
	var s Span
	switch {
	case lines.Len() > 0:
		s = Span{lines.At(0).Start, lines.At(lines.Len() - 1).Stop}
	case isFenced(n) && n.(*ast.FencedCodeBlock).Info != nil:
		info := n.(*ast.FencedCodeBlock).Info.Segment
		s = Span{info.Start, info.Stop}
	default:
		return Span{}, false
	}
	s.Start = bytes.LastIndexByte(body[:s.Start], '\n') + 1
	if isFenced(n) {
		if lines.Len() > 0 && s.Start > 0 { // the opening fence is the line before the first
			s.Start = bytes.LastIndexByte(body[:s.Start-1], '\n') + 1
		}
		// The last line's range ends at the start of the next, the closing fence if any.
		s.End = lineEnd(body, s.End)
	}
	return s, true
}

func isFenced(n ast.Node) bool { return n.Kind() == ast.KindFencedCodeBlock }

// lineEnd returns the offset of the end of the line holding offset: its newline, or the end.
func lineEnd(body []byte, offset int) int {
	if i := bytes.IndexByte(body[offset:], '\n'); i >= 0 {
		return offset + i
	}
	return len(body)
}

// Wide reports whether r is written without spaces around it: Chinese and Japanese characters
// and their punctuation, full-width forms.
func Wide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}
