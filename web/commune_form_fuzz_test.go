package web

import (
	"testing"

	"doingoai/models"
)

// FuzzFormToReport: whatever a person (or a forged request) types into the
// form, the page builds JSON the API decodes without a type error — every
// problem is either the page's reading of a number, at its input, or the
// validator's — and a number it reads is shown back as text it reads the
// same way.
func FuzzFormToReport(f *testing.F) {
	names := []string{"profile.households", "profile.area_ha", "profile.poor_households_rate_pct", "profile.income_per_capita_vnd",
		"profile.ethnic_groups[0].name", "profile.ethnic_groups[3].share_pct", "ngo_aid.projects[1].committed_vnd",
		"ngo_aid.projects[1].start_on", "document.recipients[2]", "delegations.outbound.count", "recommendations[0].text",
		"award_nominations.items[0].level", "consular.narrative", "profile.ethnic_groups[x].name", "document.issued_on"}
	for _, s := range []string{"1.169", "2.690,67", "1,2 tỷ", "", "không có", "abc", "-5", "2024-13-45", "\xff", "state", "99999999999999999999"} {
		f.Add(uint8(0), s, s)
	}
	f.Fuzz(func(t *testing.T, which uint8, a, b string) {
		v := formValues{names[int(which)%len(names)]: a, names[(int(which)+7)%len(names)]: b, "csrf": a}
		body, problems, shown, _ := formToReport(v, "05596", "2024", "draft")
		var r models.Report
		if err := models.DecodeJSON(body, &r, models.ReportReadOnly); err != nil {
			if e, ok := err.(*models.Error); ok && e.Code == models.EINVALID {
				for _, fe := range e.Fields {
					// A date is checked when it is decoded: its message is
					// the API's, at its input.
					if fe.Field == "" {
						t.Fatalf("a problem without a field: %v", fe)
					}
				}
			} else {
				t.Fatalf("the API cannot decode the form's JSON: %v\n%s", err, body)
			}
		}
		for _, p := range problems {
			if p.Message == "" || p.Field == "" {
				t.Fatalf("an empty problem: %+v", p)
			}
		}
		for name, s := range shown {
			again, p2, shown2, _ := formToReport(formValues{name: s}, "05596", "2024", "draft")
			if len(p2) != 0 || shown2[name] != s {
				t.Fatalf("%s: %q shown back as %q, which reads as %q (%v)\n%s", name, v[name], s, shown2[name], p2, again)
			}
		}
	})
}
