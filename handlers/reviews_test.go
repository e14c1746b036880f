package handlers_test

import (
	"fmt"
	"strings"
	"testing"

	"doingoai/demo"
	"doingoai/internal/apitest"
	"doingoai/models"
)

// TestReviewRoundTrip: submit → return with a comment → amend → accept →
// locked → reopened, with the rollups and the audit trail following.
func TestReviewRoundTrip(t *testing.T) {
	env := apitest.New(t)
	seed := string(demo.BocNhieu2024)
	amended := apitest.Seed(t)
	apitest.Obj(amended, "document")["number"] = "15/BC-UBND"
	apitest.Obj(amended, "document")["issued_on"] = "2024-11-20"
	returnBody := `{"decision":"return","comment":"Đề nghị bổ sung số và ngày ban hành báo cáo."}`
	var etag string
	reported := func(query string) int {
		return rollup(t, env, "district", "unit=167&period=2024&"+query).CommunesReported
	}
	env.Run(t, []apitest.Scenario{
		{Name: "the commune submits", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: seed, Status: 201},
		{Name: "another commune saves a draft", Method: "POST", URL: "/api/v1/reports", Token: "other-commune", Status: 201,
			Body: report(t, "05599", "2024", nil, func(m map[string]any) { m["status"] = "draft" })},
		{Name: "a draft cannot be reviewed", Method: "POST", URL: "/api/v1/reports/05599/2024/review", Token: "district", Status: 409, Body: `{"decision":"accept"}`},
		{Name: "a report that does not exist cannot be reviewed", Method: "POST", URL: "/api/v1/reports/05602/2024/review", Token: "district", Status: 404, Body: `{"decision":"accept"}`},
		{Name: "a commune cannot review", Method: "POST", URL: seedURL + "/review", Token: "commune", Status: 403, Body: `{"decision":"accept"}`},
		{Name: "nor a district of elsewhere", Method: "POST", URL: seedURL + "/review", Token: "other-district", Status: 403, Body: `{"decision":"accept"}`},
		{Name: "an unknown decision", Method: "POST", URL: seedURL + "/review", Token: "district", Status: 422, Body: `{"decision":"approve"}`, Contains: []string{`"field":"decision"`}},
		{Name: "a return needs a comment", Method: "POST", URL: seedURL + "/review", Token: "district", Status: 422, Body: `{"decision":"return","comment":"  "}`, Contains: []string{`"field":"comment"`}},
		{Name: "a stale If-Match", Method: "POST", URL: seedURL + "/review", Token: "district", Status: 412, Body: `{"decision":"accept"}`, Headers: map[string]string{"If-Match": `"9.9"`}},
		{Name: "the district returns it", Method: "POST", URL: seedURL + "/review", Token: "district", Body: returnBody, Status: 200,
			Contains: []string{`"status":"returned"`, `"review":{"decision":"return","comment":"Đề nghị bổ sung số và ngày ban hành báo cáo."`, `"reviewed_by":"test district"`, `"revision":1}`}},
		{Name: "returning again is a no-op", Method: "POST", URL: seedURL + "/review", Token: "district", Body: returnBody, Status: 200, Contains: []string{`"status":"returned"`}},
	})
	if n := reported(""); n != 0 {
		t.Errorf("a returned report counts: %d", n)
	}
	env.Run(t, []apitest.Scenario{
		{Name: "the commune reads the comment", URL: seedURL, Token: "commune", Status: 200, Contains: []string{"bổ sung số và ngày"},
			Check: func(t *testing.T, r *apitest.Response) { etag = r.Header.Get("ETag") }},
		{Name: "completeness says returned", URL: "/api/v1/completeness?unit=167&period=2024", Token: "district", Status: 200,
			Contains: []string{`"returned":1`, `"code":"05596","name":"Xã Bộc Nhiêu","status":"returned"`}},
		{Name: "the commune amends it", Method: "PUT", URL: seedURL, Token: "commune", Body: apitest.Body(t, amended), Status: 201,
			Contains: []string{`"revision":2`, `"status":"submitted"`}, NotContains: []string{"document_number_missing"}},
	})
	if n := reported(""); n != 1 {
		t.Errorf("the amended report does not count: %d", n)
	}
	if n := reported("status=accepted"); n != 0 {
		t.Errorf("nothing is accepted yet, but %d", n)
	}
	env.Run(t, []apitest.Scenario{
		{Name: "a review with the ETag of before the amendment", Method: "POST", URL: seedURL + "/review", Token: "district", Status: 412,
			Body: `{"decision":"accept"}`, Headers: map[string]string{"If-Match": etag}},
		{Name: "the district accepts it", Method: "POST", URL: seedURL + "/review", Token: "district", Status: 200,
			Body: `{"decision":"accept","comment":"Đã tiếp nhận."}`, Contains: []string{`"status":"accepted"`, `"decision":"accept"`, `"revision":2}`}},
		{Name: "locked for the commune", Method: "PUT", URL: seedURL, Token: "commune", Body: seed, Status: 409, Contains: []string{"accepted and locked"}},
		{Name: "and for the district", Method: "POST", URL: "/api/v1/reports", Token: "district", Body: seed, Status: 409},
		{Name: "and for a dry run", Method: "POST", URL: "/api/v1/reports?dry_run=true", Token: "commune", Body: seed, Status: 409},
		{Name: "history shows each revision's fate", URL: seedURL + "/revisions", Token: "commune", Status: 200, Check: func(t *testing.T, r *apitest.Response) {
			var l models.RevisionList
			r.JSON(t, &l)
			if len(l.Items) != 2 || l.Items[0].Status != "returned" || l.Items[1].Status != "accepted" {
				t.Errorf("%+v", l.Items)
			}
		}},
	})
	if n := reported("status=accepted"); n != 1 {
		t.Errorf("the accepted report is not counted as accepted: %d", n)
	}
	env.Run(t, []apitest.Scenario{
		{Name: "the district reopens it", Method: "POST", URL: seedURL + "/review", Token: "district", Status: 200,
			Body: `{"decision":"return","comment":"Mở lại để bổ sung số liệu lao động."}`, Contains: []string{`"status":"returned"`}},
		{Name: "the commune may submit again", Method: "PUT", URL: seedURL, Token: "commune", Body: seed, Status: 201, Contains: []string{`"revision":3`}},
	})
	if err := env.Store.CheckTotals(t.Context()); err != nil {
		t.Error(err)
	}

	// The audit trail, newest first: who, what, before and after.
	res := env.Do(t, "GET", "/api/v1/audit?unit=05596&period=2024", "district", "", nil)
	var l models.AuditList
	res.JSON(t, &l)
	var got []string
	for _, e := range l.Items {
		got = append(got, fmt.Sprintf("%s:%s:%d", e.Action, e.Role, *e.Revision))
	}
	want := []string{"report.submit:commune:3", "report.review:district:2", "report.review:district:2", "report.submit:commune:2", "report.review:district:1", "report.submit:commune:1"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("audit\n got %v\nwant %v", got, want)
	}
	if l.Total != 6 || l.Items[1].Actor != "test district" || l.Items[1].TokenID == nil ||
		!strings.Contains(string(l.Items[1].Detail), `"status":{"from":"accepted","to":"returned"}`) {
		t.Errorf("audit detail: %+v %s", l.Items[1], l.Items[1].Detail)
	}
}

// TestAuditScope: districts read their subtree's trail, communes none, and
// nothing can change it, not even the database's own user.
func TestAuditScope(t *testing.T) {
	env := apitest.New(t)
	submit(t, env, "commune", string(demo.BocNhieu2024))
	submit(t, env, "foreign-commune", report(t, "05431", "2024", nil, nil))
	env.Run(t, []apitest.Scenario{
		{Name: "the district sees its commune", URL: "/api/v1/audit", Token: "district", Status: 200, Contains: []string{`"unit_code":"05596"`}, NotContains: []string{`"unit_code":"05431"`}},
		{Name: "the province sees both", URL: "/api/v1/audit?period=2024", Token: "province", Status: 200, Contains: []string{`"unit_code":"05596"`, `"unit_code":"05431"`}},
		{Name: "admin sees token and unit events too", URL: "/api/v1/audit?per_page=500", Token: "admin", Status: 200, Contains: []string{`"action":"token.create"`, `"action":"units.import"`}},
		{Name: "since filters", URL: "/api/v1/audit?since=2099-01-01T00:00:00Z", Token: "admin", Status: 200, Contains: []string{`"total":0`}},
		{Name: "a commune may not read it", URL: "/api/v1/audit", Token: "commune", Status: 403},
		{Name: "nor a district another's", URL: "/api/v1/audit?unit=164", Token: "district", Status: 403},
		{Name: "bad filters", URL: "/api/v1/audit?since=yesterday&period=x&per_page=0", Token: "admin", Status: 422,
			Contains: []string{`"field":"since"`, `"field":"period"`, `"field":"per_page"`}},
		{Name: "no endpoint deletes it", Method: "DELETE", URL: "/api/v1/audit", Token: "admin", Status: 405},
	})
}

// TestResubmitUnchangedAfterReturn: a returned report submitted again with
// the same body is a new submitted revision (the commune stands by its
// figures); the answer never says returned.
func TestResubmitUnchangedAfterReturn(t *testing.T) {
	env := apitest.New(t)
	seed := string(demo.BocNhieu2024)
	env.Run(t, []apitest.Scenario{
		{Name: "the commune submits", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: seed, Status: 201},
		{Name: "the district returns it", Method: "POST", URL: seedURL + "/review", Token: "district", Status: 200,
			Body: `{"decision":"return","comment":"Đề nghị kiểm tra lại số liệu."}`, Contains: []string{`"status":"returned"`}},
		{Name: "a dry run says what would happen", Method: "POST", URL: "/api/v1/reports?dry_run=true", Token: "commune", Body: seed, Status: 200,
			Contains: []string{`"revision":2`, `"status":"submitted"`, `"dry_run":true`}, NotContains: []string{"returned"}},
		{Name: "the same body again is a new revision", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: seed, Status: 201,
			Contains: []string{`"revision":2`, `"status":"submitted"`}, NotContains: []string{"returned"},
			Check: func(t *testing.T, r *apitest.Response) {
				if r.Header.Get("Location") != seedURL {
					t.Errorf("Location %q", r.Header.Get("Location"))
				}
			}},
		{Name: "and once submitted, the same body again is unchanged", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: seed, Status: 200,
			Contains: []string{`"revision":2`, `"status":"submitted"`}},
		{Name: "the report reads submitted", URL: seedURL, Token: "district", Status: 200, Contains: []string{`"status":"submitted"`, `"revision":2`}},
	})
	if n := rollup(t, env, "district", "unit=167&period=2024").CommunesReported; n != 1 {
		t.Errorf("the resubmitted report does not count: %d", n)
	}
	if err := env.Store.CheckTotals(t.Context()); err != nil {
		t.Error(err)
	}
}
