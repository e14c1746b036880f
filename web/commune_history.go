package web

// The history of a report: who sent each revision, when, and what changed.

import (
	"fmt"
	"net/http"

	"doingoai/models"
)

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
	_, u, per, err := a.communeOf(r)
	if err != nil {
		return err
	}
	v := historyView{Unit: u, Period: per.String(), PeriodLabel: per.Phrase(), Base: communeBase(u, per)}
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
		cur, err := formOfReport(rev.Report)
		if err != nil {
			return err
		}
		row := historyRow{RevisionSummary: s, OnBehalf: s.Role == models.RoleDistrict || s.Role == models.RoleAdmin}
		row.Changes, row.More = changesBetween(prev, cur)
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

// changesBetween lists the inputs that differ between two revisions, in
// the order of their names, at most maxChangesShown of them, and how many
// more there are.
func changesBetween(prev, cur formValues) (changes []historyChange, more int) {
	for _, k := range keysOf(cur, prev) {
		if cur[k] == prev[k] {
			continue
		}
		if len(changes) == maxChangesShown {
			more++
			continue
		}
		changes = append(changes, historyChange{Label: outlineLabel(k), Old: orEmpty(shownValue(prev[k])), New: orEmpty(shownValue(cur[k]))})
	}
	return changes, more
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
