package export

import (
	"bytes"
	"strings"
	"testing"

	"doingoai/models"
)

// TestCSVNeutralisesFormulas: text that a spreadsheet would run as a
// formula gets a leading apostrophe; numbers, negative ones included, stay
// numbers.
func TestCSVNeutralisesFormulas(t *testing.T) {
	name := `=HYPERLINK("http://x","click")`
	status := models.StatusSubmitted
	r := models.Rollup{Unit: models.UnitRef{Code: "167", Name: "Huyện"}, Period: "2024",
		Indicators: []models.IndicatorValue{{Code: models.Indicators[0].Code, NameVI: "=1+1", Value: models.IntAmount(-5)}},
		Breakdown: []models.BreakdownRow{
			{UnitCode: "X1", Name: name, Status: &status, Values: map[string]*models.Amount{models.Indicators[0].Code: models.IntAmount(-5)}},
			{UnitCode: "X2", Name: "+1", Values: map[string]*models.Amount{}},
			{UnitCode: "X3", Name: "-1", Values: map[string]*models.Amount{}},
			{UnitCode: "X4", Name: "@SUM(A1)", Values: map[string]*models.Amount{}},
			{UnitCode: "X5", Name: "\tTab", Values: map[string]*models.Amount{}},
			{UnitCode: "X6", Name: "\rCR", Values: map[string]*models.Amount{}},
			{UnitCode: "X7", Name: "Xã Bộc Nhiêu", Values: map[string]*models.Amount{}},
		}}
	var b bytes.Buffer
	if err := RollupCSV(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{`"'=HYPERLINK(""http://x"",""click"")"`, ",'+1,", ",'-1,", ",'@SUM(A1),", "'\tTab", "X6,\"'", ",Xã Bộc Nhiêu,", ",-5\r\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("CSV lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, ",=HYPERLINK") || strings.Contains(out, `"=HYPERLINK`) {
		t.Errorf("a formula is written raw:\n%s", out)
	}
}
