package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExitStatus(t *testing.T) {
	good := t.TempDir()
	write(t, good, "site.yaml", "title: 测试\n")
	write(t, good, "content/activities/a.md", "---\ntitle: 甲\ndate: 2016-01-01\n---\n正文\n")
	bad := t.TempDir()
	write(t, bad, "site.yaml", "title: 测试\n")
	write(t, bad, "content/lectures/x.md", "---\ntitle: 党课\ndate: 2016-09-20\nspeeker: 张三\n---\n")
	out := filepath.Join(t.TempDir(), "export")
	// Where Windows editors keep a site: folders with Chinese names and spaces.
	chinese := filepath.Join(t.TempDir(), "党委 文件", "2016 两学一做")
	write(t, chinese, "site.yaml", "title: 测试\n")
	write(t, chinese, "content/lectures/专题 讨论/x.md", "---\ntitle: 党课\ndate: 2016-09-20\n---\n")
	write(t, chinese, "content/activities/a.md", "---\ntitle: 小\ndate: 2016-01-01\n---\n")
	chineseBad := filepath.Join(t.TempDir(), "党委 文件")
	write(t, chineseBad, "site.yaml", "title: 测试\n")
	write(t, chineseBad, "content/lectures/专题 讨论/x.md", "---\ntitle: 党课\ndate: 2016-09-20\nspeeker: 张三\n---\n")

	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"no command", nil, exitUsage, "", "usage: dangjian COMMAND"},
		{"unknown command", []string{"bild"}, exitUsage, "", `unknown command "bild"`},
		{"unknown flag", []string{"build", "--nope"}, exitUsage, "", "flag provided but not defined"},
		{"stray argument", []string{"build", "extra"}, exitUsage, "", `unexpected argument "extra"`},
		{"help", []string{"build", "-h"}, exitOK, "", "-base-url"},
		{"version", []string{"version"}, exitOK, "dangjian ", ""},
		{"build", []string{"build", "-s", good}, exitOK, "built 1 page,", ""},
		{"problems", []string{"build", "-s", bad}, exitProblems, "",
			"content/lectures/x.md:4:1: unknown key \"speeker\"; did you mean \"speaker\"?\n1 error; nothing was written"},
		{"no site", []string{"build", "-s", t.TempDir()}, exitProblems, "", "site.yaml: cannot read the site's configuration"},
		{"export", []string{"export", "-s", good, "-o", out, "content/activities/a.md"}, exitOK, "exported 1 article into " + out, ""},
		{"export, flags after the page", []string{"export", "content/activities/a.md", "-s", good, "-o", out}, exitOK, "exported 1 article", ""},
		{"export, page after --", []string{"export", "-s", good, "-o", out, "--", "content/activities/a.md"}, exitOK, "exported 1 article", ""},
		{"export nothing", []string{"export", "-s", good, "-o", out}, exitProblems, "", "site.yaml: nothing to export"},
		{"export, not a page", []string{"export", "-s", good, "-o", out, "content/x.md"}, exitProblems, "", "content/x.md: no such page in the site"},
		{"export, bad date", []string{"export", "--since", "2016-13-01"}, exitUsage, "", `invalid value "2016-13-01" for flag -since`},
		// The OpenCC package registers -dir on the global flag set; commands have their own.
		{"export, OpenCC's flag", []string{"export", "-dir", "x"}, exitUsage, "", "flag provided but not defined: -dir"},
		{"export help", []string{"export", "-h"}, exitOK, "", "-since"},
		{"serve help", []string{"serve", "-h"}, exitOK, "", "-poll DURATION"},
		{"serve, bad interval", []string{"serve", "--poll", "often"}, exitUsage, "", `invalid value "often" for flag -poll`},
		{"serve, not a site", []string{"serve", "-s", t.TempDir(), "--addr", "127.0.0.1:0"}, exitProblems, "", "(is it the site's folder?)"},
		{"Chinese folders with spaces", []string{"build", "-s", chinese, "--no-git"}, exitOK, "built 2 pages,", ""},
		// Paths are printed the way the system writes them: content\lectures\… on Windows.
		{"problems in Chinese folders", []string{"build", "-s", chineseBad}, exitProblems, "",
			filepath.FromSlash("content/lectures/专题 讨论/x.md") + ":4:1: unknown key \"speeker\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tt.args, &stdout, &stderr)
			if code != tt.code || !strings.Contains(stdout.String(), tt.stdout) || !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d, %q, %q", code, stdout.String(), stderr.String(), tt.code, tt.stdout, tt.stderr)
			}
		})
	}
}

// TestNamesDifferingOnlyInCase: a.md and A.md, which Windows and macOS take for one file.
func TestNamesDifferingOnlyInCase(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "site.yaml", "title: 测试\n")
	write(t, dir, "content/activities/a.md", "---\ntitle: 小\ndate: 2016-01-01\n---\n")
	if _, err := os.Stat(filepath.Join(dir, "content/activities/A.md")); err == nil {
		t.Skip("this file system does not tell a.md from A.md")
	}
	write(t, dir, "content/activities/A.md", "---\ntitle: 大\ndate: 2016-01-02\n---\n")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"build", "-s", dir}, &stdout, &stderr)
	want := filepath.FromSlash("content/activities/a.md") + ":1:1: URL /activities/a/ (as /activities/A/, differing only in case) is claimed twice: also by " +
		filepath.FromSlash("content/activities/A.md") + "\n1 error; nothing was written\n"
	if code != exitProblems || stderr.String() != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", code, stderr.String(), exitProblems, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Errorf("a failed build wrote public/")
	}
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	full := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
