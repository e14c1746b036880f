package docimport

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"doingoai/models"
)

// The label grammar: label → number → unit. A row of a table ("Số hộ
// nghèo | hộ | 205") and a line written as one ("- Số hộ nghèo: 205 hộ")
// say a figure by its label, its number and its unit; the section, the
// label's words and the unit tell which figure it is (figureOf). The unit
// is the strongest word: "52 chi bộ, 1.234 đảng viên" are two figures of
// one label.

// unitWords are the units as written, folded, and the unit each stands
// for.
var unitWords = map[string]string{
	"ha": "ha", "hecta": "ha", "km2": "km2", "km²": "km2",
	"ho": "ho", "ho gia dinh": "ho", "ho dan": "ho",
	"nguoi": "nguoi", "nhan khau": "nguoi", "khau": "nguoi", "luot nguoi": "nguoi", "luot": "nguoi", "nguoi/luot": "nguoi",
	"thanh vien": "nguoi", "dai bieu": "nguoi", "cong dan": "nguoi", "lao dong": "nguoi", "dong chi": "nguoi", "luot khach": "nguoi", "khach": "nguoi",
	"can bo": "can bo", "luot can bo": "can bo", "cong chuc": "can bo", "luot cb": "can bo",
	"thon": "thon", "xom": "thon", "ban": "thon", "to dan pho": "thon", "khu pho": "thon", "ap": "thon", "khu dan cu": "thon", "to": "thon", "khoi pho": "thon", "khoi": "thon", "khom": "thon",
	"chi bo": "chi bo", "dang vien": "dang vien",
	"%": "%", "phan tram": "%",
	"doan": "doan", "luot doan": "doan",
	"thoa thuan": "thoa thuan", "van ban": "thoa thuan", "ban thoa thuan": "thoa thuan", "bien ban": "thoa thuan",
	"hoi nghi": "hoi nghi", "hoi thao": "hoi nghi", "cuoc": "hoi nghi",
	"du an": "du an", "chuong trinh": "du an",
	"vu": "vu", "vu viec": "vu",
	"lop": "lop", "khoa": "lop", "lop hoc": "lop",
	"hinh thuc": "hinh thuc", "truong hop": "truong hop", "bang khen": "hinh thuc", "huan chuong": "hinh thuc",
	"dong": "dong", "trieu dong": "dong", "ty dong": "dong", "trieu": "dong", "ty": "dong", "vnd": "dong", "nghin dong": "dong",
}

// figureValue is one number of a value cell with its unit.
type figureValue struct {
	num   string // the number as written, folded ("1.402"); "0" for "Không"
	unit  string // its unit (unitWords' value), "" if none
	a, b  int    // where it is in the value text
	money int64  // the amount in đồng, if it is money
	isMon bool
}

var (
	valueTokRe = regexp.MustCompile(num + `\s*(%|[a-z²/]+(?:\s+[a-z²/]+){0,2})?`)
	approxRe   = regexp.MustCompile(`\b(?:khoang|gan|tren|hon|uoc|du kien|xap xi|chung)\s*$`)
	changeRe   = regexp.MustCompile(`\b(?:tang|giam|so voi|so cung ky)\b`)
)

// valuesOf reads the numbers of a value text, each with its unit (the
// words after it, or the unit column's). "Không", "Không có" are 0. A
// number said to be approximate ("khoảng 18.500") or a change ("tăng 94")
// is not a value.
func valuesOf(v text, unitCol string) []figureValue {
	f := v.fold
	t := strings.TrimRight(strings.TrimSpace(f), ".;")
	if nothingRe.MatchString(t) || t == "0" {
		return []figureValue{{num: "0", unit: unitWords[unitCol], a: 0, b: len(f)}}
	}
	if saysChange(v) {
		return nil
	}
	var out []figureValue
	for _, m := range valueTokRe.FindAllStringSubmatchIndex(f, -1) {
		if len(out) > 0 && detailBetween(f[out[len(out)-1].b:m[0]]) {
			break // "…, trong đó …": the detail of the figure before
		}
		// A number after a slash is a fraction's or a date's ("2/9"),
		// unless the slash follows a unit: "09 đoàn/96 người" is two
		// figures, each with its unit.
		if approxRe.MatchString(f[:m[0]]) || m[0] > 0 && (f[m[0]-1] == '/' && !unitSlash(f[:m[0]-1]) || isDigit(f[m[0]-1])) {
			continue
		}
		fv := figureValue{num: f[m[2]:m[3]], a: m[0], b: m[3]}
		if m[4] >= 0 {
			words := strings.Fields(f[m[4]:m[5]])
			for n := len(words); n > 0; n-- {
				w := strings.Join(words[:n], " ")
				if n == len(words) {
					w = strings.TrimRight(w, "/") // "đoàn/" before the next figure
				}
				if u, ok := unitWords[w]; ok {
					fv.unit = u
					fv.b = m[4] + len(w)
					break
				}
			}
		}
		colMoney := ""
		if fv.unit == "" {
			fv.unit, colMoney = columnUnit(unitCol)
		}
		if mm := moneyRe.FindStringSubmatchIndex(f[m[0]:]); mm != nil && mm[0] == 0 {
			for k := range mm {
				if mm[k] >= 0 {
					mm[k] += m[0]
				}
			}
			if amt, ok := moneyOf(f, mm); ok && !foreignCurrency(f, mm[1]) {
				fv.money, fv.isMon, fv.unit, fv.b = amt, true, "dong", mm[1]
			}
		} else if colMoney != "" {
			if amt, ok := moneyAmount(fv.num, colMoney); ok {
				fv.money, fv.isMon = amt, true
			}
		}
		out = append(out, fv)
	}
	return out
}

// saysChange tells whether a text says a change ("tăng 94 người so với
// năm trước"). A word that folds alike but is written with other
// diacritics is none: "tặng" (gave), "Bảo tàng" (a museum), "tầng" (a
// floor), "Giám đốc"; one written with none ("tang 9 nguoi") still is.
func saysChange(t text) bool {
	for _, m := range changeRe.FindAllStringIndex(t.fold, -1) {
		switch w := strings.ToLower(t.orig[t.idx[m[0]]:t.idx[m[1]]]); w {
		case "tang", "tăng", "giam", "giảm":
			return true
		default:
			if strings.HasPrefix(w, "so") {
				return true
			}
		}
	}
	return false
}

// unitSlash tells whether the text before a slash ends with a figure and
// its unit ("09 đoàn" in "09 đoàn/96 người").
func unitSlash(before string) bool {
	m := unitBeforeSlashRe.FindStringSubmatch(before)
	if m == nil {
		return false
	}
	_, ok := unitWords[m[1]]
	return ok
}

var unitBeforeSlashRe = regexp.MustCompile(`\d\s*([a-z]+(?:\s[a-z]+)?)$`)

// columnUnit reads a unit column: the unit, and for money the word that
// multiplies the number ("triệu đồng/người/năm" → "dong", "trieu").
func columnUnit(col string) (unit, money string) {
	col = strings.TrimSpace(col)
	if col == "" {
		return "", ""
	}
	head, _, _ := strings.Cut(col, "/")
	head = strings.TrimSpace(head)
	if m := scaleNumRe.FindStringSubmatch(head); m != nil {
		// "1.000 đồng": the figures are thousands of đồng.
		if w, ok := scaleWords[strings.ReplaceAll(m[1], ",", ".")]; ok {
			return "dong", w
		}
		return "", ""
	}
	words := strings.Fields(head)
	for i, w := range words {
		switch w {
		case "tr", "tr.", "tr.dong", "tr.d", "trd", "trdong":
			return "dong", "trieu" // "tr đồng", "Tr.đ": millions
		}
		if _, ok := models.VNScale(w); ok {
			if i > 0 {
				if _, scale := models.VNScale(words[i-1]); !scale {
					return "", "" // "xx đồng": a word before the currency, not known
				}
			}
			return "dong", w
		}
	}
	return unitWords[head], ""
}

// scaleNumRe is a unit that says a figure counts thousands or millions
// of đồng ("1.000 đồng", "(1000đ)").
var scaleNumRe = regexp.MustCompile(`(\d[\d.,]*)\s*(?:dong|vnd|d)\b`)

// scaleWords are the multiples a unit of money names in figures.
var scaleWords = map[string]string{
	"1.000": "nghin", "1000": "nghin", "1.000.000": "trieu", "1000000": "trieu", "1.000.000.000": "ty",
}

// figureOf tells which figure of a section a label and unit name, or "".
func figureOf(sec, label, unit string) string {
	if changeRe.MatchString(label) || hasAny(label, "ke hoach", "chi tieu giao", "nam truoc", "cung ky") {
		return ""
	}
	switch sec {
	case secProfile, secPreamble:
		return profileFigure(label, unit)
	case secDelegations:
		if hasAny(label, "khach du lich", "luu tru") {
			// "Lượt khách quốc tế lưu trú ngắn ngày | 186.300 lượt":
			// guests of the hotels, tourists, no delegation ("Số lượt
			// khách nước ngoài: 17 người" still counts the delegations').
			return ""
		}
		g := delegationGroup(label)
		if g == "" && hasAny(label, "doan vao", "den lam viec", "den tham") {
			switch {
			case hasAny(label, "nuoc ngoai", "quoc te") && !hasAny(label, "trong nuoc"):
				g = "inbound_foreign"
			case hasAny(label, "trong nuoc") && !hasAny(label, "nuoc ngoai"):
				g = "inbound_domestic"
			}
		}
		if g == "" {
			return ""
		}
		switch {
		case unit == "doan", unit == "" && !hasAny(label, "nguoi", "luot", "thanh vien", "khach"):
			return "delegations." + g + ".count"
		case unit == "nguoi", unit == "can bo", unit == "":
			return "delegations." + g + ".people"
		}
	case secAgreements:
		if hasAny(label, "thoa thuan", "ghi nho") && (unit == "" || unit == "thoa thuan") {
			return "international_agreements.count"
		}
	case secConferences:
		if hasAny(label, "hoi nghi", "hoi thao") && (unit == "" || unit == "hoi nghi") {
			return "international_conferences.count"
		}
	case secConsular:
		switch {
		case hasAny(label, "vu viec", "vu ") && (unit == "" || unit == "vu"):
			return "consular.foreigner_incidents"
		case hasAny(label, "xuat canh") && (unit == "" || unit == "nguoi" || unit == "truong hop"):
			return "consular.citizens_exited"
		case hasAny(label, "nguoi nuoc ngoai", "tam tru") && (unit == "" || unit == "nguoi" || unit == "truong hop"):
			return "consular.foreign_residents"
		}
	case secOverseas:
		if hasAny(label, "lao dong") && (unit == "" || unit == "nguoi") {
			return "overseas_vietnamese.labor_export_workers"
		}
	case secTraining:
		if !hasAny(label, "boi duong", "tap huan", "dao tao", "lop", "khoa hoc") {
			return ""
		}
		switch {
		case unit == "lop", unit == "" && hasAny(label, "lop", "khoa") && !hasAny(label, "can bo", "nguoi", "luot"):
			return "training.courses"
		case unit == "nguoi", unit == "can bo", unit == "" && hasAny(label, "can bo", "nguoi", "luot", "cong chuc"):
			return "training.officials_trained"
		}
	case secAwards:
		if hasAny(label, "khen thuong", "huan chuong", "bang khen", "thu khen", "giai thuong") && !aboutNominations(label) &&
			(unit == "" || unit == "hinh thuc" || unit == "truong hop") {
			return "foreign_awards_received.count"
		}
	case secNominations:
		if aboutNominations(label) && (unit == "" || unit == "hinh thuc" || unit == "truong hop") {
			return "award_nominations.count"
		}
	}
	return ""
}

// profileFigure is figureOf for section I.
func profileFigure(label, unit string) string {
	switch unit {
	case "%":
		switch {
		case hasAny(label, "can ngheo"):
			return "profile.near_poor_households_rate_pct"
		case hasAny(label, "ngheo"):
			return "profile.poor_households_rate_pct"
		case hasAny(label, "thieu so"):
			return "profile.ethnic_minority_share_pct"
		case agriLabelRe.MatchString(label):
			return "profile.economy_structure_pct.agriculture_forestry"
		case hasAny(label, "cong nghiep", "dich vu", "xay dung", "thuong mai", "du lich"):
			return "profile.economy_structure_pct.industry_services_tourism"
		case hasAny(label, "khac") && !hasAny(label, "dan toc", "quoc tich"):
			return "profile.economy_structure_pct.other" // not "Dân tộc khác", a people's share
		}
		return ""
	case "ha", "km2":
		if hasAny(label, "dien tich") && !hasAny(label, "lua", "rung", "dat nong nghiep", "canh tac", "trong", "nuoi", "dat o", "che", "lam nghiep", "san xuat", "mat nuoc", "chua su dung", "phi nong nghiep") {
			return "profile.area_ha"
		}
		return ""
	case "dong":
		if hasAny(label, "thu nhap") && !hasAny(label, "thang", "/ho", "quy") {
			return "profile.income_per_capita_vnd" // not "(triệu đồng/người/tháng)", a month's
		}
		return ""
	case "chi bo":
		return "profile.party_cells"
	case "dang vien":
		return "profile.party_members"
	}
	switch {
	case hasAny(label, "can ngheo") && (unit == "" || unit == "ho"):
		return "profile.near_poor_households"
	case hasAny(label, "ngheo") && (unit == "" || unit == "ho"):
		return "profile.poor_households"
	case hasAny(label, "chi bo") && unit == "":
		return "profile.party_cells"
	case hasAny(label, "dang vien") && (unit == "" || unit == "nguoi"):
		return "profile.party_members"
	case hasAny(label, "dan so", "nhan khau", "so dan", "tong so dan", "so khau") && (unit == "" || unit == "nguoi"):
		return "profile.population"
	case populationLabelRe.MatchString(strings.TrimSpace(label)) && unit == "ho":
		// "Dân số | hộ | 1.746" over " |  | người | 6.538": the population
		// counted in households.
		return "profile.households"
	case householdLabelRe.MatchString(label) && (unit == "" || unit == "ho"),
		strings.TrimSpace(label) == "ho" && unit == "":
		return "profile.households"
	case unit == "thon", unit == "" && hamletLabelRe.MatchString(strings.NewReplacer("dia ban", "", "nhat ban", "").Replace(label)):
		// "Số doanh nghiệp … trên địa bàn": "bàn" of "địa bàn" is no "bản",
		// nor is that of "Nhật Bản" in a row of foreigners by country.
		return "profile.hamlets"
	}
	return ""
}

var (
	agriLabelRe = regexp.MustCompile(`\bnong\b|\blam nghiep\b|\bngu nghiep\b|\bthuy san\b`)
	// "Số hộ", not "Số hợp tác xã", "Số học sinh".
	householdLabelRe = regexp.MustCompile(`\b(?:so ho|ho dan|ho gia dinh)\b`)
	// populationLabelRe is a label that names only the population ("Dân
	// số", "Quy mô dân số:"), no part of it.
	populationLabelRe = regexp.MustCompile(`^(?:quy mo\s+)?dan so\s*:?$`)
	hamletLabelRe     = regexp.MustCompile(`\b(?:so )?(?:thon|xom|ban|to dan pho|khu pho|khoi pho|ap|khom|khu dan cu)\b`)
)

// labelLineRe is a line that says a figure as "label: value": a label
// without figures, a colon, then the value.
var labelLineRe = regexp.MustCompile(`^([^:\d]{3,80}?)\s*:\s*(\S.{0,80})$`)

// nextPairRe is where a second "label: value" begins on a form's line,
// after the first one's figure: "Số đoàn: 05 Số người: 38".
var nextPairRe = regexp.MustCompile(`\d%?\s+([^\d:;,.()]{2,60}):\s*\d`)

// pairsOf cuts a line of a form that gives several "label: value" pairs
// one after another ("Số đoàn: 05 Số người: 38", "Nông nghiệp: 38,4 Công
// nghiệp, dịch vụ: 52,1 Khác: 9,5") into one clause each; another line is
// itself.
func pairsOf(c text) []text {
	if strings.Count(c.fold, ":") < 2 {
		return []text{c}
	}
	var out []text
	start := 0
	for _, m := range nextPairRe.FindAllStringSubmatchIndex(c.fold, -1) {
		if m[2] > start {
			out = append(out, trimmed(c, start, m[2]))
			start = m[2]
		}
	}
	return append(out, trimmed(c, start, len(c.fold)))
}

// itemCodeRe is the code of an item of a form or list before its label
// ("A1. ", "B12. ", "3. ", "b) ").
var itemCodeRe = regexp.MustCompile(`^\s*(?:[a-e]?\d{1,2}|[a-e])[.)]\s+`)

// bareFigureRe is a figure alone, with no unit after it ("1.512,8").
var bareFigureRe = regexp.MustCompile(`^\d[\d.,]*$`)

// labelled reads the figures said by label in a section: the rows of its
// tables, and its lines of the form "label: value".
func (r *reader) labelled() {
	secs := make([]string, 0, len(r.d.parts))
	for sec := range r.d.parts {
		secs = append(secs, sec)
	}
	sort.Strings(secs)
	for _, sec := range secs {
		for _, l := range r.d.parts[sec] {
			if l.fig != nil {
				// A cell that names its figures itself ("Đoàn ra: 02
				// đoàn/12 người" in the row "Đoàn ra, đoàn vào") is read
				// by its own labels, the row's label giving the section.
				if !r.labelledClauses(sec, l.fig.value) {
					r.figure(sec, l.text, l.fig.label.fold, l.fig.value, l.fig.unit)
				}
				continue
			}
			if in, ok := r.d.headed[l.n]; ok && strings.HasSuffix(in.fold, l.fold) {
				// "9. Số hình thức khen thưởng … nhận được: 01 (…)": the
				// heading is the label.
				r.labelledClauses(sec, in.text)
				continue
			}
			r.labelledClauses(sec, l.text)
		}
	}
}

// labelledClauses reads the clauses of t of the form "label: value" and
// tells whether there was one.
func (r *reader) labelledClauses(sec string, t text) bool {
	any := false
	var cs []text
	for _, c := range clauses(t) {
		cs = append(cs, pairsOf(c)...)
	}
	for _, c := range cs {
		if k := itemCodeRe.FindStringIndex(c.fold); k != nil {
			c = sub(c, k[1], len(c.fold)) // "A1. Diện tích tự nhiên (ha): …": the item's code is no part of its label
		}
		m := labelLineRe.FindStringSubmatchIndex(c.fold)
		if m == nil && strings.Contains(c.fold, "(") {
			// "Số hình thức …: 01 (Giấy khen của … vì …)": the value
			// before a long aside in brackets.
			m = labelLineRe.FindStringSubmatchIndex(strings.TrimRight(outsideBrackets(c.fold), " .;"))
		}
		if m == nil {
			continue
		}
		if listLeadRe.MatchString(strings.TrimSpace(c.fold[m[2]:m[3]])) {
			continue // "Đoàn ra gồm: 01 đoàn …; 01 đoàn …": the first item, not the figure
		}
		if v := c.fold[m[4]:m[5]]; startsFigure(v) || nothingRe.MatchString(strings.TrimRight(v, ". ")) {
			label, unit := c.fold[m[2]:m[3]], ""
			if u := unitParenRe.FindStringSubmatchIndex(label); u != nil && startsFigure(v) && bareFigureRe.MatchString(strings.TrimRight(v, ". ")) {
				// "Diện tích tự nhiên (ha): 1.512,8": the unit in the label's
				// brackets is the bare figure's.
				unit, label = strings.TrimSpace(label[u[2]:u[3]]), strings.TrimSpace(label[:u[0]])
			}
			r.figure(sec, c, label, sub(c, m[4], m[5]), unit)
			any = true
		}
	}
	return any
}

// figure reads the values of one label in a section and puts each at the
// figure its label and unit name. The section is the one the label names
// when the line is in none of 1–13 ("II. KẾT QUẢ" or a table before it).
func (r *reader) figure(sec string, whole text, label string, value text, unitCol string) {
	label = strings.TrimLeft(label, "-–+•* ")
	switch sec {
	case secResults, secOther, secPreamble:
		if ks := classifySections(label); len(ks) > 0 {
			sec = ks[0]
		}
	}
	general := sec == secResults || sec == secOther || sec == secPreamble
	if r.groupRow(whole, label, value, unitCol) {
		return
	}
	if parts := slashParts(label); len(parts) >= 2 {
		// "Hộ nghèo/cận nghèo | hộ | 215/139": a figure for each name, in
		// the order written; with one value for two names, none is read.
		vs := strings.Split(value.orig, "/")
		us := strings.Split(unitCol, "/")
		if len(vs) == len(parts) {
			for k, part := range parts {
				u := unitCol
				if len(us) == len(parts) {
					u = strings.TrimSpace(us[k])
				}
				r.figure(sec, whole, part, newText(strings.TrimSpace(vs[k])), u)
			}
			return
		}
		paths := map[string]bool{}
		for _, v := range valuesOf(value, unitCol) {
			for _, part := range parts {
				if p := labelPath(sec, part, v.unit, general); p != "" {
					paths[p] = true
				}
			}
		}
		if len(paths) >= 2 {
			return
		}
	}
	if names, vs, ok := bracketList(label, value); ok {
		// "Cơ cấu kinh tế (Nông nghiệp - Công nghiệp - Dịch vụ) | % |
		// 45 - 25 - 30": the names in brackets, each over its share.
		for k := range names {
			r.figure(sec, whole, names[k], newText(vs[k]), unitCol)
		}
		return
	}
	vals := valuesOf(value, unitCol)
	quote := strings.TrimRight(strings.TrimLeft(strings.TrimSpace(whole.orig), "-+* "), " .;:")
	byPath := map[string][]cand{}
	// The figures in brackets, by path: "386 người (Hàn Quốc 214, Trung
	// Quốc 97, …)" breaks down the figure before it, whose parts they are;
	// read only when no figure of theirs stands outside ("(04) đoàn").
	// "38 hộ (0,72%)" gives in brackets another figure, the rate.
	inBrackets := map[string][]cand{}
	mask := outsideBrackets(value.fold)
	var order []string
	for _, v := range vals {
		if r.ofOtherYear(value.fold[:v.a]) {
			continue // "Thu nhập … | Năm 2024 đạt 78,5 triệu đồng" in a report of 2025
		}
		path := labelPath(sec, label, v.unit, general)
		c, ok := v.cand(path)
		if !ok {
			continue
		}
		c.quote = quote
		if byPath[path] == nil && inBrackets[path] == nil {
			order = append(order, path)
		}
		to := byPath
		if mask[v.a] != value.fold[v.a] {
			to = inBrackets
		}
		if len(to[path]) == 0 || to[path][0].d != c.d {
			to[path] = append(to[path], c)
		}
	}
	for path, cs := range inBrackets {
		if len(byPath[path]) == 0 {
			byPath[path] = cs
		}
	}
	for _, path := range order {
		r.putReadings(path, byPath[path])
		// No delegation: nobody in it either.
		if rs := byPath[path]; len(rs) == 1 && rs[0].n == 0 && strings.HasPrefix(path, "delegations.") && strings.HasSuffix(path, ".count") {
			r.putInt(strings.TrimSuffix(path, ".count")+".people", 0, quote)
		}
	}
}

// groupLabelRe is the label of a row that names one people ("Dân tộc Tà
// Ôi"), of a few words.
var groupLabelRe = regexp.MustCompile(`^dan toc\s+([a-z']+(?:\s[a-z']+){0,2})$`)

// groupRow reads a row of a table labelled by a people's name ("Dân tộc
// Kinh | % | 48,6") as that people's share: one figure, a percentage of
// at most 100, the name in capitals. It tells whether the row was one.
func (r *reader) groupRow(whole text, label string, value text, unitCol string) bool {
	label = strings.TrimSpace(label)
	m := groupLabelRe.FindStringSubmatch(label)
	if m == nil || hasAny(m[1], "thieu so", "kinh te", "khac", "anh em") || strings.TrimSpace(unitCol) != "%" {
		return false
	}
	at := regexp.MustCompile(`\b` + regexp.QuoteMeta(m[1]) + `\b`).FindStringIndex(whole.fold)
	if at == nil {
		return false
	}
	name := strings.TrimSpace(whole.span(at[0], at[1]))
	if first, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(first) {
		return false
	}
	if canon, ok := peoples[m[1]]; ok {
		name = canon
	}
	vs := valuesOf(value, unitCol)
	if len(vs) != 1 {
		return false
	}
	d, err := ParseNumber(vs[0].num)
	if err != nil || d.Units() > 100*models.DecimalScale {
		return false
	}
	r.addGroup(name, d, strings.TrimRight(strings.TrimSpace(whole.orig), " .;:"))
	return true
}

// ofOtherYear tells whether the words before a figure name a year ("năm
// 2024"), outside brackets, and only years other than the report's ("Năm
// 2024 đạt 78,5 triệu đồng" in a report of 2025): the figure is that
// year's, not the report's.
func (r *reader) ofOtherYear(before string) bool {
	year := r.d.period.year
	if year == "" {
		return false
	}
	ys := periodYearRe.FindAllStringSubmatch(outsideBrackets(before), -1)
	for _, y := range ys {
		if y[1] == year {
			return false
		}
	}
	return len(ys) > 0
}

// labelPath is the figure a label and unit name in a section.
func labelPath(sec, label, unit string, general bool) string {
	path := figureOf(sec, label, unit)
	if ks := classifySections(label); path == "" && len(ks) > 0 && !slices.Contains(ks, sec) {
		path = figureOf(ks[0], label, unit) // "Kiến nghị khen thưởng" in a table under "Đào tạo, khen thưởng"
	} else if path == "" && len(ks) > 1 {
		// A label that names the section and another ("Khen thưởng"
		// over "Kiến nghị cấp trên"): the figure the others name, if
		// one alone.
		for _, k := range ks {
			if p := figureOf(k, label, unit); k != sec && p != "" {
				if path != "" && path != p {
					path = ""
					break
				}
				path = p
			}
		}
	}
	if path == "" && general {
		path = anyFigure(label, unit)
	}
	if own := strings.TrimLeft(strings.TrimPrefix(label, "co cau kinh te"), " :-–"); path == "" && sec == secOther && len(strings.Fields(own)) <= 8 {
		// A row of an annex's table of basic figures ("Biểu số 01.
		// Một số chỉ tiêu cơ bản": "Số hộ | hộ | 2.934"): the profile,
		// by a label of a few words — a sector's under the group's name
		// ("Cơ cấu kinh tế: - Nông, lâm nghiệp, thủy sản"), its own.
		path = profileFigure(label, unit)
	}
	return path
}

// listSepRe sets apart the names or the figures of a list in one cell.
var listSepRe = regexp.MustCompile(`\s+[-–]\s+|\s*;\s*`)

// bracketList pairs the names a label lists in brackets with the figures
// a value lists in the same order ("(Nông nghiệp - Công nghiệp - Dịch vụ)"
// over "45 - 25 - 30"): as many of each, every figure a number.
func bracketList(label string, value text) (names, vals []string, ok bool) {
	a, b := strings.IndexByte(label, '('), strings.LastIndexByte(label, ')')
	if a < 0 || b < a {
		return nil, nil, false
	}
	names = listSepRe.Split(strings.TrimSpace(label[a+1:b]), -1)
	vals = listSepRe.Split(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(value.fold), "%")), -1)
	if len(names) < 2 || len(names) != len(vals) {
		return nil, nil, false
	}
	for i := range vals {
		vals[i] = strings.TrimSuffix(strings.TrimSpace(vals[i]), "%")
		if _, err := ParseNumber(vals[i]); err != nil {
			return nil, nil, false
		}
	}
	return names, vals, true
}

// slashParts are the names of a label that names two figures with a
// slash between ("hộ nghèo/cận nghèo", "chi bộ / đảng viên"), outside
// brackets ("thu nhập (triệu đồng/người/năm)" names one); nil if it has
// none or a part is a unit of time or of people ("/năm", "/người").
func slashParts(label string) []string {
	f := strings.TrimSpace(outsideBrackets(label))
	if !strings.Contains(f, "/") {
		return nil
	}
	parts := strings.Split(f, "/")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		switch p {
		case "", "nam", "nguoi", "ho", "thang", "ngay", "khau", "nhan khau", "nguoi/nam":
			return nil
		}
		if startsFigure(p) {
			return nil
		}
		parts[i] = p
	}
	return parts
}

// figureSections are the sections whose figures a label may name.
var figureSections = []string{secDelegations, secAgreements, secConferences, secConsular, secOverseas, secTraining, secAwards, secNominations}

// anyFigure is the one figure of sections 1–13 a label and unit name
// when the line is under none of them ("Đoàn trong nước đến làm việc" in
// a table of "II. KẾT QUẢ"), or "" if none or several.
func anyFigure(label, unit string) string {
	found := ""
	for _, sec := range figureSections {
		if p := figureOf(sec, label, unit); p != "" {
			if found != "" && found != p {
				return ""
			}
			found = p
		}
	}
	return found
}

// cand is the value v gives the figure at path, if it is of its kind: an
// amount for a figure in đồng, a share of at most 100 for a percentage.
func (v figureValue) cand(path string) (cand, bool) {
	f := numberFieldOf(path)
	switch {
	case f == nil:
		return cand{}, false
	case strings.HasSuffix(path, "_vnd"):
		if !v.isMon {
			return cand{}, false
		}
		return intCand(v.money, ""), true
	case v.isMon:
		return cand{}, false
	case f.dec:
		d, err := ParseNumber(v.num)
		if err != nil || v.unit == "%" && d.Units() > 100*models.DecimalScale {
			return cand{}, false
		}
		if v.unit == "km2" {
			d = models.DecimalFromUnits(d.Units() * 100)
		}
		n, _ := wholeNumber(d)
		return cand{n: n, d: d}, true
	}
	n, err := ParseInt(v.num)
	return intCand(n, ""), err == nil
}

// numberFieldOf is the figure at path, or nil.
func numberFieldOf(path string) *numberField {
	for i := range numberFields {
		if numberFields[i].path == path {
			return &numberFields[i]
		}
	}
	return nil
}
