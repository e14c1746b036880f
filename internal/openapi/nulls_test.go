package openapi_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"doingoai/demo"
	"doingoai/internal/apitest"
)

// intendedNullDrift are the properties whose refusal, when left out or set
// to null, the document cannot say in a schema, each with why. The key is
// definition.path and what was done ("omitted" or "null").
var intendedNullDrift = map[string]string{
	// Conditional: required to return a report, not to accept one (the
	// property's description says so).
	"models.ReviewInput.comment omitted": "required when decision is return; the base body returns",
	// Conditional: a parent is required for every kind but a province or
	// the country (the description says so); the base body is a commune.
	"models.UnitInput.parent_code omitted": "required below a province; the base body is a commune",
}

// bodyCase is one request body whose properties are probed.
type bodyCase struct {
	def    string                     // the definition in the document
	token  string                     // who sends it
	method string                     // the request
	url    func(i int) string         // per probe (a fresh unit code where the body creates one)
	base   func(i int) map[string]any // a valid body
	ok     func(status int) bool      // an answer that is not a refusal of the body
	prep   func(t *testing.T, e *apitest.Env)
}

// TestWhatTheServerRefusesIsInTheDocument derives, for every request body,
// what the server refuses when each property is left out or set to null,
// by sending it, and compares that with the document: a property the
// server refuses to miss must be in its schema's required list, and one it
// accepts as null must be x-nullable (and the reverse). The report body is
// probed at every depth of the Bộc Nhiêu report with one entry in each
// list. Mismatches that a schema cannot say are listed, with their reason,
// in intendedNullDrift; a new mismatch, or an entry there that no longer
// happens, fails the test.
func TestWhatTheServerRefusesIsInTheDocument(t *testing.T) {
	env := apitest.New(t)
	d := loadSchemas(t)
	report := func(int) map[string]any {
		var m map[string]any
		json.Unmarshal(demo.BocNhieu2024, &m)
		m["delegations"].(map[string]any)["inbound_foreign"] = map[string]any{"count": 1, "people": 3,
			"items": []any{map[string]any{"name": "Đoàn Lào", "country": "Lào", "purpose": "Trao đổi", "start_on": "2024-03-01", "end_on": "2024-03-02", "people": 3}}}
		m["international_agreements"] = map[string]any{"count": 1, "items": []any{map[string]any{"title": "Biên bản ghi nhớ", "partner": "Huyện Mường Khoa", "country": "Lào", "signed_on": "2024-05-01"}}, "narrative": "Có."}
		m["international_conferences"] = map[string]any{"count": 1, "items": []any{map[string]any{"title": "Hội thảo", "held_on": "2024-06-01", "participants": 80}}, "narrative": "Có."}
		m["ngo_aid"] = map[string]any{"projects": []any{map[string]any{"name": "Nhà văn hóa", "donor": "World Vision", "country": "Hoa Kỳ", "sector": "Giáo dục",
			"committed_vnd": 1000000, "disbursed_vnd": 500000, "start_on": "2024-01-01", "end_on": "2024-12-31"}}, "narrative": "Có."}
		m["foreign_awards_received"] = map[string]any{"count": 1, "items": []any{map[string]any{"title": "Huân chương", "awarded_by": "Lào", "recipient": "UBND xã", "received_on": "2024-09-02"}}, "narrative": "Có."}
		m["award_nominations"] = map[string]any{"count": 1, "items": []any{map[string]any{"title": "Bằng khen", "nominee": "Ông A", "level": "province"}}, "narrative": "Có."}
		return m
	}
	cases := []bodyCase{
		{def: "models.Report", token: "commune", method: "POST", url: func(int) string { return "/api/v1/reports?dry_run=true" }, base: report,
			ok: func(s int) bool { return s == 200 }},
		{def: "models.UnitInput", token: "admin", method: "POST", url: func(int) string { return "/api/v1/units" },
			base: func(i int) map[string]any {
				return map[string]any{"code": fmt.Sprintf("Z%05d", i), "name": "Xã Thử", "kind": "commune", "parent_code": "167", "valid_from": "2020-01-01", "valid_to": "2099-12-31"}
			},
			ok: func(s int) bool { return s == 201 }},
		{def: "models.UnitPatch", token: "admin", method: "PATCH", url: func(int) string { return "/api/v1/units/05599" },
			base: func(int) map[string]any { return map[string]any{"name": "Xã Sơn Phú"} },
			ok:   func(s int) bool { return s == 200 }},
		{def: "models.ReviewInput", token: "district", method: "POST", url: func(int) string { return "/api/v1/reports/05596/2024/review" },
			base: func(int) map[string]any {
				return map[string]any{"decision": "return", "comment": "Bổ sung số văn bản."}
			},
			ok: func(s int) bool { return s == 200 },
			prep: func(t *testing.T, e *apitest.Env) {
				if res := e.Do(t, "POST", "/api/v1/reports", "commune", string(demo.BocNhieu2024), nil); res.Status != 201 {
					t.Fatalf("submit: %d %s", res.Status, res.Body)
				}
			}},
		{def: "models.DeadlineInput", token: "district", method: "PUT", url: func(int) string { return "/api/v1/deadlines/167/2024" },
			base: func(int) map[string]any { return map[string]any{"due_date": "2024-11-25", "reference": "7253/UBND-VP"} },
			ok:   func(s int) bool { return s == 200 || s == 201 }},
	}
	seen := map[string]bool{}
	probes := 0
	for _, c := range cases {
		if c.prep != nil {
			c.prep(t, env)
		}
		i := 0
		send := func(body map[string]any) int {
			i++
			b, _ := json.Marshal(body)
			res := env.Do(t, c.method, c.url(i), c.token, string(b), nil)
			if res.Status >= 500 {
				t.Errorf("%s %s: %d %s", c.method, c.url(i), res.Status, res.Body)
			}
			return res.Status
		}
		if s := send(c.base(0)); !c.ok(s) {
			t.Fatalf("%s: the base body is refused: %d", c.def, s)
		}
		// Every property path of the base body, depth first.
		var paths [][]any
		var walk func(v any, path []any)
		walk = func(v any, path []any) {
			switch x := v.(type) {
			case map[string]any:
				keys := slices.Sorted(func(yield func(string) bool) {
					for k := range x {
						if !yield(k) {
							return
						}
					}
				})
				for _, k := range keys {
					p := append(slices.Clone(path), k)
					paths = append(paths, p)
					walk(x[k], p)
				}
			case []any:
				if len(x) > 0 {
					walk(x[0], append(slices.Clone(path), 0))
				}
			}
		}
		walk(c.base(0), nil)
		for _, p := range paths {
			name := p[len(p)-1].(string)
			var dotted []string
			for _, e := range p {
				if s, ok := e.(string); ok {
					dotted = append(dotted, s)
				} else {
					dotted[len(dotted)-1] += "[]"
				}
			}
			path := strings.Join(dotted, ".")
			field, parent, _ := d.at(c.def, path)
			if field == nil {
				t.Errorf("%s.%s: the server takes it; the document has no such property", c.def, path)
				continue
			}
			required := requiredIn(parent, name)
			nullable, _ := field["x-nullable"].(bool)
			for _, how := range []string{"omitted", "null"} {
				body := c.base(i + 1)
				obj := any(body)
				for _, e := range p[:len(p)-1] {
					switch k := e.(type) {
					case string:
						obj = obj.(map[string]any)[k]
					case int:
						obj = obj.([]any)[k]
					}
				}
				if how == "omitted" {
					delete(obj.(map[string]any), name)
				} else {
					obj.(map[string]any)[name] = nil
				}
				status := send(body)
				probes++
				refused := status == 422 || status == 400
				if !refused && !c.ok(status) {
					t.Errorf("%s.%s %s: %d, neither accepted nor refused as invalid", c.def, path, how, status)
					continue
				}
				documented := required
				if minProps, ok := parent["minProperties"].(float64); ok && how == "omitted" && float64(len(obj.(map[string]any))) < minProps {
					documented = true // a PATCH body left empty: minProperties
				}
				if how == "null" {
					documented = !nullable
				}
				key := c.def + "." + path + " " + how
				if refused != documented {
					if _, ok := intendedNullDrift[key]; ok {
						seen[key] = true
						continue
					}
					say := map[bool]string{true: "refuses", false: "accepts"}
					t.Errorf("%s: the server %s it, the document says it %s (required %v, x-nullable %v)", key, say[refused], map[bool]string{true: "is refused", false: "is accepted"}[documented], required, nullable)
				}
			}
		}
	}
	for key := range intendedNullDrift {
		if !seen[key] {
			t.Errorf("intendedNullDrift lists %q, which no longer differs from the document: remove it", key)
		}
	}
	if probes < 250 {
		t.Errorf("only %d probes", probes)
	}
}
