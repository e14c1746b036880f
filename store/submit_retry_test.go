package store_test

import (
	"testing"

	"doingoai/demo"
	"doingoai/internal/testenv"
	"doingoai/models"
	"doingoai/store"
)

// TestRetriedBatchStartsClean: writeTx runs a batch's transaction again
// after a PostgreSQL deadlock or serialization failure; each attempt
// decides every submission afresh, so nothing the rolled-back attempt
// decided (a refusal, an answer, a link to an earlier submission with the
// same key) reaches a client whose submission the retry stored.
func TestRetriedBatchStartsClean(t *testing.T) {
	s := testenv.OpenDB(t, testenv.NewDB(t), nil)
	testenv.LoadDinhHoa(t, s)
	tree, err := s.Tree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var subs []*store.Submission
	for _, code := range []string{"05596", "05599"} {
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
		subs = append(subs, &store.Submission{Principal: models.CommandLine, Unit: tree.ByCode(code), Period: "2024",
			Status: rep.Status, Body: body, Hash: hash, Warnings: w, Figures: models.FiguresOf(&rep)})
	}
	outs, errs := store.RunBatchAgain(s, subs)
	for i, sub := range subs {
		if errs[i] != nil {
			t.Errorf("%s: %v, the rolled-back attempt's refusal", sub.Unit.Code, errs[i])
		}
		if !outs[i].Created || outs[i].Result.UnitCode != sub.Unit.Code || outs[i].Result.Revision != 1 || outs[i].ETag == "" {
			t.Errorf("%s: answered %+v, not its own new revision", sub.Unit.Code, outs[i])
		}
	}
}
