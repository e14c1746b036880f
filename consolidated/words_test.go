package consolidated

import (
	"testing"

	"doingoai/models"
)

// TestSummaryNamesThePeriods: the title's line names the period reported
// and the one the plan is for, as a document does.
func TestSummaryNamesThePeriods(t *testing.T) {
	for _, c := range []struct {
		p    models.Period
		want string
	}{
		{models.Period{Year: 2024}, "Kết quả công tác đối ngoại năm 2024; phương hướng, nhiệm vụ năm 2025"},
		{models.Period{Year: 2024, Half: 1}, "Kết quả công tác đối ngoại 6 tháng đầu năm 2024; phương hướng, nhiệm vụ 6 tháng cuối năm 2024"},
		{models.Period{Year: 2024, Half: 2}, "Kết quả công tác đối ngoại 6 tháng cuối năm 2024; phương hướng, nhiệm vụ năm 2025"},
	} {
		if got := summary(c.p); got != c.want {
			t.Errorf("summary(%s) = %q, want %q", c.p, got, c.want)
		}
	}
}
