package app_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"doingoai/app"
	"doingoai/demo"
	"doingoai/internal/testenv"
	"doingoai/models"
	"doingoai/store"
)

// TestReminderRights: who reminds the communes below which unit — every
// principal (an admin's token and account, a province's, a district's, a
// sibling district's and a commune's officer, a system token and the
// command line) against units in and out of their scope, for a period the
// unit covered to its end and one it did not (district 167 and Bộc Nhiêu
// ended on 2025-06-30). Only an admin or a district's or province's
// officer reminds, within its scope, a unit that did not end before the
// period's last day; May says so, Send does what May says, and a refusal
// records nothing.
func TestReminderRights(t *testing.T) {
	ctx := context.Background()
	s := testenv.Open(t, nil)
	testenv.LoadDinhHoa(t, s)
	if err := demo.Reform2025(ctx, s); err != nil {
		t.Fatal(err)
	}
	tree, err := s.Tree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	y2024, y2025 := models.Period{Year: 2024}, models.Period{Year: 2025}
	at := func(role models.Role, code string) models.Principal {
		u := tree.ForPeriod(code, y2024)
		return models.Principal{TokenID: 90, Name: string(role) + " " + code, Role: role, UnitID: u.ID, UnitCode: code}
	}
	principals := []struct {
		name  string
		p     models.Principal
		sends bool
		scope func(code string) bool // the units of the cells below in its scope
	}{
		{"admin token", models.Principal{TokenID: 91, Name: "admin", Role: models.RoleAdmin}, true, func(string) bool { return true }},
		{"admin account", models.Principal{Name: "quantri", Role: models.RoleAdmin}, true, func(string) bool { return true }},
		{"province", at(models.RoleDistrict, "19"), true, func(string) bool { return true }},
		{"district", at(models.RoleDistrict, "167"), true, func(code string) bool { return code == "167" || code == "05596" }},
		{"sibling district", at(models.RoleDistrict, "164"), true, func(code string) bool { return code == "164" }},
		{"commune", at(models.RoleCommune, "05596"), false, nil},
		{"system token", models.Principal{TokenID: 92, Name: "hệ thống", Role: models.RoleSystem}, false, nil},
		{"command line", models.CommandLine, false, nil},
	}
	cells := []struct {
		code   string
		period models.Period
		ended  bool
	}{
		{"167", y2024, false},
		{"167", y2025, true},
		{"05596", y2024, false},
		{"05596", y2025, true},
		{"164", y2024, false},
		{"05581", y2025, false}, // the new xã Trung Hội, under the province
	}
	reminders := app.Reminders{Store: s}
	count := func() int {
		t.Helper()
		n := 0
		for _, per := range []models.Period{y2024, y2025} {
			list, err := s.Reminders(ctx, tree, store.ReminderQuery{Within: tree.ForPeriod("19", per), Period: per.String()})
			if err != nil {
				t.Fatal(err)
			}
			n += len(list)
		}
		return n
	}
	for _, pr := range principals {
		if got := reminders.Sender(pr.p); (got == nil) != pr.sends || got != nil && models.ErrorCode(got) != models.EFORBIDDEN {
			t.Errorf("%s: Sender says %v, sends %v", pr.name, got, pr.sends)
		}
		for _, c := range cells {
			cell := fmt.Sprintf("%s reminds below %s for %s", pr.name, c.code, c.period)
			u, err := tree.Resolve(c.code, c.period)
			if err != nil {
				t.Fatal(err)
			}
			if u.EndedBefore(c.period) != c.ended {
				t.Fatalf("%s: the unit %s ended before %s: %v, the test says %v", cell, u.Code, c.period, u.EndedBefore(c.period), c.ended)
			}
			want := ""
			switch {
			case !pr.sends || !pr.scope(c.code):
				want = models.EFORBIDDEN
			case c.ended:
				want = models.EINVALID
			}
			may := reminders.May(ctx, tree, pr.p, u, c.period)
			if models.ErrorCode(may) != want || want == "" && may != nil {
				t.Errorf("%s: May says %v, want %q", cell, may, want)
			}
			if want == models.EINVALID && !errors.Is(may, models.ErrUnitEnded) {
				t.Errorf("%s: May says %v, want unit_ended", cell, may)
			}
			before := count()
			list, err := reminders.Send(ctx, pr.p, models.ReminderInput{UnitCode: c.code, Period: c.period.String()})
			if models.ErrorCode(err) != want || want == "" && err != nil {
				t.Errorf("%s: Send says %v, May %v", cell, err, may)
			}
			if want == models.EINVALID && !errors.Is(err, models.ErrUnitEnded) {
				t.Errorf("%s: Send says %v, want unit_ended", cell, err)
			}
			if n := count(); want != "" && (n != before || len(list) != 0) {
				t.Errorf("%s: refused, yet %d reminders became %d (%d returned)", cell, before, n, len(list))
			} else if want == "" && n != before+len(list) {
				t.Errorf("%s: %d reminders returned, %d recorded", cell, len(list), n-before)
			}
		}
	}
	// The cells allowed remind someone: a commune of 2024 had no report.
	if count() == 0 {
		t.Error("no reminder recorded at all")
	}
}
