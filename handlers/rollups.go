package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"doingoai/app"
	"doingoai/export"
	"doingoai/models"
	"doingoai/store"
)

// ListIndicators returns the indicator catalogue.
//
//	@Summary		The indicator catalogue (danh mục chỉ tiêu)
//	@ID				listIndicators
//	@Description	Every indicator a rollup computes: its stable code, Vietnamese and English names, unit, and how it rolls up — `sum`; `ratio` (Σ numerator / Σ denominator × 100, such as the poverty rate: Σ poor households / Σ households); `weighted_mean` (weighted by population, such as income per head). Percentages are never added or averaged. The catalogue (mã — tiếng Việt — English, unit, aggregation):
//	@Description	- `delegations_out`: Số đoàn ra — Delegations sent abroad (đoàn; sum)
//	@Description	- `delegations_out_people`: Số lượt người đi nước ngoài — People sent abroad (người; sum)
//	@Description	- `delegations_in_domestic`: Số đoàn trong nước đến làm việc — Domestic delegations received (đoàn; sum)
//	@Description	- `delegations_in_foreign`: Số đoàn nước ngoài vào — Foreign delegations received (đoàn; sum)
//	@Description	- `delegations_in_foreign_people`: Số lượt khách nước ngoài — Foreign visitors received (người; sum)
//	@Description	- `international_agreements`: Số thỏa thuận quốc tế ký kết — International agreements signed (thỏa thuận; sum)
//	@Description	- `international_conferences`: Số hội nghị, hội thảo quốc tế — International conferences held (hội nghị; sum)
//	@Description	- `ngo_projects`: Số dự án viện trợ phi chính phủ nước ngoài — Foreign NGO aid projects (dự án; sum)
//	@Description	- `ngo_aid_committed_vnd`: Giá trị viện trợ PCPNN cam kết — Foreign NGO aid committed (VND; sum)
//	@Description	- `ngo_aid_disbursed_vnd`: Giá trị viện trợ PCPNN giải ngân — Foreign NGO aid disbursed (VND; sum)
//	@Description	- `foreign_residents`: Số người nước ngoài tạm trú — Foreigners residing temporarily (người; sum)
//	@Description	- `foreigner_incidents`: Số vụ việc liên quan người nước ngoài — Incidents involving foreigners (vụ việc; sum)
//	@Description	- `citizens_exited`: Số công dân xuất cảnh — Citizens who went abroad (người; sum)
//	@Description	- `labor_export_workers`: Số người đi lao động ở nước ngoài — Workers abroad on labour contracts (người; sum)
//	@Description	- `officials_trained`: Số cán bộ được bồi dưỡng kiến thức đối ngoại — Officials trained in foreign affairs (người; sum)
//	@Description	- `foreign_awards_received`: Số khen thưởng nước ngoài nhận được — Foreign awards received (hình thức; sum)
//	@Description	- `award_nominations`: Số kiến nghị khen thưởng — Award nominations (hình thức; sum)
//	@Description	- `population`: Dân số — Population (người; sum)
//	@Description	- `households`: Số hộ — Households (hộ; sum)
//	@Description	- `poor_households`: Số hộ nghèo — Poor households (hộ; sum)
//	@Description	- `poverty_rate_pct`: Tỷ lệ hộ nghèo — Poverty rate (%; ratio)
//	@Description	- `near_poverty_rate_pct`: Tỷ lệ hộ cận nghèo — Near-poverty rate (%; ratio)
//	@Description	- `income_per_capita_vnd`: Thu nhập bình quân đầu người — Income per head (VND/người/năm; weighted_mean)
//	@Description	- `ethnic_minority_share_pct`: Tỷ lệ người dân tộc thiểu số — Ethnic minority share (%; weighted_mean)
//	@Description	- `area_ha`: Diện tích tự nhiên — Natural area (ha; sum)
//	@Description	- `party_members`: Số đảng viên — Party members (người; sum)
//	@Tags			indicators
//	@Produce		json
//	@Produce		application/problem+json
//	@Success		200	{object}	models.IndicatorList
//	@Failure		401	{object}	models.Problem	"no valid token"
//	@Failure		429	{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500	{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/indicators [get]
func (h *Handler) ListIndicators(w http.ResponseWriter, r *http.Request) error {
	return writeJSON(w, http.StatusOK, models.IndicatorList{Items: models.Indicators})
}

// Bounds on the work of one rollup.
const (
	// MaxSeries bounds periods=: twenty years of reports, or ten years of
	// halves.
	MaxSeries = app.MaxSeries
	// maxListed bounds how many codes indicators= may name before any is
	// looked at (the catalogue has fewer than 30; repeats count once).
	maxListed = 100
	// MaxRollupCells bounds one rollup (app.MaxRollupCells, which the
	// use case applies).
	MaxRollupCells = app.MaxRollupCells
)

// GetRollup returns the totals of every indicator below a unit.
//
//	@Summary		Totals per indicator (tổng hợp)
//	@ID				getRollup
//	@Description	Totals over every commune-level unit below `unit`, at any depth (province → district → commune, or province → commune since 2025). Sums, ratios of sums and means weighted by population; `value` is null where no commune reported the indicator and `reporting` says how many did. Counts submitted and accepted reports (drafts and returned reports are not counted), or accepted ones only with `status=accepted`. A rollup reflects every submission that has been answered: totals are kept up to date in the submission's own transaction.
//	@Description	`by=child` adds a row per child unit (null kept as null); `periods` adds a series; `format=csv` (UTF-8 with BOM) or `format=xlsx` returns a file with Vietnamese headers. Money and counts are exact to the last digit, even past 2^53.
//	@Description	A period is read in the tree of its last day (2025: the units that existed on 2025-12-31). `tree=DATE` regroups every period asked in the tree of that day instead, so that a series is comparable across a reorganisation (the 2025 reform): an old commune that went whole into a new one counts there; one that was divided is never split by a guess — it counts only at the first unit where all its successors meet and is listed in `not_comparable`. A tree date in the future, before the first unit, or on which `unit` names no unit is 422.
//	@Description	**Three media types, one operation.** The answer's type follows `format`, not the Accept header: `application/json` (a Rollup) by default, `text/csv; charset=utf-8` with `format=csv`, `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` with `format=xlsx`. A generated client should call this operation with `format` left out (or json) for typed figures, and read the body as bytes with csv or xlsx. A CSV file holds one table: `by=child` together with `periods` is refused in CSV (422), not in xlsx. Text cells that begin with =, +, -, @, a tab or a carriage return start with an apostrophe in CSV, so that a spreadsheet never runs them as formulas.
//	@Description	Bounds: a code repeated in `indicators` or `periods` counts once, and `indicators` names at most 100 codes; one request asks for at most 100,000 figures (periods × units × indicators, the units being `unit` and, with `by=child`, its children): more is 422. CSV and xlsx files, here and on the web pages, are built a few at a time (one per CPU of the server, a token or person holding at most half of them): when every slot, or the token's share, is busy for 10 s the answer is 503 with `Retry-After`.
//	@Tags			rollups
//	@Produce		json
//	@Produce		text/csv
//	@Produce		application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
//	@Produce		application/problem+json
//	@Param			unit		query		string	true	"unit code: a district, a province, or VN for the country"	extensions(x-example=167)
//	@Param			period		query		string	false	"2024, 2024S1 or 2024S2; required unless periods is given (then it is the last of them)"	extensions(x-example=2024)
//	@Param			indicators	query		string	false	"only these indicator codes, separated by commas, such as delegations_in_foreign,poverty_rate_pct"	extensions(x-example=poverty_rate_pct)
//	@Param			by			query		string	false	"child: add a row per child unit"	Enums(child)
//	@Param			periods		query		string	false	"a series: periods separated by commas (at most 20), such as 2022,2023,2024"	extensions(x-example=2023)
//	@Param			status		query		string	false	"accepted: count accepted reports only"	Enums(accepted,submitted)
//	@Param			format		query		string	false	"json (default), csv or xlsx"	Enums(json,csv,xlsx)
//	@Param			compare		query		string	false	"previous: each indicator also gives `compared`, its value in the period before (2023 for 2024, 2024S1 for 2024S2, 2023S2 for 2024S1) and the change from it, value − previous, exact (null where either is null): the overview page's columns; csv and xlsx leave it out"	Enums(previous)
//	@Param			tree		query		string	false	"regroup the figures in the tree of this day (YYYY-MM-DD), such as 2025-07-01 to compare 2024 with 2025 across the reform: each old commune's reports count in the unit its successors belong to on that day; a divided commune counts only where all its successors meet and is listed in not_comparable; unit is then a unit of that tree"	format(date)
//	@Success		200			{object}	models.Rollup	"the totals as JSON; with format=csv or format=xlsx, a file (Content-Disposition: attachment) with the same figures and Vietnamese headers"
//	@Failure		401			{object}	models.Problem	"no valid token"
//	@Failure		403			{object}	models.Problem	"a commune token, or a unit outside the token's scope"
//	@Failure		404			{object}	models.Problem	"no unit has the code"
//	@Failure		422			{object}	models.Problem	"a bad query value"
//	@Failure		429			{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500			{object}	models.Problem	"an internal error, logged with the request id"
//	@Failure		503			{object}	models.Problem	"format=csv or xlsx: every export slot of the server, or this token's share of them (half), is busy; Retry-After says when to try again"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			503	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/rollups [get]
func (h *Handler) GetRollup(w http.ResponseWriter, r *http.Request) error {
	req, format, err := rollupRequest(r.URL.Query())
	if err != nil {
		return err
	}
	totals := app.Totals{Store: h.Store}
	if format == "csv" || format == "xlsx" {
		q, err := totals.RollupQuery(r.Context(), principal(r), req)
		if err != nil {
			return err
		}
		return exportRollup(w, r, h.Store, q, format)
	}
	roll, err := totals.Rollup(r.Context(), principal(r), req)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, roll)
}

// rollupRequest reads the query string of GET /rollups as the use case
// (app.Totals) takes it: parseRollupQuery's, and compare=previous.
func rollupRequest(qv url.Values) (app.RollupRequest, string, error) {
	q, code, format, err := parseRollupQuery(qv)
	req := app.RollupRequest{Code: code, Query: q}
	switch qv.Get("compare") {
	case "":
	case "previous":
		req.Compare = true
	default:
		bad := models.FieldError{Field: "compare", Code: models.FInvalid, Message: "must be previous"}
		var e *models.Error
		if errors.As(err, &e) {
			e.Fields = append(e.Fields, bad)
		} else {
			err = &models.Error{Code: models.EINVALID, Message: "the query is not valid", Fields: []models.FieldError{bad}}
		}
	}
	return req, format, err
}

// parseRollupQuery checks the query string of GET /rollups without touching
// the database: everything but the unit, which comes back as its code (the
// use case, app.Totals, resolves it). Every problem is named, each with its
// parameter.
func parseRollupQuery(qv url.Values) (q store.RollupQuery, code, format string, err error) {
	var probs queryProblems
	periods := splitList(qv.Get("periods"))
	if len(periods) > maxListed {
		probs.Addf("periods", "names %d periods; at most %d are allowed", len(periods), MaxSeries)
		periods = nil
	}
	for _, s := range periods {
		p, err := models.ParsePeriod(s)
		if err != nil {
			probs.Add("periods", err.Error())
			continue
		}
		q.Series = append(q.Series, p)
	}
	if len(q.Series) > MaxSeries {
		probs.Addf("periods", "names %d periods; at most %d are allowed", len(q.Series), MaxSeries)
	}
	switch ps := qv.Get("period"); {
	case ps != "":
		p, err := models.ParsePeriod(ps)
		if err != nil {
			probs.Add("period", err.Error())
		}
		q.Period = p
	case len(q.Series) > 0:
		q.Period = q.Series[len(q.Series)-1]
	default:
		probs.Add("period", "is required (or give periods)")
	}
	if codes := splitList(qv.Get("indicators")); len(codes) > maxListed {
		probs.Addf("indicators", "names %d codes; at most %d are allowed (the catalogue has %d indicators)", len(codes), maxListed, len(models.Indicators))
	} else if len(codes) > 0 {
		for _, c := range codes {
			ind, ok := models.IndicatorByCode(c)
			if !ok {
				probs.Addf("indicators", "%q is not an indicator; GET /api/v1/indicators lists them", c)
				continue
			}
			q.Indicators = append(q.Indicators, ind)
		}
	} else {
		q.Indicators = models.Indicators
	}
	switch qv.Get("by") {
	case "":
	case "child":
		q.ByChild = true
	default:
		probs.Add("by", "must be child")
	}
	q.AcceptedOnly = probs.acceptedOnly(qv.Get("status"))
	format = qv.Get("format")
	switch format {
	case "", "json":
		format = "json"
	case "csv":
		if q.ByChild && len(q.Series) > 0 {
			probs.Add("format", export.ErrOneTable.Error())
		}
	case "xlsx":
	default:
		probs.Add("format", "must be json, csv or xlsx")
	}
	if ts := qv.Get("tree"); ts != "" {
		d, err := models.ParseDate(ts)
		if err != nil {
			probs.Add("tree", err.Error())
		}
		q.Tree = d
	}
	code = qv.Get("unit")
	if code == "" {
		probs.Add("unit", "is required: the code of a district, a province, or VN")
	}
	return q, code, format, probs.err()
}

// splitList splits a comma-separated list, dropping empty entries and
// repeats (the first of each is kept, in order).
func splitList(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// writeFile sends b as a file to download, with its media type and name.
func writeFile(w http.ResponseWriter, contentType, name string, b []byte) error {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, name))
	w.WriteHeader(http.StatusOK)
	_, err := w.Write(b)
	return err
}

// GetCompleteness says who has reported.
//
//	@Summary		Who has reported (tình hình báo cáo)
//	@ID				getCompleteness
//	@Description	Every commune-level unit below `unit` with its report status (missing, draft, submitted, returned, accepted), first submission, and whether that came before the end of its due date in Vietnam time (UTC+7). The due date is the one set on the commune or on the nearest unit above it (PUT /deadlines). `reported` counts submissions that were not drafts (submitted, returned or accepted).
//	@Tags			completeness
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			unit	query		string	true	"unit code"	extensions(x-example=167)
//	@Param			period	query		string	true	"2024, 2024S1 or 2024S2"	extensions(x-example=2024)
//	@Param			page		query		int		false	"page of `units`, from 1"	minimum(1)	default(1)
//	@Param			per_page	query		int		false	"communes per page of `units`; the counts are always of every commune"	minimum(1)	maximum(1000)	default(500)
//	@Param			tree	query		string	false	"list the communes of the period whose reports count in unit in the tree of this day (YYYY-MM-DD), as rollups with tree= do"	format(date)
//	@Success		200		{object}	models.Completeness
//	@Failure		401		{object}	models.Problem	"no valid token"
//	@Failure		403		{object}	models.Problem	"a commune token, or a unit outside the token's scope"
//	@Failure		404		{object}	models.Problem	"no unit has the code"
//	@Failure		422		{object}	models.Problem	"a bad query value"
//	@Failure		429		{object}	models.Problem	"too many requests for this token; Retry-After says when to try again"
//	@Failure		500		{object}	models.Problem	"an internal error, logged with the request id"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/completeness [get]
func (h *Handler) GetCompleteness(w http.ResponseWriter, r *http.Request) error {
	code, period, day, err := unitPeriodQuery(r)
	if err != nil {
		return err
	}
	var probs queryProblems
	qv := r.URL.Query()
	page := models.ParsePage(&probs.Problems, qv.Get("page"), qv.Get("per_page"), completenessPerPage, maxCompletenessPerPage)
	if err := probs.err(); err != nil {
		// The unit is checked first: a unit outside the token's scope is
		// 403 whatever the page asked.
		if _, _, uerr := app.TotalsUnit(r.Context(), h.Store, principal(r), code, period, day); uerr != nil {
			return uerr
		}
		return err
	}
	// The counts are of every commune; the list is one page of them (the
	// whole country is over ten thousand communes).
	c, err := app.Totals{Store: h.Store}.Completeness(r.Context(), principal(r), code, store.CompletenessQuery{Period: period, Tree: day, Offset: page.Offset(), Limit: page.PerPage})
	if err != nil {
		return err
	}
	c.Page, c.PerPage = page.Number, page.PerPage
	return writeJSON(w, http.StatusOK, c)
}

const (
	completenessPerPage    = 500
	maxCompletenessPerPage = 1000
)

// unitPeriodQuery reads ?unit=&period=[&tree=] of GET /completeness: the
// unit's code, checked for scope by the use case.
func unitPeriodQuery(r *http.Request) (string, models.Period, models.Date, error) {
	qv := r.URL.Query()
	var probs queryProblems
	var day models.Date
	code := qv.Get("unit")
	if code == "" {
		probs.Add("unit", "is required")
	}
	period, err := models.ParsePeriod(qv.Get("period"))
	if err != nil {
		probs.Add("period", err.Error())
	}
	if ts := qv.Get("tree"); ts != "" {
		if day, err = models.ParseDate(ts); err != nil {
			probs.Add("tree", err.Error())
		}
	}
	return code, period, day, probs.err()
}
