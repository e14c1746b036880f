package docimport

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"doingoai/models"
)

var (
	sendRe        = re(`\bcu\s+\S+\s+(?:doan|luot|can bo)\b.*\b(?:nuoc ngoai|tai|sang)\b`)
	delegCountRe  = re(`\b` + cnt + `\s+(?:luot\s+)?doan\b`)
	delegPeopleRe = re(`\b` + cnt + `\s+(?:luot\s+)?(?:nguoi|thanh vien|dai bieu|can bo|khach|dong chi|luot khach)\b`)
)

// delegationGroup tells which kind of delegation a clause is about:
// "outbound", "inbound_foreign", "inbound_domestic", or "" when it names
// none or several.
func delegationGroup(f string) string {
	var g []string
	switch {
	case hasAny(f, "doan ra", "di cong tac nuoc ngoai", "ra nuoc ngoai", "di nuoc ngoai", "cong tac o nuoc ngoai", "cong tac tai nuoc ngoai", "cu doan") || sendRe.MatchString(f):
		g = append(g, "outbound")
		if hasAny(f, "doan vao", "doan nuoc ngoai", "trong nuoc") {
			return ""
		}
	}
	if hasAny(f, "doan nuoc ngoai", "doan vao nuoc ngoai", "doan khach nuoc ngoai", "khach nuoc ngoai", "doan quoc te", "khach quoc te", "nuoc ngoai den", "nuoc ngoai vao") && len(g) == 0 {
		g = append(g, "inbound_foreign")
	}
	if hasAny(f, "trong nuoc") {
		g = append(g, "inbound_domestic")
	}
	if len(g) != 1 {
		return ""
	}
	return g[0]
}

// delegations reads section 1: delegations abroad and visiting.
func (r *reader) delegations() {
	if r.noneIn(secDelegations, "delegations.outbound.count", "delegations.outbound.people", "delegations.inbound_domestic.count",
		"delegations.inbound_domestic.people", "delegations.inbound_foreign.count", "delegations.inbound_foreign.people") {
		return
	}
	weak := r.delegationLists()
	r.datedClauses(weak)
	defer func() {
		for path, c := range weak {
			if _, ok := r.vals[path]; !ok && r.bad[path] == nil && r.seen[path] == nil {
				r.put(path, c)
			}
		}
	}()
	ctx := "" // what a label line before says of the delegations after it ("b) Đoàn nước ngoài:")
	sh := 0   // the sub-headings before the line
	// The lines may be the items of a count the line before gave ("… 09
	// đoàn, trong đó:"): details is then that line's own mark ("*", "",
	// …) and item the mark of its items, once seen.
	var details, item *string
	last := -1 // the line before
	for _, l := range joinPeopleLines(r.delegationLines()) {
		if details != nil {
			m := itemMark(l.fold)
			if l.n == last+1 && m != "" && m != *details && (item == nil || *item == m) {
				last = l.n
				item = &m
				continue // "+ 05 đoàn doanh nghiệp Hàn Quốc;": a part of the count above
			}
			details, item = nil, nil
		}
		last = l.n
		for ; sh < len(r.d.subheads) && r.d.subheads[sh].n <= l.n; sh++ {
			// "b) Đoàn nước ngoài đến làm việc:" says which delegations
			// the lines under it count; "1. Đoàn ra, đoàn vào", none.
			// A heading with words after its colon says them of its own
			// line only ("1. Đoàn ra: Không. Đoàn vào: …").
			h := r.d.subheads[sh].fold
			head, inline := h, ""
			if i := strings.IndexByte(outsideBrackets(h), ':'); i >= 0 {
				head, inline = h[:i], h[i+1:]
			}
			head = outsideBrackets(head)
			ctx = ""
			if g := originOf(head, r.places); g != "mixed" && (strings.TrimSpace(inline) == "" || strings.TrimSpace(inline) == "co") {
				// "B2. Đoàn trong nước đến làm việc: ☒ Có" over "Số đoàn:
				// 05 Số người: 38": a form's "yes" says the figures follow.
				ctx = g
			}
		}
		// What the paragraph's lead says ("- Đoàn nước ngoài: …") is said
		// of each of its clauses.
		lineCtx := ctx
		lead := l.fold
		if in, ok := r.d.headed[l.n]; ok {
			lead = in.fold
		}
		if m := leadRe.FindStringSubmatch(lead); m != nil {
			if g := originOf(m[1], r.places); g != "" && g != "mixed" {
				lineCtx = g
			}
		}
		var ds []delegRead
		one := -1  // a single delegation counted without its people, in this paragraph
		bare := -1 // the count of the clause just before, if it said no people
		// detailOf is the clause whose total a breakdown ("…, trong đó
		// …") details while its parts go on after semicolons.
		detailOf := -1
		cs := clauses(l.text)
		seps := clauseSeps(l.text, cs)
		for i, c := range cs {
			if detailOf >= 0 && (seps[i] != ';' || moreRe.MatchString(c.fold)) {
				detailOf = -1
			}
			if m := leadRe.FindStringSubmatch(c.fold); m != nil && i > 0 && strings.Contains(m[1], "doan") {
				// "Đoàn ra: Không. Đoàn vào: …": a clause's own lead says
				// what it and the clauses after it count.
				lineCtx = ""
				if g := originOf(m[1], r.places); g != "mixed" {
					lineCtx = g
				}
			}
			full := c
			if in, ok := r.d.headed[l.n]; ok && i == 0 && strings.HasSuffix(in.fold, l.fold) {
				// The first words after a heading's colon may need the
				// heading to say which delegations they are about ("1.
				// Đoàn ra: Không").
				full = sub(in.text, 0, len(in.fold)-len(l.fold)+len(c.fold))
				if delegationGroup(c.fold) == "" && !strings.Contains(c.fold, "doan vao") {
					c = full
				}
			}
			if detailStartRe.MatchString(c.fold) && i > 0 {
				detailOf = i - 1
			}
			if dcs := delegationCounts(full, r.d.period, r.places); len(dcs) > 0 {
				add := delegReads(dcs, lineCtx, i)
				if detailOf >= 0 && detailOf < i {
					// "…12 đoàn khách nước ngoài …; trong đó có 03 đoàn cấp
					// cao (…)": the detail of a count of the clause before;
					// and "…, trong đó 6 tháng đầu năm đón 01 đoàn; từ
					// tháng 7 đón 03 đoàn": its parts after a semicolon.
					add = slices.DeleteFunc(add, func(d delegRead) bool {
						return slices.ContainsFunc(ds, func(p delegRead) bool { return p.clause == detailOf && p.group == d.group })
					})
				}
				if detailOf < 0 && len(add) > 0 && detailAfterCount(c.fold) {
					detailOf = i
				}
				one, bare = -1, -1
				if len(add) == 1 && add[0].n.n == 1 && len(add[0].people) == 0 {
					one = len(ds)
				}
				if len(add) == 1 && len(add[0].people) == 0 {
					bare = len(ds)
				}
				ds = append(ds, add...)
				continue
			}
			if bare >= 0 && peopleLeadRe.MatchString(c.fold) {
				// "Số đoàn: 02 đoàn; số người: 11 người": the people of
				// the count just before.
				if ps := counts(c, delegPeopleRe); len(ps) == 1 {
					ds[bare].people = ps
				}
				bare, one = -1, -1
				continue
			}
			bare = -1
			if one >= 0 && delegationGroup(c.fold) == "" && strings.Contains(c.fold, "doan") {
				// "Đoàn nước ngoài: 01 đoàn. Ngày 14/10, đoàn chuyên gia … gồm
				// 06 người …": the people of that one delegation.
				if ps := counts(c, delegPeopleRe); len(ps) == 1 {
					ds[one].people = ps
				}
				one = -1
				continue
			}
			one = -1
			r.delegationClause(c)
		}
		if l.fig != nil && len(ds) == 1 && ds[0].total && len(ds[0].people) == 0 && l.fig.unit == "nguoi" {
			// The total row of a table of delegations, one by one: "Cộng:
			// 03 đoàn | 25", its people in the column of people.
			if vs := valuesOf(l.fig.value, ""); len(vs) == 1 {
				if n, err := ParseInt(vs[0].num); err == nil {
					ds[0].people = []cand{intCand(n, whole(l.text))}
				}
			}
		}
		if m := leadRe.FindStringSubmatch(lead); m != nil && listLeadRe.MatchString(m[1]) {
			// "Đoàn ra gồm: 01 đoàn 05 người đi Thái Lan; 01 đoàn 04 người
			// đi Hàn Quốc": each clause after the lead is an item of one
			// list, not the same count said again.
			for k := range ds {
				ds[k].clause = 0
			}
		}
		r.putDelegations(ds)
		// A line, or its last sentence, that ends with a colon says which
		// delegations the lines after it count ("Đoàn nước ngoài đến làm
		// việc như sau (…):").
		if cs := clauses(l.text); len(cs) > 0 {
			last := strings.TrimSpace(cs[len(cs)-1].fold)
			if len(ds) > 0 && detailEndRe.MatchString(last) {
				// "Đón tiếp 09 đoàn với 87 người, trong đó:": the items
				// under it break down the count it gave.
				m := itemMark(l.fold)
				details = &m
			}
			if len(strings.Fields(last)) <= 14 && strings.HasSuffix(last, ":") {
				ctx = ""
				if g := originOf(outsideBrackets(last), r.places); g != "mixed" {
					ctx = g
				}
			}
		}
	}
}

// clauseSeps gives for each clause of t the mark that ended the one
// before it (';' or '.'), 0 for the first.
func clauseSeps(t text, cs []text) []byte {
	out := make([]byte, len(cs))
	at := 0
	for i, c := range cs {
		k := strings.Index(t.fold[at:], c.fold)
		if k < 0 {
			break
		}
		if i > 0 {
			if j := strings.LastIndexAny(t.fold[:at+k], ";."); j >= 0 {
				out[i] = t.fold[j]
			}
		}
		at += k + len(c.fold)
	}
	return out
}

// peopleLineRe is a form's line that gives only the people of the count
// on the line before it: "- Số người: 71 người.", "- Số lượt người đi: 04
// (bốn) người.".
var peopleLineRe = re(`^\s*[-+•*]?\s*(?:so nguoi|so luot nguoi|tong so nguoi|so thanh vien)\b[^0-9:]{0,20}:\s*\d`)

// joinPeopleLines joins to a line that counts delegations and not their
// people ("- Số đoàn ra: 01 đoàn.") the line right under it that gives
// only people (peopleLineRe), as one line of two clauses: the people are
// that count's.
func joinPeopleLines(lines []line) []line {
	var out []line
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if i+1 < len(lines) {
			next := lines[i+1]
			if next.n == l.n+1 && l.fig == nil && next.fig == nil && peopleLineRe.MatchString(next.fold) && !strings.Contains(next.fold, "doan") &&
				itemMark(l.fold) == itemMark(next.fold) && strings.Contains(l.fold, "doan") && len(counts(l.text, delegPeopleRe)) == 0 {
				rest := strings.TrimLeft(next.orig, "-+•* ")
				head := strings.TrimRight(l.orig, ".; ")
				t := carryMasks(newText(head+"; "+rest), l.text, 0)
				t = carryMasks(t, next.text, len(head)+2-(len(next.orig)-len(rest)))
				out = append(out, line{text: t, n: l.n})
				i++
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

// detailAfterCount tells whether a clause breaks down a count it gives:
// "trong đó" after its first figure, outside brackets.
func detailAfterCount(f string) bool {
	f = outsideBrackets(f)
	d := strings.IndexFunc(f, isDigitRune)
	return d >= 0 && detailRe.MatchString(f[d:])
}

// moreRe begins a clause that adds to what was said ("ngoài ra …"), no
// part of a breakdown.
var moreRe = re(`^\s*(?:ngoai ra|them|con lai|ben canh do)\b`)

// peopleLeadRe begins a clause that only gives the people of the count
// before it ("số người: 11 người", "tổng số 34 lượt người").
var peopleLeadRe = re(`^\s*(?:so nguoi|so thanh vien|so luot nguoi|tong so nguoi|tong so|voi tong so|voi|gom)\b[^0-9]{0,20}\d`)

// delegationLines are the lines of section 1, and the paragraphs of the
// results under no section that tell of delegations abroad and visiting
// ("1. Công tác đối ngoại của Đảng, chính quyền" over "Về đoàn ra, …").
func (r *reader) delegationLines() []line {
	own := r.d.parts[secDelegations]
	var more []line
	for _, k := range []string{secResults, secOther} {
		for _, l := range r.d.parts[k] {
			if l.fig == nil && hasAny(l.fold, "doan ra", "doan vao") && !slices.ContainsFunc(own, func(o line) bool { return o.n == l.n }) {
				more = append(more, l)
			}
		}
	}
	if len(more) == 0 {
		return own
	}
	out := append(append([]line{}, own...), more...)
	slices.SortStableFunc(out, func(a, b line) int { return a.n - b.n })
	return out
}

// itemMark is the mark an item of a list begins with ("+", "a)"), or "".
func itemMark(f string) string {
	m := itemLineRe.FindString(f)
	m = strings.TrimSpace(m)
	if len(m) == 2 && m[1] == ')' {
		return "a)" // "a)", "b)": one kind of mark
	}
	return m
}

// detailEndRe ends a line whose items below detail it ("…, trong đó:").
var detailEndRe = re(`\b(?:trong do|chi tiet|` + listWords + `)\s*:$`)

// listLeadRe ends a lead that announces a list ("Đoàn ra gồm:", "… như
// sau:", "cụ thể:").
var listLeadRe = re(`\b(?:` + listWords + `)\s*$`)

// listWords announce a list: "gồm", "như sau", "cụ thể" …
const listWords = `gom|bao gom|nhu sau|cu the|sau day`

// detailStartRe begins a clause that details the one before ("trong đó
// …", "cụ thể: …").
var detailStartRe = re(`^\s*(?:trong do|cu the|bao gom|gom)\b`)

// delegRead is a count of delegations a paragraph gives, with the group
// it is of.
type delegRead struct {
	group  string
	n      cand
	people []cand
	clause int
	total  bool
	// generic tells whether its words name all of a kind ("nước
	// ngoài", "trong nước"), not one origin ("của bạn Lào").
	generic bool
}

// delegReads are the counts of one clause that are figures: not of
// another period, not the detail of a total whose group is known, and of
// one group (ctx when their words name none).
func delegReads(dcs []delegCount, ctx string, clause int) []delegRead {
	groupOf := func(dc delegCount) string {
		if dc.group == "" {
			return ctx
		}
		return dc.group
	}
	var out []delegRead
	for _, dc := range dcs {
		if dc.other {
			continue
		}
		g := groupOf(dc)
		if dc.detail >= 0 {
			if t := dcs[dc.detail]; groupOf(t) != "" || t.other {
				continue // "05 đoàn nước ngoài, gồm 03 đoàn …": the detail of a total read
			}
		}
		if g == "" || g == "mixed" || ctx == "outbound" && g == "inbound_foreign" && !dc.inbound {
			continue // under "a) Đoàn ra", "02 đoàn (Lào)" went there
		}
		out = append(out, delegRead{group: g, n: dc.n, people: dc.people, clause: clause, total: dc.total, generic: dc.generic})
	}
	return out
}

// putDelegations puts the counts of delegations of a paragraph. A count
// said to be the total is the figure; else several counts of one group in
// one clause are the items of a list ("04 đoàn … (Lào) và 01 đoàn … phía
// Trung Quốc"), added up; counts of one group in two clauses are two
// readings.
func (r *reader) putDelegations(ds []delegRead) {
	var order []string
	by := map[string][]delegRead{}
	for _, d := range ds {
		if by[d.group] == nil {
			order = append(order, d.group)
		}
		by[d.group] = append(by[d.group], d)
	}
	for _, g := range order {
		rs := by[g]
		var totals []delegRead
		for _, d := range rs {
			if d.total {
				totals = append(totals, d)
			}
		}
		if len(totals) > 0 {
			rs = totals
		} else {
			rs = sumItems(rs)
		}
		path := "delegations." + g
		var cnts, people []cand
		for _, d := range rs {
			if !slices.ContainsFunc(cnts, func(c cand) bool { return c.n == d.n.n }) {
				cnts = append(cnts, d.n)
				people = append(people, d.people...)
			}
		}
		if len(cnts) == 1 && len(rs) > 1 && distinctAlike(rs) {
			// "tiếp 01 đoàn Đại sứ quán Úc (04 người). Ngoài ra tiếp 01
			// đoàn tổ chức JICA (05 người)": two alike counts of other
			// people are two delegations, or one said twice — both
			// readings, never 1 with the first one's people.
			var n, p int64
			var qs []string
			var ps []cand
			for _, d := range rs {
				n += d.n.n
				p += d.people[0].n
				qs = append(qs, d.n.quote)
				ps = append(ps, d.people[0])
			}
			q := strings.Join(qs, "; ")
			r.putReadings(path+".count", []cand{cnts[0], intCand(n, q)})
			r.putReadings(path+".people", dedup(append(ps, intCand(p, q))))
			continue
		}
		r.putReadings(path+".count", cnts)
		if len(cnts) != 1 {
			continue
		}
		if cnts[0].n == 0 {
			r.putInt(path+".people", 0, cnts[0].quote)
		} else {
			r.putReadings(path+".people", dedup(people))
		}
	}
}

// distinctAlike tells whether reads of one count from different clauses
// each give their people, not all the same: they cannot be one figure
// said twice.
func distinctAlike(rs []delegRead) bool {
	differ := false
	for _, d := range rs {
		if len(d.people) != 1 || d.n.n != rs[0].n.n || d.n.n == 0 {
			return false
		}
		if d.clause == rs[0].clause && d.n.quote != rs[0].n.quote {
			return false
		}
		if d.people[0].n != rs[0].people[0].n {
			differ = true
		}
	}
	return differ
}

// sumItems adds up the counts of one group that one clause lists, and
// their people when each says its own.
func sumItems(rs []delegRead) []delegRead {
	var out []delegRead
	for i := 0; i < len(rs); {
		j := i + 1
		for j < len(rs) && rs[j].clause == rs[i].clause {
			j++
		}
		if j-i == 1 {
			out = append(out, rs[i])
			i = j
			continue
		}
		if t := rs[i]; j-i > 2 && !t.generic {
			// "02 đoàn, 13 người — 01 đoàn … (08 người) và 01 đoàn …
			// (05 người)": a count whose items after it add up to it is
			// their total, the figure; the items confirm it.
			var n int64
			for _, d := range rs[i+1 : j] {
				n += d.n.n
			}
			if n == t.n.n {
				out = append(out, t)
				i = j
				continue
			}
		}
		var generic []delegRead
		for _, d := range rs[i:j] {
			if d.generic {
				generic = append(generic, d)
			}
		}
		if len(generic) > 0 {
			// "05 đoàn nước ngoài, 01 đoàn Đại sứ quán Úc": the one said
			// of them all is the figure, not a sum.
			out = append(out, generic...)
			i = j
			continue
		}
		s := delegRead{group: rs[i].group, clause: rs[i].clause}
		var n, p int64
		allPeople := true
		var qs []string
		for _, d := range rs[i:j] {
			n += d.n.n
			qs = append(qs, d.n.quote)
			if len(d.people) == 1 {
				p += d.people[0].n
			} else {
				allPeople = false
			}
		}
		s.n = intCand(n, strings.Join(qs, "; "))
		if allPeople {
			s.people = []cand{intCand(p, strings.Join(qs, "; "))}
		}
		out = append(out, s)
		i = j
	}
	return out
}

// dedup keeps each value of rs once.
func dedup(rs []cand) []cand {
	var out []cand
	for _, c := range rs {
		if !slices.ContainsFunc(out, func(x cand) bool { return x.d == c.d }) {
			out = append(out, c)
		}
	}
	return out
}

// delegationItemRe is an item of a list of delegations, one by one: a
// dash, then its date ("- Ngày 12/02/2024: Đoàn …", "- 16/4: Đoàn …",
// "- Tháng 3/2024, đón đoàn …").
var delegationItemRe = re(`^[-–+•*]\s*(?:(?:(?:ngay|thang)\s+)?\d{1,2}\s*/\s*\d{1,4}\b[^:]{0,20}:?\s*,?\s*(?:tiep\s+|don\s+|don tiep\s+|tiep don\s+)?doan\b|doan\s+[^:]{3,}$)`)

// labelItemRe begins a line that names a kind of delegations, no item of
// a list ("- Đoàn ra không có", "- Đoàn nước ngoài 02 đoàn").
var labelItemRe = re(`^[-–+•*]\s*doan\s+(?:ra|vao|trong nuoc|nuoc ngoai|quoc te)\b`)

// datedItemRe begins an item of a list by its date ("+ Tháng 9/2024: đội
// văn nghệ xã …"): after a first item that says "đoàn", the next of one
// list.
var datedItemRe = re(`^[-–+•*]\s*(?:(?:ngay|thang)\s+)?\d{1,2}\s*/\s*\d{1,4}\b`)

// homeItemRe is a dated item that tells of something at home, no
// delegation ("+ Tháng 10/2024: cán bộ xã dự tập huấn tại tỉnh (03
// người)"): it ends the list.
var homeItemRe = re(`\b(?:tap huan|boi duong|hop dan|(?:tai|o)\s+(?:tinh|huyen|xa)\s*(?:$|[,.;()]))`)

func isDelegationItem(f string) bool {
	return delegationItemRe.MatchString(f) && !labelItemRe.MatchString(f)
}

// delegationLists counts the delegations of a list that gives them one
// by one, under a line that says which ("c) Đoàn vào nước ngoài:"), or
// each item saying where it came from ("- Ngày 15/3: tiếp đoàn công tác
// huyện X (Lào) gồm 08 người"): as many delegations as items. A count
// stated elsewhere that differs leaves the figure unresolved, with both
// readings. The people of the items, each stated, add up when no total
// is stated (weak).
func (r *reader) delegationLists() map[string]cand {
	weak := map[string]cand{}
	lines := r.d.lines
	for i := 0; i < len(lines); i++ {
		if !isDelegationItem(lines[i].fold) || i == 0 {
			continue
		}
		// The list begins at its first dated item, though that one says no
		// "đoàn" ("+ Ngày 16/8: Tổ chức X khảo sát …, 04 người;" before
		// "+ Ngày 21/10: Đoàn công tác …"): its lead is the line before it.
		for i > 1 && datedItemRe.MatchString(lines[i-1].fold) && !homeItemRe.MatchString(lines[i-1].fold) && !labelItemRe.MatchString(lines[i-1].fold) {
			i--
		}
		lead := lines[i-1]
		if cs := clauses(lead.text); len(cs) > 1 {
			// "… Các đoàn khách nước ngoài đến làm việc với xã gồm:": the
			// lead is the line's last sentence.
			lead = line{text: cs[len(cs)-1], n: lead.n}
		}
		g := delegationGroup(lead.fold)
		if g == "" && strings.Contains(lead.fold, "doan vao") {
			switch {
			case hasAny(lead.fold, "nuoc ngoai", "quoc te") && !strings.Contains(lead.fold, "trong nuoc"):
				g = "inbound_foreign"
			case strings.Contains(lead.fold, "trong nuoc") && !strings.Contains(lead.fold, "nuoc ngoai"):
				g = "inbound_domestic"
			}
		}
		if !strings.HasSuffix(strings.TrimSpace(lead.fold), ":") && !slices.ContainsFunc(r.d.subheads, func(h line) bool { return h.n == lead.n }) {
			g = "" // the line before is no lead of the list
		}
		j := i
		for j < len(lines) && (isDelegationItem(lines[j].fold) || datedItemRe.MatchString(lines[j].fold) && !homeItemRe.MatchString(lines[j].fold)) {
			j++
		}
		i0 := i
		i = j - 1
		var people int64
		allPeople, byItems := true, false
		for k := i0; k < j; k++ {
			item := lines[k]
			// Where each came from, by its own words, after its date.
			at := 0
			if m := delegationItemRe.FindStringIndex(item.fold); m != nil {
				at = m[1] - 4 // from its "đoàn"
			} else if m := datedItemRe.FindStringIndex(item.fold); m != nil {
				at = m[1]
			}
			own := originOf(item.fold[at:], r.places)
			if g == "outbound" && !byItems && own == "inbound_foreign" {
				own = g // "Đoàn ra: …" over "- … dự lễ hội tại huyện X (Lào)": where they went
			}
			switch {
			case g == "" && k == i0:
				g, byItems = own, true
			case own != "" && own != g, g == "", byItems && own != g:
				g = "mixed" // two origins, or one an item does not say
			}
			ps := counts(item.text, delegPeopleRe)
			if len(ps) == 0 {
				ps = bracketCounts(item.text, delegPeopleRe) // "- Đoàn … (09 người), ngày …"
			}
			if len(ps) == 1 {
				people += ps[0].n
			} else {
				allPeople = false
			}
		}
		if g != "inbound_foreign" && g != "inbound_domestic" && g != "outbound" {
			continue
		}
		q := whole(lead.text) + " … " + whole(lines[j-1].text)
		r.putInt("delegations."+g+".count", int64(j-i0), q)
		if allPeople {
			weak["delegations."+g+".people"] = intCand(people, q)
		}
	}
	return weak
}

// datedClauseRe is a clause that tells of one delegation by its date,
// with no count: "ngày 14/3/2024 đoàn Tổ chức X khảo sát …", "ngày 22/8,
// tiếp đoàn …".
var datedClauseRe = re(`^\s*(?:(?:ngay|thang)\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?\s*[,:]?\s*(?:tiep\s+|don\s+|don tiep\s+|tiep don\s+)?doan\b`)

// listTotalRe is a clause that sums up a list ("tổng số 15 lượt khách").
var listTotalRe = re(`^\s*(?:tong so|tong cong|cong)\b`)

// datedClauses counts the delegations a line lists one by one in its
// clauses, after a lead that says which: "+ Đón tiếp khách nước ngoài:
// ngày 14/3/2024 đoàn … (06 người); ngày 22/8/2024 đoàn … (09 người); tổng
// số 15 lượt khách quốc tế." — as many as its dated clauses, when every
// clause is one of them or the total, none counts delegations itself and
// none is dated in another year. The count is weak: a count the document
// states is read instead.
func (r *reader) datedClauses(weak map[string]cand) {
	for _, l := range r.delegationLines() {
		lead, rest, ok := strings.Cut(l.fold, ":")
		if !ok || l.fig != nil {
			continue
		}
		g := delegationGroup(lead)
		if g == "" {
			continue
		}
		at := len(lead) + 1
		items := 0
		for _, part := range strings.Split(strings.TrimRight(strings.TrimSpace(rest), "."), ";") {
			switch {
			case strings.TrimSpace(part) == "" || listTotalRe.MatchString(part):
			case datedClauseRe.MatchString(part) && len(counts(newText(part), delegCountRe)) == 0 && !otherPeriod(part, r.d.period.year):
				items++
			default:
				items = -100 // a clause of something else: no list
			}
		}
		if items < 2 {
			continue
		}
		path := "delegations." + g + ".count"
		if _, ok := weak[path]; !ok {
			weak[path] = intCand(int64(items), whole(sub(l.text, at, len(l.fold))))
		}
	}
}

// delegationClause reads what a clause that counts no delegation says of
// them: none ("Đoàn ra: Không", "không có đoàn nước ngoài"), or the people
// of a list ("Tổng cộng 29 lượt khách nước ngoài").
func (r *reader) delegationClause(c text) {
	g := delegationGroup(c.fold)
	if _, after, ok := strings.Cut(c.fold, ":"); g == "" && ok {
		// "Đoàn ra, đoàn vào: không có đoàn ra": the words after the lead.
		g = delegationGroup(after)
	}
	if g == "" {
		// "Đoàn vào: trong nước 03 đoàn; nước ngoài: không", "- Nước
		// ngoài: 02 đoàn": the visitors of one kind.
		switch f := strings.TrimLeft(c.fold, "-+*• "); {
		case strings.HasPrefix(f, "nuoc ngoai") && !hasAny(f, "doan ra", "di nuoc ngoai"):
			g = "inbound_foreign"
		case strings.HasPrefix(f, "trong nuoc"):
			g = "inbound_domestic"
		}
	}
	if g == "" {
		// "Đoàn vào: Không": no delegation came, from at home or abroad.
		if strings.Contains(c.fold, "doan vao") && r.none(c.fold) && !hasAny(c.fold, "doan ra") {
			q := whole(c)
			for _, g := range []string{"inbound_domestic", "inbound_foreign"} {
				r.putInt("delegations."+g+".count", 0, q)
				r.putInt("delegations."+g+".people", 0, q)
			}
		}
		return
	}
	path := "delegations." + g
	people := counts(c, delegPeopleRe)
	switch {
	case len(people) == 1 && hasAny(c.fold, "tong cong", "tong so"):
		// "Tổng cộng 29 lượt khách nước ngoài": the people of a list.
		r.putReadings(path+".people", people)
	case len(people) == 0 && r.none(c.fold):
		q := whole(c)
		r.putInt(path+".count", 0, q)
		r.putInt(path+".people", 0, q)
	}
}

// ngoLine tells whether a line of section 5 is about NGO aid.
func ngoLine(f string) bool {
	return hasAny(f, "phi chinh phu", "vien tro", "pcpnn", "du an", "tai tro") || programmeRe.MatchString(f) || giftLead(f)
}

// giftLead tells whether a line begins, after its bullet, with a foreign
// organisation giving ("- Tổ chức X (Úc) hỗ trợ …").
func giftLead(f string) bool {
	f = bulletRe.ReplaceAllString(f, "")
	return donorLead(f) != nil
}

// donorLead finds, at the start of an entry, a foreign organisation
// giving: "Tổ chức X (Hoa Kỳ) tài trợ …" (no body of the country's own),
// or a fund, an association, an alliance or a network named with its
// country in brackets ("Quỹ Từ thiện Y (Đài Loan) hỗ trợ …"; "Quỹ Vì
// người nghèo huyện hỗ trợ …" is the country's own).
func donorLead(f string) []int {
	if m := donorLeadRe.FindStringSubmatchIndex(f); m != nil && !domesticOrgRe.MatchString(f) {
		return m
	}
	if m := fundLeadRe.FindStringSubmatchIndex(f); m != nil && countryRe.MatchString(f[m[4]:m[5]]) && !notCountryRe.MatchString(f[m[4]:m[5]]) {
		return m
	}
	return nil
}

var (
	projectCountRe = re(`\b` + cnt + `\s+(?:du an|chuong trinh)\b`)
	committedRe    = re(`\b(?:cam ket|tri gia|tong gia tri|gia tri|tong kinh phi|kinh phi|tong von|von vien tro|von tai tro|tong so von|so von|nguon von|tong muc dau tu|tong so tien|so tien|(?:tai tro|vien tro)\s*:)` + gap(25) + moneyRe.String())
	// disbursedRe: "đã giải ngân 02 đợt, tổng cộng 770.000.000 đồng" —
	// the number of tranches, then their total, is no gap's digit.
	disbursedRe = re(`\b(?:giai ngan(?:\s+(?:duoc\s+)?\d{1,2}\s+(?:dot|lan)\s*,?\s*(?:voi\s+)?(?:tong cong|tong so tien|tong so|tong)\b)?|da (?:trao|cap)(?: tang)? (?:du|het|toan bo))` + gap(25) + moneyRe.String())
	// trancheDisbursedRe is an amount disbursed as a tranche ("giải ngân
	// đợt 1 là 360.000.000 đồng"); trancheRe names a tranche.
	trancheDisbursedRe = re(`\bgiai ngan\s+(?:duoc\s+)?(?:dot|lan)\s+(?:thu\s+)?(?:\d{1,2}|nhat|mot|hai|ba)\s*(?:la|:|voi|so tien|voi so tien)?\s*` + moneyRe.String())
	trancheRe          = re(`\b(?:dot|lan)\s+(?:thu\s+)?(?:\d{1,2}|nhat|mot|hai|ba)\b`)
	notDisbursedRe     = re(`\b(?:chua|khong)\s+(?:duoc\s+)?giai ngan\b`)
	projectNameRe      = re(`\bdu an\s*:?\s*`)
	donorRe            = re(`\bdo\s+(?:to chuc\s+)?(.+?)\s*(?:\(([^)]+)\)\s*)?(?:tai tro|vien tro|ho tro|tai tro)\b`)
	// donorBeforeRe names the donor before the project: "Tổ chức X tài
	// trợ dự án …", "Quỹ Y viện trợ xây dựng dự án …".
	donorBeforeRe = re(`\b((?:to chuc|quy|hoi|lien minh|mang luoi|tap doan)\s[^,;:.]{2,80}?)\s+(?:tai tro|vien tro|ho tro)\s+(?:(?:xay dung|thuc hien|trien khai|cho xa|cho phuong)\s+)?du an\b`)
	// otherNameRe is a name in another language, in Latin letters, every
	// word but a short one capitalised ("East Meets West", "Friends of
	// Hue").
	otherNameRe = regexp.MustCompile(`^[A-Z][A-Za-z'&.-]*(?:\s+(?:[A-Z][A-Za-z'&.-]*|of|for|the|and|de|du|la))+$`)
	// donorLeadRe is an entry that begins with a foreign organisation
	// giving: "Tổ chức Pacific Links (Hoa Kỳ) tài trợ …" (not a body of
	// the country's own: "Tổ chức Đoàn", "tổ chức chính trị - xã hội").
	// The gift may go through a programme, and be support ("Tổ chức X
	// (World Vision) thông qua Chương trình … hỗ trợ nâng cấp …", "Tổ
	// chức X (World Vision) - Chương trình phát triển vùng Y tài trợ …").
	donorLeadRe = re(`^((?:to chuc)\s(?:[^,;:.()]{2,80}?))\s*(?:\(([^)]+)\)\s*)?(?:(?:thong qua|[-–]\s*(?:chuong trinh|van phong))\s[^,;:.()]{2,80}?\s)?(?:tai tro|vien tro|ho tro|trao tang|trao|tang)\s+`)
	// aidPartRe is the aid's part of a work's whole cost: "trong đó vốn
	// viện trợ của Tổ chức A là 860 triệu đồng".
	aidPartRe = re(`^[^;]{0,12}?\btrong do\s*,?\s*(?:phan\s+|nguon\s+)?(?:von|kinh phi)\s+(?:vien tro|tai tro)` + gap(100) + moneyRe.String())
	// fundLeadRe is an entry that begins with a fund, an association, an
	// alliance or a network, its country in brackets, giving.
	fundLeadRe = re(`^((?:quy|hoi|lien minh|mang luoi)\s(?:[^,;:.()]{2,80}?))\s*\(([^)]+)\)\s*(?:(?:thong qua|[-–]\s*(?:chuong trinh|van phong))\s[^,;:.()]{2,80}?\s)?(?:tai tro|vien tro|ho tro|trao tang|trao|tang)\s+`)
	// acronymRe is a short name in capitals ("EMW", "JICA").
	acronymRe = regexp.MustCompile(`^[A-Z][A-Z0-9&.-]{1,9}$`)
	// donorOfRe names the donor after "của": "Dự án … của Tổ chức …".
	donorOfRe = re(`\bcua\s+((?:to chuc|quy|hoi|lien minh|mang luoi|chinh phu)\s[^,;:.()]{2,80}?)\s*(?:[,;:.(]|$|\s(?:tai tro|vien tro|ho tro|voi|co|tong|da|dang|tri gia|gia tri|kinh phi)\b)`)
	// donorLabelRe is the donor said by its label: "nhà tài trợ: …".
	donorLabelRe = re(`\b(?:nha tai tro|to chuc tai tro|don vi tai tro|co quan tai tro)\s*:?\s*([^;,()]{2,120}?)\s*(?:[;,()]|$)`)
	// givenRe is an amount right after the verb of giving: "do Quỹ A tài
	// trợ 500 triệu đồng", "viện trợ với tổng kinh phí 1,2 tỷ đồng".
	givenRe     = re(`\b(?:tai tro|vien tro)\s+(?:voi\s+)?(?:(?:tong\s+)?(?:so tien|kinh phi|so von)\s+)?(?:la\s+)?` + moneyRe.String())
	itemSplitRe = re(`(?:^|\s)(?:\(\d{1,2}\)|\d{1,2}\)|[a-d]\))\s+`)
)

// ngo reads the NGO aid of section 5: none, or the projects one by one,
// with the value committed and disbursed in đồng.
func (r *reader) ngo() {
	lines := r.withFootnotes(joinContinued(r.sectionLines(secPeopleNgo)))
	if q, ok := r.nothing(secPeopleNgo); ok {
		r.rep.NgoAid.Projects = []models.NgoProject{}
		r.res.Found = append(r.res.Found, Found{Field: "ngo_aid.projects", Value: 0, Text: q})
		return
	}
	var stated []int64
	var statedQ, noneQ string
	statedQs := map[int64]string{} // the words of each count stated
	projects, found := r.tableProjects()
	// A table's row "Dự án viện trợ PCPNN | dự án | 0", wherever the table
	// stands, and the rows of the value committed and disbursed under it.
	var unres []Found // a project's figure given two ways
	var countRow *line
	var committed, disbursed []cand
	countAt := -10 // the place of the count row among the rows
	for k, l := range append(r.figLines(), labelledRows(lines)...) {
		lf := l.fig.label.fold
		if ngoCountLabel(lf) {
			if v := l.fig.value.fold; negative(v) && !strings.ContainsAny(v, "0123456789") {
				noneQ = whole(l.text) // "Không có dự án"
				continue
			}
			if vs := valuesOf(l.fig.value, l.fig.unit); len(vs) == 1 && (vs[0].unit == "du an" || vs[0].unit == "" && (hasAny(lf, "du an") || vs[0].num == "0")) {
				if n, err := ParseInt(vs[0].num); err == nil && n == 0 {
					noneQ = whole(l.text)
				} else if err == nil {
					if !slices.Contains(stated, n) {
						stated = append(stated, n)
					}
					statedQ, countRow, countAt = whole(l.text), &l, k
					statedQs[n] = statedQ
				}
			}
			continue
		}
		// The value rows of the projects: right under their count, or
		// naming them ("Vốn đầu tư cam kết" of a table of the economy is
		// not).
		if kind := aggregateKind(lf); kind != "" && (k-countAt <= 3 || hasAny(lf, "du an", "vien tro", "pcpnn", "phi chinh phu")) {
			v, ok := int64(0), false
			if vs := valuesOf(l.fig.value, l.fig.unit); len(vs) == 1 && vs[0].isMon {
				v, ok = vs[0].money, true // the unit column's: "tr đồng", "1.000 đồng"
			} else if len(vs) == 1 && vs[0].num == "0" {
				v, ok = 0, true
			} else if len(vs) == 0 {
				v, ok = cellMoney(l.fig.value) // "Chưa giải ngân"
			}
			if !ok {
				continue
			}
			c := cand{n: v, quote: whole(l.text)}
			if kind == "committed" {
				committed = addCand(committed, c)
			} else {
				disbursed = addCand(disbursed, c)
			}
		}
	}
	if len(lines) == 0 && len(projects) == 0 {
		// No part of its own: the paragraphs of the results tell of the
		// projects ("Tổ chức … tài trợ dự án “…”").
		lines = joinContinued(r.d.parts[secResults])
	}
	lines = itemLines(lines)
	listed := countedList(lines)
	for k, l := range lines {
		if len(r.d.projects) > 0 {
			break // the table lists the projects the text tells of
		}
		if listed[k] {
			// "Xã tiếp nhận 02 dự án:" and under it two entries, each with
			// its amount: each entry is a project, however it is worded.
			m := listItemRe.FindStringIndex(l.fold)
			if m == nil {
				m = bulletRe.FindStringIndex(l.fold)
			}
			p, fs, un, ok := readProject(sub(l.text, m[1], len(l.fold)), len(projects), false, r.d.period.year)
			if ok {
				projects = append(projects, p)
				found = append(found, fs...)
				unres = append(unres, un...)
			}
			continue
		}
		if l.fig != nil || !ngoLine(l.fold) {
			continue
		}
		for _, c := range clauses(l.text) {
			vals := projectCounts(c)
			if len(vals) == 1 && !proposedRe.MatchString(c.fold) && !slices.Contains(stated, vals[0].n) && !r.otherYear(c.fold) {
				stated = append(stated, vals[0].n)
				statedQ = vals[0].quote
				statedQs[vals[0].n] = statedQ
			}
			if len(vals) == 0 && negative(c.fold) && hasAny(c.fold, "vien tro", "phi chinh phu", "pcpnn", "du an") && !proposedRe.MatchString(c.fold) {
				// Not "Dự án đang vận động (chưa được phê duyệt): …": a
				// project not yet approved says nothing of those running.
				noneQ = whole(c)
			}
		}
		// Items: the parts of a line that name a project and say what it
		// is worth; or the line, an item of a list that names its donor
		// ("2. Nâng cấp bếp ăn … do Hội … tài trợ: 320 triệu đồng").
		items, named := projectItems(l.text), true
		if len(items) == 0 && listItemRe.MatchString(l.fold) && donorRe.MatchString(l.fold) {
			m := listItemRe.FindStringIndex(l.fold)
			items, named = []text{sub(l.text, m[1], len(l.fold))}, false
		}
		if len(items) == 0 {
			// "- Chương trình khám mắt cho người cao tuổi do Quỹ X (Úc)
			// tài trợ, kinh phí …": a programme named with no title is a
			// project when a foreign donor gives it, with what it is worth.
			body := l.text
			if m := bulletRe.FindStringIndex(l.fold); m != nil {
				body = sub(l.text, m[1], len(l.fold))
			}
			if strings.HasPrefix(body.fold, "chuong trinh ") && foreignDonorBy(body.fold) && (moneyRe.MatchString(body.fold) || foreignMoneyRe.MatchString(body.fold)) {
				items, named = []text{body}, false
			}
		}
		if len(items) == 0 {
			// "- Tổ chức X (Hoa Kỳ) tài trợ 20 suất học bổng …, trị giá
			// 4.000 USD.": an entry whose subject is a foreign
			// organisation giving, with what it is worth, is a project
			// however it is worded.
			body := l.text
			if m := bulletRe.FindStringIndex(l.fold); m != nil {
				body = sub(l.text, m[1], len(l.fold))
			}
			if donorLead(body.fold) != nil && (moneyRe.MatchString(body.fold) || foreignMoneyRe.MatchString(body.fold)) {
				items, named = []text{body}, false
			}
		}
		// What the line says before its first project ("Xã đang hoàn thiện
		// hồ sơ đề xuất 02 dự án: …") holds for all of them; what one
		// project's words say, for it alone.
		lead := l.fold
		if len(items) > 0 {
			if i := strings.Index(l.fold, items[0].fold[:min(len(items[0].fold), 24)]); i >= 0 {
				lead = l.fold[:i]
			}
		}
		for _, it := range items {
			if proposedRe.MatchString(it.fold) || proposedRe.MatchString(lead) || finishedBefore(it.fold, r.d.period.year) {
				continue
			}
			p, fs, un, ok := readProject(it, len(projects), named, r.d.period.year)
			if ok {
				projects = append(projects, p)
				found = append(found, fs...)
				unres = append(unres, un...)
			}
		}
	}
	if len(stated) == 1 && stated[0] == 1 && len(projects) <= 1 && countRow != nil {
		// One project, counted in a table of indicators, its values in the
		// rows "Giá trị cam kết", "Giá trị giải ngân": they are its own.
		projects, found = r.oneProject(*countRow, projects, found, committed, disbursed)
	}
	switch {
	case noneQ != "" && len(stated) == 0 && len(projects) == 0:
		r.rep.NgoAid.Projects = []models.NgoProject{}
		r.res.Found = append(r.res.Found, Found{Field: "ngo_aid.projects", Value: 0, Text: noneQ})
	case len(projects) > 0 && (len(stated) == 0 || len(stated) == 1 && stated[0] == int64(len(projects))):
		r.rep.NgoAid.Projects = projects
		q := statedQ
		if q == "" {
			q = found[0].Text
		}
		r.res.Found = append(r.res.Found, Found{Field: "ngo_aid.projects", Value: len(projects), Text: q})
		r.res.Found = append(r.res.Found, found...)
		r.res.Unresolved = append(r.res.Unresolved, unres...)
		for i, p := range projects {
			at := models.Index("ngo_aid.projects", i)
			if p.CommittedVND == nil {
				r.res.NotFound = append(r.res.NotFound, at+".committed_vnd")
			}
			if p.DisbursedVND == nil {
				r.res.NotFound = append(r.res.NotFound, at+".disbursed_vnd")
			}
		}
	case len(projects) > 0:
		// "02 dự án" but three described: the count and the list are
		// both shown, for a person to settle.
		names := make([]string, len(projects))
		for i, p := range projects {
			names[i] = p.Name
		}
		for _, n := range stated {
			r.res.Unresolved = append(r.res.Unresolved, Found{Field: "ngo_aid.projects", Value: n, Text: statedQs[n]})
		}
		r.res.Unresolved = append(r.res.Unresolved,
			Found{Field: "ngo_aid.projects", Value: int64(len(projects)), Text: strings.Join(names, "; ")})
	}
}

// otherYear tells whether a clause names only years other than the
// report's ("Năm 2023 xã tiếp nhận 02 dự án" in a report of 2024).
func (r *reader) otherYear(f string) bool {
	ys := yearOnlyRe.FindAllString(f, -1)
	return len(ys) > 0 && r.d.period.year != "" && !slices.Contains(ys, r.d.period.year)
}

// projectCounts are the counts of projects a clause states. A count in
// words must be written as one: "sau dự án" is "after the project", not
// "sáu dự án".
func projectCounts(c text) []cand {
	vals := counts(c, projectCountRe)
	for _, m := range projectCountRe.FindAllStringSubmatchIndex(c.fold, -1) {
		w := c.fold[m[2]:m[3]]
		if _, isWord := numberWords[w]; !isWord {
			continue
		}
		if strings.ToLower(c.span(m[2], m[3])) != accentedNumbers[w] {
			vals = slices.DeleteFunc(vals, func(v cand) bool { return v.n == numberWords[w] })
		}
	}
	return vals
}

// accentedNumbers are the number words as Vietnamese writes them.
var accentedNumbers = map[string]string{
	"khong": "không", "mot": "một", "hai": "hai", "ba": "ba", "bon": "bốn", "sau": "sáu", "bay": "bảy", "tam": "tám", "chin": "chín", "muoi": "mười",
}

// bulletRe begins an entry of a list marked by a bullet.
var bulletRe = re(`^\s*[-+•*]\s*`)

// amountLabelRe begins the words of an amount, not of a project.
var amountLabelRe = re(`^(?:tong|kinh phi|gia tri|tri gia|von|so tien|cam ket|da giai ngan|giai ngan|luy ke|nha tai tro|to chuc tai tro|don vi tai tro|trong do)\b`)

// countedList marks the lines that are the entries of a list of projects
// its line counts: a line that says how many ("… 02 dự án:") and ends
// with its colon, then as many entries, each marked as one, not all
// naming "dự án" (those are read as items) and each saying an amount or a
// donor. Fewer or more entries, or one that says neither: no list.
func countedList(lines []line) map[int]bool {
	out := map[int]bool{}
	for i, l := range lines {
		f := strings.TrimSpace(l.fold)
		if l.fig != nil || !strings.HasSuffix(f, ":") {
			continue
		}
		vals := projectCounts(l.text)
		if len(vals) != 1 || vals[0].n < 1 || vals[0].n > 20 || proposedRe.MatchString(f) {
			continue
		}
		n := int(vals[0].n)
		ok := i+n < len(lines)
		named := 0 // the entries that name "dự án"
		for k := i + 1; ok && k <= i+n; k++ {
			e := lines[k]
			ef := strings.TrimSpace(e.fold)
			marked := listItemRe.MatchString(ef) || bulletRe.MatchString(ef)
			says := moneyRe.MatchString(ef) || foreignMoneyRe.MatchString(ef) || donorRe.MatchString(ef) || donorLabelRe.MatchString(ef)
			// "- Tổng kinh phí: 1,2 tỷ đồng", "- Đã giải ngân: …": what the
			// list's projects come to together, no project.
			start := bulletRe.ReplaceAllString(listItemRe.ReplaceAllString(ef, ""), "")
			detail := amountLabelRe.MatchString(start)
			if projectNameRe.MatchString(ef) {
				named++
			}
			ok = e.fig == nil && marked && says && !detail && !proposedRe.MatchString(ef)
		}
		// Entries that all name "dự án" are read as items; a list of "02
		// chương trình, dự án:" whose entries are a "Dự án …" and a
		// "Chương trình …" is read entry by entry.
		ok = ok && named < n
		if ok && i+n+1 < len(lines) {
			// The entry after the last is no entry of the same list.
			ef := strings.TrimSpace(lines[i+n+1].fold)
			ok = !(listItemRe.MatchString(ef) || bulletRe.MatchString(ef)) || !(moneyRe.MatchString(ef) || foreignMoneyRe.MatchString(ef))
		}
		for k := i + 1; ok && k <= i+n; k++ {
			out[k] = true
		}
	}
	return out
}

// itemHeadRe begins a line that names a project, after its mark in a
// list ("a) Dự án …", "- Dự án …"); itemDetailRe a line that says one thing
// of it ("- Nhà tài trợ: …", "+ Tổng kinh phí: …").
var (
	itemHeadRe   = re(`^(?:[-+•*]\s*|(?:\d{1,2}|[a-dđ])[.)]\s*)?du an\b`)
	itemDetailRe = re(`^(?:[-+•*]\s*)?[^:;.\d]{2,40}:\s*\S`)
)

// itemLines joins to a line that names a project the lines under it that
// each say one thing of it, as a list of details:
//
//	a) Dự án Nước sạch cho trường học
//	- Nhà tài trợ: Tổ chức …
//	- Tổng kinh phí: 850.000.000 đồng
//
// is one item, its details set apart by semicolons.
//
// A head that only numbers the project ("Dự án 1:") is a form's record:
// its name is a detail ("- Tên dự án: …"), and the record is its details
// alone, from the name on.
func itemLines(lines []line) []line {
	var out []line
	open := false
	var rec *record // the record the last line opened, if its head only numbers it
	for _, l := range lines {
		f := strings.TrimSpace(l.fold)
		detail := open && l.fig == nil && itemDetailRe.MatchString(f) && !itemHeadRe.MatchString(f)
		d := strings.TrimLeft(strings.TrimSpace(l.orig), "-+•* ")
		if n := len(out); detail && rec != nil {
			if nameDetailRe.MatchString(f) && rec.name == "" {
				rec.name = d
			} else {
				rec.details = append(rec.details, strings.TrimRight(d, ".;"))
			}
			out[n-1] = line{text: newText(rec.String()), n: out[n-1].n}
			continue
		}
		if n := len(out); detail && !hasAny(f, "du an") {
			last := strings.TrimRight(strings.TrimSpace(out[n-1].orig), ".;")
			out[n-1] = line{text: newText(last + "; " + d), n: out[n-1].n}
			continue
		}
		open = l.fig == nil && itemHeadRe.MatchString(f)
		rec = nil
		if open && recordHeadRe.MatchString(f) {
			rec = &record{head: strings.TrimRight(strings.TrimSpace(l.orig), ".;")}
		}
		out = append(out, l)
	}
	return out
}

// record is a project given as a form's record: its head ("Dự án 1:"),
// the detail that names it ("Tên dự án: …") and its other details.
type record struct {
	head, name string
	details    []string
}

// String is the record as one item: its name first, in place of the head
// that only numbers it, then the other details.
func (r *record) String() string {
	first := r.head
	if r.name != "" {
		first = strings.TrimRight(r.name, ".;")
	}
	return strings.Join(append([]string{first}, r.details...), "; ")
}

// recordHeadRe is a head that numbers a project and names none ("Dự án
// 1:", "- Dự án số 2:"); nameDetailRe the detail that names it ("- Tên
// dự án: …").
var (
	recordHeadRe = re(`^(?:[-+•*]\s*)?du an\s+(?:so\s+|thu\s+)?(?:\d{1,2}|nhat|hai|ba|tu|nam)\s*:$`)
	nameDetailRe = re(`^(?:[-+•*]\s*)?ten du an\s*:`)
)

// footnoteRe is a footnote at the document's end ("5 Tổng kinh phí dự
// án … là 1.150.000.000 đồng; …"); footMarkRe its number glued to the
// word it notes ("… tài trợ5.").
var (
	footnoteRe = re(`^(\d{1,2})\s+(\S.*)$`)
	footMarkRe = re(`[a-z\)"”](\d{1,2})(?:[.,;:]|\s|$)`)
)

// withFootnotes gives each line of the part the footnotes it refers to,
// after it: a project's value may stand only in a footnote of its
// sentence. A mark after a unit ("200m2") is no footnote's.
func (r *reader) withFootnotes(lines []line) []line {
	// The footnotes: the last lines of the closing numbered 1, 2, 3 … in
	// order (the rule above them may be lost with the layout, and the
	// signature's words fall between them in a .docx).
	notes := map[string]string{}
	for _, l := range r.d.closing {
		m := footnoteRe.FindStringSubmatch(strings.TrimSpace(l.orig))
		switch {
		case m != nil && m[1] == itoa(int64(len(notes)+1)):
			notes[m[1]] = m[2]
		case m != nil && m[1] == "1":
			notes = map[string]string{"1": m[2]}
		case m != nil:
			notes = map[string]string{} // out of order: no footnotes
		}
	}
	if len(notes) < 2 {
		return lines
	}
	out := make([]line, len(lines))
	for i, l := range lines {
		out[i] = l
		if l.fig != nil {
			continue
		}
		orig, added := l.orig, false
		for _, m := range footMarkRe.FindAllStringSubmatchIndex(l.fold, -1) {
			note, ok := notes[l.fold[m[2]:m[3]]]
			before := strings.Fields(l.fold[:m[2]])
			if !ok || len(before) > 0 && hasAny(before[len(before)-1], "km", "m", "ha", "cm") && len(before[len(before)-1]) <= 3 {
				continue
			}
			// The note in brackets where its mark was, in the sentence.
			orig = strings.Replace(orig, l.span(m[0], m[3]), l.span(m[0], m[2])+" ("+strings.TrimRight(note, ". ")+")", 1)
			added = true
		}
		if added {
			out[i] = line{text: newText(orig), n: l.n}
		}
	}
	return out
}

// countLabelRe is the label of a count of projects in the part on NGO
// aid ("Số dự án: 01"), perhaps of those running or received ("Số dự án
// đang triển khai: 01").
var countLabelRe = re(`^(?:tong )?so (?:luong )?(?:du an|chuong trinh, du an|du an, chuong trinh)(?: (?:dang |duoc )?(?:trien khai|thuc hien|tiep nhan))?$`)

// labelledRows are the lines of the part on NGO aid that say one thing
// each as "label: value", taken as the rows of a table of indicators:
//
//   - Số dự án: 01
//   - Tên dự án, nhà tài trợ: Dự án “…” - Tổ chức …
//   - Giá trị cam kết (đồng): 412.500.000
//
// The count's row carries the project's name as its note, and a value's
// unit in its label's brackets is its unit. A line of a project only
// proposed is none.
func labelledRows(lines []line) []line {
	var out []line
	var name, donor text
	for _, l := range lines {
		m := labelLineRe.FindStringSubmatchIndex(strings.TrimLeft(l.fold, "-+•* "))
		if l.fig != nil || m == nil {
			continue
		}
		off := len(l.fold) - len(strings.TrimLeft(l.fold, "-+•* "))
		label := strings.TrimSpace(l.fold[off+m[2] : off+m[3]])
		value := sub(l.text, off+m[4], off+m[5])
		if proposedRe.MatchString(l.fold) {
			continue
		}
		if hasAny(label, "ten du an") {
			name = value
			continue
		}
		if hasAny(label, "nha tai tro", "to chuc tai tro", "don vi tai tro", "co quan tai tro") && !hasAny(label, "du an", "gia tri", "kinh phi") {
			donor = value // "- Nhà tài trợ: Tổ chức …" on a line of its own
			continue
		}
		if m := rateAfterRe.FindStringIndex(value.fold); m != nil && m[0] > 0 {
			value = sub(value, 0, m[0]) // "486.500.000 đồng, đạt 100%": the value, not its rate
		}
		unit := ""
		if u := unitParenRe.FindStringSubmatch(label); u != nil {
			unit = strings.TrimSpace(u[1])
			label = strings.TrimSpace(label[:strings.LastIndexByte(label, '(')])
		}
		lt := newText(label)
		if countLabelRe.MatchString(label) {
			lt = newText("số dự án viện trợ phi chính phủ") // the part says whose
		}
		out = append(out, line{text: l.text, n: l.n, fig: &rowFigure{label: lt, value: value, unit: unit}})
	}
	if name.fold != "" && !titleRe.MatchString(name.fold) {
		// "- Tên dự án: Nước sạch …" and "- Nhà tài trợ: Tổ chức …" on
		// lines of their own: the note names them as a title and its donor.
		note := "Dự án “" + strings.TrimRight(strings.TrimSpace(name.orig), ".;") + "”"
		if d := strings.TrimRight(strings.TrimSpace(donor.orig), ".;"); d != "" {
			note += " - " + d
		}
		name = newText(note)
	}
	for i := range out {
		if ngoCountLabel(out[i].fig.label.fold) {
			out[i].fig.note = name
		}
	}
	return out
}

// rateAfterRe is a rate said after a value ("…, đạt 100%", "…, bằng 85%
// kế hoạch"): no part of it.
var rateAfterRe = re(`\s*[,;]\s*(?:dat|bang)\s+\d[\d.,]*\s*%.*$`)

// figLines are the rows of the tables of every part, each once, in the
// document's order.
func (r *reader) figLines() []line {
	var out []line
	seen := map[string]bool{}
	for _, ls := range r.d.parts {
		for _, l := range ls {
			k := itoa(int64(l.n)) + "\x00" + l.fold
			if l.fig != nil && !seen[k] {
				seen[k] = true
				out = append(out, l)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b line) int { return a.n - b.n })
	return out
}

// ngoCountLabel tells whether a row's label counts the NGO projects
// ("Dự án viện trợ PCPNN", "Viện trợ phi chính phủ nước ngoài").
func ngoCountLabel(f string) bool {
	if hasAny(f, "cam ket", "giai ngan", "gia tri", "kinh phi", "so tien") {
		return false
	}
	return hasAny(f, "vien tro", "phi chinh phu", "pcpnn") && (hasAny(f, "du an") || hasAny(f, "phi chinh phu", "pcpnn"))
}

// aggregateKind tells whether a row's label is the value committed
// ("Giá trị cam kết", "Tổng vốn cam kết") or disbursed ("Giá trị giải
// ngân", "Kinh phí đã giải ngân") of the projects above it.
func aggregateKind(f string) string {
	switch {
	case hasAny(f, "chua giai ngan", "con lai", "ke hoach"):
		return ""
	case hasAny(f, "cam ket") && !hasAny(f, "giai ngan"):
		return "committed"
	case hasAny(f, "giai ngan") && !hasAny(f, "cam ket"):
		return "disbursed"
	}
	return ""
}

// addCand adds a reading unless the same value is there already.
func addCand(cs []cand, c cand) []cand {
	for _, x := range cs {
		if x.n == c.n {
			return cs
		}
	}
	return append(cs, c)
}

// oneProject is the one project a table of indicators counts: the one the
// text describes, or else one named by the count row's note ("Dự án “…” -
// Tổ chức …") or by the only title the document gives a project; its
// values, where it has none, are those of the rows "Giá trị cam kết" and
// "Giá trị giải ngân", if each says one value.
func (r *reader) oneProject(count line, projects []models.NgoProject, found []Found, committed, disbursed []cand) ([]models.NgoProject, []Found) {
	if len(projects) == 0 {
		if len(committed) == 0 && len(disbursed) == 0 {
			return projects, found
		}
		name, donor := titleOf(count.fig.note)
		if name == "" {
			name = r.onlyTitle()
		}
		if name == "" {
			name = strings.TrimSpace(count.fig.label.orig)
		}
		if donor == "" && count.fig.note.fold != "" && !titleRe.MatchString(count.fig.note.fold) && !strings.ContainsAny(count.fig.note.fold, "0123456789:;") && len(count.fig.note.orig) <= 120 {
			donor = strings.TrimSpace(count.fig.note.orig) // "Habitat for Humanity" beside the count
		}
		p := models.NgoProject{Name: name, Donor: donor}
		found = []Found{{Field: "ngo_aid.projects[0].name", Value: name, Text: whole(count.text)}}
		if donor != "" {
			found = append(found, Found{Field: "ngo_aid.projects[0].donor", Value: donor, Text: count.fig.note.orig})
		}
		projects = []models.NgoProject{p}
	}
	p := &projects[0]
	if p.CommittedVND == nil && len(committed) == 1 {
		p.CommittedVND = i64(committed[0].n)
		found = append(found, Found{Field: "ngo_aid.projects[0].committed_vnd", Value: committed[0].n, Text: committed[0].quote})
	}
	if p.DisbursedVND == nil && len(disbursed) == 1 {
		p.DisbursedVND = i64(disbursed[0].n)
		found = append(found, Found{Field: "ngo_aid.projects[0].disbursed_vnd", Value: disbursed[0].n, Text: disbursed[0].quote})
	}
	return projects, found
}

// titleRe is a project's title in quotes after "dự án".
var titleRe = re(`\b(?:du an|chuong trinh)\s*:?\s*["“]([^"”]{3,200})["”]`)

// titleOf reads a note that names a project: its quoted title and the
// donor after a dash ("Dự án “Sinh kế” - Tổ chức Hy vọng").
func titleOf(t text) (name, donor string) {
	m := titleRe.FindStringSubmatchIndex(t.fold)
	if m == nil {
		return "", ""
	}
	name = strings.TrimSpace(t.span(m[2], m[3]))
	rest := strings.TrimSpace(t.orig[t.idx[m[1]]:])
	for _, dash := range []string{"-", "–", ":", "của", "do"} {
		if strings.HasPrefix(rest, dash) {
			donor = strings.Trim(strings.TrimSpace(strings.TrimPrefix(rest, dash)), " .;")
			break
		}
	}
	if len(donor) > 200 {
		donor = ""
	}
	return name, donor
}

// onlyTitle is the title of the one project the document's paragraphs
// name in quotes, or "" if they name none or several.
func (r *reader) onlyTitle() string {
	title := ""
	for _, ls := range r.d.parts {
		for _, l := range ls {
			if l.fig != nil {
				continue
			}
			for _, m := range titleRe.FindAllStringSubmatchIndex(l.fold, -1) {
				name := strings.TrimSpace(l.span(m[2], m[3]))
				if title != "" && name != title {
					return ""
				}
				title = name
			}
		}
	}
	return title
}

// joinContinued joins to a paragraph the lines that continue it: typed
// from a scan, a sentence breaks wherever the line ended ("… do Tổ chức
// Đông Tây Hội ngộ (EMW)" ⏎ "tài trợ với tổng kinh phí …"). A line that
// begins in lower case, after one that ends no sentence, goes on with it.
func joinContinued(lines []line) []line {
	var out []line
	for _, l := range lines {
		if n := len(out); n > 0 && l.fig == nil && out[n-1].fig == nil && goesOn(out[n-1].orig, l.orig) {
			out[n-1] = line{text: joinTexts(" ", out[n-1].text, l.text), n: out[n-1].n}
			continue
		}
		out = append(out, l)
	}
	return out
}

// goesOn is continues of a paragraph already split: a closing bracket
// ("(EMW)") ends no sentence.
func goesOn(prev, next string) bool {
	prev = strings.TrimSpace(prev)
	if prev == "" || strings.ContainsAny(prev[len(prev)-1:], ".:;!?…") {
		return false
	}
	next = strings.TrimSpace(next)
	r, _ := firstRune(next)
	if strings.HasSuffix(prev, ",") && unicode.IsUpper(r) {
		// "… dân tộc M'Nông 39,2%," ⏎ "Kinh 30,5%, Mông 19,1% …": a comma
		// ends no paragraph; a name goes on with it (not an item, nor a
		// heading in capitals).
		w, _, _ := strings.Cut(next, " ")
		return !letterItemRe.MatchString(next) && !ordinalRe.MatchString(fold(strings.TrimRight(w, ".)"))) && strings.ToUpper(w) != w
	}
	return unicode.IsLower(r) && !letterItemRe.MatchString(next)
}

// projectItems splits a line into the parts that each describe one
// project: at "(1)", "a)" or ";", keeping only parts that say "dự án".
func projectItems(t text) []text {
	var parts []text
	for _, c := range clauses(t) {
		locs := itemSplitRe.FindAllStringIndex(c.fold, -1)
		start := 0
		for _, loc := range locs {
			if before := c.fold[:loc[0]]; strings.Count(before, "(") > strings.Count(before, ")") && !strings.Contains(c.fold[loc[0]:loc[1]], "(") {
				continue // "(Khu vực 5) tài trợ": the end of a bracket, no item's mark
			}
			if loc[0] > start {
				parts = append(parts, trimmed(c, start, loc[0]))
			}
			start = loc[1]
		}
		parts = append(parts, trimmed(c, start, len(c.fold)))
	}
	// A part that names no project continues the project before it ("Dự
	// án …; giải ngân 500 triệu đồng"), unless it adds something else
	// ("Ngoài ra, xã đã lập hồ sơ đề xuất …"), nor do the parts after that.
	var out []text
	more := false
	for _, p := range parts {
		switch {
		case strings.Contains(p.fold, "du an") && projectNameRe.MatchString(p.fold) && !(len(out) > 0 && onlyAnaphora(p.fold)),
			programmeRe.MatchString(p.fold):
			out = append(out, p)
			more = false
		case moreRe.MatchString(p.fold):
			more = true
		case len(out) > 0 && !more:
			last := out[len(out)-1]
			out[len(out)-1] = joinTexts("; ", last, p)
		}
	}
	return out
}

// oneDescribed tells whether the words after a count of one project
// ("01 dự án …", ending at end) describe it: a donor named after the
// count, and what it is worth, in the same item.
func oneDescribed(f string, end int) bool {
	after := strings.TrimSpace(f[end:])
	if strings.HasPrefix(after, "cua ") || strings.HasPrefix(after, "do ") {
		return false // no name of its own ("01 dự án của Tổ chức X")
	}
	return (donorRe.MatchString(after) || donorOfRe.MatchString(after) || donorDashRe.MatchString(after)) && (moneyRe.MatchString(after) || foreignMoneyRe.MatchString(after))
}

// countBefore tells whether the words before a "dự án" end with a count
// of it: "01 dự án", and "03 chương trình, dự án …", "02 chương trình và
// dự án …", whose count is of both.
func countBefore(before []string) bool {
	n := len(before)
	switch {
	case n >= 4 && before[n-3] == "chuong" && before[n-2] == "trinh" && (before[n-1] == "va" || before[n-1] == "hoac"):
		n -= 3
	case n >= 3 && before[n-2] == "chuong" && before[n-1] == "trinh,":
		n -= 2
	}
	if n == 0 {
		return false
	}
	_, isCount := countOf(before[n-1])
	return isCount
}

// donorDashRe is the donor set after a title by a dash ("“…” - Tổ chức
// Operation Smile: …").
var donorDashRe = re(`["”]\s*[-–]\s*((?:to chuc|quy|hoi|lien minh|mang luoi|tap doan|dai su quan|co quan)\s[^:;,]{2,120}?)\s*(?:[:;,]|$)`)

// programmeRe names a programme by its title, as a project is named
// ("Chương trình “Phẫu thuật nụ cười …”").
var programmeRe = re(`^(?:[-+•*]\s*)?chuong trinh\s*["“]`)

// anaphoraRe is "dự án" that names no project but the one before it,
// the subject of what follows ("đến nay dự án chưa được phê duyệt").
var anaphoraRe = re(`\bdu an\s+(?:nay|noi tren|tren|chua|da|dang|duoc|se|van|con|hoan thanh|ket thuc|bat dau|tiep tuc|khoi cong|thi cong|trien khai|nghiem thu|ban giao|giai ngan)\b`)

// onlyAnaphora tells whether every "dự án" of a part is an anaphora: the
// part goes on with the project before it.
func onlyAnaphora(f string) bool {
	return len(projectNameRe.FindAllStringIndex(f, -1)) == len(anaphoraRe.FindAllStringIndex(f, -1))
}

// proposedRe says a project is only proposed, not approved: it is not a
// project of the year.
var proposedRe = re(`\b(?:chua duoc (?:\S+ ){0,4}phe duyet|chua phe duyet|dang de xuat|de xuat moi|ho so de xuat|gui de xuat|(?:co|da) de xuat|dang xin chu truong|dang lam thu tuc|dang hoan thien ho so|du kien trien khai|chua duoc tiep nhan|cho phe duyet|cho (?:\S+ ){0,4}tham dinh|chua trien khai|dang van dong|de xuat tai tro|dang trinh (?:\S+ ){0,6}phe duyet|(?:de|chua) trinh (?:\S+ ){0,6}phe duyet(?:\s*(?:[.;,)]|$)|\s+(?:du an|khoan vien tro|viec tiep nhan|tiep nhan|chu truong))|de xuat du an|xay dung de xuat)\b`)

// listItemRe begins an item of a numbered list ("2. ", "b) ").
var listItemRe = re(`^\s*(?:\d{1,2}|[a-d])[.)]\s+`)

// foreignDonorOf tells whether a project's words name its donor after
// "của" and the donor is foreign: an organisation ("Tổ chức …"), a
// name foreignOrgRe knows, or one with a country in brackets ("Quỹ …
// (Hoa Kỳ)"); "của Hội Nông dân huyện" is the country's own.
func foreignDonorOf(f string) bool {
	m := donorOfRe.FindStringSubmatchIndex(f)
	if m == nil {
		return false
	}
	donor := f[m[2]:m[3]]
	after := strings.TrimLeft(f[m[3]:], " ")
	return strings.HasPrefix(donor, "to chuc") && !domesticOrgRe.MatchString(donor) || foreignOrgRe.MatchString(donor) ||
		strings.HasPrefix(after, "(") && countryRe.MatchString(after[:max(1, strings.IndexByte(after, ')'))])
}

// foreignDonorBy tells whether the donor named by "do … tài trợ" is
// foreign: a name foreignOrgRe knows, or one with a country in brackets
// ("do Quỹ X (Úc) tài trợ"); "do Hội Chữ thập đỏ huyện tài trợ" is the
// country's own.
func foreignDonorBy(f string) bool {
	m := donorRe.FindStringSubmatch(f)
	if m == nil {
		return false
	}
	return foreignOrgRe.MatchString(m[1]) || m[2] != "" && countryRe.MatchString(m[2])
}

// domesticOrgRe names a body of the country's own, not a donor: "tổ
// chức chính trị - xã hội", "tổ chức Đoàn", "tổ chức hội".
var domesticOrgRe = re(`^to chuc\s+(?:chinh tri|doan the|doan\b|hoi\b|dang\b|cong doan|xa hoi)`)

// finishedRe says a project ended in a year ("đã hoàn thành, quyết toán
// từ năm 2023"): before the report's year, it is no project of it.
var finishedRe = re(`\b(?:da hoan thanh|hoan thanh|da ket thuc|ket thuc|quyet toan)\b[^.;]{0,40}?(?:\bnam |\b(?:thang )?\d{1,2}/)(\d{4})\b`)

// doneInRe says a project was carried out in a year, then that it is
// finished ("… tài trợ thực hiện năm 2023 đã hoàn thành, bàn giao …"):
// the year of the work, the project ended with it.
var doneInRe = re(`\b(?:thuc hien|trien khai|xay dung)\s+(?:tu\s+|trong\s+)?nam (\d{4})\b(?:\s*[-–]\s*\d{4})?[^.;]{0,12}?\s(?:da hoan thanh|da ket thuc|da ban giao)\b`)

// endedAfterYearRe is a project's year, then the words that it ended,
// ending the clause ("… của Quỹ X (năm 2021) đã kết thúc, xã tiếp tục …",
// "tài trợ năm 2022, đã hoàn thành."): the year it ran and ended in. Not
// "đã hoàn thành 70% khối lượng", which has not ended.
var endedAfterYearRe = re(`\bnam (\d{4})[\s),]*(?:da ket thuc|da hoan thanh)\s*(?:[,.;)]|$)`)

// finishedBefore tells whether a project's words say it ended before year.
func finishedBefore(f, year string) bool {
	if year == "" {
		return false
	}
	if m := finishedRe.FindStringSubmatch(f); m != nil {
		return m[1] < year
	}
	if m := endedAfterYearRe.FindStringSubmatch(f); m != nil {
		return m[1] < year
	}
	m := doneInRe.FindStringSubmatch(f)
	return m != nil && m[1] < year && !strings.Contains(m[0], "-") && !strings.Contains(m[0], "–")
}

// severalCommunesRe says a project is of several communes ("cho 05 xã",
// "tại các xã"): its amounts are not said to be the commune's.
var severalCommunesRe = re(`\b(?:cho|tai|o|cua)\s+(?:\d{1,2}|cac|nhieu)\s+(?:xa|phuong)\b`)

// formerUnitsRe is the names after "các xã" ended by "(cũ)": the former
// units, merged into the one reporting ("các xã Đông Xá, Hạ Long (cũ)").
var formerUnitsRe = re(`^\s+[^;:.()\d]{2,60}?\s*\(cu\)`)

// readProject reads one project: its name (the quoted title, or the words
// after "Dự án", or with named false the words the item begins with),
// donor and country, and the money.
//
// A figure the item gives two ways is left unset, its readings in unres.
func readProject(t text, i int, named bool, year string) (p models.NgoProject, fs, unres []Found, ok bool) {
	f := t.fold
	// The name follows "Dự án", but not the "dự án" of a count ("01 dự án
	// viện trợ …: Dự án “…”").
	var loc, single []int
	for _, m := range projectNameRe.FindAllStringIndex(f, -1) {
		before := strings.Fields(f[:m[0]])
		if len(before) > 0 {
			// "01 dự án “Cấp nước sạch …”": a count, unless the title follows.
			if isCount := countBefore(before); isCount && !strings.HasPrefix(strings.TrimLeft(t.orig[t.idx[m[1]]:], " "), "“") && !strings.HasPrefix(strings.TrimLeft(t.orig[t.idx[m[1]]:], " "), "\"") {
				if n, _ := countOf(before[len(before)-1]); n == 1 && single == nil {
					single = m
				}
				continue
			}
		}
		loc = m
		break
	}
	if loc == nil && single != nil && named && oneDescribed(f, single[1]) {
		// "Tiếp nhận 01 dự án học bổng “…” của Tổ chức X: giá trị cam
		// kết …": a count of one that no other "dự án" follows, its
		// donor and its worth said after it, is the project itself.
		loc = single
	}
	if m := programmeRe.FindStringIndex(f); loc == nil && m != nil && (donorDashRe.MatchString(f) || foreignDonorOf(f)) {
		// "Chương trình “…” - Tổ chức …", "Chương trình “…” của Tổ chức
		// … (Hoa Kỳ)": a programme named as a project is, when an
		// organisation gives it ("Chương trình “Nông thôn mới” - UBND
		// huyện" is the country's own, no aid).
		loc = []int{m[0], m[0] + strings.Index(f[m[0]:], "chuong trinh") + len("chuong trinh")}
	}
	lead := donorLead(f)
	if loc == nil && !named && lead != nil {
		// "Tổ chức X (Hoa Kỳ) tài trợ 20 suất học bổng …": the gift,
		// named by the words after the verb.
		loc = []int{lead[0], lead[1]}
	} else if loc == nil && !named {
		loc = []int{0, 0}
	}
	if loc == nil {
		return p, nil, nil, false
	}
	at := models.Index("ngo_aid.projects", i)
	// The name: a quoted title, else the words up to the first comma or
	// "do" (the donor).
	rest := t.orig[t.idx[loc[1]]:]
	name := ""
	if a := strings.IndexAny(rest, "“\""); a >= 0 && a < 8 {
		q := rest[a:]
		_, w := firstRune(q)
		if b := strings.IndexAny(q[w:], "”\""); b >= 0 {
			name = q[w : w+b]
		}
	}
	if name == "" {
		end := len(f)
		for _, stop := range []string{",", ";", " do ", " (", ":", " cua ", " tri gia", " gia tri", " voi ", " - ", " – "} {
			if j := strings.Index(f[loc[1]:], stop); j >= 0 && loc[1]+j < end {
				end = loc[1] + j
			}
		}
		name = strings.TrimSpace(t.span(loc[1], end))
	}
	name = strings.Trim(name, " .;:“”\"")
	if !strings.ContainsFunc(name, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) || len(name) > models.MaxText {
		// No name, or a form's blank ("Tên dự án: ………"): no project.
		return p, nil, nil, false
	}
	p.Name = name
	q := whole(t)
	fs = append(fs, Found{Field: at + ".name", Value: p.Name, Text: q})
	if m := donorRe.FindStringSubmatchIndex(f); m != nil {
		donor := strings.TrimSpace(t.span(m[2], m[3]))
		if donor != "" && len(donor) < 200 {
			p.Donor = donor
			fs = append(fs, Found{Field: at + ".donor", Value: donor, Text: quote(t, m[0], m[1])})
		}
		if m[4] >= 0 {
			// "(Anh)" is the country; "(World Vision, Hoa Kỳ)" the donor's
			// other name and then the country.
			in := strings.TrimSpace(t.span(m[4], m[5]))
			if i := strings.LastIndex(in, ","); i >= 0 && p.Donor != "" {
				p.Donor += " (" + strings.TrimSpace(in[:i]) + ")"
				in = strings.TrimSpace(in[i+1:])
				fs[len(fs)-1].Value = p.Donor
			}
			if (acronymRe.MatchString(in) || otherNameRe.MatchString(in) && !countryRe.MatchString(notCountryRe.ReplaceAllString(fold(in), " ")) || strings.ContainsAny(in, "0123456789")) && p.Donor != "" {
				// "(EMW)": the donor's short name, no country; "(East Meets
				// West)": its name in another language; "(Quận 3310)": a
				// part of it, numbered.
				p.Donor += " (" + in + ")"
				fs[len(fs)-1].Value = p.Donor
			} else {
				p.Country = in
				fs = append(fs, Found{Field: at + ".country", Value: p.Country, Text: quote(t, m[0], m[1])})
			}
		}
	}
	if m := donorOfRe.FindStringSubmatchIndex(f); m != nil && p.Donor == "" {
		// "Dự án … của Tổ chức Tầm nhìn Thế giới, …".
		if donor := strings.TrimSpace(t.span(m[2], m[3])); len(donor) < 200 {
			p.Donor = donor
			fs = append(fs, Found{Field: at + ".donor", Value: p.Donor, Text: quote(t, m[0], m[1])})
		}
	}
	if m := donorLabelRe.FindStringSubmatchIndex(f); m != nil && p.Donor == "" {
		// "nhà tài trợ: Tổ chức …", "(nhà tài trợ: …)".
		if donor := strings.TrimSpace(t.span(m[2], m[3])); donor != "" && len(donor) < 200 {
			p.Donor = donor
			fs = append(fs, Found{Field: at + ".donor", Value: p.Donor, Text: quote(t, m[0], m[1])})
		}
	}
	if m := donorDashRe.FindStringSubmatchIndex(f); m != nil && p.Donor == "" {
		// "Dự án “…” - Tổ chức KFHI: giá trị …": the donor after a dash.
		if donor := strings.TrimSpace(t.span(m[2], m[3])); donor != "" && len(donor) < 200 {
			p.Donor = donor
			fs = append(fs, Found{Field: at + ".donor", Value: p.Donor, Text: quote(t, m[0], m[1])})
		}
	}
	if p.Donor == "" && lead != nil && loc[1] == lead[1] {
		// "Tổ chức X (Hoa Kỳ) tài trợ …": the donor, and its country.
		p.Donor = strings.TrimSpace(t.span(lead[2], lead[3]))
		fs = append(fs, Found{Field: at + ".donor", Value: p.Donor, Text: quote(t, lead[0], lead[1])})
		if lead[4] >= 0 {
			if in := strings.TrimSpace(t.span(lead[4], lead[5])); acronymRe.MatchString(in) || otherNameRe.MatchString(in) && !countryRe.MatchString(notCountryRe.ReplaceAllString(fold(in), " ")) || strings.ContainsAny(in, "0123456789") {
				// "(EMW)", "(World Vision)": its other name, no country.
				p.Donor += " (" + in + ")"
				fs[len(fs)-1].Value = p.Donor
			} else {
				p.Country = in
				fs = append(fs, Found{Field: at + ".country", Value: p.Country, Text: quote(t, lead[0], lead[1])})
			}
		}
	}
	if p.Donor == "" {
		// "Tổ chức Hòa Bình Xanh tài trợ dự án “…”": the donor before.
		if m := donorBeforeRe.FindStringSubmatchIndex(f); m != nil {
			if donor := strings.TrimSpace(t.span(m[2], m[3])); len(donor) < 200 && !hasAny(donor, "ubnd", "uy ban") {
				p.Donor = strings.TrimSpace(t.span(m[2], m[3]))
				fs = append(fs, Found{Field: at + ".donor", Value: p.Donor, Text: quote(t, m[0], m[1])})
			}
		}
	}
	var m []int
	// "… tài trợ cho 05 xã của huyện với tổng kinh phí 3 tỷ đồng; phần
	// của xã 450 triệu đồng": the amounts may be of them all, none is set.
	several := false
	for _, sm := range severalCommunesRe.FindAllStringIndex(f, -1) {
		// "tại các xã Đông Xá, Hạ Long (cũ)": the former communes the unit
		// was made of since the reform, its own ground, not several
		// communes' shares.
		if !formerUnitsRe.MatchString(f[sm[1]:]) {
			several = true
		}
	}
	for _, c := range committedRe.FindAllStringSubmatchIndex(f, -1) {
		// Not the commune's own share ("kinh phí đối ứng", "nhân dân đóng
		// góp"): the value given.
		if !hasAny(f[max(0, c[0]-12):c[2]], "doi ung", "dong gop", "ngan sach", "giai ngan") {
			m = c
			break
		}
	}
	if m == nil || strings.Contains(f[m[0]:m[2]], "giai ngan") {
		m = givenRe.FindStringSubmatchIndex(f) // "do Quỹ A tài trợ 500 triệu đồng"
	} else if g := givenRe.FindStringSubmatchIndex(f); g != nil && g[0] < m[0] && !foreignCurrency(f, g[1]) && hasAny(f[m[0]:m[2]], "tong muc dau tu", "tong von", "tong so von", "tong so tien", "tong kinh phi") {
		// "do tổ chức A tài trợ 300 triệu đồng; tổng mức đầu tư của công
		// trình 1,2 tỷ đồng (gồm vốn đối ứng)": what the donor gives, not
		// the work's whole cost.
		m = g
	}
	if m != nil && hasAny(f[m[0]:m[2]], "tong muc dau tu", "tong von", "tong so von", "tong kinh phi") {
		// "tổng vốn đầu tư 1,24 tỷ đồng, trong đó vốn viện trợ của Tổ
		// chức A là 860 triệu đồng, vốn đối ứng …": the aid is the part
		// said, not the work's whole cost.
		if a := aidPartRe.FindStringSubmatchIndex(f[m[1]:]); a != nil {
			for k := range a {
				if a[k] >= 0 {
					a[k] += m[1]
				}
			}
			m = a
		}
	}
	switch {
	case several:
	case m != nil && !strings.Contains(f[m[0]:m[2]], "giai ngan"):
		if v, ok := moneyOf(f, m); ok && !foreignCurrency(f, m[1]) {
			p.CommittedVND = i64(v)
			fs = append(fs, Found{Field: at + ".committed_vnd", Value: v, Text: quote(t, m[0], m[1])})
		}
	case m == nil && !named:
		// An entry of a list of projects with one amount of its own,
		// beside no word ("Cầu treo – Quỹ A – 500 triệu đồng – đã giải
		// ngân …"): the project's value.
		var bare [][]int
		for _, a := range moneyRe.FindAllStringSubmatchIndex(f, -1) {
			before := f[max(0, a[0]-30):a[0]]
			if !hasAny(before, "giai ngan", "doi ung", "dong gop", "ngan sach", "tuong duong", "khoang") && !foreignCurrency(f, a[1]) {
				bare = append(bare, a)
			}
		}
		if len(bare) == 1 && !foreignMoneyRe.MatchString(f) {
			if v, ok := moneyOf(f, bare[0]); ok {
				p.CommittedVND = i64(v)
				fs = append(fs, Found{Field: at + ".committed_vnd", Value: v, Text: quote(t, bare[0][0], bare[0][1])})
			}
		}
	}
	ms := disbursedRe.FindAllStringSubmatchIndex(f, -1)
	if ms == nil && len(trancheRe.FindAllStringIndex(f, -1)) == 1 {
		// "đã giải ngân đợt 1 là 360.000.000 đồng", the only tranche the
		// project's words name: what was disbursed.
		ms = trancheDisbursedRe.FindAllStringSubmatchIndex(f, -1)
	}
	if ms != nil && !several {
		// Two amounts disbursed ("trong năm 2024 giải ngân 300 triệu đồng,
		// lũy kế giải ngân 1,1 tỷ đồng"): which one is asked is not said;
		// both are shown, neither is set.
		var got []Found
		for _, m := range ms {
			if w := f[max(0, m[0]-20):m[0]]; year != "" && (namesOtherYear(w, year) || termRe.MatchString(w)) {
				continue // "năm 2023 giải ngân 150 triệu đồng": another year's
			}
			if v, ok := moneyOf(f, m); ok && !foreignCurrency(f, m[1]) && !slices.ContainsFunc(got, func(g Found) bool { return g.Value == v }) {
				got = append(got, Found{Field: at + ".disbursed_vnd", Value: v, Text: quote(t, m[0], m[1])})
			}
		}
		switch {
		case len(got) == 1:
			p.DisbursedVND = i64(got[0].Value.(int64))
			fs = append(fs, got[0])
		case len(got) > 1:
			unres = got
		}
	} else if m := notDisbursedRe.FindStringIndex(f); m != nil {
		p.DisbursedVND = i64(0)
		fs = append(fs, Found{Field: at + ".disbursed_vnd", Value: int64(0), Text: quote(t, m[0], m[1])})
	}
	if p.CommittedVND == nil && p.DisbursedVND == nil && p.Donor == "" {
		return p, nil, nil, false // "dự án" in passing, not a project described
	}
	return p, fs, unres, true
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// foreignCurrency tells whether an amount is followed by a currency other
// than the đồng.
func foreignCurrency(f string, i int) bool {
	rest := strings.TrimLeft(f[i:], " ")
	return hasPrefixAny(rest, "usd", "do la", "$", "euro", "eur", "yen", "won", "nhan dan te", "aud", "cad", "gbp", "chf", "jpy", "krw", "sgd", "bang anh", "franc")
}

func hasPrefixAny(s string, p ...string) bool {
	for _, x := range p {
		if strings.HasPrefix(s, x) {
			return true
		}
	}
	return false
}

var (
	residentsRe = re(`\b` + cnt + `\s+(?:nguoi nuoc ngoai|nguoi|truong hop|cong dan|phu nu|chuyen gia|cong nhan|lao dong|sinh vien|hoc sinh|giao vien)\b`)
	incidentsRe = re(`\b` + cnt + `\s+(?:vu viec|vu)\b`)
	exitedRe    = re(`\b` + cnt + `\s+(?:luot\s+)?(?:cong dan|nguoi|truong hop|luot)\b`)
	workersRe   = re(`\b` + cnt + `\s+(?:lao dong|nguoi|luot nguoi|cong dan|truong hop|thanh nien|thuc tap sinh)\b`)
	officialsRe = re(`\b` + cnt + `\s+(?:luot\s+)?(?:can bo|cong chuc|nguoi|dong chi|vien chuc)\b`)
	coursesRe   = re(`\b` + cnt + `\s+(?:lop|khoa|(?:hoi nghi|dot|buoi) tap huan)\b`)
)

// consular reads section 8: foreigners residing, incidents, citizens who
// went abroad. "Không có" for the whole section means no foreigners and no
// incidents; it says nothing of how many citizens went abroad.
func (r *reader) consular() {
	if r.noneIn(secConsular, "consular.foreign_residents", "consular.foreigner_incidents") {
		return
	}
	r.residentsTable()
	after := false // the clause before was about foreigners residing
	// parts are the lines whose count of a kind was broken down after a
	// colon, by the pattern of that count: the clauses after it on the
	// line are the rest of its parts ("Xảy ra 03 vụ việc …: 02 vụ …; 01
	// vụ …").
	parts := map[*regexp.Regexp]int{}
	wider := false // the clause before gave another area's or period's figure, hidden
	r.eachLine(secConsular, func(n int, whole text) {
		for _, p := range []*regexp.Regexp{incidentsRe, residentsRe, exitedRe} {
			if l, ok := parts[p]; ok && l == n && !moreRe.MatchString(whole.fold) && len(counts(whole, p)) > 0 {
				return
			}
		}
		for _, p := range []*regexp.Regexp{incidentsRe, residentsRe, exitedRe} {
			if brokenDown(whole, p) {
				parts[p] = n
			}
		}
		for _, c := range subjects(whole) {
			f := c.fold
			// "Toàn huyện có 27 người nước ngoài tạm trú …; trong đó trên
			// địa bàn thị trấn có 06 người": after a clause of another
			// area's (its figure hidden, modality.go), one that names the
			// commune and no foreigners gives the commune's part of the
			// same kind, or its none.
			if r.ownPart(c, &wider) {
				after = false
				continue
			}
			if after && tellsIncident(f) && !foreignRe.MatchString(strings.ReplaceAll(f, "lao cai", "")) &&
				!hasAny(f, "cong dan", "bao ho", "lao dong", "xuat canh", "nguoi dan", "ho dan", "trong nuoc") {
				// "Có 06 người nước ngoài tạm trú; không phát sinh vụ
				// việc": the incidents of those foreigners.
				r.putCount("consular.foreigner_incidents", c, incidentsRe, r.none(f))
				after = false
				continue
			}
			after = r.consularClause(c)
		}
	})
	// Citizens who went abroad may be told of with the Vietnamese abroad
	// ("112 công dân xuất cảnh (đi lao động 87 người; …)").
	r.each(secOverseas, func(c text) {
		if f := c.fold; hasAny(f, "xuat canh") && !hasAny(f, "nhap canh", "trai phep", "bat hop phap", "vi pham") && !leftToWorkRe.MatchString(outsideBrackets(f)) {
			r.putCount("consular.citizens_exited", c, exitedRe, false)
		}
	})
}

// ownPart reads the clauses of c (parted at ";") that give the commune's
// part of what the clause before gave for a wider area or another period
// (its figure hidden by the modality: hidden says so; see consular): the foreigners residing
// ("trong đó trên địa bàn xã có 04 người, đều đã khai báo tạm trú"), or
// the incidents ("trên địa bàn xã không xảy ra vụ việc nào"), or their
// none. It tells whether c was all such a part.
func (r *reader) ownPart(c text, hidden *bool) bool {
	f := c.fold
	start, own := 0, false
	for i := 0; i <= len(f); i++ {
		if i < len(f) && f[i] != ';' {
			continue
		}
		p := trimmed(c, start, i)
		pf := p.fold
		start = i + 1
		if *hidden && ownPartRe.MatchString(pf) && !foreignRe.MatchString(pf) {
			switch {
			case tellsIncident(pf):
				r.putCount("consular.foreigner_incidents", p, incidentsRe, r.none(pf))
			case hasAny(pf, "tam tru", "cu tru"):
				r.putCount("consular.foreign_residents", p, residentsRe, r.none(pf))
			}
			*hidden = false
			own = own || p.orig == c.orig
			continue
		}
		*hidden = strings.IndexByte(pf, maskByte) >= 0 && len(counts(p, residentsRe)) == 0 && len(counts(p, incidentsRe)) == 0
	}
	return own
}

// ownPartRe names the commune's own part after a wider area's figure:
// "trong đó trên địa bàn thị trấn có …", "riêng xã …", "trên địa bàn xã
// không xảy ra …".
var ownPartRe = re(`^\s*(?:trong do\s+|rieng\s+)?(?:(?:tren dia ban|tai)\s+)?(?:xa|phuong|thi tran|dac khu)\b`)

// partsLeadRe ends the words that lead a list of parts with no total
// before them ("Các vụ việc … gồm").
var partsLeadRe = re(`\b(?:gom|bao gom|gom co)\s*:?\s*$`)

// listedParts adds up the parts a clause lists after "gồm" when it
// states no total ("Các vụ việc liên quan đến người nước ngoài gồm 04 vụ
// …, 02 vụ … và 01 vụ …" is 7): counts of the same unit, one after
// another with "," "và" or ";" between, no figure before them.
func listedParts(c text, p *regexp.Regexp) (cand, bool) {
	f := outsideBrackets(c.fold)
	ms := p.FindAllStringSubmatchIndex(f, -1)
	if len(ms) < 2 || !partsLeadRe.MatchString(f[:ms[0][0]]) || strings.IndexFunc(f[:ms[0][0]], isDigitRune) >= 0 {
		return cand{}, false
	}
	unit := strings.Fields(f[ms[0][3]:ms[0][1]])
	var sum int64
	for i, m := range ms {
		v, ok := countOf(f[m[2]:m[3]])
		if u := strings.Fields(f[m[3]:m[1]]); !ok || len(u) == 0 || len(unit) == 0 || u[0] != unit[0] {
			return cand{}, false
		}
		if i > 0 {
			mid := f[ms[i-1][1]:m[0]]
			if !strings.Contains(mid, ",") && !strings.Contains(mid, " va ") && !strings.Contains(mid, ";") || detailRe.MatchString(mid) || strings.IndexFunc(mid, isDigitRune) >= 0 {
				return cand{}, false
			}
		}
		sum += v
	}
	return intCand(sum, quote(c, ms[0][0], ms[len(ms)-1][1])), true
}

// brokenDown tells whether a clause gives a count and then its parts
// after a colon ("03 vụ việc …: 02 vụ …").
func brokenDown(c text, p *regexp.Regexp) bool {
	f := outsideBrackets(c.fold)
	ms := p.FindAllStringSubmatchIndex(f, -1)
	for i := 1; i < len(ms); i++ {
		if partsAfterColon(f, ms[0], ms[i]) {
			return true
		}
	}
	return false
}

// leftToWorkRe says people went abroad to work ("11 người xuất cảnh đi
// lao động mới"): workers who left, not all the citizens who went abroad.
var leftToWorkRe = re(`\bxuat canh\s+(?:de\s+)?(?:di\s+)?(?:lao dong|xuat khau lao dong|lam viec)\b`)

// subjects splits a clause that tells of foreigners residing and of
// incidents both ("không có người nước ngoài tạm trú, không có vụ việc
// …") at the comma or "và" between them; any other clause is one.
func subjects(c text) []text {
	f := outsideBrackets(c.fold)
	v := strings.Index(f, "vu viec")
	if v < 0 || !hasAny(f[:v], "tam tru", "cu tru") {
		return []text{c}
	}
	cut := max(strings.LastIndex(f[:v], ", "), strings.LastIndex(f[:v], " va "))
	if cut <= 0 {
		return []text{c}
	}
	return []text{trimmed(c, 0, cut), trimmed(c, cut+1, len(f))}
}

// foreignRe names foreigners by their country ("công dân Lào", "người
// Trung Quốc", "quốc tịch Hàn Quốc").
var foreignRe = re(`\b(?:nuoc ngoai|quoc tich|(?:cong dan|nguoi|phia)\s+(?:lao|trung quoc|tq|campuchia|han quoc|nhat ban|thai lan|hoa ky|my|phap|anh|duc|uc|nga|dai loan)(?:\s|$|[,.;)]))`)

// abroadRe is "abroad" ("lao động đang làm việc ở nước ngoài", "tại nước
// ngoài"): the commune's own people there, no foreigners.
var abroadRe = re(`\b(?:o|tai|ra|di)\s+nuoc ngoai\b`)

// marriedAbroadRe says the commune's own women married foreigners ("06 phụ
// nữ của xã kết hôn với người nước ngoài"): no foreigners residing.
var marriedAbroadRe = re(`\b(?:ket hon voi|lay chong)\s+(?:nguoi|cong dan|chong)?\s*(?:nuoc ngoai|lao|trung quoc|campuchia|han quoc|nhat ban|thai lan|dai loan)\b`)

// consularClause reads what one clause says of foreigners residing,
// incidents and citizens who went abroad.
//
// It tells whether the clause was about foreigners residing.
func (r *reader) consularClause(c text) (residents bool) {
	{
		f := c.fold
		foreign := foreignRe.MatchString(strings.ReplaceAll(f, "lao cai", ""))
		illegal := hasAny(f, "trai phep", "bat hop phap", "vi pham")
		switch {
		case tellsIncident(f) && foreign && !citizensLabel(f):
			if sum, ok := listedParts(c, incidentsRe); ok {
				r.put("consular.foreigner_incidents", sum)
				break
			}
			r.putCount("consular.foreigner_incidents", c, incidentsRe, r.none(f))
		case foreign && foreignRe.MatchString(abroadRe.ReplaceAllString(strings.ReplaceAll(f, "lao cai", ""), " ")) &&
			hasAny(f, "tam tru", "cu tru", "sinh song", "lam an", "dang lam viec", "ket hon", "thuong tru") && !hasAny(f, "xuat canh") &&
			(!marriedAbroadRe.MatchString(f) || hasAny(f, "tam tru", "cu tru", "sinh song", "thuong tru")):
			if illegal {
				return
			}
			if vals := residentCounts(c); len(vals) > 0 {
				r.putReadings("consular.foreign_residents", vals)
			} else if r.none(f) {
				r.putInt("consular.foreign_residents", 0, whole(c))
			}
			return true
		case hasAny(f, "xuat canh") && !hasAny(f, "nhap canh"):
			if illegal {
				return
			}
			r.putCount("consular.citizens_exited", c, exitedRe, r.none(f))
		case !foreign && !illegal && hasAny(f, "cong dan", "luot nguoi") && !hasAny(f, "lao dong", "nhap canh", "bao ho", "bi lua", "bi bat", "giai cuu", "tiep nhan", "tro ve", "ve nuoc", "hoi huong") && wentAbroad(f, r.places):
			// "57 lượt công dân của xã sang Lào thăm thân": citizens who
			// crossed the border, whatever the word.
			r.putCount("consular.citizens_exited", c, exitedRe, false)
		}
	}
	return false
}

// serviceVuRe are words with "vụ" that name no incident: "dịch vụ"
// (services), "phục vụ", "nhiệm vụ", "nghĩa vụ", "chức vụ", "nghiệp vụ".
var serviceVuRe = re(`\b(?:dich|phuc|nhiem|nghia|chuc|nghiep) vu\b`)

// countedVuRe is a count of incidents however it ends ("03 vụ/07 người").
var countedVuRe = re(`\b\d+\s+vu\b`)

// tellsIncident tells whether a clause speaks of incidents ("vụ việc",
// "02 vụ", "03 vụ/07 người"), not of a service ("kinh doanh dịch vụ du
// lịch").
func tellsIncident(f string) bool {
	g := serviceVuRe.ReplaceAllString(f, " ")
	return hasAny(g, "vu viec", " vu ") || countedVuRe.MatchString(g)
}

// citizensLabel tells whether a clause is labelled as the protection of
// the commune's own citizens ("Bảo hộ công dân: 02 vụ tàu cá … bị lực
// lượng nước ngoài bắt giữ"): its cases are not incidents of foreigners,
// though it names a foreign country.
func citizensLabel(f string) bool {
	i := strings.Index(f, ":")
	return i > 0 && hasAny(f[:i], "bao ho")
}

// residentsTable reads a table of foreigners residing by nationality
// ("Quốc tịch | Người nước ngoài tạm trú" over "Liên bang Nga | 64", …,
// "Cộng | 143"): its total row is the figure, its rows by country, when
// they add up to another number, a second reading.
func (r *reader) residentsTable() {
	header := false
	var sum int64
	countries := 0
	for _, l := range r.d.parts[secConsular] {
		if l.fig == nil {
			header = header || hasAny(l.fold, "tam tru", "cu tru") && hasAny(l.fold, "quoc tich", "nguoi nuoc ngoai")
			continue
		}
		if !header {
			continue
		}
		label := strings.TrimSpace(strings.TrimLeft(l.fig.label.fold, "-+• "))
		vs := valuesOf(l.fig.value, "")
		if len(vs) != 1 || vs[0].unit != "" && vs[0].unit != "nguoi" {
			continue
		}
		n, err := ParseInt(vs[0].num)
		if err != nil {
			continue
		}
		switch {
		case totalRowRe.MatchString(label):
			q := whole(l.text)
			r.putInt("consular.foreign_residents", n, q)
			if countries > 1 && sum != n {
				r.putInt("consular.foreign_residents", sum, "tổng các dòng theo quốc tịch")
			}
			return
		case countryRe.MatchString(notCountryRe.ReplaceAllString(label, " ")) || hasAny(label, "quoc tich khac", "nuoc khac", "khac"):
			sum += n
			countries++
		default:
			return // a row of something else: no table by nationality
		}
	}
}

// totalRowRe is the label of a table's total row.
var totalRowRe = re(`^(?:cong|tong cong|tong so|tong|cong chung)\b`)

// residentCounts are the counts of foreigners residing a clause gives:
// not those staying a night or passing through ("1.245 người nước ngoài
// lưu trú …, trong đó 320 người tạm trú dài hạn": 320).
func residentCounts(c text) []cand {
	f := outsideBrackets(c.fold)
	ms := residentsRe.FindAllStringSubmatchIndex(f, -1)
	var fold []byte
	for i, m := range ms {
		end := len(f)
		if i+1 < len(ms) {
			end = ms[i+1][0]
		}
		after := f[m[2]:end]
		if hasAny(after, "luu tru", "du lich", "qua canh", "luot khach") && !hasAny(after, "tam tru", "cu tru", "sinh song", "lam an", "lam viec") {
			if fold == nil {
				fold = []byte(c.fold)
			}
			blank(fold, m[2], m[3]-m[2]) // not a count of those residing
		}
	}
	if fold != nil {
		c = text{orig: c.orig, fold: string(fold), idx: c.idx}
	}
	return counts(c, residentsRe)
}

// putCount puts at field the one count re finds in c; when it finds none
// and saysNone (c says there is none), 0.
func (r *reader) putCount(field string, c text, pattern *regexp.Regexp, saysNone bool) {
	vals := counts(c, pattern)
	if len(vals) > 0 {
		r.putReadings(field, vals)
	} else if saysNone {
		r.putInt(field, 0, whole(c))
	}
}

// overseas reads section 9: workers abroad on labour contracts.
func (r *reader) overseas() {
	r.each(secOverseas, func(c text) {
		f := c.fold
		if !hasAny(f, "lao dong", "lam viec", "thuc tap sinh") || !hasAny(f, "nuoc ngoai", "xuat khau", "hop dong") && !abroad(f, r.places) ||
			hasAny(f, "trai phep", "bat hop phap", "nguoi nuoc ngoai", "lao dong nuoc ngoai", "quoc tich") {
			return // not workers abroad, or foreigners working here
		}
		if hasAny(f, "ve nuoc", "het han hop dong", "tu van", "luot nguoi") {
			return // "12 lao động … hết hạn hợp đồng về nước", "tư vấn cho 150 lượt người dân": not those abroad
		}
		if hasAny(f, "xuat canh", "di moi", "moi di", "xuat khau moi", "da dua", "dua di") && !hasAny(f, "dang lam viec", "hien co", "tong so") {
			return // "Trong năm có 86 lao động xuất cảnh đi làm việc …": those who left this year, not all abroad
		}
		r.putCount("overseas_vietnamese.labor_export_workers", c, workersRe,
			r.none(f) && hasAny(f, "di lao dong", "xuat khau lao dong", "lao dong o nuoc ngoai", "lao dong tai nuoc ngoai", "lam viec o nuoc ngoai", "lam viec tai nuoc ngoai"))
	})
}

// training reads section 10: officials trained and courses. A clause
// that says none of the officials ("chưa cử cán bộ tham gia") after one
// about the courses ("Không có lớp bồi dưỡng; …") is about them too.
// sendNoneRe says no official was sent ("chưa cử cán bộ", "không cử").
var sendNoneRe = re(`\b(?:chua|khong)\s+(?:co\s+)?(?:cu|dang ky|tham gia)\b`)

func (r *reader) training() {
	if r.noneIn(secTraining, "training.officials_trained", "training.courses") {
		return
	}
	about := -1 // the line whose last clause was about training
	r.eachLine(secTraining, func(n int, c text) {
		f := c.fold
		if !hasAny(f, "tap huan", "boi duong", "dao tao", "lop", "khoa") {
			if about == n && hasAny(f, "can bo", "cong chuc", "dong chi", "vien chuc") {
				// "Số lớp: 01 lớp; số cán bộ tham gia: 03 người", "…;
				// chưa cử cán bộ tham gia": the officials of those courses.
				if vals := counts(c, officialsRe); len(vals) > 0 {
					r.putReadings("training.officials_trained", vals)
				} else if r.none(f) {
					r.putInt("training.officials_trained", 0, whole(c))
				}
			}
			return
		}
		about = n
		officials := counts(c, officialsRe)
		if hasAny(f, "nguoi dan", "nhan dan", "hoc sinh", "hoi vien", "ho kinh doanh", "doanh nghiep", "thanh nien") && !hasAny(f, "can bo", "cong chuc", "dong chi", "vien chuc") {
			officials = nil // "tập huấn cho 200 người dân": no officials
		}
		courses := counts(c, coursesRe)
		if hasAny(f, "hoc sinh", "truong tieu hoc", "truong thcs", "truong trung hoc", "truong mam non") && !hasAny(f, "can bo", "cong chuc", "dong chi", "vien chuc") {
			courses = nil // "Trường tiểu học có 12 lớp học tiếng Anh": a school's classes
		}
		r.putReadings("training.officials_trained", officials)
		r.putReadings("training.courses", courses)
		if len(officials) == 1 && len(courses) == 0 {
			// "cử 02 công chức tham gia Hội nghị tập huấn …": one course,
			// named once with no count and nothing that makes it several.
			if m := oneCourseRe.FindAllStringIndex(f, -1); len(m) == 1 && !severalRe.MatchString(f[max(0, m[0][0]-20):m[0][0]]) && !hasAny(f[m[0][1]:], "lop", "khoa", "hoi nghi", "dot") {
				r.putInt("training.courses", 1, quote(c, m[0][0], m[0][1]))
			}
		}
		if len(officials) == 0 && len(courses) == 0 && r.none(f) {
			q := whole(c)
			if hasAny(f, "can bo", "cong chuc", "nguoi", "dong chi", "vien chuc") {
				r.putInt("training.officials_trained", 0, q)
				if hasAny(f, "lop", "khoa") && !sendNoneRe.MatchString(f) {
					// Not "Chưa cử cán bộ tham gia các lớp bồi dưỡng": none
					// sent says nothing of how many courses there were.
					r.putInt("training.courses", 0, q)
				}
			} else if hasAny(f, "lop", "khoa") {
				r.putInt("training.courses", 0, q)
			}
		}
	})
}

// oneCourseRe is a course joined ("tham gia Hội nghị tập huấn", "dự lớp
// bồi dưỡng"); severalRe says there were several ("các lớp", "một số").
var (
	oneCourseRe = re(`\b(?:tham gia|du|hoc)\s+(?:01\s+|mot\s+)?(?:lop|khoa|hoi nghi tap huan|lop tap huan|lop boi duong|dot tap huan|dot boi duong)\b`)
	severalRe   = re(`\b(?:cac|nhung|mot so|nhieu|cac dot|hang)\s*$`)
)

// tableProjects are the projects of the tables of NGO projects, each with
// the value committed and disbursed in đồng where its cell says it in
// đồng ("60.000 USD (tương đương 1.524.000.000 đồng)" is the đồng; "chưa
// giải ngân" is 0).
func (r *reader) tableProjects() ([]models.NgoProject, []Found) {
	var ps []models.NgoProject
	var fs []Found
	for i, tp := range r.d.projects {
		at := models.Index("ngo_aid.projects", i)
		name := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(tp.name.orig, "Dự án "), "Dự án: "))
		if len(name) > models.MaxText {
			name = name[:models.MaxText]
		}
		p := models.NgoProject{Name: name, Donor: strings.TrimSpace(tp.donor.orig)}
		fs = append(fs, Found{Field: at + ".name", Value: p.Name, Text: tp.quote})
		if p.Donor != "" {
			fs = append(fs, Found{Field: at + ".donor", Value: p.Donor, Text: tp.donor.orig})
		}
		if v, ok := cellMoney(tp.committed); ok {
			p.CommittedVND = i64(v)
			fs = append(fs, Found{Field: at + ".committed_vnd", Value: v, Text: tp.committed.orig})
		}
		if v, ok := cellMoney(tp.disbursed); ok {
			p.DisbursedVND = i64(v)
			fs = append(fs, Found{Field: at + ".disbursed_vnd", Value: v, Text: tp.disbursed.orig})
		}
		ps = append(ps, p)
	}
	return ps, fs
}

// cellMoney reads a cell of money: the amount in đồng (not one in another
// currency), or 0 for "chưa giải ngân".
func cellMoney(t text) (int64, bool) {
	f := t.fold
	if f == "" {
		return 0, false
	}
	if notDisbursedRe.MatchString(f) || nothingRe.MatchString(strings.TrimRight(f, ". ")) {
		return 0, true
	}
	for _, m := range moneyRe.FindAllStringSubmatchIndex(f, -1) {
		if m[0] > 0 && isDigit(f[m[0]-1]) {
			continue
		}
		if v, ok := moneyOf(f, m); ok && !foreignCurrency(f, m[1]) {
			return v, true
		}
	}
	return 0, false
}
