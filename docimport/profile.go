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

var (
	// The natural area ("diện tích tự nhiên", "tổng diện tích"), not that
	// of a crop ("diện tích lúa").
	areaRe = re(`(?:(?:dien tich tu nhien|tong dien tich)[^;%\d]{0,25}?|\bdien tich\s*(?:la\s*|:\s*|khoang\s*|rong\s*)?)` + num + `\s*(ha|hecta|km2|km²)`)
	// landKindRe follows an area that is of one kind of land ("2.584 ha
	// rừng ngập mặn", "ha đất nông nghiệp", "ha lúa"), not the unit's.
	landKindRe   = re(`^\s+(?:rung|dat|lua|mat nuoc|mat bang|cay|che|ca phe|cao su|hoa mau|nuoi trong|trong (?:lua|cay|rau|hoa|mau|rung)|dong co|vuon|khu)\b`)
	hamletRe     = re(`(?:^|,|\b(?:gom|co|gom co|voi|tong so|bao gom|chia thanh|voi tong so|tong so co|so (?:xom|thon|ban|to dan pho|khu pho|ap)|(?:to chuc|chia) thanh)\b)\s*:?\s*` + num + `\s+(?:xom|thon|ban|to dan pho|khu pho|ap|khu dan cu|khoi pho|khoi dan cu|to dan cu|tieu khu|buon|khom|lang|plei|bon|phum|soc|khu vuc)\b`)
	householdsRe = re(`\b(?:tong so|gom|gom co|co|voi|voi tong so|tong cong|toan xa co|toan phuong co|so ho)\s*(?:la\s*|:\s*)?` + num + `\s+ho\b`)
	listedHhRe   = re(`(?:^|,\s*|…\s*)` + num + `\s+ho\s*(?:$|,|\bvoi\b)`)
	// popAfterHhRe is the people after the households in a list: "2.814
	// hộ, 10.957 người", "1.650 hộ với 6.012 người".
	popAfterHhRe = re(num + `\s+ho\s*(?:,|\bvoi\b|\bva\b)\s*` + num + `\s+(?:nguoi|nhan khau|khau)\b`)
	populationRe = re(`\b(?:dan so|so dan|tong so dan|nhan khau)(?:\s+(?:toan|cua)\s+(?:xa|phuong|thi tran|dac khu))?(?:\s+trung binh)?(?:\s+(?:nam|den nam) \d{4})?\s*(?:la\s*|:\s*|khoang\s*|co\s*|gom\s*)?` + num + `\s*(?:nguoi|nhan khau|khau)?\b`)
	// hhScopeRe is the households said of the commune by name: "Tổng số
	// hộ toàn xã là 1.820 hộ".
	hhScopeRe  = re(`\b(?:tong so ho|so ho)\s+(?:toan|cua)\s+(?:xa|phuong|thi tran|dac khu)\s*(?:la|:|co)?\s*` + num + `\s+ho\b`)
	popTailRe  = re(`\b` + num + `\s+(?:nhan khau|khau)\b`)
	minorityRe = re(`(?:dan toc thieu so|\bdtts\b)(?:\s*\([^()]{0,80}\))?[^;%]{0,40}?\b` + num + `\s*%`)
	ethnicRe   = re(`\bdan toc\s+([a-z']+(?:\s+[a-z']+)??)\s*(?:chiem\s*|:\s*)?` + num + `\s*%`)
	cellsRe    = re(`\b(?:(?:co|gom|gom co|voi|tong so|sinh hoat tai|sinh hoat o)\s+` + num + `\s+chi bo|` + num + `\s+chi bo (?:truc thuoc|co so|dang))\b|^` + num + `\s+chi bo\b`)
	// A bare area leading a clause of the overview ("Khái quát: 3.562,9
	// ha; 21 xóm; …"): the natural area, as a crop's would be named.
	areaLeadRe = re(`(?:^|^[^\d:]{0,20}:)\s*` + num + `\s*(ha|hecta|km2|km²)\s*$`)
	membersRe  = re(`\b(?:(?:tong so )?dang vien\s*(?:la|:|co)?\s*` + num + `|(?:co|voi|tong so|gom)\s+` + num + `\s+(?:dang vien|dong chi dang vien)|chi bo\s*(?:,|va|voi)\s*(?:tong so\s*)?` + num + `\s+dang vien|^` + num + `\s+dang vien\s*$)\b`)
	agriRe     = re(`\bnong(?:\s*[-–,]?\s*lam)?(?:\s*[-–,]?\s*(?:ngu|thuy san))?\s*nghiep[^%;]{0,25}?\b` + num + `\s*%`)
	industryRe = re(`\b(?:tieu thu cong nghiep|cong nghiep|dich vu|thuong mai)[^%;]{0,60}?\b` + num + `\s*%`)
	otherRe    = re(`\b(?:nganh nghe khac|cac nganh khac|nganh khac|khac)\b[^%;]{0,15}?\b` + num + `\s*%`)
	noPoorRe   = re(`\b(?:khong con|khong co)\s+ho\s+(ngheo|can ngheo)\b((?:\s*(?:,|va)\s*(?:ho\s+)?can ngheo\b)?)`)
	poorRe     = re(`\bho ngheo([^;]{0,50}?)\b` + num + `\s+ho\b`)
	poorRateRe = re(`\bho ngheo([^;]{0,70}?)\b` + num + `\s*%`)
	poorLeadRe = re(`(?:^|\b(?:con|co|tong so|tong cong|la|va)\b|:)\s*` + num + `\s+ho ngheo\b`)
	nearLeadRe = re(`(?:^|\b(?:con|co|tong so|tong cong|la|va)\b|:)\s*` + num + `\s+ho can ngheo\b`)
	nearRe     = re(`\bcan ngheo([^;]{0,50}?)\b` + num + `\s+ho\b`)
	nearRateRe = re(`\bcan ngheo([^;]{0,70}?)\b` + num + `\s*%`)
	incomeRe   = re(`thu nhap binh quan(?: dau nguoi| nguoi dan)?` + gap(40) + moneyRe.String() + `\s*/\s*(?:(?:nguoi|ng|nhan khau)\s*/\s*nam|nam\s*/\s*(?:nguoi|ng)|nam\b)`)
)

// incomeYearRe is a head's income of a named year, with no "/năm": the
// year says it is a year's ("… đầu người năm 2024 đạt 96 triệu đồng").
var incomeYearRe = re(`thu nhap binh quan( dau nguoi)? (?:cua (?:xa|phuong|thi tran) )?(?:trong )?nam (\d{4})\s*(?:dat|la|:|uoc dat)?\s*` + moneyRe.String() + `(\s*/\s*(?:nguoi|nhan khau)\b)?`)

// wideClauseRe begins a clause said of a wider unit than the report's
// ("Toàn huyện có …", "Trên địa bàn tỉnh …"); wideIncomeRe names one in
// the words of an income ("… đầu người của tỉnh …").
var (
	wideClauseRe = re(`^(?:[^,;]{0,25}?\s)?(?:toan|ca|tren toan|tren dia ban)\s+(?:tinh|huyen|thanh pho|thi xa|quan|quoc|nuoc|vung)\b`)
	wideIncomeRe = re(`\b(?:cua|toan|ca)\s+(?:tinh|huyen|thanh pho|thi xa|quan|nuoc|vung)\b`)
)

// partClauseRe begins a clause said of one part of the commune, named
// ("Thôn Bản Lìn có 120 hộ, 520 người"): its figures are not the commune's.
var partClauseRe = re(`^\s*(?:thon|ban|xom|ap|to dan pho|khu pho|tieu khu|khoi pho)\s+(?:[^\s,;:]+\s+){1,4}?co\s+\d`)

// bareRateRe is a clause that is a rate alone: "tỷ lệ: 30,42%",
// "chiếm 17%".
var bareRateRe = re(`^(?:ty le|chiem(?: ty le)?)\s*:?\s*` + num + `\s*%$`)

// incomeBareRe is a head's income with no year and no "/năm".
var incomeBareRe = re(`thu nhap binh quan dau nguoi\s*(?:dat|la|:|uoc dat|uoc tinh dat|uoc tinh)?\s*` + moneyRe.String())

// minYearIncome is the least a year's income per head can be: a smaller
// amount, said with no period, may be a month's.
const minYearIncome = 12_000_000

// otherPeriodAside tells whether an amount at f[:i] is followed by a
// bracket of another period's ("54,3 triệu đồng (năm 2023: 50,1 triệu
// đồng)"): an aside, and the amount ends before it.
func (r *reader) otherPeriodAside(f string, i int) bool {
	rest := strings.TrimLeft(f[i:], " ")
	if !strings.HasPrefix(rest, "(") {
		return false
	}
	j := strings.IndexByte(rest, ')')
	return j > 0 && otherPeriod(rest[1:j], r.d.period.year)
}

// endsAmount tells whether an amount ends its phrase at i: nothing after
// it that makes it a month's or a household's ("/tháng", "/hộ").
func endsAmount(f string, i int) bool {
	rest := strings.TrimLeft(f[i:], " ")
	return rest == "" || strings.ContainsRune(",;.)", rune(rest[0]))
}

// profileLines are the lines of section I, or, when the document has no
// such section, those between the title and the first section.
func (r *reader) profileLines() []line {
	if l := r.d.parts[secProfile]; len(l) > 0 {
		return joinContinued(l)
	}
	return joinContinued(r.d.parts[secPreamble])
}

// follows tells whether the words after position i end the phrase (a
// punctuation mark, the end) or are one of the words allowed.
func follows(f string, i int, words ...string) bool {
	rest := strings.TrimLeft(f[i:], " ")
	if rest == "" || strings.ContainsRune(",;.)(:=", rune(rest[0])) {
		return true
	}
	for _, w := range words {
		if strings.HasPrefix(rest, w+" ") || rest == w || strings.HasPrefix(rest, w+",") || strings.HasPrefix(rest, w+".") || strings.HasPrefix(rest, w+";") {
			return true
		}
	}
	return false
}

// aimed reports whether the words of a clause say it is an aim or a plan
// ("phấn đấu …", "mục tiêu …", "kế hoạch …"): what it names is not yet
// reached and is no figure of the report.
func aimed(f string) bool {
	return hasAny(f, "phan dau", "muc tieu", "ke hoach")
}

// changeWords are the words that make a figure a change, not a level
// ("giảm 10 hộ", "tăng 1,2%"), unless "còn" says what is left.
func isChange(gap string) bool {
	return hasAny(gap, "giam", "tang", "so voi", "thoat ngheo", "phat sinh moi") && !leftWordRe.MatchString(gap)
}

// leftWordRe is "còn" as a word ("giảm còn 15 hộ": the count left), not
// the "con" of "cộng" ("giảm tổng cộng 15 hộ": a change).
var leftWordRe = regexp.MustCompile(`(^|[^\pL\pN])con([^\pL\pN]|$)`)

func (r *reader) profile() {
	lines := r.profileLines()
	peoplesList := false // the lines are the items of "Thành phần dân tộc:"
	for _, l := range lines {
		if peoplesList && !itemLineRe.MatchString(l.orig) {
			peoplesList = false
		}
		prev := ""
		for _, c := range clauses(l.text) {
			f := c.fold
			if wideClauseRe.MatchString(f) || partClauseRe.MatchString(f) {
				continue // "Toàn huyện có 12.500 hộ …", "Thôn Bản Lìn có 120 hộ": not the commune's
			}
			if m := bareRateRe.FindStringSubmatchIndex(f); m != nil && hasAny(prev, "ngheo") && !isChange(prev) {
				// "Hộ nghèo: 247 hộ; tỷ lệ: 30,42%": the rate of the
				// households the clause before counts.
				path := "profile.poor_households_rate_pct"
				if strings.Contains(prev, "can ngheo") {
					path = "profile.near_poor_households_rate_pct"
				}
				r.decIn(c, bareRateRe, path, pct(f))
			}
			prev = f
			outside := outsideBrackets(f)
			r.decIn(c, areaRe, "profile.area_ha", func(m []int) (models.Decimal, bool) {
				d, err := ParseNumber(f[m[2]:m[3]])
				if err != nil || outside[m[2]] == ' ' {
					return d, false // "(có diện tích khoảng 500 ha)": a place named in passing
				}
				if end := m[5]; end < len(f) && unicode.IsLetter(rune(f[end])) {
					return d, false
				}
				if landKindRe.MatchString(f[m[5]:]) {
					return d, false // "… diện tích khoảng 2.584 ha rừng ngập mặn": that land's
				}
				if strings.HasPrefix(f[m[4]:m[5]], "km") {
					d = models.DecimalFromUnits(d.Units() * 100)
				}
				return d, true
			})
			if !hasAny(f, "dien tich") {
				r.decIn(c, areaLeadRe, "profile.area_ha", func(m []int) (models.Decimal, bool) {
					d, err := ParseNumber(f[m[2]:m[3]])
					if strings.HasPrefix(f[m[4]:m[5]], "km") {
						d = models.DecimalFromUnits(d.Units() * 100)
					}
					return d, err == nil
				})
			}
			// "29 thôn, tổ dân phố (23 thôn, 06 tổ dân phố)": the counts in
			// brackets are the breakdown of the one before them.
			out := outsideBrackets(f)
			r.intIn(c, hamletRe, "profile.hamlets", func(m []int) bool { return out[m[1]-1] != ' ' || f[m[1]-1] == ' ' })
			r.intIn(c, householdsRe, "profile.households", func(m []int) bool {
				// "… với 1.846 hộ, 6.532 nhân khẩu; trong đó có 41 hộ …
				// đồng bào dân tộc thiểu số": a part of the households,
				// no rival of their number.
				if strings.HasSuffix(strings.TrimRight(f[:m[0]], " ,:"), "trong do") {
					return false
				}
				return follows(f, m[1], "gia dinh", "voi", "va", "dan", "nhan khau", "tren")
			})
			if !hasAny(f, "ngheo", "ho tro", "tang", "tham", "cho ") {
				r.intIn(c, listedHhRe, "profile.households", nil)
				r.intIn(c, hhScopeRe, "profile.households", nil)
			}
			if !strings.Contains(f, "ngheo") {
				r.intIn(c, populationRe, "profile.population", func(m []int) bool { return !r.otherYear(f[m[0]:m[1]]) })
				r.intIn(c, popTailRe, "profile.population", nil)
				if !hasAny(f, "ho tro", "tang", "tham", "cho ", "anh huong", "thiet hai") {
					r.intIn(c, popAfterHhRe, "profile.population", func(m []int) bool { return follows(f, m[1]) })
				}
			}
			r.decIn(c, minorityRe, "profile.ethnic_minority_share_pct", pct(f))
			r.decIn(c, jointMinorityRe, "profile.ethnic_minority_share_pct", func(m []int) (models.Decimal, bool) {
				if !minorityNames(f[m[2]:m[3]]) {
					return models.Decimal{}, false
				}
				return pct(f)(m)
			})
			r.intIn(c, cellsRe, "profile.party_cells", nil)
			r.intIn(c, membersRe, "profile.party_members", func(m []int) bool {
				return follows(f, m[1], "dang vien", "dong chi", "nguoi", "sinh hoat")
			})
			for _, p := range []struct {
				re   *regexpT
				path string
			}{
				{poorRe, "profile.poor_households"}, {nearRe, "profile.near_poor_households"},
			} {
				r.intIn(c, p.re, p.path, func(m []int) bool {
					gap := f[m[2]:m[3]]
					// "2 hộ nghèo (0,05%) và 11 hộ cận nghèo": the households
					// after the gap are those the next words name.
					next := strings.TrimLeft(f[m[1]:], " ")
					return !strings.Contains(byStandard(gap), "ngheo") && !isChange(gap) && !strings.HasPrefix(next, "ngheo") && !strings.HasPrefix(next, "can ngheo")
				})
			}
			// "Phường không còn hộ nghèo, hộ cận nghèo": none of either.
			if m := noPoorRe.FindStringSubmatchIndex(f); m != nil && !aimed(f[:m[0]]) {
				q := quote(c, m[0], m[1])
				near := f[m[2]:m[3]] == "can ngheo"
				if !near {
					r.putInt("profile.poor_households", 0, q)
				}
				if near || m[4] < m[5] {
					r.putInt("profile.near_poor_households", 0, q)
				}
			}
			r.intIn(c, poorLeadRe, "profile.poor_households", func(m []int) bool { return !isChange(f[max(0, m[0]-40):m[0]]) })
			r.intIn(c, nearLeadRe, "profile.near_poor_households", func(m []int) bool { return !isChange(f[max(0, m[0]-40):m[0]]) })
			for _, p := range []struct {
				re   *regexpT
				path string
			}{
				{poorRateRe, "profile.poor_households_rate_pct"}, {nearRateRe, "profile.near_poor_households_rate_pct"},
			} {
				r.decIn(c, p.re, p.path, func(m []int) (models.Decimal, bool) {
					gap := f[m[2]:m[3]]
					if strings.Contains(byStandard(gap), "ngheo") || isChange(gap) {
						return models.Decimal{}, false
					}
					return pct(f)(m)
				})
			}
			if m := incomeRe.FindStringSubmatchIndex(f); m != nil && !wideIncomeRe.MatchString(f[m[0]:m[2]]) {
				// "Thu nhập bình quân đầu người | Năm 2024 đạt 78,5 triệu
				// đồng/người/năm" in a report of 2025: another year's
				// income, no figure of the report.
				if v, ok := moneyOf(f, m); ok && !strings.HasPrefix(strings.TrimLeft(f[m[1]:], " "), "/ thang") && !r.ofOtherYear(f[m[0]:m[2]]) {
					r.putInt("profile.income_per_capita_vnd", v, quote(c, m[0], m[1]))
				}
			} else if m := incomeYearRe.FindStringSubmatchIndex(f); m != nil && f[m[4]:m[5]] == r.d.period.year && (m[2] >= 0 || m[len(m)-2] >= 0) {
				// "Thu nhập bình quân đầu người năm 2024 đạt 96 triệu đồng",
				// "… bình quân năm 2024 ước đạt 45,2 triệu đồng/người": a
				// head's income of the report's year, the year in its words.
				if v, ok := moneyOf(f, m[4:len(m)-2]); ok && (endsAmount(f, m[1]) || r.otherPeriodAside(f, m[1])) {
					r.putInt("profile.income_per_capita_vnd", v, quote(c, m[0], m[1]))
				}
			} else if m := incomeBareRe.FindStringSubmatchIndex(f); m != nil && r.d.period.half == "" && !r.otherYear(f[:m[1]]) && !wideIncomeRe.MatchString(f[m[0]:m[2]]) {
				// "Thu nhập bình quân đầu người đạt 45,2 triệu đồng." in a
				// year's report: a year's income, unless so small that it
				// can only be a month's.
				if v, ok := moneyOf(f, m); ok && endsAmount(f, m[1]) && v >= minYearIncome {
					r.putInt("profile.income_per_capita_vnd", v, quote(c, m[0], m[1]))
				}
			}
		}
		r.economy(l)
		r.ethnic(l, peoplesList)
		if f := strings.TrimSpace(l.fold); strings.HasSuffix(f, ":") && hasAny(f, "dan toc") {
			// "Thành phần dân tộc:" over "- M'nông: 34,6%;", "- Ê Đê: 28,9%;" …
			peoplesList = true
		}
	}
}

type regexpT = regexpRE

// intIn records the one count a pattern finds in a clause; several
// different counts in one clause are kept as seen, not set.
func (r *reader) intIn(c text, p *regexpT, path string, ok func(m []int) bool) {
	r.putReadings(path, readingsIn(c, p, func(m []int) (models.Decimal, bool) {
		if ok != nil && !ok(m) {
			return models.Decimal{}, false
		}
		g := lastGroup(m)
		if g < 0 {
			return models.Decimal{}, false
		}
		n, err := ParseInt(c.fold[m[2*g]:m[2*g+1]])
		return models.DecimalFromUnits(n * models.DecimalScale), err == nil
	}))
}

// lastGroup returns the index of the last group that took part in a
// match: the number, in every pattern here.
func lastGroup(m []int) int {
	for g := len(m)/2 - 1; g >= 1; g-- {
		if m[2*g] >= 0 && m[2*g] < m[2*g+1] {
			return g
		}
	}
	return -1
}

// decIn records the one decimal a pattern finds in a clause.
func (r *reader) decIn(c text, p *regexpT, path string, val func(m []int) (models.Decimal, bool)) {
	r.putReadings(path, readingsIn(c, p, val))
}

// readingsIn are the distinct values val reads from the matches of a
// pattern in a clause, each with the quote of its first match.
func readingsIn(c text, p *regexpT, val func(m []int) (models.Decimal, bool)) []cand {
	var got []cand
	for _, m := range p.FindAllStringSubmatchIndex(c.fold, -1) {
		x, ok := val(m)
		if !ok {
			continue
		}
		dup := false
		for _, g := range got {
			dup = dup || g.d == x
		}
		if !dup {
			n, _ := wholeNumber(x)
			got = append(got, cand{n: n, d: x, quote: quote(c, m[0], m[1])})
		}
	}
	return got
}

// pct reads the number of the last group of a match as a percentage.
func pct(f string) func(m []int) (models.Decimal, bool) {
	return func(m []int) (models.Decimal, bool) {
		i := len(m) - 2
		for i >= 2 && m[i] < 0 {
			i -= 2
		}
		d, err := ParseNumber(f[m[i]:m[i+1]])
		if err != nil || d.Units() < 0 || d.Units() > 100*models.DecimalScale {
			return d, false
		}
		return d, true
	}
}

// economy reads the economic structure from the sentence that names it
// ("Về cơ cấu kinh tế: Ngành Nông - lâm nghiệp chiếm 65%; …").
func (r *reader) economy(l line) {
	f := l.fold
	i := strings.Index(f, "co cau")
	items := false
	if i < 0 {
		i, items = strings.Index(f, "ty trong"), true // "Tỷ trọng nông, lâm nghiệp chiếm 45%, …"
	}
	if i < 0 {
		return
	}
	end := len(f)
	if j := strings.Index(f[i:], ". "); j >= 0 {
		end = i + j
	}
	s := sub(l.text, i, end)
	if lead, _, ok := strings.Cut(s.fold, ":"); ok && r.otherYear(lead) || !ok && r.otherYear(s.fold) {
		return // "Cơ cấu kinh tế năm 2023: …": another year's
	}
	if r.economyItems(s) || items {
		return // "tỷ trọng" of what is not said as a list of sectors: not read
	}
	// Each share is read once: an industry or "other" match that overlaps
	// the agriculture one is the same words.
	var taken [][2]int
	overlaps := func(m []int) bool {
		for _, t := range taken {
			if m[0] < t[1] && t[0] < m[1] {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		re   *regexpT
		path string
	}{
		{agriRe, "profile.economy_structure_pct.agriculture_forestry"},
		{industryRe, "profile.economy_structure_pct.industry_services_tourism"},
		{otherRe, "profile.economy_structure_pct.other"},
	} {
		var got []int
		r.decIn(s, c.re, c.path, func(m []int) (models.Decimal, bool) {
			if overlaps(m) {
				return models.Decimal{}, false
			}
			got = append(got, m[0], m[1])
			return pct(s.fold)(m)
		})
		for k := 0; k+1 < len(got); k += 2 {
			taken = append(taken, [2]int{got[k], got[k+1]})
		}
	}
}

// shareRe is a share in a list of shares ("… 48%").
var shareRe = re(num + `\s*%`)

// economyItems reads the structure as a list of shares, each after the
// words that name its sector ("Cơ cấu kinh tế: khai thác, nuôi trồng thủy
// sản 48%; du lịch, dịch vụ 45%; ngành nghề khác 7%"), whatever the words
// and their order. It reads nothing, and says so, unless every share names
// one sector alone, no two name the same, and none is a change.
func (r *reader) economyItems(s text) bool {
	f := s.fold
	ms := shareRe.FindAllStringSubmatchIndex(f, -1)
	if len(ms) < 2 || len(ms) > 3 {
		return false
	}
	start := strings.IndexByte(f, ':') + 1
	if start == 0 || start > ms[0][0] {
		start = 0
	}
	paths := map[string]cand{}
	for _, m := range ms {
		words := f[start:m[0]]
		start = m[1]
		path := sectorOf(words)
		if path == "" {
			return false
		}
		if path == "mixed" {
			return true // "nông nghiệp và dịch vụ 60%": no sector's share; none is read
		}
		if _, twice := paths[path]; twice {
			return false
		}
		d, ok := pct(f)(m)
		if !ok {
			return false
		}
		n, _ := wholeNumber(d)
		paths[path] = cand{n: n, d: d, quote: quote(s, m[0], m[1])}
	}
	for path, c := range paths {
		r.put(path, c)
	}
	return true
}

var otherSectorRe = re(`\bkhac\b`)

// sectorOf is the bucket of the economic structure whose words name a
// sector: farming, forestry and fishing; industry, building, trade,
// services and tourism; or the others. Words of two buckets name none.
func sectorOf(words string) string {
	const base = "profile.economy_structure_pct."
	if otherSectorRe.MatchString(words) {
		return base + "other"
	}
	agri := hasAny(words, "nong", "lam nghiep", "ngu nghiep", "thuy san", "trong trot", "chan nuoi", "nuoi trong", "lam san")
	ind := hasAny(words, "cong nghiep", "xay dung", "dich vu", "thuong mai", "du lich", "tieu thu cong")
	switch {
	case agri && !ind:
		return base + "agriculture_forestry"
	case ind && !agri:
		return base + "industry_services_tourism"
	case ind && agri:
		return "mixed"
	}
	return ""
}

// ethnic reads the peoples and their shares: "Dân tộc Tày 61,31%"; in
// an item of a list of peoples ("- Ê Đê: 28,9%;"), the item's name.
func (r *reader) ethnic(l line, item bool) {
	p := profile(&r.rep)
	seen := map[string]bool{}
	for _, g := range p.EthnicGroups {
		seen[models.Fold(g.Name)] = true
	}
	matches := ethnicRe.FindAllStringSubmatchIndex(l.fold, -1)
	i := strings.Index(l.fold, "dan toc")
	if item {
		i = 0
	}
	if i >= 0 {
		// "gồm các dân tộc: Kinh 47,6%, Tày 38,2%": the names of the list.
		for _, m := range listedPeopleRe.FindAllStringSubmatchIndex(l.fold[i:], -1) {
			for k := range m {
				if m[k] >= 0 {
					m[k] += i
				}
			}
			if _, known := peoples[l.fold[m[2]:m[3]]]; (known || item || knownIn(l.fold[i:]) >= 2) && !inside(matches, m) {
				matches = append(matches, m)
			}
		}
	}
	sort.Slice(matches, func(i, j int) bool { return matches[i][0] < matches[j][0] })
	for _, m := range matches {
		key := l.fold[m[2]:m[3]]
		// "DTTS chiếm 60,3%" after the list: the minorities together
		// (dân tộc thiểu số), no people.
		if strings.HasPrefix(key, "thieu so") || strings.HasPrefix(key, "kinh te") || key == "anh em" || slices.Contains(strings.Fields(key), "dtts") {
			continue
		}
		name := l.span(m[2], m[3])
		if first, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(first) {
			continue
		}
		if canon, ok := peoples[key]; ok {
			name = canon
		}
		d, ok := pct(l.fold)(m)
		if !ok || seen[key] || jointShare(l.fold[:m[2]]) {
			continue
		}
		seen[key] = true
		i := len(p.EthnicGroups)
		p.EthnicGroups = append(p.EthnicGroups, models.EthnicGroup{Name: name, SharePct: decp(d)})
		q := quote(l.text, m[0], m[1])
		r.res.Found = append(r.res.Found,
			Found{Field: models.Path(models.Index("profile.ethnic_groups", i), "name"), Value: name, Text: q},
			Found{Field: models.Path(models.Index("profile.ethnic_groups", i), "share_pct"), Value: d, Text: q})
	}
}

// addGroup records a people and its share, quoted by q, unless the
// people is already recorded.
func (r *reader) addGroup(name string, d models.Decimal, q string) {
	p := profile(&r.rep)
	for _, g := range p.EthnicGroups {
		if models.Fold(g.Name) == models.Fold(name) {
			return
		}
	}
	i := len(p.EthnicGroups)
	p.EthnicGroups = append(p.EthnicGroups, models.EthnicGroup{Name: name, SharePct: decp(d)})
	r.res.Found = append(r.res.Found,
		Found{Field: models.Path(models.Index("profile.ethnic_groups", i), "name"), Value: name, Text: q},
		Found{Field: models.Path(models.Index("profile.ethnic_groups", i), "share_pct"), Value: d, Text: q})
}

// jointShareRe ends the words before a people's name that join it to
// another named with no share of its own: "Khmer, " or "Tày và " before
// "Hoa chiếm 9,6%".
var jointShareRe = re(`\b([a-z']+(?:\s[a-z']+)?)\s*(?:,|\bva|\bhoac|\bcung)\s*$`)

// jointShare tells whether a share said after a people's name is that of
// several together ("đồng bào Khmer, Hoa chiếm 9,6% dân số"), the words
// before the name ending in another people's name and "," or "và": it is
// none of theirs alone.
func jointShare(before string) bool {
	m := jointShareRe.FindStringSubmatch(before)
	if m == nil {
		return false
	}
	ws := strings.Fields(m[1])
	for k := range ws {
		if _, ok := peoples[strings.Join(ws[k:], " ")]; ok {
			return true
		}
	}
	return false
}

var listedPeopleRe = re(`(?:^|[,:;(]\s*|\s)([a-z']+(?:\s[a-z']+)??)\s*(?:chiem\s*|:\s*|\(\s*(?:chiem\s*)?)?` + num + `\s*%`)

// inside tells whether match m lies within one of ms.
func inside(ms [][]int, m []int) bool {
	for _, x := range ms {
		if m[2] >= x[0] && m[3] <= x[1] {
			return true
		}
	}
	return false
}

// peoples are the official names of Vietnam's 54 peoples, by folded name,
// so that "Sán Diu" typed without its accent is stored as "Sán Dìu".
var peoples = func() map[string]string {
	m := map[string]string{}
	for _, n := range strings.Split("Kinh,Tày,Thái,Mường,Khơ Me,Hoa,Nùng,Mông,Dao,Gia Rai,Ê Đê,Ba Na,Sán Chay,Chăm,Cơ Ho,Xơ Đăng,Sán Dìu,Hrê,Ra Glai,Mnông,Thổ,Stiêng,Khơ mú,Bru - Vân Kiều,Cơ Tu,Giáy,Tà Ôi,Mạ,Giẻ-Triêng,Co,Chơ Ro,Xinh Mun,Hà Nhì,Chu Ru,Lào,La Chí,Kháng,Phù Lá,La Hủ,La Ha,Pà Thẻn,Lự,Ngái,Chứt,Lô Lô,Mảng,Cơ Lao,Bố Y,Cống,Si La,Pu Péo,Rơ Măm,Brâu,Ơ Đu", ",") {
		m[fold(n)] = n
	}
	// Other spellings of the same peoples.
	for alias, n := range map[string]string{"Khmer": "Khơ Me", "H'Mông": "Mông", "Hmông": "Mông", "Vân Kiều": "Bru - Vân Kiều", "Bru-Vân Kiều": "Bru - Vân Kiều", "Ê-đê": "Ê Đê", "Êđê": "Ê Đê", "Gia-rai": "Gia Rai", "Jrai": "Gia Rai", "M'Nông": "Mnông", "Xtiêng": "Stiêng", "Giẻ Triêng": "Giẻ-Triêng", "Khơ-mú": "Khơ mú"} {
		m[fold(alias)] = n
	}
	return m
}()

// jointMinorityRe is the share of the minority peoples named together
// after "đồng bào dân tộc", the words "thiểu số" left out ("đồng bào dân
// tộc Khmer, Hoa chiếm 9,6% dân số").
var jointMinorityRe = re(`\bdong bao dan toc ([a-z', -]{2,60}?)\s*(?:chiem|:)\s*` + num + `\s*%`)

var nameSepRe = re(`\s*(?:,|\bva\b)\s*`)

// minorityNames tells whether words name two peoples or more, joined by
// "," or "và", none the Kinh: the minorities said together.
func minorityNames(f string) bool {
	names := nameSepRe.Split(strings.TrimSpace(f), -1)
	if len(names) < 2 {
		return false
	}
	for _, n := range names {
		if p, ok := peoples[strings.TrimSpace(n)]; !ok || p == "Kinh" {
			return false
		}
	}
	return true
}

// knownIn counts the peoples of the official list a list names: a list
// of at least two also holds a people by its local name ("Xá Phó").
func knownIn(f string) int {
	n := 0
	for _, m := range listedPeopleRe.FindAllStringSubmatch(f, -1) {
		if _, ok := peoples[m[1]]; ok {
			n++
		}
	}
	return n
}

// byStandard drops from the words between "hộ nghèo" and its number the
// standard it is counted by ("theo chuẩn nghèo đa chiều", "theo chuẩn cận
// nghèo của tỉnh"): it names no other households.
func byStandard(gap string) string {
	return strings.NewReplacer("chuan ngheo", "chuan", "chuan can ngheo", "chuan").Replace(gap)
}
