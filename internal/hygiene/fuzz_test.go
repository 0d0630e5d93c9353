package hygiene

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/msg"
)

// FuzzCheck feeds Check any bytes, seeded with the files of testdata/ (the source document's
// garbled sentences among them) and each of their lines, and checks what --fix relies on:
// positions inside the file, edits that never touch a line end and never overlap, and one
// round of edits leaving nothing more to repair; and that Count agrees.
func FuzzCheck(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.*")
	for _, name := range seeds {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		isYAML := strings.HasSuffix(name, ".yaml")
		f.Add(data, isYAML, false)
		for line := range bytes.Lines(data) {
			f.Add(line, false, true)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, isYAML, simplified bool) {
		file, script := "content/x.md", kinds.Traditional
		if isYAML {
			file = "site.yaml"
		}
		if simplified {
			script = kinds.Simplified
		}
		site := &config.Site{Script: script}
		writing := Learn(site, data)
		found := Check(file, data, writing)
		if n := Count(file, data, writing); n != len(found) {
			t.Fatalf("Count says %d findings, Check finds %d", n, len(found))
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		end := 0
		var edits []Edit
		for _, f := range found {
			if f.Pos.File != file || f.Pos.Line < 1 || f.Pos.Line > lines || f.Pos.Col < 1 {
				t.Fatalf("finding outside the file: %v", f.Problem)
			}
			if (len(f.Edits) > 0) != (f.Done.Key != "") {
				t.Fatalf("edits %v and done %q disagree", f.Edits, f.Done.Text(msg.English))
			}
			edits = append(edits, f.Edits...)
		}
		slices.SortFunc(edits, func(a, b Edit) int { return a.Start - b.Start })
		for _, e := range edits {
			if e.Start < end || e.End < e.Start || e.End > len(data) {
				t.Fatalf("edit %+v overlaps or leaves the file (%d bytes)", e, len(data))
			}
			if bytes.ContainsAny(data[e.Start:e.End], "\r\n") {
				t.Fatalf("edit %+v touches a line end: %q", e, data[e.Start:e.End])
			}
			end = e.End
		}
		fixed := Apply(data, found)
		if bytes.Count(fixed, []byte("\n")) != lines-1 || bytes.Count(fixed, []byte("\r\n")) != bytes.Count(data, []byte("\r\n")) {
			t.Fatalf("line ends changed:\n%q\n%q", data, fixed)
		}
		for _, again := range Check(file, fixed, Learn(site, fixed)) { // as check learns again after --fix
			if len(again.Edits) > 0 {
				t.Fatalf("after one fix, still to fix: %v\nin %q\nfixed from %q", again.Problem, fixed, data)
			}
		}
	})
}
