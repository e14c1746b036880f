package web_test

import (
	"encoding/json"
	"html"
	"math/big"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"doingoai/internal/apitest"
	"doingoai/models"
)

// vnRat reads a number as the pages write it ("+1.456", "−831", "0,25")
// back into an exact value.
func vnRat(t *testing.T, s string) *big.Rat {
	t.Helper()
	neg := strings.HasPrefix(s, "−")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "−"), "+")
	s = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		t.Fatalf("not a number on the page: %q", s)
	}
	if neg {
		r.Neg(r)
	}
	return r
}

// TestOverviewChangeIsTheAPIsDifference: the change column of the
// indicator table says, sign included, this period's value minus the
// previous one, as the API's rollup of both periods gives them.
func TestOverviewChangeIsTheAPIsDifference(t *testing.T) {
	s := newSite(t)
	// Bộc Nhiêu's 2023 report: more households than in 2024, fewer people.
	seed := apitest.Seed(t)
	seed["period"] = "2023"
	apitest.Obj(seed, "profile")["population"] = 3000
	apitest.Obj(seed, "profile")["households"] = 2000
	if res := s.Do(t, "POST", "/api/v1/reports", "commune", apitest.Body(t, seed), nil); res.Status != http.StatusCreated {
		t.Fatalf("2023 report: %d %s", res.Status, res.Body)
	}
	c := s.client(t)
	c.signIn("tinh19")
	for _, unit := range []string{"167", "19"} {
		page := c.get("/u/" + unit + "/2024")
		expect(t, "overview "+unit, page, 200)
		var roll struct {
			Series []struct {
				Period     string
				Indicators []struct {
					Code  string
					Value json.Number
				}
			}
		}
		res := s.Do(t, "GET", "/api/v1/rollups?unit="+unit+"&periods=2023,2024", "province", "", nil)
		dec := json.NewDecoder(strings.NewReader(string(res.Body)))
		dec.UseNumber()
		if err := dec.Decode(&roll); err != nil || len(roll.Series) != 2 {
			t.Fatalf("rollup of 2023 and 2024: %v %s", err, res.Body)
		}
		values := map[string]map[string]json.Number{}
		for _, pt := range roll.Series {
			values[pt.Period] = map[string]json.Number{}
			for _, iv := range pt.Indicators {
				values[pt.Period][iv.Code] = iv.Value
			}
		}
		signs := map[int]int{}
		for code, cur := range values["2024"] {
			row := regexp.MustCompile(`chi-tieu=` + code + `#bieu-do">[^<]*</a></th>\s*<td>[^<]*</td>(?:\s*<td class="num">[^<]*</td>){2}\s*<td class="num">([^<]*)</td>`).FindStringSubmatch(page.Body)
			if row == nil {
				t.Fatalf("%s: no row for %s", unit, code)
			}
			change := html.UnescapeString(row[1])
			prev := values["2023"][code]
			if cur == "" || prev == "" {
				if change != "—" {
					t.Errorf("%s %s: change %q where the API has %q and %q", unit, code, change, cur, prev)
				}
				continue
			}
			want := new(big.Rat).Sub(vnRat(t, models.FormatVNNumber(string(cur))), vnRat(t, models.FormatVNNumber(string(prev))))
			if got := vnRat(t, change); got.Cmp(want) != 0 {
				t.Errorf("%s %s: the page says %q, the API's %s − %s = %s", unit, code, change, cur, prev, want.RatString())
			}
			if want.Sign() != 0 && !strings.HasPrefix(change, map[int]string{1: "+", -1: "−"}[want.Sign()]) {
				t.Errorf("%s %s: %q has the wrong sign", unit, code, change)
			}
			signs[want.Sign()]++
		}
		if signs[1] == 0 || signs[-1] == 0 {
			t.Errorf("%s: the test compares no rise and fall: %v", unit, signs)
		}
		if text := html.UnescapeString(page.Body); !strings.Contains(text, `>+1.456<`) || !strings.Contains(text, `>−831<`) {
			t.Errorf("%s: population 4.456 against 3.000 is not +1.456, or households 1.169 against 2.000 not −831", unit)
		}
	}
	// The line under it rises from 3.000 to 4.456, as the column says.
	line := c.get("/u/167/2024?chi-tieu=population").Body
	pts := regexp.MustCompile(`<circle class="pt" cx="[^"]+" cy="([^"]+)" r="4"><title>(\d{4}): ([^<]+)</title>`).FindAllStringSubmatch(line, -1)
	y := map[string]string{}
	for _, m := range pts {
		y[m[2]] = m[1]
		if want := map[string]string{"2023": "3.000", "2024": "4.456"}[m[2]]; m[3] != want {
			t.Errorf("the line's %s point says %s, want %s", m[2], m[3], want)
		}
	}
	if y["2023"] == "" || y["2024"] == "" || vnRat(t, strings.ReplaceAll(y["2024"], ".", ",")).Cmp(vnRat(t, strings.ReplaceAll(y["2023"], ".", ","))) >= 0 {
		t.Errorf("the line does not rise from 2023 to 2024 (y %v)", y)
	}
}

// TestOverviewOnTimeIsTheAPIs: the on-time column of the commune list says
// "Trễ hạn" where completeness has on_time false, "Đúng hạn" where true,
// and "—" where it is null.
func TestOverviewOnTimeIsTheAPIs(t *testing.T) {
	s := newEmptySite(t)
	// Due on 30 November: Sơn Phú sends on the 25th (on time), Bộc Nhiêu
	// on 2 December (late); the other communes send nothing.
	if res := s.Do(t, "PUT", "/api/v1/deadlines/167/2024", "district", `{"due_date":"2024-11-30"}`, nil); res.Status != http.StatusCreated {
		t.Fatalf("deadline: %d %s", res.Status, res.Body)
	}
	seed := apitest.Seed(t)
	seed["unit_code"] = "05599"
	if res := s.Do(t, "POST", "/api/v1/reports", "other-commune", apitest.Body(t, seed), nil); res.Status != http.StatusCreated {
		t.Fatalf("on-time report: %d %s", res.Status, res.Body)
	}
	s.Clock.Add(7 * 24 * time.Hour)
	if res := s.Do(t, "POST", "/api/v1/reports", "commune", apitest.Body(t, apitest.Seed(t)), nil); res.Status != http.StatusCreated {
		t.Fatalf("late report: %d %s", res.Status, res.Body)
	}

	var comp models.Completeness
	s.Do(t, "GET", "/api/v1/completeness?unit=167&period=2024", "district", "", nil).JSON(t, &comp)
	c := s.client(t)
	c.signIn("huyen167")
	page := c.get("/u/167/2024").Body
	seen := map[string]int{}
	for _, u := range comp.Units {
		row := regexp.MustCompile(`<td>` + u.Code + `</td>(?:\s*<td>.*?</td>){3}\s*<td>(.*?)</td>`).FindStringSubmatch(page)
		if row == nil {
			t.Fatalf("no row for %s", u.Code)
		}
		want := "—"
		if u.OnTime != nil {
			want = map[bool]string{true: "Đúng hạn", false: `<span class="late">Trễ hạn</span>`}[*u.OnTime]
		}
		if row[1] != want {
			t.Errorf("%s: the page says %q, the API's on_time says %q", u.Code, row[1], want)
		}
		seen[want]++
	}
	if seen["—"] == 0 || seen[`<span class="late">Trễ hạn</span>`] == 0 || seen["Đúng hạn"] == 0 {
		t.Errorf("the test does not see late, on-time and unknown rows: %v", seen)
	}
}
