package app

import (
	"context"
	"crypto/sha256"
	"errors"

	"doingoai/metrics"
	"doingoai/models"
	"doingoai/store"
)

// Reports are the reports communes send. The API (POST and PUT
// /api/v1/reports) and the commune's form call Submit the same way.
type Reports struct {
	Store *store.Store
}

// SubmitRequest is a report sent for storing (or, DryRun, for checking).
type SubmitRequest struct {
	// UnitCode and Period name the report when the request does (the
	// API's path, the page's URL); "" takes them from the body. A body
	// that says otherwise is a problem at its field.
	UnitCode, Period string
	Body             []byte // the report as JSON
	DryRun           bool   // check and answer as if stored; store nothing
	// IdempotencyKey, "" for none, makes a retry of the same request
	// answer as the first did. Route is what besides the report tells
	// one request from another under the same key (the API gives its
	// method and path).
	IdempotencyKey, Route string
	IfMatch               string // the ETag the change is based on, "" for none
}

// Outcome says what a submission did.
type Outcome int

const (
	// Created: the report is stored as its next revision.
	Created Outcome = iota + 1
	// Unchanged: identical to the current revision; nothing stored.
	Unchanged
	// Replayed: the answer to an earlier request with the same key,
	// given again; nothing changed now.
	Replayed
	// Checked: a dry run; the result is what a submission would get.
	Checked
)

// Submitted is the outcome of Submit with the result to tell the sender.
type Submitted struct {
	Outcome Outcome
	// New: the submission made a new revision (for Replayed, the first
	// request did).
	New    bool
	Result models.SubmitResult
	ETag   string
}

// Submit decodes, validates and authorises a report, then stores it (or,
// for a dry run, decides it as if stored). Every problem of shape and
// content comes at once (EINVALID with the field paths); a unit outside
// the principal's scope is EFORBIDDEN before anything about its report.
// The store decides the unit's end (unit_ended), the lifecycle, If-Match
// and a key in flight (ECONFLICT, models.ErrKeyInFlight).
func (rs Reports) Submit(ctx context.Context, p models.Principal, req SubmitRequest) (Submitted, error) {
	out, err := rs.submit(ctx, p, req)
	if err != nil {
		return out, CountRefusedSubmission(err)
	}
	switch {
	case out.Outcome == Checked:
		metrics.Submissions.WithLabelValues("dry_run").Inc()
	case out.Outcome == Replayed:
		metrics.Submissions.WithLabelValues("replayed").Inc()
	case out.New:
		metrics.Submissions.WithLabelValues("created").Inc()
	default:
		metrics.Submissions.WithLabelValues("unchanged").Inc()
	}
	return out, nil
}

// CountRefusedSubmission counts a submission refused by its error: Submit
// counts its own; an edge counts those it refuses before calling it.
func CountRefusedSubmission(err error) error {
	if err != nil {
		outcome := models.ErrorCode(err)
		switch outcome {
		case models.EINVALID, models.EMALFORMED, models.EMEDIATYPE, models.ETOOLARGE:
			outcome = "invalid"
		case models.EFORBIDDEN, models.ECONFLICT, models.EPRECONDITION:
		default:
			outcome = "error"
		}
		metrics.Submissions.WithLabelValues(outcome).Inc()
	}
	return err
}

func (rs Reports) submit(ctx context.Context, p models.Principal, req SubmitRequest) (Submitted, error) {
	v, err := rs.validReport(ctx, p, req)
	if err != nil {
		return Submitted{}, err
	}
	canonical, hash, err := v.rep.Canonical()
	if err != nil {
		return Submitted{}, err
	}
	// A keyed request is the same request when it has the same route and
	// the same report: the fingerprint is of the report as read (canonical
	// JSON and status), not of the body's bytes, so whitespace, the order
	// of members, a null written out or left out, or 2690.670 for 2690.67
	// make no other request. A request refused here, before the store,
	// never takes its key.
	var idem *store.IdempotencyKey
	if req.IdempotencyKey != "" && !req.DryRun {
		sum := sha256.Sum256(append([]byte(req.Route+"\n"), hash...))
		idem = &store.IdempotencyKey{Key: req.IdempotencyKey, RequestHash: sum[:]}
		if out, found, err := rs.Store.LookupIdempotent(ctx, p.TokenID, *idem); err != nil {
			return Submitted{}, err
		} else if found {
			return submittedOf(out), nil
		}
	}
	if v.warnings, err = warnings(ctx, rs.Store, &v.rep, v.unit, v.period, v.warnings); err != nil {
		return Submitted{}, err
	}
	sub := &store.Submission{
		Principal: p, Unit: v.unit, Period: v.rep.Period, Status: v.rep.Status, Body: canonical, Hash: hash,
		Warnings: v.warnings, Figures: models.FiguresOf(&v.rep), IfMatch: req.IfMatch,
	}
	if req.DryRun {
		res, err := rs.Store.DryRun(ctx, sub)
		return Submitted{Outcome: Checked, Result: res}, err
	}
	sub.Idem = idem
	out, err := rs.Store.Submit(ctx, sub)
	if err != nil {
		return Submitted{}, err
	}
	return submittedOf(out), nil
}

// submittedOf says what the store's outcome is to the sender: Replayed
// when the store gave the outcome kept with the key (New if that first
// request made a revision), else Created or Unchanged.
func submittedOf(out store.Submitted) Submitted {
	s := Submitted{Outcome: Unchanged, New: out.Created, Result: out.Result, ETag: out.ETag}
	switch {
	case out.Replayed:
		s.Outcome = Replayed
	case out.Created:
		s.Outcome = Created
	}
	return s
}

// validatedReport is a submitted report that passed validation: its
// commune, in the principal's scope, and its warnings.
type validatedReport struct {
	rep      models.Report
	unit     *models.TreeUnit
	period   models.Period
	warnings []models.Warning
}

// validReport decodes, validates and authorises a submitted body.
func (rs Reports) validReport(ctx context.Context, p models.Principal, req SubmitRequest) (validatedReport, error) {
	var v validatedReport
	var shape []models.FieldError
	if err := models.DecodeJSON(req.Body, &v.rep, models.ReportReadOnly); err != nil {
		var de *models.Error
		if !errors.As(err, &de) || de.Code != models.EINVALID {
			return v, err
		}
		shape = de.Fields
	}
	var content models.Problems
	if req.UnitCode != "" {
		named(&content, "unit_code", &v.rep.UnitCode, req.UnitCode)
		named(&content, "period", &v.rep.Period, req.Period)
	}
	v.warnings = models.CheckReport(&v.rep, rs.Store.Now(), &content)
	var err error
	if v.unit, v.period, err = rs.reportingUnit(ctx, p, &v.rep, &content); err != nil {
		return v, err
	}
	if probs := models.MergeProblems(shape, content.List()); len(probs) > 0 {
		return v, &models.Error{Code: models.EINVALID, Message: "the report has errors; nothing was stored", Fields: probs}
	}
	return v, nil
}

// reportingUnit finds the commune a report is for by ReportingUnit's rule.
// A problem with the code is recorded in content; a unit outside the scope
// is an error.
func (rs Reports) reportingUnit(ctx context.Context, p models.Principal, rep *models.Report, content *models.Problems) (*models.TreeUnit, models.Period, error) {
	t, err := rs.Store.Tree(ctx)
	if err != nil {
		return nil, models.Period{}, err
	}
	period, perr := models.ParsePeriod(rep.Period)
	if perr != nil || !models.ValidCode(rep.UnitCode) {
		return nil, period, nil
	}
	unit, err := ReportingUnit(t, p, "unit_code", rep.UnitCode, period, content)
	if err != nil {
		return nil, period, err
	}
	return unit, period, nil
}

// named fills a body field from the name the request gives the report,
// or records that it disagrees with it.
func named(p *models.Problems, field string, v *string, name string) {
	switch *v {
	case "":
		*v = name
	case name:
	default:
		p.AddCodef(field, models.FPathMismatch, "is %s but the path says %s", *v, name)
		*v = name // the request names the report; authorise against it
	}
}
