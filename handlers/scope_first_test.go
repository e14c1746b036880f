package handlers_test

import (
	"testing"

	"doingoai/internal/apitest"
)

// TestScopeBeforeTheUnitsPeriod: a principal outside a unit's scope learns
// nothing of it — naming Bộc Nhiêu (05596, merged away on 2025-06-30) for
// 2026, when it no longer existed, or district 167, which makes no report,
// is 403 for another commune's token, on POST, PUT and the import alike,
// as on the page (app.ReportingUnit checks the scope first); within the
// scope it is 422 with the unit's problem.
func TestScopeBeforeTheUnitsPeriod(t *testing.T) {
	env := endedEnv(t)
	gone := report(t, "05596", "2026", map[string]any{"households": 1170, "poor_households": 60, "population": 4460}, nil)
	gonePath := report(t, "05596", "", map[string]any{"households": 1170, "poor_households": 60, "population": 4460}, func(m map[string]any) { delete(m, "period") })
	district := report(t, "167", "2024", map[string]any{"households": 1170, "poor_households": 60, "population": 4460}, nil)
	var scenarios []apitest.Scenario
	for _, tok := range []string{"foreign-commune", "other-commune"} {
		scenarios = append(scenarios,
			apitest.Scenario{Name: tok + " POST, unit not in the period", Method: "POST", URL: "/api/v1/reports", Token: tok, Body: gone, Status: 403},
			apitest.Scenario{Name: tok + " PUT, unit not in the period", Method: "PUT", URL: "/api/v1/reports/05596/2026", Token: tok, Body: gonePath, Status: 403},
			apitest.Scenario{Name: tok + " dry run, unit not in the period", Method: "POST", URL: "/api/v1/reports?dry_run=true", Token: tok, Body: gone, Status: 403},
			apitest.Scenario{Name: tok + " import, unit not in the period", Method: "POST", URL: importURL + "?unit=05596&period=2026", Token: tok,
				ContentType: "text/plain; charset=utf-8", Body: seedText(t), Status: 403},
			apitest.Scenario{Name: tok + " POST, a district", Method: "POST", URL: "/api/v1/reports", Token: tok, Body: district, Status: 403},
		)
	}
	for _, tok := range []string{"commune", "admin"} {
		scenarios = append(scenarios,
			apitest.Scenario{Name: tok + " POST, unit not in the period", Method: "POST", URL: "/api/v1/reports", Token: tok, Body: gone, Status: 422,
				Contains: []string{`"message_code":"unit_not_in_period"`}},
			apitest.Scenario{Name: tok + " import, unit not in the period", Method: "POST", URL: importURL + "?unit=05596&period=2026", Token: tok,
				ContentType: "text/plain; charset=utf-8", Body: seedText(t), Status: 422, Contains: []string{`"message_code":"unit_not_in_period"`}},
		)
	}
	scenarios = append(scenarios,
		apitest.Scenario{Name: "district POST, a district", Method: "POST", URL: "/api/v1/reports", Token: "district", Body: district, Status: 422,
			Contains: []string{`"message_code":"not_a_reporting_unit"`}})
	env.Run(t, scenarios)
}
