package kinds_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/kinds"
)

// TestNamesSpelledOnce reads every Go file of the module but the tests and this package's, and
// fails on a string literal that is a kind's name, a section's folder or a script's name: each is
// spelled once, in this package, and read from it everywhere else. Only a whole literal counts
// ("lectures", not "content/lectures/x.md"). The plain page's name is left out: "page" is as
// well the English word that messages and layouts' labels use.
func TestNamesSpelledOnce(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	instead := spellings(t)
	fset := token.NewFileSet()
	err = filepath.WalkDir(root, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if base := d.Name(); name != root && (strings.HasPrefix(base, ".") || base == "node_modules" || base == "testdata" || base == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") || filepath.Dir(name) == filepath.Join(root, "internal", "kinds") {
			return nil
		}
		file, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			value, err := strconv.Unquote(lit.Value)
			if use, banned := instead[value]; err == nil && banned {
				pos := fset.Position(lit.Pos())
				rel, _ := filepath.Rel(root, pos.Filename)
				t.Errorf("%s:%d: %q spelled as a string: write %s instead: package kinds spells each once", filepath.ToSlash(rel), pos.Line, value, use)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// spellings maps each name that only package kinds may spell to what to write instead: the
// package's constant of that value, or for a section's folder, the kind's Section.
func spellings(t *testing.T) map[string]string {
	t.Helper()
	constants := map[string]string{} // value → kinds.Name
	names, _ := filepath.Glob("*.go")
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			spec, ok := n.(*ast.ValueSpec)
			if !ok {
				return true
			}
			for i, name := range spec.Names {
				if i < len(spec.Values) {
					if lit, ok := spec.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						value, _ := strconv.Unquote(lit.Value)
						constants[value] = "kinds." + name.Name
					}
				}
			}
			return true
		})
	}
	constant := func(value string) string {
		if c, ok := constants[value]; ok {
			return c
		}
		t.Fatalf("package kinds has no constant %q", value)
		return ""
	}
	instead := map[string]string{}
	for _, k := range kinds.All {
		if k.Section == "" {
			continue // the plain page: see TestNamesSpelledOnce
		}
		instead[k.Section] = fmt.Sprintf("the Section of kinds.Named(%s)", constant(k.Name))
		instead[k.Name] = constant(k.Name)
	}
	for _, script := range kinds.Scripts {
		instead[script] = constant(script)
	}
	return instead
}
