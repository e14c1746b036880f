package web_test

// Building a generated world on a site: its units and reform through the
// store (as the commands do), then every event through the API with the
// clock at its time.

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"doingoai/app"
	"doingoai/internal/apitest"
	"doingoai/models"
	"doingoai/store"
)

// body is the seed report changed to the unit, period, status and figures.
func (e event) body(t testing.TB) string {
	m := apitest.Seed(t)
	m["unit_code"], m["period"], m["status"] = e.Unit, e.Period, "submitted"
	if e.Action == "draft" {
		m["status"] = "draft"
	}
	doc := apitest.Obj(m, "document")
	doc["number"] = fmt.Sprintf("%d/BC-UBND", 10+len(e.Unit))
	doc["issued_on"] = models.DateOf(e.At).String()
	delete(doc, "issued_text")
	prof := apitest.Obj(m, "profile")
	// Stated rates and shares are not figures of the rollups; leave them out
	// rather than contradict the generated counts.
	for _, k := range []string{"poor_households_rate_pct", "near_poor_households_rate_pct", "ethnic_groups"} {
		delete(prof, k)
	}
	for p, v := range e.Figures {
		keys := strings.Split(p, ".")
		apitest.Obj(m, keys[:len(keys)-1]...)[keys[len(keys)-1]] = v
	}
	return apitest.Body(t, m)
}

// build makes the world's units, accounts and reports on a site, through
// the API as the people would, with the clock at each event's time, and
// leaves the clock at worldNow.
func (w world) build(t *testing.T, s *site) {
	t.Helper()
	ctx := context.Background()
	s.Clock.Set(time.Date(2024, 11, 1, 9, 0, 0, 0, models.Vietnam))
	var csv strings.Builder
	csv.WriteString("code,name,kind,parent_code\n")
	fmt.Fprintf(&csv, "%s,%s,province,\n", worldProvince, worldProvinceName)
	for _, d := range w.Districts {
		fmt.Fprintf(&csv, "%s,%s,district,%s\n", d.Code, d.Name, worldProvince)
		for _, c := range d.Communes {
			fmt.Fprintf(&csv, "%s,%s,%s,%s\n", c.Code, c.Name, c.Kind, d.Code)
		}
	}
	rows, err := models.ParseUnitsCSV(strings.NewReader(csv.String()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Store.ImportUnits(ctx, models.CommandLine, rows); err != nil {
		t.Fatal(err)
	}
	csv.Reset()
	csv.WriteString("code,name,kind,parent_code\n")
	fmt.Fprintf(&csv, "%s,%s,province,\n", worldProvince, worldProvinceName)
	var m strings.Builder
	m.WriteString("old_code,new_code,share\n")
	for _, u := range w.newCommunes() {
		fmt.Fprintf(&csv, "%s,%s,%s,%s\n", u.Code, u.Name, u.Kind, worldProvince)
	}
	for i, g := range w.Merges {
		for _, o := range g.Olds {
			fmt.Fprintf(&m, "%s,%s,full\n", o, g.Code)
		}
		if i < 2 {
			fmt.Fprintf(&m, "%s,%s,partial\n", w.Divided.Code, g.Code)
		}
	}
	units, err := models.ParseUnitsCSV(strings.NewReader(csv.String()))
	if err != nil {
		t.Fatal(err)
	}
	links, err := models.ParseSuccessionsCSV(strings.NewReader(m.String()))
	if err != nil {
		t.Fatal(err)
	}
	on, _ := models.ParseDate("2025-07-01")
	if _, err := s.Store.Reform(ctx, models.CommandLine, store.ReformInput{On: on, Units: units, Map: links, Scope: []string{worldProvince}}); err != nil {
		t.Fatalf("the reform: %v\nunits:\n%s\nmap:\n%s", err, csv.String(), m.String())
	}
	if _, err := (app.Accounts{Store: s.Store}).Create(ctx, models.CommandLine, models.UserInput{Login: "tinh77", Role: models.RoleDistrict, UnitCode: worldProvince,
		Name: "Sở Ngoại vụ " + worldProvinceName, Password: "mat-khau-tinh-77"}); err != nil {
		t.Fatal(err)
	}
	for _, e := range w.Events {
		s.Clock.Set(e.At)
		w.apply(t, s, e)
	}
	s.Clock.Set(worldNow)
}

// apply does one event through the API with the admin's token.
func (w world) apply(t *testing.T, s *site, e event) {
	t.Helper()
	var res *apitest.Response
	switch e.Action {
	case "draft", "submit":
		res = s.Do(t, "POST", "/api/v1/reports", "admin", e.body(t), nil)
		if res.Status != http.StatusCreated && res.Status != http.StatusOK {
			t.Fatalf("%s %s/%s at %s: %d %s", e.Action, e.Unit, e.Period, e.At, res.Status, res.Body)
		}
	case "accept", "return":
		body := fmt.Sprintf(`{"decision":%q,"comment":%q}`, e.Action, e.Comment)
		res = s.Do(t, "POST", "/api/v1/reports/"+e.Unit+"/"+e.Period+"/review", "admin", body, nil)
		if res.Status != http.StatusOK {
			t.Fatalf("%s %s/%s: %d %s", e.Action, e.Unit, e.Period, res.Status, res.Body)
		}
	case "ended":
		w.refuseEnded(t, s, e)
	case "deadline":
		body := fmt.Sprintf(`{"due_date":%q,"reference":"%d/UBND-VP"}`, e.Due, 100+len(e.Unit))
		res = s.Do(t, "PUT", "/api/v1/deadlines/"+e.Unit+"/"+e.Period, "admin", body, nil)
		if res.Status != http.StatusOK && res.Status != http.StatusCreated {
			t.Fatalf("deadline %s/%s: %d %s", e.Unit, e.Period, res.Status, res.Body)
		}
	}
}
