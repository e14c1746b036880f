// Package apitest runs the API the way clients meet it: the real Echo
// router of package api, through httptest, on a real database from
// testenv, with one token per role. Tests are tables of scenarios in the
// manner of PocketBase: a name, a token, a request, the status expected, and
// what the answer must and must not contain.
package apitest

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"doingoai/api"
	"doingoai/app"
	"doingoai/internal/testenv"
	"doingoai/models"
	"doingoai/store"
)

// Now is the time the test clock starts at: 25 November 2024, 10:00 in
// Hà Nội, during the 2024 reporting round.
var Now = time.Date(2024, 11, 25, 10, 0, 0, 0, models.Vietnam)

// Env is a running API on a fresh database holding the Định Hóa units plus
// a ward of Thái Nguyên city (05431, under 164) and Hà Nội's first ward
// (00001, under 001, under 01), with a token for each of these roles:
//
//	admin           admin
//	province        district role bound to province 19 (Thái Nguyên)
//	district        district role bound to 167 (Định Hóa)
//	other-district  district role bound to 164 (Thành phố Thái Nguyên)
//	commune         commune 05596 (Bộc Nhiêu, in 167)
//	other-commune   commune 05599 (Sơn Phú, in 167)
//	foreign-commune commune 05431 (Phường Quán Triều, in 164)
type Env struct {
	Store   *store.Store
	Handler http.Handler
	Clock   *testenv.Clock
	Tokens  map[string]string
}

// New starts an Env.
func New(t testing.TB) *Env {
	t.Helper()
	return NewWith(t, nil)
}

// NewWith starts an Env whose server configuration configure, if not nil,
// changes (a rate limit, say).
func NewWith(t testing.TB, configure func(*api.Config)) *Env {
	t.Helper()
	clock := testenv.NewClock(Now)
	s := testenv.Open(t, clock)
	testenv.LoadDinhHoa(t, s)
	ctx := context.Background()
	for _, u := range []models.UnitInput{
		{Code: "05431", Name: "Phường Quán Triều", Kind: models.KindWard, ParentCode: "164"},
		{Code: "01", Name: "Thành phố Hà Nội", Kind: models.KindProvince},
		{Code: "001", Name: "Quận Ba Đình", Kind: models.KindDistrict, ParentCode: "01"},
		{Code: "00001", Name: "Phường Phúc Xá", Kind: models.KindWard, ParentCode: "001"},
	} {
		if _, err := s.CreateUnit(ctx, models.CommandLine, u); err != nil {
			t.Fatal(err)
		}
	}
	env := &Env{Store: s, Clock: clock, Tokens: map[string]string{}}
	for name, spec := range map[string]struct {
		role models.Role
		unit string
	}{
		"admin":           {models.RoleAdmin, ""},
		"province":        {models.RoleDistrict, "19"},
		"district":        {models.RoleDistrict, "167"},
		"other-district":  {models.RoleDistrict, "164"},
		"commune":         {models.RoleCommune, "05596"},
		"other-commune":   {models.RoleCommune, "05599"},
		"foreign-commune": {models.RoleCommune, "05431"},
	} {
		env.Tokens[name] = testenv.Token(t, s, spec.role, spec.unit, "test "+name)
	}
	cfg := api.Config{Store: s}
	if os.Getenv("TEST_LOG") == "1" {
		cfg.Logger = testenv.Logger()
	}
	if configure != nil {
		configure(&cfg)
	}
	env.Handler = api.New(cfg)
	return env
}

// Scenario is one request and what its answer must be.
type Scenario struct {
	Name    string
	Method  string // default GET
	URL     string
	Token   string // a key of Env.Tokens, a literal "Bearer …" header value, or "" for none
	Body    string
	Headers map[string]string
	// ContentType defaults to application/json when Body is set.
	ContentType string

	Status      int
	Contains    []string // substrings the body must contain
	NotContains []string // substrings it must not contain
	Check       func(t *testing.T, res *Response)
}

// Response is an answer to a scenario.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// JSON decodes the body into v, failing the test if it cannot.
func (r *Response) JSON(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("decode %s: %v", r.Body, err)
	}
}

// Do sends one request.
func (e *Env) Do(t testing.TB, method, url, token, body string, headers map[string]string) *Response {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, url, rd)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		if secret, ok := e.Tokens[token]; ok {
			req.Header.Set("Authorization", "Bearer "+secret)
		} else {
			req.Header.Set("Authorization", token)
		}
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	e.Handler.ServeHTTP(rec, req)
	return &Response{Status: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
}

// Run runs scenarios in order (they may build on each other) as subtests.
func (e *Env) Run(t *testing.T, scenarios []Scenario) {
	t.Helper()
	for _, sc := range scenarios {
		t.Run(sc.Name, func(t *testing.T) {
			method := sc.Method
			if method == "" {
				method = http.MethodGet
			}
			headers := map[string]string{}
			for k, v := range sc.Headers {
				headers[k] = v
			}
			if sc.ContentType != "" {
				headers["Content-Type"] = sc.ContentType
			}
			res := e.Do(t, method, sc.URL, sc.Token, sc.Body, headers)
			if res.Status != sc.Status {
				t.Fatalf("%s %s: status %d, want %d; body: %s", method, sc.URL, res.Status, sc.Status, res.Body)
			}
			if res.Status >= 400 {
				if ct := res.Header.Get("Content-Type"); ct != "application/problem+json" {
					t.Errorf("error answer has Content-Type %q, want application/problem+json", ct)
				}
				var p models.Problem
				if err := json.Unmarshal(res.Body, &p); err != nil || p.Status != res.Status || p.Title == "" || p.Code == "" {
					t.Errorf("error answer is not a problem with status %d: %s", res.Status, res.Body)
				}
			}
			for _, s := range sc.Contains {
				if !strings.Contains(string(res.Body), s) {
					t.Errorf("body lacks %q: %s", s, res.Body)
				}
			}
			for _, s := range sc.NotContains {
				if strings.Contains(string(res.Body), s) {
					t.Errorf("body has %q: %s", s, res.Body)
				}
			}
			if sc.Check != nil {
				sc.Check(t, res)
			}
		})
	}
}

// HoldExports takes every export slot of the process (app.ExportSlots)
// and shortens the wait for one, so that an export is refused at once as
// when the server is busy. release (also run when the test ends) gives the
// slots back.
func HoldExports(t testing.TB) (release func()) {
	t.Helper()
	return holdSlots(t, &app.ExportSlots, "export")
}

// HoldImports is HoldExports for the import slots (app.ImportSlots).
func HoldImports(t testing.TB) (release func()) {
	t.Helper()
	return holdSlots(t, &app.ImportSlots, "import")
}

func holdSlots(t testing.TB, slots **app.Slots, what string) (release func()) {
	t.Helper()
	old := *slots
	*slots = app.NewSlots(what, 1, 50*time.Millisecond)
	give, err := (*slots).Acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	release = func() {
		once.Do(func() {
			give()
			*slots = old
		})
	}
	t.Cleanup(release)
	return release
}
