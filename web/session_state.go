package web

import (
	"encoding/json"
	"net/http"
)

// sessionAnswer is GET /phien's answer.
type sessionAnswer struct {
	SignedIn bool   `json:"signed_in"`
	Login    string `json:"login,omitempty"`
	CSRF     string `json:"csrf,omitempty"`
}

// sessionState answers whether the browser's session is alive and, if so,
// its CSRF token: a page's script asks before it sends a form, and after
// signing in again in place (the password dialog of app.js) it takes the
// new session's token, so that what the person typed is sent, not lost.
// Same-origin only: the pages answer no cross-origin request with
// credentials, so another site cannot read the token.
func (a *App) sessionState(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	ans := sessionAnswer{}
	if su, err := a.sessionOf(r); err == nil {
		ans = sessionAnswer{SignedIn: true, Login: su.Login, CSRF: su.CSRF}
	}
	json.NewEncoder(w).Encode(ans)
}
