package models

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// viMessages are the Vietnamese words of every message code (messages.go),
// as an official writes them: the one catalogue the pages, the Word draft
// and the API (Accept-Language: vi) read. {name} is the parameter name
// written as a Vietnamese number (1.234,5), {name|date} as a date
// (01/05/2024), {name|period} as a document names a period ("năm 2024",
// "6 tháng đầu năm 2025"), {name|text} as it is.
var viMessages = map[string]string{
	// Problems.
	MUnknownField:       "Mục này không có trong mẫu báo cáo.",
	MDuplicateField:     "Mục này được ghi hai lần.",
	MReadOnly:           "Mục này do hệ thống ghi; không gửi mục này.",
	MNotObject:          "Phải là một nhóm mục (đối tượng JSON).",
	MNotList:            "Phải là một danh sách.",
	MNotString:          "Phải là chữ (chuỗi văn bản).",
	MNotBoolean:         "Phải là true hoặc false.",
	MNotInteger:         "Phải là số nguyên.",
	MNotNumber:          "Phải là số.",
	MRequired:           "Cần điền mục này.",
	MEmptyEntry:         "Dòng này đang trống: điền nội dung hoặc xóa dòng.",
	MNegative:           "Không được là số âm.",
	MAboveMax:           "Số {value} không thể đúng: lớn hơn {max}.",
	MPercentRange:       "Tỷ lệ {value}% không hợp lệ: tỷ lệ phải từ 0 đến 100.",
	MPercentDecimals:    "Tỷ lệ {value}% có quá hai chữ số sau dấu phẩy.",
	MBadNumber:          "Không phải là số; ví dụ 1.169 hoặc 2.690,67.",
	MNumberExponent:     "Số phải viết đầy đủ, không viết dạng lũy thừa; ví dụ 2.690,67.",
	MNumberTooLarge:     "Số quá lớn, không thể đúng.",
	MTooManyDecimals:    "Có quá {places} chữ số sau dấu phẩy.",
	MHouseholdsOverPop:  "Số hộ ({households}) nhiều hơn dân số ({population} người): kiểm tra lại số hộ và dân số.",
	MPoorOverHouseholds: "Số hộ nghèo ({poor}) nhiều hơn tổng số hộ ({households}).",
	MNearPoorOverHH:     "Số hộ cận nghèo ({near_poor}) nhiều hơn tổng số hộ ({households}).",
	MPoorNearPoorOverHH: "Số hộ nghèo ({poor}) cộng số hộ cận nghèo ({near_poor}) nhiều hơn tổng số hộ ({households}).",
	MCountMismatch:      "Ghi {count} nhưng danh sách kê {items} trường hợp: sửa số cho khớp với danh sách.",
	MTooManyEntries:     "Có {entries} dòng; nhiều nhất {max} dòng.",
	MDateOrder:          "Ngày kết thúc ({end_on|date}) trước ngày bắt đầu ({start_on|date}).",
	MLevelNotAllowed:    "Chọn cấp Nhà nước hoặc cấp tỉnh.",
	MStatusByReview:     "Trạng thái này do cấp huyện đặt khi duyệt; chỉ được lưu nháp hoặc gửi báo cáo.",
	MStatusNotAllowed:   "Trạng thái không hợp lệ; chỉ được lưu nháp hoặc gửi báo cáo.",
	MBadUnitCode:        "Mã đơn vị không hợp lệ; mã đơn vị gồm các chữ số, ví dụ 05596.",
	MTooLong:            "Dài {length} ký tự; nhiều nhất {max} ký tự.",
	MControlCharacters:  "Có ký tự điều khiển không hợp lệ; hãy gõ lại đoạn này.",
	MNotUTF8:            "Có ký tự không đọc được; hãy gõ lại đoạn này.",
	MInvisibleCharacter: "Có ký tự ẩn hoặc ký tự đảo chiều văn bản ({character|text}), thường lẫn vào khi sao chép từ trang web hay tệp khác; hãy xóa rồi gõ lại đoạn này.",
	MBadDate:            "Ngày không hợp lệ; chọn ngày trên lịch.",
	MNotDate:            "Ngày không hợp lệ; chọn ngày trên lịch.",
	MDateTooEarly:       "Ngày quá sớm, không thể đúng; nếu không có ngày thì để trống.",
	MBadPeriod:          "Kỳ báo cáo không hợp lệ: ghi năm (2024) hoặc sáu tháng (2024S1, 2024S2).",
	MPeriodYearRange:    "Kỳ báo cáo không hợp lệ: năm phải từ {min|text} đến {max|text}.",
	MPeriodNotBegun:     "Kỳ báo cáo này chưa bắt đầu (bắt đầu từ ngày {starts_on|date}).",
	MUnitNotInPeriod:    "Đơn vị này không tồn tại trong kỳ báo cáo.",
	MNoSuchUnit:         "Không có đơn vị nào mang mã {unit|text}.",
	MNotReportingUnit:   "Đơn vị này không thuộc cấp xã; báo cáo do xã, phường, đặc khu lập.",
	MUnitEnded:          "Đơn vị đã kết thúc ngày {ended_on|date}, trước ngày cuối của kỳ báo cáo {period|period}: báo cáo kỳ này do đơn vị kế thừa gửi.",
	MProjectsCommitted:  "Tổng vốn cam kết của các dự án là {total} đồng; một báo cáo được cộng nhiều nhất {max} đồng.",
	MProjectsDisbursed:  "Tổng vốn giải ngân của các dự án là {total} đồng; một báo cáo được cộng nhiều nhất {max} đồng.",
	MTotalAboveMax:      "Tổng cộng là {total}; một báo cáo được cộng nhiều nhất {max}.",
	MProductAboveMax:    "Số liệu không thể đúng: số này nhân với số hộ hoặc dân số đi kèm lớn hơn {max}.",
	MReturnNeedsComment: "Khi trả lại, xin ghi rõ xã cần sửa, bổ sung nội dung gì.",
	MDecisionRequired:   "Xin chọn Duyệt hoặc Trả lại.",
	MDecisionNotAllowed: "Xin chọn Duyệt hoặc Trả lại.",

	// The import's.
	MNoPeriodInDocument:  "Không tìm thấy kỳ báo cáo trong tiêu đề văn bản (“năm 2024”, “6 tháng đầu năm 2025”); xin chọn kỳ báo cáo.",
	MNoUnitInDocument:    "Không tìm thấy tên xã, phường trong văn bản (phần đầu “UBND XÃ …” hoặc dòng địa danh, ngày tháng); xin chọn đơn vị báo cáo.",
	MDocumentUnitUnknown: "Không tìm thấy đơn vị “{name|text}” (tên đọc được trong văn bản) trong danh mục đơn vị; xin chọn đơn vị báo cáo.",
	MDocumentUnitOutside: "Văn bản là báo cáo của {name|text} (mã {unit|text}), nằm ngoài phạm vi quản lý của bạn.",

	// The accounts'.
	MManagesNoAccounts:   "Chỉ quản trị viên và cán bộ cấp huyện, tỉnh được quản lý tài khoản người dùng.",
	MCommuneAccountsOnly: "Cấp huyện, tỉnh chỉ được tạo tài khoản cấp xã (vai trò commune).",
	MUnitOutOfScope:      "Đơn vị {unit|text} nằm ngoài phạm vi quản lý của bạn.",
	MLoginTaken:          "Tên đăng nhập {login|text} đã có người dùng. Xin chọn tên khác.",
	MLoginRepeated:       "Tên đăng nhập {login|text} đã có ở dòng {line} của tệp.",
	MAdminHasNoUnit:      "Tài khoản quản trị không gắn với đơn vị nào nên không chuyển sang đơn vị khác được.",
	MAccountUnitEnded:    "Đơn vị {unit|text} ({name|text}) đã kết thúc ngày {ended_on|date}; xin chuyển tài khoản sang đơn vị hiện đang báo cáo cho địa bàn này.",
	MAccountUnitUnknown:  "Không có đơn vị mã {unit|text} phù hợp với vai trò này (tài khoản cấp xã cần mã xã, phường, đặc khu; cấp huyện, tỉnh cần mã huyện, tỉnh).",

	// The API tokens'.
	MTokensAdminOnly: "Chỉ quản trị viên được tạo, xem và thu hồi mã truy cập cho phần mềm.",
	MTokenKeySpent:   "Mã truy cập đã tạo với khóa {key|text} đã bị thu hồi hoặc đã hết hạn, hoặc khóa đã quá cũ, nên mã bí mật không được cấp lại; xin dùng khóa mới để tạo mã mới.",
	MTokenFormSpent:  "Mã truy cập tạo từ biểu mẫu này đã bị thu hồi hoặc đã hết hạn, hoặc biểu mẫu đã quá cũ. Xin kiểm tra lại các ô rồi bấm “Tạo mã” để tạo mã mới.",
	MTokenFormKey:    "Biểu mẫu này không còn dùng được. Xin kiểm tra lại các ô rồi bấm “Tạo mã” lần nữa.",

	// Warnings.
	WarnNoNumber:         "Báo cáo chưa có số văn bản (Số: …/BC-UBND); báo cáo gửi đi nên có số.",
	WarnNoDate:           "Báo cáo chưa có ngày ban hành; báo cáo gửi đi nên có ngày.",
	WarnPartyMembers:     "Số đảng viên ({party_members}) nhiều hơn dân số ({population} người).",
	WarnEthnicShares:     "Tỷ lệ của {peoples} dân tộc cộng lại được {total}%, không bằng 100%.",
	WarnMinorityShare:    "Tỷ lệ người dân tộc thiểu số ghi {stated}% lệch quá 1 điểm phần trăm so với {computed}% là tổng tỷ lệ các dân tộc ngoài dân tộc Kinh.",
	WarnEconomyStructure: "Ba tỷ lệ cơ cấu kinh tế cộng lại được {total}%, không bằng 100%.",
	WarnPoorRate:         "Tỷ lệ hộ nghèo ghi {stated}% khác với {count} hộ nghèo / {households} hộ × 100 = {computed}%.",
	WarnNearPoorRate:     "Tỷ lệ hộ cận nghèo ghi {stated}% khác với {count} hộ cận nghèo / {households} hộ × 100 = {computed}%.",
	WarnOutlier:          "Số {value} lớn hơn mười lần số {previous} đã báo cáo {period|period}; xin kiểm tra lại.",
}

// Vietnamese returns the Vietnamese words of the problem, or its English
// message when it has no message code.
func (f FieldError) Vietnamese() string { return VietnameseMessage(f.MessageCode, f.Params, f.Message) }

// Vietnamese returns the Vietnamese words of the warning, or its English
// message when its code has none.
func (w Warning) Vietnamese() string { return VietnameseMessage(w.Code, w.Params, w.Message) }

// VietnameseMessage returns the catalogue's words for code filled in with
// params, or english when the catalogue has no words for code or params
// lack one the words name (a warning stored before params were kept).
func VietnameseMessage(code string, params Params, english string) string {
	t, ok := viMessages[code]
	if !ok {
		return english
	}
	if s, ok := fillVi(t, params); ok {
		return s
	}
	return english
}

// Filled tells whether params give every value the catalogue's words for
// code name, so that VietnameseMessage does not fall back to English; false
// for a code the catalogue has no words for.
func Filled(code string, params Params) bool {
	t, ok := viMessages[code]
	if !ok {
		return false
	}
	_, ok = fillVi(t, params)
	return ok
}

// HasVietnamese tells whether the catalogue has words for code.
func HasVietnamese(code string) bool {
	_, ok := viMessages[code]
	return ok
}

// fillVi writes each {name|kind} of t with params[name]; ok is false if
// params do not give one.
func fillVi(t string, params Params) (string, bool) {
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		j := strings.IndexByte(t[i+1:], '}')
		if i < 0 || j < 0 {
			b.WriteString(t)
			return b.String(), true
		}
		j += i + 1
		b.WriteString(t[:i])
		name, kind, _ := strings.Cut(t[i+1:j], "|")
		v, given := params[name]
		if !given {
			return "", false
		}
		b.WriteString(viValue(v, kind))
		t = t[j+1:]
	}
}

// viValue writes a parameter the Vietnamese way: kind date, period or text,
// else a number. A value of its Go type (int64, Decimal, Date, Period) or
// as read back from JSON (json.Number, string) is written alike; a value
// that is not what kind says is written as it is.
func viValue(v any, kind string) string {
	s := fmt.Sprint(v)
	switch kind {
	case "text":
		return s
	case "date":
		if d, ok := v.(Date); ok {
			return d.DayMonthYear()
		}
		if d, err := ParseDate(s); err == nil {
			return d.DayMonthYear()
		}
		return s
	case "period":
		if p, ok := v.(Period); ok {
			return p.Phrase()
		}
		if p, err := ParsePeriod(s); err == nil {
			return p.Phrase()
		}
		return "kỳ " + s
	}
	switch n := v.(type) {
	case int:
		return FormatVNInt(int64(n))
	case int64:
		return FormatVNInt(n)
	case Decimal:
		return FormatVNDecimal(n)
	case *Decimal:
		return FormatVNDecimal(*n)
	case float64:
		s = strconv.FormatFloat(n, 'f', -1, 64)
	case json.Number:
		s = n.String()
	}
	if numeral(s) {
		return FormatVNNumber(s)
	}
	return s
}

// numeral tells whether s is digits with an optional sign and decimal
// point, as FormatVNNumber reads it.
func numeral(s string) bool {
	s = strings.TrimPrefix(s, "-")
	whole, frac, dot := strings.Cut(s, ".")
	digits := func(t string) bool {
		for _, c := range t {
			if c < '0' || c > '9' {
				return false
			}
		}
		return t != ""
	}
	return digits(whole) && (!dot || digits(frac))
}
