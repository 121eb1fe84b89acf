package extract

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestWordLists keeps the hand-written word lists tidy: every set("…", …)
// and every phrase list cw(Category, "…", …) in the package's source is
// sorted and holds each word once, and no map literal repeats a string
// key. A repeat hides nothing today but makes the next edit ambiguous:
// which copy is the one that matters?
func TestWordLists(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := gotoken.NewFileSet()
	lists := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				id, ok := n.Fun.(*ast.Ident)
				if !ok {
					return true
				}
				switch {
				case id.Name == "set":
					if checkWordList(t, fset, n.Args) {
						lists++
					}
				case id.Name == "cw" && len(n.Args) > 1:
					if checkWordList(t, fset, n.Args[1:]) {
						lists++
					}
				}
			case *ast.CompositeLit:
				if _, ok := n.Type.(*ast.MapType); ok {
					checkMapKeys(t, fset, n)
				}
			}
			return true
		})
	}
	if lists < 20 {
		t.Errorf("found only %d word lists; has set() or cw() been renamed?", lists)
	}
}

// checkWordList reports repeated and out-of-order words in args when they
// are all string literals, and says whether they were.
func checkWordList(t *testing.T, fset *gotoken.FileSet, args []ast.Expr) bool {
	t.Helper()
	words := make([]string, len(args))
	for i, a := range args {
		w, ok := stringLit(a)
		if !ok {
			return false
		}
		words[i] = w
	}
	seen := make(map[string]gotoken.Pos, len(words))
	for i, w := range words {
		if p, dup := seen[w]; dup {
			t.Errorf("%s: %q repeats the word at %s", fset.Position(args[i].Pos()), w, fset.Position(p))
			continue
		}
		seen[w] = args[i].Pos()
		if i > 0 && w < words[i-1] {
			t.Errorf("%s: %q is out of order (after %q); keep the list sorted", fset.Position(args[i].Pos()), w, words[i-1])
		}
	}
	return true
}

// checkMapKeys reports a string key given twice in one map literal.
func checkMapKeys(t *testing.T, fset *gotoken.FileSet, lit *ast.CompositeLit) {
	t.Helper()
	seen := map[string]bool{}
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		k, ok := stringLit(kv.Key)
		if !ok {
			continue
		}
		if seen[k] {
			t.Errorf("%s: map key %q repeats", fset.Position(kv.Pos()), k)
		}
		seen[k] = true
	}
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != gotoken.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}
