package web_test

import (
	"html"
	"strings"
	"testing"

	"doingoai/internal/apitest"
)

// TestReportHeaderFollowsIssuedOn: once the clerk sets the date of issue,
// the header's place-and-date line is that date in the document's form,
// not the line first written with the day left blank; that line is shown
// only while there is no date.
func TestReportHeaderFollowsIssuedOn(t *testing.T) {
	s := newSite(t)
	officer := s.client(t)
	officer.signIn("huyen167")
	line := func(who *client) string {
		t.Helper()
		p := who.get("/r/05596/2024")
		expect(t, "the report page", p, 200)
		return html.UnescapeString(p.Body)
	}
	// The seed has no date: its line as written.
	if body := line(officer); !strings.Contains(body, "Bộc Nhiêu, ngày    tháng 11 năm 2024") {
		t.Errorf("without issued_on the header does not show issued_text")
	}

	m := apitest.Seed(t)
	apitest.Obj(m, "document")["issued_on"] = "2024-11-20"
	if res := s.Do(t, "POST", "/api/v1/reports", "commune", apitest.Body(t, m), nil); res.Status != 200 && res.Status != 201 {
		t.Fatalf("resubmit: %d %s", res.Status, res.Body)
	}
	clerk := s.client(t)
	clerk.signIn("xa05596")
	for who, c := range map[string]*client{"the officer": officer, "the clerk": clerk} {
		body := line(c)
		if !strings.Contains(body, "Bộc Nhiêu, ngày 20 tháng 11 năm 2024") {
			t.Errorf("%s's page lacks the line of issued_on, “Bộc Nhiêu, ngày 20 tháng 11 năm 2024”", who)
		}
		if strings.Contains(body, "ngày    tháng") || strings.Contains(body, "20/11/2024") {
			t.Errorf("%s's page still shows the blank day or a numeric date in the header", who)
		}
	}

	// The document's own form: a day below 10 and January with a zero.
	apitest.Obj(m, "document")["issued_on"] = "2024-01-05"
	if res := s.Do(t, "POST", "/api/v1/reports", "commune", apitest.Body(t, m), nil); res.Status != 200 && res.Status != 201 {
		t.Fatalf("resubmit: %d %s", res.Status, res.Body)
	}
	if body := line(officer); !strings.Contains(body, "Bộc Nhiêu, ngày 05 tháng 01 năm 2024") {
		t.Errorf("the header lacks “Bộc Nhiêu, ngày 05 tháng 01 năm 2024”")
	}
}
