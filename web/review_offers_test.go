package web_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"testing"

	"doingoai/internal/apitest"
	"doingoai/models"
)

// TestPagesOfferWhatTheLifecycleAllows walks one report through its
// lifecycle and, in every state, reads the buttons the report page offers
// the district and the form offers the clerk, against models.Allowed of
// the state the API reports.
func TestPagesOfferWhatTheLifecycleAllows(t *testing.T) {
	s := newEmptySite(t)
	officer, clerk := s.client(t), s.client(t)
	officer.signIn("huyen167")
	clerk.signIn("xa05599")
	seed := apitest.Seed(t)
	seed["unit_code"] = "05599"
	send := func(status string) {
		seed["status"] = status
		if res := s.Do(t, "POST", "/api/v1/reports", "other-commune", apitest.Body(t, seed), nil); res.Status != http.StatusCreated {
			t.Fatalf("%s: %d %s", status, res.Status, res.Body)
		}
		apitest.Obj(seed, "profile")["hamlets"] = apitest.Obj(seed, "profile")["hamlets"].(float64) + 1
	}
	review := func(decision string) {
		if res := s.Do(t, "POST", "/api/v1/reports/05599/2024/review", "district", `{"decision":"`+decision+`","comment":"Đề nghị bổ sung."}`, nil); res.Status != http.StatusOK {
			t.Fatalf("%s: %d %s", decision, res.Status, res.Body)
		}
	}
	buttons := regexp.MustCompile(`<button type="submit" name="(?:decision|action)" value="(\w+)"`)
	offered := func(body string) []string {
		var out []string
		for _, m := range buttons.FindAllStringSubmatch(body, -1) {
			out = append(out, m[1])
		}
		return out
	}
	steps := []struct {
		name string
		do   func()
	}{
		{"no report", func() {}},
		{"draft", func() { send(models.StatusDraft) }},
		{"submitted", func() { send(models.StatusSubmitted) }},
		{"returned", func() { review(models.DecisionReturn) }},
		{"accepted", func() { review(models.DecisionAccept) }},
		{"returned again", func() { review(models.DecisionReturn) }},
		{"resubmitted", func() { send(models.StatusSubmitted) }},
	}
	seen := map[string]bool{}
	for _, step := range steps {
		step.do()
		var view models.ReportView
		if res := s.Do(t, "GET", "/api/v1/reports/05599/2024", "district", "", nil); res.Status == http.StatusOK {
			if err := json.Unmarshal(res.Body, &view); err != nil {
				t.Fatal(err)
			}
		}
		var wantReview, wantForm []string
		for _, a := range models.Allowed(view.State()) {
			switch a {
			case models.ActAccept:
				wantReview = append(wantReview, "accept")
			case models.ActReturn:
				wantReview = append(wantReview, "return")
			case models.ActDraft:
				wantForm = append(wantForm, "draft")
			case models.ActSubmit:
				wantForm = append(wantForm, "submit")
			}
		}
		report := officer.get("/r/05599/2024")
		expect(t, step.name+": the report page", report, 200)
		if got := offered(report.Body); !slices.Equal(got, wantReview) {
			t.Errorf("%s (%q): the report page offers %v, the lifecycle allows %v", step.name, view.Status, got, wantReview)
		}
		form := clerk.get("/xa/05599/2024")
		expect(t, step.name+": the form", form, 200)
		if got := offered(form.Body); !slices.Equal(got, wantForm) {
			t.Errorf("%s (%q): the form offers %v, the lifecycle allows %v", step.name, view.Status, got, wantForm)
		}
		seen[view.Status+":"+jsonString(wantReview)] = true
	}
	// The states that were wrong before: an accepted report offers only
	// Trả lại, a returned one only Duyệt.
	for _, want := range []string{`accepted:["return"]`, `returned:["accept"]`, `submitted:["accept","return"]`} {
		if !seen[want] {
			t.Errorf("no step saw %s: %v", want, seen)
		}
	}
}
