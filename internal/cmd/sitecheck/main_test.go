package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
