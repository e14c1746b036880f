package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"errors"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"doingoai/app"
	"doingoai/httperr"
	"doingoai/models"
	"doingoai/secure"
	"doingoai/store"
	"doingoai/web/urls"
)

//go:embed templates static
var files embed.FS

// CookieName is the session cookie.
const CookieName = "doingoai_session"

// Config is what the web app needs.
type Config struct {
	Store  *store.Store
	Logger *slog.Logger
	// ClientAddr finds the client's address in a request: the API's own
	// function (which honours X-Forwarded-For from TRUSTED_PROXIES only),
	// so that sign-ins and API calls count one client alike. Without it
	// the client is the peer.
	ClientAddr func(*http.Request) string
	// ImportRate limits how many documents each person may have read by
	// "Bắt đầu từ file Word"; nil: no limit.
	ImportRate *app.ClientRate
	// Reminders sends the reminders of the overview's "Nhắc nhở".
	Reminders app.Reminders
}

// App is the web app: its routes, templates and the store.
type App struct {
	Store *store.Store
	Log   *slog.Logger

	mux       *http.ServeMux
	pages     map[string]*template.Template
	assetHash map[string]string // static file → short hash of its content, for cache busting
	origin    *http.CrossOriginProtection
	addrOf    func(*http.Request) string

	importRate *app.ClientRate // Config.ImportRate
	reminders  app.Reminders   // Config.Reminders, with the store

	periodsMu sync.Mutex
	periods   []string
	periodsAt time.Time
}

// New returns the web app as a net/http handler.
func New(cfg Config) (*App, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	a := &App{Store: cfg.Store, Log: cfg.Logger, mux: http.NewServeMux(), origin: http.NewCrossOriginProtection(), importRate: cfg.ImportRate, addrOf: cfg.ClientAddr}
	if a.addrOf == nil {
		a.addrOf = peerAddr
	}
	a.reminders = cfg.Reminders
	a.reminders.Store, a.reminders.Log = cfg.Store, cfg.Logger
	a.origin.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.renderError(w, r, http.StatusForbidden, "Yêu cầu bị từ chối", "Biểu mẫu này được gửi từ một trang khác. Vì an toàn, yêu cầu không được thực hiện. Hãy mở lại trang và thử lại.")
	}))
	if err := a.loadAssets(); err != nil {
		return nil, err
	}
	if err := a.loadTemplates(); err != nil {
		return nil, err
	}
	a.routes()
	return a, nil
}

// ServeHTTP answers a request to the web app with the security headers
// of every page.
func (a *App) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	pageHeaders(w.Header())
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			a.Log.Error("panic in a page", "path", r.URL.Path, "err", v)
			a.renderError(w, r, http.StatusInternalServerError, "Lỗi hệ thống", "Đã có lỗi xảy ra. Lỗi đã được ghi lại; xin thử lại sau.")
		}
	}()
	a.mux.ServeHTTP(w, r)
}

// pageFunc is a page that needs a signed-in person, who is in the
// request's context (session(r)) as is their principal (for the store).
type pageFunc func(w http.ResponseWriter, r *http.Request) error

// page registers a page for signed-in people. pattern is a net/http
// ServeMux pattern ("GET /u/{code}/{period}"). Every method but GET and
// HEAD must come from a page of this site (Origin checked) and carry the
// session's CSRF token in the form field "csrf".
func (a *App) page(pattern string, h pageFunc) {
	a.mux.Handle(pattern, a.origin.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		su, err := a.sessionOf(r)
		if err != nil {
			if r.Method == http.MethodGet || r.Method == http.MethodHead {
				http.Redirect(w, r, urls.LoginThen(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			a.renderError(w, r, http.StatusUnauthorized, "Phiên làm việc đã kết thúc", "Xin đăng nhập lại rồi thực hiện lại thao tác.")
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
			if subtle.ConstantTimeCompare([]byte(r.PostFormValue("csrf")), []byte(su.CSRF)) != 1 {
				a.renderError(w, r, http.StatusForbidden, "Yêu cầu bị từ chối", "Biểu mẫu đã cũ hoặc không được gửi từ trang này. Hãy tải lại trang và thử lại.")
				return
			}
		}
		ctx := context.WithValue(r.Context(), sessionKey{}, su)
		ctx = models.WithPrincipal(ctx, su.Principal)
		r = r.WithContext(ctx)
		w.Header().Set("Cache-Control", "no-store")
		if err := h(w, r); err != nil {
			a.fail(w, r, err)
		}
	})))
}

type sessionKey struct{}

// session returns the signed-in person of a page's request.
func session(r *http.Request) models.SessionUser {
	su, _ := r.Context().Value(sessionKey{}).(models.SessionUser)
	return su
}

func (a *App) sessionOf(r *http.Request) (models.SessionUser, error) {
	c, err := r.Cookie(CookieName)
	if err != nil {
		return models.SessionUser{}, secure.ErrNoSession
	}
	return a.accounts().Session(r.Context(), c.Value)
}

// errorWords are the title and message of the error page for each
// application code; the status is the API's for the same code (httperr).
var errorWords = map[string][2]string{
	models.EMALFORMED:    {"Yêu cầu không hợp lệ", "Địa chỉ hoặc dữ liệu gửi lên không hợp lệ."},
	models.EINVALID:      {"Yêu cầu không hợp lệ", "Địa chỉ hoặc dữ liệu gửi lên không hợp lệ."},
	models.EUNAUTHORIZED: {"Chưa đăng nhập", "Xin đăng nhập."},
	models.EFORBIDDEN:    {"Không có quyền truy cập", "Tài khoản của bạn không được xem hoặc thay đổi nội dung này. Nếu cần, xin liên hệ quản trị viên."},
	models.ENOTFOUND:     {"Không tìm thấy", "Trang hoặc báo cáo này không tồn tại."},
	models.EMETHOD:       {"Không tìm thấy", "Trang này không nhận thao tác vừa gửi. Xin quay lại trang trước."},
	models.ECONFLICT:     {"Nội dung vừa thay đổi", "Báo cáo vừa được người khác lưu, gửi hoặc duyệt, nên thao tác này chưa được thực hiện. Hãy mở lại trang để xem bản mới nhất."},
	models.EPRECONDITION: {"Nội dung vừa thay đổi", "Báo cáo đã thay đổi sau khi bạn mở trang này, nên thao tác chưa được thực hiện. Hãy mở lại trang để xem bản mới nhất."},
	models.ETOOLARGE:     {"Nội dung gửi lên quá lớn", "File hoặc nội dung gửi lên vượt quá 1 MB nên chưa được nhận. Với file Word, hãy bỏ bớt ảnh hoặc lưu lại dưới dạng .docx hay .txt rồi gửi lại."},
	models.EMEDIATYPE:    {"Loại file không đọc được", "Hệ thống chỉ đọc file Word (.docx) hoặc văn bản (.txt)."},
	models.ERATELIMIT:    {"Gửi quá nhiều yêu cầu", "Bạn đã gửi quá nhiều yêu cầu liên tiếp. Xin đợi ít phút rồi thử lại."},
	models.EUNAVAILABLE:  {"Máy chủ đang bận", "Máy chủ đang bận, chưa thực hiện được yêu cầu này. Xin đợi vài giây rồi thử lại."},
	models.EINTERNAL:     {"Lỗi hệ thống", "Đã có lỗi xảy ra. Lỗi đã được ghi lại; xin thử lại sau."},
}

// Fail shows an error as a page: the status the API answers for the same
// application code (httperr, the one table), and a message for a person.
// Internal errors are logged, never shown. The API's error handler calls
// it for what Echo refuses on a page's path (a body over the limit).
func (a *App) Fail(w http.ResponseWriter, r *http.Request, err error) {
	pageHeaders(w.Header())
	a.fail(w, r, err)
}

// pageHeaders are the headers every page carries.
func pageHeaders(h http.Header) {
	h.Set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
}

func (a *App) fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.Canceled) {
		return // the person went away; nobody reads this answer
	}
	code := httperr.Code(err)
	words, ok := errorWords[code]
	if !ok {
		code, words = models.EINTERNAL, errorWords[models.EINTERNAL]
	}
	status := httperr.Status(code)
	if status >= 500 && code != models.EUNAVAILABLE {
		a.Log.Error("page failed", "path", r.URL.Path, "err", err)
	}
	msg := words[1]
	// An error the catalogue words (a use case's refusal with its message
	// code): said as such, as the API's message_code and params say it.
	var de *models.Error
	if errors.As(err, &de) && status < 500 && de.MessageCode != "" && models.Filled(de.MessageCode, de.Params) {
		msg = de.Vietnamese()
	}
	a.renderError(w, r, status, words[0], msg)
}

// errorData is what error.html shows.
type errorData struct {
	Title, Message string
	Status         int
}

func (a *App) renderError(w http.ResponseWriter, r *http.Request, status int, title, msg string) {
	w.Header().Set("Cache-Control", "no-store")
	a.render(w, r, status, "error.html", errorData{Title: title, Message: msg, Status: status})
}

// layoutData is what layout.html uses around every page.
type layoutData struct {
	Title   string
	User    *models.SessionUser
	CSRF    string
	Crumbs  []crumb
	Page    any
	Assets  map[string]string
	Wide    bool
	NoIndex bool
}

type crumb struct {
	Name, Href string
}

// pageData is what a handler passes to render: a title, the breadcrumbs
// and the page's own data.
type pageData struct {
	Title  string
	Crumbs []crumb
	Data   any
}

// render writes a page with its layout. data is a pageData, or any other
// value used as the page's own data with no title.
func (a *App) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	t, ok := a.pages[name]
	if !ok {
		a.Log.Error("no such template", "name", name)
		http.Error(w, "Lỗi hệ thống", http.StatusInternalServerError)
		return
	}
	ld := layoutData{Assets: a.assetHash}
	if pd, ok := data.(pageData); ok {
		ld.Title, ld.Crumbs, ld.Page = pd.Title, pd.Crumbs, pd.Data
	} else {
		ld.Page = data
		if ed, ok := data.(errorData); ok {
			ld.Title = ed.Title
		}
	}
	if su, ok := r.Context().Value(sessionKey{}).(models.SessionUser); ok {
		ld.User, ld.CSRF = &su, su.CSRF
	} else if su, err := a.sessionOf(r); err == nil && name == "error.html" {
		ld.User, ld.CSRF = &su, su.CSRF
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", ld); err != nil {
		a.Log.Error("render", "template", name, "err", err)
		http.Error(w, "Lỗi hệ thống", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// loadTemplates parses each page template of templates/ into a set of its
// own, named by the file, with layout.html and every *.part.html (the
// shared pieces).
func (a *App) loadTemplates() error {
	a.pages = map[string]*template.Template{}
	names, err := fs.Glob(files, "templates/*.html")
	if err != nil {
		return err
	}
	for _, n := range names {
		base := path.Base(n)
		if base == "layout.html" || strings.HasSuffix(base, ".part.html") {
			continue
		}
		t, err := template.New(base).Funcs(funcs).ParseFS(files, "templates/layout.html", "templates/*.part.html", n)
		if err != nil {
			return err
		}
		a.pages[base] = t
	}
	return nil
}

// loadAssets hashes the static files, so that their URLs change with their
// content and browsers may keep them for a year.
func (a *App) loadAssets() error {
	a.assetHash = map[string]string{}
	return fs.WalkDir(files, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		a.assetHash[strings.TrimPrefix(p, "static/")] = "/" + p + "?v=" + hex.EncodeToString(sum[:6])
		return nil
	})
}

func (a *App) serveStatic() http.Handler {
	sub, _ := fs.Sub(files, "static")
	fsrv := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		if r.URL.Query().Get("v") != "" {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "public, max-age=300")
		}
		fsrv.ServeHTTP(w, r)
	})
}

// peerAddr is the address of the peer: the client when no Config.ClientAddr
// says otherwise.
func peerAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// siteOf is the address the request was made to ("https://host"): where
// people sign in.
func siteOf(r *http.Request) string {
	if secureRequest(r) {
		return "https://" + r.Host
	}
	return "http://" + r.Host
}

// secureRequest tells whether the request came over HTTPS, directly or
// through a proxy that says so.
func secureRequest(r *http.Request) bool {
	return r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}
