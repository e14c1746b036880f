package web

import (
	"regexp"
	"strings"

	"doingoai/models"
)

// The API's warnings are for programs (a stable code, an English message);
// the pages say them in Vietnamese, with the figures of the message where
// it has them.
var (
	rateRe    = regexp.MustCompile(`stated rate ([\d.]+)% differs from (\d+) [a-z-]+ / (\d+) households × 100 = ([\d.]+)%`)
	outlierRe = regexp.MustCompile(`is ([\d,]+), more than ten times the ([\d,]+) reported for (\S+)`)
)

func warningVI(w models.Warning) string {
	switch w.Code {
	case models.WarnPoorRate, models.WarnNearPoorRate:
		kind := "hộ nghèo"
		if w.Code == models.WarnNearPoorRate {
			kind = "hộ cận nghèo"
		}
		if m := rateRe.FindStringSubmatch(w.Message); m != nil {
			return "Tỷ lệ " + kind + " ghi " + models.FormatVNNumber(m[1]) + "% khác với " + m[2] + " / " + m[3] + " hộ × 100 = " + models.FormatVNNumber(m[4]) + "%."
		}
		return "Tỷ lệ " + kind + " ghi trong báo cáo khác với tỷ lệ tính từ số hộ."
	case models.WarnEthnicShares:
		return "Tổng tỷ lệ các dân tộc không bằng 100%."
	case models.WarnMinorityShare:
		return "Tỷ lệ người dân tộc thiểu số không khớp với thành phần dân tộc."
	case models.WarnEconomyStructure:
		return "Tổng cơ cấu kinh tế không bằng 100%."
	case models.WarnPartyMembers:
		return "Số đảng viên lớn hơn dân số."
	case models.WarnNoNumber:
		return "Báo cáo đã gửi chưa có số văn bản (Số: …/BC-UBND)."
	case models.WarnNoDate:
		return "Báo cáo đã gửi chưa có ngày ban hành."
	case models.WarnOutlier:
		if m := outlierRe.FindStringSubmatch(w.Message); m != nil {
			return "Số liệu " + strings.ReplaceAll(m[1], ",", ".") + " lớn hơn mười lần số " + strings.ReplaceAll(m[2], ",", ".") + " của kỳ " + m[3] + "; xin kiểm tra lại."
		}
		return "Số liệu lớn bất thường so với kỳ trước; xin kiểm tra lại."
	}
	return "Cần xem lại số liệu này."
}

// fieldNames name the fields of a report that warnings point at.
var fieldNames = map[string]string{
	"number": "số văn bản", "issued_on": "ngày ban hành", "area_ha": "diện tích", "households": "số hộ", "population": "dân số",
	"ethnic_minority_share_pct": "tỷ lệ dân tộc thiểu số", "ethnic_groups": "thành phần dân tộc", "party_members": "số đảng viên",
	"economy_structure_pct": "cơ cấu kinh tế", "poor_households": "số hộ nghèo", "poor_households_rate_pct": "tỷ lệ hộ nghèo",
	"near_poor_households": "số hộ cận nghèo", "near_poor_households_rate_pct": "tỷ lệ hộ cận nghèo", "income_per_capita_vnd": "thu nhập bình quân",
	"hamlets": "số xóm", "party_cells": "số chi bộ", "count": "số lượng", "people": "số người", "narrative": "nội dung",
	"outbound": "đoàn ra", "inbound_domestic": "đoàn trong nước", "inbound_foreign": "đoàn nước ngoài", "items": "danh sách",
	"foreign_residents": "người nước ngoài tạm trú", "foreigner_incidents": "vụ việc", "citizens_exited": "công dân xuất cảnh",
	"labor_export_workers": "lao động ở nước ngoài", "officials_trained": "cán bộ được bồi dưỡng", "courses": "số lớp",
	"projects": "dự án", "committed_vnd": "giá trị cam kết", "disbursed_vnd": "giá trị giải ngân", "name": "tên", "title": "tên",
	"documents": "văn bản", "partners": "đơn vị phối hợp", "text": "nội dung", "addressee": "nơi nhận", "share_pct": "tỷ lệ",
	"place": "địa danh", "signer_name": "người ký", "signer_title": "chức vụ", "recipients": "nơi nhận", "in_response_to": "căn cứ",
	"issued_text": "dòng địa danh, ngày tháng", "donor": "nhà tài trợ", "country": "nước", "purpose": "mục đích",
}

type warningItem struct {
	Label, Message string
}
