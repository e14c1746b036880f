package docimport

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
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

// numberedSections are the sections 1–13 of the results, each opened by
// its own numbered heading.
var numberedSections = []string{secDelegations, secAgreements, secConferences, secEconomic, secPeopleNgo, secCultural,
	secInformation, secConsular, secOverseas, secTraining, secAwards, secNominations, secReporting}

// line is one paragraph of the document.
type line struct {
	text
	n   int        // its position in the document
	fig *rowFigure // what it says as a row of a table, or nil
}

// doc is a document split into its parts.
type doc struct {
	lines    []line
	header   []line            // before the title
	title    []line            // "BÁO CÁO" and its summary line
	parts    map[string][]line // content lines of each section
	headings map[string]line   // the heading that opened each section
	inline   map[string]line   // a heading line with words after its colon, from the heading's words on
	headed   map[int]line      // the same, by the line's position
	closing  []line
	period   period         // the title's period, to choose a table's columns
	projects []tableProject // the rows of tables of NGO projects
	// subheads are the numbered headings of sections 1–13 in the order
	// of the document, a section's sub-headings ("b) Đoàn nước ngoài:")
	// too.
	subheads []line
}

// headingRe matches a numbered heading: "I. ĐẶC ĐIỂM TÌNH HÌNH", "1. Công
// tác …", "3) …", "Phần II – …", "Mục 4. …", "Nội dung 2. …" (a letter that
// answers a request point by point), "VIII. …", "A. …", and the
// merged numbers of one heading over two sections: "2, 3. …", "11 và 12. …".
var headingRe = regexp.MustCompile(`^(?:(?:phan|muc|noi dung)\s+)?((?:[ivx]{1,4}|\d{1,2}|[a-e]\d{1,2}|[a-e])(?:\s*(?:,|&|\bva\b|-|–)\s*(?:[ivx]{1,4}|\d{1,2}))*)\s*[.)/:\-–]\s*(\S.*)$`)

// A numeral's kind: Roman ("VIII"), Arabic ("12"), or a letter ("B").
const (
	numRoman  = "roman"
	numArabic = "arabic"
	numLetter = "letter"
)

// ordinalHeadingRe matches a heading numbered in words: "Thứ nhất, …",
// "Thứ mười hai. …" (not "Phần thứ hai", a part).
var ordinalHeadingRe = regexp.MustCompile(`^(thu (?:nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi(?: mot| hai| ba)?))\s*[,.:]\s*(\S.*)$`)

// numeralKind tells the kind of a heading's first numeral. A lone "i",
// "v" or "x" is Roman; "a"–"e" (other than those) are letters.
func numeralKind(n string) string {
	first := n
	if i := strings.IndexAny(n, ",&-– "); i > 0 {
		first = n[:i]
	}
	switch {
	case first[0] >= '0' && first[0] <= '9',
		len(first) > 1 && first[1] >= '0' && first[1] <= '9': // "B12." of a form: a section's item
		return numArabic
	case strings.Trim(first, "ivx") == "":
		return numRoman
	}
	return numLetter
}

// classifyTop tells which part a Roman-numbered heading opens.
func classifyTop(h string) string {
	switch {
	case hasAny(h, "kho khan", "vuong mac", "han che", "ton tai"):
		return secTroubles
	case hasAny(h, "ket qua", "tinh hinh thuc hien", "tinh hinh trien khai"):
		return secResults
	case hasAny(h, "dac diem", "tinh hinh chung", "khai quat", "tinh hinh dia phuong", "tinh hinh kinh te", "thong tin chung"):
		return secProfile
	case hasAny(h, "ke hoach", "phuong huong", "nhiem vu"):
		return secPlan
	case hasAny(h, "kien nghi", "de xuat", "giai phap"):
		return secRecommendations
	}
	return secOther
}

// sectionWords are the words that name each of the results' sections
// 1–13, in the order that keeps overlapping words apart ("chế độ thông
// tin, báo cáo" before "thông tin, tuyên truyền"; "kiến nghị … khen
// thưởng" before "khen thưởng"). With also, a section needs one of its
// words and, after it, one of also ("kiến nghị khen thưởng").
var sectionWords = []struct {
	key         string
	words, also []string
}{
	{secReporting, []string{"che do thong tin", "che do bao cao", "thong tin, bao cao", "thong tin bao cao"}, nil},
	{secDelegations, []string{"doan ra", "doan vao", "quan ly doan", "quan ly cac doan", "doan cong tac"}, nil},
	{secAgreements, []string{"thoa thuan"}, nil},
	{secConferences, []string{"hoi thao", "hoi nghi"}, nil},
	{secEconomic, []string{"ngoai giao kinh te"}, nil},
	{secPeopleNgo, []string{"doi ngoai nhan dan", "phi chinh phu", "vien tro", "pcpnn"}, nil},
	{secCultural, []string{"van hoa"}, nil},
	{secConsular, []string{"lanh su", "bao ho cong dan", "nguoi nuoc ngoai tam tru", "nguoi nuoc ngoai cu tru", "tinh hinh nguoi nuoc ngoai", "vu viec co yeu to nuoc ngoai"}, nil},
	{secOverseas, []string{"nguoi viet nam o nuoc ngoai", "nguoi vn o nuoc ngoai", "kieu bao", "viet kieu", "lao dong o nuoc ngoai", "xuat khau lao dong", "lao dong tai nuoc ngoai"}, nil},
	{secTraining, []string{"dao tao", "boi duong", "tap huan"}, nil},
	{secNominations, []string{"kien nghi", "xet tang", "de nghi"}, []string{"khen thuong", "tang"}},
	{secAwards, []string{"khen thuong"}, nil},
	{secInformation, []string{"thong tin", "tuyen truyen"}, nil},
}

// shortHeadingWords name a section in a heading of a few words only
// ("Công tác đón tiếp khách quốc tế", "Quản lý người nước ngoài", "Xuất
// nhập cảnh"): in a sentence they are words of its content.
var shortHeadingWords = []struct {
	key   string
	words []string
}{
	{secDelegations, []string{"don tiep khach", "tiep don khach", "tiep khach", "doan khach", "doan nuoc ngoai", "doan quoc te", "di nuoc ngoai", "doan di", "don tiep doan", "tiep doan", "don doan"}},
	{secAgreements, []string{"ghi nho"}},
	{secConsular, []string{"quan ly nguoi nuoc ngoai", "nguoi nuoc ngoai", "xuat nhap canh", "xuat canh"}},
	{secOverseas, []string{"lam viec o nuoc ngoai", "lam viec tai nuoc ngoai", "cong dong nguoi viet", "nguoi viet nam dinh cu"}},
	{secTraining, []string{"nang cao nang luc", "nang cao trinh do"}},
	{secAwards, []string{"huan chuong", "huy chuong"}},
}

// maxShortHeading is how many words a heading may have for
// shortHeadingWords to name its section.
const maxShortHeading = 12

// classifySections tells which of the results' sections 1–13 a heading
// names: one, or several when it names them together ("Hội nghị, hội
// thảo quốc tế và ký kết thỏa thuận quốc tế"). The words of a section
// found are blanked before the next is looked for, so that "chế độ thông
// tin" is not also "thông tin".
func classifySections(h string) []string {
	var keys []string
	b := []byte(h)
	// "Một số thông tin chung của xã": general facts, the profile, not the
	// section of foreign information ("thông tin đối ngoại").
	for i := strings.Index(string(b), "thong tin chung"); i >= 0; i = strings.Index(string(b), "thong tin chung") {
		blank(b, i, len("thong tin chung"))
	}
	for _, s := range sectionWords {
		hit := false
		for _, w := range s.words {
			i := strings.Index(string(b), w)
			if i < 0 {
				continue
			}
			if s.also != nil {
				// Every one of also after the word is part of this name.
				after := false
				for _, a := range s.also {
					for k := strings.Index(string(b[i+len(w):]), a); k >= 0; k = strings.Index(string(b[i+len(w):]), a) {
						blank(b, i+len(w)+k, len(a))
						after = true
					}
				}
				if !after {
					continue
				}
				blank(b, i, len(w))
				hit = true
				break
			}
			for i >= 0 {
				blank(b, i, len(w))
				i = strings.Index(string(b), w)
			}
			hit = true
		}
		if hit {
			keys = append(keys, s.key)
		}
	}
	if len(keys) == 0 && len(strings.Fields(h)) <= maxShortHeading && !strings.ContainsAny(h, ".;") {
		for _, s := range shortHeadingWords {
			if hasAny(h, s.words...) {
				keys = append(keys, s.key)
			}
		}
		if len(keys) > 1 {
			keys = nil // two of them: no heading of one
		}
	}
	// "Khen thưởng" alone names awards received and nominations both.
	if slices.Contains(keys, secAwards) && !slices.Contains(keys, secNominations) && !hasAny(h, "nuoc ngoai", "tiep nhan", "nhan duoc") {
		keys = append(keys, secNominations)
	}
	return keys
}

func blank(b []byte, i, n int) {
	for k := i; k < i+n; k++ {
		b[k] = ' '
	}
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

// isTitle tells whether a line is the document's title "BÁO CÁO", or a
// title in capitals that says which report ("BÁO CÁO NHANH", "BÁO CÁO
// KẾT QUẢ CÔNG TÁC ĐỐI NGOẠI NĂM 2024").
func isTitle(l text) bool {
	f := strings.TrimRight(l.fold, " :.")
	if f == "bao cao" || f == "b a o c a o" {
		return true
	}
	return strings.HasPrefix(f, "bao cao ") && len(f) < 120 && strings.ToUpper(l.orig) == l.orig && !strings.Contains(f, "so:")
}

// split sorts the lines of a document into its parts.
func split(raw []string) *doc {
	d := &doc{parts: map[string][]line{}, headings: map[string]line{}, inline: map[string]line{}, headed: map[int]line{}}
	raw = spacedRows(pipeRows(listNumbers(raw)))
	// Every paragraph is a line, those of a table's cells too; src says
	// which raw line (which row) each came from.
	var src []int
	afterPage := false // the last line that holds anything was a page's number
	for k, s := range raw {
		if strings.TrimSpace(s) == "" {
			continue
		}
		page := afterPage
		afterPage = false
		paras := []string{s}
		if isRow(s) {
			paras = nil
			for _, c := range cellsOf(s) {
				for _, p := range c {
					paras = append(paras, strings.TrimPrefix(p, contMark))
				}
			}
		}
		for _, p := range paras {
			p = clean(p)
			switch {
			case p == "":
			case len(paras) == 1 && pageNumberRe.MatchString(p):
				// A page's number left in a text typed from paper.
				afterPage = true
			case len(paras) == 1 && page && runningHeadRe.MatchString(fold(p)):
				// The page's running header under its number ("UBND xã
				// Thử - Báo cáo công tác đối ngoại 6T/2025"): no line of
				// the section the page break fell in.
			case len(paras) == 1 && k > 0 && len(src) > 0 && src[len(src)-1] == k-1 && !isRow(raw[k-1]) && (continues(d.lines[len(d.lines)-1].text, p) || groupAhead(d.lines[len(d.lines)-1].text, p, raw[k+1:])):
				// A sentence cut across two lines ("… có 1.402" / "hộ, …"),
				// or a number ("4.512," / "36 ha").
				last := &d.lines[len(d.lines)-1]
				sep := " "
				if o := last.orig; (o[len(o)-1] == ',' || o[len(o)-1] == '.') && len(o) > 1 && isDigit(o[len(o)-2]) && isDigit(p[0]) {
					sep = ""
				}
				last.text = newText(last.orig + sep + p)
				src[len(src)-1] = k
			default:
				d.lines = append(d.lines, line{text: newText(p), n: len(d.lines)})
				src = append(src, k)
			}
		}
	}
	titleAt := -1
	for i, l := range d.lines {
		if isTitle(l.text) {
			titleAt = i
			break
		}
		if i > 40 {
			break
		}
	}
	start := 0
	if titleAt >= 0 {
		d.header = d.lines[:titleAt]
		end := titleAt + 1
		if end < len(d.lines) && !headingRe.MatchString(d.lines[end].fold) && !isRow(raw[src[end]]) {
			end++
		}
		d.title = d.lines[titleAt:end]
		d.period = titlePeriod(d.title)
		start = end
	} else {
		// No title ("V/v báo cáo …" under the number instead): the header
		// is what comes before the first heading or the addressee.
		for i, l := range d.lines {
			// "V/v …" is the subject under the number, no heading "V.".
			if i >= 12 || headingRe.MatchString(l.fold) && !strings.HasPrefix(l.fold, "v/v") || strings.HasPrefix(l.fold, "kinh gui") {
				break
			}
			d.header = d.lines[:i+1]
		}
		start = len(d.header)
		for _, l := range d.header {
			if strings.HasPrefix(l.fold, "v/v") {
				d.period = titlePeriod([]line{l})
			}
		}
	}
	o := outline{top: "", cur: []string{secPreamble}}
	var ts tableState
	lastRow := -2
	for i := start; i < len(d.lines); i++ {
		l := d.lines[i]
		f := l.fold
		row := isRow(raw[src[i]])
		if !o.closing && (strings.HasPrefix(f, "tren day la") || strings.HasPrefix(f, "noi nhan")) {
			o.closing = true
		}
		if (o.closing || o.annex) && !row && annexRe.MatchString(f) {
			o = outline{cur: []string{secOther}, annex: true}
			ts = tableState{caption: f}
			continue
		}
		if !o.closing && row && src[i] != lastRow {
			// A row is read whole, from its first paragraph; it may hold
			// the closing ("Nơi nhận" beside the signature).
			for k := i; k < len(d.lines) && src[k] == src[i]; k++ {
				if g := d.lines[k].fold; strings.HasPrefix(g, "tren day la") || strings.HasPrefix(g, "noi nhan") {
					o.closing = true
				}
			}
		}
		if o.closing {
			d.closing = append(d.closing, l)
			continue
		}
		if row {
			if src[i] == lastRow {
				continue
			}
			if src[i] != lastRow+1 {
				ts = tableState{caption: ts.caption}
			}
			lastRow = src[i]
			d.row(&o, &ts, raw[src[i]], l.n)
			continue
		}
		if n := d.partHeading(&o, l, i, func(k int) bool { return isRow(raw[src[k]]) }); n > 0 {
			ts = tableState{caption: f}
			i += n - 1
			continue
		}
		if d.heading(&o, l) || d.leadHeading(&o, l) || d.bareHeading(&o, l) {
			if !ts.inside {
				ts = tableState{caption: f}
			} else if src[i] == lastRow+1 {
				lastRow = src[i]
			}
			continue // a heading inside a table ("I. ĐẶC ĐIỂM …" in one cell) keeps its columns
		}
		if ts.inside && ts.cols != nil && i+1 < len(d.lines) && isRow(raw[src[i+1]]) && groupLine(f) {
			// "B. Dự án đã kết thúc" typed between two rows of a table: the
			// label of the rows below, as a merged row would be.
			ts.group = f
			lastRow = src[i]
			for _, k := range o.cur {
				d.parts[k] = append(d.parts[k], l)
			}
			continue
		}
		ts = tableState{caption: f}
		keys := o.cur
		if lead := leadKeys(&o, f); lead != nil {
			keys = lead
		}
		l.text = maskOther(l.text, d.period) // modality.go
		d.lines[i] = l
		for _, k := range keys {
			d.parts[k] = append(d.parts[k], l)
		}
	}
	for k, ls := range d.parts {
		for i, l := range ls {
			ls[i] = maskRow(l, d.period) // modality.go
		}
		d.parts[k] = ls
	}
	return d
}

// groupLineRe is a line that labels the rows of a table below it: an
// ordinal ("A.", "II.", "2)") or none, then a few words without a figure.
var groupLineRe = regexp.MustCompile(`^(?:(?:[a-d]|[ivx]{1,4}|\d{1,2})[.)]\s*)?[^\d.;:]{3,80}$`)

// groupLine tells whether a line typed between two rows of a table labels
// the rows below it ("A. Dự án đang thực hiện").
func groupLine(f string) bool { return groupLineRe.MatchString(strings.TrimSpace(f)) }

// listNumberRe is a line that holds only the number of an item of a
// list and the tab after it ("1.\t", "II.\t", "b)\t"): what a list item
// whose number stands before its first paragraph gives saved as text.
var listNumberRe = regexp.MustCompile(`^\s*((?:\d{1,2}|[IVX]{1,4}|[a-eđ])[.)])\t\s*$`)

// listNumbers joins the number of a list's item, alone on its line, to
// the item's words on the next line ("1.\t" / "Công tác lãnh sự, …" is the
// heading "1. Công tác lãnh sự, …"), when those are a line of words, no
// row of a table.
func listNumbers(raw []string) []string {
	out := slices.Clone(raw)
	for i := 0; i+1 < len(out); i++ {
		m := listNumberRe.FindStringSubmatch(out[i])
		if m == nil {
			continue
		}
		next := strings.TrimSpace(out[i+1])
		if r, _ := utf8.DecodeRuneInString(next); !unicode.IsLetter(r) || isRow(out[i+1]) {
			continue
		}
		out[i], out[i+1] = "", m[1]+" "+next
	}
	return out
}

// pipeRows turns the rows of a table typed between "|" into rows of
// cells, and drops its rule lines.
func pipeRows(raw []string) []string {
	out := raw[:0:0]
	for _, s := range raw {
		row, ok, drop := pipeRow(s)
		switch {
		case drop:
			out = append(out, "")
		case ok:
			out = append(out, row)
		default:
			out = append(out, s)
		}
	}
	return out
}

// outline is where split is in the document: the part of the last Roman
// or lettered heading, the sections the lines now go to, and whether the
// closing has begun.
type outline struct {
	top     string
	cur     []string
	closing bool
	annex   bool // after the signature, in an annex ("Phụ lục")
	// lead is the form (leadForm) of the lead that opened the sections
	// now open ("Về đoàn ra, đoàn vào:" over its items), or "": a line
	// of the same form names its sections, as a heading would.
	lead string
}

// heading tells whether l is a heading and, if so, opens its sections:
// the words after its colon are their first content ("3. … hội nghị quốc
// tế: Không có.").
func (d *doc) heading(o *outline, l line) bool {
	f := l.fold
	m := headingRe.FindStringSubmatchIndex(f)
	kind := ""
	if m == nil {
		// "Thứ nhất, công tác đón tiếp khách quốc tế.": numbered in words,
		// as the sections 1–13 are.
		if m = ordinalHeadingRe.FindStringSubmatchIndex(f); m == nil {
			return false
		}
		kind = numArabic
	}
	numeral := f[m[2]:m[3]]
	if kind == "" {
		kind = numeralKind(numeral)
	}
	head, inline := f[m[4]:], ""
	sep := -1 // where the heading's words end and its content begins, in f
	// A colon in brackets is the heading's own ("1. Đoàn ra (ghi rõ số
	// đoàn, số người; ví dụ: 01 đoàn, 05 người)"), no start of content.
	if i := strings.IndexByte(outsideBrackets(head), ':'); i >= 0 {
		head, inline, sep = head[:i], strings.TrimSpace(head[i+1:]), m[4]+i
	}
	var keys []string
	var top string
	if i := sentenceStop(head); i > 0 {
		// "2, 3, 4. Thỏa thuận quốc tế, hội nghị quốc tế. Trong kỳ, xã
		// không …": a heading ended by a full stop, its content after it
		// on the same line, when the words before the stop name sections.
		if k, t := headingKeys(kind, head[:i], o.top); len(k) > 0 {
			keys, top = k, t
			head, inline, sep = head[:i], strings.TrimSpace(head[i+1:]), m[4]+i
		}
	}
	if len(head) >= 250 {
		return false
	}
	if keys == nil {
		// A heading's own full stop is no part of its words ("Thứ ba, hợp
		// tác với các tổ chức phi chính phủ nước ngoài.").
		keys, top = headingKeys(kind, strings.TrimRight(head, ". "), o.top)
	}
	if len(keys) == 0 && kind == numArabic && len(o.cur) > 0 && slices.Contains(numberedSections, o.cur[len(o.cur)-1]) {
		// "9/ Khó khăn, đề xuất" after "8/ Khen thưởng của nước ngoài", in
		// a report numbered only in Arabic numerals whose first part
		// ("1/ Khái quát tình hình") was the profile: the difficulties,
		// no content of the section before.
		if k := classifyTrouble(head); k != "" {
			keys = []string{k}
		}
	}
	if top != "" {
		o.top = top
	}
	if len(keys) == 0 {
		return false
	}
	d.open(o, keys, l)
	d.subheads = append(d.subheads, l)
	if inline == "" && kind == numLetter && len(strings.Fields(head)) >= 8 && (strings.HasSuffix(head, ".") || strings.Contains(head, ";")) {
		// "a) Năm 2024 xã không ký kết thỏa thuận quốc tế mới; …": an item
		// that is a sentence opens its section and is its first content.
		for _, key := range keys {
			d.parts[key] = append(d.parts[key], line{text: maskOther(sub(l.text, m[4], len(f)), d.period), n: l.n})
		}
		return true
	}
	for _, key := range keys {
		if inline != "" {
			// The line from its heading on is kept too, for the clauses that
			// need what the heading says ("1. Đoàn ra: Không").
			off := sep + 1
			for off < len(f) && f[off] == ' ' {
				off++
			}
			// What follows the colon is prose: the modalities of its
			// clauses hide what they govern, as on a line of its own
			// ("a) Người nước ngoài tạm trú: năm 2023 có 12 người …").
			in := maskOther(sub(l.text, m[4], len(f)), d.period)
			d.inline[key] = line{text: in, n: l.n}
			d.headed[l.n] = d.inline[key]
			d.parts[key] = append(d.parts[key], line{text: sub(in, off-m[4], len(f)-m[4]), n: l.n})
		}
	}
	return true
}

// partWordRe is a part numbered in words, or by a numeral with no words
// after it: "Phần thứ hai", "PHẦN THỨ NHẤT: ĐẶC ĐIỂM TÌNH HÌNH", "Phần
// II". With no words, its name is the next line ("KẾT QUẢ THỰC HIỆN CÔNG
// TÁC ĐỐI NGOẠI NĂM 2024").
var partWordRe = regexp.MustCompile(`^phan\s+(?:thu\s+(?:nhat|hai|ba|tu|nam|sau)|[ivx]{1,4}|\d)\s*(?:[.:\-–]\s*(\S.*))?$`)

// partHeading opens the part that a heading numbered "Phần thứ …" names,
// on its line or on the next, and tells how many lines it took (0: it is
// none). Its name may be long: the part is told by its words, as a Roman
// heading's is ("KẾT QUẢ THỰC HIỆN CÔNG TÁC ĐỐI NGOẠI NĂM 2024").
func (d *doc) partHeading(o *outline, l line, i int, isRow func(int) bool) int {
	m := partWordRe.FindStringSubmatch(l.fold)
	if m == nil || isRow(i) {
		return 0
	}
	head, n := m[1], 1
	if head == "" {
		if i+1 >= len(d.lines) || isRow(i+1) {
			return 0
		}
		next := d.lines[i+1]
		if o := strings.TrimSpace(next.orig); strings.HasSuffix(o, ".") || strings.ToUpper(o) != o && classifyTop(next.fold) == secOther {
			return 0 // a sentence, or words in small letters that name no part: no name
		}
		head, n = next.fold, 2
	}
	head = strings.TrimRight(head, ".: ")
	if len(strings.Fields(head)) > 15 || strings.ContainsAny(planYearRe.ReplaceAllString(head, ""), "0123456789.;") {
		return 0
	}
	keys, top := headingKeys(numRoman, head, o.top)
	if top == "" {
		return 0
	}
	o.top = top
	d.open(o, keys, l)
	return n
}

// sentenceStop is where the words of a heading end at a full stop
// followed by a sentence ("đoàn vào. Trong 6 tháng …"), or -1: the words
// before it are a heading's few (2 to 20), with no figure, and a word
// follows it, not a number ("561,87 ha. 12 thôn").
func sentenceStop(head string) int {
	i := strings.Index(head, ". ")
	if i <= 0 {
		return -1
	}
	words := strings.Fields(head[:i])
	if len(words) < 2 || len(words) > 20 || strings.ContainsAny(head[:i], "0123456789") {
		return -1
	}
	if r, _ := utf8.DecodeRuneInString(strings.TrimSpace(head[i+1:])); !unicode.IsLetter(r) {
		return -1
	}
	return i
}

// planYearRe is the year of a plan's heading ("Phương hướng, nhiệm vụ năm 2025").
var planYearRe = re(`\b(?:nam\s+)?\d{4}$`)

// bareHeading opens the part an unnumbered heading names: a short line of
// a few words, no figure and no stop, that names the profile, the
// difficulties, the plan or the recommendations ("Khai quat chung", "Khó
// khăn, kiến nghị").
//
// Within the results, such a line that names sections 1–13 opens them
// ("Công tác lãnh sự, bảo hộ công dân", "Khen thưởng").
func (d *doc) bareHeading(o *outline, l line) bool {
	f := strings.TrimSpace(l.fold)
	if r, _ := utf8.DecodeRuneInString(l.orig); !unicode.IsUpper(r) {
		return false
	}
	if secs := classifySections(strings.TrimSuffix(f, ":")); len(secs) > 0 {
		if o.top != secResults && o.top != "" || len(strings.Fields(f)) > maxShortHeading || strings.ContainsAny(strings.TrimSuffix(f, ":"), "0123456789.:;") {
			return false
		}
		d.open(o, secs, l)
		d.subheads = append(d.subheads, l)
		return true
	}
	g := f
	if hasAny(f, "phuong huong", "nhiem vu") {
		g = planYearRe.ReplaceAllString(f, "") // "Phương hướng năm 2025": the plan, its year no figure
	}
	if len(strings.Fields(f)) > 6 || strings.ContainsAny(g, "0123456789.:;") {
		return false
	}
	switch t := classifyTop(f); t {
	case secProfile, secTroubles, secPlan, secRecommendations:
		o.top = t
		d.open(o, []string{t}, l)
		return true
	}
	return false
}

// headingKeys tells which parts a heading opens, given the kind of its
// numeral, its words and the part it is in, and the new top-level part if
// it opens one. A Roman or lettered heading opens a part (II. KẾT QUẢ),
// or, when its words name no part but one of the sections 1–13, that
// section ("VIII. Lãnh sự, bảo hộ công dân"); an Arabic one opens
// sections, or an entry of a list (within the plan or recommendations).
func headingKeys(kind, head, top string) (keys []string, newTop string) {
	secs := classifySections(head)
	if kind != numArabic {
		t := classifyTop(head)
		if t == secOther && len(secs) == 0 && hasAny(head, "doi ngoai") {
			t = secResults // "B. CÔNG TÁC ĐỐI NGOẠI": the results, by its subject
		}
		switch {
		case t == secOther && len(secs) > 0,
			t == secRecommendations && len(secs) == 1 && secs[0] == secNominations,
			t == secPlan && len(secs) > 0 && top == secResults:
			return secs, ""
		case kind == numLetter && t == secOther:
			return nil, "" // "a) …": an item of a list, not a heading
		}
		return []string{t}, t
	}
	switch top {
	case secTroubles:
		if k := classifyTrouble(head); k != "" {
			return []string{k}, ""
		}
		return nil, ""
	case secPlan, secRecommendations:
		return nil, "" // numbered entries of a list
	}
	if len(secs) > 0 {
		return secs, ""
	}
	if top == "" {
		if k := classifyTrouble(head); k != "" {
			return []string{k}, ""
		}
	}
	// A report numbered only in Arabic numerals opens its parts with them:
	// "1. Tình hình chung", "2. Kết quả nổi bật".
	switch t := classifyTop(head); {
	case t == secProfile && top == "", t == secResults && (top == "" || top == secProfile):
		return []string{t}, t
	}
	return nil, ""
}

// leadRe is the lead of a paragraph that names its subject before a
// colon: "+ Đoàn ra: Không.", "Về viện trợ phi chính phủ nước ngoài: …".
var leadRe = regexp.MustCompile(`^[-–+•*\s]*(?:ve\s+)?([^:\d]{3,80}?)\s*:`)

// leadKeys are the sections a paragraph outside any of them names by its
// lead, or nil: a report without section headings says its subjects so.
// Under a lead that opened sections (leadHeading), a paragraph whose lead
// has the same form ("Về …:") names the next, and the lines after it are
// its own.
func leadKeys(o *outline, f string) []string {
	sibling := o.lead != "" && leadForm(f) == o.lead
	if !sibling && !generic(o.cur) {
		return nil
	}
	m := leadRe.FindStringSubmatch(f)
	if sibling {
		m = siblingLeadRe.FindStringSubmatch(f)
	} else if n := numberedLeadRe.FindStringSubmatch(f); m == nil && n != nil {
		// "Mục 2, 3, 11, 12 (thỏa thuận quốc tế; hội nghị …; khen thưởng
		// …): Không phát sinh.": the sections by their numbers in the
		// form, named in the brackets.
		m = n
	} else if m == nil {
		// "Đoàn ra, thỏa thuận quốc tế, hội nghị hội thảo quốc tế, viện
		// trợ … và khen thưởng của nước ngoài: không có.": a long lead
		// that lists several sections names them all.
		if m = siblingLeadRe.FindStringSubmatch(f); m != nil && len(classifySections(m[1])) < 2 {
			m = nil
		}
	}
	if m == nil {
		return nil
	}
	if keys := classifySections(m[1]); len(keys) > 0 {
		if sibling {
			o.cur = keys
		}
		return keys
	}
	if classifyTop(m[1]) == secProfile && !sibling {
		return []string{secProfile}
	}
	return nil
}

// numberedLeadRe is a lead that names sections by their numbers in the
// reporting form and their names in brackets: "Mục 2, 3, 11 (thỏa thuận
// quốc tế; hội nghị …; khen thưởng …):".
var numberedLeadRe = regexp.MustCompile(`^[-–+•*\s]*(?:cac\s+)?(?:muc|noi dung|chi tieu)\s+\d{1,2}(?:\s*(?:,|;|va|-|–)\s*\d{1,2})*\s*\(([^():\d]{3,200})\)\s*:`)

// siblingLeadRe is leadRe for a lead among leads of its form: it may
// name several sections at length ("Về thỏa thuận quốc tế, hội nghị hội
// thảo quốc tế, tiếp nhận khen thưởng của nước ngoài và kiến nghị khen
// thưởng cấp nhà nước, cấp tỉnh: …").
var siblingLeadRe = regexp.MustCompile(`^[-–+•*\s]*(?:ve\s+)?([^:\d]{3,200}?)\s*:`)

// leadFormRe is how a lead begins: its bullet ("+", "-", "•"), and "Về".
var leadFormRe = regexp.MustCompile(`^([-–+•*\s]*)(ve\s)?`)

// leadForm is the form of a paragraph's beginning (leadFormRe): leads of
// one form are one list's items.
func leadForm(f string) string {
	m := leadFormRe.FindStringSubmatch(f)
	return strings.TrimSpace(m[1]) + "|" + strings.TrimSpace(m[2])
}

// leadHeading opens the sections a lead with nothing after its colon
// names, in a report or part with no heading of them: "Về quản lý đoàn
// ra, đoàn vào:" over its items ("+ Tiếp 05 đoàn …"), "Về viện trợ phi
// chính phủ nước ngoài, xã tiếp nhận và triển khai:". Its siblings, the
// leads of the same form after it, open theirs (leadKeys).
func (d *doc) leadHeading(o *outline, l line) bool {
	f := strings.TrimSpace(l.fold)
	if !strings.HasSuffix(f, ":") || o.lead == "" && !generic(o.cur) || o.lead != "" && leadForm(f) != o.lead {
		return false
	}
	m := leadRe.FindStringSubmatch(f)
	if m == nil || len(m[0]) != len(f) {
		return false
	}
	keys := classifySections(m[1])
	if len(keys) == 0 {
		return false
	}
	d.open(o, keys, l)
	o.lead = leadForm(f)
	d.subheads = append(d.subheads, l)
	return true
}

// annexRe is the title of an annex after the signature ("Phụ lục", "PHỤ
// LỤC I", "Phụ biểu", "BIỂU TỔNG HỢP SỐ LIỆU", "Biểu số 01", "Bảng số
// liệu"): its tables are read as the body's.
var annexRe = regexp.MustCompile(`^(?:phu luc|phu bieu|bieu (?:so|tong hop|mau|so lieu|thong ke)|bang (?:tong hop|so lieu|thong ke))\b`)

// sub is the part of t from fold offset a to b, as a text of its own.
func sub(t text, a, b int) text {
	idx := make([]int32, b-a+1)
	base := t.idx[a]
	for i := range idx {
		idx[i] = t.idx[a+i] - base
	}
	return text{orig: t.orig[t.idx[a]:t.idx[b]], fold: t.fold[a:b], idx: idx}
}

// runningHeadRe is a page's running header: the issuer, a dash, the
// document's name ("UBND xã Thử - Báo cáo công tác đối ngoại 6T/2025").
var runningHeadRe = regexp.MustCompile(`^(?:ubnd|uy ban nhan dan)\s+(?:xa|phuong|thi tran|dac khu)\s+[^.;:]{1,40}?\s[-–—]\s+bao cao\b`)

// pageNumberRe is a line that is only a page's number ("2", "- 2 -").
var pageNumberRe = regexp.MustCompile(`^-?\s*\d{1,2}\s*-?$`)

// wideGapRe is a run of spaces that a text typed from paper puts between
// the two columns of its header ("UBND XÃ …          Độc lập - …").
var (
	wideGapRe = regexp.MustCompile(`\S {4,}\S`)
	spacesRe  = regexp.MustCompile(` {4,}`)
)

// spacedRows turns a line whose columns are set apart by runs of spaces
// into a row of cells; a line only indented stays a line.
func spacedRows(raw []string) []string {
	for i, s := range raw {
		t := strings.TrimSpace(s)
		if !isRow(s) && wideGapRe.MatchString(t) {
			raw[i] = spacesRe.ReplaceAllString(t, cellSep)
		}
	}
	return raw
}

// numberStartRe is a line that begins with a figure and its word ("5.786
// người", "12 thôn"), not with a heading's number ("5. …", "3.1. …").
var numberStartRe = regexp.MustCompile(`^(?:\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(?:\s*%|\s+[a-z])`)

// dateWordEndRe ends a line on the word of a date ("tháng", "ngày");
// dateStartRe begins one with the date's figures ("10/2024",
// "15/3/2024").
var (
	dateWordEndRe = regexp.MustCompile(`\s(?:thang|ngay)$`)
	dateStartRe   = regexp.MustCompile(`^\d{1,2}/(?:\d{1,2}/)?\d{4}\b`)
)

// continues tells whether next goes on with the sentence of prev: prev
// ends without a stop and next begins with a small letter, or next is the
// rest of a number cut at its thousands' dot ("… 1.327 hộ với 5." /
// "106 nhân khẩu").
func continues(pt text, next string) bool {
	prev := pt.orig
	if prev == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	if cutNumberRe.MatchString(prev) && thousandsRe.MatchString(next) {
		return true
	}
	if open := strings.Count(prev, "(") - strings.Count(prev, ")"); open > 0 {
		// "… (6 tháng đầu năm:" / "02 đoàn nước ngoài).": a bracket
		// opened on a line and closed on the next is one aside, whatever
		// ends the line.
		if c := strings.IndexByte(next, ')'); c >= 0 && !strings.Contains(next[:c], "(") {
			return true
		}
	}
	if strings.HasSuffix(prev, ";") && unicode.IsLower(r) && !letterItemRe.MatchString(next) {
		// "… du lịch - dịch vụ 48,3%;" / "ngành nghề khác 10,2%.": a
		// list in one sentence, broken where the line was full; no line
		// of its own begins with a small letter.
		return true
	}
	if strings.ContainsRune(".:;!?…)", rune(prev[len(prev)-1])) {
		return false
	}
	if unicode.IsDigit(r) && dateWordEndRe.MatchString(pt.fold) && dateStartRe.MatchString(next) {
		// "… được phê duyệt tháng" / "10/2024, hiện chưa giải ngân": a
		// date broken after its word.
		return true
	}
	if unicode.IsDigit(r) {
		// "… dân số là" / "5.786 người": a number that is no heading; and
		// "X. Đào tạo, bồi dưỡng" / "01 công chức …": a heading, then its
		// first words.
		return numberStartRe.MatchString(fold(next)) && !headingRe.MatchString(pt.fold)
	}
	if unicode.IsUpper(r) && openEndRe.MatchString(prev) {
		// "… do Tổ chức" / "Đông Tây Hội Ngộ tài trợ, …": a line that ends
		// on a word that cannot end a sentence ("do", "của", "với"), or
		// on it and a name's first words, goes on with the next, a name's
		// capital first — unless that is a heading or an item of a list.
		f := fold(next)
		return !headingRe.MatchString(f) && !listMarkRe.MatchString(next) && !letterItemRe.MatchString(next)
	}
	return unicode.IsLower(r) && !letterItemRe.MatchString(next)
}

// openEndRe ends a line on a word that needs more after it (by, of, with,
// and, at, for, from, to), and perhaps the first words of the name it
// leads to ("do Tổ chức", "của Quỹ Hòa"). listMarkRe begins an item of a
// list marked by a sign.
var (
	openEndRe  = regexp.MustCompile(`(?:^|\s)(?:do|của|cua|với|voi|và|va|tại|cho|gồm|bởi|từ|đến|thuộc|thuoc)(?:\s+(?:tổ chức|quỹ|hội|tập đoàn|công ty))?(?:\s+\p{Lu}\S*(?:\s+\S+)?)?$`)
	listMarkRe = regexp.MustCompile(`^[-+•*–]`)
)

// letterItemRe begins a lettered item ("b) Đoàn vào …", "c. …", "a/ …"): a line of
// its own, not the rest of the line before.
var letterItemRe = regexp.MustCompile(`^[a-eđ][.)/]\s`)

// groupAhead tells whether p, a line that holds only a number's first
// group and its thousands' dot ("14."), is the start of a number cut
// across three lines of a text typed from paper: the line before it goes
// on (no stop at its end: "… với 3.862 hộ,") and the line after it begins
// with the rest ("275 nhân khẩu; …"). It is no list's number ("14." over
// its words): it joins the line before, and then the rest joins it.
func groupAhead(pt text, p string, after []string) bool {
	prev := pt.orig
	if prev == "" || !loneGroupRe.MatchString(p) || strings.ContainsRune(".:;!?…)", rune(prev[len(prev)-1])) {
		return false
	}
	// The very next line: after a blank one the paragraph has ended.
	return len(after) > 0 && !isRow(after[0]) && thousandsRe.MatchString(strings.TrimSpace(after[0]))
}

// loneGroupRe is a line that holds only a number's first group and its
// thousands' dot.
var loneGroupRe = regexp.MustCompile(`^\d{1,3}\.$`)

// cutNumberRe ends a line cut inside a number at its thousands' dot ("…
// với 5."); thousandsRe begins the line with the rest ("106 nhân khẩu").
var (
	cutNumberRe = regexp.MustCompile(`\s\d{1,3}\.$`)
	thousandsRe = regexp.MustCompile(`^\d{3}(?:[.,]\d{3})*(?:\s|$|[,;])`)
)
