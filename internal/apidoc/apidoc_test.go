package apidoc

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"doingoai/models"
)

// The committed document is complete, and completing it again changes
// nothing.
func TestCommittedDocumentIsComplete(t *testing.T) {
	file, err := os.ReadFile("../../docs/swagger.json")
	if err != nil {
		t.Fatal(err)
	}
	again, err := Complete(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, file) {
		t.Fatal("Complete is not idempotent on docs/swagger.json, or the file was not completed: run go generate .")
	}
	var d struct {
		Definitions map[string]map[string]any
		Paths       map[string]map[string]struct {
			Parameters []map[string]any
		}
	}
	if err := json.Unmarshal(file, &d); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"models.Report", "models.Delegation", "models.NgoProject", "models.UnitInput", "models.UnitPatch", "models.ReviewInput", "models.DeadlineInput", "models.TokenRequest"} {
		if d.Definitions[name]["additionalProperties"] != false {
			t.Errorf("%s is not closed", name)
		}
	}
	if d.Definitions["models.UnitPatch"]["minProperties"] != 1.0 {
		t.Error("models.UnitPatch has no minProperties: 1")
	}
	for _, name := range []string{"models.ReportView", "models.Problem"} {
		if _, ok := d.Definitions[name]["additionalProperties"]; ok {
			t.Errorf("%s, an answer, was closed", name)
		}
	}
	props := d.Definitions["models.Report"]["properties"].(map[string]any)
	if props["period"].(map[string]any)["pattern"] != models.PeriodPattern || props["unit_code"].(map[string]any)["pattern"] != models.UnitCodePattern {
		t.Error("the report's period and unit_code have no pattern")
	}
	for _, p := range d.Paths["/api/v1/reports/{unit_code}/{period}"]["get"].Parameters {
		want := map[any]string{"unit_code": models.UnitCodePattern, "period": models.PeriodPattern}[p["name"]]
		if want != "" && p["pattern"] != want {
			t.Errorf("parameter %v has pattern %v, want %s", p["name"], p["pattern"], want)
		}
	}
}
