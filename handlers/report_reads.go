package handlers

import (
	"net/http"
	"strconv"

	"doingoai/app"
	"doingoai/models"
)

// reportUnit resolves the unit and period of a report path and checks the
// principal's scope (app.Reports.Unit).
func (h *Handler) reportUnit(r *http.Request) (*models.TreeUnit, string, error) {
	period := r.PathValue("period")
	_, u, _, err := app.Reports{Store: h.Store}.Unit(r.Context(), principal(r), r.PathValue("unit_code"), period)
	return u, period, err
}

// GetReport returns a report's current revision.
//
//	@Summary		Get a report
//	@ID				getReport
//	@Description	The current revision: the submitted body plus `revision`, `status` (draft, submitted, accepted, returned), `submitted_at`, `submitted_by`, `first_submitted_at`, `warnings` and, once reviewed, `review`. `If-None-Match` with the current ETag answers 304.
//	@Tags			reports
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			unit_code		path		string	true	"commune code"	extensions(x-example=05596)
//	@Param			period			path		string	true	"2024, 2024S1 or 2024S2"	extensions(x-example=2024)
//	@Param			If-None-Match	header		string	false	"an ETag the client holds"
//	@Success		200				{object}	models.ReportView
//	@Header			200				{string}	ETag	"the report's entity tag"
//	@Success		304				"not modified: the client's copy is current"
//	@Header			304				{string}	ETag	"the report's entity tag"
//	@Failure		401				{object}	models.Problem	"no valid token"
//	@Failure		403				{object}	models.Problem	"the unit is outside the token's scope"
//	@Failure		404				{object}	models.Problem	"no such unit or no report for the period"
//	@Failure		429				{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500				{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/reports/{unit_code}/{period} [get]
func (h *Handler) GetReport(w http.ResponseWriter, r *http.Request) error {
	u, period, err := h.reportUnit(r)
	if err != nil {
		return err
	}
	view, etag, err := h.Store.GetReport(r.Context(), u, period)
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag)
	if inm := r.Header.Get("If-None-Match"); inm != "" && (inm == etag || inm == "*") {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	return writeJSON(w, http.StatusOK, view)
}

// ListRevisions returns a report's history.
//
//	@Summary		List a report's revisions
//	@ID				listRevisions
//	@Description	Every submission of the report, oldest first. Nothing is ever overwritten: each revision can be read whole.
//	@Tags			reports
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			unit_code	path		string	true	"commune code"	extensions(x-example=05596)
//	@Param			period		path		string	true	"2024, 2024S1 or 2024S2"	extensions(x-example=2024)
//	@Success		200			{object}	models.RevisionList
//	@Failure		401			{object}	models.Problem	"no valid token"
//	@Failure		403			{object}	models.Problem	"the unit is outside the token's scope"
//	@Failure		404			{object}	models.Problem	"no such report"
//	@Failure		429			{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500			{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/reports/{unit_code}/{period}/revisions [get]
func (h *Handler) ListRevisions(w http.ResponseWriter, r *http.Request) error {
	u, period, err := h.reportUnit(r)
	if err != nil {
		return err
	}
	list, err := h.Store.ListRevisions(r.Context(), u, period)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, list)
}

// GetRevision returns one revision whole.
//
//	@Summary		Get one revision of a report
//	@ID				getRevision
//	@Tags			reports
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			unit_code	path		string	true	"commune code"	extensions(x-example=05596)
//	@Param			period		path		string	true	"2024, 2024S1 or 2024S2"	extensions(x-example=2024)
//	@Param			n			path		int		true	"revision number, from 1"	minimum(1)
//	@Success		200			{object}	models.ReportView
//	@Failure		401			{object}	models.Problem	"no valid token"
//	@Failure		403			{object}	models.Problem	"the unit is outside the token's scope"
//	@Failure		404			{object}	models.Problem	"no such report or revision"
//	@Failure		429			{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500			{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/reports/{unit_code}/{period}/revisions/{n} [get]
func (h *Handler) GetRevision(w http.ResponseWriter, r *http.Request) error {
	u, period, err := h.reportUnit(r)
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 1 {
		return models.Errorf(models.ENOTFOUND, "%q is not a revision number", r.PathValue("n"))
	}
	view, err := h.Store.GetRevision(r.Context(), u, period, n)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, view)
}

// listWithin resolves the subtree a listing reads: the unit that the query
// parameter param names, else the principal's own (nil for an admin:
// everything). The query's problems, with param's, are answered before the
// scope is checked.
func (h *Handler) listWithin(r *http.Request, p models.Principal, param string, probs *queryProblems) (*models.TreeUnit, error) {
	t, err := h.Store.Tree(r.Context())
	if err != nil {
		return nil, err
	}
	within := t.Unit(p.UnitID)
	if code := r.URL.Query().Get(param); code != "" {
		if within = t.ByCode(code); within == nil {
			probs.Addf(param, "no unit has the code %s", code)
		}
	}
	if err := probs.err(); err != nil {
		return nil, err
	}
	if within != nil {
		if err := t.InScope(p, within); err != nil {
			return nil, err
		}
	}
	return within, nil
}

const (
	reportsPerPage    = 50
	maxReportsPerPage = 500
)

// ListReports lists reports.
//
//	@Summary		List reports
//	@ID				listReports
//	@Description	Reports of the communes below `parent` (default: the token's unit; everything for an admin), newest period first, then by unit code. A commune token sees its own reports only.
//	@Tags			reports
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			parent		query		string	false	"a unit: reports of the communes below it"	extensions(x-example=167)
//	@Param			period		query		string	false	"2024, 2024S1 or 2024S2"	extensions(x-example=2024)
//	@Param			status		query		string	false	"draft, submitted, accepted or returned"	Enums(draft,submitted,accepted,returned)
//	@Param			page		query		int		false	"page number, from 1"	minimum(1)	default(1)
//	@Param			per_page	query		int		false	"reports per page"		minimum(1)	maximum(500)	default(50)
//	@Success		200			{object}	models.ReportList
//	@Failure		401			{object}	models.Problem	"no valid token"
//	@Failure		403			{object}	models.Problem	"parent is outside the token's scope"
//	@Failure		422			{object}	models.Problem	"a bad query value"
//	@Failure		429			{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500			{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/reports [get]
func (h *Handler) ListReports(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	p := principal(r)
	var probs queryProblems
	f := models.ReportFilter{Period: q.Get("period"), Status: q.Get("status")}
	f.Page = models.ParsePage(&probs.Problems, q.Get("page"), q.Get("per_page"), reportsPerPage, maxReportsPerPage)
	if f.Period != "" {
		if _, err := models.ParsePeriod(f.Period); err != nil {
			probs.Add("period", err.Error())
		}
	}
	switch f.Status {
	case "", models.StatusDraft, models.StatusSubmitted, models.StatusAccepted, models.StatusReturned:
	default:
		probs.Add("status", "must be draft, submitted, accepted or returned")
	}
	within, err := h.listWithin(r, p, "parent", &probs)
	if err != nil {
		return err
	}
	list, err := h.Store.ListReports(r.Context(), f, within)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, list)
}
