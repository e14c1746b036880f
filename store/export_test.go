package store

import "errors"

// The error classifiers, for the tests of package store_test.
var (
	IsUniqueViolation = isUniqueViolation
	IsRetryable       = isRetryable
	IsOverflow        = isOverflow
	IsOverlap         = isOverlap
)

// Bind is bind for a store of the dialect.
func Bind(d Dialect, query string) string { return (&Store{dialect: d}).bind(query) }

// RunBatchAgain runs subs as one batch, as the submitter would, after an
// attempt that was rolled back (a PostgreSQL deadlock that writeTx
// retries) left its outcome in each pending submission.
func RunBatchAgain(s *Store, subs []*Submission) ([]Submitted, []error) {
	var batch []*pending
	for _, sub := range subs {
		batch = append(batch, &pending{sub: sub, done: make(chan struct{}),
			out: Submitted{Created: true}, err: errors.New("the outcome of a rolled-back attempt")})
	}
	batch[0].follows = batch[len(batch)-1]
	s.submit.run(batch)
	outs := make([]Submitted, len(batch))
	errs := make([]error, len(batch))
	for i, p := range batch {
		outs[i], errs[i] = p.out, p.err
	}
	return outs, errs
}
