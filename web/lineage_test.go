package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"doingoai/internal/apitest"
	"doingoai/models"
)

// viInt writes a whole number as the pages do: 12986 → "12.986".
func viInt(s string) string {
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

// apiStatus is the status of a report as GET /reports answers it, missing
// when it answers 404.
func apiStatus(t *testing.T, s *site, code, period string) string {
	t.Helper()
	res := s.Do(t, "GET", "/api/v1/reports/"+code+"/"+period, "admin", "", nil)
	if res.Status == http.StatusNotFound {
		return models.StatusMissing
	}
	var r struct{ Status string }
	res.JSON(t, &r)
	return r.Status
}

var lineageLinkRe = regexp.MustCompile(`<li data-code="([^"]+)" data-period="([^"]+)"(?: data-status="([^"]+)")?>[^<]*<a href="([^"]+)">`)

// lineageLinks reads the box "Địa bàn qua các lần sắp xếp": code/period →
// the status it shows (or "" for a unit that is not a commune) and href.
func lineageLinks(body string) map[string][2]string {
	out := map[string][2]string{}
	for _, m := range lineageLinkRe.FindAllStringSubmatch(body, -1) {
		out[m[1]+"/"+m[2]] = [2]string{m[3], m[4]}
	}
	return out
}

// TestMergedCommuneOnPages: xã Trung Hội 05581 across the 2025 reform, as a
// province officer reads it, every fact compared with the API's answer.
// Its overview (/u/05581/2025, a 404 before) is the single-commune view,
// linking its report and the reports of the three communes it was formed
// from; the figures over the years say how many of the territory's
// communes reported each year (1 of 3 in 2024); the old Trung Hội's 2024
// page names Bộc Nhiêu and Phú Tiến, which merged with it; district 167's
// 2025 page says the district ended, links the province and offers no due
// date.
func TestMergedCommuneOnPages(t *testing.T) {
	s := newSite(t) // with Bộc Nhiêu's 2024 report
	s.Clock.Set(time.Date(2025, 11, 20, 3, 0, 0, 0, time.UTC))
	reformDinhHoa(t, s)
	th := apitest.Seed(t)
	th["unit_code"], th["period"] = "05581", "2025"
	apitest.Obj(th, "profile")["population"] = 12986
	apitest.Obj(th, "profile")["households"] = 3200
	if res := s.Do(t, "POST", "/api/v1/reports", "admin", apitest.Body(t, th), nil); res.Status != http.StatusCreated {
		t.Fatalf("Trung Hội 2025: %d %s", res.Status, res.Body)
	}
	c := s.client(t)
	c.signIn("tinh19")

	// The new commune's own view, with its predecessors' reports.
	p := c.get("/u/05581/2025?chi-tieu=population")
	expect(t, "/u/05581/2025", p, http.StatusOK, `href="/r/05581/2025"`, "Xã Trung Hội được thành lập ngày 01/07/2025 từ")
	var unit models.UnitOverTime
	s.Do(t, "GET", "/api/v1/units/05581?at=2025-07-01", "admin", "", nil).JSON(t, &unit)
	if len(unit.Predecessors) != 3 {
		t.Fatalf("the API's predecessors: %+v", unit.Predecessors)
	}
	links := lineageLinks(p.Body)
	for _, pr := range unit.Predecessors {
		key := pr.Code + "/2024"
		got, ok := links[key]
		if !ok {
			t.Errorf("/u/05581/2025 does not link %s %s's 2024 report; links %v", pr.Code, pr.Name, links)
			continue
		}
		if want := apiStatus(t, s, pr.Code, "2024"); got[0] != want || got[1] != "/r/"+key {
			t.Errorf("%s: the page says %q at %s, the API %q", key, got[0], got[1], want)
		}
	}

	// Each year's figure beside how many of the territory's communes reported.
	today := "2025-11-20"
	var roll models.Rollup
	res := s.Do(t, "GET", "/api/v1/rollups?unit=05581&period=2025&periods=2024,2025&tree="+today+"&indicators=population", "admin", "", nil)
	if res.Status != 200 {
		t.Fatalf("rollup: %d %s", res.Status, res.Body)
	}
	res.JSON(t, &roll)
	rowRe := regexp.MustCompile(`<tr data-period="(\d+)"><th scope="row">\d+</th><td class="num">([^<]*)</td><td class="num">(\d+)/(\d+)</td></tr>`)
	rows := map[string][]string{}
	for _, m := range rowRe.FindAllStringSubmatch(p.Body, -1) {
		rows[m[1]] = m[2:]
	}
	for _, sp := range roll.Series {
		got, ok := rows[sp.Period]
		if !ok {
			t.Errorf("no row for %s on the chart's table", sp.Period)
			continue
		}
		want := []string{viInt(sp.Indicators[0].Value.String()), fmt.Sprint(sp.CommunesReported), fmt.Sprint(sp.CommunesExpected)}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: the page says %v, the API %v", sp.Period, got, want)
		}
	}
	if r := rows["2024"]; len(r) != 3 || r[1] != "1" || r[2] != "3" {
		t.Errorf("2024 should say 1 of the 3 predecessor communes reported: %v", r)
	}

	// The old Trung Hội's 2024 report page names the communes it merged with.
	p = c.get("/r/05581/2024")
	expect(t, "/r/05581/2024", p, http.StatusOK, "Xã Trung Hội chưa gửi báo cáo kỳ 2024", "Xã Trung Hội kết thúc ngày 30/06/2025")
	links = lineageLinks(p.Body)
	for _, code := range []string{"05596", "05593"} {
		got, ok := links[code+"/2024"]
		if want := apiStatus(t, s, code, "2024"); !ok || got[0] != want {
			t.Errorf("/r/05581/2024 on %s 2024: %v (linked: %v), the API says %q", code, got, ok, want)
		}
	}
	if got, ok := links["05581/2025"]; !ok || got[1] != "/r/05581/2025" || got[0] != apiStatus(t, s, "05581", "2025") {
		t.Errorf("/r/05581/2024 does not link the new commune's 2025 report: %v", links)
	}
	// The new commune's report page links its predecessors too.
	if l := lineageLinks(c.get("/r/05581/2025").Body); len(l) != 3 {
		t.Errorf("/r/05581/2025 links %v, want the 3 predecessors' reports", l)
	}

	// District 167 in 2025: ended, the province linked, no due date to set.
	var d167 models.UnitOverTime
	s.Do(t, "GET", "/api/v1/units/167?at=2025-06-30", "admin", "", nil).JSON(t, &d167)
	end := d167.ValidTo.String()
	p = c.get("/u/167/2025")
	expect(t, "/u/167/2025", p, http.StatusOK, "Huyện Định Hóa đã kết thúc ngày "+end[8:10]+"/"+end[5:7]+"/"+end[0:4])
	if len(d167.Successors) != 1 {
		t.Fatalf("the API's successors of 167: %+v", d167.Successors)
	}
	if got, ok := lineageLinks(p.Body)[d167.Successors[0].Code+"/2025"]; !ok || got[1] != "/u/19/2025" {
		t.Errorf("/u/167/2025 does not link the province's 2025 overview: %v", lineageLinks(p.Body))
	}
	if strings.Contains(p.Body, `id="han-nop"`) {
		t.Error("/u/167/2025 offers the due-date form for a district that ended before the period's end")
	}
	if p := c.get("/u/167/2024"); !strings.Contains(p.Body, `id="han-nop"`) || strings.Contains(p.Body, `id="ended"`) {
		t.Error("/u/167/2024, a period the district covered, lost its due-date form or says it ended")
	}
	// The form not offered is not taken either: a POST made by hand is
	// refused as PUT /deadlines refuses it (app.Deadlines' one rule), and
	// stores nothing.
	token := c.csrf("/u/167/2024")
	if p := c.post("/u/167/2025/han-nop", url.Values{"csrf": {token}, "due_date": {"2025-12-15"}}); p.Status != http.StatusUnprocessableEntity {
		t.Errorf("a due date for 2025 on the district that ended: %d, want 422", p.Status)
	}
	if res := s.Do(t, "GET", "/api/v1/deadlines/167/2025", "admin", "", nil); res.Status != http.StatusNotFound {
		t.Errorf("a due date was stored on the district that ended: %d %s", res.Status, res.Body)
	}
}
