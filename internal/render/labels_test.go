package render

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/layouts"
)

// TestLabelsOfLayouts checks that every word the default layouts ask for ({{ .L.key }},
// {{ $.L.key }}, {{ index $.L "tax-" … }}) is in the labels table, in both scripts.
func TestLabelsOfLayouts(t *testing.T) {
	uses := regexp.MustCompile(`\.L\.(\w+)`)
	err := fs.WalkDir(layouts.Default, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".html") {
			return err
		}
		data, err := fs.ReadFile(layouts.Default, name)
		if err != nil {
			return err
		}
		for _, m := range uses.FindAllStringSubmatch(string(data), -1) {
			if words, ok := labels[m[1]]; !ok || words[0] == "" || words[1] == "" {
				t.Errorf("%s: no label %q", name, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"tags", "branches", "forms", "categories", "years"} {
		if _, ok := labels["tax-"+key]; !ok {
			t.Errorf("no label for the taxonomy %s", key)
		}
	}
}
