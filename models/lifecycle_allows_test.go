package models

import "testing"

// TestAllowsEveryStateAndAction: what the pages offer, over every state ×
// action, both as the table a district officer would expect and against
// Next itself — an action offered is one Next accepts and that changes the
// report; an action Next refuses is never offered.
func TestAllowsEveryStateAndAction(t *testing.T) {
	names := map[Action]string{ActDraft: "draft", ActSubmit: "submit", ActAccept: "accept", ActReturn: "return"}
	want := map[string]map[Action]bool{
		"":              {ActDraft: true, ActSubmit: true},                   // no report yet
		StatusDraft:     {ActDraft: true, ActSubmit: true},                   // not sent: nothing to review
		StatusSubmitted: {ActSubmit: true, ActAccept: true, ActReturn: true}, // an amendment, or a review
		StatusAccepted:  {ActReturn: true},                                   // locked; the district may reopen it
		StatusReturned:  {ActDraft: true, ActSubmit: true, ActAccept: true},  // the commune amends, or the district accepts after all
	}
	for status, row := range want {
		for _, reviewed := range []bool{false, true} {
			cur := ReportState{UnitCode: "05596", Period: "2024", Status: status, Hash: []byte("current"), ETag: `"2.3"`}
			if status != "" {
				cur.Revision = 2
			}
			if reviewed && (status == StatusAccepted || status == StatusReturned) {
				cur.ReviewedRevision, cur.ReviewComment = 2, "Đề nghị bổ sung."
			}
			var offered []Action
			for _, a := range Actions {
				got := Allows(cur, a)
				if got != row[a] {
					t.Errorf("%q (reviewed %v) %s: Allows %v, want %v", status, reviewed, names[a], got, row[a])
				}
				if got {
					offered = append(offered, a)
				}
				// Against Next: what it refuses is never offered; what is
				// offered, it accepts as a change.
				tr, err := Next(cur, Request{Action: a, Hash: []byte("changed"), Comment: "Ý kiến khác."})
				if err != nil && got {
					t.Errorf("%q %s: offered, but Next refuses: %v", status, names[a], err)
				}
				if got && !tr.NewRevision && tr.Status == cur.Status {
					t.Errorf("%q %s: offered, but it changes nothing (%+v)", status, names[a], tr)
				}
			}
			if len(offered) != len(Allowed(cur)) {
				t.Errorf("%q: Allowed %v, Allows says %v", status, Allowed(cur), offered)
			}
		}
	}
}
