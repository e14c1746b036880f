package store_test

import (
	"testing"

	"doingoai/internal/testenv"
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
	subs := []*store.Submission{seedSubmissionFor(t, s, "05596"), seedSubmissionFor(t, s, "05599")}
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
