// Package web is the web app of doingoai: the pages people use in a
// browser (Vietnamese), served by the same binary as the API. Pages are
// server-rendered html/template with a little progressive JavaScript
// (static/app.js; every page works without it); templates, styles and
// scripts are embedded (go:embed), nothing is loaded from another host, and
// every page is sent with a strict Content-Security-Policy (default-src
// 'self', so no inline script or style attribute either).
//
// The package uses net/http only. The api package mounts it under Echo at
// the paths in Mounts, so that a page never shadows /api/v1, /swagger,
// /healthz, /readyz or /metrics.
//
// # Who is signed in
//
// People sign in at /login with an account made by `doingoai user create`
// (app.Accounts.SignIn, with package secure: argon2id hashes, sessions in
// the database, failed sign-ins slowed per login and per address). The session cookie
// (doingoai_session: HttpOnly, SameSite=Lax, Secure over HTTPS) carries a
// random secret whose SHA-256 names the session row. A signed-in person has
// a models.Principal exactly like a token's — same role, same unit — so the
// scope rule of the API (models.Tree.InScope) and the store's functions apply
// unchanged, and the audit trail names the person ("Name (login)").
//
// # Every figure from the API's code
//
// A page calls the same use cases (app.Reports.Submit, app.Reviews,
// app.Deadlines, app.Exports, app.Tokens, app.Totals — the overview's
// figures, GET /rollups's and /completeness's —, …) and store functions
// (Store.GetReport, …) as the API handler for the same operation or
// figures, after the same scope check; it asks
// the use case whether to offer a form or a link (app.Deadlines.May,
// app.Reviews.May, app.Tokens.May); it formats numbers, it never adds them
// up.
//
// # How to add a page
//
// Put the handler in a file of its own (issue 15's commune pages:
// web/commune*.go), name its path in package urls (a Pattern and a
// function that fills it) and add a line to the route table, pageRoutes in
// routes.go:
//
//	{"GET", urls.CommuneFormPattern, (*App).communeForm},
//	{"POST", urls.CommuneFormPattern, (*App).communeSave},
//
// Every route is a page: it requires a signed-in person (a GET without a
// session goes to /login and back), checks every other method for the
// Origin of this site and the form field "csrf" against the session's
// token, and puts the person in the request's context: session(r) is the
// models.SessionUser, session(r).Principal the principal to hand to the
// store. The paths must lie under one of urls.Mounts (/xa/* is reserved
// for the commune's pages); a new prefix is added there.
//
// Links, form actions and redirects are built by package urls alone:
// urls.Overview(code, period) in Go, {{overviewURL .Unit.Code .Period}} in
// a template (the URL functions of funcs, format.go, where every template
// function is). TestRoutesReachTheirHandlers checks that each builder
// reaches its page; TestNoHandBuiltURLs fails on a path spelled anywhere
// else.
//
// The handler returns an error rather than writing one: a.fail shows
// EFORBIDDEN as the 403 page, ENOTFOUND as 404, anything unexpected as a
// logged 500 — never a stack trace, never another unit's data.
//
// The template goes in templates/NAME.html (commune pages:
// templates/commune*.html) and defines "main"; layout.html wraps it
// (header, search, sign-out, breadcrumbs), and every templates/*.part.html
// is a shared piece available to every page. Render it with
//
//	a.render(w, r, http.StatusOK, "NAME.html", pageData{Title: title, Crumbs: crumbs, Data: yourData})
//
// and read your data in the template as .Page. Every form that changes
// something carries <input type="hidden" name="csrf" value="{{$.CSRF}}">.
// A form's errors are shown at their field (aria-invalid,
// aria-describedby) with status 422, as the deadline form of overview.html
// does.
//
// No inline <script>, no style="…", no on…= handlers (the CSP refuses
// them): behaviour goes in static/app.js, styles in static/app.css, both
// referenced through {{asset .Assets "app.js"}} (the URL carries a hash of
// the content, so that browsers may keep it for a year).
//
// Test a page as web_test.go does (the real router, a real database, a
// cookie jar) and in the browser test (browser_test.go).
package web
