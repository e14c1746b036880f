package handlers

import (
	"net/http"

	"doingoai/app"
	"doingoai/consolidated"
	"doingoai/models"
)

// GetConsolidated drafts a district's or province's own report.
//
//	@Summary		The consolidated report (báo cáo tổng hợp), drafted as a Word document
//	@ID				getConsolidated
//	@Description	The report a district (or, since 2025, a province) sends to the level above, drafted from its communes' reports in the same outline: the header of an administrative document (Nghị định 30/2020/NĐ-CP: A4, Times New Roman, "Số: …/BC-UBND" left for the clerk, place and date, title), the request it answers (the reference of the deadline that applies), sections I–V with the totals of the rollup in sentences ("không có" for a reported zero, "chưa có số liệu" with how many communes have not given a figure; a sentence speaks for the whole unit, "toàn huyện …", only when every commune's report is counted, else it says what it rests on, "theo báo cáo của 1/23 xã, thị trấn đã gửi, …"), the completeness paragraph naming the communes that have not reported and those that reported late, foreign NGO projects, difficulties, causes, plans and recommendations gathered with the communes that raised each, narratives quoted with the commune named, and an annex of tables with a row per commune that has sent a report (late ones marked, as section 13 names them) and a total row, the communes that have sent nothing named once in a sentence above the tables. What a person must still write (the assessment, the plan, the signer) is marked "[Cần bổ sung: …]" and highlighted.
//	@Description	Every figure is the rollup's (GET /rollups with the same status) and the completeness's (GET /completeness). `format=json` answers the same content as data.
//	@Tags			consolidated
//	@Produce		application/vnd.openxmlformats-officedocument.wordprocessingml.document
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			unit_code	path		string	true	"a district or province code (or VN)"	extensions(x-example=167)
//	@Param			period		path		string	true	"2024, 2024S1 or 2024S2"	extensions(x-example=2024)
//	@Param			status		query		string	false	"accepted: draft from accepted reports only (default: submitted and accepted, like rollups)"	Enums(accepted,submitted)
//	@Param			format		query		string	false	"docx (default) or json"	Enums(docx,json)
//	@Success		200			{object}	consolidated.Report	"the Word document (Content-Disposition: attachment); with format=json, its content as data"
//	@Failure		401			{object}	models.Problem	"no valid token"
//	@Failure		403			{object}	models.Problem	"a commune token, or a unit outside the token's scope"
//	@Failure		404			{object}	models.Problem	"no unit has the code, or the period is not one"
//	@Failure		422			{object}	models.Problem	"a bad query value, or a commune-level unit (it reports; it has no consolidated report)"
//	@Failure		429			{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500			{object}	models.Problem	"an internal error, logged with the request id"
//	@Failure		503			{object}	models.Problem	"every export slot of the server, or this token's share of them (half), is busy (the report is drafted in the same slots as CSV and xlsx files); Retry-After says when to try again"
//	@Header			200	{string}	Content-Disposition	"attachment; filename=\"bao-cao-doi-ngoai-167-2024.docx\" (not with format=json)"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			503	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/consolidated/{unit_code}/{period} [get]
func (h *Handler) GetConsolidated(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	qv := r.URL.Query()
	var probs queryProblems
	var opt consolidated.Options
	opt.AcceptedOnly = probs.acceptedOnly(qv.Get("status"))
	format := qv.Get("format")
	switch format {
	case "", "docx":
		format = "docx"
	case "json":
	default:
		probs.Add("format", "must be docx or json")
	}
	period, err := models.ParsePeriod(r.PathValue("period"))
	if err != nil {
		return models.Errorf(models.ENOTFOUND, "there is no consolidated report at this path: %s", err)
	}
	_, u, err := app.TotalsUnit(ctx, h.Store, principal(r), r.PathValue("unit_code"), period, models.Date{})
	if err != nil {
		return err
	}
	if u.Kind.CommuneLevel() {
		probs.Addf("unit_code", "%s (%s) is a %s: it reports to the level above and has no consolidated report; ask for its district or province", u.Name, u.Code, u.Kind)
	}
	if err := probs.err(); err != nil {
		return err
	}
	return exportConsolidated(w, r, h.Store, u, period, opt, format == "json")
}
