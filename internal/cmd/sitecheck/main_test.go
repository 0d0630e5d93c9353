package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/testenv"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.html", `<a href="a.html">a</a> <a href="https://site.example/a.html">a</a>`)
	write("a.html", `<a href="index.html">home</a>`)
	for _, tc := range []struct {
		args   []string
		status int
		output string
	}{
		{[]string{dir}, 0, "sitecheck: links of " + dir + " are fine"},
		{[]string{"-base-url", "https://site.example/", dir}, 1, "index.html:1: https://site.example/a.html: absolute link to the site itself"},
		{[]string{"-base-url", "site", dir}, 2, `-base-url "site": not an absolute URL`},
		{nil, 2, "usage: sitecheck"},
	} {
		var stdout, stderr bytes.Buffer
		status := run(t.Context(), tc.args, &stdout, &stderr)
		if out := stdout.String() + stderr.String(); status != tc.status || !strings.Contains(out, tc.output) {
			t.Errorf("sitecheck %q: status %d, output:\n%s\nwant status %d and %q", tc.args, status, out, tc.status, tc.output)
		}
	}
}

// TestRunWithChecker has the Nu HTML Checker check the pages too, as the synthetic site does: its
// errors fail the site, its links being fine. (One run: the checker takes seconds to start.)
func TestRunWithChecker(t *testing.T) {
	jar := testenv.VNU(t)
	dir := t.TempDir()
	page := "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>页</title>\n</head>\n<body>\n<p><div>块</div></p>\n</body>\n</html>\n"
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	status := run(t.Context(), []string{"-vnu", jar, dir}, &stdout, &stderr)
	if status != 1 || !strings.Contains(stderr.String(), "index.html\":") || !strings.Contains(stderr.String(), "sitecheck: 0 broken links, ") {
		t.Errorf("an invalid page: status %d, output:\n%s%s", status, &stdout, &stderr)
	}
}
