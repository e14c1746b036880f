package docimport

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// The refusals of one place. A figure is the period's only when its words
// say nothing that makes it another: another period ("năm 2023", "cùng kỳ
// năm trước", "6 tháng đầu năm" in a year's or a second half's report,
// "lũy kế", "giai đoạn 2021–2025"), an aim ("phấn đấu", "kế hoạch đề
// ra", "mục tiêu", "chỉ tiêu", "dự kiến"), another area ("toàn huyện",
// "cả nước", "Thành phố X có …"), a range ("15–20") or a share of a plan
// ("đạt 85% kế hoạch"). Before any figure is read, the digits such words
// govern are hidden in the folded text of the report's prose (the
// original text, which narratives and quotes use, is kept): no reader of
// any figure sees them. Tables are not touched: their columns and rows
// say their periods (tables.go).
//
// What a modality governs: its own words; then, when it opens its clause
// as an adverbial ("Năm 2023, …", "Kế hoạch đề ra: …", words with no
// number but years before the first comma), the whole clause; else the
// words up to the next comma ("… 45 triệu đồng, năm 2023 đạt 41 triệu
// đồng"), or the end of the brackets it is in. Words of the report's own
// period ("năm 2024" in a report of 2024, "trong năm") and, for an area,
// the commune ("riêng xã") end it.

// maskByte replaces a hidden digit in the folded text.
const maskByte = '#'

var (
	// modYearRe is "năm 2023"; a date's year ("tháng 3 năm 2023") is not
	// a period's.
	modYearRe = re(`\bnam\s+(\d{4})\b`)
	// otherSpanRe names a span that is not the report's period.
	otherSpanRe = re(`\b(?:cung ky|nam truoc|ky truoc|nam ngoai|so voi|luy ke|tu dau nhiem ky|ca nhiem ky|giai doan|nang tong so)\b`)
	// aimRe names what is aimed at or planned.
	aimRe = re(`\b(?:phan dau|du kien|muc tieu|chi tieu|ke hoach|nam toi|thoi gian toi|sap toi|se\s+(?:to chuc|don|tiep|cu|ky|di|dang cai|trien khai|dat))\b`)
	// aimNotRe is the same words naming a document or a purpose: "Thực
	// hiện Kế hoạch số 12/KH-UBND", "theo kế hoạch", "với mục tiêu …".
	aimNotBeforeRe = re(`\b(?:thuc hien|theo|trien khai|ban hanh|xay dung|tai|cua|voi|nham|cac|dung)\s+$`)
	aimNotAfterRe  = re(`^\s*(?:so\b|/|cua\b|quoc gia\b)`) // "Chương trình mục tiêu quốc gia"
	// aimNumberedRe is a number after a plan's noun: "Kế hoạch 125/KH-UBND"
	// names a document. After a verb ("sẽ tổ chức 02 hội thảo", "dự kiến
	// 03 đoàn") it is the aim's own figure.
	aimNumberedRe = re(`^\s*\d`)
	// wideAreaRe names an area wider than the commune.
	wideAreaRe = re(`\b(?:(?:toan|ca)\s+(?:huyen|tinh|thanh pho|thi xa|quan)|ca nuoc|toan quoc|tren dia ban (?:huyen|tinh|thanh pho|thi xa|quan))\b`)
	// areaSubjectRe is another unit as the subject of its clause:
	// "Thành phố Cao Bằng có …", "Huyện có …".
	areaSubjectRe = re(`^(?:thanh pho|huyen|tinh|thi xa|quan)\b`)
	// areaPoliceRe is the police of another unit as the subject of its
	// clause: what "Công an huyện đã phát hiện, xử lý 09 vụ …" counts is
	// the district's (a class the district held, that the commune sent
	// its people to, is the commune's too: no other body is one).
	areaPoliceRe = re(`^cong an\s+(?:thanh pho|huyen|tinh|thi xa|quan)\b`)
	// areaBodyRe is the people's committee of another unit as the subject
	// of its clause.
	areaBodyRe = re(`^(?:ubnd|uy ban nhan dan)\s+(?:thanh pho|huyen|tinh|thi xa|quan)\b`)
	// asOfRe is a date the clause's figures are counted up to: "Tính đến
	// tháng 11/2023", "đến ngày 30 tháng 11 năm 2023". One of a year
	// before the report's is another period ("năm 2023" in a date is a
	// date's year, not a period's: modYearRe passes it over).
	asOfRe = re(`\b(?:tinh\s+(?:den|toi)|den|toi|tai thoi diem)\s+(?:het\s+)?(?:ngay\s+)?(?:\d{1,2}\s*/\s*\d{1,2}|\d{1,2}\s+thang\s+\d{1,2}|thang\s+\d{1,2})\s*(?:/|\s+nam)\s*(\d{4})\b`)
	// areaOfRe is another unit whose figure a clause gives: "Đảng bộ thành
	// phố …", "của thành phố …", "trên địa bàn huyện".
	areaOfRe = re(`\b(?:cua|dang bo|tren dia ban)\s+(?:thanh pho|huyen|tinh|thi xa|quan)\b`)
	// rangeRe is a range of numbers: "15–20", "từ 15 đến 20".
	rangeRe = re(`(?:\btu\s+)?(\d[\d.,]*)\s*(?:-|–|—|\bden\b)\s*(\d[\d.,]*)`)
	// planShareRe is a share of a plan or a comparison: "đạt 85% kế
	// hoạch", "bằng 120% so với cùng kỳ".
	planShareRe = re(`(\d[\d.,]*)\s*%\s*(?:cua\s+)?(?:ke hoach|kh\b|chi tieu|muc tieu|so voi|nghi quyet|cung ky)`)
	// changeNumRe is the number of a change: "tăng 5 đoàn", "giảm thêm
	// 3,2%" (not "tăng lên 52 triệu", "giảm còn 200 hộ", which say a level).
	changeNumRe = re(`\b(?:tang|giam)(?:\s+them)?\s+(\d[\d.,]*)`)
	// ownPeriodRe are words of the report's own period.
	ownPeriodRe = re(`\b(?:trong nam|nam nay|ky nay|ky bao cao|rieng nam)\b`)
	// communeRe names the commune again.
	communeRe = re(`\b(?:rieng|xa|phuong|thi tran|dac khu)\b`)
	// quarterRe is a quarter: "Quý III", "quý 4/2024".
	quarterRe = re(`\bquy\s+(?:iv|i{1,3}|[1-4])\b(?:\s*/\s*\d{4})?`)
	// wholeYearWordRe is the whole year, not a half-year report's half:
	// "cả năm 2024", "trọn năm".
	wholeYearWordRe = re(`\b(?:ca nam|tron nam|ca nam \d{4})\b`)
	modHalfRe       = re(`\b(?:6|sau|06)\s+thang\s+(dau|cuoi)(?:\s+nam)?\b`)
)

// span is a modality's words in a folded line and what kind it is.
type span struct {
	a, b  int
	area  bool
	whole bool // a range: its own words are hidden too
	short bool // a change: it governs its own words, up to the next comma
	// words: the words it governs are hidden too, not only the numbers
	// (an area, an aim, a range; any modality that opens its clause). A
	// period's words after a figure keep them: "tài trợ năm 2023 đã hoàn
	// thành" still says the project ended.
	words bool
	// self: its own number is hidden too ("6 tháng đầu năm": no count of 6).
	self bool
	// sentence: it governs the clauses after its own up to its sentence's
	// end (the district's committee, the subject of a sentence that never
	// names the commune: "UBND huyện cử 02 đoàn …; đón 06 đoàn …").
	sentence bool
}

// maskOther hides the digits in the prose line t that the modalities of
// its clauses govern, for a report of period p.
func maskOther(t text, p period) text {
	f := t.fold
	if strings.IndexFunc(f, isDigitRune) < 0 {
		return t
	}
	m := &masker{t: t, p: p, own: ownPeriods(f, p), communes: starts(communeRe.FindAllStringIndex(f, -1))}
	colon, sent := false, -1
	for _, c := range clauseSpans(f) {
		if c[2] != sent {
			colon, sent = false, c[2]
		}
		m.clause(c[0], c[1], c[2], c[3], colon)
		colon = colon || strings.IndexByte(f[c[0]:c[1]], ':') >= 0
	}
	return m.apply()
}

// masker gathers what the modalities of one line govern, then hides it
// once: the spans are merged first, so that a line of many clauses costs
// in proportion to its length.
type masker struct {
	t        text
	p        period
	own      []int // where words of the report's own period begin
	communes []int // where the commune is named
	spans    [][2]int
	words    [][2]int // the spans whose words are hidden too
	self     [][2]int // a modality's own number ("6 tháng", "quý 3")
}

func starts(ms [][]int) []int {
	out := make([]int, len(ms))
	for i, m := range ms {
		out[i] = m[0]
	}
	return out
}

// firstIn is the first of the sorted positions ps in [x, y), or -1.
func firstIn(ps []int, x, y int) int {
	i := sort.SearchInts(ps, x)
	if i < len(ps) && ps[i] < y {
		return ps[i]
	}
	return -1
}

// merged is the union of spans, sorted and disjoint.
func merged(sp [][2]int) [][2]int {
	sort.Slice(sp, func(i, j int) bool { return sp[i][0] < sp[j][0] })
	var out [][2]int
	for _, x := range sp {
		if x[0] >= x[1] {
			continue
		}
		if n := len(out); n > 0 && x[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], x[1])
			continue
		}
		out = append(out, x)
	}
	return out
}

// apply hides what was gathered: digits (not a date's nor a year's) in
// every span, letters in the spans of words, a modality's own number.
func (m *masker) apply() text {
	f := m.t.fold
	if len(m.spans) == 0 && len(m.self) == 0 {
		return m.t
	}
	b := []byte(f)
	date := make([]bool, len(f))
	for _, d := range datesRe.FindAllStringIndex(f, -1) {
		for i := d[0]; i < d[1]; i++ {
			date[i] = true
		}
	}
	hide := func(x, y int, words bool) {
		for i := x; i < y; i++ {
			if date[i] {
				continue
			}
			if isDigit(f[i]) && (i == 0 || !isDigit(f[i-1])) && i+4 <= len(f) && isYear(f[i:i+4]) && (i+4 == len(f) || !isDigit(f[i+4]) && !(f[i+4] == '.' || f[i+4] == ',')) {
				i += 3 // a year ("giai đoạn 2024 - 2026") is no figure
				continue
			}
			switch c := b[i]; {
			case isDigit(c):
				b[i] = maskByte
			case words && (c >= 'a' && c <= 'z' || c >= 0x80):
				b[i] = ' '
			}
		}
	}
	for _, x := range merged(m.spans) {
		hide(x[0], x[1], false)
	}
	for _, x := range merged(m.words) {
		hide(x[0], x[1], true)
	}
	for _, x := range m.self {
		for i := x[0]; i < x[1]; i++ {
			if isDigit(b[i]) {
				b[i] = maskByte
			}
		}
	}
	if string(b) == f {
		return m.t
	}
	return text{orig: m.t.orig, fold: string(b), idx: m.t.idx}
}

// clauseSpans are the clauses of f, ended by ";" or a sentence's full
// stop outside brackets, each with the start and the end of its sentence.
func clauseSpans(f string) [][4]int {
	var out [][4]int
	start, depth, sent := 0, 0, 0
	for i := 0; i < len(f); i++ {
		switch c := f[i]; {
		case c == '(':
			depth++
		case c == ')':
			depth = max(0, depth-1)
		case depth == 0 && (c == ';' || c == '.' && (i+1 == len(f) || f[i+1] == ' ')):
			out = append(out, [4]int{start, i, 0, 0})
			start = i + 1
			if c == '.' {
				for k := sent; k < len(out); k++ {
					out[k][2], out[k][3] = out[sent][0], i
				}
				sent = len(out)
			}
		}
	}
	out = append(out, [4]int{start, len(f), 0, 0})
	for k := sent; k < len(out); k++ {
		out[k][2], out[k][3] = out[sent][0], len(f)
	}
	return out
}

// modalities are the spans of the clause f[a:z] that make a figure not
// the period's.
func modalities(t text, a, z int, p period) []span {
	f := t.fold
	c := f[a:z]
	var out []span
	for _, m := range modYearRe.FindAllStringSubmatchIndex(c, maxModalities) {
		if c[m[2]:m[3]] == p.year || p.year == "" || dateBefore(tail(c[:m[0]], 40)) {
			continue
		}
		out = append(out, span{a: a + m[0], b: a + m[1]})
	}
	for _, m := range asOfRe.FindAllStringSubmatchIndex(c, maxModalities) {
		if p.year != "" && c[m[2]:m[3]] < p.year {
			out = append(out, span{a: a + m[0], b: a + m[1]})
		}
	}
	for _, m := range otherSpanRe.FindAllStringIndex(c, maxModalities) {
		if c[m[0]:m[1]] == "giai doan" && strings.Contains(tail(c[:m[0]], 120), "chuan") {
			continue // "theo chuẩn nghèo giai đoạn 2022–2025"
		}
		if c[m[0]:m[1]] == "luy ke" && (strings.HasPrefix(c[m[1]:], " giai ngan") || strings.HasSuffix(strings.TrimRight(c[:m[0]], " "), "giai ngan")) {
			continue // a project's disbursement so far is the project's
		}
		out = append(out, span{a: a + m[0], b: a + m[1]})
	}

	for _, m := range quarterRe.FindAllStringIndex(c, maxModalities) {
		if strings.HasPrefix(strings.ToLower(t.orig[t.idx[a+m[0]]:]), "quý") {
			out = append(out, span{a: a + m[0], b: a + m[1], self: true}) // a quarter is a part of any report's period
		}
	}
	if p.half != "" {
		// "Tính cả năm 2024, phường đón 08 đoàn" in a half-year's report:
		// the whole year is not the half.
		for _, m := range wholeYearWordRe.FindAllStringIndex(c, maxModalities) {
			out = append(out, span{a: a + m[0], b: a + m[1]})
		}
	}
	for _, m := range modHalfRe.FindAllStringSubmatchIndex(c, maxModalities) {
		if p.year != "" && c[m[2]:m[3]] != p.half {
			out = append(out, span{a: a + m[0], b: a + m[1], self: true})
		}
	}
	for _, m := range aimRe.FindAllStringIndex(c, maxModalities) {
		if aimNotBeforeRe.MatchString(tail(c[:m[0]], 40)) && !(strings.HasSuffix(strings.TrimRight(c[:m[0]], " "), "theo") && hasAny(c[m[0]:m[1]], "chi tieu", "muc tieu")) || aimNotAfterRe.MatchString(head(c[m[1]:], 20)) || aimNumberedRe.MatchString(head(c[m[1]:], 20)) && hasAny(c[m[0]:m[1]], "ke hoach", "muc tieu", "chi tieu") {
			continue // "theo kế hoạch" is done as planned; "theo chỉ tiêu được giao" is the target
		}
		out = append(out, span{a: a + m[0], b: a + m[1], words: true})
	}
	for _, m := range wideAreaRe.FindAllStringIndex(c, maxModalities) {
		if areaWords(t, a+m[0], a+m[1]) {
			out = append(out, span{a: a + m[0], b: a + m[1], area: true, words: true})
		}
	}
	if lead := leadEnd(c); lead >= 0 {
		if i := strings.IndexByte(c[lead:], ','); i > 0 && adverbialTime(c[lead:lead+i]) {
			lead += i + 1 // "Tháng 4/2025, UBND huyện …": the subject after the time
			for lead < len(c) && c[lead] == ' ' {
				lead++
			}
		}
		m := areaSubjectRe.FindStringIndex(c[lead:])
		if m == nil {
			m = areaPoliceRe.FindStringIndex(c[lead:])
		}
		body := false
		if m == nil {
			// The district's people's committee as the subject, in words
			// that never name the commune again: "UBND huyện cử 02 đoàn …".
			// One that does is the commune's too: "UBND huyện tổ chức 01
			// lớp … cho cán bộ các xã", "UBND huyện X tặng 01 Giấy khen
			// cho UBND xã".
			if m = areaBodyRe.FindStringIndex(c[lead:]); m != nil {
				rest := f[a+lead+m[1]:]
				if e := strings.Index(rest, ". "); e >= 0 {
					rest = rest[:e] // its sentence
				}
				if communeRe.MatchString(rest) {
					m = nil
				} else {
					body = true
				}
			}
		}
		if m != nil && areaWords(t, a+lead+m[0], a+lead+m[1]) {
			out = append(out, span{a: a + lead + m[0], b: a + lead + m[1], area: true, words: true, sentence: body})
		}
	}
	for _, m := range areaOfRe.FindAllStringIndex(c, maxModalities) {
		if pre := tail(c[:m[0]], 200); !hasCount(pre) && !hasAny(pre, "doan", "to chuc", "du an") && namedAt(t, a+m[1]) && areaWords(t, a+m[0], a+m[1]) {
			out = append(out, span{a: a + m[0], b: a + m[1], area: true, words: true})
		}
	}
	for _, m := range rangeRe.FindAllStringSubmatchIndex(c, maxModalities) {
		x, y := c[m[2]:m[3]], c[m[4]:m[5]]
		if isYear(x) && (len(y) != 4 && len(y) != 2 || isYear(y)) {
			continue // "năm 2024 – 05 đoàn": a year, then a count; "2024 - 2026", years
		}
		out = append(out, span{a: a + m[0], b: a + m[1], whole: true, words: true})
	}
	for _, m := range changeNumRe.FindAllStringSubmatchIndex(c, maxModalities) {
		if w := strings.ToLower(t.orig[t.idx[a+m[0]]:t.idx[a+m[0]+4]]); w == "tặng" {
			continue // "tặng 01 Bằng khen": given, not grown
		}
		out = append(out, span{a: a + m[0], b: a + m[2], short: true})
	}
	return out
}

// areaWords tells whether the folded words t.fold[i:j] are a unit's in
// the original: "tỉnh", not "tính" ("Tính cả năm 2024, …").
func areaWords(t text, i, j int) bool {
	o := strings.ToLower(t.orig[t.idx[i]:t.idx[j]])
	return hasAny(o, "thành phố", "huyện", "tỉnh", "thị xã", "quận", "cả nước", "toàn quốc")
}

// namedAt tells whether a proper name begins after position i of t
// ("… của thành phố Cao Bằng"): a unit named, not "của huyện" that the
// commune worked with.
func namedAt(t text, i int) bool {
	for i < len(t.fold) && t.fold[i] == ' ' {
		i++
	}
	if i >= len(t.fold) {
		return false
	}
	r, _ := firstRune(t.orig[t.idx[i]:])
	return unicode.IsUpper(r)
}

// leadEnd is where the words of a clause begin after its item mark and a
// label ("- Đoàn ra: "), or -1.
func leadEnd(c string) int {
	c = head(c, 200) // a label is short
	i := 0
	for i < len(c) && strings.IndexByte(" -+*•", c[i]) >= 0 {
		i++
	}
	if j := strings.IndexByte(c, ':'); j >= 0 && strings.IndexFunc(c[:j], isDigitRune) < 0 && j+1 < len(c) {
		k := j + 1
		for k < len(c) && c[k] == ' ' {
			k++
		}
		if k-i < 60 {
			return k
		}
	}
	return i
}

// tail and head are the last and the first n bytes of s: the words next
// to a modality, looked at in a window, so that a clause of many costs no
// more than its length.
func tail(s string, n int) string { return s[max(0, len(s)-n):] }
func head(s string, n int) string { return s[:min(len(s), n)] }

// dateBefore tells whether the words before "năm YYYY" make it a date's
// year ("ngày 12 tháng 3 năm 2023").
var dateBeforeRe = regexp.MustCompile(`\bthang\s+\d{1,2}\s*$`)

func dateBefore(s string) bool { return dateBeforeRe.MatchString(s) }

// maxModalities bounds the modalities of each kind read in one clause (a
// clause of a report has one to three): a line made of them costs no more
// than its length.
const maxModalities = 16

// clause gathers what the modalities of the clause f[a:z] (of a sentence
// from sentStart to sentEnd, with a colon before the clause when
// colonBefore) govern, and the numbers of shares of a plan and of a
// half-year's name. Hidden digits become maskByte, hidden letters blanks;
// punctuation stays, so clauses and brackets are where they were.
func (m *masker) clause(a, z, sentStart, sentEnd int, colonBefore bool) {
	t, f, p := m.t, m.t.fold, m.p
	add := func(x, y int, words bool) {
		if words {
			m.words = append(m.words, [2]int{x, y})
		}
		m.spans = append(m.spans, [2]int{x, y})
	}
	c := f[a:z]
	for _, x := range planShareRe.FindAllStringSubmatchIndex(c, maxModalities) {
		add(a+x[2], a+x[3], false)
	}
	// "6 tháng đầu năm" is no count, of the report's own half too ("6
	// tháng đầu năm không có người nước ngoài tạm trú" has no 6
	// foreigners).
	for _, x := range modHalfRe.FindAllStringIndex(c, maxModalities) {
		m.self = append(m.self, [2]int{a + x[0], a + x[1]})
	}
	spans := modalities(t, a, z, p)
	sort.Slice(spans, func(i, j int) bool { return spans[i].a < spans[j].a })
	for _, s := range spans {
		end, opens := scopeEnd(f, s, a, z, sentStart, sentEnd)
		// Words of the report's own period, or the commune named again
		// after another area, end what the modality governs.
		if stop := firstIn(m.own, s.b, end); stop >= 0 {
			end = stop
		}
		if s.area {
			if stop := firstIn(m.communes, s.b, end); stop >= 0 {
				end = stop
			}
		}
		from := s.b
		if s.whole {
			from = s.a
		}
		if s.self {
			m.self = append(m.self, [2]int{s.a, s.b})
		}
		add(from, end, s.words || opens)
		if x, ok := trailing(t, s, a, z); ok {
			if z == sentEnd && a > sentStart && colonBefore {
				x = sentStart // the last item of "label: …; …; … trong năm 2023"
			}
			lead := x + leadEnd(f[x:s.a])
			add(x, lead, false)
			add(lead, s.a, true) // its words too: no project named there
		}
	}
}

// trailingRe are the modalities that, closing a clause, say what the
// figures before them are: "… trong năm 2023", "… của năm trước", "… (số
// liệu toàn huyện)", ", là mục tiêu đến năm 2025". Not a comparison ("so
// với", "bằng cùng kỳ"), nor a project's span ("từ năm 2023", "lũy kế",
// "giai đoạn").
var (
	trailingYearRe = re(`\b(?:trong|vao|cua|la|so lieu|thong ke)\s+$`)
	trailingWordRe = re(`^(?:cung ky|nam truoc|ky truoc|nam ngoai|phan dau|du kien|muc tieu|chi tieu|ke hoach|toan |ca |tren dia ban)`)
	scheduleRe     = re(`\b(?:hoan thanh|ket thuc|khoi cong|ban giao|nghiem thu|thi cong|du kien)\b`)
	// shareOfAreaRe is a share of the people or households of the area
	// named after it: "chiếm 94,6% dân số toàn huyện".
	shareOfAreaRe = re(`\d\s*%\s+(?:tong\s+)?(?:dan so|so dan|so ho|nhan khau|so nhan khau)\s+(?:cua\s+)?$`)
	comparedRe    = re(`\b(?:so voi|hon|bang|tang|giam|gap|nhu|thap|cao)\b`)
	// remainderRe names the rest of an amount ("phần còn lại", "số còn
	// lại"): a time said of it is the rest's.
	remainderRe = re(`\b(?:phan|so|so tien|kinh phi|von)\s+con lai\b`)
)

// onlyDataWords tells whether the words of an aside only say whose or which
// data it is ("số liệu", "theo thống kê"), and state nothing of their own.
func onlyDataWords(s string) bool {
	for _, w := range strings.Fields(s) {
		switch w {
		case "so", "lieu", "thong", "ke", "theo", "cua", "tinh", "den", "het", "la":
		default:
			return false
		}
	}
	return true
}

// trailing tells whether the modality s closes its clause f[a:z] — nothing
// after it but words, or it is alone in the brackets that end the clause —
// and so governs the figures before it, from x.
func trailing(t text, s span, a, z int) (x int, ok bool) {
	if s.whole || s.short {
		return 0, false
	}
	f := t.fold
	before := f[a:s.a]
	after := f[s.b:z]
	if open := strings.LastIndexByte(before, '('); open >= 0 && strings.Count(before, "(") > strings.Count(before, ")") {
		close := strings.IndexByte(after, ')')
		rest := f[a+open+1:s.a] + " " + after[:max(close, 0)]
		if close < 0 || strings.Trim(after[close+1:], " .;,") != "" || hasCount(rest) || !onlyDataWords(rest) {
			return 0, false // "(năm 2023 không có đoàn ra)": an aside of its own
		}
		return a, true // "… 1.234 hộ (số liệu năm 2023)"
	}
	if hasCount(after) || strings.ContainsAny(after, "(:") {
		return 0, false
	}
	seg := before
	if i := strings.LastIndexByte(seg, ','); i >= 0 {
		seg = seg[i+1:]
	}
	if compared(t, s.a-len(seg), seg) || scheduleRe.MatchString(seg) {
		return 0, false // "bằng cùng kỳ năm trước"; "dự kiến hoàn thành trong quý II/2026"
	}
	if remainderRe.MatchString(seg) && !strings.ContainsFunc(seg, isDigitRune) {
		return 0, false // ", phần còn lại giải ngân trong năm 2025": the rest's time, not the figures'
	}
	w := f[s.a:s.b]
	if s.area && shareOfAreaRe.MatchString(tail(before, 80)) {
		return a, true // "Dân tộc thiểu số chiếm 94,6% dân số toàn huyện": the district's share
	}
	if !trailingYearRe.MatchString(tail(before, 40)) || !(strings.HasPrefix(w, "nam ") && len(w) == 8 || s.self || trailingWordRe.MatchString(w)) {
		return 0, false // "tài trợ từ năm 2023", "dự kiến hoàn thành quý II"
	}
	return a, true
}

// compared tells whether the folded words seg, at in t.fold, compare the
// figures before a modality with another's ("bằng cùng kỳ", "tăng so
// với"). An award's name ("Bằng khen") and a gift ("tặng", folded as
// "tang") compare nothing.
func compared(t text, at int, seg string) bool {
	for _, m := range comparedRe.FindAllStringIndex(seg, -1) {
		switch w := seg[m[0]:m[1]]; {
		case w == "bang" && strings.HasPrefix(seg[m[1]:], " khen"):
			continue
		case w == "tang" && strings.ToLower(t.orig[t.idx[at+m[0]]:t.idx[at+m[1]]]) == "tặng":
			continue
		}
		return true
	}
	return false
}

// scopeEnd is where what the modality s of the clause f[a:z] governs ends:
// the end of its brackets; the sentence's end when it is in the label
// before a colon ("Cơ cấu kinh tế của toàn huyện: …; …"); the clause's end
// when it opens the clause as an adverbial; else the next comma.
func scopeEnd(f string, s span, a, z, sentStart, sentEnd int) (end int, opens bool) {
	if s.sentence {
		return sentEnd, true
	}
	before := f[a:s.a]
	if strings.Count(before, "(") > strings.Count(before, ")") {
		if j := strings.IndexByte(f[s.b:z], ')'); j >= 0 {
			if !hasCount(before) && strings.HasPrefix(strings.TrimLeft(f[s.b+j+1:z], " "), ":") {
				return sentEnd, false // "Số hộ nghèo (kế hoạch): …": the label's
			}
			return s.b + j, false
		}
		return z, false
	}
	next := z
	for j := s.b; j < z; j++ {
		if f[j] == ',' && !(j > 0 && isDigit(f[j-1]) && j+1 < len(f) && isDigit(f[j+1])) {
			next = j
			break
		}
	}
	if s.whole || s.short {
		return next, false
	}
	if !hasCount(before) {
		if j := strings.IndexByte(f[s.b:z], ':'); j >= 0 && !hasCount(f[s.b:s.b+j]) && !strings.Contains(f[a:s.b+j], "(") {
			return sentEnd, false // the label's
		}
	}
	lead := leadEnd(before)
	if (adverbial(before[lead:]) || lead == len(before)) && !hasCount(f[s.b:next]) {
		if a == sentStart && z < sentEnd && next < z && strings.TrimSpace(f[s.b:next]) == "" {
			// "Năm 2023, tổng số hộ nghèo là 98 hộ; hộ cận nghèo 85 hộ.":
			// an adverbial that opens its sentence, set off by a comma,
			// governs the clauses after the first too, up to words of the
			// report's own period.
			return sentEnd, true
		}
		return z, true // "Năm 2023, xã có …", "Kế hoạch đề ra: xã …"
	}
	return next, false
}

// adverbialTimeRe is a time that opens a clause: "Tháng 4/2025", "6 tháng
// đầu năm 2025", "Ngày 12/3/2025", "Năm 2025", "Quý II".
var adverbialTimeRe = re(`^(?:trong\s+)?(?:(?:6|sau|06)\s+thang\s+(?:dau|cuoi)(?:\s+nam)?(?:\s+\d{4})?|thang\s+\d{1,2}(?:\s*/\s*\d{4})?|ngay\s+\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?|nam(?:\s+\d{4})?|quy\s+\S+)$`)

func adverbialTime(s string) bool { return adverbialTimeRe.MatchString(strings.TrimSpace(s)) }

// adverbial tells whether the words before a modality leave it opening its
// clause: none, or a few with no number ("Trong năm 2023, …", "Tính đến
// hết năm 2023, …").
func adverbial(s string) bool {
	return len(strings.Fields(s)) <= 3 && strings.IndexFunc(s, isDigitRune) < 0 && !strings.ContainsAny(s, ",;:()")
}

func isYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20"))
}

// hasCount tells whether words hold a number other than a year.
func hasCount(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !isDigitRune(r) && r != '.' && r != ',' }) {
		w = strings.Trim(w, ".,")
		if w == "" {
			continue
		}
		if len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) {
			continue
		}
		return true
	}
	return false
}

// ownPeriods are where words of the report's own period begin in f,
// sorted: "trong năm", "năm 2024" in a report of 2024 (not "đến năm 2024",
// the end of a running total), its own half.
func ownPeriods(f string, p period) []int {
	out := starts(ownPeriodRe.FindAllStringIndex(f, -1))
	for _, m := range modYearRe.FindAllStringSubmatchIndex(f, -1) {
		before := strings.TrimRight(f[:m[0]], " ")
		if f[m[2]:m[3]] == p.year && !strings.HasSuffix(before, "den") && !strings.HasSuffix(before, "-") {
			out = append(out, m[0])
		}
	}
	if p.half != "" {
		for _, m := range modHalfRe.FindAllStringSubmatchIndex(f, -1) {
			if f[m[2]:m[3]] == p.half {
				out = append(out, m[0])
			}
		}
	}
	sort.Ints(out)
	return out
}

// maskRow hides the numbers of a table's row whose label says a modality
// ("Số đoàn ra (kế hoạch)", "Dân số toàn huyện", "Số lao động lũy kế từ
// năm 2020"): a row's figure is its label's, and the label says it is not
// the period's. The columns' periods are the table's (tables.go).
func maskRow(l line, p period) line {
	if l.fig == nil || len(modalities(l.fig.label, 0, len(l.fig.label.fold), p)) == 0 {
		return l
	}
	fig := *l.fig
	fig.value = hideDigits(fig.value)
	fig.note = hideDigits(fig.note)
	l.fig = &fig
	l.text = hideDigits(l.text)
	return l
}

// hideDigits hides every digit of t's folded text.
func hideDigits(t text) text {
	if strings.IndexFunc(t.fold, isDigitRune) < 0 {
		return t
	}
	b := []byte(t.fold)
	for i := range b {
		if isDigit(b[i]) {
			b[i] = maskByte
		}
	}
	return text{orig: t.orig, fold: string(b), idx: t.idx}
}

// carryMasks hides in t the digits src hid, src's text being found in t's
// original at offset shift (the join of lines: "… ; " + the next line).
func carryMasks(t text, src text, shift int) text {
	if src.fold == fold(src.orig) {
		return t
	}
	b := []byte(t.fold)
	j := 0
	for i := 0; i < len(src.fold); i++ {
		if src.fold[i] != maskByte && src.fold[i] != ' ' || src.orig[src.idx[i]] == ' ' {
			continue
		}
		o := int32(int(src.idx[i]) + shift)
		for j < len(t.fold) && t.idx[j] < o {
			j++
		}
		if j < len(t.fold) && t.idx[j] == o {
			b[j] = src.fold[i]
		}
	}
	return text{orig: t.orig, fold: string(b), idx: t.idx}
}

// joinTexts joins the texts' originals with sep, folded again, keeping
// the digits each hid hidden.
func joinTexts(sep string, ts ...text) text {
	origs := make([]string, len(ts))
	for i, x := range ts {
		origs[i] = x.orig
	}
	t := newText(strings.Join(origs, sep))
	off := 0
	for _, x := range ts {
		t = carryMasks(t, x, off)
		off += len(x.orig) + len(sep)
	}
	return t
}
