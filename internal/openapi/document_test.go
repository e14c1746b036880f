package openapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"doingoai/api"
	"doingoai/demo"
	"doingoai/internal/apidoc"
	"doingoai/internal/openapi"
	"doingoai/internal/testenv"
	"doingoai/models"
	"doingoai/web"
)

// root is the repository's root, from this package's folder.
const root = "../.."

// swagger2 is a decoded Swagger 2.0 document.
type swagger2 = map[string]any

func decode(t *testing.T, b []byte) swagger2 {
	t.Helper()
	var d swagger2
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

func served(t *testing.T) swagger2 { return decode(t, openapi.Swagger2()) }

// servedBytes is the document as the server answers GET /swagger/doc.json.
func servedBytes(t *testing.T) []byte {
	t.Helper()
	e := api.New(api.Config{Store: testenv.Open(t, nil)})
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/swagger/doc.json", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /swagger/doc.json: %d %s", rec.Code, rec.Body)
	}
	return rec.Body.Bytes()
}

// withoutTemplateFields removes what swag's template in docs/docs.go
// writes when the general information sets no host and no schemes:
// "host": "" and "schemes": []. The empty host does not match the pattern
// of Swagger 2.0's host, so that strict validators refuse it; the server
// serves the document without it (api.serveDoc), which the tests check
// on the served bytes as they are.
func withoutTemplateFields(t *testing.T, b []byte) []byte {
	t.Helper()
	d := decode(t, b)
	if h, ok := d["host"]; ok && h == "" {
		t.Log(`the served document has "host": "", which strict Swagger 2.0 validators refuse`)
		delete(d, "host")
	}
	if s, ok := d["schemes"].([]any); ok && len(s) == 0 {
		delete(d, "schemes")
	}
	out, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSwagger20Schema validates the document against the official JSON
// Schema of Swagger 2.0 (testdata/swagger-2.0-schema.json, the file
// published at swagger.io/v2/schema.json), with an independent JSON Schema
// validator: the committed docs/swagger.json, and the document as served.
func TestSwagger20Schema(t *testing.T) {
	f, err := os.Open("testdata/swagger-2.0-schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const url = "http://swagger.io/v2/schema.json"
	if err := c.AddResource(url, schemaDoc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	file, err := os.ReadFile(filepath.Join(root, "docs", "swagger.json"))
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"docs/swagger.json": file, "/swagger/doc.json": servedBytes(t)} {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("%s is not valid Swagger 2.0:\n%v", name, err)
		}
	}
}

// TestServedIsCommitted: the server serves the document committed in
// docs/ (swagger.json, swagger.yaml and docs.go come from one swag run),
// and so does package openapi.
func TestServedIsCommitted(t *testing.T) {
	file, err := os.ReadFile(filepath.Join(root, "docs", "swagger.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := decode(t, file)
	if got := decode(t, servedBytes(t)); !reflect.DeepEqual(want, got) {
		t.Error("the server does not serve docs/swagger.json: run swag init (see .ci/openapi)")
	}
	if got := decode(t, withoutTemplateFields(t, openapi.Swagger2())); !reflect.DeepEqual(want, got) {
		t.Error("openapi.Swagger2 is not docs/swagger.json")
	}
	yml, err := os.ReadFile(filepath.Join(root, "docs", "swagger.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(yml, []byte("swagger: \"2.0\"")) || len(yml) < len(file)/3 {
		t.Error("docs/swagger.yaml does not look like the document")
	}
}

// TestDocsAreCurrent runs swag as CI does and compares its document with
// docs/swagger.json, so that a stale docs/ fails `go test ./...` too.
func TestDocsAreCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("runs swag over the whole module")
	}
	out := t.TempDir()
	cmd := exec.Command("go", "tool", "swag", "init", "-g", "main.go", "-o", out, "--outputTypes", "json", "--quiet")
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("swag init: %v\n%s", err, b)
	}
	swagged, err := os.ReadFile(filepath.Join(out, "swagger.json"))
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := apidoc.Files(swagged)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(root, "docs", "swagger.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("docs/ is stale: run `go generate .` and commit it")
	}
}

// TestOpenAPI3 converts the document to OpenAPI 3.0 and validates it with
// kin-openapi, which also checks every example against its schema and
// every path parameter against its path.
func TestOpenAPI3(t *testing.T) {
	ctx := context.Background()
	doc, err := openapi.V3(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(ctx, openapi3.EnableExamplesValidation(), openapi3.EnableSchemaFormatValidation(), openapi3.EnableSchemaPatternValidation()); err != nil {
		t.Fatalf("the converted document is not valid OpenAPI 3: %v", err)
	}
}

// endpoints are the public interface the service promises (the README and the
// Swagger UI describe them): every one must be in the document.
var endpoints = []string{
	"GET /api/v1/units", "GET /api/v1/units/{code}", "POST /api/v1/units", "PATCH /api/v1/units/{code}",
	"POST /api/v1/reports", "PUT /api/v1/reports/{unit_code}/{period}", "GET /api/v1/reports/{unit_code}/{period}",
	"GET /api/v1/reports/{unit_code}/{period}/revisions", "GET /api/v1/reports/{unit_code}/{period}/revisions/{n}",
	"GET /api/v1/reports", "POST /api/v1/reports/{unit_code}/{period}/review",
	"GET /api/v1/indicators", "GET /api/v1/rollups", "GET /api/v1/completeness",
	"PUT /api/v1/deadlines/{unit_code}/{period}", "GET /api/v1/deadlines/{unit_code}/{period}",
	"GET /api/v1/audit",
	"POST /api/v1/tokens", "GET /api/v1/tokens", "DELETE /api/v1/tokens/{id}",
	"GET /healthz", "GET /readyz", "GET /metrics", "GET /swagger/doc.json",
}

type operation struct {
	key string // "GET /api/v1/units"
	op  map[string]any
}

func operations(d swagger2) []operation {
	var ops []operation
	for path, item := range d["paths"].(map[string]any) {
		for method, op := range item.(map[string]any) {
			if m, ok := op.(map[string]any); ok {
				ops = append(ops, operation{strings.ToUpper(method) + " " + path, m})
			}
		}
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].key < ops[j].key })
	return ops
}

func strs(v any) []string {
	var out []string
	for _, s := range asSlice(v) {
		if s, ok := s.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func asSlice(v any) []any { s, _ := v.([]any); return s }
func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// TestContractCovered: every endpoint of the contract is documented with an
// operationId, a summary and a tag; every operation under /api/v1 requires
// the Bearer token, produces problem+json and declares the errors every
// such route can answer (401, 429, 500), those of a JSON body (400, 413,
// 415, 422), each as a models.Problem.
func TestContractCovered(t *testing.T) {
	d := served(t)
	byKey := map[string]map[string]any{}
	ids := map[string]string{}
	for _, o := range operations(d) {
		byKey[o.key] = o.op
		id, _ := o.op["operationId"].(string)
		if id == "" {
			t.Errorf("%s has no operationId (@ID): generated clients name their methods after it", o.key)
		} else if other, dup := ids[id]; dup {
			t.Errorf("%s and %s share the operationId %s", o.key, other, id)
		}
		ids[id] = o.key
		if o.op["summary"] == "" || o.op["summary"] == nil {
			t.Errorf("%s has no summary", o.key)
		}
		if len(strs(o.op["tags"])) != 1 {
			t.Errorf("%s has tags %v, want one (its resource)", o.key, o.op["tags"])
		}
	}
	for _, k := range endpoints {
		if byKey[k] == nil {
			t.Errorf("the contract's %s is not in the document", k)
		}
	}
	for k, op := range byKey {
		path := strings.SplitN(k, " ", 2)[1]
		if !strings.HasPrefix(path, "/api/v1/") {
			if op["security"] != nil {
				t.Errorf("%s is open, but the document asks for a token", k)
			}
			continue
		}
		sec := asSlice(op["security"])
		if len(sec) != 1 || asMap(sec[0])["BearerAuth"] == nil {
			t.Errorf("%s: security is %v, want BearerAuth", k, op["security"])
		}
		if !slices.Contains(strs(op["produces"]), "application/problem+json") {
			t.Errorf("%s does not produce application/problem+json", k)
		}
		want := []string{"401", "429", "500"}
		for _, p := range asSlice(op["parameters"]) {
			if asMap(p)["in"] == "body" {
				want = append(want, "400", "413", "415", "422")
			}
		}
		responses := asMap(op["responses"])
		for _, code := range want {
			if responses[code] == nil {
				t.Errorf("%s does not declare %s", k, code)
			}
		}
		for code, r := range responses {
			if code >= "400" && asMap(asMap(r)["schema"])["$ref"] != "#/definitions/models.Problem" {
				t.Errorf("%s: %s is not a models.Problem", k, code)
			}
		}
	}
	sd := asMap(asMap(d["securityDefinitions"])["BearerAuth"])
	if sd["type"] != "apiKey" || sd["in"] != "header" || sd["name"] != "Authorization" {
		t.Errorf("BearerAuth is %v, want the Authorization header", sd)
	}
}

// TestRoutesDocumented: the server's routes and the document's paths are
// the same set, so that no route is added without its annotations.
func TestRoutesDocumented(t *testing.T) {
	e := api.New(api.Config{Store: testenv.Open(t, nil)})
	routes := map[string]bool{}
	for _, r := range e.Routes() {
		if strings.HasPrefix(r.Path, "/swagger") && r.Path != "/swagger/*" || r.Method == "echo_route_any" {
			continue
		}
		if slices.Contains(web.Mounts, r.Path) {
			continue // the web app's pages, not the API
		}
		path := r.Path
		if path == "/swagger/*" {
			path = "/swagger/doc.json"
		}
		var b strings.Builder
		for i, seg := range strings.Split(path, "/") {
			if i > 0 {
				b.WriteByte('/')
			}
			if strings.HasPrefix(seg, ":") {
				seg = "{" + seg[1:] + "}"
			}
			b.WriteString(seg)
		}
		routes[r.Method+" "+b.String()] = true
	}
	documented := map[string]bool{}
	for _, o := range operations(served(t)) {
		documented[o.key] = true
		if !routes[o.key] {
			t.Errorf("the document has %s, which the server does not route", o.key)
		}
	}
	for k := range routes {
		if !documented[k] {
			t.Errorf("the server routes %s, which the document lacks", k)
		}
	}
}

// schema resolves $ref and a lone allOf.
func schema(d swagger2, s map[string]any) map[string]any {
	for {
		if ref, ok := s["$ref"].(string); ok {
			s = asMap(asMap(d["definitions"])[strings.TrimPrefix(ref, "#/definitions/")])
			continue
		}
		if all := asSlice(s["allOf"]); len(all) == 1 && s["properties"] == nil {
			s = asMap(all[0])
			continue
		}
		return s
	}
}

func property(d swagger2, def string, path ...string) map[string]any {
	s := schema(d, map[string]any{"$ref": "#/definitions/" + def})
	var p map[string]any
	for _, name := range path {
		p = asMap(asMap(s["properties"])[name])
		if p == nil {
			return nil
		}
		s = schema(d, p)
		if s["type"] == "array" {
			s = schema(d, asMap(s["items"]))
		}
	}
	return p
}

func enumOf(d swagger2, p map[string]any) []string {
	if e := strs(p["enum"]); e != nil {
		return e
	}
	if p["type"] == "array" {
		return enumOf(d, asMap(p["items"]))
	}
	return strs(schema(d, p)["enum"])
}

func param(d swagger2, key, name string) map[string]any {
	for _, o := range operations(d) {
		if o.key == key {
			for _, p := range asSlice(o.op["parameters"]) {
				if asMap(p)["name"] == name {
					return asMap(p)
				}
			}
		}
	}
	return nil
}

// TestEnums: the closed sets of values clients switch on are enums in the
// document, with the values the code has.
func TestEnums(t *testing.T) {
	d := served(t)
	var kinds []string
	for _, k := range models.UnitKinds {
		kinds = append(kinds, string(k))
	}
	reportStatus := []string{"draft", "submitted", "accepted", "returned"}
	for _, c := range []struct {
		what string
		got  []string
		want []string
	}{
		{"Unit.kind", enumOf(d, property(d, "models.Unit", "kind")), kinds},
		{"UnitInput.kind", enumOf(d, property(d, "models.UnitInput", "kind")), kinds},
		{"Report.status", enumOf(d, property(d, "models.Report", "status")), []string{"draft", "submitted"}},
		{"SubmitResult.status", enumOf(d, property(d, "models.SubmitResult", "status")), []string{"draft", "submitted"}},
		{"ReportView.status", enumOf(d, property(d, "models.ReportView", "status")), reportStatus},
		{"ReportSummary.status", enumOf(d, property(d, "models.ReportSummary", "status")), reportStatus},
		{"RevisionSummary.status", enumOf(d, property(d, "models.RevisionSummary", "status")), reportStatus},
		{"GET /api/v1/reports status", strs(param(d, "GET /api/v1/reports", "status")["enum"]), reportStatus},
		{"ReviewInput.decision", enumOf(d, property(d, "models.ReviewInput", "decision")), []string{"accept", "return"}},
		{"Review.decision", enumOf(d, property(d, "models.Review", "decision")), []string{"accept", "return"}},
		{"Indicator.aggregation", enumOf(d, property(d, "models.Indicator", "aggregation")), []string{"sum", "ratio", "weighted_mean"}},
		{"IndicatorValue.aggregation", enumOf(d, property(d, "models.IndicatorValue", "aggregation")), []string{"sum", "ratio", "weighted_mean"}},
		{"CompletenessUnit.status", enumOf(d, property(d, "models.CompletenessUnit", "status")), []string{"missing", "draft", "submitted", "returned", "accepted"}},
		{"BreakdownRow.status", enumOf(d, property(d, "models.BreakdownRow", "status")), []string{"missing", "draft", "submitted", "returned", "accepted"}},
		{"GET /api/v1/rollups format", strs(param(d, "GET /api/v1/rollups", "format")["enum"]), []string{"json", "csv", "xlsx"}},
		{"Problem.code", enumOf(d, property(d, "models.Problem", "code")), []string{models.EMALFORMED, models.EUNAUTHORIZED, models.EFORBIDDEN, models.ENOTFOUND, models.EMETHOD, models.ECONFLICT, models.EPRECONDITION, models.ETOOLARGE, models.EMEDIATYPE, models.EINVALID, models.ERATELIMIT, models.EUNAVAILABLE, models.EINTERNAL,
			models.CodeReportLocked, models.CodeDraftOverSubmitted, models.CodeReviewOfDraft, models.CodeKeyInFlight, models.CodeKeyReused, models.CodeUnitEnded}},
	} {
		got, want := slices.Sorted(slices.Values(c.got)), slices.Sorted(slices.Values(c.want))
		if !slices.Equal(got, want) {
			t.Errorf("%s: enum %v, want %v", c.what, c.got, c.want)
		}
	}
}

// TestIndicatorsDescribed: the catalogue's description names every
// indicator in Vietnamese and English, and every report field an
// indicator is made from is in the report's schema with a description.
func TestIndicatorsDescribed(t *testing.T) {
	d := served(t)
	var desc string
	for _, o := range operations(d) {
		if o.key == "GET /api/v1/indicators" {
			desc, _ = o.op["description"].(string)
		}
	}
	for _, ind := range models.Indicators {
		line := "`" + ind.Code + "`: " + ind.NameVI + " — " + ind.NameEN
		if !strings.Contains(desc, line) {
			t.Errorf("GET /api/v1/indicators does not describe %q", line)
		}
	}
	for _, m := range models.Measures {
		p := property(d, "models.Report", strings.Split(m.Field, ".")...)
		if p == nil {
			t.Errorf("%s (measure %s) is not in models.Report", m.Field, m.Code)
			continue
		}
		if s, _ := p["description"].(string); s == "" {
			t.Errorf("%s (measure %s) has no description", m.Field, m.Code)
		}
	}
	for name := range asMap(schema(d, map[string]any{"$ref": "#/definitions/models.Report"})["properties"]) {
		if s, _ := property(d, "models.Report", name)["description"].(string); s == "" {
			t.Errorf("models.Report.%s has no description", name)
		}
	}
}

// TestExamplesFromBocNhieu: the examples of the report's schema are the
// Bộc Nhiêu 2024 report's own values (demo/boc-nhieu-2024.json) wherever
// that report has one: numbers equal, texts part of the report's text (swag
// cuts a list's example at its commas). Where the report has nothing (its
// lists of delegations and projects are empty) the examples are free.
func TestExamplesFromBocNhieu(t *testing.T) {
	d := served(t)
	var seed any
	if err := json.Unmarshal(demo.BocNhieu2024, &seed); err != nil {
		t.Fatal(err)
	}
	values := map[string][]any{} // path (lists as []) → the report's values there
	var flatten func(path string, v any)
	flatten = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				flatten(strings.TrimPrefix(path+"."+k, "."), x)
			}
		case []any:
			for _, x := range v {
				flatten(path+"[]", x)
			}
		default:
			if v != nil {
				values[path] = append(values[path], v)
			}
		}
	}
	flatten("", seed)
	// A definition used at several places (Narrative, DocumentRef,
	// DelegationGroup) has one example: it must be the report's value at
	// one of them.
	type site struct {
		example any
		paths   []string
	}
	sites := map[string]*site{} // definition.property → its example and where it is used
	var walk func(path, def string, s map[string]any, depth int)
	walk = func(path, def string, s map[string]any, depth int) {
		if depth > 8 {
			return
		}
		for {
			if ref, ok := s["$ref"].(string); ok {
				def = strings.TrimPrefix(ref, "#/definitions/")
			} else if all := asSlice(s["allOf"]); len(all) == 1 && s["properties"] == nil {
				s = asMap(all[0])
				continue
			}
			break
		}
		s = schema(d, s)
		if s["type"] == "array" {
			walk(path+"[]", def, asMap(s["items"]), depth+1)
			return
		}
		for name, p := range asMap(s["properties"]) {
			p := asMap(p)
			at := strings.TrimPrefix(path+"."+name, ".")
			key := def + "." + name
			if sites[key] == nil {
				sites[key] = &site{example: p["example"]}
			}
			sites[key].paths = append(sites[key].paths, at)
			walk(at, def, p, depth+1)
		}
	}
	walk("", "models.Report", map[string]any{"$ref": "#/definitions/models.Report"}, 0)
	checked := 0
	for key, st := range sites {
		if st.example == nil {
			continue
		}
		exs, suffix := []any{st.example}, ""
		if list, ok := st.example.([]any); ok {
			exs, suffix = list, "[]"
		}
		var have []any
		for _, p := range st.paths {
			have = append(have, values[p+suffix]...)
		}
		if len(have) == 0 {
			continue
		}
		for _, ex := range exs {
			checked++
			if !slices.ContainsFunc(have, func(v any) bool { return matches(ex, v) }) {
				t.Errorf("%s (at %v): example %v is none of the Bộc Nhiêu report's values there: %v", key, st.paths, ex, have)
			}
		}
	}
	if checked < 40 {
		t.Errorf("only %d examples were compared with the report; the report's schema has lost its examples", checked)
	}
}

func matches(example, value any) bool {
	switch e := example.(type) {
	case string:
		v, ok := value.(string)
		return ok && e != "" && strings.Contains(v, strings.TrimSpace(e))
	case float64:
		v, ok := value.(float64)
		return ok && v == e
	case bool:
		return example == value
	}
	return false
}
