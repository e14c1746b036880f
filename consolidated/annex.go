package consolidated

import (
	"fmt"
	"strings"

	"doingoai/models"
)

// annexTables are the annex's tables: the indicators of each counted part
// of the outline (sections with one figure share a table, so that a
// district's annex is five pages, not twelve).
var annexTables = []struct {
	title string
	codes []string
}{
	{"Đặc điểm tình hình (mục I)", []string{"area_ha", "households", "population", "poor_households", "poverty_rate_pct",
		"near_poverty_rate_pct", "income_per_capita_vnd", "ethnic_minority_share_pct", "party_members"}},
	{"Đoàn ra, đoàn vào (mục II.1)", []string{"delegations_out", "delegations_out_people", "delegations_in_domestic",
		"delegations_in_foreign", "delegations_in_foreign_people"}},
	{"Thỏa thuận quốc tế, hội nghị quốc tế, viện trợ phi chính phủ nước ngoài (mục II.2, II.3, II.5)", []string{"international_agreements",
		"international_conferences", "ngo_projects", "ngo_aid_committed_vnd", "ngo_aid_disbursed_vnd"}},
	{"Lãnh sự, bảo hộ công dân; người Việt Nam ở nước ngoài (mục II.8, II.9)", []string{"foreign_residents", "foreigner_incidents",
		"citizens_exited", "labor_export_workers"}},
	{"Đào tạo, bồi dưỡng; khen thưởng (mục II.10, II.11, II.12)", []string{"officials_trained", "foreign_awards_received", "award_nominations"}},
}

// annex writes the tables: a row per commune that has sent a report (under
// its district where the unit has districts) and the total; the communes
// that have sent nothing are named once, in a sentence. The late and the
// missing are completeness's, as section 13 says them.
func (b *builder) annex(c Completeness) Annex {
	a := Annex{
		Title:       fmt.Sprintf("SỐ LIỆU CÔNG TÁC ĐỐI NGOẠI %s CỦA CÁC %s", strings.ToUpper(b.period.Phrase()), strings.ToUpper(b.noun())),
		Subtitle:    fmt.Sprintf("(Kèm theo Báo cáo số …/BC-UBND ngày … tháng … năm %d của %s)", b.now.In(models.Vietnam).Year(), ubnd(b.unit)),
		NotReported: c.Missing,
	}
	if len(c.Missing) > 0 {
		a.NotReportedText = fmt.Sprintf("Các %s chưa báo cáo (%d/%d), không có số liệu trong các biểu: %s.",
			b.noun(), len(c.Missing), c.Expected, names(c.Missing, len(c.Missing)))
	}
	missing, late := codes(c.Missing), codes(c.Late)
	for i, spec := range annexTables {
		t := Table{Title: fmt.Sprintf("Biểu số %d. %s", i+1, spec.title)}
		for _, code := range spec.codes {
			ind, _ := models.IndicatorByCode(code)
			t.Columns = append(t.Columns, Column{Code: code, Label: ind.NameVI, Unit: ind.Unit})
		}
		for _, r := range b.tableRows {
			if r.kind == "commune" && missing[r.row.UnitCode] {
				continue
			}
			row := TableRow{Kind: r.kind, Code: r.row.UnitCode, Name: r.row.Name, Counted: r.row.CommunesReported > 0,
				Late: r.kind == "commune" && late[r.row.UnitCode], Values: map[string]*models.Amount{}}
			if r.row.Status != nil {
				row.Status = *r.row.Status
			}
			for _, code := range spec.codes {
				row.Values[code] = r.row.Values[code]
			}
			t.Rows = append(t.Rows, row)
		}
		total := TableRow{Kind: "total", Code: b.roll.Unit.Code, Name: b.totalName(), Counted: b.roll.CommunesReported > 0, Values: map[string]*models.Amount{}}
		for _, code := range spec.codes {
			total.Values[code] = b.values[code].Value
		}
		t.Rows = append(t.Rows, total)
		a.Tables = append(a.Tables, t)
	}
	return a
}

func codes(us []models.UnitRef) map[string]bool {
	m := make(map[string]bool, len(us))
	for _, u := range us {
		m[u.Code] = true
	}
	return m
}

// totalName names the total row and, where some communes' reports are not
// counted, what it adds up: "Tổng cộng (3/23 xã, thị trấn)".
func (b *builder) totalName() string {
	if !b.partial() {
		return "Tổng cộng"
	}
	return fmt.Sprintf("Tổng cộng (%d/%d %s)", b.roll.CommunesReported, b.roll.CommunesExpected, b.noun())
}
