package handlers_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"doingoai/internal/apitest"
	"doingoai/models"
	"doingoai/store"
)

// endedEnv is the API after the two reorganisations of 2025 in Định Hóa
// (Bộc Nhiêu 05596, Phú Tiến and Trung Hội end on 2025-06-30 into the new
// xã Trung Hội 05581), in November 2025. Before the July reform was
// recorded, Bộc Nhiêu sent a 2025 report (population 4456): a report of the
// kind the rule now refuses, stored before it.
func endedEnv(t *testing.T) *apitest.Env {
	t.Helper()
	env := apitest.New(t)
	env.Clock.Set(mustTime(t, "2025-11-20T03:00:00Z"))
	submit(t, env, "commune", report(t, "05596", "2025", map[string]any{"households": 1169, "poor_households": 60, "population": 4456}, nil))
	jan := reformFiles(t, "2025-01-01", "units-dinh-hoa-2025-01-01.csv", "reform-dinh-hoa-2025-01-01.csv", nil)
	jan.Scope = []string{"167"}
	jul := reformFiles(t, "2025-07-01", "units-thai-nguyen-2025-07-01.csv", "reform-dinh-hoa-2025-07-01.csv", nil)
	jul.Scope = []string{"19"}
	if _, err := env.Store.Reform(t.Context(), models.CommandLine, jan); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Store.Reform(t.Context(), models.CommandLine, jul); err != nil {
		t.Fatal(err)
	}
	submit(t, env, "admin", report(t, "05581", "2025", map[string]any{"households": 3200, "poor_households": 90, "population": 12986}, nil))
	return env
}

// TestUnitEndedRefused: a commune that ended on 2025-06-30 cannot send, nor
// be sent, a 2025 report — by any role, POST or PUT, dry run or not, nor
// by the import with save — and every refusal is a 422 unit_ended naming
// the successor; it still reports 2025S1.
func TestUnitEndedRefused(t *testing.T) {
	env := endedEnv(t)
	body := report(t, "05596", "2025", map[string]any{"households": 1170, "poor_households": 60, "population": 4460}, nil)
	pathBody := report(t, "05596", "", map[string]any{"households": 1170, "poor_households": 60, "population": 4460}, func(m map[string]any) { delete(m, "period") })
	endedProblem := func(t *testing.T, res *apitest.Response) {
		t.Helper()
		var p models.Problem
		res.JSON(t, &p)
		if p.Code != models.CodeUnitEnded || p.ValidTo.String() != "2025-06-30" || len(p.Successors) != 1 ||
			p.Successors[0] != (models.Successor{Code: "05581", Name: "Xã Trung Hội", Share: models.ShareFull}) {
			t.Errorf("problem %+v, want unit_ended, valid_to 2025-06-30, successor 05581 Xã Trung Hội full", p)
		}
		if !strings.Contains(p.Detail, "Xã Trung Hội (05581)") || !strings.Contains(res.Header.Get("Content-Type"), "problem+json") {
			t.Errorf("detail %q does not name the successor", p.Detail)
		}
	}
	var scenarios []apitest.Scenario
	for _, tok := range []string{"commune", "district", "province", "admin"} {
		scenarios = append(scenarios,
			apitest.Scenario{Name: tok + " POST", Method: "POST", URL: "/api/v1/reports", Token: tok, Body: body, Status: 422, Check: endedProblem},
			apitest.Scenario{Name: tok + " PUT", Method: "PUT", URL: "/api/v1/reports/05596/2025", Token: tok, Body: pathBody, Status: 422, Check: endedProblem},
			apitest.Scenario{Name: tok + " POST dry run", Method: "POST", URL: "/api/v1/reports?dry_run=true", Token: tok, Body: body, Status: 422, Check: endedProblem},
			apitest.Scenario{Name: tok + " PUT dry run", Method: "PUT", URL: "/api/v1/reports/05596/2025?dry_run=true", Token: tok, Body: pathBody, Status: 422, Check: endedProblem},
			apitest.Scenario{Name: tok + " import save", Method: "POST", URL: importURL + "?unit=05596&period=2025&save=draft", Token: tok,
				ContentType: "text/plain; charset=utf-8", Body: seedText(t), Status: 422, Check: endedProblem},
		)
	}
	scenarios = append(scenarios,
		apitest.Scenario{Name: "keyed: the refusal does not use up its key", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: body,
			Headers: map[string]string{"Idempotency-Key": "ended-1"}, Status: 422, Check: endedProblem},
		apitest.Scenario{Name: "another commune's token: still 403 first", Method: "POST", URL: "/api/v1/reports", Token: "foreign-commune", Body: body, Status: 403},
		apitest.Scenario{Name: "the stored report stays readable", URL: "/api/v1/reports/05596/2025", Token: "commune", Status: 200,
			Contains: []string{`"population":4456`}},
		apitest.Scenario{Name: "the half year it covered: sent", Method: "PUT", URL: "/api/v1/reports/05596/2025S1", Token: "commune", Body: pathBody, Status: 201},
		apitest.Scenario{Name: "the successor reports 2025", Method: "PUT", URL: "/api/v1/reports/05581/2025?dry_run=true", Token: "admin",
			Body: report(t, "05581", "", nil, func(m map[string]any) { delete(m, "period") }), Status: 200},
	)
	env.Run(t, scenarios)
	// Nothing was stored by the refusals: still revision 1, 4456.
	res := env.Do(t, "GET", "/api/v1/reports/05596/2025/revisions", "admin", "", nil)
	var revs models.RevisionList
	res.JSON(t, &revs)
	if len(revs.Items) != 1 {
		t.Errorf("%d revisions of 05596 2025 after the refusals, want 1", len(revs.Items))
	}
}

// TestUnitEndedNotCounted: the 2025 report Bộc Nhiêu sent before the reform
// was recorded is kept and readable but counted nowhere — province 19's
// 2025 population is Trung Hội's 12,986 (which holds Bộc Nhiêu's
// territory), not 17,442; completeness lists the 2025 communes only; the
// maintained totals agree with a recomputation.
func TestUnitEndedNotCounted(t *testing.T) {
	env := endedEnv(t)
	r := rollup(t, env, "province", "unit=19&period=2025&by=child&indicators=population")
	if v, n := valueOf(r, "population"); v != "12986" || n != 1 || r.CommunesReported != 1 {
		t.Errorf("province 19, 2025: population %s from %d communes, reported %d; want 12986 from 1", v, n, r.CommunesReported)
	}
	for _, b := range r.Breakdown {
		if b.UnitCode == "167" && (b.CommunesReported != 0 || b.CommunesExpected != 0) {
			t.Errorf("district 167 in 2025: %d/%d, want 0/0 (it ended on 2025-06-30)", b.CommunesReported, b.CommunesExpected)
		}
	}
	if r167 := rollup(t, env, "district", "unit=167&period=2025&by=child&indicators=population"); r167.CommunesReported != 0 {
		t.Errorf("district 167 in 2025: %d reported, want 0", r167.CommunesReported)
	} else {
		for _, b := range r167.Breakdown {
			if b.Status != nil && *b.Status != models.StatusMissing {
				t.Errorf("district 167's breakdown gives %s the status %s in 2025", b.UnitCode, *b.Status)
			}
		}
	}
	for _, q := range []string{"unit=19&period=2025&per_page=200", "unit=VN&period=2025&per_page=1000", "unit=167&period=2025&per_page=200", "unit=05596&period=2025"} {
		res := env.Do(t, "GET", "/api/v1/completeness?"+q, "admin", "", nil)
		if res.Status != 200 {
			t.Fatalf("completeness %s: %d %s", q, res.Status, res.Body)
		}
		var c models.Completeness
		res.JSON(t, &c)
		if c.Reported+c.Missing+c.Draft != c.Expected || c.Total != c.Expected {
			t.Errorf("completeness %s: expected %d, reported %d, missing %d, draft %d, %d rows", q, c.Expected, c.Reported, c.Missing, c.Draft, c.Total)
		}
		for _, u := range c.Units {
			if u.Code == "05596" {
				t.Errorf("completeness %s lists Bộc Nhiêu in 2025", q)
			}
		}
	}
	// The counts made by the database (no commune listed) say the same.
	tr, _ := env.Store.Tree(t.Context())
	for _, code := range []string{"19", "167"} {
		c, err := env.Store.Completeness(t.Context(), store.CompletenessQuery{Unit: tr.OnDay(code, models.MustDate("2025-06-30")), Period: models.Period{Year: 2025}})
		if err != nil || c.Reported+c.Missing+c.Draft != c.Expected || c.Total != c.Expected || (code == "167" && c.Reported != 0) {
			t.Errorf("completeness of %s counted by the database: %+v %v", code, c, err)
		}
	}
	if err := env.Store.CheckTotals(t.Context()); err != nil {
		t.Error(err)
	}
	res := env.Do(t, "GET", "/api/v1/reports/05596/2025", "commune", "", nil)
	var got map[string]any
	if res.Status != http.StatusOK || json.Unmarshal(res.Body, &got) != nil {
		t.Fatalf("the kept report: %d %s", res.Status, res.Body)
	}
	list, err := env.Store.EndedReports(t.Context())
	if err != nil || len(list) != 1 || list[0].Unit.Code != "05596" || list[0].Period != "2025" {
		t.Errorf("EndedReports: %+v %v", list, err)
	}
}

// TestDeadlineOnUnitThatEnded: a due date is set where a report can be due.
// District 167 and Bộc Nhiêu ended on 2025-06-30: a due date for 2025 on
// either is a 422 unit_ended naming the successor (their communes report
// for 2025 to the units that followed them) and nothing is stored; for
// 2025S1, which they covered to its end, it is set as before.
func TestDeadlineOnUnitThatEnded(t *testing.T) {
	env := endedEnv(t)
	body := `{"due_date":"2025-12-15","reference":"7253/UBND-VP"}`
	env.Run(t, []apitest.Scenario{
		{Name: "the district on itself, 2025", Method: "PUT", URL: "/api/v1/deadlines/167/2025", Token: "district", Body: body, Status: 422, Check: endedOnJune30},
		{Name: "the province on the district, 2025", Method: "PUT", URL: "/api/v1/deadlines/167/2025", Token: "province", Body: body, Status: 422, Check: endedOnJune30},
		{Name: "the admin on the commune, 2025", Method: "PUT", URL: "/api/v1/deadlines/05596/2025", Token: "admin", Body: body, Status: 422, Check: endedOnJune30},
		{Name: "nothing stored", URL: "/api/v1/deadlines/167/2025", Token: "admin", Status: 404},
		{Name: "a commune still may not", Method: "PUT", URL: "/api/v1/deadlines/05596/2025", Token: "commune", Body: body, Status: 403},
		{Name: "2025S1, covered to its end", Method: "PUT", URL: "/api/v1/deadlines/167/2025S1", Token: "district", Body: `{"due_date":"2025-07-15"}`, Status: 201},
		{Name: "the new commune, 2025", Method: "PUT", URL: "/api/v1/deadlines/05581/2025", Token: "province", Body: body, Status: 201},
	})
}

// TestRemindersOnUnitThatEnded: reminders go where a report can be due, by
// the rule of due dates. For 2025, district 167 and Bộc Nhiêu (ended on
// 2025-06-30) are a 422 unit_ended naming the successor and nothing is
// recorded; for 2025S1, which they covered to its end, the district
// reminds as before.
func TestRemindersOnUnitThatEnded(t *testing.T) {
	env := endedEnv(t)
	none := func(t *testing.T, res *apitest.Response) {
		t.Helper()
		var l models.ReminderList
		res.JSON(t, &l)
		if l.Total != 0 {
			t.Errorf("%d reminders recorded for 2025 below 167, want none", l.Total)
		}
	}
	env.Run(t, []apitest.Scenario{
		{Name: "the district on itself, 2025", Method: "POST", URL: "/api/v1/reminders", Token: "district", Body: `{"unit_code":"167","period":"2025"}`, Status: 422, Check: endedOnJune30},
		{Name: "the admin on the commune, 2025", Method: "POST", URL: "/api/v1/reminders", Token: "admin", Body: `{"unit_code":"05596","period":"2025"}`, Status: 422, Check: endedOnJune30},
		{Name: "nothing recorded", URL: "/api/v1/reminders?unit=167&period=2025", Token: "admin", Status: 200, Check: none},
		{Name: "a commune still may not", Method: "POST", URL: "/api/v1/reminders", Token: "commune", Body: `{"unit_code":"05596","period":"2025"}`, Status: 403},
		{Name: "2025S1, covered to its end", Method: "POST", URL: "/api/v1/reminders", Token: "district", Body: `{"unit_code":"167","period":"2025S1"}`, Status: 201},
	})
}

// endedOnJune30 checks a unit_ended problem for a unit that ended on
// 2025-06-30, naming its successors.
func endedOnJune30(t *testing.T, res *apitest.Response) {
	t.Helper()
	var p models.Problem
	res.JSON(t, &p)
	if p.Code != models.CodeUnitEnded || p.ValidTo.String() != "2025-06-30" || len(p.Successors) == 0 {
		t.Errorf("problem %+v, want unit_ended, valid_to 2025-06-30 and the successors", p)
	}
}
