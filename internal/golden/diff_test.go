package golden

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	numbered := func(from, to int, change map[int]string) string {
		var b strings.Builder
		for i := from; i <= to; i++ {
			if s, ok := change[i]; ok {
				b.WriteString(s)
			} else {
				b.WriteString(strings.Repeat("x", i) + "\n")
			}
		}
		return b.String()
	}
	tests := []struct{ name, want, got, diff string }{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"one line changed, three lines of context", numbered(1, 9, nil), numbered(1, 9, map[int]string{5: "五\n"}),
			"@@ -2,7 +2,7 @@\n xx\n xxx\n xxxx\n-xxxxx\n+五\n xxxxxx\n xxxxxxx\n xxxxxxxx\n"},
		{"changes six lines apart share a hunk", numbered(1, 9, nil), numbered(1, 9, map[int]string{1: "", 8: ""}),
			"@@ -1,9 +1,7 @@\n-x\n xx\n xxx\n xxxx\n xxxxx\n xxxxxx\n xxxxxxx\n-xxxxxxxx\n xxxxxxxxx\n"},
		{"changes seven lines apart do not", numbered(1, 10, nil), numbered(1, 10, map[int]string{1: "", 9: ""}),
			"@@ -1,4 +1,3 @@\n-x\n xx\n xxx\n xxxx\n@@ -6,5 +5,4 @@\n xxxxxx\n xxxxxxx\n xxxxxxxx\n-xxxxxxxxx\n xxxxxxxxxx\n"},
		{"into nothing", "a\nb\n", "", "@@ -1,2 +0,0 @@\n-a\n-b\n"},
		{"from nothing", "", "a\n", "@@ -0,0 +1 @@\n+a\n"},
		{"a last line end missing", "a\nb\n", "a\nb", "@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n"},
		{"a carriage return", "a\r\nb\n", "a\nb\n", "@@ -1,2 +1,2 @@\n-a\r\n+a\n b\n"},
		{"lines moved", "a\nb\nc\n", "c\na\nb\n", "@@ -1,3 +1,3 @@\n+c\n a\n b\n-c\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Diff(tt.want, tt.got); got != tt.diff {
				t.Errorf("Diff:\n%s\nwant:\n%s", got, tt.diff)
			}
		})
	}
}

// TestEdits checks the edit script of random pairs of texts: it keeps or deletes every line
// of the first in order, keeps or inserts every line of the second, and is as short as the
// longest common subsequence allows; past maxEdits it is still a true script.
func TestEdits(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	random := func(n int) []string {
		l := make([]string, n)
		for i := range l {
			l[i] = string(rune('a' + r.IntN(3)))
		}
		return l
	}
	for range 500 {
		a, b := random(r.IntN(12)), random(r.IntN(12))
		script := edits(a, b)
		assertScript(t, a, b, script)
		if kept := len(script) - len(a) - len(b); -kept != lcs(a, b) {
			t.Fatalf("%q into %q: keeps %d lines, want %d", a, b, -kept, lcs(a, b))
		}
	}
	a, b := random(3*maxEdits), random(3*maxEdits)
	assertScript(t, a, b, edits(a, b))
}

func assertScript(t *testing.T, a, b []string, script []edit) {
	t.Helper()
	var fromA, fromB []string
	for _, e := range script {
		if e.kind != '+' {
			if len(fromA) != e.a {
				t.Fatalf("%q into %q: edit %+v out of order", a, b, e)
			}
			fromA = append(fromA, a[e.a])
		}
		if e.kind != '-' {
			if len(fromB) != e.b {
				t.Fatalf("%q into %q: edit %+v out of order", a, b, e)
			}
			fromB = append(fromB, b[e.b])
		}
		if e.kind == ' ' && a[e.a] != b[e.b] {
			t.Fatalf("%q into %q: keeps %q as %q", a, b, a[e.a], b[e.b])
		}
	}
	if strings.Join(fromA, "") != strings.Join(a, "") || strings.Join(fromB, "") != strings.Join(b, "") {
		t.Fatalf("%q into %q: the script reads %q and %q", a, b, fromA, fromB)
	}
}

// lcs is the length of the longest common subsequence of a and b, by dynamic programming.
func lcs(a, b []string) int {
	l := make([][]int, len(a)+1)
	for i := range l {
		l[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	return l[0][0]
}
