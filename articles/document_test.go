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
// paragraph, the captions, the facts and the contributor, in simplified characters.
func TestRealSiteDocuments(t *testing.T) {
	rep := run(t, articles.Config{Options: generator.Options{Source: ".."}, Pages: []string{realPage, "content/reports/2016.md"}})
	for _, tt := range []struct {
		folder, file, golden string
		holds                []string
	}{
		{"2016-07-15-ai-de-chuan-di", "2016-07-15-“爱的传递”道德讲堂.docx", "ai-de-chuan-di", []string{
			"“爱的传递”道德讲堂", "7月15日讯", "身边人的故事", "日期：2016年7月15日；活动流程：演一出情景剧《爱的传递》（以部门一名职工数十年悉心照料卧床母亲的事迹为蓝本）。",
			"（国电靖远发电有限公司供稿）"}},
		{"2016-12-31-2016", "2016-12-31-2016年“两学一做”学习教育工作报告.docx", "2016", []string{
			"2016年“两学一做”学习教育工作报告", "12月31日讯", "教育培训", "项目攻关", "党课（场次）", "（国电靖远发电有限公司供稿）"}},
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
			pdf, err := os.ReadFile(testenv.ConvertWithLibreOffice(t, file, "pdf", dir))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(pdf), "%PDF-") {
				t.Errorf("LibreOffice's PDF starts %q", pdf[:min(len(pdf), 10)])
			}
		})
	}
}
