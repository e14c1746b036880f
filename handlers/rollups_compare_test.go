package handlers_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"doingoai/internal/apitest"
	"doingoai/models"
)

// TestRollupCompare: GET /rollups?compare=previous gives each indicator
// its value in the period before (the year before a year, the half before
// a half) and the change from it, exact and null where either is null —
// the figures of a series of both periods, and nothing else of the answer
// changes: the series stays what periods= asked.
func TestRollupCompare(t *testing.T) {
	env := apitest.New(t)
	submit(t, env, "district", report(t, "05596", "2023", map[string]any{"households": 1000, "poor_households": 100, "population": 4000, "area_ha": 2690.67}, nil))
	submit(t, env, "district", report(t, "05599", "2023", map[string]any{"households": 100, "poor_households": 50, "population": 400}, nil))
	submit(t, env, "district", report(t, "05596", "2024", map[string]any{"households": 1100, "poor_households": 80, "population": 3950, "area_ha": 2690.5}, nil))
	submit(t, env, "district", report(t, "05596", "2024S2", map[string]any{"households": 1200, "population": 4100}, nil))

	for _, tc := range []struct{ unit, period, prev string }{{"167", "2024", "2023"}, {"19", "2024", "2023"}, {"167", "2024S2", "2024S1"}, {"167", "2024S1", "2023S2"}} {
		plain := rollup(t, env, "province", "unit="+tc.unit+"&period="+tc.period+"&by=child")
		got := rollup(t, env, "province", "unit="+tc.unit+"&period="+tc.period+"&by=child&compare=previous")
		series := rollup(t, env, "province", "unit="+tc.unit+"&periods="+tc.prev+","+tc.period)
		if len(got.Series) != 0 {
			t.Errorf("%s/%s: compare adds a series of %d periods; periods= asked none", tc.unit, tc.period, len(got.Series))
		}
		before := map[string]*models.Amount{}
		for _, iv := range series.Series[0].Indicators {
			before[iv.Code] = iv.Value
		}
		changes := 0
		for i, iv := range got.Indicators {
			c := iv.Compared
			if c == nil {
				t.Fatalf("%s/%s %s: no compared", tc.unit, tc.period, iv.Code)
			}
			if c.Period != tc.prev {
				t.Errorf("%s/%s %s: compared with %s, want %s", tc.unit, tc.period, iv.Code, c.Period, tc.prev)
			}
			if s(c.Previous) != s(before[iv.Code]) {
				t.Errorf("%s/%s %s: previous %s, the series of %s says %s", tc.unit, tc.period, iv.Code, s(c.Previous), tc.prev, s(before[iv.Code]))
			}
			want := "null"
			if iv.Value != nil && before[iv.Code] != nil {
				a, _ := models.ParseDecimal(iv.Value.String())
				b, _ := models.ParseDecimal(before[iv.Code].String())
				want = models.DecimalFromUnits(a.Units() - b.Units()).String()
				changes++
			}
			if s(c.Change) != want {
				t.Errorf("%s/%s %s: change %s, want %s − %s = %s", tc.unit, tc.period, iv.Code, s(c.Change), s(iv.Value), s(before[iv.Code]), want)
			}
			// Everything else is the plain rollup's.
			iv.Compared = nil
			if a, b := mustJSON(t, iv), mustJSON(t, plain.Indicators[i]); !bytes.Equal(a, b) {
				t.Errorf("%s/%s: %s with compare, %s without", tc.unit, tc.period, a, b)
			}
		}
		if tc.period == "2024" && changes == 0 {
			t.Errorf("%s/%s: no change computed", tc.unit, tc.period)
		}
		got.Indicators, plain.Indicators = nil, nil
		if a, b := mustJSON(t, got), mustJSON(t, plain); !bytes.Equal(a, b) {
			t.Errorf("%s/%s: the rest of the answer differs with compare:\n%s\n%s", tc.unit, tc.period, a, b)
		}
	}

	// 2024 against 2023 in Định Hóa: households 1.100 − 1.100 = 0, poor
	// 80 − 150 = −70, area 2690.5 − 2690.67 = −0.17, exact.
	got := rollup(t, env, "district", "unit=167&period=2024&compare=previous")
	for code, want := range map[string]string{"households": "0", "poor_households": "-70", "area_ha": "-0.17", "population": "-450"} {
		found := false
		for _, iv := range got.Indicators {
			if iv.Code == code {
				found = true
				if s(iv.Compared.Change) != want {
					t.Errorf("167/2024 %s: change %s, want %s", code, s(iv.Compared.Change), want)
				}
			}
		}
		if !found {
			t.Errorf("167/2024: no indicator %s", code)
		}
	}
	// With periods= asking the period before, the series keeps it.
	withSeries := rollup(t, env, "district", "unit=167&periods=2023,2024&compare=previous")
	if len(withSeries.Series) != 2 || withSeries.Series[0].Period != "2023" {
		t.Errorf("periods=2023,2024&compare=previous: series %+v", withSeries.Series)
	}
	// A compare other than previous is 422 at its parameter, with the
	// query's other problems; a unit out of scope is 403 as without it.
	res := env.Do(t, "GET", "/api/v1/rollups?unit=167&period=2024&compare=next&by=parent", "district", "", nil)
	var p models.Problem
	res.JSON(t, &p)
	if res.Status != 422 || len(p.Errors) != 2 || p.Errors[1].Field != "compare" {
		t.Errorf("compare=next: %d %s", res.Status, res.Body)
	}
	if res := env.Do(t, "GET", "/api/v1/rollups?unit=164&period=2024&compare=previous", "district", "", nil); res.Status != 403 {
		t.Errorf("another district with compare: %d %s", res.Status, res.Body)
	}
	if res := env.Do(t, "GET", "/api/v1/rollups?unit=05596&period=2024&compare=previous", "commune", "", nil); res.Status != 403 {
		t.Errorf("a commune with compare: %d %s", res.Status, res.Body)
	}
}

func s(a *models.Amount) string {
	if a == nil {
		return "null"
	}
	return a.String()
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
