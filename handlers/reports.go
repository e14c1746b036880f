package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"doingoai/app"
	"doingoai/models"
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
	return h.submit(w, r, "", "")
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
	return h.submit(w, r, r.PathValue("unit_code"), r.PathValue("period"))
}

// submit is POST and PUT: read the request, submit it (app.Reports), and
// answer.
func (h *Handler) submit(w http.ResponseWriter, r *http.Request, pathUnit, pathPeriod string) error {
	req, err := submitRequest(r, pathUnit, pathPeriod)
	if err != nil {
		return app.CountRefusedSubmission(err)
	}
	out, err := app.Reports{Store: h.Store}.Submit(r.Context(), principal(r), req)
	if err != nil {
		return err
	}
	hd := w.Header()
	if out.ETag != "" {
		hd.Set("ETag", out.ETag)
	}
	if out.Outcome == app.Replayed {
		hd.Set("Idempotent-Replayed", "true")
	}
	status := http.StatusOK
	if out.New {
		status = http.StatusCreated
		hd.Set("Location", reportLocation(out.Result.UnitCode, out.Result.Period))
	}
	return writeJSON(w, status, out.Result)
}

// submitRequest reads a submission from the HTTP request.
func submitRequest(r *http.Request, pathUnit, pathPeriod string) (app.SubmitRequest, error) {
	req := app.SubmitRequest{UnitCode: pathUnit, Period: pathPeriod, Route: r.Method + " " + r.URL.Path,
		IfMatch: strings.TrimSpace(r.Header.Get("If-Match"))}
	var err error
	if req.DryRun, err = boolQuery(r, "dry_run"); err != nil {
		return req, err
	}
	if req.IdempotencyKey, err = idempotencyKey(r); err != nil {
		return req, err
	}
	req.Body, err = readJSONBody(r)
	return req, err
}

// reportLocation is the path of a report.
func reportLocation(unitCode, period string) string {
	return "/api/v1/reports/" + unitCode + "/" + period
}

// idempotencyKey reads the Idempotency-Key header: a structured-field
// string ("…") or, as many clients send it, a bare token; "" for none.
func idempotencyKey(r *http.Request) (string, error) {
	v := strings.TrimSpace(r.Header.Get("Idempotency-Key"))
	if v == "" {
		return "", nil
	}
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		v = v[1 : len(v)-1]
	}
	bad := v == "" || len(v) > MaxIdempotencyKey
	for i := 0; i < len(v) && !bad; i++ {
		bad = v[i] < 0x20 || v[i] > 0x7e
	}
	if bad {
		return "", &models.Error{Code: models.EINVALID, Message: "the Idempotency-Key header is not valid",
			Fields: []models.FieldError{{Field: "Idempotency-Key", Code: models.FBadFormat, Message: fmt.Sprintf("must be 1 to %d printable ASCII characters, such as a UUID", MaxIdempotencyKey)}}}
	}
	return v, nil
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
