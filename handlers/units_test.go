package handlers_test

import (
	"net/http"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"doingoai/internal/apitest"
	"doingoai/models"
)

func TestUnits(t *testing.T) {
	env := apitest.New(t)
	nfd := strings.ReplaceAll(norm.NFD.String("Bộc Nhiêu"), " ", "%20")
	env.Run(t, []apitest.Scenario{
		{Name: "diacritics and case ignored", URL: "/api/v1/units?q=boc%20nhieu", Token: "commune", Status: 200,
			Contains: []string{`"items":[{"code":"05596","name":"Xã Bộc Nhiêu","kind":"commune","parent_code":"167"}],"total":1`}},
		{Name: "upper case with diacritics", URL: "/api/v1/units?q=B%E1%BB%98C%20NHI%C3%8AU", Token: "admin", Status: 200, Contains: []string{`"code":"05596"`, `"total":1`}},
		{Name: "decomposed query", URL: "/api/v1/units?q=" + nfd, Token: "admin", Status: 200, Contains: []string{`"code":"05596"`}},
		{Name: "đ folds to d", URL: "/api/v1/units?q=dinh%20hoa", Token: "admin", Status: 200, Contains: []string{`"code":"167"`, `"name":"Huyện Định Hóa"`}},
		{Name: "by code", URL: "/api/v1/units?q=05596", Token: "admin", Status: 200, Contains: []string{`"total":1`}},
		{Name: "children of a district, by kind", URL: "/api/v1/units?parent=167&kind=town", Token: "district", Status: 200,
			Contains: []string{`"code":"05536"`, `"total":1`}},
		{Name: "pagination", URL: "/api/v1/units?parent=167&per_page=5&page=5", Token: "district", Status: 200,
			Contains: []string{`"total":23`, `"code":"05605"`}, Check: func(t *testing.T, r *apitest.Response) {
				var l models.UnitList
				r.JSON(t, &l)
				if len(l.Items) != 3 {
					t.Errorf("last page has %d units, want 3", len(l.Items))
				}
			}},
		{Name: "provinces sit under the country", URL: "/api/v1/units?parent=VN", Token: "admin", Status: 200, Contains: []string{`"code":"19"`, `"parent_code":"VN"`}},
		{Name: "every problem of a query", URL: "/api/v1/units?per_page=5000&page=0&kind=xa&parent=999&at=2024-02-30", Token: "admin", Status: 422,
			Contains: []string{`"field":"per_page"`, `"field":"page"`, `"field":"kind"`, `"field":"parent"`, `"field":"at"`}},
		{Name: "one unit", URL: "/api/v1/units/05596", Token: "other-district", Status: 200, Contains: []string{`"name":"Xã Bộc Nhiêu"`}},
		{Name: "unknown unit", URL: "/api/v1/units/99999", Token: "admin", Status: 404, Contains: []string{"99999"}},
		{Name: "no token", URL: "/api/v1/units", Status: 401, Check: func(t *testing.T, r *apitest.Response) {
			if r.Header.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		}},
		{Name: "unknown token", URL: "/api/v1/units", Token: "Bearer dgo_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", Status: 401},
		{Name: "wrong scheme", URL: "/api/v1/units", Token: "Basic YWRtaW46YWRtaW4=", Status: 401},
	})
}

func TestUnitsWrite(t *testing.T) {
	env := apitest.New(t)
	env.Run(t, []apitest.Scenario{
		{Name: "create", Method: "POST", URL: "/api/v1/units", Token: "admin", Status: 201,
			Body:     `{"code":"05900","name":"` + norm.NFD.String("Xã Thử Nghiệm") + `","kind":"commune","parent_code":"167"}`,
			Contains: []string{`"code":"05900"`, `"name":"Xã Thử Nghiệm"`, `"parent_code":"167"`},
			Check: func(t *testing.T, r *apitest.Response) {
				if r.Header.Get("Location") != "/api/v1/units/05900" {
					t.Errorf("Location = %q", r.Header.Get("Location"))
				}
			}},
		{Name: "created unit is found at once", URL: "/api/v1/units?q=thu%20nghiem", Token: "admin", Status: 200, Contains: []string{`"code":"05900"`}},
		{Name: "code in use", Method: "POST", URL: "/api/v1/units", Token: "admin", Status: 409,
			Body: `{"code":"05596","name":"Xã Trùng","kind":"commune","parent_code":"167"}`},
		{Name: "every field problem", Method: "POST", URL: "/api/v1/units", Token: "admin", Status: 422,
			Body:     `{"code":"5 96","name":"","kind":"xa","valid_from":"2025-01-01","valid_to":"2024-01-01"}`,
			Contains: []string{`"field":"code"`, `"field":"name"`, `"field":"kind"`, `"field":"valid_to"`}},
		{Name: "a commune cannot hold a unit", Method: "POST", URL: "/api/v1/units", Token: "admin", Status: 422,
			Body: `{"code":"05901","name":"Xã Con","kind":"commune","parent_code":"05596"}`, Contains: []string{`"field":"parent_code"`}},
		{Name: "unknown field and wrong type", Method: "POST", URL: "/api/v1/units", Token: "admin", Status: 422,
			Body: `{"code":5,"name":"Xã","kind":"commune","parent":"167"}`, Contains: []string{`"field":"code","code":"wrong_type","message":"must be a string"`, `"field":"parent","code":"unknown_field","message":"is not a known field"`}},
		{Name: "malformed JSON", Method: "POST", URL: "/api/v1/units", Token: "admin", Status: 400, Body: `{"code":`},
		{Name: "not JSON", Method: "POST", URL: "/api/v1/units", Token: "admin", Status: 415, Body: `code=1`, ContentType: "application/x-www-form-urlencoded"},
		{Name: "too large", Method: "POST", URL: "/api/v1/units", Token: "admin", Status: 413, Body: `{"name":"` + strings.Repeat("x", 1<<20) + `"}`},
		{Name: "district may not create", Method: "POST", URL: "/api/v1/units", Token: "district", Status: 403,
			Body: `{"code":"05902","name":"Xã","kind":"commune","parent_code":"167"}`},
		{Name: "commune may not update", Method: "PATCH", URL: "/api/v1/units/05596", Token: "commune", Status: 403, Body: `{"name":"x"}`},
		{Name: "rename", Method: "PATCH", URL: "/api/v1/units/05900", Token: "admin", Status: 200, Body: `{"name":"Xã Thử Nghiệm Mới"}`,
			Contains: []string{`"name":"Xã Thử Nghiệm Mới"`, `"parent_code":"167"`}},
		{Name: "move under the province", Method: "PATCH", URL: "/api/v1/units/05900", Token: "admin", Status: 200, Body: `{"parent_code":"19"}`,
			Contains: []string{`"parent_code":"19"`}},
		{Name: "moved unit is listed under its new parent", URL: "/api/v1/units?parent=19&kind=commune", Token: "admin", Status: 200, Contains: []string{`"code":"05900"`}},
		{Name: "the code cannot change", Method: "PATCH", URL: "/api/v1/units/05900", Token: "admin", Status: 422, Body: `{"code":"05903"}`},
		{Name: "patch of unknown unit", Method: "PATCH", URL: "/api/v1/units/99999", Token: "admin", Status: 404, Body: `{"name":"x"}`},
		{Name: "empty patch", Method: "PATCH", URL: "/api/v1/units/05900", Token: "admin", Status: 422, Body: `{}`},
		{Name: "retire", Method: "PATCH", URL: "/api/v1/units/05900", Token: "admin", Status: 200, Body: `{"valid_to":"2025-06-30"}`, Contains: []string{`"valid_to":"2025-06-30"`}},
		{Name: "existed on a date", URL: "/api/v1/units?q=05900&at=2025-07-01", Token: "admin", Status: 200, Contains: []string{`"total":0`}},
		{Name: "reopen", Method: "PATCH", URL: "/api/v1/units/05900", Token: "admin", Status: 200, Body: `{"valid_to":null}`, NotContains: []string{"valid_to"}},
	})
}

func TestErrorsAreProblems(t *testing.T) {
	env := apitest.New(t)
	env.Run(t, []apitest.Scenario{
		{Name: "unknown path without token", URL: "/api/v1/nothing", Status: 404},
		{Name: "unknown path with token", URL: "/api/v1/nothing", Token: "admin", Status: 404},
		{Name: "wrong method", Method: "DELETE", URL: "/api/v1/units", Token: "admin", Status: 405},
		{Name: "health", URL: "/healthz", Status: 200, Contains: []string{`"status":"ok"`}},
		{Name: "ready", URL: "/readyz", Status: 200, Contains: []string{`"status":"ok"`}},
		{Name: "OpenAPI document", URL: "/swagger/doc.json", Status: 200, Contains: []string{`"/api/v1/units"`, `"BearerAuth"`}},
	})
	// A path outside the API is a page's: its 404 is the Vietnamese page,
	// with the status of the same table (api/errors.go, httperr).
	if res := env.Do(t, http.MethodGet, "/nothing", "", "", nil); res.Status != 404 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") || !strings.Contains(string(res.Body), "Không tìm thấy") {
		t.Errorf("unknown root path: %d %s", res.Status, res.Header.Get("Content-Type"))
	}
	res := env.Do(t, http.MethodGet, "/api/v1/units", "admin", "", nil)
	for k, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"} {
		if got := res.Header.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if res.Header.Get("X-Request-Id") == "" {
		t.Error("no request id")
	}
}

func TestMetrics(t *testing.T) {
	env := apitest.New(t)
	submit(t, env, "commune", report(t, "05596", "2024", nil, nil))
	env.Do(t, "POST", "/api/v1/reports", "commune", `{"unit_code":"05596"}`, nil)
	res := env.Do(t, "GET", "/metrics", "", "", nil)
	if res.Status != 200 {
		t.Fatal(res.Status)
	}
	for _, want := range []string{
		`doingoai_http_requests_total{method="POST",route="/api/v1/reports",status="201"}`,
		`doingoai_http_requests_total{method="POST",route="/api/v1/reports",status="422"}`,
		`doingoai_http_request_duration_seconds_bucket{method="POST",route="/api/v1/reports",le="0.05"}`,
		`doingoai_submissions_total{outcome="created"}`,
		`doingoai_submissions_total{outcome="invalid"}`,
		`doingoai_submission_batch_size_bucket`,
		`go_sql_open_connections{db_name=`,
		`go_goroutines`,
	} {
		if !strings.Contains(string(res.Body), want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}
