package check_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dangjian/dangjian/check"
	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/golden"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/sitetest"
	"golang.org/x/tools/txtar"
)

// today is the day the tests check on.
var today = time.Date(2016, 10, 1, 12, 0, 0, 0, time.UTC)

const siteYAML = `-- site.yaml --
title: 测试
branches: [机关党支部, 检修部党支部]
lecture_forms: [党课, 警示教育大会]
project_categories: [攻坚]
metrics:
  - {key: party_lectures, label: 党课, unit: 次, count: {type: lecture, form: 党课}}
  - {key: hall_attendance, label: 道德讲堂参加人次, sum: {type: lecture-hall, field: attendance}}
  - {key: members, label: 党员人数}
`

// run checks the site and returns its report, and its text in Chinese.
func run(t *testing.T, dir string, fix bool) (*check.Report, string) {
	t.Helper()
	rep, err := check.Run(context.Background(), check.Config{Options: generator.Options{Source: dir}, Fix: fix, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	return rep, text(t, rep, msg.Chinese)
}

// runEnglish checks the site and returns its report, and its text in English, which tests
// match lines of.
func runEnglish(t *testing.T, dir string, fix bool) (*check.Report, string) {
	t.Helper()
	rep, _ := run(t, dir, fix)
	return rep, text(t, rep, msg.English)
}

// text is the report as WriteText writes it in p's language.
func text(t *testing.T, rep *check.Report, p *msg.Printer) string {
	t.Helper()
	var out bytes.Buffer
	if err := rep.WriteText(&out, p); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// TestProblems checks the sites of testdata/problems, each with one kind of problem, on
// today: every line an editor reads, the summary last, and that nothing was written.
func TestProblems(t *testing.T) {
	golden.Cases(t, "testdata/problems", func(t *testing.T, site []txtar.File) []txtar.File {
		return []txtar.File{{Name: "want", Data: []byte(problems(t, sitetest.NewFiles(t, site)))}}
	})
}

// problems checks the site and returns its report; nothing may have been written.
func problems(t *testing.T, s *sitetest.Site) string {
	t.Helper()
	_, out := run(t, s.Dir, false)
	s.AssertExists("! public")
	return out
}

// TestJSON: the report for tools, its severities in English, its messages and changes in
// the printer's language.
func TestJSON(t *testing.T) {
	s := sitetest.New(t, siteYAML+"\n-- content/activities/x.md --\n---\ntitle: 甲\ndate: 2017-01-01\n---\n甲\u200B乙\n")
	rep, err := check.Run(context.Background(), check.Config{Options: generator.Options{Source: s.Dir}, Fix: true, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	const want = `{
  "files": 2,
  "errors": 0,
  "warnings": 1,
  "problems": [
    {
      "file": "content/activities/x.md",
      "line": 3,
      "col": 1,
      "severity": "warning",
      "message": %q
    }
  ],
  "fixed": [
    {
      "file": "content/activities/x.md",
      "line": 5,
      "col": 2,
      "change": %q
    }
  ],
  "drafts": []
}
`
	for _, tt := range []struct {
		p               *msg.Printer
		message, change string
	}{
		{msg.Chinese, "日期 2017-01-01 还没到（今天是 2016-10-01），这篇网页却已发布：想到那天再发布，请写 draft: true", "删除了看不见的字符 U+200B（零宽空格）"},
		{msg.English, "date 2017-01-01 is in the future (today is 2016-10-01), yet the page is published; set draft: true to hold it back", "deleted the invisible U+200B (zero-width space)"},
	} {
		var out bytes.Buffer
		if err := rep.WriteJSON(&out, tt.p); err != nil {
			t.Fatal(err)
		}
		golden.Equal(t, "JSON", fmt.Sprintf(want, tt.message, tt.change), out.String())
	}
}

// TestRealContentChecksClean checks the repository's own site, today.
func TestRealContentChecksClean(t *testing.T) {
	rep, err := check.Run(context.Background(), check.Config{Options: generator.Options{Source: ".."}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) > 0 || rep.Files < 20 {
		t.Errorf("the real site does not check clean, %d files:\n%s", rep.Files, rep.Problems)
	}
}

// pastedSite is a copy of the real site's settings with the source document pasted into a
// page, as an editor would paste it: the title line of the front matter carries garbage too.
func pastedSite(t *testing.T, crlf bool) (*sitetest.Site, string) {
	t.Helper()
	doc, err := os.ReadFile("testdata/2016-jingyuan-liangxue-yizuo.txt")
	if err != nil {
		t.Fatal(err)
	}
	page := "---\ntitle: 2016年「兩學一做」經(jīng)驗\ndate: 2016-09-20\n---\n" + string(doc) + "\n"
	if crlf {
		page = "\uFEFF" + strings.ReplaceAll(page, "\n", "\r\n")
	}
	s := sitetest.New(t, "-- site.yaml --\ntitle: 國電靖遠發電有限公司黨建工作\nscript: traditional\n")
	s.Write("content/activities/pasted.md", page)
	return s, page
}

// realSite is a copy of the repository's own site, content/ and site.yaml, for a test to add
// a page to: its pages are the site's own text, which check learns its characters from.
func realSite(t *testing.T) *sitetest.Site {
	t.Helper()
	yaml, err := os.ReadFile("../site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := sitetest.New(t, "-- site.yaml --\n"+string(yaml))
	if err := os.CopyFS(filepath.Join(s.Dir, "content"), os.DirFS("../content")); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestPastedIntoTheRealSite pastes text into the real site, whose pages write 為, 眾, 群, 臺,
// 裏, 著, 個, 並, 發布 and 考核 (OpenCC writes 爲, 衆, 羣, 臺, 裏, 着, 個, 並, 發佈, 考覈), and
// checks that --fix writes it in the site's characters exactly, and changes no other file.
func TestPastedIntoTheRealSite(t *testing.T) {
	simplified, err := os.ReadFile("../internal/hygiene/testdata/pasted-simplified.md")
	if err != nil {
		t.Fatal(err)
	}
	// The source document, as --fix leaves it in a site of that page alone.
	alone, sourcePage := pastedSite(t, false)
	run(t, alone.Dir, true)
	tests := []struct {
		name, page, want string
	}{
		{"a simplified paragraph", string(simplified), "---\ntitle: 公司黨委召開專題會議\ndate: 2016-06-01\n---\n" +
			"為深入貫徹落實上級黨委部署，公司黨委組織全體黨員幹部開展專題學習，築牢思想防線。會後，大家圍繞著群眾關心的問題，在這裏集中討論，" +
			"並結合崗位實際制定了12個整改措施，通過網絡平臺發布，納入年終考核，為推動各項工作落到實處提供了有力保障。\n"},
		// The site's pages write 並, never 併: the 并 of 并組 that the page alone leaves
		// unsettled (TestPastedSource) is 並 here. And they write 聯繫 and 紮實, which
		// OpenCC's phrases write so too: 系 and 扎, usual themselves, are slips beside them.
		{"the source document", sourcePage, strings.NewReplacer("并組", "並組", "聯系", "聯繫", "扎實", "紮實").Replace(alone.Read("content/activities/pasted.md"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := realSite(t)
			before := sitetest.Tree(t, s.Dir)
			s.Write("content/activities/pasted.md", tt.page)
			rep, out := run(t, s.Dir, true)
			// What is left are the warnings of the real site's pages dated after the day the
			// tests check on.
			if len(rep.Fixed) == 0 || slices.ContainsFunc(rep.Problems, func(p diag.Problem) bool {
				return p.Severity == diag.Error || p.Pos.File == "content/activities/pasted.md"
			}) {
				t.Errorf("check --fix:\n%s", out)
			}
			golden.Equal(t, "the pasted page after --fix", tt.want, s.Read("content/activities/pasted.md"))
			after := sitetest.Tree(t, s.Dir)
			for name, sum := range before {
				if after[name] != sum {
					t.Errorf("--fix changed %s", name)
				}
			}
		})
	}
}

// garbage matches the conversion garbage, independently of the checker: a Han character, then
// a tone-marked syllable in brackets.
var garbage = regexp.MustCompile(`\p{Han}(\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\))`)

// TestPastedSource checks the source document pasted into a page: each garbled character is
// reported at its exact position, and --fix repairs it all, changes nothing else, and leaves
// the page clean.
func TestPastedSource(t *testing.T) {
	for _, crlf := range []bool{false, true} {
		name := "LF"
		if crlf {
			name = "CRLF with a byte-order mark"
		}
		t.Run(name, func(t *testing.T) {
			s, page := pastedSite(t, crlf)
			rep, chinese := run(t, s.Dir, false)
			if !crlf {
				sitetest.Golden(t, "testdata/pasted.golden", chinese)
			}
			out := text(t, rep, msg.English)

			// Every garbled character, at its line and column, counted in characters.
			var want []string
			for i, line := range strings.Split(strings.TrimPrefix(page, "\uFEFF"), "\n") {
				for _, m := range garbage.FindAllStringSubmatchIndex(line, -1) {
					col := len([]rune(line[:m[2]])) + 1
					want = append(want, "content/activities/pasted.md:"+strconv.Itoa(i+1)+":"+strconv.Itoa(col)+": error: conversion garbage: pinyin "+line[m[2]:m[3]])
				}
			}
			if len(want) != 135 {
				t.Fatalf("the document holds %d pieces of garbage, want 135 (134 in the text, 1 in the title)", len(want))
			}
			var got []string
			for _, l := range strings.Split(out, "\n") {
				if strings.Contains(l, "conversion garbage") {
					got = append(got, l[:strings.Index(l, " after ")])
				}
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("garbage reported:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}

			// Every "?" where a conversion lost a character, at its line and column.
			lost := 0
			for i, line := range strings.Split(strings.TrimPrefix(page, "\uFEFF"), "\n") {
				for col, r := range []rune(line) {
					if r == '?' {
						lost++
						if at := "content/activities/pasted.md:" + strconv.Itoa(i+1) + ":" + strconv.Itoa(col+1) + `: error: "?`; !strings.Contains(out, at) {
							t.Errorf("no error at %s", at)
						}
					}
				}
			}
			if lost != 3 {
				t.Errorf("the document loses %d characters, want 3", lost)
			}

			before := sitetest.Tree(t, s.Dir)
			_, fixedOut := run(t, s.Dir, true)
			if msg.EnglishIn(fixedOut) != "" {
				t.Errorf("English in the Chinese report: %q", msg.EnglishIn(fixedOut))
			}
			if !crlf {
				sitetest.Golden(t, "testdata/pasted-fixed.golden", fixedOut)
			}
			after := sitetest.Tree(t, s.Dir)
			for name, sum := range before {
				if name != "content/activities/pasted.md" && after[name] != sum {
					t.Errorf("--fix changed %s", name)
				}
			}
			assertOnlyRepaired(t, page, s.Read("content/activities/pasted.md"))

			// Nothing is left but the 并 that nothing settles, and a second --fix finds
			// nothing more to do.
			rep, left := runEnglish(t, s.Dir, true)
			if len(rep.Fixed) != 0 || len(rep.Problems) != 1 || !strings.Contains(left, "pasted.md:13:52: error: simplified character 并 in a site written in traditional ones (site.yaml script): it is 並 or 併 by the word") {
				t.Errorf("after --fix:\n%s", left)
			}
		})
	}
}

// repairs are the document's other slips and their repairs, as a reader of the original
// works them out: three runs of text that a GBK conversion read one byte out of step, where
// the character lost at "?" is 保 (確保 is written twice more), 專 (whose GBK bytes, read one
// byte early, are 驅, the character the pinyin "(qū)" was written after) and 。 (推廣。 ends
// a sentence elsewhere); a 并 that is the conjunction 並 (并在, which OpenCC's phrases know);
// and characters both scripts write where OpenCC's phrases say the word is simplified (干部,
// 關于, 骨干, 模范, 奮斗) or no phrase keeps one that is mostly simplified (后機務). The
// other 并 (并組) is left: nothing tells 並 from 併 there, in a site of this page alone.
var repairs = strings.NewReplacer("確?!皟蓪W", "確保“兩學", "或?qū)9榻M", "或專歸組", "推廣?!皧^斗", "推廣。“奮鬥", "并在", "並在",
	"干部", "幹部", "關于", "關於", "骨干", "骨幹", "模范", "模範", "后機", "後機")

// fullWidth maps each half-width mark --fix may replace to its full-width form.
var fullWidth = map[rune]rune{',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）'}

// assertOnlyRepaired checks that fixed is page with the garbage deleted, the repairs made and
// some half-width marks made full-width, and nothing else changed: not a line end, not a
// byte-order mark.
func assertOnlyRepaired(t *testing.T, page, fixed string) {
	t.Helper()
	want := []rune(repairs.Replace(garbage.ReplaceAllStringFunc(page, func(m string) string { return m[:len(m)-len(garbage.FindStringSubmatch(m)[1])] })))
	got := []rune(fixed)
	if len(got) != len(want) {
		t.Fatalf("--fix changed the length beyond the garbage: %d characters, want %d", len(got), len(want))
	}
	marks := 0
	for i := range want {
		if got[i] != want[i] {
			if fullWidth[want[i]] != got[i] {
				t.Fatalf("--fix changed character %d from %q to %q", i, want[i], got[i])
			}
			marks++
		}
	}
	if marks < 100 {
		t.Errorf("--fix made %d marks full-width, want the document's 112", marks)
	}
}

// TestStaleFixTemps: the temporary files that a check --fix killed before its rename left
// beside site.yaml and a page are removed by the next check, and by the next build, without a
// word; a file of the same look that dangjian did not name is left alone.
func TestStaleFixTemps(t *testing.T) {
	leftovers := []string{"content/activities/.a.md.dangjian-fix-2815027.tmp", ".site.yaml.dangjian-fix-9.tmp"}
	const theirs = "content/activities/.a.md.2815027.tmp"
	for _, next := range []string{"check", "build"} {
		t.Run(next, func(t *testing.T) {
			s := sitetest.New(t, siteYAML+"-- content/activities/a.md --\n---\ntitle: 甲\ndate: 2016-01-01\n---\n正文。\n")
			for _, name := range append([]string{theirs}, leftovers...) {
				s.Write(name, "---\ntitle: 半")
				old := time.Now().Add(-time.Hour)
				if err := os.Chtimes(filepath.Join(s.Dir, filepath.FromSlash(name)), old, old); err != nil {
					t.Fatal(err)
				}
			}
			if next == "check" {
				if rep, out := run(t, s.Dir, false); len(rep.Problems) > 0 || out != "检查了 2 个文件：没有问题\n" {
					t.Errorf("check says:\n%s", out)
				}
			} else {
				s.Build()
			}
			for _, name := range leftovers {
				s.AssertExists("! " + name)
			}
			s.AssertExists(theirs)
		})
	}
}

// TestFixLeavesCode: --fix repairs the text and leaves code blocks and spans as written, byte
// for byte; what it found there is still told.
func TestFixLeavesCode(t *testing.T) {
	const code = "```\n根据(jù)\u200B\n```\n\n~~~\n发(fā)电\n~~~\n\n    缩进(jìn)\n\n见`根据(jù)`。\n"
	s := sitetest.New(t, siteYAML)
	s.Write("content/activities/a.md", "---\ntitle: 甲\ndate: 2016-01-01\n---\n根据(jù)集团\n\n"+code)
	rep, out := runEnglish(t, s.Dir, true)
	if got := s.Read("content/activities/a.md"); got != "---\ntitle: 甲\ndate: 2016-01-01\n---\n根据集团\n\n"+code {
		t.Errorf("after --fix:\n%s", got)
	}
	if len(rep.Fixed) != 1 || !strings.Contains(out, "content/activities/a.md:5:3: fixed: deleted (jù) after 据") {
		t.Errorf("fixed %v:\n%s", rep.Fixed, out)
	}
	sitetest.AssertHolds(t, "check --fix", out,
		"content/activities/a.md:8:3: error: conversion garbage: pinyin (jù) after 据; delete it (by hand: --fix leaves code as written)",
		"content/activities/a.md:8:7: error: invisible character U+200B",
		"content/activities/a.md:12:2: error: conversion garbage: pinyin (fā)",
		"content/activities/a.md:15:7: error: conversion garbage: pinyin (jìn)",
		"content/activities/a.md:17:5: error: conversion garbage: pinyin (jù)",
		"fixed 1 problem in 1 file\n")
}

// TestFixKeyboardSlips: --fix repairs the slips of a Chinese keyboard that are certain (a
// full-width colon after a key, a full-width space after a colon, tabs as indentation,
// full-width digits, paragraphs indented with full-width spaces), after which the site builds
// without a word and checks clean; the slips it cannot repair are still told.
func TestFixKeyboardSlips(t *testing.T) {
	s := sitetest.New(t, siteYAML)
	s.Write("content/lecture-hall/x/index.md", "---\ntitle：道德讲堂\ndate:　２０１６-０６-２８\nattendance: １２０\nawards:\n\t- 获评先进\n---\n　　第一段。\n\n　　第二段。\n")
	s.Write("content/activities/y.md", "---\ntitle: [通知]主题党日\ndate: 2016-06-28\n---\n")
	rep, out := runEnglish(t, s.Dir, true)
	sitetest.AssertHolds(t, "check --fix", out,
		`content/lecture-hall/x/index.md:2:6: fixed: "：" → ": "`,
		`content/lecture-hall/x/index.md:3:6: fixed: "　" → " "`,
		`content/lecture-hall/x/index.md:3:7: fixed: "２０１６-０６-２８" → "2016-06-28"`,
		`content/lecture-hall/x/index.md:4:13: fixed: "１２０" → "120"`,
		`content/lecture-hall/x/index.md:6:1: fixed: 1 tab → 2 spaces`,
		`content/lecture-hall/x/index.md:8:1: fixed: deleted the indent "　　"`,
		`content/lecture-hall/x/index.md:10:1: fixed: deleted the indent "　　"`,
		`content/activities/y.md:2:8: error: the value of title starts with "["`)
	if len(rep.Fixed) != 7 {
		t.Errorf("fixed %d slips, want 7:\n%s", len(rep.Fixed), out)
	}
	golden.Equal(t, "the repaired page", "---\ntitle: 道德讲堂\ndate: 2016-06-28\nattendance: 120\nawards:\n  - 获评先进\n---\n第一段。\n\n第二段。\n", s.Read("content/lecture-hall/x/index.md"))

	s.Write("content/activities/y.md", "---\ntitle: \"[通知]主题党日\"\ndate: 2016-06-28\n---\n")
	if rep := s.Build(); len(rep.Warnings) > 0 {
		t.Errorf("the repaired site builds with warnings:\n%s", rep.Warnings)
	}
	if _, out := runEnglish(t, s.Dir, false); out != "checked 3 files: no problems\n" {
		t.Errorf("after --fix, check says:\n%s", out)
	}
}

// TestFixFile: FixFile repairs one file as Fix would, in the forms the site's other pages
// write (爲, where OpenCC's usual form is 為), and leaves the other files as they are.
func TestFixFile(t *testing.T) {
	s := sitetest.New(t, `
-- site.yaml --
title: 測試
script: traditional
-- content/activities/a.md --
---
title: 甲
date: 2016-01-01
---
以人民爲中心，爲黨工作，爲民服務,甲。
-- content/activities/new.md --
---
title: 乙
date: 2016-01-01
---
为人民服务,乙。
`)
	changes, err := check.FixFile(check.Config{Options: generator.Options{Source: s.Dir}}, "content/activities/new.md")
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Read("content/activities/new.md"); !strings.HasSuffix(got, "---\n爲人民服務，乙。\n") || len(changes) == 0 {
		t.Errorf("%d changes, the page reads\n%s", len(changes), got)
	}
	if got := s.Read("content/activities/a.md"); !strings.Contains(got, "服務,甲") {
		t.Errorf("another page was repaired:\n%s", got)
	}
}
