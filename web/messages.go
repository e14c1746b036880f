package web

// The API writes its errors and warnings in English, for programs and
// their developers. Every page says them in Vietnamese, in the same words:
// the commune's form (/xa/…) and the report page (/r/…) both go through
// viText. Each message format of the validator has its translation here,
// with the figures of the message carried over (and written the Vietnamese
// way). The rules stay in the validator; this only changes the words. A
// message with no translation is shown as the API wrote it.

import (
	"regexp"
	"strconv"
	"strings"

	"doingoai/models"
)

type viMessage struct {
	re *regexp.Regexp
	// vi is the Vietnamese message: {n} is the n-th group written as a
	// Vietnamese number, {dn} as a date (01/05/2024), {pn} as a period
	// ("năm 2023"), [n] the n-th group as it is.
	vi string
}

func vi(pattern, msg string) viMessage {
	return viMessage{re: regexp.MustCompile("^" + pattern + "$"), vi: msg}
}

var viMessages = []viMessage{
	// Errors of the validator.
	vi(`is required`, "Cần điền mục này."),
	vi(`is empty`, "Dòng này đang trống: điền nội dung hoặc xóa dòng."),
	vi(`must not be negative`, "Không được là số âm."),
	vi(`is (\S+); more than (\S+) cannot be right`, "Số {1} không thể đúng: lớn hơn {2}."),
	vi(`is (\S+); a percentage is between 0 and 100`, "Tỷ lệ {1}% không hợp lệ: tỷ lệ phải từ 0 đến 100."),
	vi(`is (\S+); a percentage has at most two decimals`, "Tỷ lệ {1}% có quá hai chữ số sau dấu phẩy."),
	vi(`has more than (\d+) decimals`, "Có quá [1] chữ số sau dấu phẩy."),
	vi(`(\d+) households is more than the population of (\d+)`, "Số hộ ({1}) nhiều hơn dân số ({2} người): kiểm tra lại số hộ và dân số."),
	vi(`(\d+) poor households is more than the (\d+) households`, "Số hộ nghèo ({1}) nhiều hơn tổng số hộ ({2})."),
	vi(`(\d+) near-poor households is more than the (\d+) households`, "Số hộ cận nghèo ({1}) nhiều hơn tổng số hộ ({2})."),
	vi(`(\d+) poor and (\d+) near-poor households are more than the (\d+) households`, "Số hộ nghèo ({1}) cộng số hộ cận nghèo ({2}) nhiều hơn tổng số hộ ({3})."),
	vi(`is (\d+) but (\d+) items are listed; give the number of items, or leave count out`, "Ghi {1} nhưng danh sách kê {2} trường hợp: sửa số cho khớp với danh sách."),
	vi(`has (\d+) entries; at most (\d+) are allowed`, "Có {1} dòng; nhiều nhất {2} dòng."),
	vi(`(\S+) is before start_on (\S+)`, "Ngày kết thúc ({d1}) trước ngày bắt đầu ({d2})."),
	vi(`must be state or province`, "Chọn cấp Nhà nước hoặc cấp tỉnh."),
	vi(`is (\d+) characters long; at most (\d+) are allowed`, "Dài {1} ký tự; nhiều nhất {2} ký tự."),
	vi(`must not contain control characters`, "Có ký tự điều khiển không hợp lệ; hãy gõ lại đoạn này."),
	vi(`is not valid UTF-8 text`, "Có ký tự không đọc được; hãy gõ lại đoạn này."),
	vi(`must not contain invisible or bidirectional control characters \((U\+[0-9A-F]+)\)`, "Có ký tự ẩn hoặc ký tự đảo chiều văn bản ([1]), thường lẫn vào khi sao chép từ trang web hay tệp khác; hãy xóa rồi gõ lại đoạn này."),
	vi(`\S+ has not begun: it starts on (\S+)`, "Kỳ báo cáo này chưa bắt đầu (bắt đầu từ ngày {d1})."),
	vi(`unit \S+ did not exist during \S+`, "Đơn vị này không tồn tại trong kỳ báo cáo."),
	vi(`\S+ ended on (\S+), before the last day of (\S+)`, "Đơn vị đã kết thúc ngày {d1}, trước ngày cuối của kỳ báo cáo {p2}: báo cáo kỳ này do đơn vị kế thừa gửi."),
	vi(`"[^"]*" is not a calendar date written YYYY-MM-DD`, "Ngày không hợp lệ; chọn ngày trên lịch."),
	vi(`must be a date written YYYY-MM-DD`, "Ngày không hợp lệ; chọn ngày trên lịch."),
	vi(`"[^"]*" is too early to be a date here; leave the date out \(null\) if there is none`, "Ngày quá sớm, không thể đúng; nếu không có ngày thì để trống."),
	// Warnings.
	vi(`the report has no number \(Số: …/BC-UBND\); a submitted report should`, "Báo cáo chưa có số văn bản (Số: …/BC-UBND); báo cáo gửi đi nên có số."),
	vi(`the report has no date; a submitted report should`, "Báo cáo chưa có ngày ban hành; báo cáo gửi đi nên có ngày."),
	vi(`(\d+) party members is more than the population of (\d+)`, "Số đảng viên ({1}) nhiều hơn dân số ({2} người)."),
	vi(`the shares of the (\d+) peoples add up to (\S+)%, not 100%`, "Tỷ lệ của {1} dân tộc cộng lại được {2}%, không bằng 100%."),
	vi(`the stated (\S+)% differs from the (\S+)% of the peoples other than Kinh by more than 1 point`, "Tỷ lệ người dân tộc thiểu số ghi {1}% lệch quá 1 điểm phần trăm so với {2}% là tổng tỷ lệ các dân tộc ngoài dân tộc Kinh."),
	vi(`the three shares add up to (\S+)%, not 100%`, "Ba tỷ lệ cơ cấu kinh tế cộng lại được {1}%, không bằng 100%."),
	vi(`the stated rate (\S+)% differs from (\d+) poor / (\d+) households × 100 = (\S+)%`, "Tỷ lệ hộ nghèo ghi {1}% khác với {2} hộ nghèo / {3} hộ × 100 = {4}%."),
	vi(`the stated rate (\S+)% differs from (\d+) near-poor / (\d+) households × 100 = (\S+)%`, "Tỷ lệ hộ cận nghèo ghi {1}% khác với {2} hộ cận nghèo / {3} hộ × 100 = {4}%."),
	vi(`\S+ is (\S+), more than ten times the (\S+) reported for (\S+)`, "Số {1} lớn hơn mười lần số {2} đã báo cáo {p3}; xin kiểm tra lại."),
}

var viPlaceholder = regexp.MustCompile(`\{([dp]?)(\d)\}|\[(\d)\]`)

// viText returns the Vietnamese words of a message of the API.
func viText(msg string) string {
	for _, m := range viMessages {
		g := m.re.FindStringSubmatch(msg)
		if g == nil {
			continue
		}
		return viPlaceholder.ReplaceAllStringFunc(m.vi, func(ph string) string {
			p := viPlaceholder.FindStringSubmatch(ph)
			n, _ := strconv.Atoi(p[2] + p[3])
			if n >= len(g) {
				return ph
			}
			switch {
			case p[3] != "":
				return g[n]
			case p[1] == "d":
				return viDate(g[n])
			case p[1] == "p":
				return viPeriod(g[n])
			}
			return viNumber(g[n])
		})
	}
	return msg
}

// viDate writes a date of an English message ("2024-05-01") as the pages
// do ("01/05/2024"); anything else is left as it is.
func viDate(s string) string {
	if d, err := models.ParseDate(s); err == nil {
		return fmtDate(d)
	}
	return s
}

// viPeriod writes a period of an English message ("2023", "2024S1") as a
// document names it ("năm 2023", "6 tháng đầu năm 2024").
func viPeriod(s string) string {
	if p, err := models.ParsePeriod(s); err == nil {
		return p.Phrase()
	}
	return "kỳ " + s
}

// viNumber writes a number of an English message ("1,169", "5.13") the
// Vietnamese way ("1.169", "5,13"); anything else is left as it is.
func viNumber(s string) string {
	plain := strings.ReplaceAll(s, ",", "")
	if n, err := strconv.ParseInt(plain, 10, 64); err == nil {
		return models.FormatVNInt(n)
	}
	if d, err := models.ParseDecimal(plain); err == nil {
		return models.FormatVNDecimal(d)
	}
	return s
}
