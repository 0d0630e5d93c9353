package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
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
