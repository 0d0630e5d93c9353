package markdown

import (
	"strings"
	"testing"
)

func TestPlainText(t *testing.T) {
	c := New()
	for _, tc := range []struct{ in, text, lead string }{
		// A line break joins Chinese characters, and separates words.
		{"愛的\n傳遞，\n「道德講堂」\nin\nEnglish", "愛的傳遞，「道德講堂」 in English", "愛的傳遞，「道德講堂」 in English"},
		{"第一段\n\n## 標題\n\n第二段  \n換行", "第一段\n標題\n第二段換行", "第一段"},
		{"2016年\n5月", "2016年 5月", "2016年 5月"},
		{"- 一\n- 二", "一\n二", ""},
	} {
		res := c.Convert("a.md", []byte(tc.in), 1, nil)
		if res.Text != tc.text || res.Lead != tc.lead {
			t.Errorf("%q: text %q, lead %q; want %q, %q", tc.in, res.Text, res.Lead, tc.text, tc.lead)
		}
	}
}

// TestHeadingIDs checks the IDs of headings: their words in any script, lower-cased and joined
// by dashes; "section" when they have none; made unique by a number.
func TestHeadingIDs(t *testing.T) {
	body := "## 学习内容\n\n## 学习内容\n\n## Two Words_here\n\n## ！！\n\n## ——\n"
	html := string(New().Convert("a.md", []byte(body), 1, nil).HTML)
	for _, want := range []string{
		`<h2 id="学习内容">`, `<h2 id="学习内容-1">`, `<h2 id="two-words-here">`, `<h2 id="section">`, `<h2 id="section-1">`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("no %s in\n%s", want, html)
		}
	}
}
