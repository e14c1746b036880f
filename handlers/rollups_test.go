package handlers_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"doingoai/internal/apitest"
	"doingoai/models"
)

// report is a minimal report of a commune: a profile and some counts.
func report(t testing.TB, unit, period string, profile map[string]any, change func(m map[string]any)) string {
	t.Helper()
	m := map[string]any{"unit_code": unit, "period": period,
		"document": map[string]any{"number": "01/BC-UBND", "issued_on": "2024-11-20"}}
	if profile != nil {
		m["profile"] = profile
	}
	if change != nil {
		change(m)
	}
	return apitest.Body(t, m)
}

func submit(t testing.TB, env *apitest.Env, token, body string) {
	t.Helper()
	if res := env.Do(t, "POST", "/api/v1/reports", token, body, nil); res.Status != 201 && res.Status != 200 {
		t.Fatalf("submit: %d %s", res.Status, res.Body)
	}
}

func rollup(t testing.TB, env *apitest.Env, token, query string) models.Rollup {
	t.Helper()
	res := env.Do(t, "GET", "/api/v1/rollups?"+query, token, "", nil)
	if res.Status != 200 {
		t.Fatalf("rollup %s: %d %s", query, res.Status, res.Body)
	}
	var r models.Rollup
	res.JSON(t, &r)
	return r
}

func valueOf(r models.Rollup, code string) (string, int) {
	for _, v := range r.Indicators {
		if v.Code == code {
			if v.Value == nil {
				return "null", v.Reporting
			}
			return v.Value.String(), v.Reporting
		}
	}
	return "absent", 0
}

func TestRollups(t *testing.T) {
	env := apitest.New(t)
	// Two communes of Định Hóa whose naive mean differs from the true rate.
	submit(t, env, "district", report(t, "05596", "2024", map[string]any{"households": 1000, "poor_households": 100, "population": 4000,
		"income_per_capita_vnd": 40_000_000, "ethnic_minority_share_pct": 80, "area_ha": 2690.67},
		func(m map[string]any) { m["consular"] = map[string]any{"citizens_exited": 0, "foreign_residents": 2} }))
	submit(t, env, "district", report(t, "05599", "2024", map[string]any{"households": 100, "poor_households": 50, "population": 400,
		"income_per_capita_vnd": 100_000_000, "ethnic_minority_share_pct": 10, "area_ha": 1000.33},
		func(m map[string]any) { m["consular"] = map[string]any{"citizens_exited": nil, "foreign_residents": 3} }))
	// No poor households reported: in the households total, out of the rate.
	submit(t, env, "district", report(t, "05602", "2024", map[string]any{"households": 500, "population": 2000}, nil))
	// A draft is not counted.
	submit(t, env, "district", report(t, "05605", "2024", map[string]any{"households": 9999, "poor_households": 9999, "population": 99999},
		func(m map[string]any) {
			m["status"] = "draft"
			m["consular"] = map[string]any{"foreign_residents": 1000}
		}))
	// A ward of Thái Nguyên city, under district 164: in the province, not in 167.
	submit(t, env, "admin", report(t, "05431", "2024", map[string]any{"households": 2000, "poor_households": 20, "population": 8000}, nil))

	r := rollup(t, env, "district", "unit=167&period=2024")
	if r.CommunesExpected != 23 || r.CommunesReported != 3 || r.Unit.Name != "Huyện Định Hóa" {
		t.Errorf("expected %d, reported %d", r.CommunesExpected, r.CommunesReported)
	}
	for code, want := range map[string]string{
		"poverty_rate_pct":          "13.64 2",    // 150 / 1100, not the mean of 10% and 50%
		"households":                "1600 3",     // the draft's 9999 is not counted
		"income_per_capita_vnd":     "45454545 2", // weighted by population, not 70M
		"ethnic_minority_share_pct": "73.64 2",
		"area_ha":                   "3691 2", // 2690.67 + 1000.33, exact
		"citizens_exited":           "0 1",    // one commune said none, one did not say
		"foreign_residents":         "5 2",
		"labor_export_workers":      "null 0", // nobody reported it
		"near_poverty_rate_pct":     "null 0",
	} {
		v, n := valueOf(r, code)
		if got := fmt.Sprintf("%s %d", v, n); got != want {
			t.Errorf("%s = %s, want %s", code, got, want)
		}
	}
	if len(r.Indicators) != len(models.Indicators) {
		t.Errorf("%d indicators, want all %d", len(r.Indicators), len(models.Indicators))
	}

	// The province rolls up through its districts: 167's communes and 164's ward.
	p := rollup(t, env, "province", "unit=19&period=2024&indicators=households,poverty_rate_pct")
	if v, _ := valueOf(p, "households"); v != "3600" || p.CommunesReported != 4 || len(p.Indicators) != 2 {
		t.Errorf("province households %s, reported %d", v, p.CommunesReported)
	}
	if v, _ := valueOf(p, "poverty_rate_pct"); v != "5.48" { // 170 / 3100 = 5.4838…
		t.Errorf("province poverty rate %s, want 5.48", v)
	}
	// And the country through its provinces.
	if v, _ := valueOf(rollup(t, env, "admin", "unit=VN&period=2024"), "households"); v != "3600" {
		t.Errorf("national households %s", v)
	}

	// By child: a row per commune, statuses, null kept as null.
	b := rollup(t, env, "district", "unit=167&period=2024&by=child&indicators=households,citizens_exited")
	rows := map[string]models.BreakdownRow{}
	for _, row := range b.Breakdown {
		rows[row.UnitCode] = row
	}
	if len(b.Breakdown) != 23 || *rows["05605"].Status != "draft" || *rows["05596"].Status != "submitted" || *rows["05539"].Status != "missing" {
		t.Errorf("breakdown: %d rows", len(b.Breakdown))
	}
	if v := rows["05599"].Values["citizens_exited"]; v != nil {
		t.Errorf("05599 did not report citizens_exited but shows %v", v)
	}
	if v := rows["05596"].Values["households"]; v == nil || v.String() != "1000" {
		t.Errorf("05596 households %v", v)
	}
	if v := rows["05605"].Values["households"]; v != nil {
		t.Errorf("a draft's figures must not show: %v", v)
	}
	pb := rollup(t, env, "province", "unit=19&period=2024&by=child&indicators=households")
	for _, row := range pb.Breakdown {
		if row.UnitCode == "167" && (row.Status != nil || row.CommunesExpected != 23 || row.Values["households"].String() != "1600") {
			t.Errorf("district row %+v", row)
		}
	}

	// Series.
	submit(t, env, "district", report(t, "05596", "2023", map[string]any{"households": 990, "poor_households": 120, "population": 3900}, nil))
	s := rollup(t, env, "district", "unit=167&periods=2023,2024&indicators=households")
	if s.Period != "2024" || len(s.Series) != 2 || s.Series[0].Period != "2023" || s.Series[0].CommunesReported != 1 {
		t.Fatalf("series %+v", s.Series)
	}
	if v := s.Series[0].Indicators[0].Value.String(); v != "990" {
		t.Errorf("2023 households %s", v)
	}

	env.Run(t, []apitest.Scenario{
		{Name: "a district may not read another", URL: "/api/v1/rollups?unit=164&period=2024", Token: "district", Status: 403},
		{Name: "nor the province above it", URL: "/api/v1/rollups?unit=19&period=2024", Token: "district", Status: 403},
		{Name: "communes read no rollups", URL: "/api/v1/rollups?unit=05596&period=2024", Token: "commune", Status: 403},
		{Name: "nor learn which codes exist (403 before 404, as on the pages)", URL: "/api/v1/rollups?unit=99999&period=2024", Token: "commune", Status: 403},
		{Name: "unknown unit", URL: "/api/v1/rollups?unit=999&period=2024", Token: "admin", Status: 404},
		{Name: "every bad parameter", URL: "/api/v1/rollups?period=24&indicators=nope&by=parent&status=draft&format=pdf&periods=2024,x", Token: "admin", Status: 422,
			Contains: []string{`"field":"period"`, `"field":"indicators"`, `"field":"by"`, `"field":"status"`, `"field":"format"`, `"field":"periods"`, `"field":"unit"`}},
		{Name: "csv holds one table", URL: "/api/v1/rollups?unit=167&period=2024&by=child&periods=2023,2024&format=csv", Token: "admin", Status: 422},
		{Name: "catalogue", URL: "/api/v1/indicators", Token: "commune", Status: 200,
			Contains: []string{`"code":"poverty_rate_pct","name_vi":"Tỷ lệ hộ nghèo","name_en":"Poverty rate","unit":"%","aggregation":"ratio"`}},
	})
}

// TestRollupExactAndFiles: a total above 2^53 đồng comes back to the last
// digit in JSON, CSV and XLSX.
func TestRollupExactAndFiles(t *testing.T) {
	env := apitest.New(t)
	projects := func(values ...int64) func(m map[string]any) {
		return func(m map[string]any) {
			var ps []any
			for i, v := range values {
				ps = append(ps, map[string]any{"name": fmt.Sprintf("Dự án %d", i+1), "committed_vnd": v})
			}
			m["ngo_aid"] = map[string]any{"projects": ps}
		}
	}
	// One report adds at most models.MaxReportTotal (10^14 đồng), so 2^53
	// is passed with 90 more communes at that bound: 9 × 10^15 …
	for i := 1; i <= 90; i++ {
		code := fmt.Sprintf("9%04d", i)
		if _, err := env.Store.CreateUnit(t.Context(), models.CommandLine, models.UnitInput{Code: code, Name: "Xã thử " + code, Kind: models.KindCommune, ParentCode: "167"}); err != nil {
			t.Fatal(err)
		}
		submit(t, env, "district", report(t, code, "2024", nil, projects(models.MaxReportTotal)))
	}
	// … + 7,199,254,740,993 in 05596 (in 9 projects) = 2^53 + 1 …
	submit(t, env, "district", report(t, "05596", "2024", nil, projects(99_999_999_999, 99_999_999_999, 99_999_999_999,
		99_999_999_999, 99_999_999_999, 99_999_999_999, 99_999_999_999, 99_999_999_999, 6_399_254_741_001)))
	// … and 1 in another: 2^53 + 2, which float64 cannot hold (it says 2^53).
	submit(t, env, "district", report(t, "05599", "2024", nil, projects(1)))

	res := env.Do(t, "GET", "/api/v1/rollups?unit=167&period=2024&indicators=ngo_aid_committed_vnd,ngo_projects&by=child", "district", "", nil)
	if !strings.Contains(string(res.Body), `"value":9007199254740994`) {
		t.Errorf("JSON total not exact: %s", res.Body)
	}

	res = env.Do(t, "GET", "/api/v1/rollups?unit=167&period=2024&indicators=ngo_aid_committed_vnd,ngo_projects&format=csv", "district", "", nil)
	if res.Status != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") || !strings.Contains(res.Header.Get("Content-Disposition"), "tong-hop-167-2024.csv") {
		t.Fatalf("csv: %d %v", res.Status, res.Header)
	}
	if !bytes.HasPrefix(res.Body, []byte("\ufeff")) {
		t.Error("the CSV has no byte order mark; Excel would garble Vietnamese")
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(res.Body, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if recs[0][0] != "Mã chỉ tiêu" || recs[0][1] != "Chỉ tiêu" || recs[1][0] != "ngo_aid_committed_vnd" || recs[1][4] != "9007199254740994" || recs[2][4] != "100" {
		t.Errorf("csv: %v", recs)
	}

	res = env.Do(t, "GET", "/api/v1/rollups?unit=167&period=2024&indicators=ngo_aid_committed_vnd,households&by=child&periods=2024&format=xlsx", "district", "", nil)
	if res.Status != 200 {
		t.Fatalf("xlsx: %d %s", res.Status, res.Body)
	}
	f, err := excelize.OpenReader(bytes.NewReader(res.Body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); fmt.Sprint(sheets) != "[Tổng hợp Theo đơn vị Theo kỳ]" {
		t.Errorf("sheets %v", sheets)
	}
	raw := excelize.Options{RawCellValue: true}
	rows, _ := f.GetRows("Tổng hợp", raw)
	// The indicator's name first, its code last (hidden: export's tests).
	if rows[2][0] != "Chỉ tiêu" || rows[3][5] != "ngo_aid_committed_vnd" || rows[3][3] != "9007199254740994" || rows[4][3] != "" {
		t.Errorf("totals sheet: %v", rows)
	}
	if shown, _ := f.GetCellValue("Tổng hợp", "D4"); shown != "9,007,199,254,740,994" && !strings.HasPrefix(shown, "9,007,199,254,740,99") {
		t.Errorf("Excel shows the total as %q", shown)
	}
	byUnit, _ := f.GetRows("Theo đơn vị", raw)
	found := false
	for _, row := range byUnit {
		if len(row) > 5 && row[0] == "05599" && row[2] == "Đã gửi" && row[5] == "1" {
			found = true
		}
	}
	if !found {
		t.Errorf("breakdown sheet lacks 05599: %v", byUnit)
	}
}

// TestCompletenessAndDeadlines: on time until the end of the due date in
// Vietnam time; deadlines set above apply below, the nearest winning.
func TestCompletenessAndDeadlines(t *testing.T) {
	env := apitest.New(t)
	env.Run(t, []apitest.Scenario{
		{Name: "the province sets a deadline", Method: "PUT", URL: "/api/v1/deadlines/19/2024", Token: "province", Status: 201,
			Body: `{"due_date":"2024-11-30","reference":"Công văn 100/UBND-NC"}`, Contains: []string{`"set_on":"19"`}},
		{Name: "the district sets an earlier one", Method: "PUT", URL: "/api/v1/deadlines/167/2024", Token: "district", Status: 201,
			Body: `{"due_date":"2024-11-25","reference":"7253/UBND-VP"}`},
		{Name: "and changes it", Method: "PUT", URL: "/api/v1/deadlines/167/2024", Token: "district", Status: 200,
			Body: `{"due_date":"2024-11-25","reference":"Công văn số 7253/UBND-VP ngày 8/11/2024"}`},
		{Name: "a commune reads the one that applies to it", URL: "/api/v1/deadlines/05596/2024", Token: "commune", Status: 200,
			Contains: []string{`"due_date":"2024-11-25"`, `"set_on":"167"`, `"unit_code":"05596"`}},
		{Name: "a ward of 164 gets the province's", URL: "/api/v1/deadlines/05431/2024", Token: "foreign-commune", Status: 200, Contains: []string{`"due_date":"2024-11-30"`, `"set_on":"19"`}},
		{Name: "no deadline for 2023", URL: "/api/v1/deadlines/05596/2023", Token: "commune", Status: 404},
		{Name: "a commune may not set one", Method: "PUT", URL: "/api/v1/deadlines/05596/2024", Token: "commune", Status: 403, Body: `{"due_date":"2024-12-01"}`},
		{Name: "a district may not set one elsewhere", Method: "PUT", URL: "/api/v1/deadlines/164/2024", Token: "district", Status: 403, Body: `{"due_date":"2024-12-01"}`},
		{Name: "a bad date", Method: "PUT", URL: "/api/v1/deadlines/167/2024", Token: "district", Status: 422, Body: `{"due_date":"2024-11-31"}`, Contains: []string{`"field":"due_date"`}},
		{Name: "no date", Method: "PUT", URL: "/api/v1/deadlines/167/2024", Token: "district", Status: 422, Body: `{"reference":"x"}`},
	})

	at := func(s string) { env.Clock.Set(mustTime(t, s)) }
	// 23:59:59 on 25 November in Hà Nội is 16:59:59 UTC: on time.
	at("2024-11-25T16:59:59Z")
	submit(t, env, "district", report(t, "05596", "2024", map[string]any{"households": 10, "population": 40}, nil))
	// Midnight in Hà Nội: late.
	at("2024-11-25T17:00:00Z")
	submit(t, env, "district", report(t, "05599", "2024", map[string]any{"households": 10, "population": 40}, nil))
	// A draft before the deadline is not a submission …
	at("2024-11-20T03:00:00Z")
	submit(t, env, "district", report(t, "05602", "2024", nil, func(m map[string]any) { m["status"] = "draft" }))
	// … and its submission after it is late.
	at("2024-11-26T03:00:00Z")
	submit(t, env, "district", report(t, "05602", "2024", nil, nil))
	// The ward of 164, after 167's deadline but before the province's.
	submit(t, env, "admin", report(t, "05431", "2024", nil, nil))

	res := env.Do(t, "GET", "/api/v1/completeness?unit=167&period=2024", "district", "", nil)
	var c models.Completeness
	res.JSON(t, &c)
	if c.Expected != 23 || c.Reported != 3 || c.Missing != 20 || c.OnTime != 1 || c.Late != 2 || c.DueDate == nil || c.DueDate.String() != "2024-11-25" {
		t.Errorf("completeness %+v", c)
	}
	units := map[string]models.CompletenessUnit{}
	for _, u := range c.Units {
		units[u.Code] = u
	}
	check := func(code, status string, onTime *bool) {
		u := units[code]
		if u.Status != status || (onTime == nil) != (u.OnTime == nil) || (onTime != nil && *onTime != *u.OnTime) {
			t.Errorf("%s: %s %v, want %s %v", code, u.Status, u.OnTime, status, onTime)
		}
	}
	yes, no := true, false
	check("05596", "submitted", &yes)
	check("05599", "submitted", &no)
	check("05602", "submitted", &no)
	check("05605", "missing", nil)
	if !units["05602"].FirstSubmittedAt.Equal(mustTime(t, "2024-11-26T03:00:00Z")) {
		t.Errorf("first submission of 05602 is %v: the draft does not count", units["05602"].FirstSubmittedAt)
	}

	var pc models.Completeness
	env.Do(t, "GET", "/api/v1/completeness?unit=19&period=2024", "province", "", nil).JSON(t, &pc)
	if pc.Expected != 24 || pc.Reported != 4 || pc.OnTime != 2 || pc.Late != 2 || pc.DueDate.String() != "2024-11-30" {
		t.Errorf("province completeness %+v", pc)
	}
	env.Run(t, []apitest.Scenario{
		{Name: "communes read no completeness", URL: "/api/v1/completeness?unit=167&period=2024", Token: "commune", Status: 403},
		{Name: "nor of an unknown code", URL: "/api/v1/completeness?unit=99999&period=2024", Token: "commune", Status: 403},
		{Name: "another district may not", URL: "/api/v1/completeness?unit=167&period=2024", Token: "other-district", Status: 403},
		{Name: "bad query", URL: "/api/v1/completeness?period=2024S3", Token: "district", Status: 422, Contains: []string{`"field":"unit"`, `"field":"period"`}},
	})
}

func mustTime(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
