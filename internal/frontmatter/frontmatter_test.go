package frontmatter

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/msg"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name, in     string
		matter, body string
		bodyLine     int
		ok, closed   bool
	}{
		{"plain", "---\ntitle: a\n---\nbody\n", "title: a\n", "body\n", 4, true, true},
		{"dots close", "---\ntitle: a\n...\nbody", "title: a\n", "body", 4, true, true},
		{"trailing spaces", "--- \ntitle: a\n---  \n", "title: a\n", "", 4, true, true},
		{"empty", "---\n---\nbody", "", "body", 3, true, true},
		{"no front matter", "# title\n", "", "# title\n", 1, false, false},
		{"not closed", "---\ntitle: a\n", "", "", 0, true, false},
		{"fence at end of file", "---\ntitle: a\n---", "title: a\n", "", 4, true, true},
		{"dashes inside body", "---\na: 1\n---\n---\n", "a: 1\n", "---\n", 4, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			matter, body, line, ok := Split([]byte(tt.in))
			if ok != tt.ok || (matter != nil) != tt.closed && tt.ok {
				t.Fatalf("ok %v, matter %q; want ok %v, closed %v", ok, matter, tt.ok, tt.closed)
			}
			if string(matter) != tt.matter || string(body) != tt.body || line != tt.bodyLine {
				t.Errorf("got (%q, %q, %d), want (%q, %q, %d)", matter, body, line, tt.matter, tt.body, tt.bodyLine)
			}
		})
	}
}

func TestParseKeepsLineNumbers(t *testing.T) {
	data, err := os.ReadFile("testdata/lecture-hall.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, problems := Parse("content/lecture-hall/x.md", data, kinds.TypeLectureHall, false)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if doc.BodyLine != 11 || !strings.HasPrefix(string(doc.Body), "## 身邊人的故事") {
		t.Errorf("body starts on line %d: %q", doc.BodyLine, doc.Body)
	}
	if got := doc.Pos("attendance").String(); got != "content/lecture-hall/x.md:5:1" {
		t.Errorf("attendance at %s", got)
	}
	if doc.LectureHall.Attendance != 200 || doc.LectureHall.Segments[0].Step != "演一齣情景劇" || doc.LectureHall.Published[0].Site != "甘肅文明網" {
		t.Errorf("decoded %+v", doc.LectureHall)
	}
}

func TestParseBOMAndCRLF(t *testing.T) {
	data, err := os.ReadFile("testdata/bom-crlf.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, problems := Parse("x.md", data, kinds.TypeActivity, false)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if doc.Title != "視窗" || doc.DateString() != "2016-01-01" || strings.Contains(string(doc.Body), "\r") {
		t.Errorf("got %q %s %q", doc.Title, doc.DateString(), doc.Body)
	}
}

// TestStandIn: the stand-in of a file that fails to load keeps its slug when the front matter
// holds one that YAML can read, and the kind of its folder.
func TestStandIn(t *testing.T) {
	tests := []struct{ name, data, slug string }{
		{"not YAML", "---\nslug: a\ntags: [甲\n---\n", ""},
		{"unknown type", "---\ntype: lectures\nslug: a\n---\n", "a"},
		{"too many aliases", "---\nslug: a\nx: &a [1]\ny: [*a, *a]\n---\n", "a"},
		{"slug an alias", "---\nx: &a b\nslug: *a\n---\n", ""},
		{"a list, not keys", "---\n- slug\n- a\n---\n", ""},
		{"no front matter", "slug: a\n", ""},
		{"not closed", "---\nslug: a\n", ""},
		{"not read", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := StandIn("content/lectures/x.md", []byte(tt.data), kinds.TypeLecture)
			if !d.Failed || d.Slug != tt.slug || d.Kind != kinds.TypeLecture || d.Lecture == nil || d.File != "content/lectures/x.md" {
				t.Errorf("got %+v, want a failed lecture with slug %q", d, tt.slug)
			}
		})
	}
}

// FuzzParse checks that no input makes the loader panic, and that a document comes back
// whenever no error does.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.md")
	for _, name := range seeds {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, false)
	}
	f.Fuzz(func(t *testing.T, data []byte, index bool) {
		for _, typ := range kinds.Names() {
			doc, problems := Parse("x.md", data, typ, index)
			if doc == nil && !problems.HasErrors() {
				t.Fatalf("no document and no error for %q", data)
			}
			if doc == nil && !StandIn("x.md", data, typ).Failed {
				t.Fatalf("a stand-in not marked failed for %q", data)
			}
			for _, pr := range problems {
				if pr.Pos.File != "x.md" {
					t.Fatalf("problem without the file: %v", pr)
				}
			}
		}
	})
}

// TestProblems checks what a page's front matter that cannot be read says, in Chinese, with
// no English beside the keys and values.
func TestProblems(t *testing.T) {
	tests := []struct {
		data string
		key  msg.Key
		zh   string
	}{
		{"# 标题\n", msg.NoFrontMatter, "x.md:1:1: 错误：没有页头：网页的第一行写 ---，接着写 title: 和 date:，再写一行 ---"},
		{"---\ntitle: 甲\n", msg.FrontMatterNotClosed, "x.md:1:1: 错误：页头没有结束：请在它后面加一行 ---"},
		{"---\ntype: lectures\n---\n", msg.UnknownType, `x.md:2:7: 错误：type：应为 activity、lecture、project、lecture-hall、report、page 之一，实为 "lectures"`},
		{"---\n- 甲\n---\n", msg.FrontMatterNotKeys, "x.md:2:1: 错误：页头：应为 title:、date: 这样的键，实为列表"},
		{"---\ndate: 2016-01-01\n---\n", msg.TitleRequired, "x.md:1:1: 错误：缺少 title（标题）：请写上 title: 和标题"},
		{"---\ntitle: 甲\ndate: 2016-02-30\n---\n", msg.KeyProblem, `x.md:3:7: 错误：date：日期 "2016-02-30" 不存在（day out of range）：请写一个存在的日期`},
		{"---\ntitle: 甲\ndate: 2016-01-01\nspeeker: 乙\n---\n", msg.UnknownKeyDidYouMean, `x.md:4:1: 错误：不认识的键 "speeker"；是不是要写 "speaker"？`},
	}
	for _, tt := range tests {
		_, problems := Parse("x.md", []byte(tt.data), kinds.TypeLecture, false)
		if len(problems) != 1 || problems[0].Key != tt.key {
			t.Errorf("%q: got %v, want one %q", tt.data, problems, tt.key)
			continue
		}
		if got := problems[0].Text(msg.Chinese); got != tt.zh || msg.EnglishIn(got) != "" {
			t.Errorf("%q:\ngot  %s\nwant %s", tt.data, got, tt.zh)
		}
	}
}
