package models

import (
	"errors"
	"fmt"
	"testing"
)

// TestNextEveryPair runs the lifecycle over every state and every request:
// a draft, a submission (changed), an identical resubmission, an accept and
// a return.
func TestNextEveryPair(t *testing.T) {
	cur := []byte("current")
	other := []byte("changed")
	state := func(status string) ReportState {
		if status == "" {
			return ReportState{UnitCode: "05596", Period: "2024"}
		}
		return ReportState{UnitCode: "05596", Period: "2024", Revision: 2, Status: status, ETag: `"2.3"`, Hash: cur,
			ReviewedRevision: 1, ReviewComment: "old"}
	}
	type want struct {
		status      string
		newRevision bool
		unchanged   bool
		err         error
	}
	requests := []struct {
		name string
		req  Request
	}{
		{"draft", Request{Action: ActDraft, Hash: other}},
		{"submit", Request{Action: ActSubmit, Hash: other}},
		{"identical", Request{Action: ActSubmit, Hash: cur}},
		{"accept", Request{Action: ActAccept, Comment: "ok"}},
		{"return", Request{Action: ActReturn, Comment: "amend"}},
	}
	table := map[string][5]want{
		"": { // no report yet
			{status: StatusDraft, newRevision: true},
			{status: StatusSubmitted, newRevision: true},
			{status: StatusSubmitted, newRevision: true},
			{err: ErrNoReport},
			{err: ErrNoReport},
		},
		StatusDraft: {
			{status: StatusDraft, newRevision: true},
			{status: StatusSubmitted, newRevision: true},
			{status: StatusDraft, unchanged: true},
			{err: ErrReviewOfDraft},
			{err: ErrReviewOfDraft},
		},
		StatusSubmitted: {
			{err: ErrDraftOverSubmitted},
			{status: StatusSubmitted, newRevision: true},
			{status: StatusSubmitted, unchanged: true},
			{status: StatusAccepted},
			{status: StatusReturned},
		},
		StatusReturned: {
			{status: StatusDraft, newRevision: true},
			{status: StatusSubmitted, newRevision: true},
			{status: StatusSubmitted, newRevision: true}, // the commune stands by its figures
			{status: StatusAccepted},
			{status: StatusReturned},
		},
		StatusAccepted: {
			{err: ErrReportLocked},
			{err: ErrReportLocked},
			{err: ErrReportLocked},
			{status: StatusAccepted},
			{status: StatusReturned},
		},
	}
	codes := map[error]string{ErrNoReport: ENOTFOUND, ErrReviewOfDraft: ECONFLICT, ErrDraftOverSubmitted: ECONFLICT, ErrReportLocked: ECONFLICT}
	for status, row := range table {
		for i, r := range requests {
			t.Run(fmt.Sprintf("%s/%s", status, r.name), func(t *testing.T) {
				w := row[i]
				got, err := Next(state(status), r.req)
				if w.err != nil {
					if !errors.Is(err, w.err) || ErrorCode(err) != codes[w.err] {
						t.Fatalf("got %+v, %v; want error %v (%s)", got, err, w.err, codes[w.err])
					}
					return
				}
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				if got != (Transition{Status: w.status, NewRevision: w.newRevision, Unchanged: w.unchanged}) {
					t.Fatalf("got %+v, want %+v", got, w)
				}
			})
		}
	}
}

// TestNextRepeatedReview: the same decision with the same comment on the
// same revision changes nothing; another comment or a newer revision is a
// review of its own.
func TestNextRepeatedReview(t *testing.T) {
	st := ReportState{Revision: 3, Status: StatusReturned, ETag: `"3.5"`, Hash: []byte("h"), ReviewedRevision: 3, ReviewComment: "amend"}
	cases := []struct {
		st        ReportState
		req       Request
		unchanged bool
	}{
		{st, Request{Action: ActReturn, Comment: "amend"}, true},
		{st, Request{Action: ActReturn, Comment: "amend more"}, false},
		{st, Request{Action: ActAccept, Comment: "amend"}, false},
		{func() ReportState { s := st; s.ReviewedRevision = 2; return s }(), Request{Action: ActReturn, Comment: "amend"}, false},
		{func() ReportState { s := st; s.Status = StatusAccepted; s.ReviewComment = ""; return s }(), Request{Action: ActAccept}, true},
	}
	for i, c := range cases {
		got, err := Next(c.st, c.req)
		if err != nil || got.Unchanged != c.unchanged || got.NewRevision {
			t.Errorf("case %d: got %+v, %v; want unchanged=%v", i, got, err, c.unchanged)
		}
	}
}

// TestNextIfMatch: If-Match guards submissions and reviews alike; a lock
// is reported before a stale ETag.
func TestNextIfMatch(t *testing.T) {
	st := ReportState{Revision: 1, Status: StatusSubmitted, ETag: `"1.1"`, Hash: []byte("h")}
	none := ReportState{}
	cases := []struct {
		st      ReportState
		req     Request
		wantErr error
	}{
		{st, Request{Action: ActSubmit, IfMatch: `"1.1"`}, nil},
		{st, Request{Action: ActSubmit, IfMatch: "*"}, nil},
		{st, Request{Action: ActSubmit, IfMatch: `"1.0"`}, ErrStaleETag},
		{none, Request{Action: ActSubmit, IfMatch: "*"}, ErrStaleETag},
		{none, Request{Action: ActSubmit}, nil},
		{st, Request{Action: ActAccept, IfMatch: `"0.9"`}, ErrStaleETag},
		{st, Request{Action: ActAccept, IfMatch: `"1.1"`}, nil},
		{none, Request{Action: ActAccept, IfMatch: `"0.9"`}, ErrNoReport},
		{ReportState{Revision: 1, Status: StatusAccepted, ETag: `"1.2"`}, Request{Action: ActSubmit, IfMatch: `"1.1"`}, ErrReportLocked},
	}
	for i, c := range cases {
		_, err := Next(c.st, c.req)
		if c.wantErr == nil && err != nil || c.wantErr != nil && !errors.Is(err, c.wantErr) {
			t.Errorf("case %d: got %v, want %v", i, err, c.wantErr)
		}
		if errors.Is(err, ErrStaleETag) && ErrorCode(err) != EPRECONDITION {
			t.Errorf("case %d: code %s", i, ErrorCode(err))
		}
	}
}
