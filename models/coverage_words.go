package models

import "fmt"

// A period's reports are counted two ways, and every page and file names
// each the same way:
//   - reported ("đã báo cáo"): the communes that have sent their report, not
//     a draft — submitted, returned or accepted (completeness.reported);
//   - counted: the reports the figures add up (a rollup's
//     communes_reported): submitted and accepted, or accepted only — a
//     returned report is reported but not counted.

// ReportedLabel names the communes that have sent their report.
const ReportedLabel = "Đã báo cáo"

// CountedSentence says how many reports the figures add up, of the
// statuses a rollup counts: "Số liệu tổng hợp từ 1 báo cáo đã gửi và đã
// duyệt (không tính bản nháp và báo cáo bị trả lại)."
func CountedSentence(n int, counted []string) string {
	if len(counted) == 1 && counted[0] == StatusAccepted {
		return fmt.Sprintf("Số liệu tổng hợp từ %d báo cáo đã duyệt (không tính bản nháp, báo cáo chờ duyệt và báo cáo bị trả lại).", n)
	}
	return fmt.Sprintf("Số liệu tổng hợp từ %d báo cáo đã gửi và đã duyệt (không tính bản nháp và báo cáo bị trả lại).", n)
}
