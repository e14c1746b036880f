package web

// A commune that ended (merged, divided or retired by a reorganisation):
// its page says which units report for its territory since, offers only the
// periods it covered to their end, and shows a report it has for a later
// period (stored before the rule) without letting anyone send it. The rule
// itself is the store's (a submission for such a period is refused with
// unit_ended); the page only says it.

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"doingoai/models"
)

// markEnded fills what the form's page says of a commune that ended: the
// notice naming its successors and, for a period past its end, that the
// report cannot be sent (read only).
func (a *App) markEnded(ctx context.Context, t *models.Tree, u *models.TreeUnit, per models.Period, v *communeView) error {
	if u.ValidTo.IsZero() {
		return nil
	}
	lin, err := a.Store.Lineage(ctx, t)
	if err != nil {
		return err
	}
	succ := lin.Successors(t, u)
	v.Ended = fmt.Sprintf("%s đã kết thúc ngày %s do sắp xếp đơn vị hành chính; %s Xã chỉ báo cáo các kỳ kết thúc đến hết ngày %s.",
		u.Name, fmtDate(u.ValidTo), successorsText(succ), fmtDate(u.ValidTo))
	if !u.ReportsFor(per) {
		v.EndedPeriod, v.ReadOnly, v.CanDraft = true, true, false
	}
	return nil
}

// successorsText names the units that report for an ended unit's
// territory, as a sentence.
func successorsText(succ []models.Successor) string {
	if len(succ) == 0 {
		return "không có đơn vị kế thừa nào được ghi nhận."
	}
	names := make([]string, len(succ))
	for i, s := range succ {
		names[i] = fmt.Sprintf("%s (mã %s)", s.Name, s.Code)
		if s.Share == models.SharePartial {
			names[i] = fmt.Sprintf("%s (mã %s, nhận một phần địa bàn)", s.Name, s.Code)
		}
	}
	return "địa bàn của xã nay do " + strings.Join(names, ", ") + " báo cáo."
}

// endedProblem is the Vietnamese words of a unit_ended refusal, naming
// the successors; "" if err is not one.
func endedProblem(err error) string {
	var e *models.Error
	if !errors.Is(err, models.ErrUnitEnded) || !errors.As(err, &e) || e.Ended == nil {
		return ""
	}
	phrase := "kỳ " + e.Ended.Period
	if p, err := models.ParsePeriod(e.Ended.Period); err == nil {
		phrase = p.Phrase()
	}
	return fmt.Sprintf("Không gửi được báo cáo %s: %s đã kết thúc ngày %s, trước ngày cuối của kỳ báo cáo; %s",
		phrase, e.Ended.Unit.Name, fmtDate(e.Ended.ValidTo), successorsText(e.Ended.Successors))
}
