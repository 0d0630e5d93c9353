package convert

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/frontmatter"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/page"
)

// TestSummarize checks where a page's summary comes from: its summary key, else its first
// paragraph, cut at summaryLength characters (not bytes).
func TestSummarize(t *testing.T) {
	long := strings.Repeat("爱", summaryLength+1)
	for _, tc := range []struct{ key, lead, want string }{
		{"写明的摘要", "第一段", "写明的摘要"},
		{"", "第一段", "第一段"},
		{"", long[:len(long)-len("爱")], long[:len(long)-len("爱")]},
		{"", long, strings.Repeat("爱", summaryLength) + "……"},
	} {
		p := &page.Page{Doc: frontmatter.Doc{Matter: kinds.Matter{Common: kinds.Common{Summary: tc.key}}}}
		if got := summarize(p, tc.lead); got != tc.want {
			t.Errorf("summarize(%q, %d characters) = %d characters ending %q, want %d ending %q",
				tc.key, utf8.RuneCountInString(tc.lead), utf8.RuneCountInString(got), tail(got), utf8.RuneCountInString(tc.want), tail(tc.want))
		}
	}
}

// tail returns the last three characters of s.
func tail(s string) string {
	r := []rune(s)
	return string(r[max(0, len(r)-3):])
}
