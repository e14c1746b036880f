package web_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand"
	"net/http"
	"os"
	"strconv"
	"testing"
	"testing/quick"
	"time"

	"golang.org/x/net/html"

	"doingoai/internal/testenv"
	"doingoai/models"
)

// TestPagesSayWhatTheAPISays generates reporting years (units reorganised
// on 1 July 2025, reports over three periods with nulls and zeros, drafts,
// returns and resubmissions, acceptances, due dates passed and not), then
// reads every page a person reads — signed in with a real session, through
// the real router — and the files they download, and compares every
// number, sign, status, on-time flag, date and count with the API's answer
// to the same question.
//
// TRUTH_WORLDS sets how many worlds (default 2), TRUTH_SEED the seed of the
// first (default: the clock's, logged, so that a failure can be replayed).
func TestPagesSayWhatTheAPISays(t *testing.T) {
	worlds := 2
	if n, err := strconv.Atoi(os.Getenv("TRUTH_WORLDS")); err == nil && n > 0 {
		worlds = n
	}
	seed := time.Now().UnixNano()
	if n, err := strconv.ParseInt(os.Getenv("TRUTH_SEED"), 10, 64); err == nil {
		seed = n
	}
	t.Logf("TRUTH_SEED=%d TRUTH_WORLDS=%d (database: %s)", seed, worlds, map[bool]string{true: "PostgreSQL", false: "SQLite"}[testenv.IsPostgres()])
	i := 0
	property := func(w world) bool {
		i++
		return t.Run(fmt.Sprintf("world-%d", i), func(t *testing.T) {
			defer func() {
				if t.Failed() {
					t.Logf("replay with TRUTH_SEED=%d TRUTH_WORLDS=%d\n%s", seed, i, w)
				}
			}()
			checkWorld(t, w)
		})
	}
	err := quick.Check(property, &quick.Config{MaxCount: worlds, Rand: rand.New(rand.NewSource(seed))})
	var failed *quick.CheckError
	if errors.As(err, &failed) {
		t.Errorf("world %d of %d: the pages say what the API does not (above)", failed.Count, worlds)
	} else if err != nil {
		t.Error(err)
	}
}

// reader reads one world's pages as the admin and asks the API the same
// questions.
type reader struct {
	t *testing.T
	s *site
	c *client
	w world
	// view, when set, reads a page as a browser shows it (its DOM);
	// otherwise pages are read over HTTP by c.
	view func(path string) string
}

// read is a page as a person sees it, parsed.
func (r *reader) read(path string) *html.Node {
	r.t.Helper()
	if r.view != nil {
		return parsePage(r.t, path, r.view(path))
	}
	return parsePage(r.t, path, r.page(path).Body)
}

func checkWorld(t *testing.T, w world) {
	s := newEmptySite(t)
	w.build(t, s)
	c := s.client(t)
	c.signIn("admin")
	r := &reader{t: t, s: s, c: c, w: w}
	for _, p := range worldPeriods {
		units := []string{worldProvince}
		if p != "2025" {
			for _, d := range w.Districts {
				units = append(units, d.Code)
			}
		}
		if p == "2025" {
			for _, m := range w.Merges {
				units = append(units, m.Code) // a merged commune's own overview
			}
		}
		for _, u := range units {
			r.overview(u, p)
			r.workbook(u, p)
			if len(u) < 5 { // a commune has no consolidated report
				r.consolidated(u, p)
			}
		}
		for _, cu := range w.communesOf(p) {
			r.report(cu.Code, p)
			r.commune(cu.Code, p)
		}
	}
	r.ended()
	r.search()
}

// api answers a GET of the API as the admin's token, decoded into v.
func (r *reader) api(path string, v any) int {
	r.t.Helper()
	res := r.s.Do(r.t, "GET", path, "admin", "", nil)
	if res.Status == http.StatusOK && v != nil {
		if err := json.Unmarshal(res.Body, v); err != nil {
			r.t.Fatalf("%s: %v", path, err)
		}
	} else if res.Status != http.StatusOK && res.Status != http.StatusNotFound {
		r.t.Fatalf("%s: %d %s", path, res.Status, res.Body)
	}
	return res.Status
}

// page reads a page, which must answer 200.
func (r *reader) page(path string) page {
	r.t.Helper()
	p := r.c.get(path)
	if p.Status != http.StatusOK {
		r.t.Fatalf("%s: status %d\n%s", path, p.Status, p.Body)
	}
	return p
}

func (r *reader) completeness(unit, period string) models.Completeness {
	var c models.Completeness
	if st := r.api("/api/v1/completeness?unit="+unit+"&period="+period+"&per_page=500", &c); st != http.StatusOK {
		r.t.Fatalf("completeness of %s/%s: %d", unit, period, st)
	}
	return c
}

// rollup is GET /rollups by=child with the period before as its series,
// the question every overview answers.
func (r *reader) rollup(unit, period string) (models.Rollup, string) {
	per, _ := models.ParsePeriod(period)
	prev := per.Previous().String()
	var roll models.Rollup
	if st := r.api("/api/v1/rollups?unit="+unit+"&period="+period+"&by=child&periods="+prev+","+period, &roll); st != http.StatusOK {
		r.t.Fatalf("rollup of %s/%s: %d", unit, period, st)
	}
	return roll, prev
}

// seriesOf is the indicators of one period of a rollup's series.
func seriesOf(roll models.Rollup, period string) map[string]models.IndicatorValue {
	out := map[string]models.IndicatorValue{}
	for _, s := range roll.Series {
		if s.Period == period {
			for _, iv := range s.Indicators {
				out[iv.Code] = iv
			}
		}
	}
	return out
}

// indicatorByName finds an indicator of a rollup by the name a page shows.
func indicatorByName(roll models.Rollup, name string) (models.IndicatorValue, bool) {
	for _, iv := range roll.Indicators {
		if iv.NameVI == name {
			return iv, true
		}
	}
	return models.IndicatorValue{}, false
}
