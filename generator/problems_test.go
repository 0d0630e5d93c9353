package generator_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/sitetest"
)

const problemSiteYAML = `-- site.yaml --
title: 测试
branches: [机关党支部, 检修部党支部]
lecture_forms: [党课, 警示教育大会]
project_categories: [攻坚]
metrics:
  - {key: members, label: 党员人数}
`

// TestContentProblems builds sites with one mistake each and checks the exact message and
// position the editor sees. A test's own site.yaml replaces problemSiteYAML.
func TestContentProblems(t *testing.T) {
	tests := []struct {
		name  string
		files string
		want  []string
	}{
		{"misspelt key", `
-- content/lectures/x.md --
---
title: 党课
date: 2016-09-20
speeker: 张三
---
`, []string{`content/lectures/x.md:4:1: unknown key "speeker"; did you mean "speaker"?`}},
		{"key of another type", `
-- content/activities/x.md --
---
title: 活动
date: 2016-09-20
form: 党课
---
`, []string{`content/activities/x.md:4:1: unknown key "form"`}},
		{"wrong types", `
-- content/lecture-hall/x.md --
---
title: 讲堂
date: 2016-09-20
attendance: 很多
segments: 唱一首歌
draft: 否
tags: {a: b}
---
`, []string{
			`content/lecture-hall/x.md:4:13: attendance: want a whole number, got "很多"`,
			`content/lecture-hall/x.md:5:11: segments: want a list, got "唱一首歌"`,
			`content/lecture-hall/x.md:6:8: draft: want true or false, got "否"`,
			`content/lecture-hall/x.md:7:7: tags: want a list, got a map of keys`,
		}},
		{"impossible and malformed dates", `
-- content/activities/x.md --
---
title: 活动
date: 2016-13-01
start: 昨天
---
`, []string{
			`content/activities/x.md:3:7: date: impossible date "2016-13-01": month out of range`,
			`content/activities/x.md:4:8: start: want a date like 2016-09-20 or 2016-09-20T09:30:00+08:00, got "昨天"`,
		}},
		{"missing title and date", `
-- content/activities/x.md --
---
summary: 无题
---
`, []string{`content/activities/x.md:1:1: title is required`, `content/activities/x.md:1:1: date is required`}},
		{"empty title", `
-- content/activities/x.md --
---
title: ""
date: 2016-01-01
---
`, []string{`content/activities/x.md:2:1: title is required`}},
		{"malformed YAML", `
-- content/activities/x.md --
---
title: [没有闭合
date: 2016-01-01
---
`, []string{`content/activities/x.md:1: invalid YAML: did not find expected ',' or ']'`}},
		{"no front matter", `
-- content/activities/x.md --
正文而已
`, []string{`content/activities/x.md:1:1: no front matter`}},
		{"front matter not closed", `
-- content/activities/x.md --
---
title: 活动
`, []string{`content/activities/x.md:1:1: front matter not closed`}},
		{"unknown type", `
-- content/activities/x.md --
---
title: 活动
date: 2016-01-01
type: lectures
---
`, []string{`content/activities/x.md:4:7: type: want one of activity, lecture, project, lecture-hall, report, page, got "lectures"`}},
		{"values not in site.yaml", `
-- content/lectures/x.md --
---
title: 党课
date: 2016-01-01
form: 党可
branch: 不存在的支部
---
-- content/projects/y.md --
---
title: 项目
date: 2016-01-01
category: 创新
status: finished
---
`, []string{
			`content/lectures/x.md:4:1: form: "党可" is not one of 党课, 警示教育大会; did you mean "党课"?`,
			`content/lectures/x.md:5:1: branch: "不存在的支部" is not one of 机关党支部, 检修部党支部`,
			`content/projects/y.md:4:1: category: "创新" is not one of 攻坚`,
			`content/projects/y.md:5:1: status: "finished" is not one of planned, active, done`,
		}},
		{"report metric not declared", `
-- content/reports/2016.md --
---
title: 报告
date: 2016-12-31
year: 2016
metrics: {member: 3}
---
`, []string{`content/reports/2016.md:5:1: metrics: "member" is not a metric of site.yaml; did you mean "members"?`}},
		{"slug escaping the folder", `
-- content/activities/x.md --
---
title: 活动
date: 2016-01-01
slug: ../../etc
---
`, []string{`content/activities/x.md:4:1: slug "../../etc": may not contain / \ ? # % : * " < > |`}},
		{"slug with .html", `
-- content/activities/x.md --
---
title: 活动
date: 2016-01-01
slug: index.html
---
`, []string{`content/activities/x.md:4:1: slug "index.html": a page's address is a folder, which dangjian writes the page into as index.html; leave out the extension: slug: index`}},
		{"slug naming a published file", `
-- content/about.md --
---
title: 关于
date: 2016-01-01
slug: robots.txt
---
-- static/activities/logo.png --
png
-- content/activities/logo.png.md --
---
title: 标志
date: 2016-01-01
---
`, []string{
			`content/about.md:4:1: URL /robots.txt/ would be a folder, where the file robots.txt is published: give the page another slug`,
			`content/activities/logo.png.md:1:1: URL /activities/logo.png/ would be a folder, where the file activities/logo.png is published (by static/activities/logo.png): give the page another slug`,
		}},
		{"duplicate URL", `
-- content/activities/a.md --
---
title: 甲
date: 2016-01-01
slug: same
---
-- content/activities/b.md --
---
title: 乙
date: 2016-01-01
slug: same
---
`, []string{`content/activities/b.md:1:1: URL /activities/same/ is claimed twice: also by content/activities/a.md`}},
		{"URLs differing only in case", `
-- content/activities/Plan.md --
---
title: 甲
date: 2016-01-01
---
-- content/activities/plan.md --
---
title: 乙
date: 2016-01-01
---
`, []string{`content/activities/plan.md:1:1: URL /activities/plan/ (as /activities/Plan/, differing only in case) is claimed twice: also by content/activities/Plan.md`}},
		{"links and images that point nowhere", `
-- content/activities/x.md --
---
title: 活动
date: 2016-01-01
cover: /images/none.png
---
第一段[不存在](/lectures/none/)。

[源文件](../lectures/none.md) ![图](missing.png)
`, []string{
			`content/activities/x.md:4:1: cover: link "/images/none.png" points nowhere: no page or file has the URL /images/none.png`,
			`content/activities/x.md:6:4: link "/lectures/none/" points nowhere: no page or file has the URL /lectures/none/`,
			`content/activities/x.md:8:1: link "../lectures/none.md" points nowhere: content/lectures/none.md is not a published page`,
			`content/activities/x.md:8:28: link "missing.png" points nowhere: no page or file has the URL /activities/missing.png`,
		}},
		{"invalid UTF-8", "\n-- content/activities/x.md --\n---\ntitle: \xe6\xb4\n---\n",
			[]string{`content/activities/x.md:2:8: invalid UTF-8: save the file as UTF-8`}},
		{"NUL in front matter", "\n-- content/activities/x.md --\n---\ntitle: 活\x00动\ndate: 2016-01-01\n---\n",
			[]string{`content/activities/x.md:2:9: a NUL byte (U+0000), often left by a broken copy from another program: delete it`}},
		{"NUL in the body", "\n-- content/activities/_index.md --\n---\ntitle: 活动\n---\n第一段。\n\n第二\x00段\x00。\x00\n",
			[]string{`content/activities/_index.md:6:3: a NUL byte (U+0000), often left by a broken copy from another program: delete it (the file holds 2 more)`}},
		{"NUL in site.yaml", "\n-- site.yaml --\ntitle: 测试\nbranches: [机关党支部, \x00检修部党支部]\n",
			[]string{`site.yaml:2:19: a NUL byte (U+0000)`}},
		{"invalid UTF-8 in site.yaml", "\n-- site.yaml --\ntitle: 测试\r\nbranches: [机关, \xe6\xb4]\r\n",
			[]string{`site.yaml:2:16: invalid UTF-8: save the file as UTF-8`}},
		{"alias bomb in site.yaml", "\n-- site.yaml --\ntitle: 测试\n" + aliasBomb("branches"),
			[]string{`site.yaml:7:50: too many aliases: *a4 expands too far, to more than 1048576 values with those before it`}},
		{"alias bomb in a page", "\n-- content/activities/x.md --\n---\ntitle: 活动\ndate: 2016-01-01\n" + aliasBomb("tags") + "---\n",
			[]string{`content/activities/x.md:9:50: too many aliases: *a4 expands too far`}},
		{"empty value of an aliased list", "\n-- site.yaml --\ntitle: 测试\nlist: &list [甲, \"\"]\nbranches: *list\n",
			[]string{`site.yaml:2:17: branches: empty value`}},
		{"list nested 10,000 deep", "\n-- content/activities/x.md --\n---\ntitle: 活动\ndate: 2016-01-01\n---\n第一段。\n\n  " + strings.Repeat("- ", 10_000) + "深\n",
			[]string{`content/activities/x.md:7:3: lists, quotes or emphasis nested more than 100 deep, from here`}},
		{"quotes nested deep", "\n-- content/activities/x.md --\n---\ntitle: 活动\ndate: 2016-01-01\n---\n" + strings.Repeat("> ", 300) + "深\n",
			[]string{`content/activities/x.md:5:1: lists, quotes or emphasis nested more than 100 deep`}},
		{"huge file", "\n-- content/activities/x.md --\n---\ntitle: 大\ndate: 2016-01-01\n---\n" + strings.Repeat("很长的正文。\n", 500_000),
			[]string{`content/activities/x.md:1:1: file is `, ` bytes; a page may have at most 8388608`}},
		{"site.yaml", `
-- site.yaml --
title: ""
script: 繁体
page_size: -1
metrics:
  - {key: a, label: 甲, count: {type: lectures}}
  - {key: a, label: 乙, sum: {type: lecture, field: speaker}}
charts:
  - {key: c, title: 图, type: donut, metrics: [b]}
`, []string{
			`site.yaml:1:8: title is required`,
			`site.yaml:2:9: script: want simplified or traditional, got "繁体"`,
			`site.yaml:3:12: page_size: want a positive number, got -1`,
			`site.yaml:5:31: count: type: want one of activity, lecture, project, lecture-hall, report, got "lectures"`,
			`site.yaml:6:11: metric "a" declared twice`,
			`site.yaml:6:29: sum: field: pages of type lecture have the numbers attendance, got "speaker"`,
			`site.yaml:8:30: chart "c": type: want bar, line or pie, got "donut"`,
			`site.yaml:8:47: chart "c": unknown metric "b"`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sitetest.New(t, problemSiteYAML+tt.files)
			problems := s.BuildFails()
			sitetest.AssertProblems(t, problems, tt.want...)
			s.AssertExists("! public")
		})
	}
}

// aliasBomb is YAML whose key aliases a list of 10 aliases of lists of 10 aliases … eight
// deep: a hundred million values from ten lines (the "billion laughs").
func aliasBomb(key string) string {
	var b strings.Builder
	b.WriteString("x: &a0 [甲, 甲, 甲, 甲, 甲, 甲, 甲, 甲, 甲, 甲]\n")
	for i := 1; i < 9; i++ {
		fmt.Fprintf(&b, "x%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 10), ", "))
	}
	return b.String() + key + ": *a8\n"
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
			sitetest.AssertProblems(t, s.BuildFails(), tt.want)
			s.AssertExists("! public")
		})
	}
}

// TestAllProblemsAtOnce checks that one build reports the problems of every file, sorted.
func TestAllProblemsAtOnce(t *testing.T) {
	s := sitetest.New(t, problemSiteYAML+`
-- content/lectures/b.md --
---
title: 乙
date: 2016-02-30
---
-- content/lectures/a.md --
---
titel: 甲
date: 2016-01-01
---
[断链](/nowhere/)
-- content/activities/ok.md --
---
title: 好
date: 2016-01-01
---
`)
	problems := s.BuildFails()
	var printed []string
	for _, p := range problems {
		printed = append(printed, p.String())
	}
	want := []string{
		`content/lectures/a.md:1:1: title is required`,
		`content/lectures/a.md:2:1: unknown key "titel"; did you mean "title"?`,
		`content/lectures/a.md:5:1: link "/nowhere/" points nowhere: no page or file has the URL /nowhere/`,
		`content/lectures/b.md:3:7: date: impossible date "2016-02-30": day out of range`,
	}
	if strings.Join(printed, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(printed, "\n"), strings.Join(want, "\n"))
	}
	if !problems.HasErrors() || problems[0].Severity != diag.Error {
		t.Errorf("want errors")
	}
}
