package docimport

import (
	"regexp"
	"strings"
)

// The parts of a report, as the reader sorts its lines.
const (
	secHeader          = "header"   // before the title "BÁO CÁO"
	secPreamble        = "preamble" // the title's summary line, "Kính gửi", "Thực hiện Công văn…"
	secProfile         = "profile"
	secResults         = "results" // "II. KẾT QUẢ …": holds sections 1–13
	secDelegations     = "delegations"
	secAgreements      = "international_agreements"
	secConferences     = "international_conferences"
	secEconomic        = "economic_diplomacy"
	secPeopleNgo       = "people_ngo" // section 5: people's diplomacy and NGO aid
	secCultural        = "cultural_diplomacy"
	secInformation     = "information"
	secConsular        = "consular"
	secOverseas        = "overseas_vietnamese"
	secTraining        = "training"
	secAwards          = "foreign_awards_received"
	secNominations     = "award_nominations"
	secReporting       = "reporting_compliance"
	secTroubles        = "troubles" // "III. KHÓ KHĂN, …": holds difficulties and causes
	secDifficulties    = "difficulties"
	secCauses          = "causes"
	secPlan            = "plan"
	secRecommendations = "recommendations"
	secOther           = "other"
	secClosing         = "closing" // "Trên đây là báo cáo…", recipients, signature
)

// line is one paragraph of the document.
type line struct {
	text
	n int // its position in the document
}

// doc is a document split into its parts.
type doc struct {
	lines    []line
	header   []line            // before the title
	title    []line            // "BÁO CÁO" and its summary line
	parts    map[string][]line // content lines of each section
	headings map[string]line   // the heading that opened each section
	inline   map[string]line   // a heading line with words after its colon, from the heading's words on
	closing  []line
}

// headingRe matches a numbered heading: "I. ĐẶC ĐIỂM TÌNH HÌNH", "1. Công
// tác …", "3) …", "Phần II – …", "Mục 4. …".
var headingRe = regexp.MustCompile(`^(?:(?:phan|muc)\s+)?([ivx]{1,4}|\d{1,2})\s*[.)/:\-–]\s*(\S.*)$`)

// classifyTop tells which part a Roman-numbered heading opens.
func classifyTop(h string) string {
	switch {
	case hasAny(h, "kho khan", "vuong mac", "han che", "ton tai"):
		return secTroubles
	case hasAny(h, "ket qua", "tinh hinh thuc hien", "tinh hinh trien khai"):
		return secResults
	case hasAny(h, "dac diem", "tinh hinh chung", "khai quat", "tinh hinh dia phuong", "tinh hinh kinh te"):
		return secProfile
	case hasAny(h, "ke hoach", "phuong huong", "nhiem vu"):
		return secPlan
	case hasAny(h, "kien nghi", "de xuat", "giai phap"):
		return secRecommendations
	}
	return secOther
}

// classifySection tells which of the results' sections 1–13 a heading
// opens, in the order that keeps overlapping words apart ("chế độ thông
// tin, báo cáo" before "thông tin, tuyên truyền"; "kiến nghị … khen
// thưởng" before "khen thưởng").
func classifySection(h string) string {
	switch {
	case hasAny(h, "che do thong tin", "che do bao cao", "thong tin, bao cao", "thong tin bao cao"):
		return secReporting
	case hasAny(h, "doan ra", "doan vao", "quan ly doan"):
		return secDelegations
	case hasAny(h, "thoa thuan"):
		return secAgreements
	case hasAny(h, "hoi thao", "hoi nghi"):
		return secConferences
	case hasAny(h, "ngoai giao kinh te"):
		return secEconomic
	case hasAny(h, "doi ngoai nhan dan", "phi chinh phu", "vien tro", "pcpnn"):
		return secPeopleNgo
	case hasAny(h, "van hoa"):
		return secCultural
	case hasAny(h, "lanh su", "bao ho cong dan"):
		return secConsular
	case hasAny(h, "nguoi viet nam o nuoc ngoai", "kieu bao", "viet kieu"):
		return secOverseas
	case hasAny(h, "dao tao", "boi duong", "tap huan"):
		return secTraining
	case hasAny(h, "kien nghi", "xet tang", "de nghi"):
		if hasAny(h, "khen thuong", "tang") {
			return secNominations
		}
	case hasAny(h, "khen thuong"):
		return secAwards
	case hasAny(h, "thong tin", "tuyen truyen"):
		return secInformation
	}
	return ""
}

// classifyTrouble tells which list a numbered heading inside part III opens.
func classifyTrouble(h string) string {
	switch {
	case hasAny(h, "nguyen nhan"):
		return secCauses
	case hasAny(h, "kho khan", "vuong mac", "han che", "ton tai"):
		return secDifficulties
	case hasAny(h, "kien nghi", "de xuat", "giai phap"):
		return secRecommendations
	}
	return ""
}

func hasAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// isTitle tells whether a line is the document's title "BÁO CÁO".
func isTitle(f string) bool {
	f = strings.TrimRight(f, " :.")
	return f == "bao cao" || f == "b a o c a o"
}

// split sorts the lines of a document into its parts.
func split(raw []string) *doc {
	d := &doc{parts: map[string][]line{}, headings: map[string]line{}, inline: map[string]line{}}
	for _, s := range raw {
		s = clean(s)
		if s == "" {
			continue
		}
		d.lines = append(d.lines, line{text: newText(s), n: len(d.lines)})
	}
	titleAt := -1
	for i, l := range d.lines {
		if isTitle(l.fold) {
			titleAt = i
			break
		}
		if i > 40 {
			break
		}
	}
	rest := d.lines
	if titleAt >= 0 {
		d.header = d.lines[:titleAt]
		end := titleAt + 1
		if end < len(d.lines) && !headingRe.MatchString(d.lines[end].fold) {
			end++
		}
		d.title = d.lines[titleAt:end]
		rest = d.lines[end:]
	}
	top, cur := "", secPreamble
	for _, l := range rest {
		f := l.fold
		if cur != secClosing && (strings.HasPrefix(f, "tren day la") || strings.HasPrefix(f, "noi nhan")) {
			cur = secClosing
		}
		if cur == secClosing {
			d.closing = append(d.closing, l)
			continue
		}
		if m := headingRe.FindStringSubmatchIndex(f); m != nil {
			numeral := f[m[2]:m[3]]
			head, inline := f[m[4]:], ""
			roman := numeral[0] >= 'a'
			if i := strings.IndexByte(head, ':'); i >= 0 {
				head, inline = head[:i], strings.TrimSpace(head[i+1:])
			}
			key := ""
			switch {
			case roman:
				key = classifyTop(head)
				top = key
			case top == secTroubles:
				key = classifyTrouble(head)
			case top == secPlan || top == secRecommendations:
				key = "" // numbered entries of a list
			default:
				key = classifySection(head)
				if key == "" && top == "" {
					if k := classifyTrouble(head); k != "" {
						key = k
					}
				}
			}
			if key != "" && len(head) < 250 {
				cur = key
				d.headings[key] = l
				if inline != "" {
					// "3. … hội nghị quốc tế: Không có." — the words after the
					// colon are the section's content; the line from its
					// heading on is kept too, for the clauses that need what
					// the heading says ("1. Đoàn ra: Không").
					off := m[4] + strings.IndexByte(f[m[4]:], ':') + 1
					for off < len(f) && f[off] == ' ' {
						off++
					}
					d.inline[key] = line{text: sub(l.text, m[4], len(f)), n: l.n}
					d.parts[key] = append(d.parts[key], line{text: sub(l.text, off, len(f)), n: l.n})
				}
				continue
			}
		}
		d.parts[cur] = append(d.parts[cur], l)
	}
	return d
}

// sub is the part of t from fold offset a to b, as a text of its own.
func sub(t text, a, b int) text {
	idx := make([]int32, b-a+1)
	base := t.idx[a]
	for i := range idx {
		idx[i] = t.idx[a+i] - base
	}
	return text{orig: t.orig[t.idx[a]:t.idx[b]], fold: t.fold[a:b], idx: idx}
}
