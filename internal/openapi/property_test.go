package openapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"

	"doingoai/demo"
	"doingoai/internal/apitest"
)

// The property-based check of the whole API, written in Go over the
// document converted to OpenAPI 3 (what schemathesis does, which these
// machines cannot install): for every operation and every role, requests
// are generated from the document — parameters from their examples, enums,
// bounds and formats, bodies from the examples of their schemas — and then
// mutated into invalid ones (a value of the wrong type or outside its
// enum, format or bounds; a required parameter or property left out). It
// asserts what schemathesis asserts:
//
//   - no answer is a 5xx;
//   - every answer's status is declared for the operation, and its media
//     type and body match the document;
//   - an invalid request is refused with a 4xx;
//   - a valid request is not refused as invalid (400 or 422): refusals of
//     the caller (401, 403), of a missing resource (404) or of the state
//     (409, 412) are answers the document declares.
//
// The generator is seeded, so a failure repeats; PROPERTY_SEED changes the
// seed and PROPERTY_SAMPLES the number of requests per operation and role.
// Mismatches that are intended are written down in intendedProperty.

// intendedProperty are the (operation, what) pairs where the check's
// expectation does not hold on purpose, each with why.
var intendedProperty = map[string]string{
	"getRollup valid format=csv&by=child&periods": "a CSV file holds one table: by=child with periods is refused (422) although each value is valid alone; the description says so",
	"getRollup valid without period or periods":   "period is required unless periods is given (its last period is then the period): a condition between two parameters that the document says in words",
	"importUsers valid out of scope":              "a line of an accounts file whose unit is outside the caller's scope is one of the file's problems, at its line (422 out_of_scope), so that every problem of the file is answered at once",
}

// knownResponseDrift are answers that do not match the document and are
// not this check's to fix, each with the text of the mismatch and why; they
// are logged, not failed; the run says when one did not occur.
var knownResponseDrift = map[string]struct{ contains, why string }{}

// validBodies are bodies that pass the server's rules, by schema: the
// rules across fields (counts against items, rates, sums) are more than a
// JSON Schema says, so bodies come from examples, not from random values.
func validBodies(op string) []map[string]any {
	var seed map[string]any
	json.Unmarshal(demo.BocNhieu2024, &seed)
	switch op {
	case "submitReport", "putReport":
		return []map[string]any{seed}
	case "createUnit":
		return []map[string]any{{"code": "Z0001", "name": "Xã Thử", "kind": "commune", "parent_code": "167", "valid_from": "2020-01-01", "valid_to": "2099-12-31"}}
	case "updateUnit":
		return []map[string]any{{"name": "Xã Bộc Nhiêu"}, {"valid_to": nil}}
	case "reviewReport":
		return []map[string]any{{"decision": "return", "comment": "Bổ sung số văn bản."}, {"decision": "accept"}}
	case "setDeadline":
		return []map[string]any{{"due_date": "2024-11-25", "reference": "7253/UBND-VP"}}
	case "createToken":
		return []map[string]any{{"role": "commune", "unit_code": "05596", "name": "Phần mềm xã"}}
	case "createUser":
		return []map[string]any{{"login": "xa05596", "role": "commune", "unit_code": "05596", "name": "Văn phòng UBND xã", "email": "vanphong@xa.gov.vn"}}
	case "moveUser":
		return []map[string]any{{"unit_code": "05599"}}
	case "sendReminders":
		return []map[string]any{{"unit_code": "167", "period": "2024"}, {"unit_code": "167", "period": "2024", "message": "Đề nghị các xã gửi báo cáo trước ngày 10/12."}}
	}
	return nil
}

type genRequest struct {
	op, method, path string
	query            url.Values
	body             string
	contentType      string
	valid            bool
	what             string // the mutation, for messages
}

func (g genRequest) url() string {
	if len(g.query) == 0 {
		return g.path
	}
	return g.path + "?" + g.query.Encode()
}

// exampleOf is a parameter's example: its x-example, else from its schema.
func exampleOf(p *openapi3.Parameter, rng *rand.Rand) (string, bool) {
	if x, ok := p.Extensions["x-example"]; ok {
		return fmt.Sprint(x), true
	}
	if p.Example != nil {
		return fmt.Sprint(p.Example), true
	}
	if p.Schema == nil || p.Schema.Value == nil {
		return "", false
	}
	s := p.Schema.Value
	switch {
	case len(s.Enum) > 0:
		return fmt.Sprint(s.Enum[rng.IntN(len(s.Enum))]), true
	case s.Type.Is("boolean"):
		return fmt.Sprint(rng.IntN(2) == 0), true
	case s.Type.Is("integer"):
		lo, hi := 1.0, 5.0
		if s.Min != nil {
			lo = *s.Min
		}
		if s.Max != nil && *s.Max < hi {
			hi = *s.Max
		}
		if s.Default != nil {
			return fmt.Sprint(s.Default), true
		}
		return fmt.Sprint(int(lo) + rng.IntN(int(hi-lo)+1)), true
	case s.Format == "date":
		return "2024-06-30", true
	case s.Format == "date-time":
		return "2024-06-30T00:00:00Z", true
	}
	return "", false
}

// invalidFor is a value the parameter's schema refuses, if there is one.
func invalidFor(p *openapi3.Parameter) (string, bool) {
	if p.Schema == nil || p.Schema.Value == nil {
		return "", false
	}
	s := p.Schema.Value
	switch {
	case len(s.Enum) > 0:
		return "not-in-the-enum", true
	case s.Type.Is("boolean"):
		return "maybe", true
	case s.Type.Is("integer") && s.Max != nil:
		return fmt.Sprint(int64(*s.Max) + 1), true
	case s.Type.Is("integer"):
		return "one", true
	case s.Format == "date" || s.Format == "date-time":
		return "2024-13-45", true
	}
	return "", false
}

// wrongType returns v replaced by a JSON value of another type.
func wrongType(v any) any {
	switch v.(type) {
	case string:
		return 12345
	case float64, int, int64:
		return "mười"
	case bool:
		return "yes"
	case []any:
		return map[string]any{"x": 1}
	case map[string]any:
		return "x"
	}
	return []any{1}
}

// TestPropertyBased: see the comment at the top of this file.
func TestPropertyBased(t *testing.T) {
	ct := newContract(t)
	env := ct.env
	if res := env.Do(t, "POST", "/api/v1/reports", "commune", string(demo.BocNhieu2024), nil); res.Status != 201 {
		t.Fatalf("seed: %d %s", res.Status, res.Body)
	}
	seed := uint64(2026)
	if s := os.Getenv("PROPERTY_SEED"); s != "" {
		fmt.Sscan(s, &seed)
	}
	samples := 2
	if s := os.Getenv("PROPERTY_SAMPLES"); s != "" {
		fmt.Sscan(s, &samples)
	}
	rng := rand.New(rand.NewPCG(seed, 12))
	roles := []string{"admin", "province", "district", "commune", "foreign-commune", ""}
	seedText, _ := os.ReadFile("../../testdata/bao-cao-doi-ngoai-boc-nhieu-2024.txt")

	type opInfo struct {
		method, path string
		op           *openapi3.Operation
	}
	var ops []opInfo
	for _, path := range slices.Sorted(maps.Keys(ct.doc.Paths.Map())) {
		item := ct.doc.Paths.Value(path)
		for _, method := range slices.Sorted(maps.Keys(item.Operations())) {
			ops = append(ops, opInfo{method, path, item.GetOperation(method)})
		}
	}
	sent, refusedInvalid := 0, 0
	seenIntended := map[string]bool{}
	for _, o := range ops {
		id := o.op.OperationID
		if o.method == http.MethodDelete {
			continue // revoking tokens would end the run's own tokens; the contract test covers it
		}
		for _, role := range roles {
			for k := 0; k < samples; k++ {
				// A valid request.
				g := genRequest{op: id, method: o.method, path: o.path, query: url.Values{}, valid: true, what: "valid"}
				var required []*openapi3.Parameter
				var optional []*openapi3.Parameter
				for _, pr := range o.op.Parameters {
					p := pr.Value
					v, ok := exampleOf(p, rng)
					switch p.In {
					case "path":
						if !ok {
							v = "1"
						}
						g.path = strings.ReplaceAll(g.path, "{"+p.Name+"}", url.PathEscape(v))
					case "query":
						if ok && (p.Required || rng.IntN(2) == 0) {
							g.query.Set(p.Name, v)
						}
						if p.Required {
							required = append(required, p)
						} else {
							optional = append(optional, p)
						}
					}
				}
				var body map[string]any
				if rb := o.op.RequestBody; rb != nil {
					if rb.Value.Content.Get("application/json") != nil {
						bodies := validBodies(id)
						if len(bodies) == 0 {
							t.Errorf("%s: no valid body known for its schema", id)
							continue
						}
						body = bodies[rng.IntN(len(bodies))]
						b, _ := json.Marshal(body)
						g.body, g.contentType = string(b), "application/json"
					} else {
						g.body, g.contentType = string(seedText), "text/plain; charset=utf-8"
					}
				}
				if id == "submitReport" || id == "putReport" {
					g.query.Set("dry_run", "true") // valid, and keeps the state the other samples read
				}
				if id == "createUnit" {
					body["code"] = fmt.Sprintf("Z%04d", sent%10000)
					b, _ := json.Marshal(body)
					g.body = string(b)
				}
				if id == "createUser" { // a login of its own, else it is taken
					body["login"] = fmt.Sprintf("z%04d", sent%10000)
					b, _ := json.Marshal(body)
					g.body = string(b)
				}
				if id == "importUsers" {
					g.body, g.contentType = fmt.Sprintf("login,role,unit_code,name\nf%04d,commune,05596,Văn phòng UBND xã\n", sent%10000), "text/csv"
				}
				res := ct.send(t, g, role)
				sent++
				if res.Status == 400 || res.Status == 422 {
					key := id + " valid"
					if id == "getRollup" && g.query.Get("format") == "csv" && g.query.Get("by") == "child" && g.query.Get("periods") != "" {
						key = "getRollup valid format=csv&by=child&periods"
					}
					if id == "getRollup" && g.query.Get("period") == "" && g.query.Get("periods") == "" {
						key = "getRollup valid without period or periods"
					}
					if id == "importUsers" && strings.Contains(string(res.Body), `"out_of_scope"`) {
						key = "importUsers valid out of scope"
					}
					if _, ok := intendedProperty[key]; ok {
						seenIntended[key] = true
					} else {
						t.Errorf("%s %s (%s): a valid request was refused: %d %.300s", o.method, g.url(), role, res.Status, res.Body)
					}
				}

				// Invalid variants of it.
				var variants []genRequest
				for _, p := range required {
					m := g
					m.query = maps.Clone(g.query)
					m.query.Del(p.Name)
					m.valid, m.what = false, "without "+p.Name
					variants = append(variants, m)
				}
				for _, p := range append(slices.Clone(required), optional...) {
					if bad, ok := invalidFor(p); ok {
						m := g
						m.query = maps.Clone(g.query)
						m.query.Set(p.Name, bad)
						m.valid, m.what = false, p.Name+"="+bad
						variants = append(variants, m)
					}
				}
				if body != nil {
					keys := slices.Sorted(maps.Keys(body))
					key := keys[rng.IntN(len(keys))]
					m := g
					mb := maps.Clone(body)
					mb[key] = wrongType(body[key])
					b, _ := json.Marshal(mb)
					m.body, m.valid, m.what = string(b), false, key+" of the wrong type"
					variants = append(variants, m)
					m2 := g
					m2.body, m2.valid, m2.what = `{"no_such_property":1}`, false, "an unknown property"
					variants = append(variants, m2)
				}
				if len(variants) > 0 {
					m := variants[rng.IntN(len(variants))]
					res := ct.send(t, m, role)
					sent++
					if res.Status < 400 {
						t.Errorf("%s %s (%s, %s): an invalid request was not refused: %d %.300s", o.method, m.url(), role, m.what, res.Status, res.Body)
					} else {
						refusedInvalid++
					}
				}
			}
		}
	}
	for key := range intendedProperty {
		if !seenIntended[key] {
			t.Logf("intended mismatch %q did not occur with this seed", key)
		}
	}
	for id := range knownResponseDrift {
		if !ct.drifted[id] {
			t.Logf("known drift of %s did not occur with this seed (remove it from knownResponseDrift once fixed)", id)
		}
	}
	t.Logf("%d requests over %d operations and %d roles; %d invalid ones refused", sent, len(ops), len(roles), refusedInvalid)
}

// send sends a generated request as role and checks the answer against
// the document: no 5xx, a declared status, a matching media type and body.
func (ct *contract) send(t *testing.T, g genRequest, role string) *apitest.Response {
	t.Helper()
	req := httptest.NewRequest(g.method, g.url(), strings.NewReader(g.body))
	if g.contentType != "" {
		req.Header.Set("Content-Type", g.contentType)
	}
	if role != "" {
		req.Header.Set("Authorization", "Bearer "+ct.env.Tokens[role])
	}
	route, params, err := ct.router.FindRoute(req)
	if err != nil {
		t.Errorf("%s %s is not in the document: %v", g.method, g.url(), err)
		return &apitest.Response{}
	}
	rec := httptest.NewRecorder()
	ct.handler.ServeHTTP(rec, req)
	res := &apitest.Response{Status: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
	id := route.Operation.OperationID
	if res.Status >= 500 {
		t.Errorf("%s (%s %s as %q, %s): %d %.300s", id, g.method, g.url(), role, g.what, res.Status, res.Body)
		return res
	}
	if route.Operation.Responses.Status(res.Status) == nil {
		t.Errorf("%s (%s %s as %q, %s) answered %d, which the document does not declare: %.300s", id, g.method, g.url(), role, g.what, res.Status, res.Body)
		return res
	}
	req.Body = io.NopCloser(strings.NewReader(g.body))
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, MultiError: true}}
	opts := &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true,
		SchemaValidationOptions: []openapi3.SchemaValidationOption{openapi3.EnableFormatValidation()}}
	mt := strings.Split(res.Header.Get("Content-Type"), ";")[0]
	if len(res.Body) > 0 && mt != "application/json" && mt != "application/problem+json" && mt != "text/plain" {
		opts.ExcludeResponseBody = true // a CSV or Excel file: the document gives its type, not its columns
		if route.Operation.Responses.Status(res.Status).Value.Content.Get(mt) == nil {
			t.Errorf("%s answered %d with Content-Type %q, which the document does not list", id, res.Status, mt)
		}
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: res.Status, Header: res.Header, Options: opts}
	out.SetBodyBytes(res.Body)
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		if k, ok := knownResponseDrift[id]; ok && strings.Contains(err.Error(), k.contains) {
			if ct.drifted == nil {
				ct.drifted = map[string]bool{}
			}
			ct.drifted[id] = true
			return res
		}
		t.Errorf("%s (%s %s as %q, %s) %d: the answer does not match the document:\n%v\nbody: %.300s", id, g.method, g.url(), role, g.what, res.Status, err, res.Body)
	}
	return res
}
