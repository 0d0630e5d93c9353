package config

import (
	"strings"
	"testing"
)

// TestParseReadsTheBytes checks that Parse readies site.yaml's bytes as a page's are: a
// byte-order mark and CRLF line ends are dropped, and what is not text is told at its place.
func TestParseReadsTheBytes(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // the problems, each beginning so
	}{
		{"BOM and CRLF", "\uFEFFtitle: 测试\r\nscript: traditional\r\n", nil},
		{"NUL after a BOM", "\uFEFFtitle: 测试\r\nbranches: [机关, \x00检修]\r\n", []string{"site.yaml:2:16: a NUL byte (U+0000)"}},
		{"invalid UTF-8", "title: 测试\nbranches: [机关, \xe6\xb4]\n", []string{"site.yaml:2:16: invalid UTF-8"}},
		{"syntax", "title: [测试\n", []string{"site.yaml:1: invalid YAML: did not find expected ',' or ']'"}},
		{"a page's type", "title: 测试\nmetrics:\n  - {key: a, label: 甲, count: {type: page}}\n",
			[]string{`site.yaml:3:31: count: type: want one of activity, lecture, project, lecture-hall, report, got "page"`}},
		{"a number of another kind", "title: 测试\nmetrics:\n  - {key: a, label: 甲, sum: {type: activity, field: attendance}}\n",
			[]string{`site.yaml:3:29: sum: field: pages of type activity have the numbers participants, got "attendance"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site, problems := Parse([]byte(tt.in))
			if len(problems) != len(tt.want) {
				t.Fatalf("got %v, want %q", problems, tt.want)
			}
			for i, want := range tt.want {
				if got := problems[i].String(); !strings.HasPrefix(got, want) {
					t.Errorf("got %s, want %s…", got, want)
				}
			}
			if tt.want == nil && (site.Title != "测试" || site.Script != "traditional") {
				t.Errorf("read %+v", site)
			}
		})
	}
}
