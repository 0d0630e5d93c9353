package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestReplaceSource(t *testing.T) {
	name := filepath.Join(t.TempDir(), "a.md")
	if err := os.WriteFile(name, []byte("舊"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := ReplaceSource(name, []byte("新")); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(name)
	info, statErr := os.Stat(name)
	if err != nil || statErr != nil || string(data) != "新" || info.Mode().Perm() != 0o600 {
		t.Errorf("got %q, mode %v (%v, %v); want 新, -rw-------", data, info.Mode(), err, statErr)
	}
	if entries, _ := os.ReadDir(filepath.Dir(name)); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	if err := ReplaceSource(filepath.Join(t.TempDir(), "none.md"), nil); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("replacing a file that is not there: %v", err)
	}
}

func TestCreateSource(t *testing.T) {
	name := filepath.Join(t.TempDir(), "content", "lectures", "a.md")
	if err := CreateSource(name, []byte("一")); err != nil {
		t.Fatal(err)
	}
	if err := CreateSource(name, []byte("二")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("creating it again: %v", err)
	}
	if data, _ := os.ReadFile(name); string(data) != "一" {
		t.Errorf("overwritten: %q", data)
	}
}

func TestRemoveFixTemp(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	files := []struct {
		name    string
		written time.Time
		removed bool
	}{
		{".a.md.dangjian-fix-1.tmp", old, true},
		{".b.md.dangjian-fix-2.tmp", time.Now(), false}, // another dangjian may be writing it now
		{".a.md.3.tmp", old, false},                     // not ours
	}
	for _, f := range files {
		name := filepath.Join(dir, f.name)
		if err := os.WriteFile(name, []byte("半"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(name, f.written, f.written); err != nil {
			t.Fatal(err)
		}
		if err := RemoveFixTemp(name); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(name); errors.Is(err, fs.ErrNotExist) != f.removed {
			t.Errorf("%s: removed %v, want %v", f.name, !f.removed, f.removed)
		}
	}
	if err := RemoveFixTemp(filepath.Join(dir, ".none.md.dangjian-fix-1.tmp")); err != nil {
		t.Errorf("removing a file that is not there: %v", err)
	}
}
