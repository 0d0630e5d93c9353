package golden

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// Cases runs a subtest for each case of the folder dir, named after its file NAME.txtar. A
// case is a txtar archive that reads like a bug report: its comment says what the case is
// about, its files are the input, and its sections named want, or want and a name after a
// space, are the output that run must return for that input, in that order. With -update, the
// output run returns replaces them.
//
// A txtar archive ends each file with a line end: a case whose input or output must not is
// written in Go, and so is one whose point is a byte that a reader cannot see.
func Cases(t *testing.T, dir string, run func(t *testing.T, input []txtar.File) (want []txtar.File)) {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no cases in %s: %v", dir, err)
	}
	for _, name := range names {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			c := txtar.Parse(data)
			if len(bytes.TrimSpace(c.Comment)) == 0 {
				t.Errorf("%s: no comment at the top saying what the case is about", name)
			}
			var input, want []txtar.File
			for _, f := range c.Files {
				if isWant(f.Name) {
					want = append(want, f)
				} else {
					input = append(input, f)
				}
			}
			got := run(t, input)
			for _, f := range got {
				if !isWant(f.Name) || len(f.Data) > 0 && f.Data[len(f.Data)-1] != '\n' {
					t.Fatalf("output %q: want a section named want or want NAME, ending in a line end", f.Name)
				}
			}
			if *update {
				c.Files = append(input, got...)
				if err := os.WriteFile(name, txtar.Format(c), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			differs(t, name, string(txtar.Format(&txtar.Archive{Files: want})), string(txtar.Format(&txtar.Archive{Files: got})))
		})
	}
}

// isWant reports whether a file of a case is a section of its output.
func isWant(name string) bool { return name == "want" || strings.HasPrefix(name, "want ") }
