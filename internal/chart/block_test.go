package chart

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/markdown"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
)

// blocksBody has chart blocks in the places Markdown allows them, one with a mistake, and a
// code block that is no chart.
const blocksBody = "正文\n\n" +
	"```chart\ntitle: 两年\ntype: line\nmetrics: [lectures]\nfrom: 2016\n```\n\n" +
	"```chart\ntype: donut\nmetrics: [lectures]\n```\n\n" +
	"```go\nfmt.Println()\n```\n\n" +
	"- 列表里的图：\n\n  ```chart\n  metrics: [lectures, members]\n  years: [2015]\n  ```\n\n" +
	"> ```chart\n> type: pie\n> metrics: [members]\n> ```\n"

// blocks converts body with d's chart blocks, and returns the specs of its charts, its HTML
// and its problems.
func blocks(d *Drawer, body string) ([]Spec, string, diag.List) {
	res := markdown.New(markdown.WithExtensions(Block{Drawer: d}), markdown.WithKept(KindNode)).Convert("a.md", []byte(body), 1, nil)
	return Specs(res.Kept), string(res.HTML), res.Problems
}

func TestBlocks(t *testing.T) {
	d := drawer(t, "党课")
	want := []Spec{
		{ID: "chart-1", Title: "两年", Kind: "line", Metrics: []string{"lectures"}, Years: []int{2016}},
		// chart-2 has a mistake: the page draws nothing for it, and keeps counting.
		{ID: "chart-3", Kind: "bar", Metrics: []string{"lectures", "members"}, Years: []int{2015}},
		{ID: "chart-4", Kind: "pie", Metrics: []string{"members"}},
	}
	specs, html, problems := blocks(d, blocksBody)
	if !reflect.DeepEqual(specs, want) {
		t.Errorf("Blocks:\n%+v\nwant:\n%+v", specs, want)
	}
	if want := `a.md:11:7: error: chart: type: want bar, line or pie, got "donut"`; problems.Text(msg.English) != want {
		t.Errorf("problems:\n%s\nwant:\n%s", problems.Text(msg.English), want)
	}
	if want := `a.md:11:7: 错误：图表：type 应为 bar、line 或 pie，实为 "donut"`; problems.Error() != want {
		t.Errorf("problems in Chinese:\n%s\nwant:\n%s", problems.Error(), want)
	}
	// Each chart is drawn where its block was, as a figure for the script; the code block stays.
	var ids []string
	for _, m := range regexp.MustCompile(`<figure class="chart" `+Marker+`>\n(?:<figcaption>.*</figcaption>\n)?<div class="chart-canvas" id="([^"]+)"`).FindAllStringSubmatch(html, -1) {
		ids = append(ids, m[1])
	}
	if !slices.Equal(ids, []string{"chart-1", "chart-3", "chart-4"}) || !strings.Contains(html, "fmt.Println()") {
		t.Errorf("the figures drawn are %q, want chart-1, chart-3 and chart-4, and the code block:\n%s", ids, html)
	}
	if specs, _, _ := blocks(d, "没有图。\n\n```\nchart\n```\n"); specs != nil {
		t.Errorf("a body without chart blocks: %+v", specs)
	}
}

// TestBlockProblems checks the mistakes of a chart block that only this package finds, each
// reported where it is; those that YAML decoding finds are checked by building a site.
func TestBlockProblems(t *testing.T) {
	d := drawer(t, "党课")
	tests := []struct {
		name, body string
		want       []string // line:col: message, by the block's Markdown
	}{
		{"no metrics", "```chart\ntitle: 空\n```\n", []string{"1:4: chart: metrics: name at least one metric of site.yaml"}},
		{"to before from", "```chart\nmetrics: [lectures]\nfrom: 2016\nto: 2015\n```\n", []string{"4:5: chart: to 2015 is before from 2016"}},
		{"every mistake", "```chart\ntype: 饼\nmetrics: [lectures, member]\n```\n", []string{
			`2:7: chart: type: want bar, line or pie, got "饼"`,
			`3:21: chart: unknown metric "member"; did you mean "members"?`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := []byte(tt.body)
			fb := chartBlocks(goldmark.DefaultParser().Parse(text.NewReader(body)), body)[0]
			var got []string
			report := func(offset int, key msg.Key, args ...any) {
				before := body[:offset]
				line := 1 + strings.Count(string(before), "\n")
				col := 1 + utf8.RuneCount(before[strings.LastIndex(string(before), "\n")+1:])
				got = append(got, fmt.Sprintf("%d:%d: ", line, col)+msg.English.Sprintf(key, args...))
			}
			if _, ok := d.readBlock(fb, body, "chart-1", report); ok {
				t.Errorf("a block with a mistake reads as a chart")
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// FuzzBlocks feeds the chart block reader any body: it must not panic, and what it returns
// must draw a well-formed picture, whatever the block's title holds.
func FuzzBlocks(f *testing.F) {
	f.Add(blocksBody)
	f.Add("```chart\nmetrics: [lectures]\nfrom: 2016\nto: 2015\n```")
	f.Add("```chart\nmetrics: [\n```")
	f.Add("~~~chart\ntitle: \"\\u0000\"\nmetrics: [members]\n~~~")
	d := drawer(f, "党课")
	f.Fuzz(func(t *testing.T, body string) {
		specs, _, _ := blocks(d, body)
		for i, spec := range specs {
			if !slices.Contains(Kinds, spec.Kind) || len(spec.Metrics) == 0 || !strings.HasPrefix(spec.ID, "chart-") {
				t.Fatalf("spec %d: %+v", i, spec)
			}
			svg, err := d.SVG(spec)
			if err != nil {
				t.Fatalf("spec %d: %+v: %v", i, spec, err)
			}
			checkSVG(t, svg)
		}
	})
}
