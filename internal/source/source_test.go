package source

import (
	"testing"

	"github.com/dangjian/dangjian/internal/msg"
)

// The temporary files of a repair are recognised by their whole name, and nothing else is.
func TestIsFixTemp(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{".a.md.dangjian-fix-2815027.tmp", true},
		{".site.yaml.dangjian-fix-1.tmp", true},
		{".讲话.md.dangjian-fix-01.tmp", true},
		{".a.md.2815027.tmp", false}, // another program's
		{"a.md.dangjian-fix-1.tmp", false},
		{".dangjian-fix-1.tmp", false},
		{".a.md.dangjian-fix-.tmp", false},
		{".a.md.dangjian-fix-1a.tmp", false},
		{".a.md.dangjian-fix-1.tmp.bak", false},
	}
	for _, tt := range tests {
		if got := IsFixTemp(tt.name); got != tt.want {
			t.Errorf("IsFixTemp(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestBadName checks what a name that cannot be published says, in Chinese and in English.
func TestBadName(t *testing.T) {
	tests := []struct {
		name   string
		isDir  bool
		zh, en string
	}{
		{"讲话\t稿.md", false, "这个文件的名字里有看不见的控制字符 U+0009（Tab）：请去掉它，重新给这个文件命名",
			"this file's name holds the invisible control character U+0009 (a tab): rename the file without it"},
		{"照片\u0085", true, "这个文件夹的名字里有看不见的控制字符 U+0085：请去掉它，重新给这个文件夹命名",
			"this folder's name holds the invisible control character U+0085: rename the folder without it"},
		{"a\xffb.md", false, "这个文件的名字不是 UTF-8 文字（含有字节 0xff）：请给这个文件改名",
			"this file's name is not UTF-8 text (it has the byte 0xff): rename the file"},
	}
	for _, tt := range tests {
		why, bad := badName(tt.name, tt.isDir)
		if !bad || why.Text(msg.Chinese) != tt.zh || why.Text(msg.English) != tt.en {
			t.Errorf("badName(%q) = %v, %q, %q", tt.name, bad, why.Text(msg.Chinese), why.Text(msg.English))
		}
	}
	if _, bad := badName("讲话稿.md", false); bad {
		t.Error("a good name is bad")
	}
}
