package handlers_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"doingoai/internal/apitest"
	"doingoai/models"
	"doingoai/store"
)

func reformFiles(t *testing.T, on, units, links string, edit func(string) string) store.ReformInput {
	t.Helper()
	ub, err := os.ReadFile("../demo/" + units)
	if err != nil {
		t.Fatal(err)
	}
	mb, err := os.ReadFile("../demo/" + links)
	if err != nil {
		t.Fatal(err)
	}
	m := string(mb)
	if edit != nil {
		m = edit(m)
	}
	rows := csvRows(t, string(ub))
	succ, err := models.ParseSuccessionsCSV(strings.NewReader(m))
	if err != nil {
		t.Fatal(err)
	}
	return store.ReformInput{On: models.MustDate(on), Units: rows, Map: succ}
}

// TestUnitsOverTime applies the two reorganisations of 2025 to Định Hóa
// (January: Chợ Chu 05536 and Bảo Cường 05569 → thị trấn Chợ Chu 05569;
// July: the district ends, 23 communes become 8 under the province, codes
// reused), with one commune divided (Sơn Phú 05599, partial to Phú Đình
// and Bình Thành) so that the map has a division; then reads 2024 and 2025
// across the reform.
func TestUnitsOverTime(t *testing.T) {
	env := apitest.New(t)
	ctx := t.Context()
	// 2024 reports of four old communes.
	for _, r := range []struct {
		code                         string
		households, poor, population int
		token                        string
	}{{"05596", 1169, 60, 4456, "commune"}, {"05593", 1000, 50, 4000, "admin"}, {"05536", 2000, 40, 7000, "admin"}, {"05599", 800, 20, 3000, "admin"}} {
		submit(t, env, r.token, report(t, r.code, "2024", map[string]any{"households": r.households, "poor_households": r.poor, "population": r.population}, nil))
	}
	jan := reformFiles(t, "2025-01-01", "units-dinh-hoa-2025-01-01.csv", "reform-dinh-hoa-2025-01-01.csv", nil)
	jan.Scope = []string{"167"}
	divide := func(m string) string {
		return strings.Replace(m, "05599,Xã Sơn Phú,05605,Xã Bình Thành,full", "05599,Xã Sơn Phú,05605,Xã Bình Thành,partial\n05599,Xã Sơn Phú,05602,Xã Phú Đình,partial", 1)
	}
	jul := reformFiles(t, "2025-07-01", "units-thai-nguyen-2025-07-01.csv", "reform-dinh-hoa-2025-07-01.csv", divide)
	jul.Scope = []string{"19"}

	// A dry run writes nothing.
	before, _ := env.Store.Tree(ctx)
	dry := jan
	dry.DryRun = true
	res, err := env.Store.Reform(ctx, models.CommandLine, dry)
	if err != nil || res.Created != 1 || res.Retired != 2 || res.Successions != 2 || !slices.Equal(res.CodesReused, []string{"05569"}) {
		t.Fatalf("dry run: %+v %v", res, err)
	}
	if after, _ := env.Store.Tree(ctx); after.Version != before.Version || after.Len() != before.Len() {
		t.Fatal("the dry run wrote")
	}
	// A map with errors: each with its line, nothing written.
	bad := reformFiles(t, "2025-07-01", "units-thai-nguyen-2025-07-01.csv", "reform-dinh-hoa-2025-07-01.csv", func(m string) string {
		m = strings.Replace(m, "05539,Xã Linh Thông,05542,Xã Lam Vỹ,full", "05539,Xã Linh Thông,05542,Xã Lam Vỹ,full\n05539,Xã Linh Thông,05551,Xã Kim Phượng,full", 1) // full into two
		m = strings.Replace(m, "05545,Xã Quy Kỳ,05551,Xã Kim Phượng,full", "05545,Xã Quy Kỳ,05551,Xã Kim Phượng,partial", 1)                                            // partial into one
		m = strings.Replace(m, "05548,Xã Tân Thịnh,05563", "99999,Xã Không Có,05563", 1)                                                                                // no such old unit
		return strings.Replace(m, "05551,Xã Kim Phượng,05551", "05551,Xã Kim Phượng,77777", 1)                                                                          // not in the units file
	})
	bad.Scope = []string{"19"}
	_, err = env.Store.Reform(ctx, models.CommandLine, bad)
	got := fieldsOf(err)
	for _, want := range []string{"map line 2.share", "map line 3.share", "map line 5.share", "map line 6.old_code", "map line 7.new_code"} {
		if !strings.Contains(got, want) {
			t.Errorf("the errors of a bad map lack %s:\n%s", want, got)
		}
	}
	if _, err := models.ParseSuccessionsCSV(strings.NewReader("old_code,new_code,share\n05596,05581,whole\n")); !strings.Contains(fieldsOf(err), "line 2.share") {
		t.Errorf("a share other than full or partial: %v", err)
	}
	if after, _ := env.Store.Tree(ctx); after.Version != before.Version {
		t.Fatal("a refused reform wrote")
	}
	// July before January: the map's old units do not exist on 2024-12-31 … and in order, both apply.
	for _, in := range []store.ReformInput{jan, jul} {
		if res, err := env.Store.Reform(ctx, models.CommandLine, in); err != nil || !res.Changed() {
			t.Fatalf("reform of %s: %+v %v", in.On, res, err)
		}
	}
	// Idempotent: the second run changes nothing.
	for _, in := range []store.ReformInput{jan, jul} {
		v, _ := env.Store.Tree(ctx)
		if res, err := env.Store.Reform(ctx, models.CommandLine, in); err != nil || res.Changed() {
			t.Errorf("second run of %s: %+v %v", in.On, res, err)
		}
		if after, _ := env.Store.Tree(ctx); after.Version != v.Version {
			t.Errorf("the second run of %s wrote", in.On)
		}
	}
	// A reform dated before the units it would end.
	early := reformFiles(t, "2024-01-01", "units-dinh-hoa-2025-01-01.csv", "reform-dinh-hoa-2025-01-01.csv", nil)
	early.Scope = []string{"19"}
	if _, err := env.Store.Reform(ctx, models.CommandLine, early); err == nil || !strings.Contains(fieldsOf(err)+err.Error(), "begins on 2025-01-01") {
		t.Errorf("a reform dated before a unit's valid_from: %v\n%s", err, fieldsOf(err))
	}

	env.Clock.Set(mustTime(t, "2025-11-20T03:00:00Z"))
	submit(t, env, "province", report(t, "05581", "2025", map[string]any{"households": 3420, "poor_households": 150, "population": 12986}, nil))
	if res := env.Do(t, "PUT", "/api/v1/deadlines/19/2025", "province", `{"due_date":"2025-12-15"}`, nil); res.Status != 201 {
		t.Fatalf("deadline: %d %s", res.Status, res.Body)
	}

	// 2024 and 2025 of the new xã Trung Hội: its full predecessors' 2024 reports.
	r := rollup(t, env, "province", "unit=05581&periods=2024,2025&tree=2025-07-01&indicators=households,poverty_rate_pct")
	if len(r.Series) != 2 || r.Series[0].CommunesExpected != 3 || r.Series[0].CommunesReported != 2 || r.Tree != "2025-07-01" {
		t.Fatalf("series: %+v", r)
	}
	if v := r.Series[0].Indicators[0].Value.String(); v != "2169" {
		t.Errorf("2024 households of Trung Hội's predecessors %s, want 1169 + 1000", v)
	}
	if v := r.Series[1].Indicators[0].Value.String(); v != "3420" {
		t.Errorf("2025 households %s", v)
	}
	// A chain of two reforms: Chợ Chu 05536 → 05569 (January) → xã Định Hóa 05569 (July).
	if v, _ := valueOf(rollup(t, env, "province", "unit=05569&period=2024&tree=2025-07-01&indicators=households"), "households"); v != "2000" {
		t.Errorf("Định Hóa's 2024 households through two reforms: %s", v)
	}
	// The divided commune counts in the province, in no commune, and is listed.
	p := rollup(t, env, "province", "unit=19&period=2024&tree=2025-07-01&by=child&indicators=households")
	if v, _ := valueOf(p, "households"); v != "4969" {
		t.Errorf("the province's 2024 households in the 2025 tree: %s, want 4969", v)
	}
	var children int
	for _, b := range p.Breakdown {
		if v := b.Values["households"]; v != nil {
			n, _ := v.Int()
			children += int(n)
		}
		if b.UnitCode == "167" {
			t.Error("the district is no unit of the 2025 tree")
		}
	}
	if children != 4969-800 {
		t.Errorf("the communes of the 2025 tree hold %d households of 2024, want all but the divided Sơn Phú's", children)
	}
	var nc []string
	for _, n := range p.NotComparable {
		nc = append(nc, n.Code)
		if n.Code == "05599" && (len(n.Successors) != 2 || n.CountsIn == nil || n.CountsIn.Code != "19") {
			t.Errorf("Sơn Phú: %+v", n)
		}
	}
	if !slices.Contains(nc, "05599") {
		t.Errorf("not_comparable %v lacks the divided Sơn Phú", nc)
	}
	if v, _ := valueOf(rollup(t, env, "province", "unit=19&period=2024&indicators=households"), "households"); v != "4969" {
		t.Errorf("the province's 2024 households in its own tree: %s", v)
	}

	env.Run(t, []apitest.Scenario{
		{Name: "the new unit and its predecessors", URL: "/api/v1/units/05581?at=2025-07-01", Token: "admin", Status: 200,
			Contains: []string{`"name":"Xã Trung Hội","kind":"commune","parent_code":"19","valid_from":"2025-07-01"`, `"code":"05596","name":"Xã Bộc Nhiêu","valid_to":"2025-06-30","share":"full"`, `"successors":[]`}},
		{Name: "the old unit of the code and its successor", URL: "/api/v1/units/05581?at=2024-06-01", Token: "admin", Status: 200,
			Contains: []string{`"parent_code":"167","valid_to":"2025-06-30"`, `"successors":[{"code":"05581","name":"Xã Trung Hội","valid_from":"2025-07-01","share":"full"}]`}},
		{Name: "the divided commune", URL: "/api/v1/units/05599?at=2024-06-01", Token: "admin", Status: 200, Contains: []string{`"share":"partial"`, `"code":"05602"`, `"code":"05605"`}},
		{Name: "the district's successor is the province", URL: "/api/v1/units/167?at=2024-06-01", Token: "admin", Status: 200, Contains: []string{`"successors":[{"code":"19"`}},
		{Name: "a day on which the code named nothing", URL: "/api/v1/units/05536?at=2025-07-01", Token: "admin", Status: 404},
		{Name: "a bad at", URL: "/api/v1/units/05581?at=2025-02-30", Token: "admin", Status: 422, Contains: []string{`"field":"at"`}},
		{Name: "tree in the future", URL: "/api/v1/rollups?unit=19&period=2024&tree=2031-01-01", Token: "province", Status: 422, Contains: []string{`"field":"tree"`, "future"}},
		{Name: "tree not a date", URL: "/api/v1/rollups?unit=19&period=2024&tree=hôm-nay", Token: "province", Status: 422, Contains: []string{`"field":"tree"`}},
		{Name: "a unit not in that tree", URL: "/api/v1/rollups?unit=01840&period=2024&tree=2024-12-31", Token: "province", Status: 422, Contains: []string{`"field":"unit"`}},
		{Name: "the old district reads nothing of the new tree", URL: "/api/v1/rollups?unit=19&period=2024&tree=2025-07-01", Token: "district", Status: 403},
		{Name: "csv in a chosen tree", URL: "/api/v1/rollups?unit=19&period=2024&tree=2025-07-01&by=child&format=csv", Token: "province", Status: 200, Contains: []string{"05581"}},
		{Name: "xlsx in a chosen tree", URL: "/api/v1/rollups?unit=19&periods=2024,2025&tree=2025-07-01&format=xlsx", Token: "province", Status: 200},
		{Name: "completeness of 2024 in its own tree", URL: "/api/v1/completeness?unit=19&period=2024", Token: "province", Status: 200,
			Contains: []string{`"expected":24`, `"reported":4`, `"code":"05536","name":"Thị trấn Chợ Chu","status":"submitted"`}},
		{Name: "completeness of 2024 in the 2025 tree", URL: "/api/v1/completeness?unit=05581&period=2024&tree=2025-07-01", Token: "province", Status: 200,
			Contains: []string{`"expected":3`, `"reported":2`, `"tree":"2025-07-01"`, `"code":"05593"`, `"code":"05596"`}},
		{Name: "completeness of 2025 expects the new units", URL: "/api/v1/completeness?unit=19&period=2025", Token: "province", Status: 200,
			Contains: []string{`"expected":92`, `"reported":1`, `"code":"05581","name":"Xã Trung Hội","status":"submitted"`, `"due_date":"2025-12-15"`}},
		{Name: "the province's deadline applies to the new commune", URL: "/api/v1/deadlines/05581/2025", Token: "province", Status: 200, Contains: []string{`"set_on":"19"`}},
		{Name: "a retired unit's report is still read", URL: "/api/v1/reports/05596/2024", Token: "commune", Status: 200, Contains: []string{`"households":1169`}},
	})
	if err := env.Store.CheckTotals(ctx); err != nil {
		t.Error(err)
	}
}
