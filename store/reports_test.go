package store_test

import (
	"encoding/json"
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
// another (or the same after a restart) with the outcome of the first
// request — created or unchanged, its result and ETag — and purged only
// after twice its 24-hour life.
func TestIdempotencyAcrossRestart(t *testing.T) {
	clock := testenv.NewClock(time.Date(2024, 11, 25, 3, 0, 0, 0, time.UTC))
	db := testenv.NewDB(t)
	a := testenv.OpenDB(t, db, clock)
	testenv.LoadDinhHoa(t, a)
	sub := seedSubmission(t, a)
	key := &store.IdempotencyKey{Key: "k1", RequestHash: []byte("fingerprint")}
	sub.Idem = key
	first, err := a.Submit(ctx, sub)
	if err != nil || !first.Created || first.Result.Revision != 1 || first.Replayed || first.ETag == "" {
		t.Fatal(first, err)
	}
	sameAs := func(name string, got, want store.Submitted) {
		t.Helper()
		g, _ := json.Marshal(got.Result)
		w, _ := json.Marshal(want.Result)
		if !got.Replayed || got.Created != want.Created || got.ETag != want.ETag || string(g) != string(w) {
			t.Errorf("%s: %+v, want the replay of %+v", name, got, want)
		}
	}
	again, err := a.Submit(ctx, sub)
	if err != nil {
		t.Fatal(err)
	}
	sameAs("a retry", again, first)
	// The same report under another key: unchanged, and kept as such.
	key2 := &store.IdempotencyKey{Key: "k2", RequestHash: []byte("fingerprint")}
	sub.Idem = key2
	same, err := a.Submit(ctx, sub)
	if err != nil || same.Created || same.Replayed || same.Result.Revision != 1 {
		t.Fatal(same, err)
	}
	a.Close()

	b := testenv.OpenDB(t, db, clock)
	for _, c := range []struct {
		key  *store.IdempotencyKey
		want store.Submitted
	}{{key, first}, {key2, same}} {
		got, found, err := b.LookupIdempotent(ctx, 0, *c.key)
		if err != nil || !found {
			t.Fatalf("after restart, %s: %v %v", c.key.Key, found, err)
		}
		sameAs("after restart, "+c.key.Key, got, c.want)
	}
	if _, found, err := b.LookupIdempotent(ctx, 0, store.IdempotencyKey{Key: "k3", RequestHash: []byte("fingerprint")}); found || err != nil {
		t.Errorf("a key never used: %v %v", found, err)
	}
	if _, _, err := b.LookupIdempotent(ctx, 0, store.IdempotencyKey{Key: "k1", RequestHash: []byte("other")}); models.ErrorCode(err) != models.EINVALID {
		t.Errorf("reuse with another request: %v", err)
	}
	clock.Add(47 * time.Hour)
	if n, _ := b.PurgeIdempotencyKeys(ctx); n != 0 {
		t.Errorf("purged a key younger than 48 h")
	}
	clock.Add(2 * time.Hour)
	if n, _ := b.PurgeIdempotencyKeys(ctx); n != 2 {
		t.Errorf("purged %d keys, want 2", n)
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
