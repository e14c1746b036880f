package openapi_test

import (
	"encoding/json"
	"strings"
	"testing"

	"doingoai/internal/openapi"
	"doingoai/models"
)

// schemaDoc is the Swagger 2.0 document as a tree of maps.
type schemaDoc struct{ defs map[string]any }

func loadSchemas(t *testing.T) schemaDoc {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(openapi.Swagger2(), &doc); err != nil {
		t.Fatal(err)
	}
	return schemaDoc{defs: doc["definitions"].(map[string]any)}
}

// resolve follows a $ref, or the single allOf swag writes for a nullable
// reference.
func (d schemaDoc) resolve(s map[string]any) map[string]any {
	for s != nil {
		if ref, ok := s["$ref"].(string); ok {
			s, _ = d.defs[strings.TrimPrefix(ref, "#/definitions/")].(map[string]any)
			continue
		}
		if all, ok := s["allOf"].([]any); ok && len(all) == 1 {
			s, _ = all[0].(map[string]any)
			continue
		}
		return s
	}
	return nil
}

// at returns the schema of the field at path ("ngo_aid.projects[].name")
// of definition def, and the schema of the object that holds it.
func (d schemaDoc) at(def, path string) (field, parent map[string]any, name string) {
	field, _ = d.defs[def].(map[string]any)
	for _, part := range strings.Split(path, ".") {
		item := strings.HasSuffix(part, "[]")
		name = strings.TrimSuffix(part, "[]")
		parent = d.resolve(field)
		props, _ := parent["properties"].(map[string]any)
		field, _ = props[name].(map[string]any)
		if field == nil {
			return nil, parent, name
		}
		if item {
			field, _ = d.resolve(field)["items"].(map[string]any)
		}
	}
	return field, parent, name
}

func requiredIn(parent map[string]any, name string) bool {
	req, _ := parent["required"].([]any)
	for _, r := range req {
		if r == name {
			return true
		}
	}
	return false
}

// TestDocumentCarriesTheValidatorsLimits: every limit the report validator
// applies (recorded by the validator itself: models.ReportLimits) is in the
// document — required, minLength, maxLength, minimum, maximum, maxItems —
// with the validator's value, and so are the limits of the other bodies,
// from the constants their validators use. A limit changed in the code and
// not in the struct tags (or the reverse) fails here.
func TestDocumentCarriesTheValidatorsLimits(t *testing.T) {
	d := loadSchemas(t)
	check := func(def string, l models.Limit) {
		t.Helper()
		field, parent, name := d.at(def, l.Field)
		if field == nil {
			t.Errorf("%s.%s: no such property in the document", def, l.Field)
			return
		}
		if l.Keyword == "required" {
			if !requiredIn(parent, name) {
				t.Errorf("%s.%s: the server requires it; the document does not (validate:\"required\")", def, l.Field)
			}
			return
		}
		got, ok := d.resolve(field)[l.Keyword].(float64)
		if !ok || int64(got) != l.Value {
			t.Errorf("%s.%s: %s is %v in the document, %d in the validator", def, l.Field, l.Keyword, d.resolve(field)[l.Keyword], l.Value)
		}
	}
	n := 0
	for _, l := range models.ReportLimits() {
		if l.Keyword == "required" && strings.HasSuffix(l.Field, "[]") {
			continue // an entry of a list: minLength says it
		}
		check("models.Report", l)
		n++
	}
	if n < 150 {
		t.Errorf("only %d limits of the report were checked", n)
	}
	for _, c := range []struct {
		def string
		l   models.Limit
	}{
		{"models.UnitInput", models.Limit{Field: "code", Keyword: "maxLength", Value: models.MaxUnitCodeLen}},
		{"models.UnitInput", models.Limit{Field: "code", Keyword: "minLength", Value: 1}},
		{"models.UnitInput", models.Limit{Field: "name", Keyword: "maxLength", Value: models.MaxUnitNameLen}},
		{"models.UnitInput", models.Limit{Field: "name", Keyword: "minLength", Value: 1}},
		{"models.UnitPatch", models.Limit{Field: "name", Keyword: "maxLength", Value: models.MaxUnitNameLen}},
		{"models.UnitPatch", models.Limit{Field: "name", Keyword: "minLength", Value: 1}},
		{"models.ReviewInput", models.Limit{Field: "comment", Keyword: "maxLength", Value: models.MaxReviewComment}},
		{"models.DeadlineInput", models.Limit{Field: "reference", Keyword: "maxLength", Value: models.MaxDeadlineReference}},
	} {
		check(c.def, c.l)
	}
}
