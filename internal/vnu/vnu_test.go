package vnu_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/testenv"
	"github.com/dangjian/dangjian/internal/vnu"
)

// TestCheck checks a folder of one valid and one invalid page, in one run of the checker.
func TestCheck(t *testing.T) {
	jar := testenv.VNU(t)
	dir := t.TempDir()
	page := func(name, body string) {
		doc := "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>页</title>\n</head>\n<body>\n" + body + "\n</body>\n</html>\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	page("good.html", "<h1>好</h1>")
	page("bad.html", "<h1>坏</h1>\n<h3>跳级</h3>\n<p><div>块</div></p>")
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("<p>not HTML"), 0o644); err != nil {
		t.Fatal(err)
	}
	messages, err := vnu.Check(t.Context(), jar, vnu.Options{}, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(messages) < 2 {
		t.Errorf("want at least two errors in bad.html, got %q", messages)
	}
	for _, m := range messages {
		if !strings.Contains(m, "bad.html\":") || !strings.Contains(m, ": error: ") {
			t.Errorf("unexpected message %q", m)
		}
	}
}
