package articles_test

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/articles"
	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/chart"
	"github.com/dangjian/dangjian/internal/docx"
	"github.com/dangjian/dangjian/internal/golden"
	"github.com/dangjian/dangjian/internal/sitetest"
	"github.com/dangjian/dangjian/internal/testenv"
)

// documentPart returns a part of the Word document file, after checking its structure.
func documentPart(t *testing.T, file, part string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := docx.Check(data); err != nil {
		t.Errorf("%s: %v", file, err)
	}
	zr, err := zip.NewReader(strings.NewReader(string(data)), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(part)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	defer f.Close()
	content, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(content)
}

// paragraphsOf returns the text of each paragraph of word/document.xml.
func paragraphsOf(document string) []string {
	var out []string
	for _, p := range regexp.MustCompile(`(?s)<w:p>.*?</w:p>`).FindAllString(document, -1) {
		var b strings.Builder
		for _, m := range regexp.MustCompile(`<w:t[^>]*>([^<]*)</w:t>`).FindAllStringSubmatch(p, -1) {
			b.WriteString(m[1])
		}
		if text := b.String(); text != "" {
			out = append(out, text)
		}
	}
	return out
}

// TestRealSiteDocuments exports the real site's 「愛的傳遞」 and its 2016 report as Word
// documents, compares their text's XML with goldens, and has LibreOffice, a reader that is not
// ours, convert each to text and to PDF: the text holds the title, the dateline, every
// paragraph, the captions, the facts and the contributor, in simplified characters. The first
// page of 「愛的傳遞」 is drawn, checked and saved (checkFirstPage): with -update, for docs/export.md.
func TestRealSiteDocuments(t *testing.T) {
	testenv.ChartFont(t, chart.HasFont) // the site's charts are drawn
	rep := run(t, articles.Config{Options: generator.Options{Source: ".."}, Pages: []string{realPage, "content/reports/2016.md"}})
	for _, tt := range []struct {
		folder, file, golden string
		holds                []string
		screenshot           string // the test artifact of its first page, as LibreOffice lays it out
	}{
		{"2016-07-15-ai-de-chuan-di", "2016-07-15-“爱的传递”道德讲堂.docx", "ai-de-chuan-di", []string{
			"“爱的传递”道德讲堂", "7月15日讯", "身边人的故事", "日期：2016年7月15日；活动流程：演一出情景剧《爱的传递》（以部门一名职工数十年悉心照料卧床母亲的事迹为蓝本）。",
			"（国电靖远发电有限公司供稿）"}, "export-word-ai-de-chuan-di.png"},
		{"2016-12-31-2016", "2016-12-31-2016年“两学一做”学习教育工作报告.docx", "2016", []string{
			"2016年“两学一做”学习教育工作报告", "12月31日讯", "教育培训", "项目攻关", "党课（场次）", "（国电靖远发电有限公司供稿）"}, ""},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			file := filepath.Join(rep.Out, tt.folder, tt.file)
			document := documentPart(t, file, "word/document.xml")
			golden.Check(t, filepath.Join("testdata", tt.golden, "document.xml"), []byte(document))
			sitetest.AssertHolds(t, "word/document.xml", document, append(tt.holds, "! 愛", "! 傳", "! 兩", "! 黨")...)

			dir := t.TempDir()
			text, err := os.ReadFile(testenv.ConvertWithLibreOffice(t, file, "txt:Text (encoded):UTF8", dir))
			if err != nil {
				t.Fatal(err)
			}
			// LibreOffice's text: each paragraph on its lines, its list items numbered.
			said := strings.Join(strings.Fields(string(text)), "")
			for _, p := range append(paragraphsOf(document), tt.holds...) {
				if !strings.Contains(said, strings.Join(strings.Fields(p), "")) {
					t.Errorf("LibreOffice's text lacks %q:\n%s", p, text)
				}
			}
			pdfFile := testenv.ConvertWithLibreOffice(t, file, "pdf", dir)
			pdf, err := os.ReadFile(pdfFile)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(pdf), "%PDF-") {
				t.Errorf("LibreOffice's PDF starts %q", pdf[:min(len(pdf), 10)])
			}
			if tt.screenshot != "" {
				t.Run("first page", func(t *testing.T) { checkFirstPage(t, pdfFile, tt.screenshot) })
			}
		})
	}
}

// documentSite is written in traditional characters: a lecture with its facts, and a body of
// every block the Word document renders.
const documentSite = `
-- site.yaml --
title: 測試黨建
organisation: 測試公司
script: traditional
lecture_forms: [黨課]
export:
  dateline: "文明風{年}年{月}月{日}日訊（通訊員 張三）"
  contributor: 機關黨支部
  fonts: {title: 黑体, body: 宋体}
  sizes: {title: 小二, body: 16}
-- content/lectures/x/index.md --
---
title: "黨課: 學習黨章?"
date: 2016-06-08
form: 黨課
speaker: 李四
venue: 三樓會議室
attendance: 45
export: true
---
第一段有**粗體**和*斜體*，
接下來一行。

## 學習

- 第一項
  - 子項
- 第二項

1. 甲
2. 乙

> 引用的話。

| 支部 | 人數 |
|---|---|
| 機關 | 23 |

![黨員合影](photo.gif)

文中 ![行內的圖](photo.gif) 之後。
`

// TestDocument exports a page of every block the Word document renders, and checks what its
// XML says of each, in simplified characters, and that LibreOffice reads it.
func TestDocument(t *testing.T) {
	s := sitetest.New(t, documentSite)
	s.Write("content/lectures/x/photo.gif", encode(t, "gif", 40, 20))
	rep := run(t, articles.Config{Options: generator.Options{Source: s.Dir}})
	file := filepath.Join(rep.Out, rep.Articles[0], "2016-06-08-党课： 学习党章？.docx")
	document := documentPart(t, file, "word/document.xml")
	got := strings.Join(paragraphsOf(document), "\n")
	want := strings.Join([]string{
		"党课: 学习党章?",
		"文明风2016年6月8日讯（通讯员 张三）第一段有粗体和斜体，接下来一行。",
		"学习", "第一项", "子项", "第二项", "甲", "乙", "引用的话。", "支部", "人数", "机关", "23",
		"党员合影", "文中", "行内的图", "之后。",
		"日期：2016年6月8日；地点：三楼会议室；主讲人：李四；参加人次：45。",
		"（机关党支部供稿）",
	}, "\n")
	if got != want {
		t.Errorf("the document's paragraphs:\n%s\nwant:\n%s", got, want)
	}
	sitetest.AssertHolds(t, "word/document.xml", document,
		`<w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">粗体</w:t>`, `<w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">斜体</w:t>`,
		`<w:pStyle w:val="Heading1"/>`, `<w:pStyle w:val="Quote"/>`, `<w:numPr><w:ilvl w:val="1"/>`, `<w:tblHeader/>`,
		`<w:pStyle w:val="Caption"/></w:pPr><w:r><w:t xml:space="preserve">党员合影</w:t>`, `r:embed="rId6"`, `r:embed="rId7"`)
	styles := documentPart(t, file, "word/styles.xml")
	sitetest.AssertHolds(t, "word/styles.xml", styles, `w:eastAsia="黑体"`, `w:eastAsia="宋体"`, `<w:sz w:val="36"/>`, `<w:sz w:val="32"/>`)
	core := documentPart(t, file, "docProps/core.xml")
	sitetest.AssertHolds(t, "docProps/core.xml", core, "<dc:title>党课: 学习党章?</dc:title>", "<dc:creator>测试公司</dc:creator>",
		`<dcterms:created xsi:type="dcterms:W3CDTF">2016-06-08T00:00:00Z</dcterms:created>`)
	// The GIF is a PNG in the document, the same picture twice.
	media := documentPart(t, file, "word/media/image1.png")
	if !strings.HasPrefix(media, "\x89PNG") {
		t.Errorf("word/media/image1.png is no PNG")
	}

	text, err := os.ReadFile(testenv.ConvertWithLibreOffice(t, file, "txt:Text (encoded):UTF8", t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	sitetest.AssertHolds(t, "LibreOffice's text", string(text), "文明风2016年6月8日讯", "主讲人：李四", "党员合影", "（机关党支部供稿）")
}

// TestDocumentName: a title's characters that Windows forbids in a file's name become their
// full-width forms, and the dots and spaces that would end it go.
func TestDocumentName(t *testing.T) {
	for _, tt := range []struct{ title, want string }{
		{"“爱的传递”道德讲堂", "2016-07-15-“爱的传递”道德讲堂.docx"},
		{`a<b>c:d"e/f\g|h?i*j`, "2016-07-15-a＜b＞c：d＂e／f＼g｜h？i＊j.docx"},
		{"结尾. ", "2016-07-15-结尾.docx"},
	} {
		if got := articles.DocumentName("2016-07-15", tt.title); got != tt.want {
			t.Errorf("DocumentName(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}
