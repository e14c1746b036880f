package handlers

import (
	"net/http"
	"strings"

	"doingoai/app"
	"doingoai/models"
)

// PostReview records the district's decision on a report.
//
//	@Summary		Review a report (tiếp nhận / trả lại)
//	@ID				reviewReport
//	@Description	Accept the report's current revision (it is then locked: submissions get 409 until the district returns it) or return it with a comment saying what to amend (the commune's next submission makes it `submitted` again as a new revision). A district can reopen an accepted report by returning it. Reviewing a draft is 409. Repeating the last review changes nothing. With `If-Match`, the review is refused with 412 if the report changed since it was read. Answers the report with its review.
//	@Tags			reports
//	@Accept			json
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			unit_code	path		string				true	"commune code"	extensions(x-example=05596)
//	@Param			period		path		string				true	"2024, 2024S1 or 2024S2"	extensions(x-example=2024)
//	@Param			review		body		models.ReviewInput	true	"the decision"
//	@Param			If-Match	header		string				false	"the ETag of the report as the reviewer read it"
//	@Success		200			{object}	models.ReportView
//	@Header			200			{string}	ETag	"the report's new entity tag"
//	@Failure		400			{object}	models.Problem	"malformed JSON"
//	@Failure		401			{object}	models.Problem	"no valid token"
//	@Failure		403			{object}	models.Problem	"a commune token, or a unit outside the token's scope"
//	@Failure		404			{object}	models.Problem	"no such report"
//	@Failure		409			{object}	models.Problem	"the report is a draft"
//	@Failure		412			{object}	models.Problem	"If-Match is not the current ETag"
//	@Failure		413			{object}	models.Problem	"body over 1 MiB"
//	@Failure		415			{object}	models.Problem	"not JSON"
//	@Failure		422			{object}	models.Problem	"an unknown decision, or a return without a comment"
//	@Failure		429			{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500			{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/reports/{unit_code}/{period}/review [post]
func (h *Handler) PostReview(w http.ResponseWriter, r *http.Request) error {
	reviews := app.Reviews{Store: h.Store}
	place, err := reviews.Place(r.Context(), principal(r), r.PathValue("unit_code"), r.PathValue("period"))
	if err != nil {
		return err
	}
	var in models.ReviewInput
	if err := decodeJSONBody(r, &in); err != nil {
		return err
	}
	view, etag, err := reviews.Review(r.Context(), place, in, strings.TrimSpace(r.Header.Get("If-Match")))
	if err != nil {
		return err
	}
	w.Header().Set("ETag", etag)
	return writeJSON(w, http.StatusOK, view)
}
