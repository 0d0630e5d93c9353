package importdoc

import (
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/docread"
)

func para(runs ...docread.Run) *docread.Paragraph { return &docread.Paragraph{Runs: runs} }
func text(s string) docread.Run                   { return docread.Run{Text: s} }
func bold(s string) docread.Run                   { return docread.Run{Text: s, Bold: true} }

// TestBody: each kind of block as the site writes it in Markdown.
func TestBody(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n")
	note := &docread.Note{Blocks: []docread.Block{para(text("注的文字。"))}}
	tests := []struct {
		name   string
		blocks []docread.Block
		want   string
		left   []string
	}{
		{"Word's headings, one level below the page's title",
			[]docread.Block{&docread.Heading{Level: 1, Runs: []docread.Run{text("基本做法")}}, &docread.Heading{Level: 2, Label: "一、", Runs: []docread.Run{text("做法")}}},
			"## 基本做法\n\n### 一、做法\n", nil},
		{"headings numbered in their text",
			[]docread.Block{para(text("一、强化支部作用")), para(text("（二）“三网管理”提效能")), para(text("(三)半角括号"))},
			"## 一、强化支部作用\n\n### （二）“三网管理”提效能\n\n### (三)半角括号\n", nil},
		{"numbered paragraphs that are sentences, or long, stay paragraphs",
			[]docread.Block{para(text("一、要加强学习。")), para(text("（一）" + strings.Repeat("长", maxHeading)))},
			"一、要加强学习。\n\n（一）" + strings.Repeat("长", maxHeading) + "\n", nil},
		{"bold split across runs, its marks inside the punctuation",
			[]docread.Block{para(bold("坚持"), bold("统筹谋划，"), text("分层分类，"), bold("“三张清单”"), text("强作为"))},
			"**坚持统筹谋划**，分层分类，“**三张清单**”强作为\n", nil},
		{"the indent and the line breaks of a paragraph",
			[]docread.Block{para(text("\u3000\u3000第一行\n第二行  "))},
			"第一行\n\n第二行\n", nil},
		{"Markdown's characters shown as written",
			[]docread.Block{para(text("# 不是标题 *星* [方括号] a_b <b>")), para(text("1. 不是列表")), para(text("- 不是列表"))},
			"\\# 不是标题 \\*星\\* \\[方括号\\] a\\_b \\<b>\n\n1\\. 不是列表\n\n\\- 不是列表\n", nil},
		{"a link",
			[]docread.Block{para(text("见"), docread.Run{Text: "通知", Link: "https://example.cn/a b"})},
			"见[通知](<https://example.cn/a b>)\n", nil},
		{"lists, nested, numbered in order, a new one after a paragraph",
			[]docread.Block{
				&docread.ListItem{Ordered: true, Label: "1.", Runs: []docread.Run{text("甲")}},
				&docread.ListItem{Level: 1, Runs: []docread.Run{text("甲一")}},
				&docread.ListItem{Ordered: true, Label: "2.", Runs: []docread.Run{text("乙")}},
				para(text("段落")),
				&docread.ListItem{Ordered: true, Runs: []docread.Run{text("丙")}},
			},
			"1. 甲\n    - 甲一\n2. 乙\n\n段落\n\n1. 丙\n", nil},
		{"a list that starts deeper than its first level, or skips one",
			[]docread.Block{
				&docread.ListItem{Level: 1, Runs: []docread.Run{text("甲")}},
				&docread.ListItem{Level: 3, Runs: []docread.Run{text("乙")}},
			},
			"- 甲\n    - 乙\n", nil},
		{"a table: the first row its header, spans and merges as empty cells, | escaped",
			[]docread.Block{&docread.Table{Rows: [][]docread.Cell{
				{{Blocks: []docread.Block{para(bold("项目"))}, Span: 2}, {Blocks: []docread.Block{para(text("说明"))}, Span: 1}},
				{{Blocks: []docread.Block{para(text("a|b")), para(text("第二段"))}, Span: 1}, {Blocks: []docread.Block{para(text("1"))}, Span: 1}, {Merged: true, Span: 1}},
			}}},
			"| **项目** |  | 说明 |\n| --- | --- | --- |\n| a\\|b 第二段 | 1 |  |\n", nil},
		{"pictures named after the page and numbered, captioned without Word's number",
			[]docread.Block{
				&docread.Image{Data: png, Name: "word/media/image1.png", Ext: ".png", Alt: "替代文字", Caption: []docread.Run{text("图 1 党员志愿者")}},
				&docread.Image{Data: png, Name: "word/media/image2.emf", Ext: ".emf"},
				&docread.Image{Data: png, Name: "word/media/image3.png", Ext: ".png", Alt: "只有替代文字"},
			},
			"![党员志愿者](page-1.png)\n\n![只有替代文字](page-2.png)\n", []string{"word/media/image2.emf"}},
		{"footnotes marked ① and written at the end",
			[]docread.Block{para(text("正文"), docread.Run{Note: note}, text("。"))},
			"正文①。\n\n① 注的文字。\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := &writer{base: "page"}
			if got := w.body(tt.blocks); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if strings.Join(w.left, " ") != strings.Join(tt.left, " ") {
				t.Errorf("left %v, want %v", w.left, tt.left)
			}
		})
	}
}
