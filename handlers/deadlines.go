package handlers

import (
	"net/http"

	"doingoai/app"
	"doingoai/models"
)

// PutDeadline sets the due date of a period on a unit.
//
//	@Summary		Set a due date (hạn nộp báo cáo)
//	@ID				setDeadline
//	@Description	Sets the date by which the communes below the unit must report for the period — the date of the district's request letter. It applies to every commune below the unit unless a nearer unit sets its own. A report is on time if first submitted before the end of that day in Vietnam (UTC+7). 201 when new, 200 when changed.
//	@Tags			deadlines
//	@Accept			json
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			unit_code	path		string					true	"unit code"	extensions(x-example=167)
//	@Param			period		path		string					true	"2024, 2024S1 or 2024S2"	extensions(x-example=2024)
//	@Param			deadline	body		models.DeadlineInput	true	"the due date and the letter that set it"
//	@Success		200			{object}	models.Deadline
//	@Success		201			{object}	models.Deadline
//	@Failure		400			{object}	models.Problem	"malformed JSON"
//	@Failure		401			{object}	models.Problem	"no valid token"
//	@Failure		403			{object}	models.Problem	"a commune token, or a unit outside the token's scope"
//	@Failure		404			{object}	models.Problem	"no unit has the code"
//	@Failure		413			{object}	models.Problem	"body over 1 MiB"
//	@Failure		415			{object}	models.Problem	"not JSON"
//	@Failure		422			{object}	models.Problem	"invalid fields, or `unit_ended`: the unit ended before the period's last day, so its communes report to its successors (`valid_to` and `successors` in the problem)"
//	@Failure		429			{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500			{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/deadlines/{unit_code}/{period} [put]
func (h *Handler) PutDeadline(w http.ResponseWriter, r *http.Request) error {
	deadlines := app.Deadlines{Store: h.Store}
	place, err := deadlines.Place(r.Context(), principal(r), r.PathValue("unit_code"), r.PathValue("period"))
	if err != nil {
		return err
	}
	var in models.DeadlineInput
	if err := decodeJSONBody(r, &in); err != nil {
		return err
	}
	d, created, err := deadlines.Set(r.Context(), place, in)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	return writeJSON(w, status, d)
}

// GetDeadline reads the due date that applies to a unit.
//
//	@Summary		Read a due date
//	@ID				getDeadline
//	@Description	The due date that applies to the unit for the period: set on it, or on the nearest unit above it (`set_on` says which). A commune reads its own.
//	@Tags			deadlines
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			unit_code	path		string	true	"unit code"	extensions(x-example=05596)
//	@Param			period		path		string	true	"2024, 2024S1 or 2024S2"	extensions(x-example=2024)
//	@Success		200			{object}	models.Deadline
//	@Failure		401			{object}	models.Problem	"no valid token"
//	@Failure		403			{object}	models.Problem	"the unit is outside the token's scope"
//	@Failure		404			{object}	models.Problem	"no unit, or no due date applies"
//	@Failure		429			{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500			{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/deadlines/{unit_code}/{period} [get]
func (h *Handler) GetDeadline(w http.ResponseWriter, r *http.Request) error {
	d, err := app.Deadlines{Store: h.Store}.Get(r.Context(), principal(r), r.PathValue("unit_code"), r.PathValue("period"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, d)
}
