package handlers_test

import (
	"encoding/json"
	"strings"
	"testing"

	"doingoai/internal/apitest"
	"doingoai/models"
)

// Bidirectional controls and invisible characters are refused in every
// text field with 422, the field and the code invisible_character — raw
// or written as a JSON escape — and nothing is stored: a project name
// ending in U+202E would mirror the words that follow it in the district's
// Word draft.
func TestInvisibleCharactersRefused(t *testing.T) {
	env := apitest.New(t)
	report := func(edit func(m map[string]any)) string {
		m := apitest.Seed(t)
		edit(m)
		return apitest.Body(t, m)
	}
	signer := report(func(m map[string]any) { m["document"].(map[string]any)["signer_name"] = "Lê Đình Ngà\u202e" })
	people := report(func(m map[string]any) {
		m["profile"].(map[string]any)["ethnic_groups"].([]any)[0].(map[string]any)["name"] = "Tà\u200dy"
	})
	escaped := strings.Replace(report(func(map[string]any) {}), `"Lê Đình Ngà"`, `"Lê Đình Ngà\u2067"`, 1)
	refused := func(field string) []string {
		return []string{`"field":"` + field + `"`, `"code":"invisible_character"`}
	}
	env.Run(t, []apitest.Scenario{
		{Name: "U+202E in the signer's name", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: signer, Status: 422, Contains: refused("document.signer_name")},
		{Name: "a zero-width joiner in a people's name", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: people, Status: 422, Contains: refused("profile.ethnic_groups[0].name")},
		{Name: "U+2067 as a JSON escape", Method: "POST", URL: "/api/v1/reports?dry_run=true", Token: "commune", Body: escaped, Status: 422, Contains: refused("document.signer_name")},
		{Name: "nothing was stored", URL: "/api/v1/reports/05596/2024", Token: "commune", Status: 404},
		{Name: "a unit's name", Method: "POST", URL: "/api/v1/units", Token: "admin", Status: 422, Contains: refused("name"),
			Body: `{"code":"05999","name":"Xã Mới\ufeff","kind":"commune","parent_code":"167"}`},
		{Name: "a unit renamed", Method: "PATCH", URL: "/api/v1/units/05599", Token: "admin", Status: 422, Contains: refused("name"), Body: `{"name":"Xã Sơn\u200b Phú"}`},
		{Name: "a token's name", Method: "POST", URL: "/api/v1/tokens", Token: "admin", Status: 422, Contains: refused("name"),
			Body: `{"role":"commune","unit_code":"05596","name":"Phần mềm xã\u2066"}`},
		{Name: "a deadline's reference", Method: "PUT", URL: "/api/v1/deadlines/167/2024", Token: "district", Status: 422, Contains: refused("reference"),
			Body: `{"due_date":"2024-11-25","reference":"7253/UBND-VP\u200f"}`},
		{Name: "the report itself is fine", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: apitest.Body(t, apitest.Seed(t)), Status: 201},
		{Name: "a review's comment", Method: "POST", URL: "/api/v1/reports/05596/2024/review", Token: "district", Status: 422, Contains: refused("comment"),
			Body: `{"decision":"return","comment":"Sửa lại\u00ad số hộ"}`},
		{Name: "the report is still submitted", URL: "/api/v1/reports/05596/2024", Token: "commune", Status: 200, Contains: []string{`"status":"submitted"`}},
		{Name: "the unit kept its name", URL: "/api/v1/units/05599", Token: "admin", Status: 200, Contains: []string{`"name":"Xã Sơn Phú"`}},
	})
}

// A document may carry invisible characters innocently (a zero-width space
// pasted from a web page, a byte-order mark, a soft hyphen from Word): the
// import removes them, so the seed with them reads exactly as the seed
// without, and its draft is stored.
func TestImportRemovesInvisibleCharacters(t *testing.T) {
	env := apitest.New(t)
	seed := seedText(t)
	dirty := "\ufeff" + strings.NewReplacer("Lê Đình Ngà", "Lê Đình\u200b Ngà\u202e", "Bộc Nhiêu", "Bộc Nhi\u00adêu", "1.169 hộ", "1.169\u2060 hộ").Replace(seed)
	if dirty == seed || !strings.Contains(dirty, "\u202e") {
		t.Fatal("the seed did not get its invisible characters")
	}
	read := func(body string) map[string]any {
		res := env.Do(t, "POST", importURL, "commune", body, map[string]string{"Content-Type": "text/plain; charset=utf-8"})
		if res.Status != 200 {
			t.Fatalf("import: %d %s", res.Status, res.Body)
		}
		var m map[string]any
		res.JSON(t, &m)
		return m
	}
	clean, got := read(seed), read(dirty)
	for _, k := range []string{"unit_code", "period", "report", "found", "not_found", "warnings"} {
		a, _ := json.Marshal(clean[k])
		b, _ := json.Marshal(got[k])
		if string(a) != string(b) {
			t.Errorf("%s differs with invisible characters:\n%s\n%s", k, b, a)
		}
	}
	res := env.Do(t, "POST", importURL+"?save=draft", "commune", dirty, map[string]string{"Content-Type": "text/plain; charset=utf-8"})
	if res.Status != 201 {
		t.Fatalf("save=draft: %d %s", res.Status, res.Body)
	}
	var view models.ReportView
	env.Do(t, "GET", "/api/v1/reports/05596/2024", "commune", "", nil).JSON(t, &view)
	if view.Document == nil || view.Document.SignerName != "Lê Đình Ngà" {
		t.Errorf("the stored signer: %+v", view.Document)
	}
}
