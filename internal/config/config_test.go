package config

import (
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/msg"
)

// TestParseReadsTheBytes checks that Parse readies site.yaml's bytes as a page's are: a
// byte-order mark and CRLF line ends are dropped, and what is not text is told at its place.
func TestParseReadsTheBytes(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // the problems, each beginning so
	}{
		{"BOM and CRLF", "\uFEFFtitle: 测试\r\nscript: traditional\r\n", nil},
		{"NUL after a BOM", "\uFEFFtitle: 测试\r\nbranches: [机关, \x00检修]\r\n", []string{"site.yaml:2:16: error: a NUL byte (U+0000)"}},
		{"invalid UTF-8", "title: 测试\nbranches: [机关, \xe6\xb4]\n", []string{"site.yaml:2:16: error: invalid UTF-8"}},
		{"syntax", "title: [测试\n", []string{"site.yaml:1: error: invalid YAML: did not find expected ',' or ']'"}},
		{"a page's type", "title: 测试\nmetrics:\n  - {key: a, label: 甲, count: {type: page}}\n",
			[]string{`site.yaml:3:31: error: count: type: want one of activity, lecture, project, lecture-hall, report, got "page"`}},
		{"a number of another kind", "title: 测试\nmetrics:\n  - {key: a, label: 甲, sum: {type: activity, field: attendance}}\n",
			[]string{`site.yaml:3:29: error: sum: field: pages of type activity have the numbers participants, got "attendance"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site, problems := Parse([]byte(tt.in))
			if len(problems) != len(tt.want) {
				t.Fatalf("got %v, want %q", problems, tt.want)
			}
			for i, want := range tt.want {
				if got := problems[i].Text(msg.English); !strings.HasPrefix(got, want) {
					t.Errorf("got %s, want %s…", got, want)
				}
			}
			if tt.want == nil && (site.Title != "测试" || site.Script != "traditional") {
				t.Errorf("read %+v", site)
			}
		})
	}
}

// TestRuleValuesAsTheSiteWritesThem checks that a rule's value that a list writes in other
// characters, and a status written by one of its names, are taken as the list and the
// statuses' keys write them, so that the rule counts the pages that have them.
func TestRuleValuesAsTheSiteWritesThem(t *testing.T) {
	site, problems := Parse([]byte("title: 測試\nscript: traditional\nlecture_forms: [黨課]\nproject_categories: [攻堅]\nmetrics:\n" +
		"  - {key: a, label: 甲, count: {type: project, category: 攻坚, status: 已完成}}\n" +
		"  - {key: b, label: 乙, count: {type: lecture, form: 党课}}\n"))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if got := site.Metric("a").Count; got.Category != "攻堅" || got.Status != "done" {
		t.Errorf("rule a reads category %q, status %q; want 攻堅, done", got.Category, got.Status)
	}
	if got := site.Metric("b").Count.Form; got != "黨課" {
		t.Errorf("rule b reads form %q, want 黨課", got)
	}
}

// TestHowToAdd checks the instruction to add a value to a list, as site.yaml writes the list.
func TestHowToAdd(t *testing.T) {
	site, problems := Parse([]byte("title: 测试\nbranches: [机关党支部]\nlecture_forms:\n    - 党课\n    - 专题讨论\n"))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	for _, tt := range []struct{ key, value, want string }{
		{"branch", "检修部党支部", "add it to branches in site.yaml, so that line 2 reads: branches: [机关党支部, 检修部党支部]"},
		{"branch", "a, b", "add it to branches in site.yaml, so that line 2 reads: branches: [机关党支部, 'a, b']"},
		{"form", "红色党课", `add it to lecture_forms in site.yaml: the line "    - 红色党课" after line 5`},
		{"form", "[通知]", `add it to lecture_forms in site.yaml: the line "    - '[通知]'" after line 5`},
	} {
		if got := site.HowToAdd(site.ListOf(tt.key), tt.value).Text(msg.English); got != tt.want {
			t.Errorf("HowToAdd(%s, %q) = %s, want %s", tt.key, tt.value, got, tt.want)
		}
	}
}

// TestProblemsInChinese checks what site.yaml's problems say in Chinese: the keys and values
// as written, no English beside them.
func TestProblemsInChinese(t *testing.T) {
	tests := []struct {
		in   string
		key  msg.Key
		want string
	}{
		{"title: 测试\nscript: simple\n", msg.WantScript, `site.yaml:2:9: 错误：script：应为 simplified 或 traditional，实为 "simple"`},
		{"title: 测试\nlecture_forms: [党课, 黨課]\n", msg.ListedInOtherChars, `site.yaml:2:21: 错误：lecture_forms："黨課" 就是前面列过的 "党课"，只是用字不同：只列一次`},
		{"title: 测试\nmetrics:\n  - {key: a, label: 甲, count: {type: project, status: finished}}\n", msg.RuleNotAStatus,
			`site.yaml:3:31: 错误：count：status："finished" 不是项目的状态：请写 计划中、进行中或已完成（planned、active、done）`},
		{"title: 测试\nmetrics:\n  - {key: a, label: 甲, count: {type: page}}\n", msg.RuleWantType,
			`site.yaml:3:31: 错误：count：type：应为 activity、lecture、project、lecture-hall、report 之一，实为 "page"`},
		{"title: 测试\ncharts:\n  - {key: c, metrics: [lectures]}\nmetrics:\n  - {key: lecture, label: 甲}\n", msg.ChartUnknownMetricNear,
			`site.yaml:3:24: 错误：图表 "c"：没有指标 "lectures"；是不是要写 "lecture"？`},
	}
	for _, tt := range tests {
		_, problems := Parse([]byte(tt.in))
		if len(problems) != 1 || problems[0].Key != tt.key {
			t.Errorf("%q: got %v, want one %q", tt.in, problems, tt.key)
			continue
		}
		if got := problems[0].Text(msg.Chinese); got != tt.want || msg.EnglishIn(got) != "" {
			t.Errorf("%q:\ngot  %s\nwant %s", tt.in, got, tt.want)
		}
	}
	site, _ := Parse([]byte("title: 测试\nlecture_forms:\n  - 党课\n"))
	if got, want := site.HowToAdd(site.ListOf("form"), "红色党课").Text(msg.Chinese), `请把它加到 site.yaml 的 lecture_forms 里：在第 3 行后加一行 "  - 红色党课"`; got != want {
		t.Errorf("HowToAdd in Chinese: %s, want %s", got, want)
	}
}
