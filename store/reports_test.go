package store_test

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"doingoai/demo"
	"doingoai/internal/testenv"
	"doingoai/models"
	"doingoai/store"
)

func seedSubmission(t *testing.T, s *store.Store) *store.Submission {
	t.Helper()
	return seedSubmissionFor(t, s, "05596")
}

// seedSubmissionFor is Bộc Nhiêu's 2024 report as the submission of the
// commune code names.
func seedSubmissionFor(t *testing.T, s *store.Store, code string) *store.Submission {
	t.Helper()
	var rep models.Report
	if err := models.DecodeJSON(demo.BocNhieu2024, &rep, nil); err != nil {
		t.Fatal(err)
	}
	var p models.Problems
	w := models.CheckReport(&rep, s.Now(), &p)
	body, hash, err := rep.Canonical()
	if err != nil {
		t.Fatal(err)
	}
	tr, err := s.Tree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return &store.Submission{Principal: models.CommandLine, Unit: tr.ByCode(code), Period: "2024", Status: rep.Status,
		Body: body, Hash: hash, Warnings: w, Figures: models.FiguresOf(&rep)}
}

// TestIdempotencyAcrossRestart: a key stored by one server is honoured by
// another (or the same after a restart), and purged only after twice its
// 24-hour life.
func TestIdempotencyAcrossRestart(t *testing.T) {
	clock := testenv.NewClock(time.Date(2024, 11, 25, 3, 0, 0, 0, time.UTC))
	db := testenv.NewDB(t)
	a := testenv.OpenDB(t, db, clock)
	testenv.LoadDinhHoa(t, a)
	sub := seedSubmission(t, a)
	key := &store.IdempotencyKey{Key: "k1", RequestHash: []byte("fingerprint")}
	sub.Idem = key
	// The store keeps what the caller answered, whatever it is.
	answer := store.Answer{Status: 299, Location: "/somewhere", ETag: `"e"`}
	sub.Answer = func(out store.Submitted) (store.Answer, error) {
		a := answer
		a.Body = fmt.Appendf(nil, "created %v, revision %d", out.Created, out.Result.Revision)
		return a, nil
	}
	first, err := a.Submit(ctx, sub)
	if err != nil || !first.Created || first.Result.Revision != 1 || first.Replay != nil {
		t.Fatal(first, err)
	}
	answer.Body = []byte("created true, revision 1")
	again, err := a.Submit(ctx, sub)
	if err != nil || again.Replay == nil || !reflect.DeepEqual(*again.Replay, answer) {
		t.Fatalf("a retry: %+v %v", again.Replay, err)
	}
	sub.Answer = nil
	if _, err := a.Submit(ctx, sub); err == nil {
		t.Error("a keyed submission without an answer to keep was taken")
	}
	a.Close()

	b := testenv.OpenDB(t, db, clock)
	got, err := b.LookupIdempotent(ctx, 0, *key)
	if err != nil || got == nil || !reflect.DeepEqual(*got, answer) {
		t.Fatalf("after restart: %+v %v", got, err)
	}
	if _, err := b.LookupIdempotent(ctx, 0, store.IdempotencyKey{Key: "k1", RequestHash: []byte("other")}); models.ErrorCode(err) != models.EINVALID {
		t.Errorf("reuse with another request: %v", err)
	}
	clock.Add(47 * time.Hour)
	if n, _ := b.PurgeIdempotencyKeys(ctx); n != 0 {
		t.Errorf("purged a key younger than 48 h")
	}
	clock.Add(2 * time.Hour)
	if n, _ := b.PurgeIdempotencyKeys(ctx); n != 1 {
		t.Errorf("purged %d keys, want 1", n)
	}
}

// TestShutdownCommitsQueued: submissions queued when the store closes are
// committed, not dropped; later ones are refused as unavailable.
func TestShutdownCommitsQueued(t *testing.T) {
	db := testenv.NewDB(t)
	s := testenv.OpenDB(t, db, nil)
	testenv.LoadDinhHoa(t, s)
	sub := seedSubmission(t, s)
	if _, err := s.Submit(ctx, sub); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := s.Submit(ctx, sub); models.ErrorCode(err) != models.EUNAVAILABLE {
		t.Errorf("submit after close: %v", err)
	}
	s2 := testenv.OpenDB(t, db, nil)
	tr, _ := s2.Tree(ctx)
	if _, _, err := s2.GetReport(ctx, tr.ByCode("05596"), "2024"); err != nil {
		t.Errorf("the acknowledged submission is gone: %v", err)
	}
}
