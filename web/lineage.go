package web

// What became of a unit across a reorganisation, as its pages say it: the
// units a new commune was formed from, each with its report; the units an
// old one went into, and the others that went with it. The facts are the
// API's (GET /units/{code}?at= — predecessors and successors — and GET
// /reports/{code}/{period}); this file only words and links them.

import (
	"context"
	"fmt"
	"strings"

	"doingoai/models"
	"doingoai/web/urls"
)

// lineageView is the box "Địa bàn qua các lần sắp xếp" of a unit's pages.
type lineageView struct {
	Text  string
	Links []lineageLink
}

// lineageLink is a unit related to the page's unit, with where to read it
// for a period and, for a commune, the status of its report then.
type lineageLink struct {
	Role, Name, Code, Href, Period, Status string
	Commune                                bool
}

// lineageOf builds the box for unit u seen for period per; nil when the
// unit has no recorded predecessor or successor.
func (a *App) lineageOf(ctx context.Context, t *models.Tree, u *models.TreeUnit, per models.Period) (*lineageView, error) {
	lin, err := a.Store.Lineage(ctx, t)
	if err != nil {
		return nil, err
	}
	pred, succ := lin.Links(t, u)
	if len(pred) == 0 && len(succ) == 0 {
		return nil, nil
	}
	v := &lineageView{}
	var text []string
	if len(pred) > 0 {
		text = append(text, fmt.Sprintf("%s được thành lập ngày %s từ %s.", u.Name, fmtDate(u.ValidFrom), joinLinks(pred)))
		for _, l := range pred {
			o := t.OnDay(l.Code, l.ValidTo)
			if o == nil {
				continue
			}
			if err := a.addLineageLink(ctx, v, "Đơn vị trước sắp xếp", o, lastCovered(o, per)); err != nil {
				return nil, err
			}
		}
	}
	if len(succ) > 0 {
		text = append(text, fmt.Sprintf("%s kết thúc ngày %s; từ ngày %s địa bàn thuộc %s.", u.Name, fmtDate(u.ValidTo), fmtDate(u.ValidTo.AddDays(1)), joinLinks(succ)))
		seen := map[int64]bool{u.ID: true}
		for _, l := range succ {
			n := t.OnDay(l.Code, l.ValidFrom)
			if n == nil {
				continue
			}
			seen[n.ID] = true
			first := per // the successor's period: this one, or the first it covers
			if !n.ReportsFor(first) {
				first = models.Period{Year: u.ValidTo.AddDays(1).Year()}
			}
			if err := a.addLineageLink(ctx, v, "Đơn vị sau sắp xếp", n, first); err != nil {
				return nil, err
			}
			if !n.Kind.CommuneLevel() {
				continue
			}
			// The others that went into the same commune, for the same period.
			others, _ := lin.Links(t, n)
			for _, s := range others {
				o := t.OnDay(s.Code, s.ValidTo)
				if o == nil || seen[o.ID] {
					continue
				}
				seen[o.ID] = true
				if err := a.addLineageLink(ctx, v, "Cùng sáp nhập vào "+n.Name, o, lastCovered(o, per)); err != nil {
					return nil, err
				}
			}
		}
	}
	v.Text = strings.Join(text, " ")
	return v, nil
}

// lastCovered is per, or the last period of its length before it that
// unit o covered to its end (a predecessor's report of the year before).
func lastCovered(o *models.TreeUnit, per models.Period) models.Period {
	for range 8 {
		if o.ReportsFor(per) {
			return per
		}
		per = per.Previous()
	}
	return per
}

// addLineageLink adds unit o read for period p: a commune's report (its
// status as GET /reports answers it), another unit's overview.
func (a *App) addLineageLink(ctx context.Context, v *lineageView, role string, o *models.TreeUnit, p models.Period) error {
	l := lineageLink{Role: role, Name: o.Name, Code: o.Code, Period: p.String(), Commune: o.Kind.CommuneLevel()}
	if !l.Commune {
		l.Href = urls.Overview(o.Code, p.String())
		v.Links = append(v.Links, l)
		return nil
	}
	l.Href = urls.Report(o.Code, p.String())
	l.Status = models.StatusMissing
	rep, _, err := a.Store.GetReport(ctx, o, p.String())
	switch {
	case err == nil:
		l.Status = rep.Status
	case models.ErrorCode(err) != models.ENOTFOUND:
		return err
	}
	v.Links = append(v.Links, l)
	return nil
}

func joinLinks(links []models.UnitLink) string {
	names := make([]string, len(links))
	for i, l := range links {
		names[i] = fmt.Sprintf("%s (mã %s)", l.Name, l.Code)
		if l.Share == models.SharePartial {
			names[i] = fmt.Sprintf("%s (mã %s, một phần)", l.Name, l.Code)
		}
	}
	return strings.Join(names, ", ")
}

// endedNotice says that a unit ended before the period's last day, with
// the units that took it over (for an overview of such a period: nothing
// to report, no due date to set).
func endedNotice(u *models.TreeUnit, per models.Period) string {
	if !u.EndedBefore(per) {
		return ""
	}
	return fmt.Sprintf("%s đã kết thúc ngày %s (sắp xếp đơn vị hành chính), trước khi hết kỳ %s: không có báo cáo nào của kỳ này được tính cho đơn vị; số liệu của địa bàn thuộc đơn vị sau sắp xếp.",
		u.Name, fmtDate(u.ValidTo), per)
}
