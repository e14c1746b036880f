package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"doingoai/app"
	"doingoai/consolidated"
	"doingoai/models"
	"doingoai/store"
	"doingoai/web/urls"
)

// unitPage resolves the unit and period of an overview path for a
// district or admin person, with the API's scope rule.
func (a *App) unitPage(r *http.Request) (*models.Tree, *models.TreeUnit, models.Period, error) {
	per, err := models.ParsePeriod(r.PathValue("period"))
	if err != nil {
		return nil, nil, per, models.Errorf(models.ENOTFOUND, "%s", err)
	}
	// A commune's overview is the single-commune view: its figures, its
	// report's state and its figures over the years.
	t, u, err := app.TotalsUnit(r.Context(), a.Store, session(r).Principal, r.PathValue("code"), per, models.Date{})
	return t, u, per, err
}

// crumbsTo is the breadcrumb from the person's own unit down to u.
func crumbsTo(t *models.Tree, p models.Principal, u *models.TreeUnit, period string) []crumb {
	var chain []*models.TreeUnit
	home := t.Unit(p.UnitID)
	for n := u; n != nil; n = n.Parent {
		chain = append(chain, n)
		if n == home {
			break
		}
	}
	slices.Reverse(chain)
	out := make([]crumb, 0, len(chain))
	for _, n := range chain {
		out = append(out, crumb{Name: n.Name, Href: urls.Unit(n.Code, period, n.Kind.CommuneLevel())})
	}
	return out
}

type overviewData struct {
	Unit       *models.TreeUnit
	Period     string
	Periods    []string
	C          models.Completeness
	DaysLeft   int
	Overdue    bool
	Communes   []models.CompletenessUnit // when the children are communes
	CommunesOf string                    // what they are: "xã, phường"
	Children   []childRow                // otherwise
	Sort       string
	Indicators []indicatorRow
	PrevPeriod string
	Chosen     models.Indicator
	Bars       barChart
	Line       lineChart
	LineNote   string
	Deadline   *models.Deadline
	CanEdit    bool
	Form       deadlineForm
	Query      string // the indicator query, kept by links
	Counted    string
	// CountedText says how many reports the figures add up, in the words
	// of the workbook and the consolidated report.
	CountedText string
	Commune     bool         // the unit is a commune: its own view, with a link to its report
	Lineage     *lineageView // what the unit came from or went into (lineage.go)
	Ended       string       // the unit ended before the period's end: said instead of a due date form
	Reminders   remindersView
}

type childRow struct {
	Code, Name   string
	Kind         models.UnitKind
	Expected     int
	Reported     int
	Href         string
	CommuneLevel bool
	Status       string
}

type indicatorRow struct {
	models.IndicatorValue
	Prev   *models.Amount
	Change string
}

type deadlineForm struct {
	DueDate, Reference string
	Errors             map[string]string
	Saved              bool
}

func (a *App) overview(w http.ResponseWriter, r *http.Request) error {
	return a.renderOverview(w, r, http.StatusOK, deadlineForm{})
}

func (a *App) renderOverview(w http.ResponseWriter, r *http.Request, status int, form deadlineForm) error {
	return a.renderOverviewWith(w, r, status, form, nil)
}

// renderOverviewWith is the overview, with the reminder form as typed
// (rem) when sending it failed.
func (a *App) renderOverviewWith(w http.ResponseWriter, r *http.Request, status int, form deadlineForm, rem *remindersView) error {
	per, err := models.ParsePeriod(r.PathValue("period"))
	if err != nil {
		return models.Errorf(models.ENOTFOUND, "%s", err)
	}
	ctx := r.Context()
	p := session(r).Principal
	periods, err := a.reportPeriods(r)
	if err != nil {
		return err
	}
	// Every figure is the use case's (app.Totals.Overview), read as GET
	// /rollups?by=child&periods=…&compare=previous and GET /completeness
	// answer them.
	ov, err := app.Totals{Store: a.Store}.Overview(ctx, p, app.OverviewRequest{Code: r.PathValue("code"), Period: per, Periods: periods, Indicator: r.URL.Query().Get("chi-tieu")})
	if err != nil {
		return err
	}
	t, u, roll := ov.Tree, ov.Unit, ov.Rollup
	d := overviewData{Unit: u, Period: per.String(), Periods: periods, PrevPeriod: per.Previous().String(), Form: form, C: ov.Completeness}
	if !slices.Contains(d.Periods, d.Period) {
		d.Periods = append([]string{d.Period}, d.Periods...)
	}
	communeChildren := ov.CommuneChildren
	d.Counted = strings.Join(roll.Counted, ", ")
	d.CountedText = models.CountedSentence(roll.CommunesReported, roll.Counted)
	for _, iv := range roll.Indicators {
		row := indicatorRow{IndicatorValue: iv}
		if iv.Compared != nil {
			row.Prev, row.Change = iv.Compared.Previous, signedAmount(iv.Compared.Change)
		}
		d.Indicators = append(d.Indicators, row)
	}

	// The indicator of the charts: the one asked for, else the first with a
	// value other than zero (app.Totals.Overview chooses).
	d.Chosen = ov.Chosen
	if ov.Asked {
		d.Query = "?chi-tieu=" + url.QueryEscape(ov.Chosen.Code)
	}
	d.Bars = newBarChart(roll.Breakdown, d.Chosen, per.String())
	// The line over the years: in today's tree, so that 2024 and 2025
	// count the same territory across the 2025 reform; a unit that no
	// longer exists is drawn in the tree of each year.
	if !ov.LineTree.IsZero() {
		d.LineNote = "Mọi kỳ được tính theo địa giới hành chính hiện nay (ngày " + fmtDate(ov.LineTree) + "), để so sánh cùng một địa bàn qua các lần sắp xếp đơn vị."
	} else {
		d.LineNote = u.Name + " không còn trong danh mục đơn vị hiện nay: mỗi kỳ được tính theo các đơn vị hành chính của kỳ đó."
	}
	d.Line = newLineChart(ov.Line.Series, d.Chosen)
	if n := len(ov.Line.NotComparable); n > 0 {
		d.LineNote += fmt.Sprintf(" %d xã bị chia tách không so sánh được, được tính ở cấp trên gần nhất.", n)
	}

	if communeChildren {
		d.Communes = slices.Clone(d.C.Units)
		kinds := map[models.UnitKind]bool{}
		for _, b := range roll.Breakdown {
			kinds[b.Kind] = true
		}
		d.CommunesOf = models.CommunesNoun(func(k models.UnitKind) bool { return kinds[k] })
		d.Sort = sortCommunes(d.Communes, r.URL.Query().Get("sap-xep"))
	} else {
		for _, b := range roll.Breakdown {
			row := childRow{Code: b.UnitCode, Name: b.Name, Kind: b.Kind, Expected: b.CommunesExpected, Reported: b.CommunesReported,
				Href: urls.Overview(b.UnitCode, d.Period) + d.Query}
			if b.Kind.CommuneLevel() {
				row.CommuneLevel, row.Href = true, urls.Report(b.UnitCode, d.Period)
				if b.Status != nil {
					row.Status = *b.Status
				}
			}
			d.Children = append(d.Children, row)
		}
	}
	if d.C.DueDate != nil {
		d.DaysLeft = daysLeft(*d.C.DueDate, a.Store.Now())
		d.Overdue = d.DaysLeft < 0
		if d.DaysLeft < 0 {
			d.DaysLeft = -d.DaysLeft
		}
	}
	if dl, err := a.Store.Deadline(ctx, u, d.Period); err == nil {
		d.Deadline = &dl
	} else if models.ErrorCode(err) != models.ENOTFOUND {
		return err
	}
	if d.Lineage, err = a.lineageOf(ctx, t, u, per); err != nil {
		return err
	}
	d.Commune, d.Ended = u.Kind.CommuneLevel(), endedNotice(u, per)
	// The due date's form where the person may set one: app.Deadlines'
	// rule, as PUT /deadlines applies it; the reminders' form by
	// app.Reminders' rule, as POST /reminders applies it.
	d.CanEdit = app.Deadlines{Store: a.Store}.May(ctx, t, p, u, per) == nil
	if d.Reminders, err = a.overviewReminders(r, t, u, per); err != nil {
		return err
	}
	if rem != nil {
		d.Reminders.Message, d.Reminders.Error = rem.Message, rem.Error
	}
	if d.Form.DueDate == "" && d.Deadline != nil && d.Deadline.SetOn == u.Code {
		d.Form.DueDate, d.Form.Reference = d.Deadline.DueDate.String(), d.Deadline.Reference
	}
	a.render(w, r, status, "overview.html", pageData{
		Title:  fmt.Sprintf("Tổng quan %s — kỳ %s", u.Name, d.Period),
		Crumbs: crumbsTo(t, p, u, d.Period), Data: d,
	})
	return nil
}

// sortCommunes orders the communes by the column asked for and returns
// the key used.
func sortCommunes(list []models.CompletenessUnit, key string) string {
	rank := map[string]int{models.StatusMissing: 0, models.StatusDraft: 1, models.StatusReturned: 2, models.StatusSubmitted: 3, models.StatusAccepted: 4}
	switch key {
	case "trang-thai":
		slices.SortStableFunc(list, func(a, b models.CompletenessUnit) int { return rank[a.Status] - rank[b.Status] })
	case "ngay-gui":
		slices.SortStableFunc(list, func(a, b models.CompletenessUnit) int {
			switch {
			case a.FirstSubmittedAt == nil && b.FirstSubmittedAt == nil:
				return 0
			case a.FirstSubmittedAt == nil:
				return 1
			case b.FirstSubmittedAt == nil:
				return -1
			}
			return a.FirstSubmittedAt.Compare(*b.FirstSubmittedAt)
		})
	case "ten":
		slices.SortStableFunc(list, func(a, b models.CompletenessUnit) int {
			return strings.Compare(models.Fold(a.Name), models.Fold(b.Name))
		})
	default:
		key = "ma"
	}
	return key
}

// downloads are the files an overview offers, by name, and their format.
var downloads = map[string]string{"tong-hop.csv": "csv", "tong-hop.xlsx": "xlsx", "bao-cao-tong-hop.docx": "docx"}

// download sends the rollup on screen as CSV or Excel, the API's export of
// GET /rollups?by=child&format=…, or the consolidated report drafted as
// GET /consolidated/{unit}/{period} does (app.Exports) — in the export slots
// the API uses too, so with every slot busy the page is refused as the API
// is.
func (a *App) download(w http.ResponseWriter, r *http.Request) error {
	_, u, per, err := a.unitPage(r)
	if err != nil {
		return err
	}
	var f app.File
	switch format := downloads[r.PathValue("file")]; format {
	case "docx":
		_, f, err = app.Exports{Store: a.Store}.Consolidated(r.Context(), u, per, consolidated.Options{}, false)
	case "csv", "xlsx":
		f, err = app.Exports{Store: a.Store}.Rollup(r.Context(), store.RollupQuery{Unit: u, Period: per, Indicators: models.Indicators, ByChild: true}, format)
	default:
		return models.Errorf(models.ENOTFOUND, "no such format")
	}
	if models.ErrorCode(err) == models.EUNAVAILABLE {
		w.Header().Set("Retry-After", app.BusyRetryAfter)
	}
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", f.Type)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, f.Name))
	_, err = w.Write(f.Body)
	return err
}

// setDeadline sets the due date of the period on the unit with the use
// case PUT /deadlines calls (app.Deadlines), and shows the overview again.
func (a *App) setDeadline(w http.ResponseWriter, r *http.Request) error {
	deadlines := app.Deadlines{Store: a.Store}
	place, err := deadlines.Place(r.Context(), session(r).Principal, r.PathValue("code"), r.PathValue("period"))
	if err != nil {
		return err
	}
	form := deadlineForm{DueDate: strings.TrimSpace(r.PostFormValue("due_date")), Reference: r.PostFormValue("reference"), Errors: map[string]string{}}
	var in models.DeadlineInput
	if form.DueDate == "" {
		form.Errors["due_date"] = "Xin nhập hạn nộp."
	} else if d, err := models.ParseDate(form.DueDate); err != nil {
		form.Errors["due_date"] = "Ngày không hợp lệ; xin chọn lại."
	} else {
		in.DueDate = d
	}
	in.Reference = form.Reference
	var invalid *models.Error
	switch _, _, err := deadlines.Set(r.Context(), place, in); {
	case errors.As(err, &invalid) && invalid.Code == models.EINVALID:
		for _, fe := range invalid.Fields {
			if _, ok := form.Errors[fe.Field]; !ok {
				form.Errors[fe.Field] = "Không hợp lệ: " + fe.Vietnamese()
			}
		}
	case err != nil:
		return err
	}
	if len(form.Errors) > 0 {
		return a.renderOverview(w, r, http.StatusUnprocessableEntity, form)
	}
	u, per := place.Unit(), place.Period()
	http.Redirect(w, r, urls.Overview(u.Code, per.String())+"?da-luu=han-nop#han-nop", http.StatusSeeOther)
	return nil
}
