package docimport

import (
	"regexp"
	"strings"
)

// The grammar of a sentence that counts delegations: "[lead] N đoàn
// [origin] [với/gồm M người] [purpose]". Where a delegation came from is
// said by the words right after its count ("15 đoàn trong nước", "03 đoàn
// của bạn Lào", "01 đoàn của Tổ chức Plan International"), else by the
// words before it ("Đoàn nước ngoài: 02 đoàn", "Về khách quốc tế, xã đón
// 3 đoàn"). A count of another period ("Cùng kỳ năm 2024 … 01 đoàn") is
// never the figure; a count after "trong đó" or "gồm" is the detail of the
// one before, read only when that one says no origin ("20 đoàn, trong đó
// 05 đoàn nước ngoài").

// countries are foreign countries as clerks name them, folded. "Lào" is a
// word of its own, not the start of "Lào Cai" nor "lao động".
var countryRe = re(`\b(?:lao|cong hoa dan chu nhan dan lao|chdcnd lao|trung quoc|campuchia|han quoc|nhat ban|thai lan|hoa ky|hoa ki|nuoc my|lien bang nga|cong hoa lien bang duc|ai-len|ai len|ireland|uc|australia|new zealand|singapore|malaysia|indonesia|philippines|myanmar|an do|dai loan|canada|thuy dien|thuy si|ha lan|dan mach|na uy|phan lan|tay ban nha|italia|bi|vuong quoc anh|cong hoa phap|phap|duc|nga|cuba|israel)\b`)

// notCountryRe are the words where a country's name begins something
// Vietnamese: "Lào Cai", "lao động", "Nga Sơn".
var notCountryRe = re(`\blao (?:cai|dong|cong|luc|xao)\b|\bnga (?:son|tu|ba|nam)\b|\bduc (?:trong|tho|pho|linh|hoa)\b|\bbi (?:thu|ngo)\b`)

// foreignOrgRe names a foreign organisation or mission: "Đại sứ quán",
// "Tổ chức Plan International", "tổ chức phi chính phủ nước ngoài".
var foreignOrgRe = re(`\b(?:dai su quan|lanh su quan|tong lanh su|phi chinh phu nuoc ngoai|to chuc phi chinh phu|pcpnn|international|foundation|world vision|oxfam|unicef|undp|unesco|unfpa|fao|usaid|jica|koica|kotra|giz|rotary|childfund|caritas|care quoc te|to chuc care|to chuc plan|save the children|actionaid|action aid|helvetas|habitat for humanity|samaritan|lions club|lien hop quoc|lien hiep quoc)\b`)

// foreignRefRe says "our neighbour" of a border commune: "bạn Lào",
// "nước bạn", "phía bạn", "chính quyền bạn".
var foreignRefRe = re(`\b(?:ban lao|nuoc ban|phia ban|chinh quyen ban|ben kia bien gioi|nuoc ngoai|quoc te|ngoai quoc)\b`)

// domesticRe says a delegation came from within the country.
// Only the words of the country's own bodies say so ("các sở, ngành",
// "Trung ương", "trong tỉnh"): "đoàn của huyện X" may be a district
// abroad.
var domesticRe = re(`\b(?:trong nuoc|noi dia|trong tinh|trong huyen|ngoai tinh|trung uong|cac so|so, ban, nganh|so, nganh|so nganh|cac bo|bo, nganh|bo nganh)\b`)

// outboundRe says delegations went abroad.
var outboundRe = re(`\b(?:doan ra|di cong tac|ra nuoc ngoai|di nuoc ngoai|cong tac o nuoc ngoai|cong tac tai nuoc ngoai|cu\s+(?:\S+\s+){0,2}(?:doan|luot|can bo))\b`)

// otherPeriodRe names a period other than the report's: "cùng kỳ", "năm
// trước", a comparison ("so với"); a year is checked apart.
// A running total is of the whole term ("từ đầu nhiệm kỳ", "nâng tổng
// số … lên 09 đoàn").
var otherPeriodRe = re(`\b(?:cung ky|nam truoc|ky truoc|nam ngoai|so voi|luy ke|nhiem ky|nang tong so|du kien|sap toi|thoi gian toi|nam toi|ky toi|se (?:to chuc|don|tiep|cu|ky|di|dang cai))\b`)

// termRe is a term of office or the next period: "trong nhiệm kỳ", "kỳ
// tới". modality.go does not know them ("nhiệm kỳ 2020–2025" names a
// congress too): the rules that refuse by them keep them.
var termRe = re(`\b(?:nhiem ky|ky toi)\b`)

var periodYearRe = re(`\bnam\s+(\d{4})\b`)

// wideLeadRe ends the words before a count said of the district or the
// province, unnamed ("tổng số đoàn nước ngoài đến huyện là 12 đoàn"): not
// the commune's ("của huyện Sốp Bâu" names a place).
var wideLeadRe = re(`\b(?:den|cua|vao|tai|toi)\s+(?:dia ban\s+)?(?:tinh|huyen|thanh pho|thi xa)\s*(?:la|dat|co|:)?\s*$`)

// otherPeriod tells whether words name a period other than the report's
// year: "cùng kỳ năm 2024", "năm 2023", "so với …".
func otherPeriod(f, year string) bool {
	return otherPeriodRe.MatchString(f) || namesOtherYear(f, year)
}

// namesOtherYear tells whether words name a year other than the report's:
// "năm 2023", "tháng 12/2023".
func namesOtherYear(f, year string) bool {
	for _, m := range periodYearRe.FindAllStringSubmatch(f, -1) {
		if m[1] != year {
			return true
		}
	}
	for _, m := range dateYearRe.FindAllStringSubmatch(f, -1) {
		if year != "" && m[1] != year {
			return true // "01 đoàn tháng 12/2023 sang Trung Quốc" in a report of 2024
		}
	}
	return false
}

// delegOtherPeriod tells whether the words beside a count of delegations
// name a period other than the report's that modality.go does not hide
// the count for: another year (a date's too: "tháng 12/2023"), a term
// ("nhiệm kỳ", "kỳ tới"), a running total ("lũy kế"). The other words of
// otherPeriodRe ("cùng kỳ", "so với", "dự kiến" …) are modality.go's.
func delegOtherPeriod(f, year string) bool {
	return namesOtherYear(f, year) || termRe.MatchString(f) || strings.Contains(f, "luy ke")
}

// dateYearRe is the year of a date: "tháng 12/2023", "15/12/2023" (not
// the number of a decision, "số 12/2020/QĐ-UBND").
var dateYearRe = re(`\b(?:thang\s+\d{1,2}|\d{1,2}\s*/\s*\d{1,2})\s*/\s*(\d{4})\b`)

// foreignPlaceRe is a place of a foreign country as a document names it
// once ("giáp huyện Mường Quăn, tỉnh Hủa Phăn (Lào)"): the chain of units
// before the country in brackets.
var (
	countryBracketRe = re(`\(\s*(?:nuoc\s+)?(?:lao|trung quoc|campuchia|han quoc|nhat ban|thai lan|hoa ky|chdcnd lao)\s*\)`)
	unitNameRe       = re(`(?:^|\s)((?:huyen|tinh|thanh pho|thi xa|quan|bang|muong|cum ban|ban|dac khu|khu tu tri|tinh uy|thu do)\s+[a-z-]+(?:\s+[a-z-]+){0,2})\s*$`)
)

// foreignPlaces are the places of foreign countries a document names with
// their country in brackets, folded ("huyen muong quan", "tinh hua
// phan"): a delegation "của huyện Mường Quăn" came from abroad.
func foreignPlaces(lines []line) []string {
	var out []string
	for _, l := range lines {
		f := l.fold
		if !strings.Contains(f, "(") {
			continue
		}
		for _, m := range countryBracketRe.FindAllStringIndex(f, -1) {
			before := f[max(0, m[0]-120):m[0]]
			parts := strings.Split(before, ",")
			for i := len(parts) - 1; i >= 0; i-- {
				p := strings.TrimSpace(parts[i])
				u := unitNameRe.FindStringSubmatch(p)
				if u == nil {
					break
				}
				out = append(out, u[1])
				if u[1] != p {
					break // "giáp huyện …": the chain begins here
				}
			}
		}
	}
	return out
}

// originOf tells where the delegations words describe came from or went:
// "outbound", "inbound_foreign", "inbound_domestic", "" when they say
// nothing of it, or "mixed" when they say two things.
func originOf(f string, places []string) string {
	var g []string
	add := func(s string) {
		for _, x := range g {
			if x == s {
				return
			}
		}
		g = append(g, s)
	}
	if outboundRe.MatchString(f) {
		add("outbound")
	}
	if len(g) > 0 && strings.Contains(f, "doan vao") {
		g = nil // "Đoàn ra, đoàn vào": both, neither said
	}
	clean := notCountryRe.ReplaceAllString(f, " ")
	if at := foreignAt(clean, places); at >= 0 {
		switch {
		case towardRe.MatchString(clean[max(0, at-30):at]):
			add("outbound") // "02 đoàn đi Lào", "sang huyện X": where they went
		case len(g) == 0:
			add("inbound_foreign")
		}
	}
	if domesticRe.MatchString(f) {
		add("inbound_domestic")
	}
	switch len(g) {
	case 0:
		return ""
	case 1:
		return g[0]
	}
	return "mixed"
}

// delegCount is one count of delegations in a clause: the count, the
// people counted with it, where its words say it came from, and whether
// it is the detail of a count before it.
type delegCount struct {
	n      cand
	people []cand
	group  string // as originOf
	other  bool   // of another period
	total  bool   // said to be the total ("tổng cộng 05 đoàn")
	detail int    // the index of the count it details, or -1
	// inbound tells whether the words before it say they came ("tiếp",
	// "đón", "Đoàn vào").
	inbound bool
	generic bool // its words name all of a kind: "nước ngoài", "quốc tế", "trong nước"
}

// allPeopleRe ends the words before the people of all the counts before
// ("…, tổng số 48 người"), not "… với tổng số 23 người" (those of the last).
var allPeopleRe = re(`[,;]\s*(?:tong cong|tong so|tat ca|cong)\b[^,]*$`)

// servedRe is a count of those a delegation did something for: "… cho
// 320 lượt người", "cho khoảng 150 người dân".
var servedRe = re(`\bcho\s+(?:khoang\s+|hon\s+|tren\s+|gan\s+)?\d`)

// genericRe names all delegations of a kind, not one origin.
var genericRe = re(`\b(?:nuoc ngoai|quoc te|trong nuoc)\b`)

// inboundRe says delegations came: "tiếp", "đón", "Đoàn vào".
var inboundRe = re(`\b(?:tiep|don|doan vao|tiep nhan)\b`)

// qualifierStopRe ends the words that qualify a count of delegations:
// the people, or the verb of what they came for.
var qualifierStopRe = re(`\b(?:voi|gom|co\s+\d|tong so|den|sang|ve|toi|vao tham|tham|lam viec|khao sat|giam sat|chuc tet|du|trao doi|nham|de)\b`)

// leadYearRe is a year that leads a clause, set apart by a comma or a
// colon ("Năm 2024, …", "Trong năm 2023: …").
var leadYearRe = re(`^\s*(?:trong\s+)?nam\s+(\d{4})\s*[,:]`)

// delegationCounts reads the counts of delegations of a clause, each with
// the words around it (see the grammar above). lead is what the heading
// or a lead before the clause says, read when the clause says nothing of
// a count's origin.
func delegationCounts(c text, per period, places []string) []delegCount {
	year := per.year
	f := outsideBrackets(c.fold)
	ms := delegCountRe.FindAllStringSubmatchIndex(f, -1)
	var out []delegCount
	var kept [][]int
	for _, m := range ms {
		if _, ok := countOf(f[m[2]:m[3]]); !ok || notDelegationRe.MatchString(f[m[1]:]) {
			continue // "05 đoàn thể", "12 đoàn viên": no delegations
		}
		if dateYearAt(f, m[2]) {
			continue // "ngày 14/3/2024 đoàn …": a date's year
		}
		if approxRe.MatchString(f[:m[0]]) || changeBefore(c, m[0]) || scopeBeforeRe.MatchString(f[:m[0]]) || wideLeadRe.MatchString(f[:m[0]]) || arrowAfter(f, m[1]) || arrowAfter(f, m[1]+peopleAfter(f[m[1]:])) {
			continue
		}
		kept = append(kept, m)
	}
	// The words between two counts: up to the last separator they qualify
	// the first, after it they lead the second.
	leadAt := make([]int, len(kept)) // where each count's lead begins
	tailAt := make([]int, len(kept)) // where its words end
	for i, m := range kept {
		if i == 0 {
			leadAt[i] = 0
		}
		if i+1 < len(kept) {
			next := kept[i+1][0]
			mid := f[m[1]:next]
			cut := max(strings.LastIndex(mid, ","), strings.LastIndex(mid, " va "), strings.LastIndex(mid, ":"), strings.LastIndex(mid, " con "),
				strings.LastIndex(mid, "—"), strings.LastIndex(mid, "–"), strings.LastIndex(mid, " - ")) // "03 đoàn, 20 người — 02 đoàn …"
			if cut < 0 {
				cut = len(mid)
			}
			tailAt[i] = m[1] + cut
			leadAt[i+1] = m[1] + cut
		} else {
			tailAt[i] = len(f)
		}
	}
	// "Năm 2024, 03 đơn vị cũ cử 01 đoàn ra và đón 02 đoàn nước ngoài."
	// in a report of 2025: the year that leads the clause is that of all
	// its counts, not only of the first.
	otherLead := false
	if m := leadYearRe.FindStringSubmatch(f); m != nil && year != "" && m[1] != year {
		otherLead = true
	}
	detailOf := -1
	for i, m := range kept {
		v, _ := countOf(f[m[2]:m[3]])
		dc := delegCount{n: intCand(v, quote(c, m[0], m[1])), detail: -1}
		if i > 0 && detailMark(f[kept[i-1][1]:m[0]]) {
			detailOf = i - 1
			for detailOf >= 0 && out[detailOf].detail >= 0 {
				detailOf = out[detailOf].detail
			}
		}
		if detailOf >= 0 {
			dc.detail = detailOf
		}
		// The qualifier: the words after the count up to the people or
		// the verb.
		rest := c.fold[m[1]:tailAt[i]]
		qual := rest
		if p := delegPeopleRe.FindStringIndex(outsideBrackets(rest)); p != nil {
			qual = rest[:p[0]]
		}
		if s := qualifierStopRe.FindStringIndex(qual); s != nil && s[0] > 0 {
			// "của huyện X (Lào) với 35 người sang thăm": the origin is
			// before the verb; "đoàn với 11 người đến từ Nhật Bản" after.
			qual = qual[:s[0]]
		}
		// What stands in brackets is an aside: another period's figure
		// ("(cùng kỳ năm 2024: 06 đoàn)"), or where they came from ("(Lào)").
		leadOut, qualOut := f[leadAt[i]:m[0]], f[m[1]:m[1]+len(qual)]
		dc.other = delegOtherPeriod(leadOut, year) || delegOtherPeriod(qualOut, year) || otherLead
		dc.total = totalWordRe.MatchString(leadOut)
		dc.group = originOf(qualOut, places)
		if dc.group == "" && !otherPeriod(qual, year) && !delegCountRe.MatchString(qual) {
			dc.group = originOf(qual, places)
		}
		if dc.group == "" {
			// "Đoàn nước ngoài: 02 đoàn", "xã cử 01 đoàn gồm 05 đồng chí":
			// the words before it, with the count.
			dc.group = originOf(leadOut+f[m[0]:m[1]]+qualOut, places)
		}
		if p := delegPeopleRe.FindStringIndex(outsideBrackets(rest)); dc.group == "" && p != nil {
			// "02 lượt đoàn với 15 lượt khách nước ngoài": the people's
			// words say it.
			if g := originOf(rest[p[0]:min(len(rest), p[1]+16)], places); g == "inbound_foreign" || g == "inbound_domestic" {
				dc.group = g
			}
		}
		if dc.group == "" {
			// "02 đoàn với 11 người đến từ Nhật Bản": where they came from.
			if k := strings.Index(rest, " tu "); k >= 0 {
				if g := originOf(rest[k:], places); g == "inbound_foreign" || g == "inbound_domestic" {
					dc.group = g
				}
			}
		}
		if dc.group == "inbound_foreign" && originOf(leadOut+f[m[0]:m[1]], places) == "outbound" && !inboundRe.MatchString(leadOut) {
			// "Đoàn ra: 02 đoàn (Lào)": where it went; not "xã không cử
			// đoàn ra và đón 03 đoàn nước ngoài", whose verb says they came.
			dc.group = "outbound"
		}
		dc.inbound = inboundRe.MatchString(leadOut)
		dc.generic = genericRe.MatchString(qualOut)
		seg := sub(c, m[1], tailAt[i])
		if k := servedRe.FindStringIndex(seg.fold); k != nil && k[0] > 0 {
			// "01 đoàn … với (12) người là đoàn y, bác sĩ … khám bệnh, cấp
			// thuốc cho (320) lượt người cao tuổi": those it served are no
			// people of it — its words end before them.
			seg = sub(seg, 0, k[0])
		}
		dc.people = counts(seg, delegPeopleRe)
		if len(dc.people) == 0 {
			dc.people = bracketCounts(seg, delegPeopleRe) // "02 đoàn (17 người)"
		}
		if len(dc.people) == 0 {
			dc.people = membersOf(seg)
		}
		if p := delegPeopleRe.FindStringIndex(f[m[1]:tailAt[i]]); p != nil && len(kept) > 1 && i == len(kept)-1 && allPeopleRe.MatchString(f[m[1]:m[1]+p[0]]) {
			// "02 đoàn nước ngoài và 05 đoàn trong nước, tổng số 48
			// người": the people of them all, not of the last.
			dc.people = nil
		}
		out = append(out, dc)
	}
	// "Đoàn vào: 07 đoàn (05 đoàn trong nước, 02 đoàn nước ngoài)": the
	// breakdown in brackets of a count whose words say no origin.
	for i, m := range kept {
		if out[i].group != "" || out[i].other {
			continue
		}
		a, b, ok := bracketAfter(c.fold, m[1], tailAt[i])
		if !ok {
			continue
		}
		for _, d := range delegationCounts(sub(c, a, b), per, places) {
			if d.detail < 0 {
				d.detail = i
			} else {
				d.detail = len(out) // a detail of a detail: not read
			}
			out = append(out, d)
		}
	}
	return out
}

// delegMembersRe counts the members of a delegation after "gồm" by who they
// are ("gồm 04 chuyên gia", "gồm 07 giáo viên, học sinh").
var delegMembersRe = re(`\bgom\s+(?:co\s+)?` + cnt + `\s+(?:chuyen gia|giao vien|giang vien|hoc sinh|sinh vien|bac si|y bac si|tinh nguyen vien|nha bao|phong vien|doanh nhan|nha dau tu|cuu chien binh|nha khoa hoc|nghe si|van dong vien|quan chuc|lanh dao)\b`)

// membersOf gives the people of a delegation told by who they are, right
// after its count ("01 đoàn nước ngoài gồm 04 chuyên gia của …"): no other
// figure stands between, so they are its members, whatever the word.
func membersOf(seg text) []cand {
	f := outsideBrackets(seg.fold)
	m := delegMembersRe.FindStringSubmatchIndex(f)
	if m == nil || strings.IndexFunc(f[:m[2]], isDigitRune) >= 0 {
		return nil
	}
	v, ok := countOf(f[m[2]:m[3]])
	if !ok {
		return nil
	}
	return []cand{intCand(v, quote(seg, m[0], m[1]))}
}

// bracketAfter finds the first bracket in f[from:to] and tells where its
// inside begins and ends.
func bracketAfter(f string, from, to int) (int, int, bool) {
	i := strings.IndexByte(f[from:to], '(')
	if i < 0 {
		return 0, 0, false
	}
	a := from + i + 1
	depth := 1
	for k := a; k < to; k++ {
		switch f[k] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return a, k, true
			}
		}
	}
	return 0, 0, false
}

// notDelegationRe follows "đoàn" where it is no delegation: "đoàn thể"
// (mass organisations), "đoàn viên" (Youth Union members), "đoàn kết".
var notDelegationRe = re(`^\s+(?:the|vien|thanh nien|ket|xe)\b`)

// peopleAfter is where the people right after a count of delegations end
// ("/11 người" in "02 đoàn/11 người → …"), or 0.
func peopleAfter(rest string) int {
	if m := delegPeopleRe.FindStringIndex(rest); m != nil && strings.TrimLeft(rest[:m[0]], " /,(") == "" {
		return m[1]
	}
	return 0
}

// detailMark tells whether the words between two counts say the second
// is the detail of the first ("…, trong đó 05 đoàn …"); "gồm 27 thành
// viên" names the first one's people, no detail.
func detailMark(mid string) bool {
	if strings.Contains(mid, ":") {
		return true // "05 đoàn nước ngoài: 04 đoàn …, 01 đoàn …"
	}
	o := outsideBrackets(mid)
	if d := max(strings.LastIndex(o, "—"), strings.LastIndex(o, "–"), strings.LastIndex(o, " - ")); d >= 0 && !strings.Contains(o, ";") && strings.Trim(o[d:], " -—–") == "" {
		// "02 đoàn, 13 người — 01 đoàn sang Lào (08 người)": what
		// follows a dash is the detail, even of one of them only (it was
		// added up to 3); not "…; - 01 đoàn", "01 đoàn – 05 người; 01
		// đoàn", items of a list.
		return true
	}
	for _, m := range detailRe.FindAllStringIndex(mid, -1) {
		after := strings.TrimLeft(mid[m[1]:], " :")
		if p := delegPeopleRe.FindStringIndex(after); p != nil && p[0] == 0 {
			continue
		}
		return true
	}
	return false
}

// totalRe says a count is the total of those listed ("tổng cộng 05 đoàn",
// "Cộng: 03 đoàn").
var totalWordRe = re(`\btong(?:\s+cong|\s+so)?\b|^\s*cong\b|\bcong\s*:|\btat ca\b`)

// towardRe ends the words before a place a delegation went to: "đi",
// "sang", "qua", "tới", "ra", "thăm".
var towardRe = re(`\b(?:di|sang|qua|toi|ra|tham)\s+(?:\S+\s+){0,3}$|\b(?:di|sang|qua|toi|ra|tham)\s*$`)

// foreignAt is where words first name something foreign (a country, a
// place abroad, a foreign organisation, "nước ngoài", "bạn Lào"), or -1.
func foreignAt(f string, places []string) int {
	at := -1
	for _, p := range []*regexp.Regexp{foreignRefRe, foreignOrgRe, countryRe} {
		if m := p.FindStringIndex(f); m != nil && (at < 0 || m[0] < at) {
			at = m[0]
		}
	}
	for _, p := range places {
		if i := strings.Index(f, p); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at
}

// abroad tells whether words name a foreign country or a place abroad
// ("làm việc trên tàu cá tại Hàn Quốc"), not "Lào Cai" nor "lao động".
//
// The country must be where they are ("tại Hàn Quốc", "ở Nhật Bản", "sang
// Đài Loan"): "công ty Hàn Quốc trong khu công nghiệp" is here.
func abroad(f string, places []string) bool {
	clean := notCountryRe.ReplaceAllString(f, " ")
	if strings.Contains(clean, "nuoc ngoai") && !hasAny(clean, "cong ty nuoc ngoai", "doanh nghiep nuoc ngoai", "von nuoc ngoai", "lao dong nuoc ngoai", "nguoi nuoc ngoai") {
		return true
	}
	for _, m := range atPlaceRe.FindAllStringIndex(clean, -1) {
		if at := foreignAt(clean[m[1]:min(len(clean), m[1]+24)], places); at == 0 {
			return true
		}
	}
	return false
}

// atPlaceRe ends the words before where someone is or goes: "tại", "ở",
// "sang", "đi", "đến", "qua" (and "nước", "xứ sở").
var atPlaceRe = re(`\b(?:tai|o|sang|di|den|qua)\s+(?:(?:nuoc|xu so|thi truong)\s+)?`)

// wentAbroad tells whether words say someone went to a foreign country
// ("sang Lào thăm thân", "đi Trung Quốc"): a verb of going, then the
// country within a few words.
func wentAbroad(f string, places []string) bool {
	clean := notCountryRe.ReplaceAllString(f, " ")
	for _, m := range goRe.FindAllStringIndex(clean, -1) {
		rest := clean[m[1]:min(len(clean), m[1]+30)]
		if strings.HasPrefix(rest, "cua khau") {
			continue // "qua Cửa khẩu quốc tế …": through the gate, either way; "quốc tế" is its rank
		}
		if at := foreignAt(rest, places); at >= 0 && at <= 12 {
			return true
		}
	}
	return false
}

var goRe = re(`\b(?:sang|di|qua|ra)\s`)
