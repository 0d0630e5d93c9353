package generator_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/golden"
	"github.com/dangjian/dangjian/internal/sitetest"
	"golang.org/x/tools/txtar"
)

const problemSiteYAML = `-- site.yaml --
title: 测试
branches: [机关党支部, 检修部党支部]
lecture_forms: [党课, 警示教育大会]
project_categories: [攻坚]
metrics:
  - {key: members, label: 党员人数}
`

// TestContentProblems builds the sites of testdata/problems, each with its mistakes, and checks
// every message, with its position, that the editor sees, and that nothing was written.
func TestContentProblems(t *testing.T) {
	golden.Cases(t, "testdata/problems", func(t *testing.T, site []txtar.File) []txtar.File {
		return []txtar.File{{Name: "want", Data: []byte(problems(t, sitetest.NewFiles(t, site)).Error() + "\n")}}
	})
}

// problems builds the site and returns its problems. A site with errors fails, and nothing
// may have been written; one with only warnings is built, and they are its problems.
func problems(t *testing.T, s *sitetest.Site) diag.List {
	t.Helper()
	rep, err := generator.Build(context.Background(), s.Config())
	var found diag.List
	switch {
	case err == nil && len(rep.Warnings) == 0:
		t.Fatal("the site was built without a problem")
	case err == nil:
		return rep.Warnings
	case !errors.As(err, &found):
		t.Fatalf("build: want problems in the content, got %v", err)
	}
	s.AssertExists("! public")
	return found
}

// TestContentProblemsInCode are the cases of TestContentProblems that a txtar file would not
// keep, or not show: bytes that are not text (a NUL, bytes that are not UTF-8), and sizes
// that only code writes readably. A test's own site.yaml replaces problemSiteYAML.
func TestContentProblemsInCode(t *testing.T) {
	tests := []struct{ name, files, want string }{
		{"invalid UTF-8", "\n-- content/activities/x.md --\n---\ntitle: \xe6\xb4\n---\n",
			`content/activities/x.md:2:8: invalid UTF-8: save the file as UTF-8`},
		{"NUL in front matter", "\n-- content/activities/x.md --\n---\ntitle: 活\x00动\ndate: 2016-01-01\n---\n",
			`content/activities/x.md:2:9: a NUL byte (U+0000), often left by a broken copy from another program: delete it`},
		{"NUL in the body", "\n-- content/activities/_index.md --\n---\ntitle: 活动\n---\n第一段。\n\n第二\x00段\x00。\x00\n",
			`content/activities/_index.md:6:3: a NUL byte (U+0000), often left by a broken copy from another program: delete it (the file holds 2 more)`},
		{"NUL in a page others link to", "\n-- content/lectures/x.md --\n---\ntitle: 讲\x00\ndate: 2016-01-01\nform: 党课\n---\n" +
			"-- content/activities/a.md --\n---\ntitle: 甲\ndate: 2016-01-01\n---\n[讲](/lectures/x/)、[讲](../lectures/x.md)\n",
			`content/lectures/x.md:2:9: a NUL byte (U+0000), often left by a broken copy from another program: delete it`},
		{"NUL in site.yaml", "\n-- site.yaml --\ntitle: 测试\nbranches: [机关党支部, \x00检修部党支部]\n",
			`site.yaml:2:19: a NUL byte (U+0000), often left by a broken copy from another program: delete it`},
		{"invalid UTF-8 in site.yaml", "\n-- site.yaml --\ntitle: 测试\r\nbranches: [机关, \xe6\xb4]\r\n",
			`site.yaml:2:16: invalid UTF-8: save the file as UTF-8`},
		{"list nested 10,000 deep", "\n-- content/activities/x.md --\n---\ntitle: 活动\ndate: 2016-01-01\n---\n第一段。\n\n  " + strings.Repeat("- ", 10_000) + "深\n",
			`content/activities/x.md:7:3: lists, quotes or emphasis nested more than 100 deep, from here: a browser stops nesting at a few hundred and the export cannot read the page; take levels out`},
		{"quotes nested deep", "\n-- content/activities/x.md --\n---\ntitle: 活动\ndate: 2016-01-01\n---\n" + strings.Repeat("> ", 300) + "深\n",
			`content/activities/x.md:5:1: lists, quotes or emphasis nested more than 100 deep, from here: a browser stops nesting at a few hundred and the export cannot read the page; take levels out`},
		{"huge file", "\n-- content/activities/x.md --\n---\ntitle: 大\ndate: 2016-01-01\n---\n" + strings.Repeat("很长的正文。\n", 500_000),
			`content/activities/x.md:1:1: file is 9500036 bytes; a page may have at most 8388608`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			golden.Equal(t, "problems", tt.want, sitetest.English(problems(t, sitetest.New(t, problemSiteYAML+tt.files))))
		})
	}
}

// TestControlCharactersInFileNames: a file or folder of content/ or static/ whose name holds a
// control character, or is not UTF-8, is reported with its name written visibly, before
// anything is written.
func TestControlCharactersInFileNames(t *testing.T) {
	tests := []struct{ file, want string }{
		{"content/lecture-hall/x/a\nb.jpg", `content/lecture-hall/x/a\nb.jpg: this file's name holds the invisible control character U+000A (a line break): rename the file without it`},
		{"static/tab\there.txt", `static/tab\there.txt: this file's name holds the invisible control character U+0009 (a tab): rename the file without it`},
		{"static/del\x7f.txt", `static/del\x7f.txt: this file's name holds the invisible control character U+007F: rename the file without it`},
		{"content/lecture-hall/x/c1\u0085/a.jpg", `content/lecture-hall/x/c1\u0085: this folder's name holds the invisible control character U+0085: rename the folder without it`},
		{"static/latin\xe9.txt", `static/latin\xe9.txt: this file's name is not UTF-8 text (it has the byte 0xe9): rename the file`},
	}
	for _, tt := range tests {
		t.Run(tt.want[:strings.Index(tt.want, ":")], func(t *testing.T) {
			s := sitetest.New(t, problemSiteYAML+`
-- content/lecture-hall/x/index.md --
---
title: 讲堂
date: 2016-01-01
---
`)
			s.Write(tt.file, "x")
			golden.Equal(t, "problems", tt.want, sitetest.English(problems(t, s)))
		})
	}
}
