package store

import (
	"go/ast"
	"go/types"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// writePath are the store's entries of a report's write path, whose
// statements go through database/sql (sql.go's header): what a submission
// asks of the store (app.Reports.Submit: its key's LookupIdempotent, the
// tree, the previous period's figures for the warnings, DryRun or Submit;
// run is the group commit's batch, started by the submitter's goroutine)
// and a review.
var writePath = []string{"Store.LookupIdempotent", "Store.Tree", "Store.PreviousFigures", "Store.DryRun", "Store.Submit", "submitter.run", "Store.Review"}

// notEveryTime are functions the write path reaches that do not run for
// every submission or review, and so keep to GORM, with the reason.
var notEveryTime = map[string]string{
	"loadTree": "reads the unit tree once per change of it (tree_version); every other transaction uses the tree in memory",
}

// TestOnePathPerKindOfStatement holds the store to its rule (sql.go): a
// function that a submission or a review runs writes its SQL through
// database/sql (exec, query, insertRows), never GORM's Raw or Exec; every
// other function writes SQL by hand through GORM's Raw and Exec, and
// reaches database/sql only for a multi-row INSERT (insertRows). Which
// functions a submission or a review runs is read from the typed source:
// what writePath calls or passes on, and what that does, in the package.
func TestOnePathPerKindOfStatement(t *testing.T) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo}, ".")
	if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
		t.Fatalf("load the store's source: %v %v", err, pkgs)
	}
	pkg := pkgs[0]
	// The package's functions, each by its name ("Store.Submit", "loadTree").
	decls := map[*types.Func]*ast.FuncDecl{}
	byName := map[string]*types.Func{}
	for _, f := range pkg.Syntax {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				fn := pkg.TypesInfo.Defs[fd.Name].(*types.Func)
				decls[fn] = fd
				byName[funcName(fn)] = fn
			}
		}
	}
	onPath := map[*types.Func]bool{}
	var walk func(fn *types.Func)
	walk = func(fn *types.Func) {
		if onPath[fn] || notEveryTime[funcName(fn)] != "" || decls[fn] == nil {
			return
		}
		onPath[fn] = true
		ast.Inspect(decls[fn].Body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if used, ok := pkg.TypesInfo.Uses[id].(*types.Func); ok && used.Pkg() == pkg.Types {
					walk(used.Origin())
				}
			}
			return true
		})
	}
	for _, e := range writePath {
		if byName[e] == nil {
			t.Fatalf("the write path's entry %s is gone: name the store's entries of a submission and a review", e)
		}
		walk(byName[e])
	}
	var wrong []string
	for fn, fd := range decls {
		name := funcName(fn)
		if name == "Store.insertRowsReturning" || name == "Store.exec" || name == "Store.query" {
			continue // database/sql's own helpers
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			callee, ok := pkg.TypesInfo.Uses[sel.Sel].(*types.Func)
			if !ok || callee.Pkg() == nil {
				return true
			}
			at := pkg.Fset.Position(call.Pos())
			where := at.Filename[strings.LastIndex(at.Filename, "/")+1:] + ":" + itoa(at.Line)
			gormRaw := callee.Pkg().Path() == "gorm.io/gorm" && (callee.Name() == "Raw" || callee.Name() == "Exec")
			direct := callee.Pkg() == pkg.Types && (callee.Name() == "exec" || callee.Name() == "query")
			switch {
			case onPath[fn] && gormRaw:
				wrong = append(wrong, where+": "+name+" runs for every submission or review and calls GORM's "+callee.Name()+"; use s.exec or s.query")
			case !onPath[fn] && direct:
				wrong = append(wrong, where+": "+name+" runs off the submission's and the review's path and calls s."+callee.Name()+"; use GORM's Raw or Exec")
			}
			return true
		})
	}
	sort.Strings(wrong)
	for _, w := range wrong {
		t.Error(w)
	}
	var path []string
	for fn := range onPath {
		path = append(path, funcName(fn))
	}
	sort.Strings(path)
	t.Logf("on the write path: %s", strings.Join(path, ", "))
}

// funcName is "Type.method" for a method, the name for a function.
func funcName(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil {
		return fn.Name()
	}
	rt := recv.Type()
	if p, ok := rt.(*types.Pointer); ok {
		rt = p.Elem()
	}
	if n, ok := rt.(*types.Named); ok {
		return n.Obj().Name() + "." + fn.Name()
	}
	return fn.Name()
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		if n /= 10; n == 0 {
			return string(b[i:])
		}
	}
}
