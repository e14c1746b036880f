package docimport

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"doingoai/models"
)

// Read turns the lines of a report into a draft report: every figure it
// sets has an entry in Found quoting the words it was read from; every
// figure the document does not state plainly stays null and is listed in
// NotFound. A figure two passages state differently is left null too.
//
// Invisible and bidirectional control characters (models.Invisible) are
// removed first: a document may carry them innocently (a zero-width space
// pasted from a web page, a soft hyphen from Word), and the validator
// refuses them in what a person or a program sends.
func Read(raw []string) *Result {
	d := split(visibleLines(raw))
	r := &reader{d: d, vals: map[string]cand{}, bad: map[string][]Found{}, seen: map[string][]cand{}}
	r.rep = models.Report{Status: models.StatusDraft}
	rep := &r.rep
	rep.Document = &models.Document{}
	rep.Delegations = &models.Delegations{}
	rep.InternationalAgreements = &models.Agreements{}
	rep.InternationalConferences = &models.Conferences{}
	rep.EconomicDiplomacy = &models.DocumentsSection{}
	rep.PeopleDiplomacy = &models.Narrative{}
	rep.NgoAid = &models.NgoAid{}
	rep.CulturalDiplomacy = &models.CulturalSection{}
	rep.Information = &models.Narrative{}
	rep.Consular = &models.Consular{}
	rep.OverseasVietnamese = &models.Overseas{}
	rep.Training = &models.Training{}
	rep.ForeignAwardsReceived = &models.Awards{}
	rep.AwardNominations = &models.Nominations{}
	rep.ReportingCompliance = &models.Narrative{}

	res := &Result{}
	r.res = res
	r.header()
	r.period()
	r.profile()
	r.places = foreignPlaces(d.lines)
	r.delegations()
	r.counted(secAgreements, "international_agreements.count", []string{"thoa thuan", "ghi nho", "ky ket", "ky moi", "ky them"}, agreementsRe)
	r.counted(secConferences, "international_conferences.count", []string{"hoi nghi", "hoi thao"}, conferencesRe)
	r.ngo()
	r.consular()
	r.overseas()
	r.training()
	r.counted(secAwards, "foreign_awards_received.count", []string{"khen thuong", "huan chuong", "bang khen", "hinh thuc"}, awardsRe)
	r.counted(secNominations, "award_nominations.count", []string{"khen thuong", "de nghi", "kien nghi", "xet tang", "hinh thuc"}, nominationsRe)
	r.labelled()
	r.narratives()
	r.lists()
	r.finish()
	res.Report = r.rep
	return res
}

var (
	agreementsRe = re(`\b` + cnt + `\s+(?:ban\s+|van ban\s+)?(?:thoa thuan|bien ban ghi nho|ban ghi nho|bien ban (?:hop tac|thoa thuan))\b`)
	// signedOneRe is the commune signing one agreement, named with no
	// count: "UBND xã ký Biên bản ghi nhớ …", "phường đã ký kết Thỏa
	// thuận hợp tác …" (not "dự lễ ký …" of others, nor "… đã ký năm
	// 2019", whose verb follows the agreement).
	signedOneRe   = re(`(?:^|[,:]\s*|\s)(?:(?:ubnd|uy ban nhan dan|chinh quyen)\s+)?(?:xa|phuong|thi tran|dac khu)\s+(?:da\s+)?ky(?:\s+ket)?\s+(?:ban\s+|van ban\s+)?(?:thoa thuan|bien ban ghi nho|ban ghi nho|bien ban (?:hop tac|thoa thuan))\b`)
	conferencesRe = re(`\b` + cnt + `\s+(?:cuoc\s+|buoi\s+)?(?:hoi nghi|hoi thao)\b`)
	awardsRe      = re(`\b` + cnt + `\s+(?:hinh thuc|huan chuong|huy chuong|bang khen|thu khen|giay khen|ky niem chuong|giai thuong|phan thuong)\b`)
	nominationsRe = re(`\b` + cnt + `\s+(?:hinh thuc|truong hop|ho so|tap the|ca nhan|nghe nhan|dong chi|doanh nghiep|co quan|don vi|hoi vien|nguoi|kieu bao)\b`)
)

type cand struct {
	n     int64
	d     models.Decimal
	quote string
}

type reader struct {
	d    *doc
	rep  models.Report
	res  *Result
	vals map[string]cand
	bad  map[string][]Found
	// seen are the readings of a figure that a passage gave two ways
	// ("11 … 12" in one clause): none of them is set from that passage;
	// if no other passage states the figure, they are its unresolved.
	seen map[string][]cand
	// places are the places abroad the document names ("huyện Mường
	// Quăn, tỉnh Hủa Phăn (Lào)"), folded.
	places []string
	lines  map[string][]line // sectionLines, once worked out
}

// putInt records a whole-number figure. A figure
// stated twice alike is kept once; stated twice differently, it is left
// out with both quotes in Unresolved.
func (r *reader) putInt(path string, n int64, quote string) {
	r.put(path, intCand(n, quote))
}

// putReadings puts the one reading a passage gives of a figure; several
// different ones are kept as seen, to be listed if the figure stays
// unresolved.
func (r *reader) putReadings(path string, rs []cand) {
	switch {
	case len(rs) == 1:
		r.put(path, rs[0])
	case len(rs) > 1:
		r.seen[path] = append(r.seen[path], rs...)
	}
}

func (r *reader) put(path string, c cand) {
	if b, ok := r.bad[path]; ok {
		r.bad[path] = append(b, Found{Field: path, Value: c.d, Text: c.quote})
		return
	}
	if prev, ok := r.vals[path]; ok {
		if prev.d != c.d {
			r.bad[path] = []Found{{Field: path, Value: prev.d, Text: prev.quote}, {Field: path, Value: c.d, Text: c.quote}}
			delete(r.vals, path)
		}
		return
	}
	r.vals[path] = c
}

// finish applies the figures to the report and lists what was found and
// what was not, in the report's order.
func (r *reader) finish() {
	res := r.res
	r.soleGroup()
	var found []Found
	for _, f := range numberFields {
		c, ok := r.vals[f.path]
		if !ok {
			res.NotFound = append(res.NotFound, f.path)
			res.Unresolved = append(res.Unresolved, r.unresolved(f)...)
			continue
		}
		f.apply(&r.rep, c.n, c.d)
		var v any = c.n
		if f.dec {
			v = c.d
		}
		found = append(found, Found{Field: f.path, Value: v, Text: c.quote})
	}
	// Lists (ethnic groups, NGO projects) and the header were recorded as
	// found as they were read; put them where they belong in the order.
	order := map[string]int{}
	for i, f := range numberFields {
		order[f.path] = i
	}
	rank := func(path string) int {
		switch {
		case strings.HasPrefix(path, "document."):
			return -1
		case strings.HasPrefix(path, "profile.ethnic_groups"):
			return 2*order["profile.ethnic_minority_share_pct"] + 1
		case strings.HasPrefix(path, "ngo_aid."):
			return 2*order["international_conferences.count"] + 1
		}
		return 2 * order[path]
	}
	all := append(res.Found, found...)
	sort.SliceStable(all, func(i, j int) bool { return rank(all[i].Field) < rank(all[j].Field) })
	res.Found = all
	if r.rep.Profile == nil || len(r.rep.Profile.EthnicGroups) == 0 {
		res.NotFound = insertAfter(res.NotFound, "profile.ethnic_minority_share_pct", "profile.ethnic_groups")
	}
	if r.rep.NgoAid.Projects == nil {
		res.NotFound = insertAfter(res.NotFound, "international_conferences.count", "ngo_aid.projects")
	}
	if r.rep.Document.Number == nil {
		res.NotFound = append([]string{"document.number", "document.issued_on"}, res.NotFound...)
		if r.rep.Document.IssuedOn != nil {
			res.NotFound = slicesDelete(res.NotFound, "document.issued_on")
		}
	} else if r.rep.Document.IssuedOn == nil {
		res.NotFound = append([]string{"document.issued_on"}, res.NotFound...)
	}
}

// soleGroup drops a list of peoples that names one people alone: "đồng
// bào dân tộc Cơ Tu chiếm 98,7%" gives that people's share, no list of
// the peoples (ethnic_groups is given when the peoples are each named
// with a share; a single dominant people is none). Nor is it the
// minorities' share, which is read only as stated (TestJointMinorityShare).
func (r *reader) soleGroup() {
	p := r.rep.Profile
	if p == nil || len(p.EthnicGroups) != 1 {
		return
	}
	p.EthnicGroups = nil
	kept := r.res.Found[:0]
	for _, f := range r.res.Found {
		if !strings.HasPrefix(f.Field, "profile.ethnic_groups") {
			kept = append(kept, f)
		}
	}
	r.res.Found = kept
}

// unresolved lists the readings of a figure left null: those of two
// passages that disagree, else those of a passage that gave it two ways,
// each value once with its words.
func (r *reader) unresolved(f numberField) []Found {
	var out []Found
	add := func(d models.Decimal, q string) {
		var v any = d
		if n, ok := wholeNumber(d); ok && !f.dec {
			v = n
		}
		for _, o := range out {
			if fmt.Sprint(o.Value) == fmt.Sprint(v) {
				return
			}
		}
		out = append(out, Found{Field: f.path, Value: v, Text: q})
	}
	if b := r.bad[f.path]; b != nil {
		for _, x := range b {
			add(x.Value.(models.Decimal), x.Text)
		}
		return out
	}
	for _, c := range r.seen[f.path] {
		add(c.d, c.quote)
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

func insertAfter(list []string, after, v string) []string {
	for i, s := range list {
		if s == after {
			return append(list[:i+1], append([]string{v}, list[i+1:]...)...)
		}
	}
	// after was found: put v where after would have been.
	for i, s := range list {
		if rankOf(s) > rankOf(after) {
			return append(list[:i], append([]string{v}, list[i:]...)...)
		}
	}
	return append(list, v)
}

func rankOf(path string) int {
	for i, f := range numberFields {
		if f.path == path {
			return i
		}
	}
	return len(numberFields)
}

func slicesDelete(list []string, v string) []string {
	out := list[:0]
	for _, s := range list {
		if s != v {
			out = append(out, s)
		}
	}
	return out
}

// --- clauses and quotes ---

// clauses splits a line at semicolons and at the full stops that end a
// sentence (not those inside "1.169").
func clauses(t text) []text {
	var out []text
	f := t.fold
	start := 0
	depth := 0
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch c {
		case '(':
			depth++
		case ')':
			depth = max(0, depth-1)
		}
		end := depth == 0 && (c == ';' || c == '.' && (i+1 == len(f) || f[i+1] == ' '))
		if end {
			if s := trimmed(t, start, i); len(s.fold) > 0 {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := trimmed(t, start, len(f)); len(s.fold) > 0 {
		out = append(out, s)
	}
	return out
}

func trimmed(t text, a, b int) text {
	for a < b && (t.fold[a] == ' ' || t.fold[a] == '-' || t.fold[a] == '+' || t.fold[a] == '*') {
		a++
	}
	for b > a && t.fold[b-1] == ' ' {
		b--
	}
	return sub(t, a, b)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// maxQuote bounds how far a quote reaches on each side of the words read.
const maxQuote = 300

// quote returns the words around fold[a:b] up to the nearest comma,
// bracket or clause boundary (a comma inside a number does not count).
func quote(t text, a, b int) string {
	f := t.fold
	l := a
	for l > 0 && a-l < maxQuote {
		c := f[l-1]
		if c == '(' || c == ')' || c == ';' || c == ',' && !(l-1 > 0 && isDigit(f[l-2]) && l < len(f) && isDigit(f[l])) {
			break
		}
		l--
	}
	rr := b
	for rr < len(f) && rr-b < maxQuote {
		c := f[rr]
		if c == '(' || c == ')' || c == ';' || c == ',' && !(rr > 0 && isDigit(f[rr-1]) && rr+1 < len(f) && isDigit(f[rr+1])) {
			break
		}
		rr++
	}
	s := strings.TrimSpace(t.span(l, rr))
	s = strings.TrimRight(s, " :.")
	return strings.TrimLeft(s, "-+* ")
}

// whole returns the text of a clause as a quote.
func whole(t text) string {
	return strings.TrimLeft(strings.TrimRight(strings.TrimSpace(t.orig), " :."), "-+* ")
}

// --- none: "Không có" ---

var (
	negRe     = re(`\b(?:khong|chua) (?:he )?(?:co|phat sinh|to chuc|chu tri|cu|tiep|don|ky|ky ket|tham gia|tiep nhan|xay ra|thuc hien|duoc|mo|nhan|nhan duoc|de nghi|kien nghi|trinh)\b`)
	negTailRe = re(`:\s*(?:khong|chua co|khong co)\s*\.?$`)
	nothingRe = re(`^(?:(?:trong (?:ky(?: bao cao)?|nam|6 thang (?:dau|cuoi) nam))\s*,?\s+)?(?:(?:xa|phuong|thi tran|dac khu)\s+)?(?:khong co|khong|chua co|khong phat sinh|chua phat sinh|khong co gi|khong co hoat dong|khong to chuc|chua to chuc|khong thuc hien|khong ky ket|khong tiep nhan|khong co doan nao|khong co truong hop nao)\s*[.;]?$`)
)

// noDataRe says a figure is not known, which is no "none": "chưa có số
// liệu thống kê", "không có số liệu", "chưa thống kê được", "không nắm
// được".
var noDataRe = re(`\b(?:(?:khong|chua)\s+(?:co\s+)?(?:so lieu|du lieu|thong ke|thong tin|bao cao so lieu)|(?:khong|chua)\s+(?:nam|cap nhat|tong hop|xac dinh)\s+duoc|chua\s+(?:cap nhat|tong hop)\b|khong ro\b)`)

// negative tells whether a clause says there was none ("chưa có số liệu"
// says nothing is known: no none).
func negative(f string) bool {
	if noDataRe.MatchString(f) {
		return false
	}
	return negRe.MatchString(f) || negTailRe.MatchString(f) || strings.Contains(f, "(") && negTailRe.MatchString(strings.TrimRight(outsideBrackets(f), " .;"))
}

// noneOfOtherPeriod tells whether every "none" of a clause is said of
// another period by the words before it: "So với năm 2023 (không có đoàn
// ra), …", "năm 2023 xã không có đoàn ra" in a report of 2024, "(Cùng kỳ
// năm 2023 không có đoàn nước ngoài.)" — not "Không có đoàn ra (năm 2023:
// 01 đoàn)".
func noneOfOtherPeriod(f, year string) bool {
	ms := negRe.FindAllStringIndex(f, -1)
	if m := negTailRe.FindStringIndex(f); m != nil {
		ms = append(ms, m)
	}
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		// Before a none in brackets, the words before the bracket, and
		// those its own bracket opens with ("(Cùng kỳ năm 2024 không có
		// đoàn nước ngoài.)").
		before := f[:m[0]]
		if otherPeriod(outsideBrackets(before), year) {
			continue
		}
		if i := strings.LastIndexByte(before, '('); i >= 0 && !strings.Contains(before[i:], ")") && otherPeriod(before[i+1:], year) {
			continue
		}
		return false
	}
	return true
}

// none tells whether a clause says there was none in the report's period
// (negative, not noneOfOtherPeriod).
func (r *reader) none(f string) bool {
	return negative(f) && !noneOfOtherPeriod(f, r.d.period.year)
}

// noneIn puts 0 at each path when a section's content is only "Không
// có.", and tells whether it did.
//
// When that content is a cell of a table row that names one figure
// ("Đoàn ra | đoàn | Không có"), it is 0 of that figure only.
func (r *reader) noneIn(sec string, paths ...string) bool {
	q, ok := r.nothing(sec)
	if !ok {
		return false
	}
	if label, row := r.rowLabel(r.d.parts[sec][0].n); row {
		if p := figureOf(sec, strings.TrimLeft(label, "-–+•* "), ""); p != "" {
			var keep []string
			for _, path := range paths {
				if path == p || strings.Count(p, ".") >= 2 && path[:strings.LastIndexByte(path, '.')] == p[:strings.LastIndexByte(p, '.')] {
					keep = append(keep, path)
				}
			}
			paths = keep
		}
	}
	for _, path := range paths {
		r.putInt(path, 0, q)
	}
	return true
}

// rowLabel is the label of the row of a table line n is a cell of, if it
// is one.
func (r *reader) rowLabel(n int) (string, bool) {
	for _, ls := range r.d.parts {
		for _, l := range ls {
			if l.n == n && l.fig != nil {
				return l.fig.label.fold, true
			}
		}
	}
	return "", false
}

// nothing tells whether a section's content is only "Không có."
func (r *reader) nothing(sec string) (string, bool) {
	lines := r.d.parts[sec]
	if len(lines) != 1 {
		return "", false
	}
	l := lines[0]
	if !nothingRe.MatchString(strings.TrimLeft(l.fold, "-–+•* ")) {
		return "", false
	}
	if h, ok := r.d.headings[sec]; ok {
		if h.n == l.n {
			return whole(h.text), true
		}
		return whole(h.text) + " … " + whole(l.text), true
	}
	return whole(l.text), true
}

// each calls fn for every clause of a part.
// The first clause after a heading's colon is read with the heading's
// words ("8. Người nước ngoài tạm trú: Không").
func (r *reader) each(sec string, fn func(c text)) {
	for _, l := range r.sectionLines(sec) {
		for i, c := range clauses(l.text) {
			if in, ok := r.d.headed[l.n]; ok && i == 0 && strings.HasSuffix(in.fold, l.fold) {
				c = sub(in.text, 0, len(in.fold)-len(l.fold)+len(c.fold))
			}
			fn(c)
		}
	}
}

// sectionLines are the lines of a section, and the sentences a table
// outside sections 1–13 says of it in the row that names it ("9 | Người
// Việt Nam ở nước ngoài | 39 người đi lao động ở nước ngoài theo hợp
// đồng …") or in the rows under it with no label of their own ("| | 05
// vụ việc …, đã xử lý theo quy định."), in the document's order.
func (r *reader) sectionLines(sec string) []line {
	if ls, ok := r.lines[sec]; ok {
		return ls
	}
	if r.lines == nil {
		r.lines = map[string][]line{}
	}
	ls := r.sectionLinesOf(sec)
	r.lines[sec] = ls
	return ls
}

func (r *reader) sectionLinesOf(sec string) []line {
	own := r.d.parts[sec]
	var rows []line
	var cur []string // the sections the last labelled row named
	var general []line
	for _, k := range []string{secResults, secOther, secPreamble} {
		general = append(general, r.d.parts[k]...)
	}
	slices.SortStableFunc(general, func(a, b line) int { return a.n - b.n })
	for _, l := range general {
		if l.fig == nil {
			continue
		}
		label, v := strings.TrimSpace(l.fig.label.fold), strings.TrimSpace(l.fig.value.fold)
		if label != v {
			cur = classifySections(label)
		}
		if !slices.Contains(cur, sec) || len(strings.Fields(v)) < 5 || slices.ContainsFunc(own, func(o line) bool { return o.n == l.n }) {
			continue
		}
		rows = append(rows, line{text: l.fig.value, n: l.n})
	}
	if len(rows) == 0 {
		return own
	}
	out := append(append([]line{}, own...), rows...)
	slices.SortStableFunc(out, func(a, b line) int { return a.n - b.n })
	return out
}

// eachLine is each, with the position of the line each clause is of.
func (r *reader) eachLine(sec string, fn func(n int, c text)) {
	for _, l := range r.sectionLines(sec) {
		for i, c := range clauses(l.text) {
			if in, ok := r.d.headed[l.n]; ok && i == 0 && strings.HasSuffix(in.fold, l.fold) {
				c = sub(in.text, 0, len(in.fold)-len(l.fold)+len(c.fold))
			}
			fn(l.n, c)
		}
	}
}

// counts returns the distinct counts a pattern finds in a clause, each
// with its quote. What a clause says in brackets is its detail ("02 đoàn
// (01 đoàn …, 01 đoàn …)"), and so is what follows "trong đó" or "gồm"
// after a count ("11 người …, trong đó 06 … và 05 …"): the total is read.
func counts(c text, p *regexp.Regexp) []cand {
	var out []cand
	f := outsideBrackets(c.fold)
	var first []int // the match of the first count read
	for _, m := range p.FindAllStringSubmatchIndex(f, -1) {
		v, ok := countOf(f[m[2]:m[3]])
		if !ok || dateYearAt(f, m[2]) {
			continue // "ngày 14/3/2024 đoàn …": a date's year, no count
		}
		if len(out) > 0 && (detailBetween(f[m[0]-min(m[0], 200):m[0]]) || partsAfterColon(f, first, m)) {
			break
		}
		if first == nil {
			first = m
		}
		if approxRe.MatchString(f[:m[0]]) || changeBefore(c, m[0]) || otherScope(f, m[0], m[1]) || arrowAfter(f, m[1]) {
			continue // "khoảng 18.500 người", "tăng 01 đoàn", "toàn tỉnh có …", "39 người → 46 người": not a count
		}
		dup := false
		for _, x := range out {
			dup = dup || x.n == v
		}
		if !dup {
			out = append(out, intCand(v, quote(c, m[0], m[1])))
		}
	}
	return out
}

// partsAfterColon tells whether the count matched at m is a part of the
// one matched at first, listed after a colon: the same unit after both,
// and a colon between them ("03 vụ việc liên quan đến người nước ngoài:
// 02 vụ …").
func partsAfterColon(f string, first, m []int) bool {
	if first == nil || !strings.Contains(f[first[1]:m[0]], ":") {
		return false
	}
	a, b := strings.Fields(f[first[3]:first[1]]), strings.Fields(f[m[3]:m[1]])
	return len(a) > 0 && len(b) > 0 && a[0] == b[0]
}

// dateYearAt tells whether the number at f[i:] is the year that ends a
// date ("14/3/2024", "8/2024"): no count of the word after it ("ngày
// 14/3/2024 đoàn …").
func dateYearAt(f string, i int) bool {
	j := i
	for j > 0 && f[j-1] == ' ' {
		j--
	}
	if j == 0 || f[j-1] != '/' || i+4 > len(f) {
		return false
	}
	y := f[i : i+4]
	return (strings.HasPrefix(y, "19") || strings.HasPrefix(y, "20")) && isDigit(y[2]) && isDigit(y[3]) && (i+4 == len(f) || !isDigit(f[i+4]))
}

// bracketCounts are the counts a pattern finds in brackets that hold that
// count and nothing else ("02 đoàn nước ngoài (17 người)"): a figure set
// in brackets beside another, not the detail of it.
func bracketCounts(c text, p *regexp.Regexp) []cand {
	var out []cand
	f := c.fold
	for i := strings.IndexByte(f, '('); i >= 0 && i < len(f); {
		j := strings.IndexByte(f[i:], ')')
		if j < 0 {
			break
		}
		inner := strings.TrimSpace(f[i+1 : i+j])
		if m := p.FindStringSubmatchIndex(inner); m != nil && m[0] == 0 && m[1] == len(inner) {
			if v, ok := countOf(inner[m[2]:m[3]]); ok && !slices.ContainsFunc(out, func(x cand) bool { return x.n == v }) {
				out = append(out, intCand(v, quote(c, i+1, i+j)))
			}
		}
		k := strings.IndexByte(f[i+j:], '(')
		if k < 0 {
			break
		}
		i += j + k
	}
	return out
}

// scopeBeforeRe names a wider unit than the report's as the subject of a
// count ("Toàn huyện tiếp 25 đoàn", "trên địa bàn tỉnh có …");
// scopeAfterRe says so after it ("18.500 người lao động của tỉnh đang
// làm việc …"; not "của tỉnh Hủa Phăn", a place named).
var (
	scopeBeforeRe = re(`\b(?:toan|ca|tren toan|tren dia ban)\s+(?:tinh|huyen|thanh pho|thi xa|quoc|nuoc|vung)\b\s*(?:[^\s,;]+\s*){0,6}$`)
	scopeAfterRe  = re(`^\s*(?:[^\s,;]+\s+){0,4}?(?:cua|trong|tren dia ban)\s+(?:toan\s+|ca\s+)?(?:tinh|huyen|thanh pho|thi xa)\s*(?:$|[,.;(]|(?:dang|da|co|hien|la|lam|di|duoc)\b)`)
)

// otherScope tells whether the count at f[a:b] is said of a wider unit
// than the report's.
func otherScope(f string, a, b int) bool {
	return scopeBeforeRe.MatchString(f[:a]) || scopeAfterRe.MatchString(f[b:min(len(f), b+60)])
}

// arrowAfter tells whether a count at f[:end] is followed by an arrow to
// another ("02 đoàn/11 người → 03 đoàn/16 người", under "năm 2024 → năm
// 2025"): the count before the arrow is of the period before.
func arrowAfter(f string, end int) bool {
	rest := f[end:min(len(f), end+40)]
	if i := strings.IndexAny(rest, "0123456789"); i >= 0 {
		rest = rest[:i]
	}
	return strings.Contains(rest, "→") || strings.Contains(rest, "->") || strings.Contains(rest, "=>")
}

// changeBeforeRe ends the words before a change ("tăng 01 đoàn").
var changeBeforeRe = re(`\b(?:tang|giam|them)\s*$`)

// changeBefore tells whether the words before fold offset at in c end
// with a change ("tăng 01 đoàn", "giảm 6 người"). "tặng" (gave: "được …
// tặng 01 Bằng khen") folds as "tăng" does; as written, with its
// diacritics, it is no change. Written without them it stays one.
func changeBefore(c text, at int) bool {
	m := changeBeforeRe.FindStringIndex(c.fold[max(0, at-12):at])
	if m == nil {
		return false
	}
	a := max(0, at-12) + m[0]
	w := strings.ToLower(strings.TrimSpace(c.orig[c.idx[a]:c.idx[at]]))
	return !strings.HasPrefix(w, "tặng")
}

var detailRe = re(`(?:\btrong do\b|\bgom\b|\bbao gom\b|\bcu the\b|\bnoi bat\b|\btieu bieu\b|\bdien hinh\b|\bdang chu y\b)`)

// detailBetween tells whether the words before a count say it is part of
// a total stated before ("…, trong đó").
func detailBetween(before string) bool { return detailRe.MatchString(before) }

func intCand(n int64, q string) cand {
	return cand{n: n, d: models.DecimalFromUnits(n * models.DecimalScale), quote: q}
}

// counted reads the count of a simple counted section: "02 thỏa thuận",
// or none ("Không có", "không ký kết thỏa thuận nào"). Items of a list,
// each a line of its own ("- … tặng 01 Bằng khen", "- … tặng 01 Giấy
// khen"), add up; a count stated beside them is the total they confirm
// or contradict. In one clause, counts of different kinds ("01 tập thể,
// 02 cá nhân") add up too.
// heldRe says a thing was held or signed ("được tổ chức", "đã ký kết").
var heldRe = re(`\b(?:duoc|da)\s+(?:to chuc|ky ket|ky|dien ra)\b|\bdien ra\b`)

// heldThenNone tells whether a clause says a thing of the section was held
// before its first none, which is then said of something else that it
// names: "Hội thảo được tổ chức đúng chương trình, không có phát ngôn …"
// is no "none" of the conferences ("… được tổ chức: không có" still is).
func heldThenNone(f string, words []string) bool {
	m := negRe.FindStringIndex(f)
	if m == nil {
		return false
	}
	before, after := f[:m[0]], strings.TrimSpace(strings.Trim(f[m[1]:], " .;"))
	return hasAny(before, words...) && heldRe.MatchString(before) && !strings.HasSuffix(strings.TrimSpace(before), ":") &&
		after != "" && !hasAny(after, words...)
}

func (r *reader) counted(sec, path string, words []string, p *regexp.Regexp) {
	if r.noneIn(sec, path) {
		return
	}
	var items, totals []cand
	var signed []cand // agreements signed, each told with no count
	itemLines := map[int]bool{}
	attended := map[bool]bool{} // whether the items tell of taking part in another's, or of the commune's own
	for _, l := range r.sectionLines(sec) {
		item := itemLineRe.MatchString(l.orig)
		cs := clauses(l.text)
		if k := strings.IndexByte(l.fold, ':'); k > 0 && strings.Contains(l.fold[:k], ";") && strings.IndexFunc(l.fold, isDigitRune) < 0 && negative(l.fold[k+1:]) && !negative(l.fold[:strings.IndexByte(l.fold, ';')]) {
			// "Khen thưởng của nước ngoài; kiến nghị khen thưởng cấp nhà
			// nước: Không có.": the labels the semicolon parts, one none
			// after the colon says of them all. Not when the first part
			// says its own none ("Không có hình thức khen thưởng của nước
			// ngoài; kiến nghị khen thưởng: Không có."): each part is said
			// of its own.
			cs = []text{l.text}
		}
		for i, own := range cs {
			c := own
			if in, ok := r.d.headed[l.n]; ok && i == 0 && strings.HasSuffix(in.fold, l.fold) {
				c = sub(in.text, 0, len(in.fold)-len(l.fold)+len(own.fold))
			}
			if (sec == secAwards || r.shared(secAwards, secNominations)) && !aboutSection(sec, c.fold) && !aboutBoth(c.fold) {
				continue
			}
			when := outsideBrackets(c.fold)
			if i := strings.Index(when, "thanh tich"); i >= 0 && (sec == secAwards || sec == secNominations) {
				// "… Giấy khen … về thành tích phối hợp … năm 2024": the
				// year of what it rewards, not of when it was given.
				when = when[:i]
			}
			if namesOtherYear(when, r.d.period.year) || termRe.MatchString(when) {
				// "thỏa thuận ký năm 2019", a year anywhere in the item;
				// "trong nhiệm kỳ", "kỳ tới", which modality.go does not
				// know ("nhiệm kỳ 2020–2025" names a congress too). The
				// other periods' words ("so với năm trước", "dự kiến")
				// are modality.go's: they hide the figures they govern,
				// not the clause's own.
				continue
			}
			if heldByWiderRe.MatchString(c.fold) {
				continue // "tỉnh tổ chức 02 hội nghị quốc tế, xã cử 03 cán bộ tham dự"
			}
			if sec == secConferences && heldByAnother(c.fold) {
				continue // "phối hợp bảo đảm an ninh cho 01 hội thảo quốc tế do Viện X chủ trì"
			}
			vals := kindCounts(c, p)
			if len(vals) == 0 && sec == secAgreements && !strings.ContainsAny(datesRe.ReplaceAllString(c.fold, " "), "0123456789") {
				// "Ngày 16/10/2025, UBND xã ký Biên bản ghi nhớ … với …":
				// the commune signed one, told with no count.
				if m := signedOneRe.FindStringIndex(c.fold); m != nil {
					signed = append(signed, intCand(1, quote(c, m[0], m[1])))
					continue
				}
			}
			if len(vals) == 0 && sec == secAwards && !strings.ContainsAny(datesRe.ReplaceAllString(l.fold, " "), "0123456789") {
				// An award named with no count, in a line that counts none
				// ("…; 02 cá nhân được tặng Bằng khen" counts them).
				vals = awardNamed(c)
			}
			switch {
			case len(vals) == 1 && item && !itemLines[l.n]:
				items = append(items, vals[0])
				itemLines[l.n] = true
				attended[hasAny(c.fold, "tham du", "tham gia", "du hoi", "duoc moi")] = true
			case len(vals) == 1:
				totals = append(totals, vals[0])
			case len(vals) > 0:
				r.putReadings(path, vals)
			case !negative(c.fold), heldThenNone(c.fold, words):
			case hasAny(own.fold, words...):
				r.putInt(path, 0, whole(c))
			case hasAny(c.fold, words...) && !namesOther(own.fold, sec):
				// "3. Hội nghị quốc tế: Không": the heading says of what;
				// not "2, 3. Thỏa thuận, hội nghị. Xã không ký kết thỏa
				// thuận nào", which says it of another section.
				r.putInt(path, 0, whole(c))
			case splitLeadNames(l.fold, own.fold, sec):
				// "* Thỏa thuận quốc tế; hội nghị, hội thảo quốc tế: không.":
				// the none after the lead's colon is said of every section
				// the lead names, its clauses parted by ";".
				r.putInt(path, 0, whole(l.text))
			}
		}
	}
	for _, t := range totals {
		r.put(path, t)
	}
	if len(signed) == 1 && len(totals) == 0 && len(items) == 0 {
		// One told so, and no count: one; several may be one told twice.
		r.put(path, signed[0])
	}
	switch {
	case len(items) == 1:
		r.put(path, items[0])
	case len(items) > 1 && len(attended) > 1:
		// "- Tổ chức 01 hội nghị …", "- Tham dự 02 hội thảo …": the
		// commune's own and others', no one list.
		for _, it := range items {
			r.put(path, it)
		}
	case len(items) > 1:
		r.put(path, sumCands(items))
	}
}

// splitLeadNames tells whether a line's lead, the words before its first
// colon, is parted by ";" into the names of several sections, one of them
// sec, and the clause holds that colon: what the clause says after it is
// said of sec too.
func splitLeadNames(line, clause, sec string) bool {
	lead, _, ok := strings.Cut(line, ":")
	if !ok || !strings.Contains(lead, ";") || strings.ContainsAny(lead, "0123456789") {
		return false
	}
	if i := strings.Index(clause, ":"); i < 0 || !strings.HasSuffix(lead, clause[:i]) {
		return false
	}
	return slices.Contains(classifySections(lead), sec)
}

// itemLineRe begins an item of a list: a dash, a plus, a bullet, "a)".
var itemLineRe = regexp.MustCompile(`^\s*(?:[-–+•*]|[a-eđ]\))\s*`)

// sumCands adds up counts, quoting each.
func sumCands(cs []cand) cand {
	var n int64
	qs := make([]string, len(cs))
	for i, c := range cs {
		n += c.n
		qs[i] = c.quote
	}
	return intCand(n, strings.Join(qs, "; "))
}

// kindCounts is counts, except that counts of different kinds in one
// clause ("01 tập thể, 02 cá nhân"; "01 Bằng khen và 01 Giấy khen") are
// the parts of one figure: their sum.
func kindCounts(c text, p *regexp.Regexp) []cand {
	f := outsideBrackets(c.fold)
	var parts []cand
	kinds := map[string]bool{}
	last := 0
	for _, m := range p.FindAllStringSubmatchIndex(f, -1) {
		v, ok := countOf(f[m[2]:m[3]])
		if !ok || approxRe.MatchString(f[:m[0]]) || changeBefore(c, m[0]) || otherScope(f, m[0], m[1]) || arrowAfter(f, m[1]) {
			continue
		}
		if len(parts) > 0 && (detailBetween(f[max(0, m[0]-200):m[0]]) || strings.Contains(f[last:m[0]], ":")) {
			break // "02 hình thức: 01 Bằng khen, 01 Giấy khen": its detail
		}
		if len(parts) > 0 && (len(strings.Fields(f[last:m[0]])) > 8 || listVerbRe.MatchString(f[last:m[0]])) {
			return counts(c, p) // "tổ chức 01 hội nghị và tham dự 02 hội thảo": no list
		}
		last = m[1]
		kind := strings.TrimSpace(f[m[3]:m[1]])
		if hasAny(kind, "hinh thuc", "truong hop", "ho so") {
			if len(parts) == 0 {
				return []cand{intCand(v, quote(c, m[0], m[1]))} // all of them, whatever the kinds after
			}
			return counts(c, p)
		}
		if kinds[kind] {
			return counts(c, p) // two of one kind: two readings, or one
		}
		kinds[kind] = true
		parts = append(parts, intCand(v, quote(c, m[0], m[1])))
	}
	if len(parts) < 2 {
		return counts(c, p)
	}
	return []cand{sumCands(parts)}
}

// heldByWiderRe is a count of what the province or the district held, its
// clause no count of the commune's ("tỉnh tổ chức 02 hội nghị quốc tế, xã cử 03 cán bộ
// tham dự"): not the commune's.
var heldByWiderRe = re(`\b(?:tinh|huyen|trung uong)\s+(?:da\s+)?(?:to chuc|dang cai|chu tri)\s+` + cnt)

// heldByRe is a count, then who held it ("01 hội thảo quốc tế … do Viện
// X chủ trì tổ chức"): the agent in its group.
var heldByRe = re(cnt + `\s+(?:hoi nghi|hoi thao|dien dan)\b[^;]*?\bdo\s+([^,;]{2,60}?)\s+(?:chu tri|to chuc|dang cai)\b`)

// heldByAnother tells whether a clause counts conferences another held,
// the commune only helping ("phối hợp bảo đảm an ninh, trật tự cho 01 hội
// thảo quốc tế … do Vườn quốc gia X chủ trì tổ chức"): not the commune's
// own, unless the clause says the commune held or co-held one before the
// count.
func heldByAnother(f string) bool {
	m := heldByRe.FindStringSubmatchIndex(f)
	if m == nil || hasAny(f[:m[0]], "to chuc", "chu tri", "dang cai") {
		return false
	}
	agent := f[m[4]:m[5]]
	for _, own := range []string{"xa", "phuong", "thi tran", "ubnd xa", "ubnd phuong", "ubnd thi tran", "uy ban nhan dan xa", "uy ban nhan dan phuong", "uy ban nhan dan thi tran", "chung toi", "dia phuong"} {
		if agent == own || strings.HasPrefix(agent, own+" ") {
			return false
		}
	}
	return true
}

// listVerbRe is a verb between two counts: they are no items of one list.
var listVerbRe = re(`\b(?:tham du|tham gia|to chuc|phoi hop|ky|nhan|duoc|tang|de nghi|kien nghi|trao|cu|dang cai)\b`)

// awardNounRe names an award; awardNamed reads one award named with no
// count, given to the commune or one of its people ("được Nhà nước Lào
// tặng Huân chương Hữu nghị"): 1. Several ("các Bằng khen") or one given
// to several ("… cho 02 cá nhân") say no count.
var (
	awardNounRe = regexp.MustCompile(`\b(?:huan chuong|huy chuong|bang khen|giay khen|ky niem chuong|thu khen|co thi dua)\b`)
	severalPre  = regexp.MustCompile(`\b(?:cac|nhung|nhieu|mot so|hai|ba|bon|nam)\s+$`)
)

// datesRe is a date or a year in words and figures ("tháng 4/2025",
// "ngày 12/3", "năm 2024").
var datesRe = re(`\b(?:ngay|thang)?\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\b|\b(?:thang\s+)?\d{1,2}\s*/\s*\d{4}\b|` + dateRe + `|\bnam \d{4}\b`)

func awardNamed(c text) []cand {
	f := outsideBrackets(c.fold)
	ms := awardNounRe.FindAllStringIndex(f, -1)
	if len(ms) != 1 || negative(f) || aboutNominations(f) || strings.ContainsAny(datesRe.ReplaceAllString(f, " "), "0123456789"+string(maskByte)) {
		return nil // "02 cá nhân được tặng Bằng khen": one each, or a count elsewhere
	}
	m := ms[0]
	if severalPre.MatchString(f[max(0, m[0]-12):m[0]]) {
		return nil
	}
	before := strings.ToLower(c.orig[c.idx[max(0, m[0]-60)]:c.idx[m[0]]])
	if !strings.Contains(before, "tặng") && !strings.Contains(before, "trao") && !strings.Contains(before, "nhận") {
		return nil
	}
	return []cand{intCand(1, quote(c, m[0], m[1]))}
}

// namesOther tells whether words name a section of 1–13 other than sec.
func namesOther(f, sec string) bool {
	for _, k := range classifySections(f) {
		if k != sec {
			return true
		}
	}
	return false
}

// shared tells whether two sections have one heading ("Đào tạo, bồi
// dưỡng; khen thưởng").
func (r *reader) shared(a, b string) bool {
	ha, okA := r.d.headings[a]
	hb, okB := r.d.headings[b]
	return okA && okB && ha.n == hb.n
}

// aboutSection tells whether a clause of a heading shared by awards and
// nominations is about sec: awards received are not
// nominations ("Không có kiến nghị khen thưởng" says nothing of awards
// received), and a nomination says "kiến nghị", "đề nghị" or "xét tặng".
func aboutSection(sec, f string) bool {
	nominating := aboutNominations(f)
	switch sec {
	case secAwards:
		return !nominating
	case secNominations:
		return nominating
	}
	return true
}

// aboutBoth tells whether a clause's lead names awards received and
// nominations both ("Khen thưởng nước ngoài, kiến nghị khen thưởng:
// Không"): what it says is said of each.
func aboutBoth(f string) bool {
	lead, _, ok := strings.Cut(f, ":")
	if !ok {
		return false
	}
	ks := classifySections(lead)
	return slices.Contains(ks, secAwards) && slices.Contains(ks, secNominations) && aboutNominations(lead)
}

// aboutNominations tells whether words are about nominations for awards.
func aboutNominations(f string) bool {
	return hasAny(f, "kien nghi", "de nghi", "xet tang", "trinh tang", "de xuat khen")
}

// outsideBrackets returns f with what stands in brackets blanked out,
// keeping every other byte where it was.
func outsideBrackets(f string) string {
	if !strings.Contains(f, "(") {
		return f
	}
	b := []byte(f)
	depth := 0
	for i, c := range b {
		switch {
		case c == '(':
			depth++
			b[i] = ' '
		case c == ')' && depth > 0:
			depth--
			b[i] = ' '
		case depth > 0:
			b[i] = ' '
		}
	}
	return string(b)
}
