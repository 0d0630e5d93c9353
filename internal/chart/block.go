package chart

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/markdown"
	"github.com/dangjian/dangjian/internal/metric"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/yamlnode"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"gopkg.in/yaml.v3"
)

// BlockLanguage is the info string of a fenced block that places a chart in a page:
//
//	```chart
//	title: 教育培训
//	type: bar
//	metrics: [party_lectures, warning_meetings]
//	years: [2015, 2016]
//	```
const BlockLanguage = "chart"

// blockSpec is what a chart block may say.
type blockSpec struct {
	Title   string   `yaml:"title"`
	Type    string   `yaml:"type"`
	Metrics []string `yaml:"metrics"`
	Years   []int    `yaml:"years"`
	From    int      `yaml:"from"`
	To      int      `yaml:"to"`
}

// Block is the goldmark extension of chart blocks. Parsing reads each block into a Node that
// carries its spec, checked against the Drawer's metrics; rendering draws the node with the
// Drawer, as a figure for ECharts with its table.
type Block struct{ Drawer *Drawer }

// Extend implements goldmark.Extender.
func (b Block) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(blockReader(b), 50)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(figureRenderer(b), 50)))
}

// KindNode is the AST node kind of a chart block.
var KindNode = ast.NewNodeKind("Chart")

// Node is a chart block, read.
type Node struct {
	ast.BaseBlock
	// Spec is what the block asks to draw. Its ID is the block's place among the page's chart
	// blocks, chart-1, chart-2 …, counting those with a mistake.
	Spec Spec
	// Offset is that of the block's info string in the body, where its problems are reported.
	Offset int
	// Broken marks a block with a mistake, reported when it was read: it draws nothing.
	Broken bool
}

// Kind implements ast.Node.
func (n *Node) Kind() ast.NodeKind { return KindNode }

// Dump implements ast.Node.
func (n *Node) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// Specs returns the specs of the chart blocks among nodes, in order, leaving out those with a
// mistake: what a page draws of its chart blocks.
func Specs(nodes []ast.Node) []Spec {
	var specs []Spec
	for _, n := range nodes {
		if c, ok := n.(*Node); ok && !c.Broken {
			specs = append(specs, c.Spec)
		}
	}
	return specs
}

// blockReader replaces each chart block of a parsed body by its Node.
type blockReader struct{ Drawer *Drawer }

func (t blockReader) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	report := func(offset int, key msg.Key, args ...any) { markdown.Problem(pc, offset, key, args...) }
	for i, fb := range chartBlocks(doc, source) {
		id := blockID(i)
		spec, ok := t.Drawer.readBlock(fb, source, id, report)
		if !ok {
			spec = Spec{ID: id}
		}
		fb.Parent().ReplaceChild(fb.Parent(), fb, &Node{Spec: spec, Offset: fb.Info.Segment.Start, Broken: !ok})
	}
}

// chartBlocks returns the chart blocks of a parsed body, in order.
func chartBlocks(doc ast.Node, source []byte) []*ast.FencedCodeBlock {
	var blocks []*ast.FencedCodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fb, ok := n.(*ast.FencedCodeBlock); ok && entering && string(fb.Language(source)) == BlockLanguage {
			blocks = append(blocks, fb)
		}
		return ast.WalkContinue, nil
	})
	return blocks
}

// blockID is the ID of a page's i-th chart block, counted from 0: chart-1, chart-2 …
func blockID(i int) string { return fmt.Sprintf("chart-%d", i+1) }

// readBlock reads a chart block's YAML and checks it against the metrics. Each mistake goes
// to report, at its byte offset in source; ok is false when there was one.
func (d *Drawer) readBlock(fb *ast.FencedCodeBlock, source []byte, id string, report func(offset int, key msg.Key, args ...any)) (spec Spec, ok bool) {
	lines := fb.Lines()
	var body strings.Builder
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		body.Write(seg.Value(source))
	}
	// at returns the body offset of a line and column (from 1) of the block's YAML.
	at := func(line, col int) int {
		if line < 1 || line > lines.Len() {
			return fb.Info.Segment.Start
		}
		seg := lines.At(line - 1)
		text := seg.Value(source)
		offset := 0
		for range col - 1 {
			_, size := utf8.DecodeRune(text[offset:])
			offset += size
		}
		return seg.Start + offset
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(body.String()), &doc); err != nil {
		p := yamlnode.SyntaxError("", err)
		report(at(p.Pos.Line, 1), msg.ChartProblem, p.Message)
		return Spec{}, false
	}
	// here returns the offset of a key's value (its i-th item for a list), or of the block.
	here := func(key string, i int) int {
		if n := valueNode(&doc, key, i); n != nil {
			return at(n.Line, n.Column)
		}
		return fb.Info.Segment.Start
	}
	var block blockSpec
	problems := yamlnode.Decode("", &doc, &block)
	for _, p := range problems {
		report(at(p.Pos.Line, p.Pos.Col), msg.ChartProblem, p.Message)
	}
	if len(problems) > 0 {
		return Spec{}, false
	}
	if block.Type == "" {
		block.Type = "bar"
	}
	ok = true
	if !slices.Contains(Kinds, block.Type) {
		report(here("type", -1), msg.ChartType, block.Type)
		ok = false
	}
	if len(block.Metrics) == 0 {
		report(fb.Info.Segment.Start, msg.ChartBlockNoMetrics)
		ok = false
	}
	for i, key := range block.Metrics {
		if d.table.Series(key) == nil {
			if near := yamlnode.Nearest(key, d.table.Keys()); near != "" {
				report(here("metrics", i), msg.ChartUnknownNear, key, near)
			} else {
				report(here("metrics", i), msg.ChartUnknown, key)
			}
			ok = false
		}
	}
	if block.From != 0 && block.To != 0 && block.To < block.From {
		report(here("to", -1), msg.ChartToBeforeFrom, strconv.Itoa(block.To), strconv.Itoa(block.From))
		ok = false
	}
	if !ok {
		return Spec{}, false
	}
	return Spec{ID: id, Title: block.Title, Kind: block.Type, Metrics: block.Metrics, Years: block.years(d.table)}, true
}

// valueNode returns the value of key in the block's YAML, or its i-th item when i >= 0.
func valueNode(doc *yaml.Node, key string, i int) *yaml.Node {
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	m := doc.Content[0]
	for k := 0; k+1 < len(m.Content); k += 2 {
		if m.Content[k].Value != key {
			continue
		}
		v := m.Content[k+1]
		if i < 0 {
			return v
		}
		if v.Kind == yaml.SequenceNode && i < len(v.Content) {
			return v.Content[i]
		}
	}
	return nil
}

// years returns the years a block asks for: its list, or its range, or nil for all.
func (b blockSpec) years(table *metric.Table) []int {
	if len(b.Years) > 0 {
		return b.Years
	}
	if b.From == 0 && b.To == 0 {
		return nil
	}
	var years []int
	for _, y := range table.Years(b.Metrics...) {
		if (b.From == 0 || y >= b.From) && (b.To == 0 || y <= b.To) {
			years = append(years, y)
		}
	}
	return years
}

// figureRenderer draws chart nodes as figures.
type figureRenderer struct{ Drawer *Drawer }

func (r figureRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindNode, r.draw)
}

func (r figureRenderer) draw(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if c := n.(*Node); !c.Broken {
		fig, err := r.Drawer.Draw(c.Spec)
		if err != nil {
			markdown.RenderProblem(w, c.Offset, msg.ChartProblem, err)
		}
		_, _ = w.WriteString(string(fig))
	}
	_ = w.WriteByte('\n')
	return ast.WalkSkipChildren, nil
}
