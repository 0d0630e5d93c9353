package markdown

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
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

// TestHeadingsAndPictures checks what Convert reads of a body besides its HTML: its headings
// with their IDs, and its images with their alt text and title, linked as the HTML links them.
func TestHeadingsAndPictures(t *testing.T) {
	body := "# 爱的*传递*\n\n![现场\n合影](photo.png \"七月\") 和 ![](x.png)\n\n## 爱的传递\n"
	res := New().Convert("a.md", []byte(body), 1, resolver{})
	wantHeadings := []Heading{{Level: 1, ID: "爱的传递", Text: "爱的传递"}, {Level: 2, ID: "爱的传递-1", Text: "爱的传递"}}
	if !reflect.DeepEqual(res.Headings, wantHeadings) {
		t.Errorf("headings: %+v, want %+v", res.Headings, wantHeadings)
	}
	wantPictures := []Picture{{Src: "/x/photo.png", Alt: "现场合影", Title: "七月", Pos: diag.Position{File: "a.md", Line: 3, Col: 1}},
		{Src: "/x/x.png", Pos: diag.Position{File: "a.md", Line: 4, Col: 23}}}
	if !reflect.DeepEqual(res.Pictures, wantPictures) {
		t.Errorf("pictures: %+v, want %+v", res.Pictures, wantPictures)
	}
}

// resolver puts every link under /x/.
type resolver struct{}

func (resolver) Resolve(dest string) (string, error) { return "/x/" + dest, nil }

// TestKept checks that Convert returns the nodes of the kinds it is asked to keep, in order.
func TestKept(t *testing.T) {
	res := New(WithKept(ast.KindHeading, ast.KindThematicBreak)).Convert("a.md", []byte("## 一\n\n正文\n\n***\n\n### 二\n"), 1, nil)
	var kinds []string
	for _, n := range res.Kept {
		kinds = append(kinds, n.Kind().String())
	}
	if got := strings.Join(kinds, " "); got != "Heading ThematicBreak Heading" {
		t.Errorf("kept %s, want Heading ThematicBreak Heading", got)
	}
}

// TestRenderProblem checks that a node renderer reports a problem at its place in the file.
func TestRenderProblem(t *testing.T) {
	c := New(WithExtensions(breakProblem{}))
	res := c.Convert("a.md", []byte("正文\n\n***\n"), 5, nil)
	if got, want := res.Problems.Text(msg.English), "a.md:7:1: error: the break"; got != want {
		t.Errorf("problems %q, want %q", got, want)
	}
}

// breakProblem reports every thematic break it renders.
type breakProblem struct{}

func (breakProblem) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(breakProblem{}, 50)))
}

func (breakProblem) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindThematicBreak, func(w util.BufWriter, source []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			RenderProblem(w, bytes.Index(source, []byte("***")), "the break")
		}
		return ast.WalkContinue, nil
	})
}
