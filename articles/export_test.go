package articles_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dangjian/dangjian/articles"
	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/chart"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/golden"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/page"
	"github.com/dangjian/dangjian/internal/sitetest"
	"github.com/dangjian/dangjian/internal/testenv"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// assertProblems checks that the problems hold each of wants, as they are said in English,
// a stable language while the other stages' messages move into the catalogue.
func assertProblems(t testing.TB, problems diag.List, wants ...string) {
	t.Helper()
	printed := problems.Text(msg.English)
	for _, w := range wants {
		if !strings.Contains(printed, w) {
			t.Errorf("problems do not hold %q:\n%s", w, printed)
		}
	}
}

// run exports the site in dir into a new folder and fails the test on any error.
func run(t *testing.T, cfg articles.Config) *articles.Report {
	t.Helper()
	if cfg.Out == "" {
		cfg.Out = filepath.Join(t.TempDir(), "export")
	}
	rep, err := articles.Export(t.Context(), cfg)
	if err != nil {
		t.Fatalf("export failed:\n%v", err)
	}
	return rep
}

// fails exports, expecting problems, and returns them.
func fails(t *testing.T, cfg articles.Config) diag.List {
	t.Helper()
	if cfg.Out == "" {
		cfg.Out = filepath.Join(t.TempDir(), "export")
	}
	_, err := articles.Export(t.Context(), cfg)
	var problems diag.List
	if !errors.As(err, &problems) {
		t.Fatalf("export: want problems, got %v", err)
	}
	if _, statErr := os.Stat(cfg.Out); statErr == nil {
		t.Errorf("a failed export wrote %s", cfg.Out)
	}
	return problems
}

func read(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// realPage is the real site's 「愛的傳遞」 moral lecture hall.
const realPage = "content/lecture-hall/ai-de-chuan-di/index.md"

func TestRealSiteGolden(t *testing.T) {
	rep := run(t, articles.Config{Options: generator.Options{Source: ".."}, Pages: []string{realPage}})
	if want := []string{"2016-07-15-ai-de-chuan-di"}; !slices.Equal(rep.Articles, want) {
		t.Fatalf("articles %v, want %v", rep.Articles, want)
	}
	dir := filepath.Join(rep.Out, rep.Articles[0])
	for _, name := range []string{articles.HTMLFile, articles.TextFile, articles.MetaFile} {
		got := read(t, filepath.Join(dir, name))
		sitetest.AssertHolds(t, name, got, "爱的传递", "道德讲堂", "! 愛", "! 傳", "! 遞", "! 講")
		golden.Check(t, filepath.Join("testdata", "ai-de-chuan-di", name), []byte(got))
	}
	sitetest.AssertHolds(t, articles.MetaFile, read(t, filepath.Join(dir, articles.MetaFile)),
		`"title": "“爱的传递”道德讲堂"`, `"source": "国电靖远发电有限公司"`,
		`"url": "https://intranet.example/dangjian/lecture-hall/ai-de-chuan-di/"`)
}

// TestRealSiteExport exports what the real site marks with export: true, as `dangjian export`
// does on it.
func TestRealSiteExport(t *testing.T) {
	testenv.ChartFont(t, chart.HasFont) // the site's charts are drawn
	rep := run(t, articles.Config{Options: generator.Options{Source: ".."}})
	want := []string{"2016-07-15-ai-de-chuan-di", "2016-09-20-fen-dou-de-qing-chun-zui-mei-li", "2016-12-31-2016"}
	if !slices.Equal(rep.Articles, want) {
		t.Errorf("articles %v, want %v", rep.Articles, want)
	}
	sitetest.AssertHolds(t, articles.ManifestFile, read(t, filepath.Join(rep.Out, articles.ManifestFile)),
		`"folder": "2016-12-31-2016"`, `"title": "2016年“两学一做”学习教育工作报告"`)
	names := zipNames(t, rep.Zip)
	documents, err := filepath.Glob(filepath.Join(rep.Out, "*", "*.docx"))
	if err != nil || len(documents) != len(want) {
		t.Errorf("Word documents %v, want one per article (%v)", documents, err)
	}
	for _, file := range documents {
		documentPart(t, file, "word/document.xml") // checks its structure
	}
	for _, folder := range want {
		for _, file := range []string{articles.HTMLFile, articles.TextFile, articles.MetaFile} {
			if !slices.Contains(names, folder+"/"+file) {
				t.Errorf("the zip lacks %s/%s", folder, file)
			}
		}
	}
}

// traditionalSite is written in traditional characters only, with the conversion garbage of
// the source document in it.
const traditionalSite = `
-- site.yaml --
title: 國電靖遠發電有限公司黨建工作
organisation: 國電靖遠發電有限公司
script: traditional
lecture_forms: [黨課]
-- content/lectures/dangke.md --
---
title: 黨課：學習黨章
date: 2016-06-01
form: 黨課
export: true
tags: [兩學一做, 學習教育]
summary: 黨員幹部帶頭講黨課。
---
## 學習與實踐

靖遠公司有一名部門職工，幾十年如一日悉心照料臥床的母親。根據(jù)上級部署，網(wǎng)絡(luò)化教育發(fā)揮作用。
「學『黨章』」

- 專題講學與網絡助學
- 書記幫學與實踐活學

| 類別 | 數量 |
|---|---|
| 專題討論 | 4場次 |
`

func TestTraditionalConvertsFully(t *testing.T) {
	s := sitetest.New(t, traditionalSite)
	rep := run(t, articles.Config{Options: generator.Options{Source: s.Dir}})
	dir := filepath.Join(rep.Out, "2016-06-01-dangke")
	text := read(t, filepath.Join(dir, articles.TextFile))
	want := "党课：学习党章\n\n学习与实践\n靖远公司有一名部门职工，几十年如一日悉心照料卧床的母亲。根据上级部署，网络化教育发挥作用。“学‘党章’”\n" +
		"专题讲学与网络助学\n书记帮学与实践活学\n类别\n数量\n专题讨论\n4场次\n"
	if text != want {
		t.Errorf("article.txt:\n%s\nwant:\n%s", text, want)
	}
	meta := read(t, filepath.Join(dir, articles.MetaFile))
	sitetest.AssertHolds(t, "meta.json", meta, `"title": "党课：学习党章"`, `"source": "国电靖远发电有限公司"`,
		`"summary": "党员干部带头讲党课。"`, `"keywords": [`+"\n    \"两学一做\",\n    \"学习教育\"\n  ]")
	html := read(t, filepath.Join(dir, articles.HTMLFile))
	sitetest.AssertHolds(t, "article.html", html, "<h2>学习与实践</h2>", "<li>专题讲学与网络助学</li>", "<td>专题讨论</td>", "根据上级部署")
	// Not one character of the site's traditional text is left, nor any garbage.
	for _, name := range sitetest.Files(t, rep.Out) {
		if strings.HasSuffix(name, ".zip") {
			continue
		}
		content := read(t, filepath.Join(rep.Out, name))
		for _, r := range "國電遠發黨課學習與實踐職幾臥親據網絡揮專講書幫類數討場兩幹帶" {
			if strings.ContainsRune(content, r) {
				t.Errorf("%s: traditional %c left", name, r)
			}
		}
		if strings.Contains(content, "(j") || strings.Contains(content, "(w") || strings.Contains(content, "(f") {
			t.Errorf("%s: pinyin garbage left:\n%s", name, content)
		}
	}
}

// rawSite lets raw HTML through, and its page tries every way to run a script or style itself.
const rawSite = `
-- site.yaml --
title: 测试
raw_html: true
-- content/activities/x.md --
---
title: 脚本
date: 2016-01-02
export: true
---
<script>alert("x")</script>

<style>p { color: red }</style>

<p onclick="alert(1)" style="color:red" class="c" id="i">点我</p>

<a href="javascript:alert(1)">坏链接</a> <a href="https://example.com/" onmouseover="x()" target="_blank">外站</a>
[脚本链接](javascript:alert(1))

<img src="https://example.com/x.png" onerror="alert(1)">

<iframe src="https://example.com/"></iframe>
<link rel="stylesheet" href="https://example.com/x.css">
<base href="https://example.com/">
<meta http-equiv="refresh" content="0; url=https://example.com/">
<form action="https://example.com/"><input name="a"><button formaction="javascript:alert(1)">提交</button></form>
<svg onload="alert(1)"><script>alert(2)</script></svg>
<object data="x.swf"></object><embed src="x.swf">
<details open ontoggle="alert(1)"><summary>摘要</summary>细节</details>

<div><span style="x">文字</span></div>

<table><tr><td background="javascript:alert(1)" onmouseover="x()">格子</td></tr></table>
`

func TestNoScriptSurvives(t *testing.T) {
	s := sitetest.New(t, rawSite)
	rep := run(t, articles.Config{Options: generator.Options{Source: s.Dir}})
	got := read(t, filepath.Join(rep.Out, "2016-01-02-x", articles.HTMLFile))
	sitetest.AssertHolds(t, "article.html", got, "点我", "文字", "格子", `<a href="https://example.com/">外站</a>`,
		"! <script", "! alert", "! <style", "! color", "! javascript", "! <iframe", "! <link",
		"! <form", "! <svg", "! <object", "! <embed", "! <base", "! <meta", "! onclick", "! onerror")
	assertAllowed(t, got)
	assertProblems(t, rep.Warnings, `content/activities/x.md: warning: image "https://example.com/x.png" is not a file of the site: it is left out`)
}

// allowed lists the elements article.html may hold.
var allowed = []string{"h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote",
	"strong", "em", "b", "i", "del", "sub", "sup", "ul", "ol", "li",
	"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "figcaption", "img", "a"}

// assertAllowed parses a fragment and checks that each element is on the allow-list and
// carries no attribute but the few allowed: no style, class, id, or event handler.
func assertAllowed(t *testing.T, fragment string) {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		t.Fatal(err)
	}
	attrs := map[string][]string{"a": {"href", "title"}, "img": {"src", "alt"}, "ol": {"start"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if !slices.Contains(allowed, n.Data) {
				t.Errorf("element <%s> is not allowed:\n%s", n.Data, fragment)
			}
			for _, a := range n.Attr {
				if !slices.Contains(attrs[n.Data], a.Key) {
					t.Errorf("attribute %s on <%s> is not allowed:\n%s", a.Key, n.Data, fragment)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
}

// imageSite has a bundle with a cover, a photo wider than the site allows, a narrow one shown
// twice, a GIF from static/ and an image on another site; two captions are traditional.
const imageSite = `
-- site.yaml --
title: 测试党建
organisation: 测试公司
base_url: https://intranet.example/dj/
export: {image_width: 400}
-- content/activities/photos/index.md --
---
title: 图片活动
date: 2016-05-04
export: true
cover: cover.png
---
![寬的照片](wide.png)

![小的照片](small.jpg "主題黨日合影")

文中的图 ![行内](small.jpg) 在这里，[内部链接](/activities/photos/)。

![](/images/banner.gif)
![第二张](wide.png)

![外站](https://example.com/x.jpg)
`

// writeImages writes the images of imageSite.
func writeImages(t *testing.T, s *sitetest.Site) {
	t.Helper()
	s.Write("content/activities/photos/wide.png", encode(t, "png", 1000, 500))
	s.Write("content/activities/photos/small.jpg", encode(t, "jpeg", 300, 200))
	s.Write("content/activities/photos/cover.png", encode(t, "png", 200, 100))
	s.Write("static/images/banner.gif", encode(t, "gif", 120, 30))
}

// encode returns a picture of the given size in a format.
func encode(t *testing.T, format string, w, h int) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 128, 255})
		}
	}
	var buf bytes.Buffer
	var err error
	switch format {
	case "png":
		err = png.Encode(&buf, img)
	case "jpeg":
		err = jpeg.Encode(&buf, img, nil)
	case "gif":
		err = gif.Encode(&buf, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestImages(t *testing.T) {
	s := sitetest.New(t, imageSite)
	writeImages(t, s)
	rep := run(t, articles.Config{Options: generator.Options{Source: s.Dir}})
	dir := filepath.Join(rep.Out, "2016-05-04-photos")
	got := read(t, filepath.Join(dir, articles.HTMLFile))
	want := `<figure><img src="1.png" alt="宽的照片"/><figcaption>宽的照片</figcaption></figure>
<figure><img src="2.jpg" alt="小的照片"/><figcaption>主题党日合影</figcaption></figure>
<p>文中的图 <img src="2.jpg" alt="行内"/> 在这里，内部链接。</p>
<figure><img src="3.gif" alt=""/></figure>
<figure><img src="1.png" alt="第二张"/><figcaption>第二张</figcaption></figure>
`
	if got != want {
		t.Errorf("article.html:\n%s\nwant:\n%s", got, want)
	}
	sizes := map[string][2]int{"1.png": {400, 200}, "2.jpg": {300, 200}, "3.gif": {120, 30}, "4.png": {200, 100}}
	for name, size := range sizes {
		conf, _, err := image.DecodeConfig(strings.NewReader(read(t, filepath.Join(dir, name))))
		if err != nil || conf.Width != size[0] || conf.Height != size[1] {
			t.Errorf("%s: %dx%d (%v), want %dx%d", name, conf.Width, conf.Height, err, size[0], size[1])
		}
	}
	if small := read(t, filepath.Join(dir, "2.jpg")); small != s.Read("content/activities/photos/small.jpg") {
		t.Errorf("2.jpg: a narrow image should be copied as it is")
	}
	sitetest.AssertHolds(t, "meta.json", read(t, filepath.Join(dir, articles.MetaFile)),
		`{
      "file": "2.jpg",
      "caption": "主题党日合影"
    }`, `"cover": "4.png"`)
	assertProblems(t, rep.Warnings, `image "https://example.com/x.jpg" is not a file of the site: it is left out`)

	// The pictures the article shows, again, apart from the text, each once with its first
	// caption; the cover, not shown, is not among them.
	const captions = "1.png\t宽的照片\r\n2.jpg\t主题党日合影\r\n3.gif\t\r\n"
	if got := read(t, filepath.Join(dir, articles.ImagesFolder, articles.CaptionsFile)); got != captions {
		t.Errorf("captions.txt: %q, want %q", got, captions)
	}
	images := sitetest.Files(t, filepath.Join(dir, articles.ImagesFolder))
	if want := []string{"1.png", "2.jpg", "3.gif", articles.CaptionsFile}; !slices.Equal(images, want) {
		t.Errorf("images/ holds %v, want %v", images, want)
	}
	for _, name := range images[:3] {
		if read(t, filepath.Join(dir, articles.ImagesFolder, name)) != read(t, filepath.Join(dir, name)) {
			t.Errorf("images/%s differs from the article's %s", name, name)
		}
	}
	assertProblems(t, rep.Warnings, `content/activities/photos/index.md:13:1: warning: picture "../../images/banner.gif" (exported as 3.gif) has no caption`)
}

func TestBrokenImage(t *testing.T) {
	s := sitetest.New(t, imageSite)
	writeImages(t, s)
	s.Write("content/activities/photos/small.jpg", "\x89PNG\r\n\x1a\n cut short") // a picture to the site, not to a decoder
	problems := fails(t, articles.Config{Options: generator.Options{Source: s.Dir}})
	assertProblems(t, problems, `content/activities/photos/index.md: error: image "small.jpg": not a JPEG, PNG or GIF image`)
}

// chartSite has a yearly report, which the chart engine gives a chart.
const chartSite = `
-- site.yaml --
title: 測試
metrics:
  - {key: party_lectures, label: 黨課, unit: 場次}
-- content/reports/2016.md --
---
title: 2016年報告
date: 2016-12-31
year: 2016
export: true
metrics: {party_lectures: 20}
---
全年數字如下。
`

// charts stands in for the chart engine: a report gets one chart of its declared metrics.
func charts(site *page.Site, p *page.Page, _ func(string) string) ([]articles.Chart, error) {
	if p.Report == nil {
		return nil, nil
	}
	svg := `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><text x="0" y="20">` + site.Config.Metrics[0].Label + `</text></svg>`
	table := `<table class="chart-table"><tr><th scope="row">` + site.Config.Metrics[0].Label + `</th><td>20 場次</td></tr></table>`
	return []articles.Chart{{Title: "教育培訓", SVG: []byte(svg), Table: table}}, nil
}

func TestCharts(t *testing.T) {
	s := sitetest.New(t, chartSite)
	rep := run(t, articles.Config{Options: generator.Options{Source: s.Dir}, Charts: charts})
	dir := filepath.Join(rep.Out, "2016-12-31-2016")
	const afterBody = `<p>全年数字如下。</p>
<figure><img src="chart-1.svg" alt="教育培训"/><figcaption>教育培训</figcaption></figure>
<table><tbody><tr><th>党课</th><td>20 场次</td></tr></tbody></table>`
	sitetest.AssertHolds(t, "article.html", read(t, filepath.Join(dir, articles.HTMLFile)), afterBody)
	sitetest.AssertHolds(t, "chart-1.svg", read(t, filepath.Join(dir, "chart-1.svg")), "<text x=\"0\" y=\"20\">党课</text>")

	// A chart of a block that the body does not show is not lost: it follows the body too.
	unshown := func(site *page.Site, p *page.Page, words func(string) string) ([]articles.Chart, error) {
		cs, err := charts(site, p, words)
		for i := range cs {
			cs[i].InBody = true
		}
		return cs, err
	}
	rep = run(t, articles.Config{Options: generator.Options{Source: s.Dir}, Charts: unshown})
	sitetest.AssertHolds(t, "article.html", read(t, filepath.Join(rep.Out, "2016-12-31-2016", articles.HTMLFile)), afterBody)

}

// TestChartScripts: a chart's picture that could run a script stops the export, judged by the
// parsed picture's elements and attributes; text that merely reads like a script does not.
func TestChartScripts(t *testing.T) {
	s := sitetest.New(t, chartSite)
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">`
	tests := []struct{ picture, found string }{
		{svg + `<SCRIPT>alert(1)</SCRIPT></svg>`, "it has a <SCRIPT> element"},
		{svg + `<rect onload="alert(1)"/></svg>`, "<rect> has the event attribute onload"},
		{`<svg ONLOAD = "alert(1)"></svg>`, "<svg> has the event attribute ONLOAD"},
		{svg + `<a href="javascript:alert(1)"><text>x</text></a></svg>`, "<a> has a script URL in href"},
		{svg + `<a xlink:href=" java&#9;script:alert(1)">x</a></svg>`, "<a> has a script URL in href"},
		{svg + `<foreignObject><p>x</p></foreignObject></svg>`, "it has a <foreignObject> element"},
		{svg + `<a><set attributeName="href" to="x"/></a></svg>`, "<set> animates a link"},
		{`<!DOCTYPE svg [<!ENTITY x "y">]>` + svg + `</svg>`, "it has a DOCTYPE or other declaration"},
		{`<?xml-stylesheet href="x.xsl"?>` + svg + `</svg>`, "it has the processing instruction <?xml-stylesheet?>"},
		{svg + `<text>x</svg>`, "it is not well-formed XML"},
		// What reads like a script in text is text, escaped: not a reason to stop.
		{svg + `<title>a onerror=b</title><text> onload=x javascript:y &lt;script&gt;</text></svg>`, ""},
		{`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + svg + `<text font-family="'Microsoft YaHei', sans-serif">图</text></svg>`, ""},
	}
	for _, tt := range tests {
		charts := func(*page.Site, *page.Page, func(string) string) ([]articles.Chart, error) {
			return []articles.Chart{{Title: "图", SVG: []byte(tt.picture)}}, nil
		}
		cfg := articles.Config{Options: generator.Options{Source: s.Dir}, Charts: charts}
		if tt.found == "" {
			rep := run(t, cfg)
			sitetest.AssertHolds(t, "chart-1.svg", read(t, filepath.Join(rep.Out, "2016-12-31-2016", "chart-1.svg")), "<text")
			continue
		}
		assertProblems(t, fails(t, cfg), `content/reports/2016.md: error: chart "图": its SVG image could run a script: `+tt.found)
	}
}

// TestChartTitleReadsLikeAnAttribute exports a chart of site.yaml, drawn by the chart engine,
// whose title reads like an event attribute: the picture holds it as text, and exports.
func TestChartTitleReadsLikeAnAttribute(t *testing.T) {
	testenv.ChartFont(t, chart.HasFont) // the site's charts are drawn
	s := sitetest.New(t, chartSite+`-- site.yaml --
title: 測試
metrics:
  - {key: party_lectures, label: 黨課, unit: 場次}
charts:
  - {key: a, title: a onerror=b, metrics: [party_lectures]}
`)
	rep := run(t, articles.Config{Options: generator.Options{Source: s.Dir}})
	sitetest.AssertHolds(t, "chart-1.svg", read(t, filepath.Join(rep.Out, "2016-12-31-2016", "chart-1.svg")), "<title>a onerror=b</title>")
}

// TestDeepList: a list nested 10,000 deep, which the HTML reader cannot take, stops the export
// at the page's line where the nesting starts.
func TestDeepList(t *testing.T) {
	s := sitetest.New(t, chartSite)
	s.Write("content/reports/2016.md", "---\ntitle: 2016年報告\ndate: 2016-12-31\nexport: true\n---\n全年。\n\n"+strings.Repeat("- ", 10_000)+"深\n")
	assertProblems(t, fails(t, articles.Config{Options: generator.Options{Source: s.Dir}, Charts: charts}),
		"content/reports/2016.md:8:1: error: lists, quotes or emphasis nested more than 100 deep")
}

// TestRealSiteReportCharts exports the real site's 2016 report: its two charts of site.yaml,
// for 2016, as pictures with their tables, in simplified characters.
func TestRealSiteReportCharts(t *testing.T) {
	testenv.ChartFont(t, chart.HasFont) // the site's charts are drawn
	rep := run(t, articles.Config{Options: generator.Options{Source: ".."}, Pages: []string{"content/reports/2016.md"}})
	dir := filepath.Join(rep.Out, "2016-12-31-2016")
	article := read(t, filepath.Join(dir, articles.HTMLFile))
	charts := []struct {
		file, title string
		columns     []string
		figures     []string
	}{
		{"chart-1.svg", "教育培训", []string{"党课（场次）", "专题知识讲座（次）", "党支部警示教育大会（次）", "专题讨论（场次）"}, []string{"20", "5", "12", "4"}},
		{"chart-2.svg", "项目攻关", []string{"助增盈项目（个）", "攻坚项目（个）", "公司党委确立的攻关项目（个）", "党员干部牵头的节约挖潜亮责项目（个）", "荣获公司优秀项目（个）"}, []string{"53", "30", "64", "18", "7"}},
	}
	for _, c := range charts {
		svg := read(t, filepath.Join(dir, c.file))
		want := []string{"<title>" + c.title + "</title>", ">" + c.title + "</text>", ">2016</text>", "! <script", "! 黨", "! 項"}
		row := "<tr><th>2016</th>"
		for i, f := range c.figures {
			want = append(want, ">"+f+"</text>", ">"+c.columns[i]+"</text>")
			row += "<td>" + f + "</td>"
		}
		sitetest.AssertHolds(t, c.file, svg, want...)
		if err := xml.Unmarshal([]byte(svg), new(struct{})); err != nil {
			t.Errorf("%s is not well-formed XML: %v", c.file, err)
		}
		sitetest.AssertHolds(t, articles.HTMLFile, article,
			`<figure><img src="`+c.file+`" alt="`+c.title+`"/><figcaption>`+c.title+`</figcaption></figure>`,
			"<th>"+strings.Join(c.columns, "</th><th>")+"</th>", row+"</tr>")
		golden.Check(t, filepath.Join("testdata", "2016", c.file), []byte(svg))
	}
	golden.Check(t, filepath.Join("testdata", "2016", articles.HTMLFile), []byte(article))
	// The charts are pictures of the article too, packed apart with their captions.
	golden.Check(t, filepath.Join("testdata", "2016", articles.CaptionsFile), []byte(read(t, filepath.Join(dir, articles.ImagesFolder, articles.CaptionsFile))))
	sitetest.AssertHolds(t, articles.MetaFile, read(t, filepath.Join(dir, articles.MetaFile)), `"file": "chart-2.svg",
      "caption": "项目攻关"`)
}

// blockSite has a report with a chart of site.yaml, whose body holds a chart block too, and a
// page with two chart blocks among its paragraphs.
const blockSite = `
-- site.yaml --
title: 測試
lecture_forms: [黨課]
metrics:
  - {key: party_lectures, label: 黨課, unit: 場次, count: {type: lecture, form: 黨課}}
  - {key: members, label: 黨員, unit: 名}
charts:
  - {key: people, title: 黨員隊伍, type: line, metrics: [members]}
-- content/lectures/a.md --
---
title: 黨課一
date: 2015-03-01
form: 黨課
---
-- content/lectures/b.md --
---
title: 黨課二
date: 2016-03-01
form: 黨課
---
-- content/reports/2015.md --
---
title: 2015年報告
date: 2015-12-31
metrics: {members: 280}
---
-- content/reports/2016.md --
---
title: 2016年報告
date: 2016-12-31
export: true
metrics: {members: 301}
---
兩年的黨課：

` + "```chart" + `
title: 兩年黨課
metrics: [party_lectures]
` + "```" + `
-- content/activities/x.md --
---
title: 有圖的活動
date: 2016-05-01
export: true
---
第一段。

` + "```chart" + `
title: 黨員人數
type: pie
metrics: [members]
years: [2015, 2016]
` + "```" + `

第二段。

> ` + "```chart" + `
> metrics: [members, party_lectures]
> ` + "```" + `
`

func TestChartBlocks(t *testing.T) {
	testenv.ChartFont(t, chart.HasFont) // the site's charts are drawn
	s := sitetest.New(t, blockSite)
	rep := run(t, articles.Config{Options: generator.Options{Source: s.Dir}})
	dir := filepath.Join(rep.Out, "2016-05-01-x")
	// Each block's picture and table take the place of the figure the site draws with ECharts.
	want := `<p>第一段。</p>
<figure><img src="chart-1.svg" alt="党员人数"/><figcaption>党员人数</figcaption></figure>
<table>
<thead><tr><th>年度</th><th>党员（名）</th></tr></thead>
<tbody>
<tr><th>2015</th><td>280</td></tr>
<tr><th>2016</th><td>301</td></tr>
</tbody>
</table>
<p>第二段。</p>
<blockquote>
<figure><img src="chart-2.svg" alt=""/></figure>
<table>
<thead><tr><th>年度</th><th>党员（名）</th><th>党课（场次）</th></tr></thead>
<tbody>
<tr><th>2015</th><td>280</td><td>1</td></tr>
<tr><th>2016</th><td>301</td><td>1</td></tr>
</tbody>
</table>
</blockquote>
`
	if got := read(t, filepath.Join(dir, articles.HTMLFile)); got != want {
		t.Errorf("article.html:\n%s\nwant:\n%s", got, want)
	}
	sitetest.AssertHolds(t, "chart-1.svg", read(t, filepath.Join(dir, "chart-1.svg")), "<title>党员人数</title>", ">581</text>", "2015–2016 合计", "<circle")
	sitetest.AssertHolds(t, "chart-2.svg", read(t, filepath.Join(dir, "chart-2.svg")), "<title>党员（名）、党课（场次）</title>", ">301</text>", ">1</text>", "<rect")

	// The report's block comes first, where it stands in the body; the chart of site.yaml
	// for the report's year follows the body.
	report := read(t, filepath.Join(rep.Out, "2016-12-31-2016", articles.HTMLFile))
	sitetest.AssertHolds(t, "report's article.html", report, `<p>两年的党课：</p>
<figure><img src="chart-1.svg" alt="两年党课"/><figcaption>两年党课</figcaption></figure>`,
		`<tr><th>2015</th><td>1</td></tr>`, `</table>
<figure><img src="chart-2.svg" alt="党员队伍"/><figcaption>党员队伍</figcaption></figure>`,
		`<tr><th>2016</th><td>301</td></tr>`, "! <th>2015</th><td>280</td>")
	names := zipNames(t, rep.Zip)
	for _, name := range []string{"2016-05-01-x/chart-1.svg", "2016-05-01-x/chart-2.svg", "2016-12-31-2016/chart-1.svg", "2016-12-31-2016/chart-2.svg"} {
		if !slices.Contains(names, name) {
			t.Errorf("the zip lacks %s: %v", name, names)
		}
	}
}

func TestSelection(t *testing.T) {
	s := sitetest.New(t, `
-- site.yaml --
title: 测试
-- content/_index.md --
---
title: 首页
---
-- content/activities/a.md --
---
title: 甲
date: 2016-03-01
export: true
---
-- content/activities/b.md --
---
title: 乙
date: 2016-06-01
---
-- content/activities/c/index.md --
---
title: 丙
date: 2016-09-01
export: true
---
-- content/activities/draft.md --
---
title: 草稿
date: 2016-09-02
draft: true
---
-- content/lectures/a.md --
---
title: 同名
date: 2016-03-01
---
`)
	inSite := func(name string) string { return filepath.Join(s.Dir, name) }
	since := time.Date(2016, 5, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		pages []string
		since time.Time
		want  []string
	}{
		{"export: true", nil, time.Time{}, []string{"2016-03-01-a", "2016-09-01-c"}},
		{"since", nil, since, []string{"2016-09-01-c"}},
		{"a file", []string{"content/activities/b.md"}, time.Time{}, []string{"2016-06-01-b"}},
		{"a bundle's folder and a URL", []string{"content/activities/c", "/activities/b/"}, time.Time{}, []string{"2016-06-01-b", "2016-09-01-c"}},
		{"a path from the working folder", []string{inSite("content/activities/b.md")}, time.Time{}, []string{"2016-06-01-b"}},
		{"named twice", []string{"content/activities/b.md", "activities/b"}, time.Time{}, []string{"2016-06-01-b"}},
		{"named and since", []string{"content/activities/b.md", "content/activities/c/index.md"}, since, []string{"2016-06-01-b", "2016-09-01-c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := run(t, articles.Config{Options: generator.Options{Source: s.Dir}, Pages: tt.pages, Since: tt.since})
			if !slices.Equal(rep.Articles, tt.want) {
				t.Errorf("articles %v, want %v", rep.Articles, tt.want)
			}
		})
	}

	bad := []struct {
		name  string
		pages []string
		since time.Time
		want  string
	}{
		{"no such page", []string{"content/activities/d.md"}, time.Time{}, "content/activities/d.md: error: no such page in the site; name a page's file under content/ or its URL; did you mean content/activities/a.md?"},
		{"not a page", []string{"site.yaml"}, time.Time{}, "site.yaml: error: no such page in the site"},
		{"a list", []string{"content/_index.md"}, time.Time{}, "content/_index.md: error: the introduction of a list, not a page: it has no date and is not exported"},
		{"a draft", []string{"content/activities/draft.md"}, time.Time{}, "content/activities/draft.md: error: not a published page (is it a draft?)"},
		{"named, but too old", []string{"content/activities/a.md"}, since, "content/activities/a.md:3:1: error: named for export, but dated 2016-03-01, before --since 2016-05-01"},
		{"nothing since", nil, time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC), "site.yaml: error: nothing to export: no page has export: true and a date on or after 2017-01-01"},
		{"one folder for two pages", []string{"content/activities/a.md", "content/lectures/a.md"}, time.Time{}, "content/lectures/a.md:1:1: error: exports to the folder 2016-03-01-a, as content/activities/a.md does: give one of them another slug"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			assertProblems(t, fails(t, articles.Config{Options: generator.Options{Source: s.Dir}, Pages: tt.pages, Since: tt.since}), tt.want)
		})
	}
}

func TestNothingHalfWritten(t *testing.T) {
	s := sitetest.New(t, imageSite)
	writeImages(t, s)
	out := filepath.Join(t.TempDir(), "export")
	run(t, articles.Config{Options: generator.Options{Source: s.Dir}, Out: out})
	before := sitetest.Tree(t, out)
	// The second export fails on its last image: the first export is left as it was.
	s.Write("content/activities/photos/cover.png", "\x89PNG\r\n\x1a\n broken")
	if _, err := articles.Export(t.Context(), articles.Config{Options: generator.Options{Source: s.Dir}, Out: out}); err == nil {
		t.Fatal("export of a broken image: want an error")
	}
	if after := sitetest.Tree(t, out); !maps.Equal(before, after) {
		t.Errorf("a failed export changed %s", out)
	}
	// A folder that dangjian did not write is refused, and kept.
	foreign := t.TempDir()
	s.Write("content/activities/photos/cover.png", encode(t, "png", 10, 10))
	if err := os.WriteFile(filepath.Join(foreign, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := articles.Export(t.Context(), articles.Config{Options: generator.Options{Source: s.Dir}, Out: foreign}); err == nil || !strings.Contains(msg.English.Err(err), "did not write") {
		t.Errorf("export into a foreign folder: got %v, want a refusal", err)
	}
	if got := sitetest.Files(t, foreign); !slices.Equal(got, []string{"notes.txt"}) {
		t.Errorf("foreign folder holds %v after a refused export", got)
	}
}

func TestDeterministicZip(t *testing.T) {
	s := sitetest.New(t, imageSite)
	writeImages(t, s)
	first := run(t, articles.Config{Options: generator.Options{Source: s.Dir}})
	second := run(t, articles.Config{Options: generator.Options{Source: s.Dir}})
	a, b := read(t, first.Zip), read(t, second.Zip)
	if a != b {
		t.Fatalf("two exports of the same site gave different zips (%d and %d bytes)", len(a), len(b))
	}
	zr, err := zip.NewReader(strings.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if want := time.Date(2016, 5, 4, 0, 0, 0, 0, time.UTC); !f.Modified.Equal(want) {
			t.Errorf("%s: stamped %v, want %v", f.Name, f.Modified, want)
		}
		if got := read(t, filepath.Join(first.Out, filepath.FromSlash(f.Name))); got != unzip(t, f) {
			t.Errorf("%s: the zip's copy differs from the folder's", f.Name)
		}
	}
	want := []string{"2016-05-04-photos/1.png", "2016-05-04-photos/2.jpg", "2016-05-04-photos/2016-05-04-图片活动.docx", "2016-05-04-photos/3.gif", "2016-05-04-photos/4.png",
		"2016-05-04-photos/article.html", "2016-05-04-photos/article.txt",
		"2016-05-04-photos/images/1.png", "2016-05-04-photos/images/2.jpg", "2016-05-04-photos/images/3.gif", "2016-05-04-photos/images/captions.txt",
		"2016-05-04-photos/meta.json", "manifest.json"}
	if !slices.Equal(names, want) {
		t.Errorf("zip holds %v, want %v", names, want)
	}
}

func zipNames(t *testing.T, name string) []string {
	t.Helper()
	zr, err := zip.OpenReader(name)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	return names
}

func unzip(t *testing.T, f *zip.File) string {
	t.Helper()
	rc, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(rc); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// ruleSite is a site whose page x.md keeps every rule of the civilization websites, exported on
// exportDay: each case of TestRules changes the page or site.yaml to break one.
const ruleSite = `
-- site.yaml --
title: 测试
organisation: 测试公司
base_url: https://intranet.example/
raw_html: true
-- content/activities/x/index.md --
---
title: 公司党委开展两学一做学习教育专题党课活动
date: 2016-01-02
export: true
summary: 党委的总结
---
全年 3.5 万字，10:30 开会。

![专题党课现场](photo.png)
`

// exportDay is the day ruleSite is exported, one day after its page's date.
var exportDay = time.Date(2016, 1, 3, 17, 0, 0, 0, time.Local)

// exportRules exports ruleSite, its page's front matter, its body and lines of its site.yaml
// replaced where given, and returns the warnings about the page, sorted, in English, without
// the folder of the page.
func exportRules(t *testing.T, siteYAML, matter, body string) []string {
	t.Helper()
	s := sitetest.New(t, ruleSite)
	s.Write("content/activities/x/photo.png", encode(t, "png", 20, 10))
	if siteYAML != "" {
		// The case's lines replace those of ruleSite with the same key.
		var kept []string
		for _, line := range strings.SplitAfter(s.Read("site.yaml"), "\n") {
			if key, _, _ := strings.Cut(line, ":"); !strings.Contains(siteYAML, key+":") {
				kept = append(kept, line)
			}
		}
		s.Write("site.yaml", strings.Join(kept, "")+siteYAML)
	}
	const page = "content/activities/x/index.md"
	if matter != "" {
		_, rest, _ := strings.Cut(strings.TrimPrefix(s.Read(page), "---\n"), "---\n")
		s.Write(page, "---\n"+matter+"---\n"+rest)
	}
	if body != "" {
		front, _, _ := strings.Cut(strings.TrimPrefix(s.Read(page), "---\n"), "---\n")
		s.Write(page, "---\n"+front+"---\n"+body)
	}
	rep := run(t, articles.Config{Options: generator.Options{Source: s.Dir}, Today: exportDay})
	var got []string
	for _, p := range rep.Warnings {
		if p.Pos.File == page {
			got = append(got, strings.TrimPrefix(p.Text(msg.English), diag.Path("content/activities/x/")))
		}
	}
	slices.Sort(got)
	return got
}

// TestRules checks each rule of the civilization websites that the export warns of, one
// case breaking one rule, and the cases that look like breaking one and do not.
func TestRules(t *testing.T) {
	const (
		matter = "date: 2016-01-02\nexport: true\n"
		title  = "title: 公司党委开展两学一做学习教育专题党课活动\n" // 20 characters
		inside = `speaks from inside: readers of the civilization website cannot tell who or where; `
	)
	tests := []struct {
		name, siteYAML, matter, body string
		want                         []string
	}{
		{name: "every rule kept"},
		{name: "title too long", matter: "title: 公司党委开展两学一做学习教育专题党课活动总结会\n" + matter,
			want: []string{"index.md:2:1: warning: title has 23 characters, more than the 22 of site.yaml's export.title_max: shorten it"}},
		{name: "title too short", matter: "title: 公司党委开展专题党课\n" + matter,
			want: []string{"index.md:2:1: warning: title has 10 characters, fewer than the 18 of site.yaml's export.title_min: write a fuller title, naming who did what"}},
		{name: "title_max alone lowers the minimum", siteYAML: "export: {title_max: 10}\n", matter: "title: 公司党委开展专题党课\n" + matter},
		{name: "title_max alone", siteYAML: "export: {title_max: 10}\n", matter: "title: 公司党委开展专题党课会\n" + matter,
			want: []string{"index.md:2:1: warning: title has 11 characters, more than the 10 of site.yaml's export.title_max: shorten it"}},
		{name: "title_min alone", siteYAML: "export: {title_min: 10}\n", matter: "title: 公司党委开展专题党课\n" + matter},
		{name: "title_min alone raises the maximum", siteYAML: "export: {title_min: 24}\n", matter: "title: 公司党委开展两学一做学习教育专题党课活动总结会议\n" + matter},
		{name: "comma and full stop", matter: "title: 公司党委开展专题党课，两学一做学习教育。\n" + matter,
			want: []string{"index.md:2:1: warning: title has '，', '。': the civilization websites' rules allow no comma, full stop or semicolon in a title; part it with a full-width space \"　\" or reword it"}},
		{name: "half-width semicolon", matter: "title: 公司党委开展专题党课;两学一做学习教育活动\n" + matter,
			want: []string{"index.md:2:1: warning: title has ';': the civilization websites' rules allow no comma, full stop or semicolon in a title; part it with a full-width space \"　\" or reword it"}},
		{name: "half-width colon and quotes", matter: `title: '公司党委开展"两学一做":学习教育专题党课'` + "\n" + matter,
			want: []string{`index.md:2:1: warning: title has half-width punctuation '"' (use “”), ':' (use ：)`}},
		{name: "marks of numbers", matter: "title: 党委10:30开展两学一做学习教育专题党课\n" + matter},
		{name: "point of a number", matter: "title: 公司党委全年开展专题党课3.5万人次学习教育\n" + matter},
		{name: "full-width letters and digits", matter: "title: 公司党委开展ＱＱ群学习教育专题党课２０场\n" + matter,
			want: []string{"index.md:2:1: warning: title has full-width letters or digits 'Ｑ' (use Q), '２' (use 2), '０' (use 0): the civilization websites want them half-width in a title"}},
		{name: "local words", matter: "title: 我公司开展两学一做学习教育专题党课活动\n" + matter + "summary: 本公司的总结\n",
			body: "我市的职工自我省察。\n我廠的職工。\n",
			want: []string{
				`index.md:8:1: warning: "我厂" ` + inside + `write the name, "测试公司"`,
				`index.md:2:1: warning: title: "我公司" ` + inside + `write the name, "测试公司"`,
				`index.md:5:1: warning: summary: "本公司" ` + inside + `write the name, "测试公司"`,
				`index.md:7:1: warning: "我市" ` + inside + `write the place's full name, such as "白银市" or "靖远县"`,
			}},
		{name: "local words of site.yaml", siteYAML: "export: {local_words: [我站, 本站]}\n", body: "我市和我站。\n",
			want: []string{`index.md:7:4: warning: "我站" ` + inside + `write the name, "测试公司"`}},
		{name: "no organisation to suggest", siteYAML: "organisation: \"\"\n", body: "我单位\n",
			want: []string{`index.md:7:1: warning: "我单位" ` + inside + `write the name (site.yaml's organisation can hold it)`}},
		{name: "picture without a caption", body: "![](photo.png)\n\n![](photo.png \"合影\")\n",
			want: []string{
				`index.md:7:1: warning: picture "photo.png" (exported as 1.png) has no caption: the civilization websites want each picture captioned; write what it shows between the brackets, such as ![2016年7月15日，道德讲堂现场](…)`,
				// The second has a caption, its title, but no alt text, which the build says.
				`index.md:9:1: warning: image "photo.png" has no alt text: say what it shows between the brackets, ![…](photo.png)`,
			}},
		{name: "picture of raw HTML without a caption", body: "<img src=\"photo.png\">\n",
			want: []string{`index.md: warning: picture "photo.png" (exported as 1.png) has no caption: the civilization websites want each picture captioned; write what it shows between the brackets, such as ![2016年7月15日，道德讲堂现场](…)`}},
		{name: "three days old", matter: title + "date: 2015-12-31\nexport: true\n"},
		{name: "four days old", matter: title + "date: 2015-12-30\nexport: true\n",
			want: []string{"index.md:3:1: warning: dated 2015-12-30, 4 days before the export on 2016-01-03: the civilization websites take news within 3 days of the event (site.yaml's export.max_age_days); send it at once or ask the website's editors first; if the date is wrong, correct date"}},
		{name: "max_age_days", siteYAML: "export: {max_age_days: 7}\n", matter: title + "date: 2015-12-27\nexport: true\n"},
		{name: "the day as written", matter: title + "date: 2015-12-31T23:30:00-10:00\nexport: true\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := exportRules(t, tt.siteYAML, tt.matter, tt.body)
			want := slices.Sorted(slices.Values(tt.want))
			if !slices.Equal(got, want) {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestRulesInChinese: the warnings are said in Chinese by default, the marks listed as Chinese
// lists them.
func TestRulesInChinese(t *testing.T) {
	s := sitetest.New(t, ruleSite)
	s.Write("content/activities/x/photo.png", encode(t, "png", 20, 10))
	s.Write("content/activities/x/index.md", "---\ntitle: '我市开展\"两学一做\",学习教育'\ndate: 2016-01-02\nexport: true\n---\n正文。\n")
	rep := run(t, articles.Config{Options: generator.Options{Source: s.Dir}, Today: exportDay})
	const x = "content/activities/x/index.md"
	sitetest.AssertHolds(t, "the warnings", rep.Warnings.Error(),
		x+`:2:1: 警告：标题里有半角标点 '"'（请用 “”）`,
		x+`:2:1: 警告：标题里有 ','：文明网的来稿规范不许标题用逗号、句号、分号；请改用全角空格 "　" 隔开，或者改写标题`,
		x+`:2:1: 警告：title："我市" 是从内部说的，文明网的读者不知道指的是谁、是哪里：请写出地方的全称，如 "白银市"、"靖远县"`,
		x+`:2:1: 警告：标题只有 15 个字，少于 site.yaml 的 export.title_min 规定的 18 个：请把标题写完整，写出单位和做了什么`)
	if english := msg.EnglishIn(rep.Warnings.Error()); english != "" {
		t.Errorf("English in the warnings in Chinese: %q", english)
	}
}
