package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

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

// TestWorkbookNamesIndicatorsInVietnamese: a workbook's sheets of
// indicators show their Vietnamese names first; the codes, for programs,
// are in the last column, hidden (not printed), and nowhere else.
func TestWorkbookNamesIndicatorsInVietnamese(t *testing.T) {
	r := models.Rollup{Unit: models.UnitRef{Code: "167", Name: "Huyện Định Hóa"}, Period: "2024", Counted: []string{models.StatusSubmitted, models.StatusAccepted},
		CommunesExpected: 23, CommunesReported: 1, Series: []models.SeriesPoint{{Period: "2024"}}}
	for _, ind := range models.Indicators {
		r.Indicators = append(r.Indicators, models.IndicatorValue{Code: ind.Code, NameVI: ind.NameVI, Unit: ind.Unit, Aggregation: ind.Aggregation})
	}
	r.Series[0].Indicators = r.Indicators
	var b bytes.Buffer
	if err := RollupXLSX(&b, r, 2); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range []string{"Tổng hợp", "Theo kỳ"} {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		header := rows[2]
		if header[0] != "Chỉ tiêu" || header[len(header)-1] != "Mã chỉ tiêu" {
			t.Errorf("%s: header %q, want Chỉ tiêu first and Mã chỉ tiêu last", sheet, header)
		}
		last, _ := excelize.ColumnNumberToName(len(header))
		if visible, err := f.GetColVisible(sheet, last); err != nil || visible {
			t.Errorf("%s: the codes' column %s is visible (%v)", sheet, last, err)
		}
		for i, ind := range models.Indicators {
			row := rows[3+i]
			if row[0] != ind.NameVI || row[len(header)-1] != ind.Code {
				t.Errorf("%s row %d: %q … %q, want %q … %q", sheet, i+1, row[0], row[len(header)-1], ind.NameVI, ind.Code)
			}
			for c, v := range row[:len(header)-1] {
				if v == ind.Code {
					t.Errorf("%s row %d shows the code %q in visible column %d", sheet, i+1, v, c+1)
				}
			}
		}
	}
}
