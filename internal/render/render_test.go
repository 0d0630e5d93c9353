package render

import (
	"html/template"
	"testing"
)

// TestCachedKeepsKeysApart checks that a partial is reused under the same keys only, even
// where different keys written one after the other read the same: section "a" at depth 12
// and section "a1" at depth 2.
func TestCachedKeepsKeysApart(t *testing.T) {
	layout := template.Must(template.New(singleLayout).Parse(`{{ define "partial" }}{{ . }}{{ end }}`))
	r := &Renderer{templates: map[string]*template.Template{singleLayout: layout}}
	for _, tc := range []struct {
		data, section string
		depth         int
		want          template.HTML
	}{
		{"deep in a", "a", 12, "deep in a"},
		{"in a1", "a1", 2, "in a1"},
		{"deep in a again", "a", 12, "deep in a"}, // the same keys: the first output, reused
	} {
		got, err := r.cached("partial", tc.data, tc.section, tc.depth)
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("cached(%q, %d) = %q, want %q", tc.section, tc.depth, got, tc.want)
		}
	}
}
