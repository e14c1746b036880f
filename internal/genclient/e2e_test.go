//go:build genclient

package genclient

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

// The end-to-end test of the generated client: against a running server
// (DOINGOAI_URL) holding the Định Hóa units, with a commune token for Bộc
// Nhiêu (05596) and a district token for Định Hóa (167), it submits the Bộc
// Nhiêu 2024 report, reads it back, and reads a rollup and completeness —
// through the generated code only. .ci/openapi starts the server and makes
// the tokens.

func env(t *testing.T, name string) string {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		t.Skipf("%s is not set: run .ci/openapi, which starts a server", name)
	}
	return v
}

func client(t *testing.T, tokenVar string) *ClientWithResponses {
	t.Helper()
	token := env(t, tokenVar)
	c, err := NewClientWithResponses(env(t, "DOINGOAI_URL"), WithRequestEditorFn(func(_ context.Context, r *http.Request) error {
		r.Header.Set("Authorization", "Bearer "+token)
		return nil
	}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func seed(t *testing.T) ModelsReport {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "demo", "boc-nhieu-2024.json"))
	if err != nil {
		t.Fatal(err)
	}
	var r ModelsReport
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("the generated ModelsReport cannot hold the example report: %v", err)
	}
	return r
}

func ptr[T any](v T) *T { return &v }

func TestGeneratedClient(t *testing.T) {
	ctx := context.Background()
	commune, district := client(t, "DOINGOAI_COMMUNE_TOKEN"), client(t, "DOINGOAI_DISTRICT_TOKEN")
	report := seed(t)

	// Submit the example: 201, revision 1, the seed's five warnings.
	sub, err := commune.SubmitReportWithResponse(ctx, &SubmitReportParams{IdempotencyKey: ptr("e2e-boc-nhieu-2024")}, report)
	if err != nil {
		t.Fatal(err)
	}
	if sub.StatusCode() != http.StatusCreated || sub.JSON201 == nil {
		t.Fatalf("submit: %d %s", sub.StatusCode(), sub.Body)
	}
	if got := sub.JSON201; got.UnitCode != "05596" || got.Period != "2024" || got.Revision != 1 || got.Status != ModelsSubmitResultStatusSubmitted || len(got.Warnings) != 5 {
		t.Errorf("submit answered %+v", *got)
	}
	if loc := sub.HTTPResponse.Header.Get("Location"); loc != "/api/v1/reports/05596/2024" {
		t.Errorf("Location %q", loc)
	}

	// The same report again: 200, the same revision.
	again, err := commune.SubmitReportWithResponse(ctx, &SubmitReportParams{}, report)
	if err != nil {
		t.Fatal(err)
	}
	if again.StatusCode() != http.StatusOK || again.JSON200 == nil || again.JSON200.Revision != 1 {
		t.Errorf("resubmit: %d %s", again.StatusCode(), again.Body)
	}

	// An impossible figure: 422, a problem naming the field.
	bad := seed(t)
	bad.Delegations.InboundForeign.Count = ptr(-1)
	rej, err := commune.SubmitReportWithResponse(ctx, &SubmitReportParams{}, bad)
	if err != nil {
		t.Fatal(err)
	}
	if p := rej.ApplicationproblemJSON422; rej.StatusCode() != http.StatusUnprocessableEntity || p == nil || p.Code != ModelsProblemCodeInvalid ||
		p.Errors == nil || len(*p.Errors) == 0 || (*p.Errors)[0].Field != "delegations.inbound_foreign.count" {
		t.Errorf("an invalid report: %d %s", rej.StatusCode(), rej.Body)
	}

	// Read it back.
	got, err := commune.GetReportWithResponse(ctx, "05596", "2024", &GetReportParams{})
	if err != nil {
		t.Fatal(err)
	}
	if got.StatusCode() != http.StatusOK || got.JSON200 == nil {
		t.Fatalf("read back: %d %s", got.StatusCode(), got.Body)
	}
	v := got.JSON200
	if v.Revision != 1 || v.Status != ModelsReportViewStatusSubmitted || len(v.Warnings) != 5 || v.UnitCode != "05596" {
		t.Errorf("read back: revision %d, status %s, %d warnings", v.Revision, v.Status, len(v.Warnings))
	}
	if v.Profile == nil || v.Profile.Households == nil || *v.Profile.Households != 1169 || v.Profile.AreaHa == nil || *v.Profile.AreaHa != 2690.67 {
		t.Errorf("read back: profile %+v", v.Profile)
	}
	if v.Consular == nil || v.Consular.CitizensExited != nil || v.Consular.ForeignResidents == nil || *v.Consular.ForeignResidents != 0 {
		t.Errorf("read back: null and zero are not kept apart: %+v", v.Consular)
	}
	if v.Delegations == nil || v.Delegations.InboundDomestic == nil || v.Delegations.InboundDomestic.Count == nil || *v.Delegations.InboundDomestic.Count != 6 {
		t.Errorf("read back: delegations %+v", v.Delegations)
	}

	// The district's rollup: the seed's row.
	roll, err := district.GetRollupWithResponse(ctx, &GetRollupParams{Unit: "167", Period: ptr("2024"), By: ptr(Child)})
	if err != nil {
		t.Fatal(err)
	}
	if roll.StatusCode() != http.StatusOK || roll.JSON200 == nil {
		t.Fatalf("rollup: %d %s", roll.StatusCode(), roll.Body)
	}
	r := roll.JSON200
	if r.Unit.Code != "167" || r.Period != "2024" || r.CommunesReported != 1 || r.CommunesExpected < 20 {
		t.Errorf("rollup: %+v", r)
	}
	values := map[string]ModelsIndicatorValue{}
	for _, iv := range r.Indicators {
		values[iv.Code] = iv
	}
	for code, want := range map[string]float64{"delegations_in_domestic": 6, "households": 1169, "population": 4456, "poor_households": 60, "poverty_rate_pct": 5.13, "delegations_in_foreign": 0} {
		if iv, ok := values[code]; !ok || iv.Value == nil || *iv.Value != want || iv.Reporting != 1 {
			t.Errorf("rollup %s: %+v, want %v", code, iv, want)
		}
	}
	if iv := values["citizens_exited"]; iv.Value != nil || iv.Reporting != 0 {
		t.Errorf("rollup citizens_exited: %+v, want null from no commune", iv)
	}
	if r.Breakdown == nil || len(*r.Breakdown) != r.CommunesExpected {
		t.Errorf("rollup by child: %v rows for %d communes", r.Breakdown, r.CommunesExpected)
	}

	// Completeness: Bộc Nhiêu has reported, the others not.
	comp, err := district.GetCompletenessWithResponse(ctx, &GetCompletenessParams{Unit: "167", Period: "2024"})
	if err != nil {
		t.Fatal(err)
	}
	if comp.StatusCode() != http.StatusOK || comp.JSON200 == nil {
		t.Fatalf("completeness: %d %s", comp.StatusCode(), comp.Body)
	}
	c := comp.JSON200
	if c.Reported != 1 || c.Missing != c.Expected-1 || len(c.Units) != c.Expected {
		t.Errorf("completeness: reported %d, missing %d of %d", c.Reported, c.Missing, c.Expected)
	}
	for _, u := range c.Units {
		want := ModelsCompletenessUnitStatusMissing
		if u.Code == "05596" {
			want = ModelsCompletenessUnitStatusSubmitted
		}
		if u.Status != want {
			t.Errorf("completeness of %s: %s, want %s", u.Code, u.Status, want)
		}
	}

	// A commune reads no totals: 403, as a problem.
	forbidden, err := commune.GetCompletenessWithResponse(ctx, &GetCompletenessParams{Unit: "167", Period: "2024"})
	if err != nil {
		t.Fatal(err)
	}
	if forbidden.StatusCode() != http.StatusForbidden || forbidden.ApplicationproblemJSON403 == nil {
		t.Errorf("completeness as a commune: %d %s", forbidden.StatusCode(), forbidden.Body)
	}
}
