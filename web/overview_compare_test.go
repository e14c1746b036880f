package web_test

import (
	"html"
	"net/http"
	"regexp"
	"testing"

	"doingoai/internal/apitest"
	"doingoai/models"
)

// TestOverviewColumnsAreTheAPIsCompared: the indicator table's value,
// previous value and change are, cell for cell, GET
// /rollups?compare=previous's value, compared.previous and compared.change
// written the Vietnamese way ("—" where null, the change with its sign) —
// the page and the API read them with the same use case (app.Totals).
func TestOverviewColumnsAreTheAPIsCompared(t *testing.T) {
	s := newSite(t)
	seed := apitest.Seed(t)
	seed["period"] = "2023"
	apitest.Obj(seed, "profile")["population"] = 3000
	apitest.Obj(seed, "profile")["households"] = 2000
	apitest.Obj(seed, "profile")["area_ha"] = 2700.25
	if res := s.Do(t, "POST", "/api/v1/reports", "commune", apitest.Body(t, seed), nil); res.Status != http.StatusCreated {
		t.Fatalf("2023 report: %d %s", res.Status, res.Body)
	}
	c := s.client(t)
	c.signIn("tinh19")
	cell := func(a *models.Amount) string {
		if a == nil {
			return "—"
		}
		return models.FormatVNNumber(a.String())
	}
	signed := func(a *models.Amount) string {
		switch {
		case a == nil:
			return "—"
		case a.String() == "0":
			return "0"
		case a.String()[0] == '-':
			return "−" + models.FormatVNNumber(a.String()[1:])
		}
		return "+" + models.FormatVNNumber(a.String())
	}
	for _, unit := range []string{"167", "19", "05596"} {
		page := c.get("/u/" + unit + "/2024")
		expect(t, "overview "+unit, page, 200)
		var roll models.Rollup
		s.Do(t, "GET", "/api/v1/rollups?unit="+unit+"&period=2024&compare=previous", "province", "", nil).JSON(t, &roll)
		seen := map[string]int{}
		for _, iv := range roll.Indicators {
			row := regexp.MustCompile(`chi-tieu=` + iv.Code + `#bieu-do">[^<]*</a></th>\s*<td>[^<]*</td>\s*<td class="num">([^<]*)</td>\s*<td class="num">([^<]*)</td>\s*<td class="num">([^<]*)</td>`).FindStringSubmatch(page.Body)
			if row == nil {
				t.Fatalf("%s: no row for %s", unit, iv.Code)
			}
			if iv.Compared == nil || iv.Compared.Period != "2023" {
				t.Fatalf("%s %s: compared %+v", unit, iv.Code, iv.Compared)
			}
			for i, want := range []string{cell(iv.Value), cell(iv.Compared.Previous), signed(iv.Compared.Change)} {
				if got := html.UnescapeString(row[i+1]); got != want {
					t.Errorf("%s %s column %d: the page says %q, the API %q", unit, iv.Code, i+1, got, want)
				}
			}
			seen[string([]rune(signed(iv.Compared.Change))[0])]++
		}
		if seen["+"] == 0 || seen["−"] == 0 || seen["—"] == 0 {
			t.Errorf("%s: the test sees no rise, fall or missing change: %v", unit, seen)
		}
	}
}
