package app_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"doingoai/app"
	"doingoai/demo"
	"doingoai/internal/testenv"
	"doingoai/models"
)

// TestSubmitOutcomes: the use case says what a submission did — checked
// (a dry run, nothing stored), created, replayed for the same key, and
// unchanged for the same report without one — and refuses a key reused
// for another request.
func TestSubmitOutcomes(t *testing.T) {
	ctx := context.Background()
	s := testenv.Open(t, nil)
	testenv.LoadDinhHoa(t, s)
	rs := app.Reports{Store: s}
	p := models.CommandLine
	req := app.SubmitRequest{UnitCode: "05596", Period: "2024", Body: demo.BocNhieu2024, Route: "PUT /api/v1/reports/05596/2024"}
	submit := func(name string, r app.SubmitRequest, want app.Outcome, wantNew bool) app.Submitted {
		t.Helper()
		out, err := rs.Submit(ctx, p, r)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if out.Outcome != want || out.New != wantNew || out.Result.UnitCode != "05596" || out.Result.Period != "2024" {
			t.Fatalf("%s: outcome %d new %v (%s %s), want %d new %v", name, out.Outcome, out.New, out.Result.UnitCode, out.Result.Period, want, wantNew)
		}
		return out
	}

	dry := req
	dry.DryRun = true
	if out := submit("dry run", dry, app.Checked, false); !out.Result.DryRun || out.ETag != "" {
		t.Errorf("dry run: %+v", out)
	}
	keyed := req
	keyed.IdempotencyKey = "k1"
	first := submit("first", keyed, app.Created, true)
	if first.Result.Revision != 1 || first.ETag == "" {
		t.Errorf("the first submission (the dry run stored nothing): revision %d, ETag %q", first.Result.Revision, first.ETag)
	}
	again := submit("the same key", keyed, app.Replayed, true)
	a, _ := json.Marshal(first.Result)
	b, _ := json.Marshal(again.Result)
	if string(a) != string(b) || again.ETag != first.ETag {
		t.Errorf("replayed %s %s, first %s %s", b, again.ETag, a, first.ETag)
	}
	if out := submit("no key", req, app.Unchanged, false); out.Result.Revision != 1 || out.ETag != first.ETag {
		t.Errorf("unchanged: revision %d, ETag %q", out.Result.Revision, out.ETag)
	}
	other := keyed
	other.Route = "POST /api/v1/reports"
	if _, err := rs.Submit(ctx, p, other); !errors.Is(err, models.ErrKeyReused) {
		t.Errorf("the key with another request: %v, want %v", err, models.ErrKeyReused)
	}
}
