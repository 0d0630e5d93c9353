package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dangjian/dangjian/windows"
)

// TestRun: mkzip writes the zip that windows.WriteZip makes of the exe at the time given, and
// refuses wrong usage and a missing exe, leaving no zip behind.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	exe := filepath.Join(dir, "dangjian-v1-windows-amd64.exe")
	if err := os.WriteFile(exe, []byte("MZ not really a program"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "dangjian-v1-windows-amd64.zip")
	const date = "2016-09-20T08:00:00Z"
	for _, tt := range []struct {
		name   string
		args   []string
		status int
		stderr string
	}{
		{"no exe named", []string{"-date", date, "-o", out}, 2, "usage: mkzip -date TIME -o ZIP EXE"},
		{"no date", []string{"-o", out, exe}, 2, "usage: mkzip"},
		{"a date without a zone", []string{"-date", "2016-09-20", "-o", out, exe}, 2, `mkzip: -date "2016-09-20": not an RFC 3339 time`},
		{"no such exe", []string{"-date", date, "-o", out, exe + ".missing"}, 1, "mkzip: open " + exe + ".missing: "},
		{"no such folder for the zip", []string{"-date", date, "-o", filepath.Join(dir, "dist", "x.zip"), exe}, 1, "mkzip: open " + filepath.Join(dir, "dist", "x.zip")},
		{"a zip", []string{"-date", date, "-o", out, exe}, 0, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			status := run(tt.args, &stderr)
			if status != tt.status || !strings.Contains(stderr.String(), tt.stderr) || (tt.stderr == "") != (stderr.Len() == 0) {
				t.Fatalf("mkzip %q: status %d, stderr:\n%s\nwant status %d and %q", tt.args, status, &stderr, tt.status, tt.stderr)
			}
			_, err := os.Stat(out)
			if written := err == nil; written != (status == 0) {
				t.Fatalf("status %d, zip written: %v", status, written)
			}
		})
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	in, err := os.Open(exe)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var want bytes.Buffer
	if err := windows.WriteZip(&want, in, time.Date(2016, 9, 20, 8, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Error("mkzip wrote another zip than windows.WriteZip makes")
	}
}
