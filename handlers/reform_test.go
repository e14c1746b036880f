package handlers_test

import (
	"encoding/csv"
	"fmt"
	"os"
	"strings"
	"testing"

	"doingoai/internal/apitest"
)

// TestReform2025 applies the 1 July 2025 reform to Định Hóa
// (testdata/dinh-hoa-merger-2025-07-01.csv): the district is abolished and
// its 23 communes merge into 8, placed straight under the province, some
// keeping an old code. Reports keep the unit they were made for: 2024 rolls
// up through the district, 2025 straight to the province, and a code names
// the unit of the period asked.
func TestReform2025(t *testing.T) {
	env := apitest.New(t)
	f, err := os.Open("../testdata/dinh-hoa-merger-2025-07-01.csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	// A 2024 report of Bộc Nhiêu, before the reform.
	submit(t, env, "commune", report(t, "05596", "2024", map[string]any{"households": 1169, "poor_households": 60, "population": 4456}, nil))

	// Retire the district and every commune of 2024 on 30 June 2025 …
	tr, _ := env.Store.Tree(t.Context())
	for _, u := range append(tr.ByCode("167").Children, tr.ByCode("167")) {
		res := env.Do(t, "PATCH", "/api/v1/units/"+u.Code, "admin", `{"valid_to":"2025-06-30"}`, nil)
		if res.Status != 200 {
			t.Fatalf("retire %s: %d %s", u.Code, res.Status, res.Body)
		}
	}
	// … and create the merged communes under the province from 1 July.
	created := map[string]bool{}
	for _, r := range recs[1:] {
		code, name := r[3], r[4]
		if created[code] {
			continue
		}
		created[code] = true
		body := fmt.Sprintf(`{"code":%q,"name":%q,"kind":"commune","parent_code":"19","valid_from":"2025-07-01"}`, code, name)
		if res := env.Do(t, "POST", "/api/v1/units", "admin", body, nil); res.Status != 201 {
			t.Fatalf("create %s: %d %s", code, res.Status, res.Body)
		}
	}
	if len(created) != 8 {
		t.Fatalf("%d new communes, want 8", len(created))
	}

	// The clock moves to the 2025 reporting round.
	env.Clock.Set(mustTime(t, "2025-11-20T03:00:00Z"))
	submit(t, env, "province", report(t, "05581", "2025", map[string]any{"households": 3500, "poor_households": 70, "population": 14000}, nil))
	submit(t, env, "province", report(t, "05569", "2025", map[string]any{"households": 2000, "poor_households": 100, "population": 8000}, nil))

	// 2024 still rolls up through the district, with Bộc Nhiêu's report.
	r24 := rollup(t, env, "province", "unit=19&period=2024&by=child&indicators=households")
	if r24.CommunesExpected != 24 || r24.CommunesReported != 1 {
		t.Errorf("2024: expected %d, reported %d", r24.CommunesExpected, r24.CommunesReported)
	}
	var codes24 []string
	for _, b := range r24.Breakdown {
		codes24 = append(codes24, b.UnitCode)
	}
	if strings.Join(codes24, ",") != "164,167" {
		t.Errorf("2024 children %v, want the districts that had communes", codes24)
	}
	// 2025: the 8 new communes (and the ward of 164) report straight to the province.
	r25 := rollup(t, env, "province", "unit=19&period=2025&by=child&indicators=households,poverty_rate_pct")
	if r25.CommunesExpected != 9 || r25.CommunesReported != 2 {
		t.Errorf("2025: expected %d, reported %d", r25.CommunesExpected, r25.CommunesReported)
	}
	if v, _ := valueOf(r25, "poverty_rate_pct"); v != "3.09" { // 170 / 5500
		t.Errorf("2025 poverty rate %s", v)
	}
	for _, b := range r25.Breakdown {
		if b.UnitCode == "167" {
			t.Error("the abolished district has no communes in 2025 and should not be a row")
		}
	}
	env.Run(t, []apitest.Scenario{
		// A code names the unit of the period asked.
		{Name: "05569 in 2025 is Xã Định Hóa", URL: "/api/v1/reports/05569/2025", Token: "province", Status: 200, Contains: []string{`"households":2000`}},
		{Name: "05569 in 2024 is Xã Bảo Cường, which did not report", URL: "/api/v1/reports/05569/2024", Token: "province", Status: 404},
		{Name: "the unit now", URL: "/api/v1/units/05569", Token: "admin", Status: 200, Contains: []string{`"name":"Xã Định Hóa"`, `"parent_code":"19"`, `"valid_from":"2025-07-01"`}},
		{Name: "Bộc Nhiêu's 2024 report is kept", URL: "/api/v1/reports/05596/2024", Token: "commune", Status: 200},
		{Name: "Bộc Nhiêu does not exist in 2025S2", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: report(t, "05596", "2025S2", nil, nil), Status: 422,
			Contains: []string{"did not exist during 2025S2"}},
		{Name: "but it did in 2025S1", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: report(t, "05596", "2025S1", nil, nil), Status: 201},
		{Name: "the old district still reads its 2024 rollup", URL: "/api/v1/rollups?unit=167&period=2024&indicators=households", Token: "district", Status: 200, Contains: []string{`"value":1169`}},
		{Name: "but not the new communes", URL: "/api/v1/reports/05581/2025", Token: "district", Status: 403},
		{Name: "completeness of 2025", URL: "/api/v1/completeness?unit=19&period=2025", Token: "province", Status: 200,
			Contains: []string{`"expected":9`, `"reported":2`, `"code":"05581","name":"Xã Trung Hội","status":"submitted"`}},
	})
	if err := env.Store.CheckTotals(t.Context()); err != nil {
		t.Error(err)
	}
}
