package generator_test

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/sitetest"
)

// buildRealSite builds the repository's own site (content/ and site.yaml at the root) into a
// temporary folder and returns it.
func buildRealSite(t *testing.T) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(t.Context(), generator.Config{Options: generator.Options{Source: ".."}, Dest: dest}); err != nil {
		t.Fatalf("building the real site:\n%v", err)
	}
	return dest
}

func TestRealSite(t *testing.T) {
	dest := buildRealSite(t)
	// Every content file has its page or list.
	err := fs.WalkDir(os.DirFS("../content"), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".md") {
			return err
		}
		url := strings.TrimSuffix(name, ".md")
		if base := filepath.Base(url); base == "_index" || base == "index" {
			url = filepath.Dir(url)
		}
		if _, err := os.Stat(filepath.Join(dest, url, "index.html")); err != nil {
			t.Errorf("content/%s: no page: %v", name, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(dest, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	// The figures of the source document, exactly as it gives them.
	report := read("reports/2016/index.html")
	for _, figure := range []string{
		"黨課</th><td>20 場次", "專題知識講座</th><td>5 次", "黨支部警示教育大會</th><td>12 次", "專題討論</th><td>4 場次",
		"助增盈項目</th><td>53 個", "攻堅項目</th><td>30 個", "攻關項目</th><td>64 個",
		"黨員幹部牽頭的節約挖潛亮責項目</th><td>18 個", "榮獲公司優秀項目</th><td>7 個",
	} {
		if !strings.Contains(report, figure) {
			t.Errorf("reports/2016: no %q", figure)
		}
	}
	// The dashboard's charts carry the same figures in their tables.
	home := read("index.html")
	for _, row := range []string{
		`<tr><th scope="row">2016</th><td>20</td><td>5</td><td>12</td><td>4</td></tr>`,
		`<tr><th scope="row">2016</th><td>53</td><td>30</td><td>64</td><td>18</td><td>7</td></tr>`,
	} {
		if !strings.Contains(home, row) || !strings.Contains(report, row) {
			t.Errorf("home page or report: no chart table row %s", row)
		}
	}
	hall := read("lecture-hall/ai-de-chuan-di/index.html")
	for _, want := range []string{"愛的傳遞", "甘肅文明網", "白銀市", "情景劇", `lang="zh-Hant"`} {
		if !strings.Contains(hall, want) {
			t.Errorf("lecture-hall/ai-de-chuan-di: no %q", want)
		}
	}
	if !strings.Contains(read("lecture-hall/index.html"), "奮鬥的青春最美麗") {
		t.Errorf("the lecture-hall list lacks 奮鬥的青春最美麗")
	}
	// The page is dated by the last commit that changed it, which the golden file cannot know.
	if out, err := exec.Command("git", "-C", "..", "log", "-1", "--format=%aI", "--", "content/lecture-hall/ai-de-chuan-di/index.md").Output(); err == nil && len(out) > 0 {
		want := `<time datetime="` + string(out[:len(time.DateOnly)]) + `">`
		if !strings.Contains(lastmodLine.FindString(hall), want) {
			t.Errorf("lecture-hall/ai-de-chuan-di: last updated: want %s (git log), got %q", want, lastmodLine.FindString(hall))
		}
	} else {
		t.Logf("not in a git checkout (%v): the date from git is not checked", err)
	}
	sitetest.Golden(t, "testdata/ai-de-chuan-di.golden.html", lastmodLine.ReplaceAllLiteralString(hall, `<p class="lastmod">(the date of the last commit)</p>`))
}

// lastmodLine matches the "last updated" line of a page.
var lastmodLine = regexp.MustCompile(`<p class="lastmod">.*</p>`)

// garbage matches the conversion garbage of the source document: a Chinese character followed
// by its pinyin in brackets, 根據(jù).
var garbage = regexp.MustCompile(`\p{Han}\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)`)

func TestRealContentIsClean(t *testing.T) {
	err := fs.WalkDir(os.DirFS("../content"), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join("../content", name))
		if err != nil {
			return err
		}
		if m := garbage.Find(data); m != nil {
			t.Errorf("content/%s: conversion garbage %q", name, m)
		}
		if strings.ContainsAny(string(data), "\uFFFD\u200B\uFEFF?") {
			t.Errorf("content/%s: replacement, invisible or '?' characters", name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
