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
// Every submission is the same use case as the API's PUT
// /api/v1/reports/{code}/{period}: app.Reports.Submit, with the same
// decoding, validator, idempotency and audit as a program's submission.
// The page adds only the reading of Vietnamese numbers and the Vietnamese
// words of the messages (models' catalogue, by message code).
//
// This file resolves the commune and the periods it offers; the rest is
// by concern: commune_page.go (the form's page), commune_save.go (saving
// and sending), commune_key.go (the idempotency key), commune_check.go
// (the check while typing), commune_history.go, commune_import.go, and
// the form itself in commune_form.go and commune_view.go.

import (
	"context"
	"net/http"
	"sort"
	"strconv"
	"time"

	"doingoai/app"
	"doingoai/models"
	"doingoai/web/urls"
)

// communeUnit resolves the commune of a /xa/ path by the API's rule
// (app.ReportingUnit): a commune's clerk their own commune only, a
// district officer the communes below their district.
//
// The unit is the one the code named during the period: a commune that did
// not exist then (merged away by the 2025 reform, or not yet made) has no
// report for it (ENOTFOUND), nor has a unit above the communes; one outside
// the principal's scope is forbidden before anything else is said of it.
func (a *App) communeUnit(ctx context.Context, p models.Principal, code string, per models.Period) (*models.Tree, *models.TreeUnit, error) {
	t, err := a.Store.Tree(ctx)
	if err != nil {
		return nil, nil, err
	}
	var probs models.Problems
	u, err := app.ReportingUnit(t, p, "unit", code, per, &probs)
	if err != nil {
		return nil, nil, err
	}
	if probs.Len() > 0 {
		return nil, nil, models.Errorf(models.ENOTFOUND, "%s", probs.List()[0].Message)
	}
	return t, u, nil
}

// communeOf resolves the commune and the period of a /xa/ or /r/ path
// ({code}/{period}) as communeUnit does; a period that cannot be read is
// not found.
func (a *App) communeOf(r *http.Request) (*models.Tree, *models.TreeUnit, models.Period, error) {
	per, err := models.ParsePeriod(r.PathValue("period"))
	if err != nil {
		return nil, nil, per, models.Errorf(models.ENOTFOUND, "%s", err)
	}
	t, u, err := a.communeUnit(r.Context(), session(r).Principal, r.PathValue("code"), per)
	return t, u, per, err
}

// communePeriod is one period the page offers, with the report's state.
type communePeriod struct {
	Period  string
	Label   string
	Status  string // missing, draft, submitted, returned, accepted
	Due     *models.Deadline
	Current bool
}

// communePeriods lists the periods a commune's page offers: this year and
// last year (and their halves where a due date asks for them), and every
// period the commune has a report for, newest first, each with its
// report's status and due date. A commune that ended is offered only the
// periods it covered to their end.
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
	if !u.ValidTo.IsZero() {
		// A commune that ended reports the periods it covered to their
		// end: the half year it ended in is the last.
		for _, per := range []models.Period{{Year: u.ValidTo.Year(), Half: 1}, {Year: u.ValidTo.Year(), Half: 2}} {
			if u.ReportsFor(per) {
				set[per.String()] = per
			}
		}
	}
	for s, per := range set {
		if tu := t.ForPeriod(u.Code, per); tu == nil || tu.ID != u.ID || !u.ReportsFor(per) {
			continue // the commune did not exist then, or ended before the period's end (or the code named another)
		}
		cp := communePeriod{Period: s, Label: per.Phrase(), Status: status[s]}
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
		// or reported, or is the last a commune that ended covered: most
		// communes report by the year.
		if per.Half != 0 && cp.Due == nil && status[s] == "" && !u.EndedBefore(models.Period{Year: per.Year}) {
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
	best, bestDays := "", 0
	for _, p := range periods {
		if p.Status == models.StatusAccepted || p.Due == nil {
			continue
		}
		days := daysLeft(p.Due.DueDate, now)
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
			http.Redirect(w, r, urls.Home(), http.StatusSeeOther)
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
	http.Redirect(w, r, urls.CommuneForm(u.Code, currentPeriod(periods, now)), http.StatusSeeOther)
	return nil
}
