package generator_test

import (
	"go/build"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// layers are the module's packages from the bottom up, as docs/architecture.md draws them: a
// package imports only packages of the layers below its own. The pipeline's stages come in
// their order, source → frontmatter → validate → page → convert → render → publish, with
// the libraries they use below them; generator, which runs the stages, and the commands'
// engines beside it come last.
var layers = [][]string{
	{"internal/msg"},
	{"internal/diag", "internal/kinds", "internal/search", "internal/zipfile", "internal/docread", "internal/photo", "layouts"},
	{"internal/textfile", "internal/yamlnode", "internal/lastmod", "internal/media", "internal/markdown", "internal/docx"},
	{"internal/config", "internal/source"},
	{"internal/frontmatter"},
	{"internal/validate", "internal/hygiene"},
	{"internal/page"},
	{"internal/metric"},
	{"internal/chart"},
	{"internal/convert"},
	{"internal/render", "internal/feed"},
	{"internal/publish"},
	{"generator"},
	{"articles", "check", "newpage", "serve"},
	{"importdoc"},
	{"cmd/dangjian"},
}

// support are the packages the tests, the benchmarks and the set-up use, outside the
// pipeline: they may import anything, and no layer may import them.
var support = []string{
	"deploy", "setup", "internal/browser", "internal/corpus", "internal/gittest", "internal/golden",
	"internal/linkcheck", "internal/sitetest", "internal/testenv", "internal/vnu", "internal/wordfixture", "internal/phototest",
	"internal/cmd/gencorpus", "internal/cmd/sitecheck", "internal/hygiene/internal/mkchars",
	"internal/kinds/internal/mkdoc", "newpage/internal/mkpinyin", "windows", "internal/cmd/mkzip", "internal/cmd/fontsubset",
}

const module = "github.com/dangjian/dangjian/"

// TestLayers reads the imports of every package of the module (its non-test files) and checks
// them against layers: no stage imports a later one, and every package has its place.
func TestLayers(t *testing.T) {
	layerOf := map[string]int{}
	for i, layer := range layers {
		for _, pkg := range layer {
			layerOf[pkg] = i
		}
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(root, func(dir string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if base := d.Name(); dir != root && (strings.HasPrefix(base, ".") || base == "node_modules" || base == "testdata") {
			return filepath.SkipDir
		}
		p, err := build.ImportDir(dir, 0)
		if _, none := err.(*build.NoGoError); none {
			return nil
		} else if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, dir)
		name := filepath.ToSlash(rel)
		layer, inLayer := layerOf[name]
		if !inLayer {
			if !slices.Contains(support, name) {
				t.Errorf("%s has no place in the layers: add it to layers (and docs/architecture.md) or to support", name)
			}
			return nil
		}
		for _, imp := range p.Imports {
			dep, ours := strings.CutPrefix(imp, module)
			if !ours {
				continue
			}
			switch depLayer, ok := layerOf[dep]; {
			case !ok:
				t.Errorf("%s imports %s, which the tests and the set-up use, not the product", name, dep)
			case depLayer >= layer:
				t.Errorf("%s (layer %d) imports %s (layer %d): a package imports only those below it", name, layer, dep, depLayer)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
