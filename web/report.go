package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strconv"

	"doingoai/app"
	"doingoai/models"
	"doingoai/web/urls"
)

type reportData struct {
	Unit       *models.TreeUnit
	Period     string
	Periods    []string
	Found      bool
	R          models.ReportView
	ETag       string
	Warnings   map[string][]string // field → what is wrong there, in Vietnamese
	WarnList   []warningItem
	Revisions  []models.RevisionSummary
	CanReview  bool // the review form, with a button per decision offered
	CanAccept  bool
	CanReturn  bool
	Review     reviewForm
	Diff       *diffData
	Commune    bool // the viewer is the commune's clerk
	OverviewOf string
	Lineage    *lineageView // what the commune came from or went into (lineage.go)
}

// Sending is the number of the sending that revision rev was.
func (d reportData) Sending(rev int) int { return sendingOf(d.Revisions, rev) }

// sendingOf is the number of the sending that revision rev was, counted
// over a report's history: drafts saved before it are not sendings.
func sendingOf(history []models.RevisionSummary, rev int) int {
	n := 0
	for _, r := range history {
		if r.Revision <= rev && r.Status != models.StatusDraft {
			n++
		}
	}
	return n
}

// warningItem is a warning in the list at the foot of the report, named
// as the commune's form names its field and worded as the form words it.
type warningItem struct {
	Label, Message string
}

type reviewForm struct {
	Comment string
	Error   string // at the comment field
	Notice  string // at the top of the form
	Done    string
}

func (a *App) report(w http.ResponseWriter, r *http.Request) error {
	var form reviewForm
	switch r.URL.Query().Get("da") {
	case "duyet":
		form.Done = "Đã duyệt báo cáo."
	case "tra-lai":
		form.Done = "Đã trả lại báo cáo cho xã, kèm ý kiến."
	}
	return a.renderReport(w, r, http.StatusOK, form)
}

func (a *App) renderReport(w http.ResponseWriter, r *http.Request, status int, form reviewForm) error {
	t, u, per, err := a.communeOf(r)
	if err != nil {
		return err
	}
	p := session(r).Principal
	d := reportData{Unit: u, Period: per.String(), Review: form, Commune: p.Role == models.RoleCommune}
	if d.Periods, err = a.reportPeriods(r); err != nil {
		return err
	}
	view, etag, err := a.Store.GetReport(r.Context(), u, d.Period)
	switch {
	case err == nil:
		d.Found, d.R, d.ETag = true, view, etag
		d.Warnings = map[string][]string{}
		for _, wn := range view.Warnings {
			msg := wn.Vietnamese()
			d.Warnings[wn.Field] = append(d.Warnings[wn.Field], msg)
			d.WarnList = append(d.WarnList, warningItem{Label: outlineLabel(wn.Field), Message: msg})
		}
		list, err := a.Store.ListRevisions(r.Context(), u, d.Period)
		if err != nil {
			return err
		}
		d.Revisions = list.Items
	case models.ErrorCode(err) == models.ENOTFOUND:
	default:
		return err
	}
	// The review form where the person may review (app.Reviews' rule, as
	// POST …/review applies it), with the decisions the report's state
	// allows.
	if (app.Reviews{}).May(t, p, u) == nil {
		d.CanAccept = models.Allows(view.State(), models.ActAccept)
		d.CanReturn = models.Allows(view.State(), models.ActReturn)
		d.CanReview = d.CanAccept || d.CanReturn
	}
	if u.Parent != nil && !d.Commune {
		d.OverviewOf = urls.Overview(u.Parent.Code, d.Period)
	}
	if d.Lineage, err = a.lineageOf(r.Context(), t, u, per); err != nil {
		return err
	}
	title := fmt.Sprintf("Báo cáo %s — kỳ %s", u.Name, d.Period)
	a.render(w, r, status, "report.html", pageData{Title: title, Crumbs: crumbsTo(t, p, u, d.Period), Data: d})
	return nil
}

// review records the district's decision with the use case POST …/review
// calls (app.Reviews), guarded by the ETag the page was rendered with.
func (a *App) review(w http.ResponseWriter, r *http.Request) error {
	reviews := app.Reviews{Store: a.Store}
	place, err := reviews.Place(r.Context(), session(r).Principal, r.PathValue("code"), r.PathValue("period"))
	if err != nil {
		return err
	}
	in := models.ReviewInput{Decision: r.PostFormValue("decision"), Comment: r.PostFormValue("comment")}
	form := reviewForm{Comment: in.Comment}
	etag := r.PostFormValue("etag")
	if etag == "" {
		etag = "-" // a form without the ETag never passes the guard
	}
	_, _, err = reviews.Review(r.Context(), place, in, etag)
	var invalid *models.Error
	if errors.As(err, &invalid) && invalid.Code == models.EINVALID {
		for _, fe := range invalid.Fields {
			switch fe.Field {
			case "comment":
				switch fe.Code {
				case models.FRequired:
					form.Error = "Khi trả lại, xin ghi rõ xã cần sửa, bổ sung nội dung gì."
				case models.FTooLong:
					form.Error = fmt.Sprintf("Ý kiến dài quá (tối đa %d ký tự).", models.MaxReviewComment)
				default: // control or invisible characters: the validator's words
					form.Error = fe.Vietnamese()
				}
			default:
				form.Notice = "Xin chọn Duyệt hoặc Trả lại."
			}
		}
		return a.renderReport(w, r, http.StatusUnprocessableEntity, form)
	}
	u, per := place.Unit(), place.Period()
	switch models.ErrorCode(err) {
	case "":
	case models.EPRECONDITION:
		form.Notice = "Báo cáo đã thay đổi (xã gửi bản mới hoặc đã có người duyệt) kể từ khi bạn mở trang. Nội dung dưới đây là bản hiện tại; xin xem lại rồi quyết định."
		return a.renderReport(w, r, http.StatusPreconditionFailed, form)
	case models.ECONFLICT:
		form.Notice = "Không thể duyệt: báo cáo đang là bản nháp, xã chưa gửi."
		return a.renderReport(w, r, http.StatusConflict, form)
	default:
		return err
	}
	done := "duyet"
	if in.Decision == models.DecisionReturn {
		done = "tra-lai"
	}
	http.Redirect(w, r, urls.Report(u.Code, per.String())+"?da="+done, http.StatusSeeOther)
	return nil
}

type diffData struct {
	From, To int
	Rows     []diffRow
}

type diffRow struct {
	Field, Label, Old, New string
}

// diff shows what changed between two revisions of a report.
func (a *App) diff(w http.ResponseWriter, r *http.Request) error {
	t, u, per, err := a.communeOf(r)
	if err != nil {
		return err
	}
	from, err1 := strconv.Atoi(r.URL.Query().Get("tu"))
	to, err2 := strconv.Atoi(r.URL.Query().Get("den"))
	if err1 != nil || err2 != nil || from < 1 || to < 1 {
		return models.Errorf(models.ENOTFOUND, "bad revisions")
	}
	va, err := a.Store.GetRevision(r.Context(), u, per.String(), from)
	if err != nil {
		return err
	}
	vb, err := a.Store.GetRevision(r.Context(), u, per.String(), to)
	if err != nil {
		return err
	}
	fa, fb := flatten(va.Report), flatten(vb.Report)
	dd := diffData{From: from, To: to}
	for _, k := range keysOf(fa, fb) {
		if k == "status" {
			continue
		}
		if fa[k] != fb[k] {
			dd.Rows = append(dd.Rows, diffRow{Field: k, Label: outlineLabel(k), Old: orDash(shownValue(fa[k])), New: orDash(shownValue(fb[k]))})
		}
	}
	list, err := a.Store.ListRevisions(r.Context(), u, per.String())
	if err != nil {
		return err
	}
	p := session(r).Principal
	d := reportData{Unit: u, Period: per.String(), Found: true, Revisions: list.Items, Diff: &dd, Commune: p.Role == models.RoleCommune}
	crumbs := append(crumbsTo(t, p, u, d.Period), crumb{Name: fmt.Sprintf("So sánh lần %d và lần %d", from, to)})
	a.render(w, r, http.StatusOK, "diff.html", pageData{Title: fmt.Sprintf("%s — so sánh lần gửi %d và %d", u.Name, from, to), Crumbs: crumbs, Data: d})
	return nil
}

// keysOf lists the keys of a and b, each once, in order.
func keysOf(a, b map[string]string) []string {
	keys := make([]string, 0, len(a)+len(b))
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// flatten turns a report into path → value ("profile.households" →
// "1169"), through its JSON, so that every field the API shows is
// compared.
func flatten(rep models.Report) map[string]string {
	b, _ := json.Marshal(rep)
	var v any
	_ = json.Unmarshal(b, &v)
	out := map[string]string{}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, c := range x {
				p := k
				if prefix != "" {
					p = prefix + "." + k
				}
				walk(p, c)
			}
		case []any:
			for i, c := range x {
				walk(fmt.Sprintf("%s[%d]", prefix, i), c)
			}
		case nil:
		case string:
			out[prefix] = x
		default:
			b, _ := json.Marshal(x)
			out[prefix] = string(b)
		}
	}
	walk("", v)
	return out
}
