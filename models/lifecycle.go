package models

import (
	"bytes"
	"errors"
)

// The report's lifecycle: which request may change a report in which state,
// and into what. It is the only place that decides; the submission, its
// dry run and the review all ask Next.
//
//	(none) ─draft/submit─▶ draft | submitted
//	draft ─draft/submit─▶ draft | submitted
//	submitted ─submit─▶ submitted (next revision) ─accept─▶ accepted ─return─▶ returned
//	returned ─draft/submit─▶ draft | submitted (always a new revision)
//	accepted: locked against submissions until the district returns it

// Action is what a request asks of a report.
type Action int

const (
	ActDraft  Action = iota // save a draft (a submission with status draft)
	ActSubmit               // submit (a submission with status submitted)
	ActAccept               // the district accepts the current revision
	ActReturn               // the district returns it to the commune
)

// SubmitAction is the action of a submission with the given status.
func SubmitAction(status string) Action {
	if status == StatusDraft {
		return ActDraft
	}
	return ActSubmit
}

// ReviewAction is the action of a review decision.
func ReviewAction(decision string) Action {
	if decision == DecisionAccept {
		return ActAccept
	}
	return ActReturn
}

func (a Action) review() bool { return a == ActAccept || a == ActReturn }

// ReportState is what the lifecycle needs to know of a report.
type ReportState struct {
	UnitCode string // for messages
	Period   string // for messages
	Revision int    // 0: there is no report yet
	Status   string
	ETag     string
	Hash     []byte // content hash of the current revision (see Report.Canonical)
	// The last review: the revision it decided on (0 if none) and its comment.
	ReviewedRevision int
	ReviewComment    string
}

// Exists tells whether the report has a revision.
func (s *ReportState) Exists() bool { return s.Revision > 0 }

// Request is a submission or a review, as the lifecycle sees it.
type Request struct {
	Action  Action
	Hash    []byte // a submission's content hash
	Comment string // a review's comment
	IfMatch string // the If-Match header, "" if none
}

// Transition is what a request does to a report.
type Transition struct {
	Status      string // the report's status after the request
	NewRevision bool   // a submission stored as the next revision
	Unchanged   bool   // nothing changes: an identical resubmission or a repeated review
}

// The distinct reasons the lifecycle refuses a request. Each is wrapped in
// an *Error with its HTTP-level code, so that errors.Is(err, ErrReportLocked)
// tells them apart.
var (
	ErrReportLocked       = errors.New("report accepted and locked")                // ECONFLICT
	ErrDraftOverSubmitted = errors.New("a draft cannot replace a submission")       // ECONFLICT
	ErrReviewOfDraft      = errors.New("a draft cannot be reviewed")                // ECONFLICT
	ErrNoReport           = errors.New("no report to review")                       // ENOTFOUND
	ErrStaleETag          = errors.New("If-Match is not the report's current ETag") // EPRECONDITION
)

// Next decides what a request does to a report in state cur: the
// transition, or the domain error that refuses it.
func Next(cur ReportState, req Request) (Transition, error) {
	if req.Action.review() {
		return nextReview(cur, req)
	}
	return nextSubmission(cur, req)
}

func nextSubmission(cur ReportState, req Request) (Transition, error) {
	status := StatusSubmitted
	if req.Action == ActDraft {
		status = StatusDraft
	}
	switch {
	case cur.Exists() && cur.Status == StatusAccepted:
		return Transition{}, &Error{Code: ECONFLICT, Err: ErrReportLocked, Message: "the report of " + cur.UnitCode + " for " + cur.Period +
			" is accepted and locked; the district can reopen it by returning it"}
	case !ifMatches(cur, req.IfMatch):
		return Transition{}, staleETag(cur, req.IfMatch)
	case cur.Exists() && cur.Status != StatusReturned && bytes.Equal(cur.Hash, req.Hash):
		// Identical to the current revision: nothing to store. A returned
		// report is the exception: submitting it again unchanged means the
		// commune stands by its figures, a new revision.
		return Transition{Status: cur.Status, Unchanged: true}, nil
	case status == StatusDraft && cur.Exists() && cur.Status == StatusSubmitted:
		return Transition{}, &Error{Code: ECONFLICT, Err: ErrDraftOverSubmitted, Message: "the report of " + cur.UnitCode + " for " + cur.Period +
			" is already submitted; a draft cannot replace it (submit the amendment instead)"}
	}
	return Transition{Status: status, NewRevision: true}, nil
}

func nextReview(cur ReportState, req Request) (Transition, error) {
	status := StatusAccepted
	if req.Action == ActReturn {
		status = StatusReturned
	}
	switch {
	case !cur.Exists():
		return Transition{}, &Error{Code: ENOTFOUND, Err: ErrNoReport, Message: cur.UnitCode + " has no report for " + cur.Period}
	case !ifMatches(cur, req.IfMatch):
		return Transition{}, staleETag(cur, req.IfMatch)
	case cur.Status == StatusDraft:
		return Transition{}, &Error{Code: ECONFLICT, Err: ErrReviewOfDraft, Message: "the report of " + cur.UnitCode + " for " + cur.Period +
			" is a draft; the commune must submit it before it can be reviewed"}
	case cur.Status == status && cur.ReviewedRevision == cur.Revision && cur.ReviewComment == req.Comment:
		return Transition{Status: status, Unchanged: true}, nil // the same review again
	}
	return Transition{Status: status}, nil
}

// ifMatches tells whether an If-Match header allows a change: none given,
// "*" for an existing report, or the report's current ETag.
func ifMatches(cur ReportState, ifMatch string) bool {
	return ifMatch == "" || (cur.Exists() && (ifMatch == "*" || ifMatch == cur.ETag))
}

func staleETag(cur ReportState, ifMatch string) error {
	now := "none: the report does not exist"
	if cur.Exists() {
		now = cur.ETag
	}
	return &Error{Code: EPRECONDITION, Err: ErrStaleETag,
		Message: "If-Match " + ifMatch + " is not the report's current ETag (" + now + "); read it again and resubmit"}
}

// ReviewedStatus is the status a review decision gives a report.
func ReviewedStatus(decision string) string {
	if decision == DecisionAccept {
		return StatusAccepted
	}
	return StatusReturned
}

// CountedStatuses are the statuses whose figures the totals count: by
// default submitted and accepted reports (drafts and returned reports are
// not counted); with acceptedOnly, accepted reports alone.
func CountedStatuses(acceptedOnly bool) []string {
	if acceptedOnly {
		return []string{StatusAccepted}
	}
	return []string{StatusSubmitted, StatusAccepted}
}

// Counted tells whether a report of the status counts in the totals.
func Counted(status string, acceptedOnly bool) bool {
	return status == StatusAccepted || !acceptedOnly && status == StatusSubmitted
}

// Actions are every action a request can ask of a report.
var Actions = []Action{ActDraft, ActSubmit, ActAccept, ActReturn}

// Allows tells whether Next lets the action change a report in state cur:
// a submission of content other than the current revision's, or a review
// that gives the report another status. A review that leaves the status as
// it is (accepting an accepted report) changes nothing and is not offered.
// The pages offer a person these actions and no others.
func Allows(cur ReportState, a Action) bool {
	other := append(bytes.Clone(cur.Hash), 0) // content unlike the current revision's
	tr, err := Next(cur, Request{Action: a, Hash: other, Comment: cur.ReviewComment})
	return err == nil && !tr.Unchanged && (tr.NewRevision || tr.Status != cur.Status)
}

// Allowed lists the actions Allows lets change a report in state cur.
func Allowed(cur ReportState) []Action {
	var out []Action
	for _, a := range Actions {
		if Allows(cur, a) {
			out = append(out, a)
		}
	}
	return out
}

// State is what the lifecycle knows of a report as the API shows it; the
// zero view is "no report yet".
func (v ReportView) State() ReportState {
	s := ReportState{UnitCode: v.UnitCode, Period: v.Period, Revision: v.Revision, Status: v.Status}
	if v.Review != nil {
		s.ReviewedRevision, s.ReviewComment = v.Review.Revision, v.Review.Comment
	}
	return s
}
