// Package sitetest builds whole sites written inline in a test, as a txtar archive, and asserts
// on what the build wrote or reported, the way a bug report reads:
//
//	s := sitetest.New(t, `
//	-- site.yaml --
//	title: 测试
//	-- content/lectures/a.md --
//	---
//	title: 党课
//	date: 2016-09-20
//	---
//	正文
//	`)
//	s.Build()
//	s.AssertFile("public/lectures/a/index.html", "<h1>党课</h1>", "! raw HTML")
//
// Every test that builds a site imports it, so it is where such tests, run before make deps
// installed ECharts, get a stand-in for it (see testenv.StandInForECharts).
package sitetest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/golden"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/testenv"
	"golang.org/x/tools/txtar"
)

func init() { testenv.StandInForECharts() }

// Site is a site in a temporary folder.
type Site struct {
	t   testing.TB
	Dir string // the site's folder; the output goes to Dir/public unless a test says otherwise
}

// New writes the files of archive into a new temporary folder. A file named twice is written
// twice, the later replacing the earlier: a test may add its own files to a shared archive,
// and replace some of them.
func New(t testing.TB, archive string) *Site {
	t.Helper()
	return NewFiles(t, txtar.Parse([]byte(strings.TrimPrefix(archive, "\n"))).Files)
}

// NewFiles writes files into a new temporary folder, as New does: the input of a case of
// testdata/ (see golden.Cases).
func NewFiles(t testing.TB, files []txtar.File) *Site {
	t.Helper()
	s := &Site{t: t, Dir: t.TempDir()}
	for _, f := range files {
		s.Write(f.Name, string(f.Data))
	}
	return s
}

// Write writes a file of the site, making its folders.
func (s *Site) Write(name, content string) {
	s.t.Helper()
	full := filepath.Join(s.Dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

// Remove removes a file of the site.
func (s *Site) Remove(name string) {
	s.t.Helper()
	if err := os.Remove(filepath.Join(s.Dir, filepath.FromSlash(name))); err != nil {
		s.t.Fatal(err)
	}
}

// Config returns the build configuration of the site into Dir/public.
func (s *Site) Config() generator.Config {
	return generator.Config{Options: generator.Options{Source: s.Dir}, Dest: filepath.Join(s.Dir, "public")}
}

// Build builds the site with cfg (by default Config()) and fails the test on any error.
func (s *Site) Build(cfg ...generator.Config) *generator.Report {
	s.t.Helper()
	rep, err := generator.Build(context.Background(), s.config(cfg))
	if err != nil {
		s.t.Fatalf("build failed:\n%v", err)
	}
	return rep
}

// BuildFails builds the site, expecting problems in its content, and returns them.
func (s *Site) BuildFails(cfg ...generator.Config) diag.List {
	s.t.Helper()
	_, err := generator.Build(context.Background(), s.config(cfg))
	var problems diag.List
	if !errors.As(err, &problems) {
		s.t.Fatalf("build: want problems in the content, got %v", err)
	}
	return problems
}

func (s *Site) config(cfg []generator.Config) generator.Config {
	if len(cfg) > 0 {
		return cfg[0]
	}
	return s.Config()
}

// Read returns a file of the site's folder.
func (s *Site) Read(name string) string {
	s.t.Helper()
	data, err := os.ReadFile(filepath.Join(s.Dir, filepath.FromSlash(name)))
	if err != nil {
		s.t.Fatal(err)
	}
	return string(data)
}

// AssertFile checks that the file holds each of matches; a match starting with "! " must not
// be in it.
func (s *Site) AssertFile(name string, matches ...string) {
	s.t.Helper()
	AssertHolds(s.t, name, s.Read(name), matches...)
}

// AssertHolds checks that text, named name in messages, holds each of matches; a match
// starting with "! " must not be in it.
func AssertHolds(t testing.TB, name, text string, matches ...string) {
	t.Helper()
	for _, m := range matches {
		if not, ok := strings.CutPrefix(m, "! "); ok {
			if strings.Contains(text, not) {
				t.Errorf("%s holds %q, and should not:\n%s", name, not, text)
			}
		} else if !strings.Contains(text, m) {
			t.Errorf("%s does not hold %q:\n%s", name, m, text)
		}
	}
}

// AssertExists checks that each file exists (a name starting with "! ": that it does not).
func (s *Site) AssertExists(names ...string) {
	s.t.Helper()
	for _, name := range names {
		not, absent := strings.CutPrefix(name, "! ")
		_, err := os.Stat(filepath.Join(s.Dir, filepath.FromSlash(not)))
		switch {
		case absent && err == nil:
			s.t.Errorf("%s exists, and should not", not)
		case !absent && err != nil:
			s.t.Errorf("%s: %v", name, err)
		}
	}
}

// AssertProblems checks that problems, printed one a line by English, hold each of wants.
func AssertProblems(t testing.TB, problems diag.List, wants ...string) {
	t.Helper()
	printed := English(problems)
	for _, w := range wants {
		if !strings.Contains(printed, w) {
			t.Errorf("problems do not hold %q:\n%s", w, printed)
		}
	}
}

// English prints problems one a line as path:line:col: message, a warning's message after
// "warning: ", in English, which stays as it is when the Chinese is reworded: for tests that
// compare whole lines.
func English(problems diag.List) string {
	lines := make([]string, len(problems))
	for i, p := range problems {
		lines[i] = p.Pos.String() + ": " + p.Msg(msg.English)
		if p.Severity == diag.Warning {
			lines[i] = p.Pos.String() + ": warning: " + p.Msg(msg.English)
		}
	}
	return strings.Join(lines, "\n")
}

// Tree returns the SHA-256 of every file under dir, by slash-separated relative path.
func Tree(t testing.TB, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		sum := sha256.Sum256(data)
		files[filepath.ToSlash(rel)] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// Files returns the sorted slash-separated relative paths of the files under dir.
func Files(t testing.TB, dir string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		names = append(names, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	return names
}

// Golden compares got with a golden file (see package golden).
func Golden(t testing.TB, name, got string) { golden.Check(t, name, []byte(got)) }

// SyncBuffer is a bytes.Buffer that goroutines may write while a test reads it: a server's
// log, a progress line.
type SyncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *SyncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *SyncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
