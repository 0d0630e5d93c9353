package diag

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestPositionString(t *testing.T) {
	file := "content/lectures/专题 讨论/讲政治.md"
	tests := []struct {
		pos  Position
		want string
	}{
		{Position{File: file}, file},
		{Position{File: file, Line: 4}, file + ":4"},
		{Position{File: file, Line: 4, Col: 3}, file + ":4:3"},
	}
	for _, tt := range tests {
		if got, want := tt.pos.String(), filepath.FromSlash(tt.want); got != want {
			t.Errorf("%#v: got %q, want %q", tt.pos, got, want)
		}
	}
}

// TestNativePath shows what Windows users see, on any system.
func TestNativePath(t *testing.T) {
	tests := []struct {
		name string
		sep  rune
		want string
	}{
		{"content/lectures/专题 讨论/讲政治.md", '\\', `content\lectures\专题 讨论\讲政治.md`},
		{"content/lectures/专题 讨论/讲政治.md", '/', "content/lectures/专题 讨论/讲政治.md"},
		{"site.yaml", '\\', "site.yaml"},
	}
	for _, tt := range tests {
		if got := nativePath(tt.name, tt.sep); got != tt.want {
			t.Errorf("nativePath(%q, %q) = %q, want %q", tt.name, tt.sep, got, tt.want)
		}
	}
}

func TestCounts(t *testing.T) {
	l := List{Errorf(Position{}, "a"), Warningf(Position{}, "b"), Errorf(Position{}, "c")}
	if errors, warnings := l.Counts(); errors != 2 || warnings != 1 {
		t.Errorf("Counts() = %d, %d; want 2, 1", errors, warnings)
	}
}

// TestSort: the problems ordered by file, line, column, severity and message, the same problem
// said twice kept once; a message made differently that says the same words is a repeat.
func TestSort(t *testing.T) {
	a, b := Position{File: "a.md", Line: 1, Col: 5}, Position{File: "a.md", Line: 2, Col: 1}
	l := List{
		Errorf(Position{File: "b.md", Line: 1, Col: 1}, "x"),
		Errorf(b, "y"),
		Warningf(a, "x"),
		Errorf(a, "%s", "y"),
		Errorf(a, "y"),
		Errorf(a, "x"),
	}
	var got []string
	for _, p := range l.Sort() {
		got = append(got, p.String())
	}
	want := []string{"a.md:1:5: 错误：x", "a.md:1:5: 错误：y", "a.md:1:5: 警告：x", "a.md:2:1: 错误：y", "b.md:1:1: 错误：x"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Sort():\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
