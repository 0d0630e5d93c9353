package convert_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/chart"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/frontmatter"
	"github.com/dangjian/dangjian/internal/markdown"
	"github.com/dangjian/dangjian/internal/page"
	"github.com/dangjian/dangjian/internal/sitetest"
)

const site = `
-- site.yaml --
title: 转换
metrics:
  - {key: members, label: 党员人数, unit: 名}
-- content/lecture-hall/x/index.md --
---
title: 爱的传递
date: 2016-07-15
cover: photo.png
---
## 一、缘起

![现场合影](photo.png "七月十五日")

见[报告](/reports/2016/)。

` + "```chart\ntitle: 党员\nmetrics: [members]\n```" + `
-- content/lecture-hall/x/photo.png --
GIF89a
-- content/reports/2016.md --
---
title: 2016年报告
date: 2016-12-31
year: 2016
summary: 写明的摘要
metrics: {members: 300}
---
报告正文。
`

// TestConvertedPages checks what the convert stage makes of a page: its body with links
// resolved and charts drawn, its text, summary, cover, headings, pictures and chart specs.
func TestConvertedPages(t *testing.T) {
	s := sitetest.New(t, site)
	loaded, problems := generator.Load(t.Context(), s.Config())
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	model, pages := loaded.Model(), loaded.Converted()
	hall := pages.Of(model.BySource("content/lecture-hall/x/index.md"))
	for _, want := range []string{`<h2 id="一缘起">`, `<img src="photo.png" alt="现场合影" title="七月十五日">`,
		`<a href="../../reports/2016/index.html">报告</a>`, `<figure class="chart" data-chart>`, `id="chart-1"`} {
		if !strings.Contains(string(hall.Body), want) {
			t.Errorf("the body has no %s:\n%s", want, hall.Body)
		}
	}
	if want := "一、缘起\n现场合影\n见报告。"; hall.Text != want || hall.Summary != "现场合影" {
		t.Errorf("text %q, summary %q; want %q, %q", hall.Text, hall.Summary, want, "现场合影")
	}
	if hall.Cover != "/lecture-hall/x/photo.png" {
		t.Errorf("cover %q", hall.Cover)
	}
	if want := []markdown.Heading{{Level: 2, ID: "一缘起", Text: "一、缘起"}}; !reflect.DeepEqual(hall.Headings, want) {
		t.Errorf("headings %+v, want %+v", hall.Headings, want)
	}
	if want := []markdown.Picture{{Src: "photo.png", Alt: "现场合影", Title: "七月十五日", Pos: diag.Position{File: "content/lecture-hall/x/index.md", Line: 8, Col: 1}}}; !reflect.DeepEqual(hall.Pictures, want) {
		t.Errorf("pictures %+v, want %+v", hall.Pictures, want)
	}
	if want := []chart.Spec{{ID: "chart-1", Title: "党员", Kind: "bar", Metrics: []string{"members"}}}; !reflect.DeepEqual(hall.Charts, want) {
		t.Errorf("charts %+v, want %+v", hall.Charts, want)
	}
	report := model.BySource("content/reports/2016.md")
	if got := pages.Of(report); got.Summary != "写明的摘要" || got.Charts != nil {
		t.Errorf("the report: summary %q, charts %+v", got.Summary, got.Charts)
	}
	// A reload reuses a converted body, unless it holds a chart, whose figures may change.
	if _, ok := pages.Reusable(report); !ok {
		t.Errorf("the report's body is not reusable")
	}
	if _, ok := pages.Reusable(model.BySource("content/lecture-hall/x/index.md")); ok {
		t.Errorf("a body with a chart is reusable")
	}
	if got := pages.Of(&page.Page{Doc: frontmatter.Doc{File: "content/none.md"}}); got.Body != "" || got.Summary != "" {
		t.Errorf("a page not converted: %+v", got)
	}
}
