package web

import (
	"go/scanner"
	"go/token"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"doingoai/web/urls"
)

// TestRoutesReachTheirHandlers walks the route table: every URL the
// builders make, including one with a code that needs escaping, is routed
// to the page it names (never the 404 page), and every route of the table
// is reached by a builder.
func TestRoutesReachTheirHandlers(t *testing.T) {
	a, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	type handler = func(*App, http.ResponseWriter, *http.Request) error
	cases := []struct {
		method, url string
		want        handler
	}{
		{"POST", urls.Logout(), (*App).logout},
		{"GET", urls.Home(), (*App).home},
		{"GET", urls.Search(), (*App).search},
		{"GET", urls.Overview("167", "2024"), (*App).overview},
		{"GET", urls.Overview("a b/c?d", "2024-Q1") + "?chi-tieu=households#bieu-do", (*App).overview},
		{"GET", urls.Unit("167", "2024", false), (*App).overview},
		{"GET", urls.Download("167", "2024", "tong-hop.xlsx"), (*App).download},
		{"POST", urls.Deadline("167", "2024"), (*App).setDeadline},
		{"POST", urls.Reminders("167", "2024"), (*App).sendReminders},
		{"GET", urls.Report("05596", "2024"), (*App).report},
		{"GET", urls.Unit("05596", "2024", true), (*App).report},
		{"POST", urls.Review("05596", "2024"), (*App).review},
		{"GET", urls.Diff("05596", "2024") + "?tu=1&den=2", (*App).diff},
		{"GET", urls.CommuneHome(), (*App).communeHome},
		{"GET", urls.Commune("05596"), (*App).communeHome},
		{"GET", urls.CommuneForm("05596", "2024") + "?da=nhap-file", (*App).communeForm},
		{"POST", urls.CommuneForm("05596", "2024"), (*App).communeSave},
		{"POST", urls.CommuneCheck("05596", "2024"), (*App).communeCheck},
		{"GET", urls.CommuneHistory("05596", "2024"), (*App).communeHistory},
		{"POST", urls.CommuneImport("05596", "2024"), (*App).communeImport},
		{"GET", urls.Tokens(), (*App).tokens},
		{"POST", urls.Tokens() + "#ma-moi", (*App).createToken},
		{"POST", urls.TokenRevoke("7"), (*App).revokeToken},
		{"GET", urls.Accounts(), (*App).accountsPage},
		{"POST", urls.Accounts(), (*App).createAccount},
		{"POST", urls.AccountsImport(), (*App).importAccounts},
		{"GET", urls.Account("nguyễn/an", "khoa"), (*App).confirmAccount},
		{"POST", urls.Account("nguyễn/an", "khoa"), (*App).disableAccount},
		{"POST", urls.Account("an", "cap-lai-mat-khau"), (*App).resetAccount},
		{"POST", urls.Account("an", "chuyen-don-vi"), (*App).moveAccount},
	}
	name := func(h handler) string { return strconv.FormatUint(uint64(reflect.ValueOf(h).Pointer()), 16) }
	byPattern := map[string]handler{}
	for _, rt := range pageRoutes {
		byPattern[rt.Method+" "+string(rt.Pattern)] = rt.Handler
	}
	reached := map[string]bool{}
	for _, c := range cases {
		target, _, _ := strings.Cut(c.url, "#") // a browser keeps the fragment to itself
		_, pattern := a.mux.Handler(httptest.NewRequest(c.method, target, nil))
		h, ok := byPattern[pattern]
		if !ok {
			t.Errorf("%s %s is routed to %q, not a page of the table", c.method, c.url, pattern)
			continue
		}
		if name(h) != name(c.want) {
			t.Errorf("%s %s is routed to %q, whose handler is not the one its builder names", c.method, c.url, pattern)
		}
		reached[pattern] = true
	}
	for p := range byPattern {
		if !reached[p] {
			t.Errorf("no URL builder reaches %s", p)
		}
	}
	// And an unknown path is the 404 page, not a page of the table.
	if _, pattern := a.mux.Handler(httptest.NewRequest("GET", "/u/167", nil)); pattern != "/" {
		t.Errorf("GET /u/167 is routed to %q, want the 404 page", pattern)
	}
}

// TestRoutesLieUnderMounts: the api package hands the web app only the
// paths of Mounts, so a page outside them would never be reached.
func TestRoutesLieUnderMounts(t *testing.T) {
	under := func(p string) bool {
		p = strings.TrimSuffix(p, "{$}")
		for _, m := range Mounts {
			if m == p || strings.HasSuffix(m, "*") && strings.HasPrefix(p, strings.TrimSuffix(m, "*")) {
				return true
			}
		}
		return false
	}
	for _, rt := range pageRoutes {
		if !under(string(rt.Pattern)) {
			t.Errorf("%s %s lies under none of Mounts %v", rt.Method, rt.Pattern, Mounts)
		}
	}
}

// TestNoHandBuiltURLs: a page's path is spelled in package urls alone. The
// string literals of the package's Go files and the text of its templates
// hold none of the pages' prefixes (Mounts), and no template appends a
// path to a URL ("{{.Base}}/lich-su").
func TestNoHandBuiltURLs(t *testing.T) {
	var prefixes []string
	for _, m := range Mounts {
		if m != "/" && m != "/static/*" {
			prefixes = append(prefixes, regexp.QuoteMeta(strings.TrimSuffix(m, "*")))
		}
	}
	page := regexp.MustCompile(`(^|[^\w.-])(` + strings.Join(prefixes, "|") + `)($|[^\w-])`)
	appended := regexp.MustCompile(`\}\}/[\w-]`)
	goFiles, _ := filepath.Glob("*.go")
	templates, _ := filepath.Glob("templates/*.html")
	if len(goFiles) == 0 || len(templates) == 0 {
		t.Fatal("no files to read")
	}
	found := 0
	for _, f := range goFiles {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		var s scanner.Scanner
		s.Init(fset.AddFile(f, -1, len(src)), src, nil, 0)
		for {
			pos, tok, lit := s.Scan()
			if tok == token.EOF {
				break
			}
			if tok == token.STRING && page.MatchString(lit) {
				found++
				t.Errorf("%s: a hand-built page path %s (build it with package urls)", fset.Position(pos), lit)
			}
		}
	}
	for _, f := range templates {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if m := page.FindString(line); m != "" {
				found++
				t.Errorf("%s:%d: a hand-built page path %q (use a URL function of funcs)", f, i+1, m)
			}
			if m := appended.FindString(line); m != "" {
				found++
				t.Errorf("%s:%d: a path appended to a URL %q (use a URL function of funcs)", f, i+1, m)
			}
		}
	}
	// The scripts take the service's paths from the page (data-login, …,
	// written by the layout with the URL functions): none is spelled in a
	// string of theirs.
	scripts, _ := filepath.Glob("static/*.js")
	jsString := regexp.MustCompile(`"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|` + "`[^`]*`")
	for _, f := range scripts {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "//") {
				continue
			}
			for _, lit := range jsString.FindAllString(line, -1) {
				if page.MatchString(lit) {
					found++
					t.Errorf("%s:%d: a page path spelled in the script %s (take it from the page: a data attribute the layout writes with a URL function)", f, i+1, lit)
				}
			}
		}
	}
	t.Logf("%d Go files, %d templates and %d scripts read, %d hand-built paths", len(goFiles), len(templates), len(scripts), found)
}
