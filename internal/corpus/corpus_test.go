package corpus_test

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/corpus"
	"github.com/dangjian/dangjian/internal/sitetest"
)

// TestSameSeedSameBytes writes a site twice with one seed and once with another.
func TestSameSeedSameBytes(t *testing.T) {
	write := func(seed uint64) map[string]string {
		dir := t.TempDir()
		if err := corpus.Write(dir, 200, seed); err != nil {
			t.Fatal(err)
		}
		return sitetest.Tree(t, dir)
	}
	first, again, other := write(1), write(1), write(2)
	if !maps.Equal(first, again) {
		t.Error("the same seed wrote different sites")
	}
	if maps.Equal(first, other) {
		t.Error("another seed wrote the same site")
	}
}

// TestEverythingASiteHas looks for each thing a site may hold in a generated one.
func TestEverythingASiteHas(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, 1000, 1); err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	pages, bundles := 0, 0
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		switch filepath.Ext(path) {
		case ".md":
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			pages++
			all.WriteString("== " + filepath.ToSlash(rel) + "\n" + string(data))
		case ".png":
			bundles++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 1000 || bundles == 0 {
		t.Errorf("%d pages, %d pictures in bundles", pages, bundles)
	}
	text := all.String()
	for _, want := range []string{
		"== content/activities/", "== content/lectures/专题讨论/", "== content/projects/",
		"== content/lecture-hall/", "== content/reports/2011.md", "== content/reports/2026.md",
		"participants: ", "speaker: ", "members: [", "status: done", "segments:\n  - step: ",
		"published:\n  - site: ", "metrics:\n  party_members: ", "draft: true", "export: true",
		"](/", "](../", "](photo-2.png)", "| 项目 | 数量 | 说明 |", "\n## ", "\n### ", "**", "\n1. ",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no page holds %q", want)
		}
	}
	if !regexp.MustCompile(`== content/\w+/[\p{Han}]+\d+\.md\n---\ntitle: \p{Han}`).MatchString(text) {
		t.Error("no page has a Chinese file name and a Chinese title")
	}
	if !regexp.MustCompile(`date: 20\d\d-\d\d-\d\dT\d\d:00:00\+08:00`).MatchString(text) {
		t.Error("no page is dated with a time of day")
	}
}

func TestRefusesAFolderInUse(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "mine.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := corpus.Write(dir, 10, 1); err == nil {
		t.Error("wrote into a folder that held a file")
	}
}
