package store_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"doingoai/demo"
	"doingoai/internal/testenv"
	"doingoai/models"
	"doingoai/store"
)

// TestWarningsOfEarlierReleasesGivenParams: warnings stored by the
// releases before params (a code and an English message) are given their
// params once at start-up, so the pages show them in Vietnamese with their
// figures: the validator's from the validator run again on the stored
// body, the outlier's from its own message; one that cannot be given any
// stays as it was, and a second start changes nothing.
func TestWarningsOfEarlierReleasesGivenParams(t *testing.T) {
	clock := testenv.NewClock(time.Date(2025, 1, 10, 3, 0, 0, 0, time.UTC))
	db := testenv.NewDB(t)
	s := testenv.OpenDB(t, db, clock)
	testenv.LoadDinhHoa(t, s)
	var rep models.Report
	if err := models.DecodeJSON(demo.BocNhieu2024, &rep, nil); err != nil {
		t.Fatal(err)
	}
	members := int64(5000)
	rep.Profile.PartyMembers = &members
	var p models.Problems
	checked := models.CheckReport(&rep, s.Now(), &p)
	body, hash, err := rep.Canonical()
	if err != nil || p.Len() > 0 {
		t.Fatal(err, p.List())
	}
	tr, err := s.Tree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	unit := tr.ByCode("05596")
	if _, err := s.Submit(ctx, &store.Submission{Principal: models.CommandLine, Unit: unit, Period: "2024", Status: rep.Status,
		Body: body, Hash: hash, Warnings: checked, Figures: models.FiguresOf(&rep)}); err != nil {
		t.Fatal(err)
	}

	// As the releases before params stored them: the validator's warnings
	// without params, an outlier as its old message wrote it, and one
	// whose message is not of that form.
	var old []models.Warning
	for _, w := range checked {
		old = append(old, models.Warning{Field: w.Field, Code: w.Code, Message: w.Message})
	}
	old = append(old,
		models.Warning{Field: "delegations.inbound_domestic.count", Code: models.WarnOutlier,
			Message: "delegations_in_domestic is 1,200, more than ten times the 6 reported for 2023S2"},
		models.Warning{Field: "delegations.outbound.count", Code: models.WarnOutlier, Message: "delegations_out jumped"})
	js, err := json.Marshal(old)
	if err != nil {
		t.Fatal(err)
	}
	// The database as a release before the upgrade steps (00019) left it.
	if err := s.MigrateDownTo(ctx, 18); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"UPDATE revisions SET warnings = ?", "UPDATE reports SET warnings = ?"} {
		if err := store.ExecSQL(ctx, s, q, string(js)); err != nil {
			t.Fatal(err)
		}
	}
	before, _, err := s.GetReport(ctx, unit, "2024")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range before.Warnings {
		if w.Code == models.WarnPoorRate && w.Vietnamese() != w.Message {
			t.Fatalf("stored without params, %s shows %q; want its English, as the pages did before this step", w.Code, w.Vietnamese())
		}
	}

	// A server of this release starts on it.
	var log bytes.Buffer
	s2 := testenv.OpenDBWith(t, db, store.Options{Clock: clock.Now, Logger: slog.New(slog.NewTextHandler(&log, nil))})
	if w := fmt.Sprintf("given=%d left_in_english=1", len(checked)-countNoParams(checked)+1); !strings.Contains(log.String(), w) {
		t.Errorf("the start-up log says %q; want %s", log.String(), w)
	}
	want := map[string]string{
		models.WarnPoorRate:     "Tỷ lệ hộ nghèo ghi 5,03% khác với 60 hộ nghèo / 1.169 hộ × 100 = 5,13%.",
		models.WarnPartyMembers: "Số đảng viên (5.000) nhiều hơn dân số (4.456 người).",
	}
	for _, w := range checked {
		if want[w.Code] == "" {
			want[w.Code] = w.Vietnamese()
		}
	}
	view, _, err := s2.GetReport(ctx, unit, "2024")
	if err != nil {
		t.Fatal(err)
	}
	revision, err := s2.GetRevision(ctx, unit, "2024", 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, ws := range [][]models.Warning{view.Warnings, revision.Warnings} {
		if len(ws) != len(checked)+2 {
			t.Fatalf("%d warnings read back, want %d", len(ws), len(checked)+2)
		}
		for i, w := range ws[:len(checked)] {
			if got := w.Vietnamese(); got != want[w.Code] || w.Field != checked[i].Field {
				t.Errorf("%s at %s shows %q; want %q", w.Code, w.Field, got, want[w.Code])
			}
		}
		if got, want := ws[len(checked)].Vietnamese(), "Số 1.200 lớn hơn mười lần số 6 đã báo cáo 6 tháng cuối năm 2023; xin kiểm tra lại."; got != want {
			t.Errorf("the outlier shows %q; want %q", got, want)
		}
		if w := ws[len(checked)+1]; w.Params != nil || w.Vietnamese() != "delegations_out jumped" {
			t.Errorf("the outlier whose message cannot be read became %+v; want it as stored", w)
		}
	}
	for _, c := range []string{models.WarnPoorRate, models.WarnPartyMembers} {
		if !hasCode(checked, c) {
			t.Fatalf("the report has no %s warning (%v); the test needs one", c, checked)
		}
	}

	// Started again: nothing changes.
	stored, err := store.QueryStrings(ctx, s2, "SELECT warnings FROM revisions UNION ALL SELECT warnings FROM reports")
	if err != nil {
		t.Fatal(err)
	}
	log.Reset()
	s3 := testenv.OpenDBWith(t, db, store.Options{Clock: clock.Now, Logger: slog.New(slog.NewTextHandler(&log, nil))})
	if strings.Contains(log.String(), "given=") {
		t.Errorf("started again, the step ran again: %s", log.String())
	}
	again, err := store.QueryStrings(ctx, s3, "SELECT warnings FROM revisions UNION ALL SELECT warnings FROM reports")
	if err != nil {
		t.Fatal(err)
	}
	if a, b := js2(t, stored), js2(t, again); a != b {
		t.Errorf("run again, the stored warnings changed:\n%s\n%s", a, b)
	}
}

func hasCode(ws []models.Warning, code string) bool {
	for _, w := range ws {
		if w.Code == code {
			return true
		}
	}
	return false
}

func js2(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// countNoParams counts the warnings whose words name no figure.
func countNoParams(ws []models.Warning) int {
	n := 0
	for _, w := range ws {
		if models.Filled(w.Code, nil) {
			n++
		}
	}
	return n
}
