package chart

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// blocksBody has chart blocks in the places Markdown allows them, one with a mistake, and a
// code block that is no chart.
const blocksBody = "正文\n\n" +
	"```chart\ntitle: 两年\ntype: line\nmetrics: [lectures]\nfrom: 2016\n```\n\n" +
	"```chart\ntype: donut\nmetrics: [lectures]\n```\n\n" +
	"```go\nfmt.Println()\n```\n\n" +
	"- 列表里的图：\n\n  ```chart\n  metrics: [lectures, members]\n  years: [2015]\n  ```\n\n" +
	"> ```chart\n> type: pie\n> metrics: [members]\n> ```\n"

func TestBlocks(t *testing.T) {
	d := drawer(t, "党课")
	want := []Spec{
		{ID: "chart-1", Title: "两年", Kind: "line", Metrics: []string{"lectures"}, Years: []int{2016}},
		// chart-2 has a mistake: the page draws nothing for it, and keeps counting.
		{ID: "chart-3", Kind: "bar", Metrics: []string{"lectures", "members"}, Years: []int{2015}},
		{ID: "chart-4", Kind: "pie", Metrics: []string{"members"}},
	}
	if got := d.Blocks([]byte(blocksBody)); !reflect.DeepEqual(got, want) {
		t.Errorf("Blocks:\n%+v\nwant:\n%+v", got, want)
	}
	if got := d.Blocks([]byte("没有图。\n\n```\nchart\n```\n")); got != nil {
		t.Errorf("a body without chart blocks: %+v", got)
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
		for i, spec := range d.Blocks([]byte(body)) {
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
