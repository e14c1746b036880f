package handlers_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/unicode/norm"

	"doingoai/demo"
	"doingoai/internal/apitest"
	"doingoai/models"
)

const seedURL = "/api/v1/reports/05596/2024"

// TestSeedAcceptedAndReadBack: the Bộc Nhiêu report is accepted as it is,
// with exactly its five warnings, and reads back field for field.
func TestSeedAcceptedAndReadBack(t *testing.T) {
	env := apitest.New(t)
	res := env.Do(t, "POST", "/api/v1/reports", "commune", string(demo.BocNhieu2024), nil)
	if res.Status != 201 {
		t.Fatalf("status %d: %s", res.Status, res.Body)
	}
	if res.Header.Get("Location") != seedURL || res.Header.Get("ETag") == "" {
		t.Errorf("Location %q, ETag %q", res.Header.Get("Location"), res.Header.Get("ETag"))
	}
	var out models.SubmitResult
	res.JSON(t, &out)
	if out.UnitCode != "05596" || out.Period != "2024" || out.Revision != 1 || out.Status != "submitted" || out.SubmittedAt.IsZero() {
		t.Errorf("%+v", out)
	}
	want := map[string]string{
		"profile.poor_households_rate_pct":      models.WarnPoorRate,
		"profile.near_poor_households_rate_pct": models.WarnNearPoorRate,
		"profile.ethnic_groups":                 models.WarnEthnicShares,
		"document.number":                       models.WarnNoNumber,
		"document.issued_on":                    models.WarnNoDate,
	}
	got := map[string]string{}
	for _, w := range out.Warnings {
		got[w.Field] = w.Code
		if w.Message == "" {
			t.Errorf("warning %s has no message", w.Field)
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("warnings %v, want exactly %v", got, want)
	}
	for _, w := range out.Warnings {
		if w.Code == models.WarnPoorRate && !strings.Contains(w.Message, "5.13%") {
			t.Errorf("the poor-rate warning should give the computed 5.13%%: %s", w.Message)
		}
	}

	get := env.Do(t, "GET", seedURL, "commune", "", nil)
	if get.Status != 200 || get.Header.Get("ETag") != res.Header.Get("ETag") {
		t.Fatalf("GET %d, ETag %q", get.Status, get.Header.Get("ETag"))
	}
	apitest.Subset(t, "report", apitest.DecodeNumbers(t, demo.BocNhieu2024), apitest.DecodeNumbers(t, get.Body))
	for _, s := range []string{`"area_ha":2690.67`, `"citizens_exited":null`, `"labor_export_workers":null`, `"number":null`,
		`"share_pct":0.2`, `"near_poor_households_rate_pct":3.6`, `"revision":1`, `"status":"submitted"`, `"warnings":[{`} {
		if !strings.Contains(string(get.Body), s) {
			t.Errorf("GET lacks %s", s)
		}
	}

	// The figures rollups will add: null stays null, the rest as reported.
	// They are read as 2025's previous figures, the ones the outlier check
	// compares with.
	tr, _ := env.Store.Tree(t.Context())
	next, _ := models.ParsePeriod("2025")
	figs, err := env.Store.PreviousFigures(t.Context(), tr.ByCode("05596"), next)
	if err != nil || figs == nil {
		t.Fatalf("the stored figures of 05596 for 2024: %v, %v", figs, err)
	}
	for m := models.Measure(0); m < models.NumMeasures; m++ {
		info := models.Measures[m]
		v, ok := figs.Get(m)
		switch {
		case m == models.MCitizensExited || m == models.MLaborExportWorkers:
			if ok {
				t.Errorf("%s = %d, want null (not reported)", info.Code, v)
			}
		case m == models.MDelegationsInDomestic:
			if v != 6 || !ok {
				t.Errorf("%s = %d, want 6", info.Code, v)
			}
		case info.Counted:
			if v != 0 || !ok {
				t.Errorf("%s = %d (%v), want 0", info.Code, v, ok)
			}
		}
	}
	for m, want := range map[models.Measure]int64{models.MHouseholds: 1169, models.MPopulation: 4456, models.MPoorHouseholds: 60,
		models.MNearPoorHouseholds: 43, models.MIncomePerCapita: 46_000_000, models.MAreaHa: 26_906_700, models.MEthnicMinorityShare: 650_000, models.MPartyMembers: 338} {
		if v, _ := figs.Get(m); v != want {
			t.Errorf("%s = %d, want %d", models.Measures[m].Code, v, want)
		}
	}
}

// TestSeedDocumentAgreesWithJSON reads the figures of the original Word
// report (seeds/…txt, Vietnamese number format) and checks that the stored
// JSON report says the same.
func TestSeedDocumentAgreesWithJSON(t *testing.T) {
	text, err := os.ReadFile("../testdata/bao-cao-doi-ngoai-boc-nhieu-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	env := apitest.New(t)
	if res := env.Do(t, "POST", "/api/v1/reports", "commune", string(demo.BocNhieu2024), nil); res.Status != 201 {
		t.Fatal(res.Status)
	}
	var view models.ReportView
	env.Do(t, "GET", seedURL, "commune", "", nil).JSON(t, &view)
	vn := func(pattern string) string {
		m := regexp.MustCompile(pattern).FindStringSubmatch(string(text))
		if m == nil {
			t.Fatalf("the document has no %q", pattern)
		}
		// 1.169 → 1169; 2.690,67 → 2690.67
		return strings.ReplaceAll(strings.ReplaceAll(m[1], ".", ""), ",", ".")
	}
	p := view.Profile
	for name, c := range map[string]struct{ doc, json string }{
		"households":    {vn(`tổng số ([\d.]+) hộ`), fmt.Sprint(*p.Households)},
		"population":    {vn(`dân số là ([\d.]+) nhân khẩu`), fmt.Sprint(*p.Population)},
		"area":          {vn(`khoảng ([\d.,]+)ha`), p.AreaHa.String()},
		"hamlets":       {vn(`gồm có (\d+) xóm`), fmt.Sprint(*p.Hamlets)},
		"party cells":   {vn(`có (\d+) chi bộ`), fmt.Sprint(*p.PartyCells)},
		"party members": {vn(`Đảng viên là (\d+)`), fmt.Sprint(*p.PartyMembers)},
		"poor":          {vn(`hộ nghèo hiện còn (\d+) hộ`), fmt.Sprint(*p.PoorHouseholds)},
		"poor rate":     {vn(`hộ nghèo hiện còn \d+ hộ = ([\d,]+)%`), p.PoorHouseholdsRatePct.String()},
		"near-poor":     {vn(`cận nghèo hiện còn (\d+) hộ`), fmt.Sprint(*p.NearPoorHouseholds)},
		"minority":      {vn(`thiểu số của xã chiếm (\d+)%`), p.EthnicMinoritySharePct.String()},
		"Tày":           {vn(`Tày ([\d,]+)%`), p.EthnicGroups[0].SharePct.String()},
		"domestic":      {vn(`Đoàn trong nước: (\d+) đoàn`), fmt.Sprint(*view.Delegations.InboundDomestic.Count)},
	} {
		if c.doc != c.json {
			t.Errorf("%s: the document says %s, the stored report %s", name, c.doc, c.json)
		}
	}
	if inc := vn(`đạt (\d+) triệu đồng`); inc+"000000" != fmt.Sprint(*p.IncomePerCapitaVND) {
		t.Errorf("income: document %s million, stored %d", inc, *p.IncomePerCapitaVND)
	}
}

// TestReportValidation: each rule refuses the report with 422, names the
// field, and stores nothing.
func TestReportValidation(t *testing.T) {
	env := apitest.New(t)
	cases := []struct {
		name, field, message string
		change               func(m map[string]any)
	}{
		{"negative count", "delegations.inbound_foreign.count", "negative", func(m map[string]any) { apitest.Obj(m, "delegations", "inbound_foreign")["count"] = -1 }},
		{"count as text", "profile.households", "whole number", func(m map[string]any) { apitest.Obj(m, "profile")["households"] = "1169" }},
		{"fractional count", "profile.households", "whole number", func(m map[string]any) { apitest.Obj(m, "profile")["households"] = 1169.5 }},
		{"percentage over 100", "profile.ethnic_groups[0].share_pct", "between 0 and 100", func(m map[string]any) {
			apitest.Obj(m, "profile")["ethnic_groups"].([]any)[0].(map[string]any)["share_pct"] = 161.31
		}},
		{"negative percentage", "profile.economy_structure_pct.other", "between 0 and 100", func(m map[string]any) { apitest.Obj(m, "profile", "economy_structure_pct")["other"] = -20 }},
		{"percentage with three decimals", "profile.poor_households_rate_pct", "two decimals", func(m map[string]any) { apitest.Obj(m, "profile")["poor_households_rate_pct"] = 5.031 }},
		{"more poor households than households", "profile.poor_households", "more than the 1169 households", func(m map[string]any) { apitest.Obj(m, "profile")["poor_households"] = 2000 }},
		{"more near-poor households than households", "profile.near_poor_households", "more than", func(m map[string]any) { apitest.Obj(m, "profile")["near_poor_households"] = 1200 }},
		{"more households than people", "profile.households", "more than the population", func(m map[string]any) { apitest.Obj(m, "profile")["households"] = 5000 }},
		{"count and items disagree", "international_agreements.count", "2 items", func(m map[string]any) {
			apitest.Obj(m, "international_agreements")["items"] = []any{map[string]any{"title": "A"}, map[string]any{"title": "B"}}
		}},
		{"unknown unit", "unit_code", "no unit has the code 99999", func(m map[string]any) { m["unit_code"] = "99999" }},
		{"not a commune", "unit_code", "district", func(m map[string]any) { m["unit_code"] = "167" }},
		{"malformed unit code", "unit_code", "unit code", func(m map[string]any) { m["unit_code"] = "5596 " }},
		{"missing unit", "unit_code", "required", func(m map[string]any) { delete(m, "unit_code") }},
		{"malformed period", "period", "not a period", func(m map[string]any) { m["period"] = "2024S3" }},
		{"period not begun", "period", "has not begun", func(m map[string]any) { m["period"] = "2025" }},
		{"half year not begun", "period", "has not begun", func(m map[string]any) { m["period"] = "2025S1" }},
		{"invalid date", "document.issued_on", "calendar date", func(m map[string]any) { apitest.Obj(m, "document")["issued_on"] = "2024-02-30" }},
		{"unknown field", "profile.hamlet", "not a known field", func(m map[string]any) { apitest.Obj(m, "profile")["hamlet"] = 11 }},
		{"revision sent", "revision", "given by the service", func(m map[string]any) { m["revision"] = 2 }},
		{"submitted_at sent", "submitted_at", "set by the service", func(m map[string]any) { m["submitted_at"] = "2024-11-25T00:00:00Z" }},
		{"review sent", "review", "district", func(m map[string]any) { m["review"] = map[string]any{"decision": "accept"} }},
		{"status accepted", "status", "district's review", func(m map[string]any) { m["status"] = "accepted" }},
		{"status returned", "status", "district's review", func(m map[string]any) { m["status"] = "returned" }},
		{"unknown status", "status", "draft or submitted", func(m map[string]any) { m["status"] = "final" }},
		{"narrative too long", "delegations.narrative", "20000", func(m map[string]any) { apitest.Obj(m, "delegations")["narrative"] = strings.Repeat("đ", 20_001) }},
		{"too many plan entries", "plan", "at most 100", func(m map[string]any) {
			plan := make([]any, 101)
			for i := range plan {
				plan[i] = "Kế hoạch"
			}
			m["plan"] = plan
		}},
		{"empty difficulty", "difficulties[1]", "empty", func(m map[string]any) { m["difficulties"].([]any)[1] = "" }},
		{"negative aid", "ngo_aid.projects[0].committed_vnd", "negative", func(m map[string]any) {
			apitest.Obj(m, "ngo_aid")["projects"] = []any{map[string]any{"name": "Trường học", "committed_vnd": -1}}
		}},
		{"aid beyond sense", "ngo_aid.projects[0].disbursed_vnd", "cannot be right", func(m map[string]any) {
			apitest.Obj(m, "ngo_aid")["projects"] = []any{map[string]any{"name": "Trường học", "disbursed_vnd": 1e16}}
		}},
		{"aid as float", "ngo_aid.projects[0].committed_vnd", "whole number", func(m map[string]any) {
			apitest.Obj(m, "ngo_aid")["projects"] = []any{map[string]any{"name": "Trường học", "committed_vnd": 1.5}}
		}},
		{"nameless project", "ngo_aid.projects[0].name", "required", func(m map[string]any) {
			apitest.Obj(m, "ngo_aid")["projects"] = []any{map[string]any{"committed_vnd": 100}}
		}},
		{"project ends before it starts", "ngo_aid.projects[0].end_on", "before start_on", func(m map[string]any) {
			apitest.Obj(m, "ngo_aid")["projects"] = []any{map[string]any{"name": "X", "start_on": "2024-05-01", "end_on": "2024-04-30"}}
		}},
		{"items not a list", "delegations.outbound.items", "must be a list", func(m map[string]any) { apitest.Obj(m, "delegations", "outbound")["items"] = "none" }},
		{"section not an object", "consular", "must be an object", func(m map[string]any) { m["consular"] = []any{} }},
		{"control character", "causes[0]", "control characters", func(m map[string]any) { m["causes"].([]any)[0] = "a\x00b" }},
		{"area with five decimals", "profile.area_ha", "4 decimal places", func(m map[string]any) { apitest.Obj(m, "profile")["area_ha"] = json.Number("2690.67001") }},
		{"number with exponent", "profile.area_ha", "exponent", func(m map[string]any) { apitest.Obj(m, "profile")["area_ha"] = json.Number("2.69067e3") }},
		{"count too large for int64", "training.officials_trained", "too large", func(m map[string]any) {
			apitest.Obj(m, "training")["officials_trained"] = json.Number("99999999999999999999")
		}},
	}
	// The code of each problem in errors[]: for programs, as the message is for people.
	codes := map[string]string{
		"negative count": models.FOutOfRange, "count as text": models.FWrongType, "fractional count": models.FWrongType,
		"percentage over 100": models.FOutOfRange, "negative percentage": models.FOutOfRange, "percentage with three decimals": models.FTooPrecise,
		"more poor households than households": models.FInconsistent, "more near-poor households than households": models.FInconsistent,
		"more households than people": models.FInconsistent, "count and items disagree": models.FCountMismatch,
		"unknown unit": models.FUnknownUnit, "not a commune": models.FUnknownUnit, "malformed unit code": models.FBadFormat,
		"missing unit": models.FRequired, "malformed period": models.FBadFormat, "period not begun": models.FOutOfRange,
		"half year not begun": models.FOutOfRange, "invalid date": models.FBadFormat, "unknown field": models.FUnknownField,
		"revision sent": models.FReadOnly, "submitted_at sent": models.FReadOnly, "review sent": models.FReadOnly,
		"status accepted": models.FNotAllowed, "status returned": models.FNotAllowed, "unknown status": models.FNotAllowed,
		"narrative too long": models.FTooLong, "too many plan entries": models.FTooMany, "empty difficulty": models.FRequired,
		"negative aid": models.FOutOfRange, "aid beyond sense": models.FOutOfRange, "aid as float": models.FWrongType,
		"nameless project": models.FRequired, "project ends before it starts": models.FDateOrder, "items not a list": models.FWrongType,
		"section not an object": models.FWrongType, "control character": models.FBadText, "area with five decimals": models.FBadFormat,
		"number with exponent": models.FBadFormat, "count too large for int64": models.FOutOfRange,
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := apitest.Seed(t)
			c.change(m)
			res := env.Do(t, "POST", "/api/v1/reports", "admin", apitest.Body(t, m), nil)
			if res.Status != 422 {
				t.Fatalf("status %d, want 422: %s", res.Status, res.Body)
			}
			var p models.Problem
			res.JSON(t, &p)
			found := false
			for _, f := range p.Errors {
				if f.Field == c.field && strings.Contains(f.Message, c.message) {
					found = true
					if want := codes[c.name]; f.Code != want {
						t.Errorf("the problem at %s has the code %q, want %q", f.Field, f.Code, want)
					}
				}
			}
			if !found {
				t.Errorf("no problem at %s mentioning %q: %+v", c.field, c.message, p.Errors)
			}
		})
	}
	// Nothing of any of them was stored.
	if res := env.Do(t, "GET", "/api/v1/reports", "admin", "", nil); !strings.Contains(string(res.Body), `"total":0`) {
		t.Errorf("refused reports were stored: %s", res.Body)
	}
	if res := env.Do(t, "GET", seedURL, "admin", "", nil); res.Status != 404 {
		t.Errorf("GET after refusals: %d", res.Status)
	}
}

// TestEveryProblemAtOnce: one body with many errors gets all of them.
func TestEveryProblemAtOnce(t *testing.T) {
	env := apitest.New(t)
	m := apitest.Seed(t)
	apitest.Obj(m, "delegations", "inbound_foreign")["count"] = -1
	apitest.Obj(m, "profile")["households"] = "many"
	apitest.Obj(m, "profile")["poor_households_rate_pct"] = 150
	apitest.Obj(m, "ngo_aid")["projects"] = []any{map[string]any{"name": "A"}, map[string]any{"name": "B"}, map[string]any{"name": "C", "committed_vnd": -5}}
	apitest.Obj(m, "document")["issued_on"] = "2024-13-01"
	m["revision"] = 4
	m["nope"] = true
	res := env.Do(t, "POST", "/api/v1/reports", "commune", apitest.Body(t, m), nil)
	var p models.Problem
	res.JSON(t, &p)
	var fields []string
	for _, f := range p.Errors {
		fields = append(fields, f.Field)
	}
	for _, want := range []string{"delegations.inbound_foreign.count", "profile.households", "profile.poor_households_rate_pct",
		"ngo_aid.projects[2].committed_vnd", "document.issued_on", "revision", "nope"} {
		if !slices.Contains(fields, want) {
			t.Errorf("missing %s in %v", want, fields)
		}
	}
	if slices.Contains(fields, "profile.poor_households") {
		t.Errorf("households was wrong, so the poor-households check must not fire too: %v", fields)
	}
}

func TestResubmitAmendAndHistory(t *testing.T) {
	env := apitest.New(t)
	seed := string(demo.BocNhieu2024)
	amended := apitest.Seed(t)
	apitest.Obj(amended, "delegations", "inbound_domestic")["count"] = 7
	var etag1 string
	env.Run(t, []apitest.Scenario{
		{Name: "first submission", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: seed, Status: 201, Contains: []string{`"revision":1`},
			Check: func(t *testing.T, r *apitest.Response) { etag1 = r.Header.Get("ETag") }},
		{Name: "identical again", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: seed, Status: 200, Contains: []string{`"revision":1`},
			Check: func(t *testing.T, r *apitest.Response) {
				if r.Header.Get("ETag") != etag1 {
					t.Errorf("ETag changed: %s → %s", etag1, r.Header.Get("ETag"))
				}
			}},
		{Name: "identical by PUT", Method: "PUT", URL: seedURL, Token: "commune", Body: seed, Status: 200, Contains: []string{`"revision":1`}},
		{Name: "stale If-Match", Method: "PUT", URL: seedURL, Token: "commune", Body: apitest.Body(t, amended), Headers: map[string]string{"If-Match": `"0.0"`}, Status: 412},
		{Name: "amendment", Method: "PUT", URL: seedURL, Token: "commune", Body: apitest.Body(t, amended), Status: 201, Contains: []string{`"revision":2`}},
		{Name: "body disagrees with path", Method: "PUT", URL: "/api/v1/reports/05596/2024S2", Token: "commune", Body: seed, Status: 422, Contains: []string{`"field":"period"`}},
		{Name: "current is revision 2", URL: seedURL, Token: "commune", Status: 200, Contains: []string{`"revision":2`, `"inbound_domestic":{"count":7`}},
		{Name: "history", URL: seedURL + "/revisions", Token: "commune", Status: 200, Check: func(t *testing.T, r *apitest.Response) {
			var l models.RevisionList
			r.JSON(t, &l)
			if len(l.Items) != 2 || l.Items[0].Revision != 1 || l.Items[1].Revision != 2 || l.Items[1].SubmittedBy != "test commune" || l.Items[0].Warnings != 5 {
				t.Errorf("%+v", l.Items)
			}
		}},
		{Name: "revision 1 kept whole", URL: seedURL + "/revisions/1", Token: "commune", Status: 200, Contains: []string{`"revision":1`, `"inbound_domestic":{"count":6`}},
		{Name: "no revision 3", URL: seedURL + "/revisions/3", Token: "commune", Status: 404},
		{Name: "not a revision number", URL: seedURL + "/revisions/x", Token: "commune", Status: 404},
		{Name: "If-Match on a report that does not exist", Method: "PUT", URL: "/api/v1/reports/05599/2024", Token: "admin",
			Body: strings.Replace(seed, `"05596"`, `"05599"`, 1), Headers: map[string]string{"If-Match": `"1.1"`}, Status: 412},
		{Name: "If-None-Match", URL: seedURL, Token: "commune", Headers: map[string]string{"If-None-Match": `"2.2"`}, Status: 304},
		{Name: "no report for another period", URL: "/api/v1/reports/05596/2023", Token: "commune", Status: 404},
		{Name: "malformed period in path", URL: "/api/v1/reports/05596/20x4", Token: "commune", Status: 404},
		{Name: "listing", URL: "/api/v1/reports?parent=167&period=2024&status=submitted", Token: "district", Status: 200,
			Contains: []string{`"total":1`, `"unit_code":"05596"`, `"unit_name":"Xã Bộc Nhiêu"`, `"revision":2`}},
		{Name: "listing, bad filters", URL: "/api/v1/reports?period=24&status=done&per_page=501", Token: "district", Status: 422,
			Contains: []string{`"field":"period"`, `"field":"status"`, `"field":"per_page"`}},
	})
}

func TestDraftsAndDryRun(t *testing.T) {
	env := apitest.New(t)
	draft := apitest.Seed(t)
	draft["status"] = "draft"
	env.Run(t, []apitest.Scenario{
		{Name: "dry run stores nothing", Method: "POST", URL: "/api/v1/reports?dry_run=true", Token: "commune", Body: string(demo.BocNhieu2024), Status: 200,
			Contains: []string{`"dry_run":true`, `"revision":1`, `"code":"poor_rate_mismatch"`}},
		{Name: "nothing stored", URL: seedURL, Token: "commune", Status: 404},
		{Name: "dry run of a bad report", Method: "POST", URL: "/api/v1/reports?dry_run=true", Token: "commune", Body: `{"unit_code":"05596","period":"2024","profile":{"households":-1}}`, Status: 422},
		{Name: "bad dry_run", Method: "POST", URL: "/api/v1/reports?dry_run=maybe", Token: "commune", Body: string(demo.BocNhieu2024), Status: 422},
		{Name: "draft: no warnings about a missing number", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: apitest.Body(t, draft), Status: 201,
			Contains: []string{`"status":"draft"`}, NotContains: []string{"document_number_missing"}},
		{Name: "a draft is not first submitted", URL: seedURL, Token: "commune", Status: 200, Contains: []string{`"first_submitted_at":null`, `"status":"draft"`}},
		{Name: "submit", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: string(demo.BocNhieu2024), Status: 201,
			Contains: []string{`"revision":2`, `"status":"submitted"`}},
		{Name: "a draft cannot replace a submission", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: apitest.Body(t, draft), Status: 409},
		{Name: "dry run of the same draft says so too", Method: "POST", URL: "/api/v1/reports?dry_run=1", Token: "commune", Body: apitest.Body(t, draft), Status: 409},
	})
}

func TestReportScope(t *testing.T) {
	env := apitest.New(t)
	seed := string(demo.BocNhieu2024)
	env.Run(t, []apitest.Scenario{
		{Name: "another commune may not submit", Method: "POST", URL: "/api/v1/reports", Token: "other-commune", Body: seed, Status: 403},
		{Name: "a district of elsewhere may not", Method: "POST", URL: "/api/v1/reports", Token: "other-district", Body: seed, Status: 403},
		{Name: "out of scope comes before invalid", Method: "POST", URL: "/api/v1/reports", Token: "other-commune",
			Body: `{"unit_code":"05596","period":"2024","profile":{"households":-1}}`, Status: 403},
		{Name: "the district submits on the commune's behalf", Method: "POST", URL: "/api/v1/reports", Token: "district", Body: seed, Status: 201},
		{Name: "recorded as such", URL: seedURL + "/revisions", Token: "commune", Status: 200, Contains: []string{`"role":"district"`, `"submitted_by":"test district"`}},
		{Name: "the province reads it", URL: seedURL, Token: "province", Status: 200},
		{Name: "another commune may not read it", URL: seedURL, Token: "other-commune", Status: 403},
		{Name: "nor a district of elsewhere", URL: seedURL, Token: "other-district", Status: 403},
		{Name: "nor its history", URL: seedURL + "/revisions", Token: "other-district", Status: 403},
		{Name: "a commune lists its own", URL: "/api/v1/reports", Token: "commune", Status: 200, Contains: []string{`"total":1`}},
		{Name: "another commune lists nothing", URL: "/api/v1/reports", Token: "other-commune", Status: 200, Contains: []string{`"total":0`}},
		{Name: "a commune may not list its district", URL: "/api/v1/reports?parent=167", Token: "commune", Status: 403},
		{Name: "a district of elsewhere may not list 167", URL: "/api/v1/reports?parent=167", Token: "other-district", Status: 403},
		{Name: "and its own list is empty", URL: "/api/v1/reports", Token: "other-district", Status: 200, Contains: []string{`"total":0`}},
	})
}

// TestConcurrentAmendments: 50 different versions of one report submitted
// at once become revisions 1 to 50, none lost, none twice.
func TestConcurrentAmendments(t *testing.T) {
	env := apitest.New(t)
	const n = 50
	var wg sync.WaitGroup
	revs := make(chan int, n)
	for i := 0; i < n; i++ {
		m := apitest.Seed(t)
		apitest.Obj(m, "delegations", "inbound_domestic")["count"] = 100 + i
		body := apitest.Body(t, m)
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := env.Do(t, "PUT", seedURL, "commune", body, nil)
			if res.Status != 201 {
				t.Errorf("status %d: %s", res.Status, res.Body)
				return
			}
			var out models.SubmitResult
			res.JSON(t, &out)
			revs <- out.Revision
		}()
	}
	wg.Wait()
	close(revs)
	var got []int
	for r := range revs {
		got = append(got, r)
	}
	slices.Sort(got)
	for i, r := range got {
		if r != i+1 {
			t.Fatalf("revisions %v are not 1..%d", got, n)
		}
	}
	var l models.RevisionList
	env.Do(t, "GET", seedURL+"/revisions", "commune", "", nil).JSON(t, &l)
	if len(l.Items) != n || l.Items[n-1].Revision != n {
		t.Errorf("history has %d revisions", len(l.Items))
	}
}

func TestIdempotencyKey(t *testing.T) {
	env := apitest.New(t)
	seed := string(demo.BocNhieu2024)
	amended := apitest.Seed(t)
	apitest.Obj(amended, "delegations", "inbound_domestic")["count"] = 9
	key := map[string]string{"Idempotency-Key": `"8e03978e-40d5-43e8-bc93-6894a57f9324"`}
	var first []byte
	var firstHeader http.Header
	env.Run(t, []apitest.Scenario{
		{Name: "first", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: seed, Headers: key, Status: 201,
			Check: func(t *testing.T, r *apitest.Response) { first, firstHeader = r.Body, r.Header }},
		{Name: "amend without a key", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: apitest.Body(t, amended), Status: 201, Contains: []string{`"revision":2`}},
		{Name: "retry of the first: its answer again", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: seed, Headers: key, Status: 201,
			Check: func(t *testing.T, r *apitest.Response) {
				if string(r.Body) != string(first) || r.Header.Get("Idempotent-Replayed") != "true" {
					t.Errorf("replay %s, first %s", r.Body, first)
				}
				for _, h := range []string{"ETag", "Location"} {
					if r.Header.Get(h) == "" || r.Header.Get(h) != firstHeader.Get(h) {
						t.Errorf("replayed %s %q, first %q", h, r.Header.Get(h), firstHeader.Get(h))
					}
				}
			}},
		{Name: "a retry of the same report written otherwise (compact, members reordered) is the same request", Method: "POST", URL: "/api/v1/reports",
			Token: "commune", Body: apitest.Body(t, apitest.Seed(t)), Headers: key, Status: 201,
			Check: func(t *testing.T, r *apitest.Response) {
				if string(r.Body) != string(first) || r.Header.Get("Idempotent-Replayed") != "true" {
					t.Errorf("replay %s, first %s", r.Body, first)
				}
			}},
		{Name: "the retry changed nothing", URL: seedURL, Token: "commune", Status: 200, Contains: []string{`"revision":2`, `"count":9`}},
		{Name: "same key, other body", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: apitest.Body(t, amended), Headers: key, Status: 422,
			Contains: []string{`"field":"Idempotency-Key"`, `"code":"idempotency_key_reused"`}},
		{Name: "a refused request", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: `{"unit_code":"05596","period":"2024","profile":{"households":-1}}`,
			Headers: map[string]string{"Idempotency-Key": "refused-first"}, Status: 422},
		{Name: "does not use up its key", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: apitest.Body(t, amended),
			Headers: map[string]string{"Idempotency-Key": "refused-first"}, Status: 200, NotContains: []string{"Idempotency-Key"},
			Check: func(t *testing.T, r *apitest.Response) {
				if r.Header.Get("Idempotent-Replayed") != "" {
					t.Error("the key of a refused request answered a replay")
				}
			}},
		{Name: "keys belong to a token", Method: "POST", URL: "/api/v1/reports", Token: "district", Body: seed, Headers: key, Status: 201, Contains: []string{`"revision":3`}},
		{Name: "a bad key", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: seed, Headers: map[string]string{"Idempotency-Key": "é"}, Status: 422},
	})

	// Many retries at once of one keyed request: one revision, one answer.
	k2 := map[string]string{"Idempotency-Key": "retry-storm"}
	m := apitest.Seed(t)
	apitest.Obj(m, "delegations", "inbound_domestic")["count"] = 11
	body := apitest.Body(t, m)
	var wg sync.WaitGroup
	answers := make(chan string, 20)
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := env.Do(t, "POST", "/api/v1/reports", "commune", body, k2)
			answers <- strconv.Itoa(res.Status) + " " + string(res.Body)
		}()
	}
	wg.Wait()
	close(answers)
	var distinct []string
	for a := range answers {
		if !slices.Contains(distinct, a) {
			distinct = append(distinct, a)
		}
	}
	if len(distinct) != 1 || !strings.HasPrefix(distinct[0], "201 ") || !strings.Contains(distinct[0], `"revision":4`) {
		t.Errorf("concurrent retries got different answers: %v", distinct)
	}
}

// TestNFC: text sent decomposed (as macOS keyboards send it) is stored
// precomposed, and is then identical to the same text sent precomposed.
func TestNFC(t *testing.T) {
	env := apitest.New(t)
	nfd := norm.NFD.String(string(demo.BocNhieu2024))
	if nfd == string(demo.BocNhieu2024) {
		t.Fatal("no decomposed text")
	}
	if res := env.Do(t, "POST", "/api/v1/reports", "commune", nfd, nil); res.Status != 201 {
		t.Fatalf("%d %s", res.Status, res.Body)
	}
	get := env.Do(t, "GET", seedURL, "commune", "", nil)
	if !norm.NFC.IsNormal(get.Body) || !strings.Contains(string(get.Body), `"signer_name":"Lê Đình Ngà"`) {
		t.Errorf("stored text is not NFC: %.200s", get.Body)
	}
	if res := env.Do(t, "POST", "/api/v1/reports", "commune", string(demo.BocNhieu2024), nil); res.Status != http.StatusOK {
		t.Errorf("the precomposed report should be identical to the decomposed one: %d", res.Status)
	}
}

// TestOutlierWarning: a count more than ten times the previous period's and
// above 10 is stored with a warning.
func TestOutlierWarning(t *testing.T) {
	env := apitest.New(t)
	prev := apitest.Seed(t)
	prev["period"] = "2023"
	if res := env.Do(t, "POST", "/api/v1/reports", "commune", apitest.Body(t, prev), nil); res.Status != 201 {
		t.Fatal(res.Status)
	}
	m := apitest.Seed(t)
	apitest.Obj(m, "delegations", "inbound_domestic")["count"] = 61 // 2023: 6
	apitest.Obj(m, "training")["officials_trained"] = 11            // 2023: 0
	apitest.Obj(m, "consular")["foreign_residents"] = 10            // not above 10
	res := env.Do(t, "POST", "/api/v1/reports", "commune", apitest.Body(t, m), nil)
	if res.Status != 201 {
		t.Fatal(res.Status)
	}
	var out models.SubmitResult
	res.JSON(t, &out)
	var outliers []string
	for _, w := range out.Warnings {
		if w.Code == models.WarnOutlier {
			outliers = append(outliers, w.Field)
		}
	}
	if fmt.Sprint(outliers) != "[delegations.inbound_domestic.count training.officials_trained]" {
		t.Errorf("outliers %v", outliers)
	}
}

// BenchmarkSubmit measures submissions through the router on SQLite (or
// TEST_DATABASE_URL): each a changed seed-sized report of one of Định Hóa's
// 23 communes, from concurrent clients.
func BenchmarkSubmit(b *testing.B) {
	env := apitest.New(b)
	tr, _ := env.Store.Tree(b.Context())
	var codes []string
	for _, u := range tr.ByCode("167").Children {
		codes = append(codes, u.Code)
	}
	bodies := make([]string, 1000)
	for i := range bodies {
		m := apitest.Seed(b)
		m["unit_code"] = codes[i%len(codes)]
		apitest.Obj(m, "delegations", "inbound_domestic")["count"] = i
		bodies[i] = apitest.Body(b, m)
	}
	b.SetParallelism(32)
	b.ResetTimer()
	var mu sync.Mutex
	n := 0
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			mu.Lock()
			body := bodies[n%len(bodies)]
			n++
			mu.Unlock()
			res := env.Do(b, "POST", "/api/v1/reports", "admin", body, nil)
			if res.Status != 201 && res.Status != 200 {
				b.Errorf("status %d: %s", res.Status, res.Body)
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
}
