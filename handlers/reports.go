package handlers

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"doingoai/metrics"
	"doingoai/models"
	"doingoai/store"
)

// PostReport submits a report.
//
//	@Summary		Submit a report (nộp báo cáo)
//	@ID				submitReport
//	@Description	Submits the report of the body's `unit_code` for its `period`. The first submission answers 201 with `Location`; a changed report answers 201 with the next revision; a report identical to the current revision answers 200 with that revision and stores nothing — except after the district returned it: then any submission, even unchanged, is the next revision (the commune stands by its figures). Doubtful figures are stored and returned as `warnings`; impossible ones are refused with 422 naming every problem by its field path, and nothing is stored.
//	@Description	A commune token submits for its own commune; a district token for any commune below it (recorded as on its behalf).
//	@Description	A report for a period belongs to the unit its code names on the period's last day: a unit that ended before that day (merged, divided or retired by a reorganisation) cannot send, nor be sent, a report for the period — 422 with `code: "unit_ended"`, the unit's `valid_to` and its `successors` (`[{code, name, share}]`), by any role and for a dry run too. A commune that ended on 2025-06-30 still reports 2025S1.
//	@Description	`Idempotency-Key`: a retry with the same key and the same report returns the first answer (with its `ETag` and `Idempotent-Replayed: true`) and changes nothing; the report is compared as read, not byte for byte, so whitespace and the order of members do not matter. The same key with another report is 422 (`idempotency_key_reused`). A refused request (any 4xx) does not use up its key. `?dry_run=true` validates and answers as if stored (200, `dry_run: true`), storing nothing.
//	@Tags			reports
//	@Accept			json
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			report			body		models.Report	true	"the report; demo/boc-nhieu-2024.json (Bộc Nhiêu 2024) is a complete one"
//	@Param			dry_run			query		bool			false	"validate only; store nothing"
//	@Param			Idempotency-Key	header		string			false	"a unique key per logical request, for safe retries"
//	@Success		200				{object}	models.SubmitResult	"identical to the current revision, or a dry run"
//	@Success		201				{object}	models.SubmitResult	"stored as a new revision"
//	@Header			200,201			{string}	ETag				"the report's entity tag, for If-Match"
//	@Header			200,201			{string}	Idempotent-Replayed	"true when this is the stored answer to an earlier request with the same Idempotency-Key"
//	@Header			201				{string}	Location			"/api/v1/reports/{unit_code}/{period}"
//	@Failure		400				{object}	models.Problem	"malformed JSON"
//	@Failure		401				{object}	models.Problem	"no valid token"
//	@Failure		403				{object}	models.Problem	"the unit is outside the token's scope"
//	@Failure		409				{object}	models.Problem	"the report is accepted (locked), a draft would replace a submitted report, or the same Idempotency-Key is in flight"
//	@Failure		413				{object}	models.Problem	"body over 1 MiB"
//	@Failure		415				{object}	models.Problem	"not JSON"
//	@Failure		422				{object}	models.Problem	"invalid report (every problem with its field path), a bad query value, an Idempotency-Key reused with another body, or `unit_ended`: the unit ended before the period's last day (the problem gives its `valid_to` and the `successors` that report for its territory)"
//	@Failure		429				{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500				{object}	models.Problem	"an internal error, logged with the request id"
//	@Failure		503				{object}	models.Problem	"the service is shutting down; submit again in a moment"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/reports [post]
func (h *Handler) PostReport(w http.ResponseWriter, r *http.Request) error {
	return countSubmission(h.submit(w, r, "", ""))
}

// PutReport submits a report at its own path.
//
//	@Summary		Submit a report at its path
//	@ID				putReport
//	@Description	The same as POST /api/v1/reports with the unit and period taken from the path; a body `unit_code` or `period` that disagrees with the path is 422. With `If-Match`, the submission is refused with 412 unless the report's current ETag matches (`*` matches any existing report).
//	@Tags			reports
//	@Accept			json
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			unit_code		path		string			true	"commune code"	extensions(x-example=05596)
//	@Param			period			path		string			true	"2024, 2024S1 or 2024S2"	extensions(x-example=2024)
//	@Param			report			body		models.Report	true	"the report; unit_code and period may be left out (they come from the path)"
//	@Param			dry_run			query		bool			false	"validate only; store nothing"
//	@Param			If-Match		header		string			false	"the ETag the change is based on"
//	@Param			Idempotency-Key	header		string			false	"a unique key per logical request, for safe retries"
//	@Success		200				{object}	models.SubmitResult	"identical to the current revision, or a dry run"
//	@Success		201				{object}	models.SubmitResult	"stored as a new revision"
//	@Header			200,201			{string}	ETag				"the report's entity tag"
//	@Header			200,201			{string}	Idempotent-Replayed	"true when this is the stored answer to an earlier request with the same Idempotency-Key"
//	@Header			201				{string}	Location			"/api/v1/reports/{unit_code}/{period}"
//	@Failure		400				{object}	models.Problem	"malformed JSON"
//	@Failure		401				{object}	models.Problem	"no valid token"
//	@Failure		403				{object}	models.Problem	"the unit is outside the token's scope"
//	@Failure		409				{object}	models.Problem	"the report is accepted (locked), a draft would replace a submitted report, or the same Idempotency-Key is in flight"
//	@Failure		412				{object}	models.Problem	"If-Match is not the current ETag"
//	@Failure		413				{object}	models.Problem	"body over 1 MiB"
//	@Failure		415				{object}	models.Problem	"not JSON"
//	@Failure		422				{object}	models.Problem	"invalid report (every problem with its field path), a bad query value, an Idempotency-Key reused with another body, or `unit_ended`: the unit ended before the period's last day (the problem gives its `valid_to` and the `successors` that report for its territory)"
//	@Failure		429				{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500				{object}	models.Problem	"an internal error, logged with the request id"
//	@Failure		503				{object}	models.Problem	"the service is shutting down; submit again in a moment"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/reports/{unit_code}/{period} [put]
func (h *Handler) PutReport(w http.ResponseWriter, r *http.Request) error {
	return countSubmission(h.submit(w, r, r.PathValue("unit_code"), r.PathValue("period")))
}

// countSubmission counts a failed submission by its error; successful ones
// are counted where their outcome is known.
func countSubmission(err error) error {
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

// submit is POST and PUT: decode, validate, authorise, then store (or, for
// a dry run, answer as if stored).
func (h *Handler) submit(w http.ResponseWriter, r *http.Request, pathUnit, pathPeriod string) error {
	ctx := r.Context()
	p := principal(r)
	dryRun, err := boolQuery(r, "dry_run")
	if err != nil {
		return err
	}
	idem, err := idempotencyKey(r)
	if err != nil {
		return err
	}
	body, err := readJSONBody(r)
	if err != nil {
		return err
	}
	v, err := h.validReport(r, body, pathUnit, pathPeriod)
	if err != nil {
		return err
	}
	canonical, hash, err := v.rep.Canonical()
	if err != nil {
		return err
	}
	// A keyed request is the same request when it has the same method and
	// path and the same report: the fingerprint is of the report as read
	// (canonical JSON and status), not of the body's bytes, so whitespace,
	// the order of members, a null written out or left out, or 2690.670 for
	// 2690.67 make no other request. A request refused here, before the
	// store, never takes its key.
	if idem != nil && !dryRun {
		sum := sha256.Sum256(append([]byte(r.Method+" "+r.URL.Path+"\n"), hash...))
		idem.RequestHash = sum[:]
		if a, err := h.Store.LookupIdempotent(ctx, p.TokenID, *idem); err != nil {
			return err
		} else if a != nil {
			return writeAnswer(w, *a, true)
		}
	}
	if err := h.addOutliers(r, &v); err != nil {
		return err
	}
	sub := &store.Submission{
		Principal: p, Unit: v.unit, Period: v.rep.Period, Status: v.rep.Status, Body: canonical, Hash: hash,
		Warnings: v.warnings, Figures: models.FiguresOf(&v.rep), IfMatch: strings.TrimSpace(r.Header.Get("If-Match")),
	}
	if dryRun {
		return h.dryRun(w, r, sub)
	}
	sub.Idem, sub.Answer = idem, submitAnswer
	out, err := h.Store.Submit(ctx, sub)
	if err != nil {
		return err
	}
	if out.Replay != nil {
		return writeAnswer(w, *out.Replay, true)
	}
	a, err := submitAnswer(out)
	if err != nil {
		return err
	}
	return writeAnswer(w, a, false)
}

// validatedReport is a submitted report that passed validation: its
// commune, in the token's scope, and its warnings.
type validatedReport struct {
	rep      models.Report
	unit     *models.TreeUnit
	period   models.Period
	warnings []models.Warning
}

// validReport decodes, validates and authorises a submitted body: every
// problem of shape and content at once (422), or a unit outside the
// token's scope (403) before anything about its report.
func (h *Handler) validReport(r *http.Request, body []byte, pathUnit, pathPeriod string) (validatedReport, error) {
	var v validatedReport
	var shape []models.FieldError
	if err := models.DecodeJSON(body, &v.rep, models.ReportReadOnly); err != nil {
		var de *models.Error
		if !errors.As(err, &de) || de.Code != models.EINVALID {
			return v, err
		}
		shape = de.Fields
	}
	var content models.Problems
	if pathUnit != "" {
		pathMatches(&content, "unit_code", &v.rep.UnitCode, pathUnit)
		pathMatches(&content, "period", &v.rep.Period, pathPeriod)
	}
	v.warnings = models.CheckReport(&v.rep, h.Store.Now(), &content)
	var err error
	if v.unit, v.period, err = h.reportingUnit(r, &v.rep, &content); err != nil {
		return v, err
	}
	if probs := models.MergeProblems(shape, content.List()); len(probs) > 0 {
		return v, &models.Error{Code: models.EINVALID, Message: "the report has errors; nothing was stored", Fields: probs}
	}
	return v, nil
}

// reportingUnit finds the commune a report is for: it must exist during
// the period, report, and be within the token's scope. A problem with the
// code is recorded in content; a unit outside the scope is an error.
func (h *Handler) reportingUnit(r *http.Request, rep *models.Report, content *models.Problems) (*models.TreeUnit, models.Period, error) {
	t, err := h.Store.Tree(r.Context())
	if err != nil {
		return nil, models.Period{}, err
	}
	period, perr := models.ParsePeriod(rep.Period)
	if perr != nil || !models.ValidCode(rep.UnitCode) {
		return nil, period, nil
	}
	unit := t.ForPeriod(rep.UnitCode, period)
	switch {
	case unit == nil && t.ByCode(rep.UnitCode) != nil:
		content.AddCodef("unit_code", models.FUnknownUnit, "unit %s did not exist during %s", rep.UnitCode, rep.Period)
	case unit == nil:
		content.AddCodef("unit_code", models.FUnknownUnit, "no unit has the code %s", rep.UnitCode)
	case !unit.Kind.CommuneLevel():
		content.AddCodef("unit_code", models.FUnknownUnit, "%s (%s) is a %s; reports are made by communes, wards, towns and special zones", unit.Name, unit.Code, unit.Kind)
		return nil, period, nil
	default:
		if err := t.InScope(principal(r), unit); err != nil {
			return nil, period, err
		}
	}
	return unit, period, nil
}

// addOutliers adds the warnings of figures far from the same commune's
// report for the period before.
func (h *Handler) addOutliers(r *http.Request, v *validatedReport) error {
	prev, err := h.Store.PreviousFigures(r.Context(), v.unit, v.period)
	if err != nil {
		return err
	}
	if prev != nil {
		figs := models.FiguresOf(&v.rep)
		v.warnings = append(v.warnings, models.OutlierWarnings(&figs, prev, v.period.Previous().String())...)
	}
	if v.warnings == nil {
		v.warnings = []models.Warning{}
	}
	return nil
}

// pathMatches fills a body field from the path, or records that it
// disagrees with it.
func pathMatches(p *models.Problems, field string, v *string, path string) {
	switch *v {
	case "":
		*v = path
	case path:
	default:
		p.AddCodef(field, models.FPathMismatch, "is %s but the path says %s", *v, path)
		*v = path // the path names the report; authorise against it
	}
}

// dryRun answers a submission as if it had been stored, from the report's
// current state, storing nothing: the store decides as it would for a
// submission (the unit's end, the lifecycle).
func (h *Handler) dryRun(w http.ResponseWriter, r *http.Request, sub *store.Submission) error {
	res, err := h.Store.DryRun(r.Context(), sub)
	if err != nil {
		return err
	}
	metrics.Submissions.WithLabelValues("dry_run").Inc()
	return writeJSON(w, http.StatusOK, res)
}

// reportLocation is the path of a report.
func reportLocation(unitCode, period string) string {
	return "/api/v1/reports/" + unitCode + "/" + period
}

// submitAnswer is the answer to a submission: 201 with Location for a new
// revision, 200 for the current one unchanged. The store keeps it with an
// idempotency key, for a retry.
func submitAnswer(out store.Submitted) (store.Answer, error) {
	body, err := json.Marshal(out.Result)
	if err != nil {
		return store.Answer{}, err
	}
	a := store.Answer{Status: http.StatusOK, Body: body, ETag: out.ETag}
	if out.Created {
		a.Status, a.Location = http.StatusCreated, reportLocation(out.Result.UnitCode, out.Result.Period)
	}
	return a, nil
}

// writeAnswer sends the answer to a submission; replayed, it is the
// stored answer to an earlier request with the same Idempotency-Key.
func writeAnswer(w http.ResponseWriter, a store.Answer, replayed bool) error {
	switch {
	case replayed:
		metrics.Submissions.WithLabelValues("replayed").Inc()
	case a.Status == http.StatusCreated:
		metrics.Submissions.WithLabelValues("created").Inc()
	default:
		metrics.Submissions.WithLabelValues("unchanged").Inc()
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	if a.ETag != "" {
		h.Set("ETag", a.ETag)
	}
	if a.Location != "" && a.Status == http.StatusCreated {
		h.Set("Location", a.Location)
	}
	if replayed {
		h.Set("Idempotent-Replayed", "true")
	}
	w.WriteHeader(a.Status)
	_, err := w.Write(append(a.Body, '\n'))
	return err
}

// idempotencyKey reads the Idempotency-Key header: a structured-field
// string ("…") or, as many clients send it, a bare token.
func idempotencyKey(r *http.Request) (*store.IdempotencyKey, error) {
	v := strings.TrimSpace(r.Header.Get("Idempotency-Key"))
	if v == "" {
		return nil, nil
	}
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		v = v[1 : len(v)-1]
	}
	bad := v == "" || len(v) > MaxIdempotencyKey
	for i := 0; i < len(v) && !bad; i++ {
		bad = v[i] < 0x20 || v[i] > 0x7e
	}
	if bad {
		return nil, &models.Error{Code: models.EINVALID, Message: "the Idempotency-Key header is not valid",
			Fields: []models.FieldError{{Field: "Idempotency-Key", Code: models.FBadFormat, Message: fmt.Sprintf("must be 1 to %d printable ASCII characters, such as a UUID", MaxIdempotencyKey)}}}
	}
	return &store.IdempotencyKey{Key: v}, nil
}

// boolQuery reads an optional true/false query value. Absent is false; a
// parameter that is present must say true or false: "?dry_run=" or
// "?dry_run=yes" is refused rather than read as false, so that a client that
// meant a dry run never stores data.
func boolQuery(r *http.Request, name string) (bool, error) {
	q := r.URL.Query()
	if !q.Has(name) {
		return false, nil
	}
	vs := q[name]
	v := vs[0]
	b, err := strconv.ParseBool(v)
	if len(vs) > 1 {
		err = errors.New("repeated")
	}
	if err != nil {
		return false, &models.Error{Code: models.EINVALID, Message: "the query is not valid",
			Fields: []models.FieldError{{Field: name, Message: "must be given once, as true or false"}}}
	}
	return b, nil
}
