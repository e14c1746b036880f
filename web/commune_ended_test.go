package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"doingoai/demo"
	"doingoai/internal/apitest"
	"doingoai/models"
)

// reformDinhHoa applies the two reorganisations of 2025 to the site's
// Định Hóa (as the demo does): on 2025-07-01 Bộc Nhiêu, Phú Tiến and Trung
// Hội end into the new xã Trung Hội 05581, under the province.
func reformDinhHoa(t *testing.T, s *site) {
	t.Helper()
	if err := demo.Reform2025(t.Context(), s.Store); err != nil {
		t.Fatal(err)
	}
}

// TestCommuneThatEnded is the clerk of Bộc Nhiêu (ended 2025-06-30, merged
// into xã Trung Hội) in November 2025: the page says, in the API's facts,
// when the commune ended and which unit reports for its territory; it
// offers 2024 and 2025S1, never 2025; a 2025 report sent before the reform
// was recorded is shown, not counted, and cannot be sent again — the API's
// unit_ended refusal in Vietnamese, naming the successor.
func TestCommuneThatEnded(t *testing.T) {
	s := newSite(t)
	s.Clock.Set(time.Date(2025, 11, 20, 3, 0, 0, 0, time.UTC))
	seed := apitest.Seed(t)
	seed["period"] = "2025"
	if res := s.Do(t, "POST", "/api/v1/reports", "commune", apitest.Body(t, seed), nil); res.Status != http.StatusCreated {
		t.Fatalf("2025 before the reform: %d %s", res.Status, res.Body)
	}
	reformDinhHoa(t, s)

	// What the API says of the commune.
	var unit models.UnitOverTime
	s.Do(t, "GET", "/api/v1/units/05596?at=2025-06-30", "commune", "", nil).JSON(t, &unit)
	if unit.ValidTo.IsZero() || len(unit.Successors) != 1 {
		t.Fatalf("the API's unit: %+v", unit)
	}
	end := unit.ValidTo.String() // 2025-06-30
	endVI := end[8:10] + "/" + end[5:7] + "/" + end[0:4]
	succ := unit.Successors[0].Name + " (mã " + unit.Successors[0].Code + ")"

	c := s.client(t)
	c.signIn("xa05596")
	p := c.get("/xa/05596/2024")
	expect(t, "2024", p, http.StatusOK, "Xã Bộc Nhiêu đã kết thúc ngày "+endVI, "địa bàn của xã nay do "+succ+" báo cáo",
		`href="/xa/05596/2025S1"`, `href="/xa/05596/2024"`)
	if strings.Contains(p.Body, `href="/xa/05596/2025"`) || strings.Contains(p.Body, `">năm 2025 <small`) {
		t.Error("the page offers 2025, which the commune did not cover to its end")
	}
	if p := c.get("/xa/05596/2025S1"); p.Status != http.StatusOK || strings.Contains(p.Body, `id="cf-ended-period"`) {
		t.Errorf("2025S1, a period the commune covered: %d, or said not to be reported", p.Status)
	}

	// 2025: the report kept from before is shown, said not to count.
	p = c.get("/xa/05596/2025")
	expect(t, "2025", p, http.StatusOK, "Xã Bộc Nhiêu không báo cáo năm 2025", "không được tính vào tổng hợp", `class="cf-form cf-readonly"`)
	// Sent anyway (a page open since before the reform): the API refuses
	// it, and the page says why in its words.
	form := seedForm(t)
	form.Set("csrf", c.csrf("/xa/05596/2025"))
	form.Set("idem", "ended-page-1")
	form.Set("action", "submit")
	p = c.post("/xa/05596/2025", form)
	expect(t, "send 2025", p, http.StatusUnprocessableEntity,
		"Không gửi được báo cáo năm 2025: Xã Bộc Nhiêu đã kết thúc ngày "+endVI+", trước ngày cuối của kỳ báo cáo; địa bàn của xã nay do "+succ+" báo cáo.")
	if n := revisions(t, s, "05596", "2025"); n != 1 {
		t.Errorf("%d revisions of 2025 after the refused send, want 1", n)
	}
	// The check while typing says it at the unit, from the API's dry run.
	a := c.check("/xa/05596/2025", url.Values{"csrf": {form.Get("csrf")}})
	found := false
	for _, e := range a.Errors {
		found = found || strings.Contains(e.Message, "Đơn vị đã kết thúc ngày "+endVI+", trước ngày cuối của kỳ báo cáo năm 2025")
	}
	if !found {
		t.Errorf("the check while typing does not say the unit ended: %+v", a.Errors)
	}
}
