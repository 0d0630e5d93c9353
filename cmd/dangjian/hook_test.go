package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/testenv"
)

// TestPreCommitHook installs hooks/pre-commit in a new repository, as docs/editors.md says,
// and commits with it: a clean page goes in, a page with errors is refused with the problem's
// line, and only what is staged counts.
func TestPreCommitHook(t *testing.T) {
	testenv.Git(t)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	hook, err := os.ReadFile("../../hooks/pre-commit")
	if err != nil {
		t.Fatal(err)
	}
	repo := t.TempDir()
	git := func(args ...string) (string, error) {
		cmd := exec.Command("git", append([]string{"-c", "user.name=編輯", "-c", "user.email=editor@example.com", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "DANGJIAN="+self, "DANGJIAN_AS_MAIN=1")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := git("init", "-q"); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	write(t, repo, ".git/hooks/pre-commit", string(hook))
	if err := os.Chmod(filepath.Join(repo, ".git/hooks/pre-commit"), 0o755); err != nil {
		t.Fatal(err)
	}
	page := "---\ntitle: 黨課\ndate: 2016-09-20\n---\n"
	write(t, repo, "site.yaml", "title: 國電\nscript: traditional\n")
	write(t, repo, "content/lectures/a.md", page+"根據部署。\n")
	if out, err := git("add", "."); err != nil {
		t.Fatal(err, out)
	}
	if out, err := git("commit", "-q", "-m", "a clean page"); err != nil {
		t.Fatalf("a clean commit was refused: %v\n%s", err, out)
	}

	write(t, repo, "content/lectures/b.md", page+"根據(jù)部署。\n")
	if out, err := git("add", "."); err != nil {
		t.Fatal(err, out)
	}
	out, err := git("commit", "-q", "-m", "garbage")
	if err == nil || !strings.Contains(out, "content/lectures/b.md:5:3: error: conversion garbage: pinyin (jù) after 據; delete it") || !strings.Contains(out, "the commit is refused") {
		t.Fatalf("a commit with an error: %v\n%s", err, out)
	}

	// In Chinese, as an editor's machine says it.
	zh := exec.Command("git", "commit", "-q", "-m", "garbage")
	zh.Dir, zh.Env = repo, append(os.Environ(), "DANGJIAN="+self, "DANGJIAN_AS_MAIN=1", "DANGJIAN_LANG=zh")
	if out, err := zh.CombinedOutput(); err == nil || !strings.Contains(string(out), "content/lectures/b.md:5:3: 错误：") || !strings.Contains(string(out), "这次提交被拒绝") || msg.EnglishIn(string(out)) != "" {
		t.Fatalf("a commit with an error, in Chinese: %v\n%s", err, out)
	}

	// The working tree's copy of b.md is mended but not staged: the commit is still refused.
	write(t, repo, "content/lectures/b.md", page+"根據部署。\n")
	if out, err := git("commit", "-q", "-m", "garbage"); err == nil {
		t.Fatalf("a commit of a staged error went in:\n%s", out)
	}
	if out, err := git("add", "."); err != nil {
		t.Fatal(err, out)
	}
	if out, err := git("commit", "-q", "-m", "mended"); err != nil {
		t.Fatalf("a mended commit was refused: %v\n%s", err, out)
	}

	// On Windows the program is the dangjian.exe beside site.yaml, and DANGJIAN is not set.
	exe, err := os.ReadFile(self)
	if err != nil {
		t.Fatal(err)
	}
	write(t, repo, "dangjian.exe", string(exe))
	if err := os.Chmod(filepath.Join(repo, "dangjian.exe"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, repo, "content/lectures/c.md", page+"根據(jù)部署。\n")
	if out, err := git("add", "content"); err != nil {
		t.Fatal(err, out)
	}
	cmd := exec.Command("git", "-c", "user.name=編輯", "-c", "user.email=editor@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "garbage")
	cmd.Dir = repo
	cmd.Env = append(slices.DeleteFunc(os.Environ(), func(v string) bool { return strings.HasPrefix(v, "DANGJIAN=") }), "DANGJIAN_AS_MAIN=1", "PATH=/usr/bin:/bin")
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "content/lectures/c.md:5:3: error: conversion garbage") {
		t.Errorf("the hook with dangjian.exe beside site.yaml: %v\n%s", err, out)
	}
}
