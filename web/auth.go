package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"doingoai/models"
	"doingoai/secure"
	"doingoai/web/urls"
)

type loginData struct {
	Login string
	Next  string
	Error string
}

func (a *App) loginForm(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if _, err := a.sessionOf(r); err == nil {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	a.render(w, r, http.StatusOK, "login.html", pageData{Title: "Đăng nhập", Data: loginData{Next: r.URL.Query().Get("next")}})
}

// login signs a person in: 303 to the page they wanted (or /) with the
// session cookie, or the form again with the error and no cookie.
func (a *App) login(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	login, pw, next := r.PostFormValue("login"), r.PostFormValue("password"), r.PostFormValue("next")
	secret, su, err := a.accounts().SignIn(r.Context(), login, pw, a.addrOf(r), r.UserAgent())
	if err != nil {
		d := loginData{Login: login, Next: next}
		status := http.StatusUnauthorized
		switch models.ErrorCode(err) {
		case models.EUNAUTHORIZED:
			d.Error = "Tên đăng nhập hoặc mật khẩu không đúng."
		case models.ERATELIMIT:
			status = http.StatusTooManyRequests
			wait := "ít phút"
			if e, ok := err.(*models.Error); ok && len(e.Fields) > 0 {
				wait = e.Fields[0].Message + " giây"
				w.Header().Set("Retry-After", e.Fields[0].Message)
			}
			d.Error = "Đăng nhập sai quá nhiều lần. Xin thử lại sau " + wait + "."
		default:
			a.fail(w, r, err)
			return
		}
		a.render(w, r, status, "login.html", pageData{Title: "Đăng nhập", Data: d})
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name: CookieName, Value: secret, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: secureRequest(r), MaxAge: int(secure.SessionAbsolute / time.Second),
	})
	a.Log.Info("signed in", "login", su.Login, "role", su.Principal.Role)
	http.Redirect(w, r, safeNext(next), http.StatusSeeOther)
}

func (a *App) logout(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(CookieName); err == nil {
		if err := a.accounts().SignOut(r.Context(), c.Value); err != nil {
			return err
		}
	}
	http.SetCookie(w, &http.Cookie{Name: CookieName, Value: "", Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: secureRequest(r), MaxAge: -1})
	http.Redirect(w, r, urls.Login(), http.StatusSeeOther)
	return nil
}

// safeNext is where to go after sign-in: a local path of this site, built
// again from the parsed value, or "/". Refused: anything with a scheme, a
// host or user, a "//" or "/\\" start (host-relative), a backslash or a
// control character anywhere, before or after percent-decoding (browsers
// drop a tab or a newline, so "/\t/evil.example" would leave the site),
// and the sign-in page itself.
func safeNext(next string) string {
	if next == "" || len(next) > 2048 || !plainPath(next) {
		return urls.Home()
	}
	if dec, err := url.PathUnescape(next); err != nil || !plainPath(dec) {
		return urls.Home()
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Opaque != "" || u.User != nil || u.Host != "" ||
		!strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "//") || strings.HasPrefix(u.Path, urls.Login()) {
		return urls.Home()
	}
	target := (&url.URL{Path: u.Path, RawPath: u.RawPath, RawQuery: u.RawQuery}).String()
	if !strings.HasPrefix(target, "/") || strings.HasPrefix(target, "//") {
		return urls.Home()
	}
	return target
}

// plainPath reports whether s has no control character (C0, DEL, C1) and
// no backslash.
func plainPath(s string) bool {
	for _, r := range s {
		if r < 0x20 || (r >= 0x7f && r <= 0x9f) || r == '\\' || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// home sends a person to their own unit's overview for the latest period
// with reports (a commune's clerk to the commune's report).
func (a *App) home(w http.ResponseWriter, r *http.Request) error {
	su := session(r)
	period, err := a.latestPeriod(r)
	if err != nil {
		return err
	}
	code := su.Principal.UnitCode
	if code != "" {
		// A unit retired by a reorganisation (district 167 ended on
		// 2025-06-30) opens on the newest period it still existed at the end of.
		if p, err := a.latestPeriodOf(r, code); err != nil {
			return err
		} else if p != "" {
			period = p
		}
	}
	switch su.Principal.Role {
	case models.RoleAdmin:
		t, err := a.Store.Tree(r.Context())
		if err != nil {
			return err
		}
		code = t.Root.Code
	case models.RoleCommune:
		// The commune's own page opens on its current report (commune.go).
		http.Redirect(w, r, urls.CommuneHome(), http.StatusSeeOther)
		return nil
	}
	http.Redirect(w, r, urls.Overview(code, period), http.StatusSeeOther)
	return nil
}

// reportPeriods are the periods that have reports, newest first, read at
// most every ten seconds.
func (a *App) reportPeriods(r *http.Request) ([]string, error) {
	a.periodsMu.Lock()
	defer a.periodsMu.Unlock()
	if a.periods != nil && time.Since(a.periodsAt) < 10*time.Second {
		return a.periods, nil
	}
	ps, err := a.Store.ReportPeriods(r.Context())
	if err != nil {
		return nil, err
	}
	a.periods, a.periodsAt = ps, time.Now()
	return ps, nil
}

// latestPeriodOf is the newest period with reports at whose end the unit
// a code names existed, or "" if none.
func (a *App) latestPeriodOf(r *http.Request, code string) (string, error) {
	ps, err := a.reportPeriods(r)
	if err != nil {
		return "", err
	}
	t, err := a.Store.Tree(r.Context())
	if err != nil {
		return "", err
	}
	for _, s := range ps {
		p, err := models.ParsePeriod(s)
		if err != nil {
			continue
		}
		if u := t.ForPeriod(code, p); u != nil && u.ExistsOn(p.LastDay()) {
			return s, nil
		}
	}
	return "", nil
}

// latestPeriod is the newest period with reports, or last year when there
// are none.
func (a *App) latestPeriod(r *http.Request) (string, error) {
	ps, err := a.reportPeriods(r)
	if err != nil {
		return "", err
	}
	if len(ps) > 0 {
		return ps[0], nil
	}
	return models.Period{Year: time.Now().Year() - 1}.String(), nil
}
