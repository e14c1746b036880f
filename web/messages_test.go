package web

import (
	"testing"
	"time"

	"doingoai/demo"
	"doingoai/models"
)

// TestMessagesInVietnamese runs the API's validator over reports that
// break each of its rules and checks that every error and warning it gives
// has Vietnamese words on the page, with its figures carried over.
func TestMessagesInVietnamese(t *testing.T) {
	seed := demo.BocNhieu2024
	bodies := []string{string(seed), `{"unit_code":"05596","period":"2024",
		"profile":{"households":5000,"population":4456,"poor_households":6000,"near_poor_households":10,"party_members":9999,
			"poor_households_rate_pct":120,"near_poor_households_rate_pct":3.333,"hamlets":-1,"area_ha":99999999,
			"economy_structure_pct":{"agriculture_forestry":50,"industry_services_tourism":10,"other":10},
			"ethnic_minority_share_pct":10,"ethnic_groups":[{"name":"Tày","share_pct":50},{"name":"","share_pct":10}]},
		"delegations":{"outbound":{"count":3,"items":[{"name":"A","start_on":"2024-05-02","end_on":"2024-05-01"}]}},
		"award_nominations":{"items":[{"title":"x","level":"huyen"}]},
		"difficulties":["", "ok"],
		"recommendations":[{"addressee":"UBND huyện","text":""}]}`,
		`{"unit_code":"05596","period":"2024","profile":{"households":10,"population":100,"poor_households":6,"near_poor_households":5}}`,
		`{"unit_code":"05596","period":"2099"}`,
	}
	now := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	seen := 0
	for _, b := range bodies {
		var r models.Report
		if err := models.DecodeJSON([]byte(b), &r, models.ReportReadOnly); err != nil {
			t.Fatalf("%v", err)
		}
		var p models.Problems
		warnings := models.CheckReport(&r, now, &p)
		msgs := []string{}
		for _, f := range p.List() {
			msgs = append(msgs, f.Message)
		}
		for _, w := range warnings {
			msgs = append(msgs, w.Message)
		}
		for _, m := range msgs {
			seen++
			got := viText(m)
			if got == m {
				t.Errorf("no Vietnamese for %q", m)
			}
		}
	}
	if seen < 20 {
		t.Errorf("only %d messages were produced; the test reports are not breaking the rules they should", seen)
	}
	for in, want := range map[string]string{
		"the stated rate 5.03% differs from 60 poor / 1169 households × 100 = 5.13%":           "Tỷ lệ hộ nghèo ghi 5,03% khác với 60 hộ nghèo / 1.169 hộ × 100 = 5,13%.",
		"5000 households is more than the population of 4456":                                  "Số hộ (5.000) nhiều hơn dân số (4.456 người): kiểm tra lại số hộ và dân số.",
		"the shares of the 10 peoples add up to 99.79%, not 100%":                              "Tỷ lệ của 10 dân tộc cộng lại được 99,79%, không bằng 100%.",
		"delegations_in_domestic is 600, more than ten times the 6 reported for 2023":          "Số 600 lớn hơn mười lần số 6 đã báo cáo năm 2023; xin kiểm tra lại.",
		"delegations_outbound_people is 1,200, more than ten times the 12 reported for 2024S1": "Số 1.200 lớn hơn mười lần số 12 đã báo cáo 6 tháng đầu năm 2024; xin kiểm tra lại.",
		"2024-05-01 is before start_on 2024-05-02":                                             "Ngày kết thúc (01/05/2024) trước ngày bắt đầu (02/05/2024).",
		"2099 has not begun: it starts on 2099-01-01":                                          "Kỳ báo cáo này chưa bắt đầu (bắt đầu từ ngày 01/01/2099).",
		`"2024-13-45" is not a calendar date written YYYY-MM-DD`:                               "Ngày không hợp lệ; chọn ngày trên lịch.",
		"something new": "something new",
	} {
		if got := viText(in); got != want {
			t.Errorf("viText(%q) = %q, want %q", in, got, want)
		}
	}
}
