package web

import (
	"net/http"

	"doingoai/web/urls"
)

// Mounts are the paths the web app answers, as Echo patterns: the api
// package routes exactly these here, so that the pages never shadow
// /api/v1, /swagger, /healthz, /readyz or /metrics. Every pattern of
// pageRoutes lies under one of them (TestRoutesLieUnderMounts).
var Mounts = urls.Mounts

// pageRoute is one page of the route table: a method, a path (urls) and
// the handler. Every page needs a signed-in person (App.page).
type pageRoute struct {
	Method  string
	Pattern urls.Pattern
	Handler func(*App, http.ResponseWriter, *http.Request) error
}

// pageRoutes is the route table: every page of the web app. The paths are
// urls' patterns, the ones its builders fill.
var pageRoutes = []pageRoute{
	{"POST", urls.LogoutPattern, (*App).logout},
	{"GET", urls.HomePattern, (*App).home},
	{"GET", urls.SearchPattern, (*App).search},

	{"GET", urls.OverviewPattern, (*App).overview},
	{"GET", urls.DownloadPattern, (*App).download},
	{"POST", urls.DeadlinePattern, (*App).setDeadline},
	{"POST", urls.RemindersPattern, (*App).sendReminders},

	{"GET", urls.ReportPattern, (*App).report},
	{"POST", urls.ReviewPattern, (*App).review},
	{"GET", urls.DiffPattern, (*App).diff},

	// The commune's pages (commune*.go).
	{"GET", urls.CommuneHomePattern, (*App).communeHome},
	{"GET", urls.CommunePattern, (*App).communeHome},
	{"GET", urls.CommuneFormPattern, (*App).communeForm},
	{"POST", urls.CommuneFormPattern, (*App).communeSave},
	{"POST", urls.CommuneCheckPattern, (*App).communeCheck},
	{"GET", urls.CommuneHistPattern, (*App).communeHistory},
	{"POST", urls.CommuneImpPattern, (*App).communeImport},

	// The administration (admin*.go).
	{"GET", urls.TokensPattern, (*App).tokens},
	{"POST", urls.TokensPattern, (*App).createToken},
	{"POST", urls.TokenRevokePattern, (*App).revokeToken},
	{"GET", urls.AccountsPattern, (*App).accountsPage},
	{"POST", urls.AccountsPattern, (*App).createAccount},
	{"POST", urls.AccountsImpPattern, (*App).importAccounts},
	{"GET", urls.AccountPattern, (*App).confirmAccount},
	{"POST", urls.AccountOffPattern, (*App).disableAccount},
	{"POST", urls.AccountResetPattern, (*App).resetAccount},
	{"POST", urls.AccountMovePattern, (*App).moveAccount},
}

// routes registers the pages of pageRoutes and the few paths that need no
// session: the static files, the sign-in form, the session's state (read
// by the page's script) and the 404 page for everything else.
func (a *App) routes() {
	a.mux.Handle("GET "+string(urls.StaticPattern), a.serveStatic())
	a.mux.HandleFunc("GET "+string(urls.LoginPattern), a.loginForm)
	a.mux.Handle("POST "+string(urls.LoginPattern), a.origin.Handler(http.HandlerFunc(a.login)))
	a.mux.HandleFunc("GET "+string(urls.SessionPattern), a.sessionState)
	for _, rt := range pageRoutes {
		h := rt.Handler
		a.page(rt.Method+" "+string(rt.Pattern), func(w http.ResponseWriter, r *http.Request) error { return h(a, w, r) })
	}
	a.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		a.renderError(w, r, http.StatusNotFound, "Không tìm thấy", "Trang này không tồn tại.")
	})
}
