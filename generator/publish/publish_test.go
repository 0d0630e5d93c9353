package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// TestPublisherRefuses: a name that would leave the output, or name the manifest, is not
// written; nor is a file written twice in one build.
func TestPublisherRefuses(t *testing.T) {
	pub, err := New(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Abort()
	for _, name := range []string{"../outside.html", "/etc/passwd", "a/../../b", "a//b", "./a", ManifestFile, ""} {
		if err := pub.Write(name, []byte("x")); err == nil || !strings.Contains(err.Error(), "refusing to write") {
			t.Errorf("Write(%q): %v, want a refusal", name, err)
		}
	}
	if err := pub.Write("a/index.html", []byte("一")); err != nil {
		t.Fatal(err)
	}
	src := fstest.MapFS{"one.js": {Data: []byte("1")}}
	if err := pub.Copy("a/index.html", src, "one.js"); err == nil || !strings.Contains(err.Error(), "written twice") {
		t.Errorf("writing a file twice: %v", err)
	}
}

// TestCommit: the manifest lists the files written; files of the old output that dangjian
// did not write are carried over, and one the build writes as well stops the build.
func TestCommit(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build := func(files map[string]string) error {
		t.Helper()
		pub, err := New(dest)
		if err != nil {
			t.Fatal(err)
		}
		for name, data := range files {
			if err := pub.Write(name, []byte(data)); err != nil {
				t.Fatal(err)
			}
		}
		return pub.Commit()
	}
	src := fstest.MapFS{"a.js": {Data: []byte("a")}, "b.js": {Data: []byte("b")}}
	pub, err := New(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := pub.Copy("joined.js", src, "a.js", "b.js"); err != nil {
		t.Fatal(err)
	}
	if err := pub.Write("old.html", []byte("旧")); err != nil {
		t.Fatal(err)
	}
	if err := pub.Commit(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "joined.js")); string(data) != "a\nb" {
		t.Errorf("joined.js = %q, want the files joined by a newline", data)
	}
	if err := os.WriteFile(filepath.Join(dest, "mine.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}

	if err := build(map[string]string{"new.html": "新"}); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(dest, ManifestFile)); string(data) != "new.html\n" {
		t.Errorf("manifest %q, want only new.html", data)
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "mine.txt")); string(data) != "mine" {
		t.Errorf("a file dangjian did not write was not carried over: %q", data)
	}
	if _, err := os.Stat(filepath.Join(dest, "old.html")); err == nil {
		t.Error("a file the last build wrote and this one did not is still there")
	}

	err = build(map[string]string{"mine.txt": "generated"})
	if err == nil || !strings.Contains(err.Error(), "did not write before") {
		t.Errorf("writing over a file dangjian did not write: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "mine.txt")); string(data) != "mine" {
		t.Errorf("the refused build changed mine.txt: %q", data)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dest)); len(entries) != 1 {
		t.Errorf("left beside the output: %v", entries)
	}
}
