package handlers

import (
	"net/http"
	"time"

	"doingoai/models"
)

const (
	auditPerPage    = 50
	maxAuditPerPage = 500
)

// ListAudit reads the audit trail.
//
//	@Summary		The audit trail (nhật ký)
//	@ID				listAudit
//	@Description	Every submission, review, deadline, token created or revoked and unit changed: who (token id and name, role), what, when, and the state before and after. Newest first. A district reads the events of its subtree; an admin everything (events about no unit, such as tokens of admins, only without `unit`). Append-only: no endpoint changes or deletes it, and the database refuses to.
//	@Tags			audit
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			unit		query		string	false	"events of this unit and the units below it"	extensions(x-example=167)
//	@Param			period		query		string	false	"2024, 2024S1 or 2024S2"	extensions(x-example=2024)
//	@Param			since		query		string	false	"events at or after this time (RFC 3339)"	format(date-time)
//	@Param			page		query		int		false	"page number, from 1"	minimum(1)	default(1)
//	@Param			per_page	query		int		false	"events per page"		minimum(1)	maximum(500)	default(50)
//	@Success		200			{object}	models.AuditList
//	@Failure		401			{object}	models.Problem	"no valid token"
//	@Failure		403			{object}	models.Problem	"a commune token, or a unit outside the token's scope"
//	@Failure		422			{object}	models.Problem	"a bad query value"
//	@Failure		429			{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500			{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/audit [get]
func (h *Handler) ListAudit(w http.ResponseWriter, r *http.Request) error {
	p := principal(r)
	if err := p.RequireRole(models.RoleAdmin, models.RoleDistrict); err != nil {
		return models.Errorf(models.EFORBIDDEN, "only districts and admins read the audit trail")
	}
	q := r.URL.Query()
	var probs queryProblems
	f := models.AuditFilter{Period: q.Get("period")}
	f.Page = models.ParsePage(&probs.Problems, q.Get("page"), q.Get("per_page"), auditPerPage, maxAuditPerPage)
	if f.Period != "" {
		if _, err := models.ParsePeriod(f.Period); err != nil {
			probs.Add("period", err.Error())
		}
	}
	if s := q.Get("since"); s != "" {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			probs.Add("since", "must be a time such as 2024-11-25T00:00:00+07:00")
		}
		f.Since = t
	}
	within, err := h.listWithin(r, p, "unit", &probs)
	if err != nil {
		return err
	}
	list, err := h.Store.ListAudit(r.Context(), f, within)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, list)
}
