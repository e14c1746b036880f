package web

// The commune's page: the clerk of a commune (or a district officer on
// the commune's behalf) fills in the year's report, sees the API's errors
// and warnings at their inputs while typing, saves a draft and sends it.
//
//	GET  /xa/                          the signed-in commune's current report
//	GET  /xa/{code}                    a commune's current report (district: on its behalf)
//	GET  /xa/{code}/{period}           the form
//	POST /xa/{code}/{period}           Lưu nháp (action=draft) or Gửi báo cáo (action=submit)
//	POST /xa/{code}/{period}/kiem-tra  the check while typing (JSON): the API's dry run
//	GET  /xa/{code}/{period}/lich-su   the history: who sent what, when, and what changed
//	POST /xa/{code}/{period}/nhap-tu-file  "Bắt đầu từ file Word": the API's import fills the form
//
// Every submission goes through the API's own handler (PUT
// /api/v1/reports/{code}/{period}, in process): the same decoding, the
// same validator, the same idempotency and the same audit as a program's
// submission. The page adds only the reading of Vietnamese numbers and the
// Vietnamese words of the messages.

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"doingoai/handlers"
	"doingoai/models"
	"doingoai/store"
)

func init() {
	registerPages(func(a *App) {
		a.page("GET /xa/{$}", a.communeHome)
		a.page("GET /xa/{code}", a.communeHome)
		a.page("GET /xa/{code}/{period}", a.communeForm)
		a.page("POST /xa/{code}/{period}", a.communeSave)
		a.page("POST /xa/{code}/{period}/kiem-tra", a.communeCheck)
		a.page("GET /xa/{code}/{period}/lich-su", a.communeHistory)
		a.page("POST /xa/{code}/{period}/nhap-tu-file", a.communeImport)
	})
}

// communeUnit resolves the commune of a /xa/ path with the API's scope
// rule: a commune's clerk their own commune only, a district officer the
// communes below their district.
//
// The unit is the one the code named during the period: a commune that did
// not exist then (merged away by the 2025 reform, or not yet made) has no
// report for it (ENOTFOUND).
func (a *App) communeUnit(ctx context.Context, p models.Principal, code string, per models.Period) (*models.Tree, *models.TreeUnit, error) {
	t, err := a.Store.Tree(ctx)
	if err != nil {
		return nil, nil, err
	}
	u := t.ForPeriod(code, per)
	if u == nil {
		if t.ByCode(code) == nil {
			return nil, nil, models.Errorf(models.ENOTFOUND, "no unit has the code %s", code)
		}
		// Authorise against the unit the code names now before saying
		// anything about its periods.
		if err := t.InScope(p, t.ByCode(code)); err != nil {
			return nil, nil, err
		}
		return nil, nil, models.Errorf(models.ENOTFOUND, "unit %s did not exist during %s", code, per)
	}
	if err := t.InScope(p, u); err != nil {
		return nil, nil, err
	}
	if !u.Kind.CommuneLevel() {
		return nil, nil, models.Errorf(models.ENOTFOUND, "only communes report")
	}
	return t, u, nil
}

// communePeriod is one period the page offers, with the report's state.
type communePeriod struct {
	Period  string
	Label   string
	Status  string // missing, draft, submitted, returned, accepted
	Due     *models.Deadline
	Current bool
}

// periodLabel names a period as a document does.
func periodLabel(per models.Period) string {
	switch per.Half {
	case 1:
		return fmt.Sprintf("6 tháng đầu năm %d", per.Year)
	case 2:
		return fmt.Sprintf("6 tháng cuối năm %d", per.Year)
	}
	return fmt.Sprintf("năm %d", per.Year)
}

// communePeriods lists the periods a commune's page offers: this year and
// last year (and their halves where a due date asks for them), and every
// period the commune has a report for, newest first, each with its
// report's status and due date.
func (a *App) communePeriods(ctx context.Context, t *models.Tree, u *models.TreeUnit) ([]communePeriod, error) {
	now := a.Store.Now()
	y := now.In(vietnam).Year()
	set := map[string]models.Period{}
	for _, per := range []models.Period{{Year: y}, {Year: y, Half: 2}, {Year: y, Half: 1}, {Year: y - 1}, {Year: y - 1, Half: 2}, {Year: y - 1, Half: 1}} {
		if per.Begun(now) {
			set[per.String()] = per
		}
	}
	reports, err := a.Store.ListReports(ctx, models.ReportFilter{Page: models.Page{Number: 1, PerPage: 100}}, u)
	if err != nil {
		return nil, err
	}
	status := map[string]string{}
	for _, r := range reports.Items {
		if r.UnitCode != u.Code {
			continue
		}
		if per, err := models.ParsePeriod(r.Period); err == nil {
			set[r.Period] = per
			status[r.Period] = r.Status
		}
	}
	out := make([]communePeriod, 0, len(set))
	for s, per := range set {
		if tu := t.ForPeriod(u.Code, per); tu == nil || tu.ID != u.ID {
			continue // the commune did not exist then (or the code named another)
		}
		cp := communePeriod{Period: s, Label: periodLabel(per), Status: status[s]}
		if cp.Status == "" {
			cp.Status = models.StatusMissing
		}
		d, err := a.Store.Deadline(ctx, u, s)
		switch {
		case err == nil:
			cp.Due = &d
		case models.ErrorCode(err) != models.ENOTFOUND:
			return nil, err
		}
		// A half year is offered only when it is asked for (a due date)
		// or reported: most communes report by the year.
		if per.Half != 0 && cp.Due == nil && status[s] == "" {
			continue
		}
		out = append(out, cp)
	}
	sort.Slice(out, func(i, j int) bool {
		pi, _ := models.ParsePeriod(out[i].Period)
		pj, _ := models.ParsePeriod(out[j].Period)
		if pi.Year != pj.Year {
			return pi.Year > pj.Year
		}
		return (pi.Half+2)%3 > (pj.Half+2)%3 // the year, then S2, then S1
	})
	return out, nil
}

// currentPeriod chooses the period a commune's page opens on: the open
// report (not yet accepted) with the nearest due date, one not yet past
// before one past; without due dates, a report waiting for the commune
// (a draft, a returned report), else the newest report not yet accepted,
// else this year.
func currentPeriod(periods []communePeriod, now time.Time) string {
	today := models.DateOf(now.In(vietnam))
	best, bestDays := "", 0
	for _, p := range periods {
		if p.Status == models.StatusAccepted || p.Due == nil {
			continue
		}
		days := int(p.Due.DueDate.StartInVietnam().Sub(today.StartInVietnam()).Hours() / 24)
		rank := days
		if days < 0 {
			rank = 100000 - days // past due dates after every coming one, nearest first
		}
		if best == "" || rank < bestDays {
			best, bestDays = p.Period, rank
		}
	}
	if best != "" {
		return best
	}
	for _, p := range periods {
		if p.Status == models.StatusDraft || p.Status == models.StatusReturned {
			return p.Period
		}
	}
	for _, p := range periods {
		if p.Status == models.StatusSubmitted {
			return p.Period
		}
	}
	if len(periods) > 0 {
		// This year's period is first among those not reported.
		for _, p := range periods {
			if p.Status == models.StatusMissing {
				return p.Period
			}
		}
		return periods[0].Period
	}
	return strconv.Itoa(now.In(vietnam).Year())
}

// communeHome sends a person to a commune's current report.
func (a *App) communeHome(w http.ResponseWriter, r *http.Request) error {
	p := session(r).Principal
	code := r.PathValue("code")
	if code == "" {
		if p.Role != models.RoleCommune {
			http.Redirect(w, r, "/", http.StatusSeeOther)
			return nil
		}
		code = p.UnitCode
	}
	now := a.Store.Now()
	t, err := a.Store.Tree(r.Context())
	if err != nil {
		return err
	}
	// The unit the code names now, or the last one it named (a commune
	// merged away by the reform still has its reports of before).
	u, err := t.Resolve(code, models.Period{Year: now.In(vietnam).Year()})
	if err != nil {
		return err
	}
	if err := t.InScope(p, u); err != nil {
		return err
	}
	if !u.Kind.CommuneLevel() {
		return models.Errorf(models.ENOTFOUND, "only communes report")
	}
	periods, err := a.communePeriods(r.Context(), t, u)
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/xa/"+url.PathEscape(u.Code)+"/"+currentPeriod(periods, now), http.StatusSeeOther)
	return nil
}

// communeView is what commune.html shows.
type communeView struct {
	Unit        *models.TreeUnit
	Period      string
	PeriodLabel string
	Periods     []communePeriod
	Found       bool
	Report      models.ReportView
	ETag        string
	Status      string
	Due         *models.Deadline
	DueText     string
	DueClass    string
	Review      *models.Review
	ReadOnly    bool
	CanDraft    bool
	OnBehalf    bool // a district officer fills the commune's report
	Notice      string
	Problem     string // why the last action failed, at the top
	Sections    []sectionView
	Summary     []summaryItem
	WarnCount   int
	ErrCount    int
	IdemKey     string
	Action      string
	Kept        *store.FormDraft // a draft kept with errors left, shown instead of the report
	Imported    bool             // the form was filled from a document and is not saved yet
	Base        string           // /xa/{code}/{period}
}

// summaryItem is one line of the list of problems at the top of the form,
// linking to its input.
type summaryItem struct {
	Target, Label, Message string
	Warning                bool
}

func newIdemKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// communeForm shows the form with the current revision.
func (a *App) communeForm(w http.ResponseWriter, r *http.Request) error {
	v, err := a.communeLoad(r)
	if err != nil {
		return err
	}
	switch r.URL.Query().Get("da") {
	case "luu-nhap":
		v.Notice = fmt.Sprintf("Đã lưu bản nháp (lần lưu %d). Bản nháp chưa được gửi lên huyện.", v.Report.Revision)
	case "gui":
		v.Notice = fmt.Sprintf("Đã gửi báo cáo lên cấp trên (lần gửi %d).", v.Report.Revision)
	case "luu-tam":
		v.Notice = "Đã lưu tạm bản nháp. Bản nháp còn lỗi (đánh dấu đỏ) nên chưa thành bản nháp của báo cáo: sửa hết lỗi rồi bấm Lưu nháp hoặc Gửi báo cáo."
	case "bo-nhap":
		v.Notice = "Đã bỏ bản nháp còn lỗi; trang hiện nội dung đã lưu gần nhất."
	case "khong-doi":
		v.Notice = "Nội dung không thay đổi so với lần lưu trước; không tạo lần gửi mới."
	}
	values := formValues{}
	if v.Found {
		body, err := json.Marshal(v.Report.Report)
		if err != nil {
			return err
		}
		if values, err = reportToForm(body); err != nil {
			return err
		}
	}
	msgs := messagesOf(nil, v.Report.Warnings, nil)
	// A draft kept with errors left, newer than the report: the form opens
	// on it, with its errors.
	kept, err := a.Store.GetFormDraft(r.Context(), v.Unit, v.Period)
	if err != nil {
		return err
	}
	// Saving or sending the report removes it, so one that is there is
	// newer than the report.
	if kept != nil && !v.ReadOnly {
		values = kept.Inputs
		v.Kept = kept
		body, problems, _, inputs := formToReport(values, v.Unit.Code, v.Period, models.StatusDraft)
		_, _, err := a.communeSubmit(r.Context(), session(r).Principal, v.Unit.Code, v.Period, body, true, "", "")
		var apiErr *models.Error
		var errs []models.FieldError
		if errors.As(err, &apiErr) && apiErr.Code == models.EINVALID {
			errs = apiErr.Fields
		}
		msgs = messagesOf(append(errs, problems...), nil, inputs)
	}
	a.renderCommune(w, r, http.StatusOK, v, values, msgs)
	return nil
}

// keepForm keeps the form as typed when the draft cannot be a revision
// yet, and says so.
func (a *App) keepForm(w http.ResponseWriter, r *http.Request, v communeView, values formValues) error {
	inputs := formValues{}
	for k, x := range values {
		switch k {
		case "csrf", "idem", "etag", "action":
		default:
			if strings.TrimSpace(x) != "" {
				inputs[k] = x
			}
		}
	}
	if err := a.Store.SaveFormDraft(r.Context(), session(r).Principal, v.Unit, v.Period, inputs); err != nil {
		return err
	}
	http.Redirect(w, r, v.Base+"?da=luu-tam", http.StatusSeeOther)
	return nil
}

// communeLoad reads what every view of the form needs.
func (a *App) communeLoad(r *http.Request) (communeView, error) {
	ctx := r.Context()
	p := session(r).Principal
	per, err := models.ParsePeriod(r.PathValue("period"))
	if err != nil {
		return communeView{}, models.Errorf(models.ENOTFOUND, "%s", err)
	}
	t, u, err := a.communeUnit(ctx, p, r.PathValue("code"), per)
	if err != nil {
		return communeView{}, err
	}
	v := communeView{Unit: u, Period: per.String(), PeriodLabel: periodLabel(per), Status: models.StatusMissing,
		OnBehalf: p.Role != models.RoleCommune, IdemKey: newIdemKey(), Base: "/xa/" + url.PathEscape(u.Code) + "/" + per.String()}
	if v.Periods, err = a.communePeriods(ctx, t, u); err != nil {
		return v, err
	}
	found := false
	for i := range v.Periods {
		if v.Periods[i].Period == v.Period {
			v.Periods[i].Current, found = true, true
			v.Due = v.Periods[i].Due
		}
	}
	if !found {
		cp := communePeriod{Period: v.Period, Label: v.PeriodLabel, Status: models.StatusMissing, Current: true}
		if d, err := a.Store.Deadline(ctx, u, v.Period); err == nil {
			cp.Due, v.Due = &d, &d
		}
		v.Periods = append([]communePeriod{cp}, v.Periods...)
	}
	rep, etag, err := a.Store.GetReport(ctx, u, v.Period)
	switch {
	case err == nil:
		v.Found, v.Report, v.ETag, v.Status = true, rep, etag, rep.Status
		if rep.Review != nil && rep.Status == models.StatusReturned {
			v.Review = rep.Review
		}
	case models.ErrorCode(err) != models.ENOTFOUND:
		return v, err
	}
	v.ReadOnly = v.Status == models.StatusAccepted
	v.CanDraft = v.Status != models.StatusSubmitted && !v.ReadOnly
	if v.Due != nil {
		days := daysLeft(v.Due.DueDate, a.Store.Now())
		v.DueText = fmt.Sprintf("Hạn nộp: %s", fmtDate(v.Due.DueDate))
		if v.Due.Reference != "" {
			v.DueText += " (theo " + v.Due.Reference + ")"
		}
		done := v.Status == models.StatusSubmitted || v.Status == models.StatusAccepted
		switch {
		case done:
			v.DueClass = "due-ok"
		case days > 0:
			v.DueText += fmt.Sprintf(" — còn %d ngày", days)
			v.DueClass = "due-open"
		case days == 0:
			v.DueText += " — hôm nay là hạn cuối"
			v.DueClass = "due-today"
		default:
			v.DueText += fmt.Sprintf(" — đã quá hạn %d ngày", -days)
			v.DueClass = "due-late"
		}
	}
	return v, nil
}

// fieldMessages are the messages of the form, by input name.
type fieldMessages struct {
	Errors   map[string][]string
	Warnings map[string][]string
	Sources  map[string][]string // the words of an imported document a value was read from
}

// messagesOf gathers errors and warnings (already in Vietnamese or as the
// API wrote them) by the input they belong to.
func messagesOf(errs []models.FieldError, warnings []models.Warning, inputs formValues) fieldMessages {
	m := fieldMessages{Errors: map[string][]string{}, Warnings: map[string][]string{}}
	for _, e := range errs {
		at := inputs.inputPath(e.Field)
		m.Errors[at] = append(m.Errors[at], viText(e.Message))
	}
	for _, w := range warnings {
		at := inputs.inputPath(w.Field)
		m.Warnings[at] = append(m.Warnings[at], viText(w.Message))
	}
	return m
}

func (a *App) renderCommune(w http.ResponseWriter, r *http.Request, status int, v communeView, values formValues, msgs fieldMessages) {
	v.Sections, v.Summary = buildSections(values, msgs, v.ReadOnly)
	for _, s := range v.Summary {
		if s.Warning {
			v.WarnCount++
		} else {
			v.ErrCount++
		}
	}
	title := fmt.Sprintf("Báo cáo công tác đối ngoại %s — %s", v.PeriodLabel, v.Unit.Name)
	crumbs := []crumb{{Name: v.Unit.Name + ", " + v.PeriodLabel}}
	a.render(w, r, status, "commune.html", pageData{Title: title, Crumbs: crumbs, Data: v})
}

// communeSubmit sends a report through the API's submission handler, in
// process, as the signed-in person. It answers the API's result or its
// error (a *models.Error for anything the API refuses).
func (a *App) communeSubmit(ctx context.Context, p models.Principal, code, period string, body []byte, dryRun bool, idemKey, ifMatch string) (models.SubmitResult, int, error) {
	target := "/api/v1/reports/" + url.PathEscape(code) + "/" + url.PathEscape(period)
	if dryRun {
		target += "?dry_run=true"
	}
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(models.WithPrincipal(ctx, p), http.MethodPut, target, bytes.NewReader(body))
		if err != nil {
			return models.SubmitResult{}, 0, err
		}
		req.Header.Set("Content-Type", "application/json")
		if idemKey != "" {
			req.Header.Set("Idempotency-Key", idemKey)
		}
		if ifMatch != "" {
			req.Header.Set("If-Match", ifMatch)
		}
		req.SetPathValue("unit_code", code)
		req.SetPathValue("period", period)
		rec := httptest.NewRecorder()
		err = (&handlers.Handler{Store: a.Store, Log: a.Log}).PutReport(rec, req)
		// A second click sent while the first is being stored finds its
		// key in flight (409): once the first is stored, the same key
		// answers with its result. Wait for it a little.
		if err != nil && idemKey != "" && models.ErrorCode(err) == models.ECONFLICT && attempt < 25 &&
			!errors.Is(err, models.ErrReportLocked) && !errors.Is(err, models.ErrDraftOverSubmitted) {
			select {
			case <-ctx.Done():
				return models.SubmitResult{}, 0, ctx.Err()
			case <-time.After(200 * time.Millisecond):
			}
			continue
		}
		if err != nil {
			return models.SubmitResult{}, 0, err
		}
		var res models.SubmitResult
		if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
			return res, 0, err
		}
		return res, rec.Code, nil
	}
}

// readForm returns the inputs of a posted form.
func readForm(r *http.Request) (formValues, error) {
	if err := r.ParseForm(); err != nil {
		return nil, models.Errorf(models.EMALFORMED, "%s", err)
	}
	v := formValues{}
	for k, vals := range r.PostForm {
		if len(vals) > 0 {
			v[k] = vals[len(vals)-1]
		}
	}
	return v, nil
}

// sessionKeyFor makes an Idempotency-Key of the page's key unique to the
// person, whose submissions share the web app's principal.
func sessionKeyFor(r *http.Request, key string) string {
	if key == "" || len(key) > 64 {
		return ""
	}
	for _, c := range key {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return ""
		}
	}
	return fmt.Sprintf("web-%d-%s", session(r).UserID, key)
}

// communeSave stores a draft or sends the report.
func (a *App) communeSave(w http.ResponseWriter, r *http.Request) error {
	v, err := a.communeLoad(r)
	if err != nil {
		return err
	}
	values, err := readForm(r)
	if err != nil {
		return err
	}
	if values["action"] == "discard" {
		if err := a.Store.DeleteFormDraft(r.Context(), v.Unit, v.Period); err != nil {
			return err
		}
		http.Redirect(w, r, v.Base+"?da=bo-nhap", http.StatusSeeOther)
		return nil
	}
	status := models.StatusSubmitted
	if values["action"] == "draft" {
		status = models.StatusDraft
	}
	v.Action = status
	if status == models.StatusDraft && !v.CanDraft && !v.ReadOnly {
		v.Problem = "Báo cáo đã gửi lên cấp trên thì không lưu thành bản nháp được nữa. Muốn sửa, hãy sửa rồi bấm Gửi báo cáo."
		a.renderCommune(w, r, http.StatusConflict, v, values, fieldMessages{})
		return nil
	}
	if v.ReadOnly {
		v.Problem = "Báo cáo đã được duyệt nên không sửa được nữa. Nếu cần sửa, xin đề nghị cấp trên trả lại báo cáo."
		a.renderCommune(w, r, http.StatusConflict, v, values, fieldMessages{})
		return nil
	}
	body, problems, _, inputs := formToReport(values, v.Unit.Code, v.Period, status)
	if len(problems) > 0 && status == models.StatusDraft {
		return a.keepForm(w, r, v, values)
	}
	if len(problems) > 0 {
		// Numbers the page could not read: say so at their inputs, with
		// what the API says of the rest.
		_, _, err := a.communeSubmit(r.Context(), session(r).Principal, v.Unit.Code, v.Period, body, true, "", "")
		var apiErr *models.Error
		var more []models.FieldError
		if errors.As(err, &apiErr) && apiErr.Code == models.EINVALID {
			more = apiErr.Fields
		}
		msgs := messagesOf(append(more, problems...), nil, inputs)
		v.Problem = "Chưa lưu được: có ô chưa đúng (đánh dấu đỏ bên dưới). Sửa rồi bấm lại."
		a.renderCommune(w, r, http.StatusUnprocessableEntity, v, values, msgs)
		return nil
	}
	key := sessionKeyFor(r, values["idem"])
	res, code, err := a.communeSubmit(r.Context(), session(r).Principal, v.Unit.Code, v.Period, body, false, key, values["etag"])
	if err != nil {
		var apiErr *models.Error
		if !errors.As(err, &apiErr) {
			return err
		}
		msgs := fieldMessages{}
		httpStatus := http.StatusConflict
		switch apiErr.Code {
		case models.EINVALID:
			if status == models.StatusDraft {
				// A draft may keep its errors: the form is kept as typed.
				return a.keepForm(w, r, v, values)
			}
			msgs = messagesOf(apiErr.Fields, nil, inputs)
			httpStatus = http.StatusUnprocessableEntity
			v.Problem = "Chưa lưu được: báo cáo còn lỗi (đánh dấu đỏ bên dưới). Sửa rồi bấm lại."
			if status == models.StatusSubmitted {
				v.Problem = "Chưa gửi được: báo cáo còn lỗi (đánh dấu đỏ bên dưới). Sửa rồi gửi lại."
			}
		case models.EPRECONDITION:
			httpStatus = http.StatusPreconditionFailed
			v.Problem = "Báo cáo vừa được người khác lưu hoặc gửi sau khi bạn mở trang này, nên chưa lưu nội dung của bạn. Hãy mở lại trang để xem bản mới nhất rồi sửa lại."
		case models.ECONFLICT:
			switch {
			case errors.Is(err, models.ErrDraftOverSubmitted):
				v.Problem = "Báo cáo đã gửi lên cấp trên thì không lưu thành bản nháp được nữa. Muốn sửa, hãy sửa rồi bấm Gửi báo cáo."
			case errors.Is(err, models.ErrReportLocked):
				v.Problem = "Báo cáo đã được duyệt nên không sửa được nữa. Nếu cần sửa, xin đề nghị cấp trên trả lại báo cáo."
			default:
				v.Problem = "Báo cáo đang được lưu từ một yêu cầu khác; hãy mở lại trang sau giây lát."
			}
		default:
			return err
		}
		a.renderCommune(w, r, httpStatus, v, values, msgs)
		return nil
	}
	if err := a.Store.DeleteFormDraft(r.Context(), v.Unit, v.Period); err != nil {
		return err
	}
	da := "gui"
	switch {
	case code == http.StatusOK:
		da = "khong-doi"
	case res.Status == models.StatusDraft:
		da = "luu-nhap"
	}
	http.Redirect(w, r, v.Base+"?da="+da, http.StatusSeeOther)
	return nil
}

// checkAnswer is the answer of the check while typing.
type checkAnswer struct {
	Errors   []checkMessage    `json:"errors"`
	Warnings []checkMessage    `json:"warnings"`
	Shown    map[string]string `json:"shown"` // number inputs as the page writes them back
	Summary  string            `json:"summary"`
}

type checkMessage struct {
	Field   string   `json:"field"`   // the API's path
	Targets []string `json:"targets"` // ids of the page's elements to show it at, nearest first
	Label   string   `json:"label"`
	Message string   `json:"message"`
}

// communeCheck is the check while typing: the form as it stands, sent to
// the API as a dry run of a submission (status submitted: what sending
// would answer), storing nothing.
func (a *App) communeCheck(w http.ResponseWriter, r *http.Request) error {
	p := session(r).Principal
	per, err := models.ParsePeriod(r.PathValue("period"))
	if err != nil {
		return models.Errorf(models.ENOTFOUND, "%s", err)
	}
	_, u, err := a.communeUnit(r.Context(), p, r.PathValue("code"), per)
	if err != nil {
		return err
	}
	values, err := readForm(r)
	if err != nil {
		return err
	}
	body, problems, shown, inputs := formToReport(values, u.Code, per.String(), models.StatusSubmitted)
	ans := checkAnswer{Errors: []checkMessage{}, Warnings: []checkMessage{}, Shown: shown}
	res, _, err := a.communeSubmit(r.Context(), p, u.Code, per.String(), body, true, "", "")
	var apiErr *models.Error
	switch {
	case err == nil:
		for _, wr := range res.Warnings {
			ans.Warnings = append(ans.Warnings, checkMessageOf(wr.Field, wr.Message, inputs))
		}
	case errors.As(err, &apiErr) && apiErr.Code == models.EINVALID:
		for _, f := range apiErr.Fields {
			ans.Errors = append(ans.Errors, checkMessageOf(f.Field, f.Message, inputs))
		}
	case errors.As(err, &apiErr) && apiErr.Code == models.ECONFLICT:
		ans.Summary = "Báo cáo đã được duyệt nên không sửa được nữa."
	default:
		return err
	}
	for _, f := range problems {
		ans.Errors = append(ans.Errors, checkMessageOf(f.Field, f.Message, inputs))
	}
	switch {
	case ans.Summary != "":
	case len(ans.Errors) > 0:
		ans.Summary = fmt.Sprintf("Còn %d lỗi phải sửa trước khi gửi", len(ans.Errors))
		if len(ans.Warnings) > 0 {
			ans.Summary += fmt.Sprintf("; %d cảnh báo cần xem lại", len(ans.Warnings))
		}
		ans.Summary += "."
	case len(ans.Warnings) > 0:
		ans.Summary = fmt.Sprintf("Không có lỗi. %d cảnh báo cần xem lại (vẫn gửi được).", len(ans.Warnings))
	default:
		ans.Summary = "Không có lỗi, không có cảnh báo."
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	return json.NewEncoder(w).Encode(ans)
}

func checkMessageOf(field, msg string, inputs formValues) checkMessage {
	at := inputs.inputPath(field)
	return checkMessage{Field: field, Targets: targetsOf(at), Label: outlineLabel(at), Message: viText(msg)}
}

// targetsOf lists the element ids a message at path may be shown at: the
// input itself, then each enclosing list entry, list or group.
func targetsOf(path string) []string {
	var out []string
	for p := path; p != ""; {
		out = append(out, fieldID(p))
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return out
}

// fieldID is the id of the element for a path: "f-" and the path with
// every character but letters, digits and _ turned into "-".
func fieldID(path string) string {
	b := []byte("f-" + path)
	for i := 2; i < len(b); i++ {
		c := b[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			b[i] = '-'
		}
	}
	return strings.TrimRight(string(b), "-")
}

// historyRow is one revision in the history, with what changed since the
// one before.
type historyRow struct {
	models.RevisionSummary
	OnBehalf bool
	Changes  []historyChange
	More     int // changes not listed
}

type historyChange struct {
	Label, Old, New string
}

type historyView struct {
	Unit        *models.TreeUnit
	Period      string
	PeriodLabel string
	Base        string
	Rows        []historyRow
	Review      *models.Review
}

// maxChangesShown bounds the changes listed per revision.
const maxChangesShown = 40

// communeHistory lists the revisions of a report, newest first: who sent
// each (and whether a district officer did it on the commune's behalf),
// when, its status, and what changed since the revision before.
func (a *App) communeHistory(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := session(r).Principal
	per, err := models.ParsePeriod(r.PathValue("period"))
	if err != nil {
		return models.Errorf(models.ENOTFOUND, "%s", err)
	}
	_, u, err := a.communeUnit(ctx, p, r.PathValue("code"), per)
	if err != nil {
		return err
	}
	v := historyView{Unit: u, Period: per.String(), PeriodLabel: periodLabel(per), Base: "/xa/" + url.PathEscape(u.Code) + "/" + per.String()}
	list, err := a.Store.ListRevisions(ctx, u, v.Period)
	if err != nil && models.ErrorCode(err) != models.ENOTFOUND {
		return err
	}
	var prev formValues
	for _, s := range list.Items {
		rev, err := a.Store.GetRevision(ctx, u, v.Period, s.Revision)
		if err != nil {
			return err
		}
		body, err := json.Marshal(rev.Report)
		if err != nil {
			return err
		}
		cur, err := reportToForm(body)
		if err != nil {
			return err
		}
		row := historyRow{RevisionSummary: s, OnBehalf: s.Role != models.RoleCommune}
		if prev == nil {
			prev = formValues{}
		}
		keys := make([]string, 0, len(cur)+len(prev))
		for k := range cur {
			keys = append(keys, k)
		}
		for k := range prev {
			if _, ok := cur[k]; !ok {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			if cur[k] == prev[k] {
				continue
			}
			if len(row.Changes) == maxChangesShown {
				row.More++
				continue
			}
			row.Changes = append(row.Changes, historyChange{Label: outlineLabel(k), Old: orEmpty(prev[k]), New: orEmpty(cur[k])})
		}
		if s.Revision > 1 && len(row.Changes) == 0 && row.More == 0 {
			row.Changes = []historyChange{{Label: "Nội dung không đổi (chỉ đổi trạng thái)"}}
		}
		prev = cur
		v.Rows = append(v.Rows, row)
		if rev.Review != nil {
			v.Review = rev.Review
		}
	}
	for i, j := 0, len(v.Rows)-1; i < j; i, j = i+1, j-1 {
		v.Rows[i], v.Rows[j] = v.Rows[j], v.Rows[i]
	}
	title := fmt.Sprintf("Lịch sử báo cáo %s — %s", v.PeriodLabel, u.Name)
	crumbs := []crumb{{Name: u.Name + ", " + v.PeriodLabel, Href: v.Base}, {Name: "Lịch sử"}}
	a.render(w, r, http.StatusOK, "commune_history.html", pageData{Title: title, Crumbs: crumbs, Data: v})
	return nil
}

// orEmpty shows an empty value as "not reported".
func orEmpty(s string) string {
	if s == "" {
		return "(trống)"
	}
	if len([]rune(s)) > 200 {
		return string([]rune(s)[:200]) + "…"
	}
	return s
}

// communeImport is "Bắt đầu từ file Word": the document is read by the
// API's import (the same reader as POST /api/v1/reports/import, storing
// nothing), and the form opens filled with what it found, each value with
// the words it was read from, for the clerk to check before saving.
func (a *App) communeImport(w http.ResponseWriter, r *http.Request) error {
	v, err := a.communeLoad(r)
	if err != nil {
		return err
	}
	if v.ReadOnly || !v.CanDraft {
		v.Problem = "Báo cáo đã gửi hoặc đã được duyệt nên không điền lại từ file được."
		a.renderCommune(w, r, http.StatusConflict, v, formValues{}, fieldMessages{})
		return nil
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		v.Problem = "Chưa chọn file. Hãy chọn file Word (.docx) hoặc văn bản (.txt) của báo cáo."
		a.renderCommune(w, r, http.StatusUnprocessableEntity, v, formValues{}, fieldMessages{})
		return nil
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, 1<<20))
	if err != nil {
		return err
	}
	ctx := models.WithPrincipal(r.Context(), session(r).Principal)
	out, _, err := (&handlers.Handler{Store: a.Store, Log: a.Log}).Import(ctx, data, v.Unit.Code, v.Period, false)
	if err != nil {
		var apiErr *models.Error
		if !errors.As(err, &apiErr) || apiErr.Code == models.EFORBIDDEN {
			return err
		}
		v.Problem = "Không đọc được file này. Hãy lưu báo cáo dưới dạng Word (.docx) hoặc văn bản (.txt) rồi thử lại."
		if len(apiErr.Fields) > 0 {
			v.Problem += " (" + viText(apiErr.Fields[0].Message) + ")"
		}
		a.renderCommune(w, r, http.StatusUnprocessableEntity, v, formValues{}, fieldMessages{})
		return nil
	}
	body, err := json.Marshal(out.Report)
	if err != nil {
		return err
	}
	values, err := reportToForm(body)
	if err != nil {
		return err
	}
	msgs := messagesOf(out.Problems, out.Warnings, nil)
	msgs.Sources = map[string][]string{}
	for _, f := range out.Found {
		msgs.Sources[f.Field] = append(msgs.Sources[f.Field], f.Text)
	}
	for _, f := range out.Unresolved {
		msgs.Warnings[f.Field] = append(msgs.Warnings[f.Field], "Văn bản ghi khác nhau: «"+f.Text+"»; hãy tự điền số đúng.")
	}
	v.Imported = true
	v.Notice = fmt.Sprintf("Đã điền sẵn %d số liệu, nội dung từ file «%s». Dưới mỗi ô điền sẵn có câu văn đã đọc: hãy đối chiếu, sửa nếu cần, rồi bấm Lưu nháp hoặc Gửi báo cáo. Chưa có gì được lưu.", len(out.Found), hdr.Filename)
	a.renderCommune(w, r, http.StatusOK, v, values, msgs)
	return nil
}
