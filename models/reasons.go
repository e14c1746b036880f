package models

import (
	"errors"
	"fmt"
)

// The refusals of the idempotency store, told apart like the lifecycle's.
var (
	ErrKeyInFlight = errors.New("a request with this Idempotency-Key is still being processed") // ECONFLICT
	ErrKeyReused   = errors.New("the Idempotency-Key was used for another request")             // EINVALID
)

// KeyReused is the refusal of an Idempotency-Key sent again with another
// request: EINVALID (ErrKeyReused), naming the key at its field.
func KeyReused(key string) error {
	return &Error{Code: EINVALID, Err: ErrKeyReused, Message: "the Idempotency-Key was already used for a different request",
		Fields: []FieldError{{Field: "Idempotency-Key", Code: FKeyReused, Message: fmt.Sprintf("%q belongs to another request; use a new key for a new request", key)}}}
}

// KeyInFlight is the refusal of an Idempotency-Key whose first request is
// still being processed: ECONFLICT (ErrKeyInFlight); retry in a moment.
func KeyInFlight() error {
	return &Error{Code: ECONFLICT, Err: ErrKeyInFlight, Message: "a request with this Idempotency-Key is still being processed; retry in a moment"}
}

// Reason codes: the stable `code` of a problem whose HTTP-level code covers
// several meanings — the three conflicts above all — so that a program can
// act on each without reading the message.
const (
	CodeReportLocked       = "report_locked"             // 409: the report is accepted and locked; the district must return it first
	CodeDraftOverSubmitted = "draft_after_submission"    // 409: a draft cannot replace a submitted report
	CodeReviewOfDraft      = "review_of_draft"           // 409: a draft cannot be reviewed
	CodeKeyInFlight        = "idempotency_key_in_flight" // 409: the same Idempotency-Key is still being processed; retry shortly
	CodeKeyReused          = "idempotency_key_reused"    // 422: the Idempotency-Key belongs to another request
	// CodeUnitEnded (422): the unit ended before the period's last day; see ended.go.
)

// ReasonCodes maps each distinct reason to its code, in the order the
// documentation lists them.
var ReasonCodes = []struct {
	Err  error
	Code string
}{
	{ErrReportLocked, CodeReportLocked},
	{ErrDraftOverSubmitted, CodeDraftOverSubmitted},
	{ErrReviewOfDraft, CodeReviewOfDraft},
	{ErrKeyInFlight, CodeKeyInFlight},
	{ErrKeyReused, CodeKeyReused},
	{ErrUnitEnded, CodeUnitEnded},
}

// ProblemCode is the `code` a problem answer gives for err: the reason's
// own code where err has one, else its application code (ErrorCode).
func ProblemCode(err error) string {
	for _, r := range ReasonCodes {
		if errors.Is(err, r.Err) {
			return r.Code
		}
	}
	return ErrorCode(err)
}
