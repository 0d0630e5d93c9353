// Package golden compares test output with what it should be — a golden file under testdata/,
// or the want sections of a case written as a txtar archive — and rewrites that when the tests
// run with -update, so that a change of output shows as a reviewable diff.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files and the want sections of the cases under testdata/ with the current output")

// Updating reports whether the tests run with -update: a test whose output is refreshed some
// other way than Check (a picture for the documentation) writes it then.
func Updating() bool { return *update }

// Check compares got with the golden file name, or writes it with -update.
func Check(t testing.TB, name string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	differs(t, name, string(want), string(got))
}

// differs fails the test with the diff of got from want, the golden output in file name.
func differs(t testing.TB, name, want, got string) {
	t.Helper()
	if d := Diff(want, got); d != "" {
		t.Errorf("output differs from %s (-want +got; run go test -update to accept, then review the diff):\n%s", name, d)
	}
}

// Equal compares got with want, written in the test, and shows how they differ; what names
// the output in the message.
func Equal(t testing.TB, what, want, got string) {
	t.Helper()
	if d := Diff(want, got); d != "" {
		t.Errorf("%s differs (-want +got):\n%s", what, d)
	}
}
