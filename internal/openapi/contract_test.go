package openapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"doingoai/api"
	"doingoai/internal/apitest"
	"doingoai/internal/openapi"
	"doingoai/models"
)

// contract sends requests to the real router (package apitest: a real
// SQLite file, or a PostgreSQL schema when TEST_DATABASE_URL says so) and
// checks each answer against the document converted to OpenAPI 3: its
// status must be declared for the operation, its headers and body must
// match what is declared for that status. The document is made strict for
// the test: an object schema with properties takes no others, so that a
// field the code sends and the document lacks fails too.
type contract struct {
	env     *apitest.Env
	handler http.Handler
	doc     *openapi3.T
	router  routers.Router
	seen    map[string]map[int]bool // operationId → statuses answered
	drifted map[string]bool         // operations whose known drift occurred (property_test.go)
}

func newContract(t *testing.T) *contract {
	ctx := context.Background()
	doc, err := openapi.V3(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(ctx); err != nil {
		t.Fatal(err)
	}
	closed := false
	for _, s := range doc.Components.Schemas {
		if s.Value != nil && len(s.Value.Properties) > 0 && s.Value.AdditionalProperties.Schema == nil {
			s.Value.AdditionalProperties.Has = &closed
		}
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	env := apitest.New(t)
	return &contract{env: env, handler: env.Handler, doc: doc, router: router, seen: map[string]map[int]bool{}}
}

// call is one request of the contract test.
type call struct {
	method, url, token, body string
	headers                  map[string]string
	status                   int  // the status the scenario expects
	badRequest               bool // the request is wrong on purpose: do not check it against the document
}

// do sends c, checks the answer against the document and returns it.
func (ct *contract) do(t *testing.T, c call) *apitest.Response {
	t.Helper()
	if c.method == "" {
		c.method = http.MethodGet
	}
	req := httptest.NewRequest(c.method, c.url, strings.NewReader(c.body))
	if c.body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.token != "" {
		if secret, ok := ct.env.Tokens[c.token]; ok {
			req.Header.Set("Authorization", "Bearer "+secret)
		} else {
			req.Header.Set("Authorization", c.token)
		}
	}
	for k, v := range c.headers {
		req.Header.Set(k, v)
	}
	route, params, err := ct.router.FindRoute(req)
	if err != nil {
		t.Fatalf("%s %s is not in the document: %v", c.method, c.url, err)
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, MultiError: true}}
	if !c.badRequest && c.status < 400 {
		if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
			t.Errorf("%s %s: the request does not match the document: %v", c.method, c.url, err)
		}
		req.Body = io.NopCloser(strings.NewReader(c.body)) // ValidateRequest read it
	}

	rec := httptest.NewRecorder()
	ct.handler.ServeHTTP(rec, req)
	res := &apitest.Response{Status: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
	if res.Status != c.status {
		t.Fatalf("%s %s: status %d, want %d: %s", c.method, c.url, res.Status, c.status, res.Body)
	}
	id := route.Operation.OperationID
	if ct.seen[id] == nil {
		ct.seen[id] = map[int]bool{}
	}
	ct.seen[id][res.Status] = true
	if route.Operation.Responses.Status(res.Status) == nil {
		t.Errorf("%s (%s %s) answered %d, which the document does not declare", id, c.method, c.url, res.Status)
		return res
	}
	ct2 := res.Header.Get("Content-Type")
	opts := &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true,
		SchemaValidationOptions: []openapi3.SchemaValidationOption{openapi3.EnableFormatValidation()}}
	if len(res.Body) > 0 && !strings.HasPrefix(ct2, "application/json") && !strings.HasPrefix(ct2, "application/problem+json") && !strings.HasPrefix(ct2, "text/plain") {
		opts.ExcludeResponseBody = true // a CSV or Excel file: the document gives its type, not its columns
		if !slices.Contains(slices.Collect(maps.Keys(route.Operation.Responses.Status(res.Status).Value.Content)), strings.Split(ct2, ";")[0]) {
			t.Errorf("%s answered %d with Content-Type %q, which the document does not list", id, res.Status, ct2)
		}
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: res.Status, Header: res.Header, Options: opts}
	out.SetBodyBytes(res.Body)
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		t.Errorf("%s (%s %s) %d: the answer does not match the document:\n%v\nbody: %.600s", id, c.method, c.url, res.Status, err, res.Body)
	}
	return res
}

// TestContract runs the main flows of the API and checks every answer
// against the document. It runs on SQLite, and on PostgreSQL when
// TEST_DATABASE_URL names one.
func TestContract(t *testing.T) {
	ct := newContract(t)
	seed := apitest.Body(t, apitest.Seed(t))
	changed := func(f func(m map[string]any)) string {
		m := apitest.Seed(t)
		f(m)
		return apitest.Body(t, m)
	}
	amended := changed(func(m map[string]any) {
		apitest.Obj(m, "document")["number"] = "15/BC-UBND"
		apitest.Obj(m, "document")["issued_on"] = "2024-11-20"
	})
	invalid := changed(func(m map[string]any) { apitest.Obj(m, "delegations", "inbound_foreign")["count"] = -1 })
	const report = "/api/v1/reports/05596/2024"
	seedText, err := os.ReadFile("../../testdata/bao-cao-doi-ngoai-boc-nhieu-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{"Content-Type": "text/plain; charset=utf-8"}

	steps := []struct {
		name string
		call call
		then func(t *testing.T, res *apitest.Response)
	}{
		// Operations, open without a token.
		{"healthz", call{url: "/healthz", status: 200}, nil},
		{"readyz", call{url: "/readyz", status: 200}, nil},
		{"metrics", call{url: "/metrics", status: 200}, nil},
		{"the document", call{url: "/swagger/doc.json", status: 200}, nil},

		// Authentication.
		{"no token", call{url: "/api/v1/indicators", status: 401}, nil},
		{"unknown token", call{url: "/api/v1/indicators", token: "Bearer dgo_nonsense", status: 401}, nil},
		{"indicators", call{url: "/api/v1/indicators", token: "commune", status: 200}, nil},

		// Units.
		{"units of Định Hóa", call{url: "/api/v1/units?parent=167&kind=commune,town&q=boc%20nhieu&page=1&per_page=10", token: "commune", status: 200},
			func(t *testing.T, res *apitest.Response) { contains(t, res, `"code":"05596"`) }},
		{"units: a bad kind", call{url: "/api/v1/units?kind=planet", token: "commune", status: 422, badRequest: true}, nil},
		{"a unit", call{url: "/api/v1/units/05596", token: "commune", status: 200}, nil},
		{"an unknown unit", call{url: "/api/v1/units/99999", token: "commune", status: 404}, nil},
		{"create a unit", call{method: "POST", url: "/api/v1/units", token: "admin", status: 201,
			body: `{"code":"05999","name":"Xã Thử Nghiệm","kind":"commune","parent_code":"167","valid_from":"2025-01-01"}`}, nil},
		{"create it again", call{method: "POST", url: "/api/v1/units", token: "admin", status: 409,
			body: `{"code":"05999","name":"Xã Thử Nghiệm","kind":"commune","parent_code":"167","valid_from":"2025-01-01"}`}, nil},
		{"create a unit: not admin", call{method: "POST", url: "/api/v1/units", token: "district", status: 403,
			body: `{"code":"05998","name":"Xã Khác","kind":"commune","parent_code":"167"}`}, nil},
		{"create a unit: malformed", call{method: "POST", url: "/api/v1/units", token: "admin", status: 400, body: `{"code":`, badRequest: true}, nil},
		{"create a unit: not JSON", call{method: "POST", url: "/api/v1/units", token: "admin", status: 415, body: `code=1`,
			headers: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, badRequest: true}, nil},
		{"create a unit: invalid", call{method: "POST", url: "/api/v1/units", token: "admin", status: 422,
			body: `{"code":"05997","name":"Xã","kind":"planet","parent_code":"167"}`, badRequest: true}, nil},
		{"update a unit", call{method: "PATCH", url: "/api/v1/units/05999", token: "admin", status: 200, body: `{"name":"Xã Thử Nghiệm Mới","valid_to":null}`}, nil},
		{"update an unknown unit", call{method: "PATCH", url: "/api/v1/units/99999", token: "admin", status: 404, body: `{"name":"Xã"}`}, nil},

		// Importing a report written as text.
		{"import the Bộc Nhiêu report", call{method: "POST", url: "/api/v1/reports/import", token: "commune", body: string(seedText), headers: text, status: 200},
			func(t *testing.T, res *apitest.Response) { contains(t, res, `"households":1169`) }},
		{"import it as a draft of another period", call{method: "POST", url: "/api/v1/reports/import?period=2024S1&save=draft", token: "commune", body: string(seedText), headers: text, status: 201},
			func(t *testing.T, res *apitest.Response) { contains(t, res, `"saved":{`) }},
		{"import a PDF", call{method: "POST", url: "/api/v1/reports/import", token: "commune", body: "%PDF-1.7", status: 415, badRequest: true,
			headers: map[string]string{"Content-Type": "application/pdf"}}, nil},
		{"import a text that names no period", call{method: "POST", url: "/api/v1/reports/import?unit=05596", token: "commune", body: "Xã có 1.169 hộ.", headers: text, status: 422, badRequest: true}, nil},

		// Submissions.
		{"dry run", call{method: "POST", url: "/api/v1/reports?dry_run=true", token: "commune", body: seed, status: 200},
			func(t *testing.T, res *apitest.Response) { contains(t, res, `"dry_run":true`) }},
		{"submit the Bộc Nhiêu report", call{method: "POST", url: "/api/v1/reports", token: "commune", body: seed, status: 201},
			func(t *testing.T, res *apitest.Response) {
				contains(t, res, `"revision":1`, `"poor_rate_mismatch"`)
				if res.Header.Get("Location") != report || res.Header.Get("ETag") == "" {
					t.Errorf("Location %q, ETag %q", res.Header.Get("Location"), res.Header.Get("ETag"))
				}
			}},
		{"submit it again", call{method: "POST", url: "/api/v1/reports", token: "commune", body: seed, status: 200},
			func(t *testing.T, res *apitest.Response) { contains(t, res, `"revision":1`) }},
		{"amend with a key", call{method: "POST", url: "/api/v1/reports", token: "commune", body: amended, status: 201,
			headers: map[string]string{"Idempotency-Key": "a1"}}, func(t *testing.T, res *apitest.Response) { contains(t, res, `"revision":2`) }},
		{"retry with the key", call{method: "POST", url: "/api/v1/reports", token: "commune", body: amended, status: 201,
			headers: map[string]string{"Idempotency-Key": "a1"}}, func(t *testing.T, res *apitest.Response) {
			if res.Header.Get("Idempotent-Replayed") != "true" {
				t.Error("the retry was not replayed")
			}
		}},
		{"the key with another body", call{method: "POST", url: "/api/v1/reports", token: "commune", body: seed, status: 422,
			headers: map[string]string{"Idempotency-Key": "a1"}}, nil},
		{"malformed JSON", call{method: "POST", url: "/api/v1/reports", token: "commune", body: `{"unit_code":`, status: 400, badRequest: true}, nil},
		{"not JSON", call{method: "POST", url: "/api/v1/reports", token: "commune", body: seed, status: 415,
			headers: map[string]string{"Content-Type": "text/plain"}, badRequest: true}, nil},
		{"an invalid report", call{method: "POST", url: "/api/v1/reports", token: "commune", body: invalid, status: 422, badRequest: true},
			func(t *testing.T, res *apitest.Response) {
				contains(t, res, `"field":"delegations.inbound_foreign.count"`)
			}},
		{"another commune's report", call{method: "POST", url: "/api/v1/reports", token: "other-commune", body: seed, status: 403}, nil},
		{"a body over 1 MiB", call{method: "POST", url: "/api/v1/reports", token: "commune", status: 413, badRequest: true,
			body: `{"unit_code":"05596","period":"2024","difficulties":["` + strings.Repeat("x", 1<<20) + `"]}`}, nil},
		{"PUT with a stale If-Match", call{method: "PUT", url: report, token: "commune", body: seed, status: 412,
			headers: map[string]string{"If-Match": `"stale"`}}, nil},
		{"PUT: the body names another unit", call{method: "PUT", url: "/api/v1/reports/05599/2024", token: "district", body: seed, status: 422, badRequest: true}, nil},
		{"PUT as the district", call{method: "PUT", url: report, token: "district", body: seed, status: 201},
			func(t *testing.T, res *apitest.Response) { contains(t, res, `"revision":3`) }},

		// Reading.
		{"read it back", call{url: report, token: "commune", status: 200},
			func(t *testing.T, res *apitest.Response) {
				contains(t, res, `"revision":3`, `"households":1169`, `"citizens_exited":null`)
			}},
		{"not modified", call{url: report, token: "commune", status: 304, headers: map[string]string{"If-None-Match": "*"}}, nil},
		{"another commune reads it", call{url: report, token: "other-commune", status: 403}, nil},
		{"no such unit", call{url: "/api/v1/reports/99999/2024", token: "admin", status: 404}, nil},
		{"no report", call{url: "/api/v1/reports/05539/2024", token: "district", status: 404}, nil},
		{"revisions", call{url: report + "/revisions", token: "commune", status: 200},
			func(t *testing.T, res *apitest.Response) { contains(t, res, `"revision":1`, `"revision":3`) }},
		{"revision 1", call{url: report + "/revisions/1", token: "district", status: 200}, nil},
		{"revision 9", call{url: report + "/revisions/9", token: "district", status: 404}, nil},
		{"revisions: another district", call{url: report + "/revisions", token: "other-district", status: 403}, nil},
		{"list reports", call{url: "/api/v1/reports?parent=167&period=2024&status=submitted&page=1&per_page=50", token: "district", status: 200},
			func(t *testing.T, res *apitest.Response) { contains(t, res, `"unit_code":"05596"`) }},
		{"list reports: a bad status", call{url: "/api/v1/reports?status=lost", token: "district", status: 422, badRequest: true}, nil},
		{"list reports: outside the scope", call{url: "/api/v1/reports?parent=164", token: "district", status: 403}, nil},

		// Review.
		{"a commune cannot review", call{method: "POST", url: report + "/review", token: "commune", body: `{"decision":"accept"}`, status: 403}, nil},
		{"review: malformed", call{method: "POST", url: report + "/review", token: "district", body: `{"decision"`, status: 400, badRequest: true}, nil},
		{"review: bad decision", call{method: "POST", url: report + "/review", token: "district", body: `{"decision":"maybe"}`, status: 422, badRequest: true}, nil},
		{"review: stale If-Match", call{method: "POST", url: report + "/review", token: "district", body: `{"decision":"accept"}`, status: 412,
			headers: map[string]string{"If-Match": `"stale"`}}, nil},
		{"review: no report", call{method: "POST", url: "/api/v1/reports/05539/2024/review", token: "district", body: `{"decision":"accept"}`, status: 404}, nil},
		{"return it", call{method: "POST", url: report + "/review", token: "district", status: 200,
			body: `{"decision":"return","comment":"Đề nghị bổ sung số và ngày ban hành báo cáo."}`},
			func(t *testing.T, res *apitest.Response) {
				contains(t, res, `"status":"returned"`, `"decision":"return"`)
			}},
		{"the commune amends it", call{method: "PUT", url: report, token: "commune", body: amended, status: 201},
			func(t *testing.T, res *apitest.Response) { contains(t, res, `"status":"submitted"`) }},
		{"accept it", call{method: "POST", url: report + "/review", token: "district", body: `{"decision":"accept","comment":""}`, status: 200},
			func(t *testing.T, res *apitest.Response) { contains(t, res, `"status":"accepted"`) }},
		{"an accepted report is locked", call{method: "POST", url: "/api/v1/reports", token: "commune", body: seed, status: 409}, nil},
		{"a draft", call{method: "POST", url: "/api/v1/reports", token: "other-commune", status: 201,
			body: changed(func(m map[string]any) { m["unit_code"], m["status"] = "05599", "draft" })}, nil},
		{"a draft cannot be reviewed", call{method: "POST", url: "/api/v1/reports/05599/2024/review", token: "district", body: `{"decision":"accept"}`, status: 409}, nil},

		// Deadlines.
		{"set a due date", call{method: "PUT", url: "/api/v1/deadlines/167/2024", token: "district", body: `{"due_date":"2024-11-25","reference":"7253/UBND-VP"}`, status: 201}, nil},
		{"change it", call{method: "PUT", url: "/api/v1/deadlines/167/2024", token: "district", body: `{"due_date":"2024-11-26","reference":"7253/UBND-VP"}`, status: 200}, nil},
		{"the commune reads it", call{url: "/api/v1/deadlines/05596/2024", token: "commune", status: 200},
			func(t *testing.T, res *apitest.Response) { contains(t, res, `"set_on":"167"`) }},
		{"no due date applies", call{url: "/api/v1/deadlines/05596/2024S1", token: "commune", status: 404}, nil},
		{"a commune cannot set one", call{method: "PUT", url: "/api/v1/deadlines/05596/2024", token: "commune", body: `{"due_date":"2024-11-25"}`, status: 403}, nil},
		{"due date: malformed", call{method: "PUT", url: "/api/v1/deadlines/167/2024", token: "district", body: `{`, status: 400, badRequest: true}, nil},
		{"due date: invalid", call{method: "PUT", url: "/api/v1/deadlines/167/2024", token: "district", body: `{"due_date":"25/11/2024"}`, status: 422, badRequest: true}, nil},
		{"due date: unknown unit", call{method: "PUT", url: "/api/v1/deadlines/99999/2024", token: "admin", body: `{"due_date":"2024-11-25"}`, status: 404}, nil},

		// Rollups and completeness.
		{"rollup", call{url: "/api/v1/rollups?unit=167&period=2024", token: "district", status: 200},
			func(t *testing.T, res *apitest.Response) {
				contains(t, res, `"code":"delegations_in_domestic"`, `"code":"citizens_exited"`, `"value":null`)
			}},
		{"rollup by child with a series", call{url: "/api/v1/rollups?unit=19&periods=2023,2024&by=child&status=accepted&indicators=households,poverty_rate_pct,citizens_exited", token: "province", status: 200},
			func(t *testing.T, res *apitest.Response) { contains(t, res, `"breakdown"`, `"series"`) }},
		{"rollup by commune", call{url: "/api/v1/rollups?unit=167&period=2024&by=child", token: "district", status: 200},
			func(t *testing.T, res *apitest.Response) { contains(t, res, `"unit_code":"05596"`) }},
		{"rollup as CSV", call{url: "/api/v1/rollups?unit=167&period=2024&format=csv", token: "district", status: 200}, nil},
		{"rollup as Excel", call{url: "/api/v1/rollups?unit=167&period=2024&format=xlsx", token: "district", status: 200}, nil},
		{"rollup: a commune", call{url: "/api/v1/rollups?unit=167&period=2024", token: "commune", status: 403}, nil},
		{"rollup: unknown unit", call{url: "/api/v1/rollups?unit=99999&period=2024", token: "admin", status: 404}, nil},
		{"rollup: bad query", call{url: "/api/v1/rollups?unit=167&period=2024&format=pdf", token: "district", status: 422, badRequest: true}, nil},
		{"consolidated report as data", call{url: "/api/v1/consolidated/167/2024?format=json", token: "district", status: 200},
			func(t *testing.T, res *apitest.Response) {
				contains(t, res, `"issuer":"UBND HUYỆN ĐỊNH HÓA"`, `"sections"`)
			}},
		{"consolidated report as Word", call{url: "/api/v1/consolidated/167/2024?status=accepted", token: "district", status: 200}, nil},
		{"consolidated report: a commune", call{url: "/api/v1/consolidated/167/2024", token: "commune", status: 403}, nil},
		{"consolidated report: unknown unit", call{url: "/api/v1/consolidated/99999/2024", token: "admin", status: 404}, nil},
		{"consolidated report: of a commune", call{url: "/api/v1/consolidated/05596/2024", token: "district", status: 422, badRequest: true}, nil},
		{"completeness", call{url: "/api/v1/completeness?unit=167&period=2024", token: "district", status: 200},
			func(t *testing.T, res *apitest.Response) {
				contains(t, res, `"due_date":"2024-11-26"`, `"status":"accepted"`, `"status":"missing"`)
			}},
		{"completeness: a commune", call{url: "/api/v1/completeness?unit=167&period=2024", token: "commune", status: 403}, nil},
		{"completeness: unknown unit", call{url: "/api/v1/completeness?unit=99999&period=2024", token: "admin", status: 404}, nil},
		{"completeness: no period", call{url: "/api/v1/completeness?unit=167", token: "district", status: 422, badRequest: true}, nil},

		// Audit.
		{"audit", call{url: "/api/v1/audit", token: "admin", status: 200},
			func(t *testing.T, res *apitest.Response) {
				contains(t, res, `"action":"report.review"`, `"action":"unit.create"`)
			}},
		{"audit of the district", call{url: "/api/v1/audit?unit=167&period=2024&since=2024-01-01T00:00:00%2B07:00&page=1&per_page=20", token: "district", status: 200}, nil},
		{"audit: a commune", call{url: "/api/v1/audit", token: "commune", status: 403}, nil},
		{"audit: bad since", call{url: "/api/v1/audit?since=yesterday", token: "admin", status: 422, badRequest: true}, nil},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			res := ct.do(t, s.call)
			if s.then != nil {
				s.then(t, res)
			}
		})
	}

	// Tokens: made, listed and revoked over the API by an admin.
	t.Run("tokens", func(t *testing.T) {
		res := ct.do(t, call{method: "POST", url: "/api/v1/tokens", token: "admin", status: 201,
			body: `{"role":"commune","unit_code":"05596","name":"Phần mềm một cửa xã Bộc Nhiêu","expires_in_days":365}`})
		contains(t, res, `"token":"dgo_`, `"unit_code":"05596"`)
		var created models.CreatedToken
		if err := json.Unmarshal(res.Body, &created); err != nil || created.ID == 0 {
			t.Fatalf("%v: %s", err, res.Body)
		}
		ct.do(t, call{method: "POST", url: "/api/v1/tokens", token: "admin", status: 422, badRequest: true,
			body: `{"role":"commune","unit_code":"167","expires_in_days":0}`})
		ct.do(t, call{method: "POST", url: "/api/v1/tokens", token: "district", status: 403, body: `{"role":"admin"}`})
		contains(t, ct.do(t, call{url: "/api/v1/tokens", token: "admin", status: 200}), `"name":"Phần mềm một cửa xã Bộc Nhiêu"`)
		ct.do(t, call{url: "/api/v1/tokens", token: "commune", status: 403})
		id := strconv.FormatInt(created.ID, 10)
		ct.do(t, call{method: "DELETE", url: "/api/v1/tokens/" + id, token: "admin", status: 204})
		ct.do(t, call{method: "DELETE", url: "/api/v1/tokens/" + id, token: "admin", status: 409})
		ct.do(t, call{method: "DELETE", url: "/api/v1/tokens/999999", token: "admin", status: 404})
	})

	// Accounts: made one by one and from a file, listed, reset, moved and
	// disabled over the API, by an admin and by the district's officer.
	t.Run("users", func(t *testing.T) {
		contains(t, ct.do(t, call{method: "POST", url: "/api/v1/users", token: "district", status: 201,
			body: `{"login":"xa05596","role":"commune","unit_code":"05596","name":"Văn phòng UBND xã Bộc Nhiêu","email":"vanphong@bocnhieu.gov.vn"}`}), `"password":"`)
		ct.do(t, call{method: "POST", url: "/api/v1/users", token: "district", status: 403, body: `{"login":"huyen2","role":"district","unit_code":"167","name":"x"}`})
		ct.do(t, call{method: "POST", url: "/api/v1/users", token: "admin", status: 422, badRequest: true, body: `{"login":"xa05596","role":"commune","unit_code":"05596","name":"x","email":"x@"}`})
		csv := map[string]string{"Content-Type": "text/csv; charset=utf-8"}
		contains(t, ct.do(t, call{method: "POST", url: "/api/v1/users/import", token: "admin", status: 201, headers: csv,
			body: "login,role,unit_code,name,email\nxa05599,commune,05599,Văn phòng UBND xã Sơn Phú,\n"}), `"sign_in_at":"http://example.com/login"`)
		ct.do(t, call{method: "POST", url: "/api/v1/users/import", token: "district", status: 422, headers: csv, badRequest: true,
			body: "login,role,unit_code,name,email\nxa05431,commune,05431,Quán Triều,\n"})
		ct.do(t, call{method: "POST", url: "/api/v1/users/import", token: "admin", status: 201, headers: map[string]string{"Content-Type": "text/csv",
			"Accept": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}, body: "login,role,unit_code,name\nxa05602,commune,05602,Phúc Chu\n"})
		contains(t, ct.do(t, call{url: "/api/v1/users?unit=167", token: "district", status: 200}), `"login":"xa05596"`, `"unit_name":"Xã Bộc Nhiêu"`)
		ct.do(t, call{url: "/api/v1/users", token: "commune", status: 403})
		contains(t, ct.do(t, call{method: "POST", url: "/api/v1/users/xa05596/reset-password", token: "district", status: 200}), `"password":"`)
		contains(t, ct.do(t, call{method: "POST", url: "/api/v1/users/xa05596/move", token: "admin", status: 200, body: `{"unit_code":"05599"}`}), `"unit_code":"05599"`)
		ct.do(t, call{method: "POST", url: "/api/v1/users/xa05596/move", token: "admin", status: 409, body: `{"unit_code":"05599"}`})
		ct.do(t, call{method: "POST", url: "/api/v1/users/xa05596/disable", token: "district", status: 204})
		ct.do(t, call{method: "POST", url: "/api/v1/users/xa05596/disable", token: "district", status: 409})
		ct.do(t, call{method: "POST", url: "/api/v1/users/nobody/disable", token: "admin", status: 404})
	})
	t.Run("reminders", func(t *testing.T) {
		contains(t, ct.do(t, call{method: "POST", url: "/api/v1/reminders", token: "district", status: 201,
			body: `{"unit_code":"167","period":"2024","message":"Đề nghị các xã gửi báo cáo trước ngày 10/12."}`}), `"unit_code":"05599"`)
		ct.do(t, call{method: "POST", url: "/api/v1/reminders", token: "commune", status: 403, body: `{"unit_code":"167","period":"2024"}`})
		ct.do(t, call{method: "POST", url: "/api/v1/reminders", token: "district", status: 422, badRequest: true, body: `{"unit_code":"167","period":"20x4"}`})
		contains(t, ct.do(t, call{url: "/api/v1/reminders?unit=167&period=2024", token: "district", status: 200}), `"unit_code":"05599"`)
	})

	// 429: the same store behind a server with a rate limit of one request.
	t.Run("rate limited", func(t *testing.T) {
		ct.handler = api.New(api.Config{Store: ct.env.Store, RateLimit: 0.001, RateBurst: 1})
		defer func() { ct.handler = ct.env.Handler }()
		ct.do(t, call{url: "/api/v1/indicators", token: "district", status: 200})
		res := ct.do(t, call{url: "/api/v1/indicators", token: "district", status: 429})
		if res.Header.Get("Retry-After") == "" {
			t.Error("429 without Retry-After")
		}
	})

	// Every operation of the document was exercised, and answered with
	// success at least once.
	var lines []string
	for path, item := range ct.doc.Paths.Map() {
		for method, op := range item.Operations() {
			statuses := slices.Sorted(maps.Keys(ct.seen[op.OperationID]))
			lines = append(lines, fmt.Sprintf("%-16s %-6s %-48s %v", op.OperationID, method, path, statuses))
			if len(statuses) == 0 || statuses[0] >= 400 {
				t.Errorf("%s %s (%s) was never answered with success by the contract test", method, path, op.OperationID)
			}
		}
	}
	slices.Sort(lines)
	t.Logf("operations and the statuses checked against the document:\n%s", strings.Join(lines, "\n"))
}

func contains(t *testing.T, res *apitest.Response, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !bytes.Contains(res.Body, []byte(s)) {
			t.Errorf("the answer lacks %s: %.400s", s, res.Body)
		}
	}
}
