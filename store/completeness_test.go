package store_test

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"doingoai/internal/testenv"
	"doingoai/models"
	"doingoai/store"
)

// TestCompletenessCountsWhatItLists: the counts that the database makes
// (grouped by status and timing, one part of the unit per due date) are
// the tally of the communes the same call lists one by one, for the
// country, a province, districts and a commune, with deadlines nested three
// deep (a commune's own later than its district's), every status, a
// commune retired before the period ended that reported and one created
// after it that did; a count-only call and the pages agree with the whole
// list.
func TestCompletenessCountsWhatItLists(t *testing.T) {
	clock := testenv.NewClock(time.Date(2024, 11, 1, 3, 0, 0, 0, time.UTC))
	s := testenv.Open(t, clock)
	testenv.LoadDinhHoa(t, s)
	for _, in := range []models.UnitInput{
		{Code: "05431", Name: "Phường Quán Triều", Kind: models.KindWard, ParentCode: "164"},
		{Code: "05434", Name: "Phường Quang Vinh", Kind: models.KindWard, ParentCode: "164"},
		{Code: "99001", Name: "Xã Mới Lập", Kind: models.KindCommune, ParentCode: "167", ValidFrom: models.MustDate("2025-01-01")},
	} {
		if _, err := s.CreateUnit(ctx, models.CommandLine, in); err != nil {
			t.Fatal(err)
		}
	}
	tr, _ := s.Tree(ctx)
	c := tr.ByCode("167").Children // 23 communes, and 99001
	for _, d := range []struct{ unit, day string }{{"19", "2024-11-30"}, {"167", "2024-11-25"}, {c[2].Code, "2024-12-10"}} {
		if _, _, err := s.SetDeadline(ctx, models.CommandLine, tr.ByCode(d.unit), "2024", models.DeadlineInput{DueDate: models.MustDate(d.day)}); err != nil {
			t.Fatal(err)
		}
	}
	rng := rand.New(rand.NewPCG(14, 2024))
	submit := func(u *models.TreeUnit, at, status string) {
		t.Helper()
		when, err := time.Parse(time.RFC3339, at)
		if err != nil {
			t.Fatal(err)
		}
		clock.Set(when)
		sub := randomSubmission(s, rng, u, "2024")
		sub.Status = status
		if _, err := s.Submit(ctx, sub); err != nil {
			t.Fatal(err)
		}
	}
	review := func(u *models.TreeUnit, decision string) {
		t.Helper()
		if err := s.Review(ctx, models.CommandLine, u, "2024", models.ReviewInput{Decision: decision, Comment: "Xin bổ sung số liệu."}, ""); err != nil {
			t.Fatal(err)
		}
	}
	submit(c[0], "2024-11-25T16:59:59Z", models.StatusSubmitted) // on time (167's date, Vietnam time)
	submit(c[1], "2024-11-25T17:00:00Z", models.StatusSubmitted) // late
	submit(c[2], "2024-12-01T03:00:00Z", models.StatusSubmitted) // on time by its own date
	submit(c[3], "2024-11-20T03:00:00Z", models.StatusDraft)     // a draft only
	submit(c[4], "2024-11-20T03:00:00Z", models.StatusDraft)     // a draft, then late
	submit(c[4], "2024-11-27T03:00:00Z", models.StatusSubmitted)
	submit(c[5], "2024-11-21T03:00:00Z", models.StatusSubmitted)
	review(c[5], models.DecisionReturn)
	submit(c[6], "2024-11-22T03:00:00Z", models.StatusSubmitted)
	review(c[6], models.DecisionAccept)
	submit(c[7], "2024-06-01T03:00:00Z", models.StatusSubmitted) // retired on 30 June below
	submit(tr.ByCode("99001"), "2024-11-23T03:00:00Z", models.StatusSubmitted)
	submit(tr.ByCode("05431"), "2024-11-29T03:00:00Z", models.StatusSubmitted) // on time (the province's date)
	submit(tr.ByCode("05434"), "2024-12-02T03:00:00Z", models.StatusSubmitted) // late
	to := models.MustDate("2024-06-30")
	if _, err := s.UpdateUnit(ctx, models.CommandLine, c[7].Code, models.UnitPatch{ValidTo: &to}); err != nil {
		t.Fatal(err)
	}
	tr, _ = s.Tree(ctx)

	per := models.Period{Year: 2024}
	for _, code := range []string{"VN", "19", "167", "164", c[2].Code} {
		u := tr.ByCode(code)
		full, err := s.Completeness(ctx, store.CompletenessQuery{Unit: u, Period: per, Limit: -1})
		if err != nil {
			t.Fatal(err)
		}
		// The tally of the list, recounted here.
		want := full
		want.Units = nil
		want.Reported, want.Accepted, want.Returned, want.Draft, want.Missing, want.OnTime, want.Late = 0, 0, 0, 0, 0, 0, 0
		for _, cu := range full.Units {
			switch cu.Status {
			case models.StatusMissing:
				want.Missing++
			case models.StatusDraft:
				want.Draft++
			case models.StatusAccepted:
				want.Accepted++
			case models.StatusReturned:
				want.Returned++
			}
			if cu.FirstSubmittedAt != nil && cu.Status != models.StatusDraft {
				want.Reported++
			}
			if cu.OnTime != nil && *cu.OnTime {
				want.OnTime++
			} else if cu.OnTime != nil {
				want.Late++
			}
		}
		got := full
		got.Units = nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: counted %+v\nthe list tallies %+v", code, got, want)
		}
		if full.Total != len(full.Units) || full.Expected != tr.CommunesExpected(u, per) {
			t.Errorf("%s: total %d, expected %d for a list of %d and %d expected", code, full.Total, full.Expected, len(full.Units), tr.CommunesExpected(u, per))
		}
		only, err := s.Completeness(ctx, store.CompletenessQuery{Unit: u, Period: per})
		if err != nil {
			t.Fatal(err)
		}
		if len(only.Units) != 0 {
			t.Errorf("%s: a count-only call listed %d communes", code, len(only.Units))
		}
		only.Units = nil
		if !reflect.DeepEqual(only, got) {
			t.Errorf("%s: counts alone %+v, with the list %+v", code, only, got)
		}
		var pages []models.CompletenessUnit
		for off := 0; off < full.Total+5; off += 5 {
			p, err := s.Completeness(ctx, store.CompletenessQuery{Unit: u, Period: per, Offset: off, Limit: 5})
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, p.Units...)
		}
		if !reflect.DeepEqual(pages, full.Units) {
			t.Errorf("%s: the pages differ from the whole list", code)
		}
		if !slices.IsSortedFunc(full.Units, func(a, b models.CompletenessUnit) int { return compareStrings(a.Code, b.Code) }) {
			t.Errorf("%s: the list is not in the order of code", code)
		}
	}

	// The figures themselves, for district 167: 22 expected and listed.
	// The reports of the one retired on 30 June 2024 and of the one created
	// after 2024 are kept but not counted: a report for 2024 belongs to a
	// unit that exists on 2024-12-31.
	d, err := s.Completeness(ctx, store.CompletenessQuery{Unit: tr.ByCode("167"), Period: per})
	if err != nil {
		t.Fatal(err)
	}
	if d.Expected != 22 || d.Total != 22 || d.Reported != 6 || d.Draft != 1 || d.Returned != 1 || d.Accepted != 1 ||
		d.Missing != 15 || d.OnTime != 4 || d.Late != 2 || d.DueDate.String() != "2024-11-25" {
		t.Errorf("167: %+v", d)
	}
	v, err := s.Completeness(ctx, store.CompletenessQuery{Unit: tr.Root, Period: per})
	if err != nil {
		t.Fatal(err)
	}
	if v.Expected != 24 || v.Total != 24 || v.Reported != 8 || v.OnTime != 5 || v.Late != 3 || v.DueDate != nil {
		t.Errorf("VN: %+v", v)
	}
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
