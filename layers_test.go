package main

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// layers is the design's map as a rule: for each package, the imports it
// must not have. The domain (models) knows nothing else; the store is
// persistence (no HTTP, no use case, no edge, no password hashing or
// sealing, no drawing of secrets); secure (passwords, sign-in throttling, sessions' secrets,
// sealing) is pure — no database, no HTTP, no other layer; the use cases
// (app) know no HTTP; the edges (handlers, web) do not call each other;
// the pages' URL builder (web/urls) is paths only, which api and web both
// use; Echo stays in api. DESIGN.md draws the same map.
var layers = map[string][]string{
	"models":       {"doingoai/", "net/http", "database/sql", "gorm.io/", "github.com/labstack/"},
	"store":        {"net/http", "golang.org/x/crypto/", "crypto/aes", "crypto/cipher", "crypto/rand", "doingoai/secure", "github.com/labstack/", "doingoai/app", "doingoai/api", "doingoai/handlers", "doingoai/web", "doingoai/consolidated", "doingoai/docimport", "doingoai/export", "doingoai/httperr", "html/template"},
	"secure":       {"net/http", "database/sql", "gorm.io/", "github.com/labstack/", "doingoai/store", "doingoai/app", "doingoai/api", "doingoai/handlers", "doingoai/web", "doingoai/consolidated", "doingoai/docimport", "doingoai/export", "doingoai/httperr", "html/template"},
	"app":          {"net/http", "github.com/labstack/", "doingoai/api", "doingoai/handlers", "doingoai/web", "html/template"},
	"docimport":    {"net/http", "github.com/labstack/", "doingoai/store", "doingoai/app", "doingoai/api", "doingoai/handlers", "doingoai/web"},
	"docx":         {"doingoai/", "net/http"},
	"export":       {"net/http", "github.com/labstack/", "doingoai/store", "doingoai/api", "doingoai/handlers", "doingoai/web"},
	"consolidated": {"net/http", "github.com/labstack/", "doingoai/api", "doingoai/handlers", "doingoai/web"},
	"httperr":      {"github.com/labstack/", "doingoai/store", "doingoai/app", "doingoai/api", "doingoai/handlers", "doingoai/web"},
	"handlers":     {"github.com/labstack/", "doingoai/api", "doingoai/web"},
	"web":          {"github.com/labstack/", "doingoai/api", "doingoai/handlers"},
	"web/urls":     {"doingoai/", "net/http", "html/template", "database/sql", "gorm.io/", "github.com/labstack/"},
}

// knownBreaks are the imports that break the map today, each with the
// step that removes it. The test fails when a new one appears, and when
// one of these is gone (so that the list only shrinks).
var knownBreaks = map[string]string{}

func TestPackagesKeepToTheirLayer(t *testing.T) {
	seen := map[string]bool{}
	for pkg, forbidden := range layers {
		p, err := build.ImportDir(pkg, 0)
		if err != nil {
			t.Fatalf("%s: %v", pkg, err)
		}
		for _, imp := range p.Imports {
			if !slices.ContainsFunc(forbidden, func(f string) bool { return imp == f || strings.HasSuffix(f, "/") && strings.HasPrefix(imp, f) }) {
				continue
			}
			key := pkg + " " + imp
			if why, ok := knownBreaks[key]; ok {
				seen[key] = true
				t.Logf("known break, to remove: %s imports %s (%s)", pkg, imp, why)
				continue
			}
			t.Errorf("%s imports %s, which its layer must not", pkg, imp)
		}
	}
	for key := range knownBreaks {
		if !seen[key] {
			t.Errorf("%q no longer breaks the map: take it out of knownBreaks", key)
		}
	}
	// Echo is confined to api: no other package of the service imports it.
	for _, pkg := range []string{".", "models", "store", "secure", "app", "handlers", "web", "web/urls", "consolidated", "docimport", "docx", "export", "httperr", "metrics", "migrations"} {
		p, err := build.ImportDir(pkg, 0)
		if err != nil {
			t.Fatalf("%s: %v", pkg, err)
		}
		for _, imp := range p.Imports {
			if strings.HasPrefix(imp, "github.com/labstack/") {
				t.Errorf("%s imports %s: Echo stays in api", pkg, imp)
			}
		}
	}
}

// TestTotalsReadByTheUseCase: the edges (handlers, web) read a rollup and
// completeness through the use case (app.Totals), never from the store
// themselves, so that a page's figures and the API's answer come from the
// same code, after the same rule of who reads them.
func TestTotalsReadByTheUseCase(t *testing.T) {
	for _, dir := range []string{"handlers", "web"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || (sel.Sel.Name != "Rollup" && sel.Sel.Name != "Completeness") {
					return true
				}
				if st, ok := sel.X.(*ast.SelectorExpr); ok && st.Sel.Name == "Store" {
					t.Errorf("%s calls Store.%s: read it through app.Totals", name, sel.Sel.Name)
				}
				return true
			})
		}
	}
}
