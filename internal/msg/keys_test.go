package msg_test

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestEveryMessageInTheCatalogue: no code outside package msg writes a message out. A string
// constant written where a msg.Key goes compiles (an untyped constant), and would print the
// same English in both languages and be a second home of its text: every such place must name
// a key of the catalogue instead. Tests may make up messages of their own.
func TestEveryMessageInTheCatalogue(t *testing.T) {
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo, Dir: "../..", Tests: true}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{} // a package's files come again in its test variant
	for _, pkg := range pkgs {
		if pkg.PkgPath == "github.com/dangjian/dangjian/internal/msg" {
			continue
		}
		for _, e := range pkg.Errors {
			t.Errorf("%s: %v", pkg.PkgPath, e)
		}
		for _, file := range pkg.Syntax {
			name := pkg.Fset.Position(file.Pos()).Filename
			if seen[name] || strings.HasSuffix(name, "_test.go") {
				continue
			}
			seen[name] = true
			ast.Inspect(file, func(n ast.Node) bool {
				e, ok := n.(ast.Expr)
				if !ok {
					return true
				}
				tv, ok := pkg.TypesInfo.Types[e]
				if !ok || tv.Value == nil || !isKey(tv.Type) {
					return true
				}
				// A constant of type msg.Key: a literal converted where a key goes, or a
				// constant declared outside the catalogue.
				if sel, ok := e.(*ast.SelectorExpr); ok {
					if id, ok := sel.X.(*ast.Ident); ok && id.Name == "msg" {
						return false
					}
				}
				t.Errorf("%s: the message %q is written out: declare it in internal/msg and name it here", pkg.Fset.Position(e.Pos()), constant.StringVal(tv.Value))
				return false
			})
		}
	}
	if len(pkgs) < 20 {
		t.Fatalf("only %d packages loaded", len(pkgs))
	}
}

func isKey(t types.Type) bool {
	named, ok := t.(*types.Named)
	return ok && named.Obj().Name() == "Key" && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "github.com/dangjian/dangjian/internal/msg"
}
