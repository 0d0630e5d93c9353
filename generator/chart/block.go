package chart

import (
	"fmt"
	"html/template"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dangjian/dangjian/generator/config"
	"github.com/dangjian/dangjian/generator/markdown"
	"github.com/dangjian/dangjian/generator/yamlnode"
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

// Block is the goldmark extension that draws chart blocks with a Drawer.
type Block struct{ Drawer *Drawer }

// Extend implements goldmark.Extender.
func (b Block) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(blockTransformer(b), 50)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(blockRenderer{}, 50)))
}

// kindChart is the AST node kind of a drawn chart block.
var kindChart = ast.NewNodeKind("Chart")

type chartNode struct {
	ast.BaseBlock
	html template.HTML
}

func (n *chartNode) Kind() ast.NodeKind { return kindChart }

func (n *chartNode) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

type blockTransformer struct{ Drawer *Drawer }

var blockCount = parser.NewContextKey()

func (t blockTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	var blocks []*ast.FencedCodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fb, ok := n.(*ast.FencedCodeBlock); ok && entering && string(fb.Language(source)) == BlockLanguage {
			blocks = append(blocks, fb)
		}
		return ast.WalkContinue, nil
	})
	for _, fb := range blocks {
		count := pc.ComputeIfAbsent(blockCount, func() any { return new(int) }).(*int)
		*count++
		node := &chartNode{html: t.draw(fb, source, pc, fmt.Sprintf("chart-%d", *count))}
		fb.Parent().ReplaceChild(fb.Parent(), fb, node)
	}
}

// draw reads the block's YAML and draws it; a mistake is reported at its place in the page.
func (t blockTransformer) draw(fb *ast.FencedCodeBlock, source []byte, pc parser.Context, id string) template.HTML {
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
		p := config.SyntaxError("", err)
		markdown.Problem(pc, at(p.Pos.Line, 1), "chart: %s", p.Msg)
		return ""
	}
	// here returns the offset of a key's value (its i-th item for a list), or of the block.
	here := func(key string, i int) int {
		if n := valueNode(&doc, key, i); n != nil {
			return at(n.Line, n.Column)
		}
		return fb.Info.Segment.Start
	}
	var spec blockSpec
	problems := yamlnode.Decode("", &doc, &spec)
	for _, p := range problems {
		markdown.Problem(pc, at(p.Pos.Line, p.Pos.Col), "chart: %s", p.Msg)
	}
	if len(problems) > 0 {
		return ""
	}
	if spec.Type == "" {
		spec.Type = "bar"
	}
	failed := false
	if !slices.Contains(Kinds, spec.Type) {
		markdown.Problem(pc, here("type", -1), "chart: type: want bar, line or pie, got %q", spec.Type)
		failed = true
	}
	if len(spec.Metrics) == 0 {
		markdown.Problem(pc, fb.Info.Segment.Start, "chart: metrics: name at least one metric of site.yaml")
		failed = true
	}
	for i, key := range spec.Metrics {
		if t.Drawer.table.Series(key) == nil {
			msg := fmt.Sprintf("chart: unknown metric %q", key)
			if near := yamlnode.Nearest(key, t.Drawer.table.Keys()); near != "" {
				msg += fmt.Sprintf("; did you mean %q?", near)
			}
			markdown.Problem(pc, here("metrics", i), "%s", msg)
			failed = true
		}
	}
	if spec.From != 0 && spec.To != 0 && spec.To < spec.From {
		markdown.Problem(pc, here("to", -1), "chart: to %d is before from %d", spec.To, spec.From)
		failed = true
	}
	if failed {
		return ""
	}
	fig, err := t.Drawer.Draw(Spec{ID: id, Title: spec.Title, Kind: spec.Type, Metrics: spec.Metrics, Years: t.years(spec)})
	if err != nil {
		markdown.Problem(pc, fb.Info.Segment.Start, "chart: %v", err)
		return ""
	}
	return fig
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
func (t blockTransformer) years(spec blockSpec) []int {
	if len(spec.Years) > 0 {
		return spec.Years
	}
	if spec.From == 0 && spec.To == 0 {
		return nil
	}
	var years []int
	for _, y := range t.Drawer.table.Years(spec.Metrics...) {
		if (spec.From == 0 || y >= spec.From) && (spec.To == 0 || y <= spec.To) {
			years = append(years, y)
		}
	}
	return years
}

type blockRenderer struct{}

func (blockRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindChart, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(string(n.(*chartNode).html))
			_ = w.WriteByte('\n')
		}
		return ast.WalkSkipChildren, nil
	})
}
