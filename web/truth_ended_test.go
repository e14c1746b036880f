package web_test

// The communes of a generated world that ended on 30 June 2025 under a code
// no new unit took: a 2025 report of theirs is refused (422 unit_ended,
// naming the units that report for the territory now), and their form's
// page for 2025 names those units and offers no sending.

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"doingoai/models"
)

// endedCommunes are the old communes whose code names no unit after the
// reform, with the codes of their successors and the share each took.
func (w world) endedCommunes() map[string]map[string]models.Share {
	out := map[string]map[string]models.Share{}
	for i, m := range w.Merges {
		for _, o := range m.Olds[1:] {
			out[o] = map[string]models.Share{m.Code: models.ShareFull}
		}
		if i < 2 {
			if out[w.Divided.Code] == nil {
				out[w.Divided.Code] = map[string]models.Share{}
			}
			out[w.Divided.Code][m.Code] = models.SharePartial
		}
	}
	if slices.ContainsFunc(w.newCommunes(), func(u wUnit) bool { return u.Code == w.Divided.Code }) {
		delete(out, w.Divided.Code) // its code was taken by a new unit
	}
	return out
}

// refuseEnded is a 2025 report of a commune that ended: it must be refused
// with unit_ended, naming the successors the world gave it.
func (w world) refuseEnded(t *testing.T, s *site, e event) {
	t.Helper()
	res := s.Do(t, "POST", "/api/v1/reports", "admin", e.body(t), nil)
	var p struct {
		Code       string
		ValidTo    string `json:"valid_to"`
		Successors []models.Successor
	}
	_ = json.Unmarshal(res.Body, &p)
	if res.Status != http.StatusUnprocessableEntity || p.Code != models.CodeUnitEnded || p.ValidTo != "2025-06-30" {
		t.Errorf("a 2025 report of %s, which ended on 2025-06-30: %d %s, want 422 unit_ended", e.Unit, res.Status, res.Body)
		return
	}
	want := w.endedCommunes()[e.Unit]
	got := map[string]models.Share{}
	for _, sc := range p.Successors {
		got[sc.Code] = sc.Share
	}
	if len(got) != len(want) {
		t.Errorf("the refusal of %s/2025 names successors %v, the reform %v", e.Unit, got, want)
	}
	for code, share := range want {
		if got[code] != share {
			t.Errorf("the refusal of %s/2025 names successors %v, the reform %v", e.Unit, got, want)
		}
	}
}

// ended compares the 2025 form page of each commune that ended with the
// API's successors (GET /units/{code}?at=2025-06-30).
func (r *reader) ended() {
	r.t.Helper()
	for code := range r.w.endedCommunes() {
		var unit struct {
			Successors []struct{ Code, Name string }
		}
		if st := r.api("/api/v1/units/"+code+"?at=2025-06-30", &unit); st != http.StatusOK {
			r.t.Fatalf("unit %s on 2025-06-30: %d", code, st)
		}
		path := "/xa/" + code + "/2025"
		doc := r.read(path)
		says := nodeText(doc)
		for _, sc := range unit.Successors {
			if !strings.Contains(says, sc.Name) || !strings.Contains(says, sc.Code) {
				r.t.Errorf("%s does not name %s (%s), which reports for the territory in 2025", path, sc.Name, sc.Code)
			}
		}
		if b := first(doc, withAttr("id", "cf-submit")); b != nil && attr(b, "disabled") == "" {
			r.t.Errorf("%s offers to send a report of a commune that ended on 2025-06-30", path)
		}
		for _, a := range find(first(first(r.read("/xa/"+code+"/2024"), hasClass("cf-periods")), tag("ul")), tag("a")) {
			if attr(a, "href") == path {
				r.t.Errorf("/xa/%s/2024 offers the 2025 report of a commune that ended on 2025-06-30", code)
			}
		}
	}
}
