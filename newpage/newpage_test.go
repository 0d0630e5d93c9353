package newpage_test

import (
	"context"
	"errors"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dangjian/dangjian/check"
	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/frontmatter"
	"github.com/dangjian/dangjian/internal/hygiene"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/sitetest"
	"github.com/dangjian/dangjian/internal/yamlnode"
	"github.com/dangjian/dangjian/newpage"
	"gopkg.in/yaml.v3"
)

var today = time.Date(2016, 9, 20, 0, 0, 0, 0, time.UTC) // a day, as the front matter reads one

// site returns a site written in script.
func site(script string) string {
	return hygiene.Convert(`-- site.yaml --
title: 测试
script: `+script+`
branches: [机关党支部, 检修部党支部]
lecture_forms: [党课, 警示教育大会]
project_categories: [攻坚, 节约挖潜]
metrics:
  - {key: party_lectures, label: 党课, unit: 次, count: {type: lecture, form: 党课}}
  - {key: members, label: 党员人数, unit: 名}
  - {key: study_notes, label: 学习心得}
`, script)
}

// TestNewPageBuilds starts a page of each kind, in a site of each script, and checks that the
// page carries every key of its type, starts as a draft that build and check name, and builds
// and checks clean once published.
func TestNewPageBuilds(t *testing.T) {
	for _, script := range []string{"simplified", "traditional"} {
		t.Run(script, func(t *testing.T) {
			s := sitetest.New(t, site(script))
			var all strings.Builder
			var files []string
			for _, kind := range newpage.Kinds() {
				title := hygiene.Convert("「两学一做」学习 #1", script) // a title YAML must quote
				page, err := newpage.Create(newpage.Config{Options: generator.Options{Source: s.Dir}, Kind: kind, Title: title, Date: today})
				if err != nil {
					t.Fatal(err)
				}
				k, _ := kinds.Named(kind)
				want := "content/" + k.Section + "/liangxue-yizuo-xuexi-1.md"
				if k.Bundled {
					want = "content/" + k.Section + "/liangxue-yizuo-xuexi-1/index.md"
				}
				if page.File != want || page.Bundle != k.Bundled || page.Dated {
					t.Errorf("%s: wrote %+v, want %s", kind, page, want)
				}
				files = append(files, page.File)
				text := s.Read(page.File)
				all.WriteString("-- " + page.File + " --\n" + text)
				if keys, want := frontKeys(t, text), typeKeys(kind); !slices.Equal(keys, want) {
					t.Errorf("%s: the template's keys\n%v\nwant every key of the type but type:\n%v", kind, keys, want)
				}
				p, _ := frontmatter.Parse(page.File, []byte(text), kind, false)
				if p.Title != title || p.DateString() != "2016-09-20" || !p.Draft {
					t.Errorf("%s: title %q, date %s, draft %v; want a draft", kind, p.Title, p.DateString(), p.Draft)
				}
			}
			sitetest.Golden(t, "testdata/"+script+".golden", all.String())
			slices.Sort(files)
			if rep := s.Build(); rep.Pages != 0 || !slices.Equal(rep.Drafts, files) {
				t.Errorf("build published %d pages and left out the drafts %v; want none published, and %v left out", rep.Pages, rep.Drafts, files)
			}
			published := generator.Options{Source: s.Dir, Drafts: true}
			s.Build(generator.Config{Options: published, Dest: s.Config().Dest})
			rep, err := check.Run(context.Background(), check.Config{Options: published, Today: today})
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Problems) > 0 || len(rep.Drafts) > 0 {
				t.Errorf("the new pages, published, do not check clean:\n%s\ndrafts left out: %v", rep.Problems, rep.Drafts)
			}
		})
	}
}

// frontKeys returns the top-level keys of a page's front matter, sorted.
func frontKeys(t *testing.T, text string) []string {
	t.Helper()
	matter, _, _, ok := frontmatter.Split([]byte(text))
	var doc yaml.Node
	if !ok || yaml.Unmarshal(matter, &doc) != nil || len(doc.Content) != 1 {
		t.Fatalf("no front matter in:\n%s", text)
	}
	var keys []string
	for i, n := range doc.Content[0].Content {
		if i%2 == 0 {
			keys = append(keys, n.Value)
		}
	}
	slices.Sort(keys)
	return keys
}

// typeKeys returns the front-matter keys of a page type but type, which the folder gives, sorted.
func typeKeys(kind string) []string {
	k, _ := kinds.Named(kind)
	var keys []string
	for _, f := range k.Fields() {
		if f.Key != "type" {
			keys = append(keys, f.Key)
		}
	}
	slices.Sort(keys)
	return keys
}

// TestNames starts pages with titles of each sort into a site that has some pages already, and
// checks the name of each file: the title's pinyin, the date when the title has none, and a
// number after a name that a page has.
func TestNames(t *testing.T) {
	s := sitetest.New(t, site("simplified")+`
-- content/lectures/dangke/index.md --
---
title: 一个页面包
date: 2016-09-20
---
-- content/lecture-hall/aide-chuandi.md --
---
title: 不是页面包的讲堂
date: 2016-09-20
---
`)
	tests := []struct {
		kind, title string
		want        string
		dated       bool
	}{
		{"lecture", "紅色黨課", "content/lectures/hongse-dangke.md", false},
		{"lecture", "红色党课", "content/lectures/hongse-dangke-2.md", false},
		{"lecture", "党课", "content/lectures/dangke-2.md", false}, // dangke/ is a bundle's
		{"lecture", "党课", "content/lectures/dangke-3.md", false},
		{"lecture", "！！！", "content/lectures/2016-09-20.md", true},
		{"lecture", "……", "content/lectures/2016-09-20-2.md", true},
		{"lecture", "Index", "content/lectures/index-2.md", false}, // index.md would make the folder a bundle
		{"lecture-hall", "爱的传递", "content/lecture-hall/aide-chuandi-2/index.md", false},
		{"lecture-hall", "爱的传递", "content/lecture-hall/aide-chuandi-3/index.md", false},
		{"lecture-hall", "？", "content/lecture-hall/2016-09-20/index.md", true},
		{"report", "2016年度報告", "content/reports/2016-niandu-baogao.md", false},
	}
	for _, tt := range tests {
		page, err := newpage.Create(newpage.Config{Options: generator.Options{Source: s.Dir}, Kind: tt.kind, Title: tt.title, Date: today})
		if err != nil {
			t.Fatal(err)
		}
		if page.File != tt.want || page.Dated != tt.dated {
			t.Errorf("%s %q: wrote %s (dated %v), want %s (dated %v)", tt.kind, tt.title, page.File, page.Dated, tt.want, tt.dated)
		}
		s.AssertFile(tt.want, "title: "+tt.title)
	}
	s.AssertFile("content/lectures/dangke/index.md", "一个页面包")
	s.AssertFile("content/lecture-hall/aide-chuandi.md", "不是页面包的讲堂")
	s.Build()
}

// TestDates starts pages with a date given in each form the front matter reads, and checks
// that the page has it, and a report its year.
func TestDates(t *testing.T) {
	s := sitetest.New(t, site("simplified"))
	tests := []struct {
		kind, date string
		want       []string // what the page says
	}{
		{"report", "2017-12-31", []string{"date: 2017-12-31 ", "year: 2017 "}},
		{"report", "2016-01-01T00:30:00+08:00", []string{"date: 2016-01-01T00:30:00+08:00 ", "year: 2016 "}},
		{"lecture", "2017-06-28", []string{"date: 2017-06-28 "}},
		{"lecture", "2017-06-28T09:30:00Z", []string{"date: 2017-06-28T09:30:00Z "}},
	}
	for _, tt := range tests {
		date, err := yamlnode.ParseDate(tt.date)
		if err != nil {
			t.Fatal(err)
		}
		page, err := newpage.Create(newpage.Config{Options: generator.Options{Source: s.Dir}, Kind: tt.kind, Title: "党课", Date: date})
		if err != nil {
			t.Fatal(err)
		}
		s.AssertFile(page.File, tt.want...)
		text := s.Read(page.File)
		p, problems := frontmatter.Parse(page.File, []byte(text), tt.kind, false)
		if !p.Date.Equal(date) || len(problems) > 0 {
			t.Errorf("%s: date %v, problems %v; want %v", tt.date, p.Date, problems, date)
		}
	}
}

func TestProblems(t *testing.T) {
	s := sitetest.New(t, "-- site.yaml --\ntitle: \"\"\n")
	_, err := newpage.Create(newpage.Config{Options: generator.Options{Source: s.Dir}, Kind: "lecture", Title: "党课", Date: today})
	var problems diag.List
	if !errors.As(err, &problems) || !strings.Contains(problems.Text(msg.English), "site.yaml:1:8: error: title is required") {
		t.Errorf("a bad site.yaml: got %v", err)
	}
	_, err = newpage.Create(newpage.Config{Options: generator.Options{Source: t.TempDir()}, Kind: "lecture", Title: "党课", Date: today})
	if m, ok := errors.AsType[msg.Message](err); !ok || m.Key != msg.CannotReadSite || !errors.Is(err, fs.ErrNotExist) || msg.EnglishIn(err.Error()) != "" {
		t.Errorf("no site.yaml: got %v", err)
	}
	s = sitetest.New(t, site("simplified"))
	_, err = newpage.Create(newpage.Config{Options: generator.Options{Source: s.Dir}, Kind: "lectures", Title: "党课"})
	if m, ok := errors.AsType[msg.Message](err); !ok || m.Key != msg.NoSuchKind || m.Text(msg.English) != `unknown kind "lectures": want one of activity, lecture, project, lecture-hall, report` {
		t.Errorf("an unknown kind: got %v", err)
	}
	s.Write("layouts/new/lecture.md", "{{template \"head\" .}\n")
	_, err = newpage.Create(newpage.Config{Options: generator.Options{Source: s.Dir}, Kind: "lecture", Title: "党课"})
	if !errors.As(err, &problems) || problems[0].Key != msg.BrokenTemplate || problems[0].Pos.File != "layouts/new/lecture.md" || msg.EnglishIn(err.Error()) != "" {
		t.Errorf("a broken template: got %v", err)
	}
	s.AssertExists("! content/lectures")
}

// TestBody: a page started with a body (import's) has it below its front matter, and one
// with pictures is a page bundle whatever its kind, which holds the files of its folder.
func TestBody(t *testing.T) {
	s := sitetest.New(t, site("simplified"))
	page, err := newpage.Create(newpage.Config{Options: generator.Options{Source: s.Dir}, Kind: kinds.TypeActivity, Title: "主题党日",
		Date: today, Body: "正文。\n", Bundle: true})
	if err != nil {
		t.Fatal(err)
	}
	if page.File != "content/activities/zhuti-dangri/index.md" || !page.Bundle {
		t.Fatalf("wrote %+v", page)
	}
	if text := s.Read(page.File); !strings.HasSuffix(text, "\nexport: false               # true：导出给甘肃文明网\n---\n\n正文。\n") {
		t.Errorf("the page ends\n%s", text[max(0, len(text)-120):])
	}
	for name, want := range map[string]bool{page.File: true, "content/activities/zhuti-dangri/zhuti-dangri-1.png": true,
		"content/activities/zhuti-dangri-2/index.md": false, "content/activities/a.md": false} {
		if page.Holds(name) != want {
			t.Errorf("Holds(%s) = %v, want %v", name, !want, want)
		}
	}
	if name, dated := newpage.Name("！？", today); name != "2016-09-20" || !dated {
		t.Errorf("Name of a title with nothing to spell: %s %v", name, dated)
	}
}
