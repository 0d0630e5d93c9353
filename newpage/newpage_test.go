package newpage_test

import (
	"context"
	"errors"
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
	"github.com/dangjian/dangjian/internal/sitetest"
	"github.com/dangjian/dangjian/newpage"
	"gopkg.in/yaml.v3"
)

var today = time.Date(2016, 9, 20, 9, 30, 0, 0, time.UTC)

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
// page builds, checks clean, and carries every key of its type.
func TestNewPageBuilds(t *testing.T) {
	for _, script := range []string{"simplified", "traditional"} {
		t.Run(script, func(t *testing.T) {
			s := sitetest.New(t, site(script))
			var all strings.Builder
			for _, kind := range newpage.Kinds() {
				title := hygiene.Convert("「两学一做」学习 #1", script) // a title YAML must quote
				file, err := newpage.Create(newpage.Config{Options: generator.Options{Source: s.Dir}, Kind: kind, Title: title, Today: today})
				if err != nil {
					t.Fatal(err)
				}
				section := strings.Split(file, "/")[1]
				if want := "content/" + section + "/2016-09-20.md"; file != want {
					t.Errorf("%s: wrote %s, want %s", kind, file, want)
				}
				text := s.Read(file)
				all.WriteString("-- " + file + " --\n" + text)
				if keys, want := frontKeys(t, text), typeKeys(kind); !slices.Equal(keys, want) {
					t.Errorf("%s: the template's keys\n%v\nwant every key of the type but type:\n%v", kind, keys, want)
				}
				p, _ := frontmatter.Parse(file, []byte(text), kind, false)
				if p.Title != title || p.DateString() != "2016-09-20" || p.Draft {
					t.Errorf("%s: title %q, date %s, draft %v", kind, p.Title, p.DateString(), p.Draft)
				}
			}
			sitetest.Golden(t, "testdata/"+script+".golden", all.String())
			s.Build()
			rep, err := check.Run(context.Background(), check.Config{Options: generator.Options{Source: s.Dir}, Today: today})
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Problems) > 0 {
				t.Errorf("the new pages do not check clean:\n%s", rep.Problems)
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

func TestNeverOverwrites(t *testing.T) {
	s := sitetest.New(t, site("simplified")+`
-- content/lectures/2016-09-20-2/index.md --
---
title: 一个页面包
date: 2016-09-20
---
`)
	var files []string
	for range 3 {
		file, err := newpage.Create(newpage.Config{Options: generator.Options{Source: s.Dir}, Kind: "lecture", Title: "党课", Today: today})
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
	}
	want := []string{"content/lectures/2016-09-20.md", "content/lectures/2016-09-20-3.md", "content/lectures/2016-09-20-4.md"}
	if !slices.Equal(files, want) {
		t.Errorf("wrote %v, want %v", files, want)
	}
	s.AssertFile("content/lectures/2016-09-20-2/index.md", "一个页面包")
	s.Build()
}

func TestProblems(t *testing.T) {
	s := sitetest.New(t, "-- site.yaml --\ntitle: \"\"\n")
	_, err := newpage.Create(newpage.Config{Options: generator.Options{Source: s.Dir}, Kind: "lecture", Title: "党课", Today: today})
	var problems diag.List
	if !errors.As(err, &problems) || !strings.Contains(problems.Error(), "site.yaml:1:8: title is required") {
		t.Errorf("a bad site.yaml: got %v", err)
	}
	s = sitetest.New(t, site("simplified"))
	if _, err := newpage.Create(newpage.Config{Options: generator.Options{Source: s.Dir}, Kind: "lectures", Title: "党课"}); err == nil || !strings.Contains(err.Error(), `unknown kind "lectures"`) {
		t.Errorf("an unknown kind: got %v", err)
	}
	s.Write("layouts/new/lecture.md", "{{template \"head\" .}\n")
	if _, err := newpage.Create(newpage.Config{Options: generator.Options{Source: s.Dir}, Kind: "lecture", Title: "党课"}); err == nil || !strings.Contains(err.Error(), "layouts/new/lecture.md") {
		t.Errorf("a broken template: got %v", err)
	}
	s.AssertExists("! content/lectures")
}
