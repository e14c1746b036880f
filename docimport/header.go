package docimport

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"doingoai/models"
)

var (
	issuerRe        = re(`^(?:uy ban nhan dan|ubnd)\s+(xa|phuong|thi tran|dac khu)\s+(.+)$`)
	parentRe        = re(`^(?:uy ban nhan dan|ubnd)\s+(huyen|thi xa|thanh pho|quan|tinh)\s+(.+)$`)
	numberRe        = re(`^so\s*:\s*(\d{1,6})\s*/\s*([a-z0-9đ][a-z0-9đ\-.]*)`)
	placeDateRe     = re(`^([^,\d]{2,60}),\s*ngay\s*(?:(\S*)\s*thang\s*(\S*)\s*nam\s*|(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*)(\d{4})`)
	requestRe       = re(`(?:thuc hien|can cu|theo)\s+((?:cong van|van ban|ke hoach|huong dan|thong bao|quyet dinh|chi thi|cong dien)\s+so\s+.+?)(?:\s+(?:ve viec|v/v|ve)\b|,\s*(?:ubnd|uy ban nhan dan)\s+(?:xa|phuong|thi tran|dac khu)\b|;|\.\s|\.$|$)`)
	reportingUnitRe = re(`(?:ubnd|uy ban nhan dan)\s+(xa|phuong|thi tran|dac khu)\s+(\S+(?:\s+\S+){0,3}?)\s+(?:xin\s+)?(?:bao cao|kinh bao cao|tong hop bao cao|nhan duoc)\b`)
	ofUnitRe        = re(`(?:ubnd|uy ban nhan dan)\s+(xa|phuong|thi tran|dac khu)\s+([^.,;:/()]+?)\s*(?:\./\.|\.|,|;|\(|$)`)
	ofParentRe      = re(`(?:ubnd|uy ban nhan dan|so ngoai vu)\s+(huyen|tinh|thanh pho|thi xa|quan)\s+([^.,;:/()]+?)\s*(?:\./\.|\.|,|;|\(|$|\s+(?:ve|v/v)\b)`)
	toRe            = re(`^kinh gui\s*:?\s*(.+)$`)
	numberAfterRe   = re(`\s+so\s*:`)
	dashAfterRe     = re(`\s+[-–—]\s+`)
	halfRe          = re(`\b(?:6|sau|06)\s+thang\s+(dau|cuoi)\s+(?:nam\s+)?(\d{4})\b`)
	yearRe          = re(`\bnam\s+(\d{4})\b`)
	reportOfRe      = re(`\bbao cao\s+(?:ket qua\s+)?(?:cong tac|thuc hien cong tac)\s+doi ngoai\b[^.;:]{0,40}`)
)

var kindWords = map[string]models.UnitKind{
	"xa": models.KindCommune, "phuong": models.KindWard, "thi tran": models.KindTown, "dac khu": models.KindSpecialZone,
}

// titleCase writes an upper-case name as names are written: "BỘC NHIÊU"
// → "Bộc Nhiêu". A name already in mixed case is kept.
func titleCase(s string) string {
	if strings.ToUpper(s) != s {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

func (r *reader) addPlace(name string, kind models.UnitKind, q string) {
	// "ĐÀM THỦY Độc lập - Tự do - Hạnh phúc": the motto beside it is no
	// part of the name.
	if t := newText(name); true {
		for _, w := range []string{" doc lap", " cong hoa"} {
			if i := strings.Index(t.fold, w); i > 0 {
				name = t.span(0, i)
				t = newText(name)
			}
		}
		// "BỜ Y Số: 187/BC-UBND": the cell's paragraphs joined on one
		// line; the document's number is no part of the name.
		if m := numberAfterRe.FindStringIndex(t.fold); m != nil && m[0] > 0 {
			name = t.span(0, m[0])
			t = newText(name)
		}
		// "UBND xã Thử - Báo cáo công tác đối ngoại 6T/2025", a page's
		// running header: a unit's name has no dash between spaces, what
		// follows one is the document's title.
		if m := dashAfterRe.FindStringIndex(t.fold); m != nil && m[0] > 0 {
			name = t.span(0, m[0])
		}
	}
	name = strings.TrimSpace(strings.Trim(titleCase(strings.TrimSpace(name)), ".,;:"))
	if name == "" || len(name) > 80 {
		return
	}
	if noun := kind.Noun(); noun != "" && strings.Trim(name, "0123456789") == "" {
		// "UBND PHƯỜNG 1": a unit named by a number keeps its kind's word.
		r, n := utf8.DecodeRuneInString(noun)
		name = string(unicode.ToUpper(r)) + noun[n:] + " " + name
	}
	for _, p := range r.res.Places {
		if fold(p.Name) == fold(name) && (p.Kind == kind || kind == "") {
			return
		}
	}
	r.res.Places = append(r.res.Places, Place{Name: name, Kind: kind, Text: q})
}

func (r *reader) addParent(name string) {
	f := fold(strings.Trim(name, " .,;:"))
	if f == "" || len(f) > 80 {
		return
	}
	for _, p := range r.res.Parents {
		if p == f {
			return
		}
	}
	r.res.Parents = append(r.res.Parents, f)
}

func (r *reader) found(field string, v any, q string) {
	r.res.Found = append(r.res.Found, Found{Field: field, Value: v, Text: q})
}

// header reads the document's header (issuer, number, place and date), the
// request it answers, whom it is sent to, and the closing (recipients and
// signature).
func (r *reader) header() {
	doc := r.rep.Document
	for i, l := range r.d.header {
		f := l.fold
		// "ỦY BAN NHÂN DÂN" over "XÃ TRUNG HỘI": one issuer on two lines,
		// maybe the left column of a table with the motto on its right
		// ("ỦY BAN NHÂN DÂN  CỘNG HÒA …" over "PHƯỜNG HOÀN KIẾM  Độc lập
		// …"): the body's name is joined with the next line.
		// The cells of such a table are lines of their own: the name is
		// the first of the next two lines that makes an issuer with it.
		if body := bodyOnly(f); body > 0 {
			for _, next := range r.d.header[i+1 : min(i+3, len(r.d.header))] {
				joined := newText(l.span(0, body) + " " + next.orig)
				if m := issuerRe.FindStringSubmatchIndex(joined.fold); m != nil {
					r.addPlace(joined.span(m[4], m[5]), kindWords[joined.fold[m[2]:m[3]]], joined.orig)
					break
				}
			}
			continue
		}
		// "UBND TỈNH LÀO CAI ỦY BAN NHÂN DÂN XÃ BÁT XÁT": a merged cell
		// holds the body above and the issuer; each is read on its own.
		for _, seg := range bodies(l.text) {
			g := seg.fold
			if m := issuerRe.FindStringSubmatchIndex(g); m != nil {
				r.addPlace(seg.span(m[4], m[5]), kindWords[g[m[2]:m[3]]], l.orig)
			} else if m := parentRe.FindStringSubmatchIndex(g); m != nil {
				r.addParent(g[m[4]:m[5]])
			}
		}
		if m := numberRe.FindStringSubmatchIndex(f); m != nil && doc.Number == nil {
			n := strings.TrimRight(l.span(m[2], m[3])+"/"+l.span(m[4], m[5]), ".")
			doc.Number = &n
			r.found("document.number", n, l.orig)
		}
		if m := placeDateRe.FindStringSubmatchIndex(f); m != nil && doc.IssuedText == "" {
			place := strings.TrimSpace(l.span(m[2], m[3]))
			doc.Place = place
			doc.IssuedText = l.orig
			r.found("document.place", place, l.orig)
			r.addPlace(place, "", l.orig)
			// "ngày 09 tháng 12 năm 2024", or "ngày 29/11/2024".
			dm := m[4:8]
			if m[4] < 0 {
				dm = m[8:12]
			}
			day, _ := strconv.Atoi(f[max(dm[0], 0):max(dm[1], 0)])
			month, _ := strconv.Atoi(f[max(dm[2], 0):max(dm[3], 0)])
			if day > 0 && month > 0 {
				if d, err := models.ParseDate(f[m[12]:m[13]] + "-" + pad2(month) + "-" + pad2(day)); err == nil {
					doc.IssuedOn = &d
					r.found("document.issued_on", d, l.orig)
				}
			}
		}
	}
	// The request answered, and the addressee.
	pre := append(append([]line{}, r.d.title...), r.d.parts[secPreamble]...)
	for _, l := range pre {
		f := l.fold
		if m := requestRe.FindStringSubmatchIndex(f); m != nil && doc.InResponseTo == "" {
			s := strings.TrimSpace(l.span(m[2], m[3]))
			s = strings.ReplaceAll(s, ", ngày", " ngày")
			s = strings.TrimRight(s, " ,.;")
			if len(s) <= models.MaxText {
				doc.InResponseTo = s
				r.found("document.in_response_to", s, strings.TrimSpace(l.span(m[0], m[3])))
			}
			for _, pm := range ofParentRe.FindAllStringSubmatchIndex(f[m[2]:m[3]], -1) {
				r.addParent(f[m[2]+pm[4] : m[2]+pm[5]])
			}
		}
		if m := toRe.FindStringSubmatchIndex(f); m != nil {
			for _, pm := range ofParentRe.FindAllStringSubmatchIndex(f, -1) {
				r.addParent(f[pm[4]:pm[5]])
			}
		}
		// "…, Ủy ban nhân dân phường Tân An báo cáo như sau": the unit
		// that reports, when no letterhead names it (a letterhead in the
		// page's header, which "Save as text" leaves out).
		for _, m := range reportingUnitRe.FindAllStringSubmatchIndex(f, -1) {
			r.addPlace(l.span(m[4], m[5]), kindWords[f[m[2]:m[3]]], quote(l.text, m[0], m[1]))
		}
	}
	r.closing()
	// A unit named with its kind ("phường Tân An") comes before a place
	// named without one (the place of the date line, "Ninh Kiều, ngày …",
	// which may be the district's).
	slices.SortStableFunc(r.res.Places, func(a, b Place) int {
		switch {
		case a.Kind != "" && b.Kind == "":
			return -1
		case a.Kind == "" && b.Kind != "":
			return 1
		}
		return 0
	})
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// closing reads "Trên đây là báo cáo … của UBND xã …", the recipients
// ("Nơi nhận:") and the signature block.
func (r *reader) closing() {
	doc := r.rep.Document
	lines := r.d.closing
	inRecipients := false
	signAt := -1
	for i, l := range lines {
		f := l.fold
		if strings.HasPrefix(f, "tren day la") {
			for _, m := range ofUnitRe.FindAllStringSubmatchIndex(f, -1) {
				r.addPlace(l.span(m[4], m[5]), kindWords[f[m[2]:m[3]]], whole(l.text))
			}
			continue
		}
		if strings.HasPrefix(f, "noi nhan") {
			inRecipients = true
			continue
		}
		if inRecipients {
			if strings.HasPrefix(f, "-") || strings.HasPrefix(f, "+") {
				s := strings.TrimSpace(strings.TrimLeft(l.orig, "-+ "))
				s = strings.TrimRight(s, " ;,.")
				if s != "" && len(doc.Recipients) < models.MaxEntries && len(s) <= models.MaxText {
					doc.Recipients = append(doc.Recipients, s)
				}
				continue
			}
			inRecipients = false
		}
		if signAt < 0 && (strings.HasPrefix(f, "tm.") || strings.HasPrefix(f, "tm ") || strings.HasPrefix(f, "kt.") || strings.HasPrefix(f, "kt ") || f == "chu tich" || f == "pho chu tich") {
			signAt = i
		}
	}
	if len(doc.Recipients) > 0 {
		r.found("document.recipients", doc.Recipients, "Nơi nhận: "+strings.Join(doc.Recipients, "; "))
	}
	if signAt < 0 {
		return
	}
	for i := signAt; i < len(lines) && i < signAt+4; i++ {
		f := strings.TrimSpace(lines[i].fold)
		switch {
		case strings.HasSuffix(f, "pho chu tich"):
			doc.SignerTitle = "Phó Chủ tịch"
		case strings.HasSuffix(f, "chu tich") && doc.SignerTitle == "":
			doc.SignerTitle = "Chủ tịch"
		}
	}
	if doc.SignerTitle != "" {
		r.found("document.signer_title", doc.SignerTitle, strings.Join(origs(lines[signAt:min(len(lines), signAt+2)]), " "))
	}
	for i := len(lines) - 1; i > signAt; i-- {
		if name := personName(lines[i].orig); name != "" {
			doc.SignerName = name
			r.found("document.signer_name", name, lines[i].orig)
			break
		}
	}
}

func origs(ls []line) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.orig
	}
	return out
}

// personName returns s if it looks like a person's name: two to five
// words, each capitalised, no digits, not a title in capitals.
func personName(s string) string {
	s = strings.TrimSpace(strings.Trim(s, "*_ "))
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 || strings.ToUpper(s) == s {
		return ""
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return ""
		}
		for _, c := range w {
			if !unicode.IsLetter(c) {
				return ""
			}
		}
	}
	return s
}

// period reads the period from the title's summary ("năm 2024", "6 tháng
// cuối năm 2025"), else from the closing or a heading that names it.
func (r *reader) period() {
	var cands []line
	if len(r.d.title) > 1 {
		cands = append(cands, r.d.title[1:]...)
	}
	for _, l := range r.d.header {
		if strings.HasPrefix(l.fold, "v/v") {
			cands = append(cands, l) // "V/v báo cáo … 6 tháng đầu năm 2024" in place of a title
		}
	}
	for _, l := range r.d.closing {
		if strings.HasPrefix(l.fold, "tren day la") {
			cands = append(cands, l)
		}
	}
	if h, ok := r.d.headings[secResults]; ok {
		cands = append(cands, h)
	}
	for _, l := range r.d.lines {
		if strings.HasPrefix(l.fold, "bao cao") && len(l.fold) < 300 {
			cands = append(cands, l)
		}
	}
	// A letter with no title ("V/v trả lời Công văn số …"): the period the
	// request asks about, in the words from "báo cáo … đối ngoại" on ("…
	// về việc báo cáo kết quả công tác đối ngoại năm 2024").
	for i, l := range r.d.lines {
		if i > 30 {
			break
		}
		// The words as written, not as the modalities left them: the
		// number of "6 tháng đầu năm" is hidden in prose (modality.go).
		t := newText(l.orig)
		if m := reportOfRe.FindStringIndex(t.fold); m != nil {
			cands = append(cands, line{text: sub(t, m[0], len(t.fold)), n: l.n})
		}
	}
	for _, l := range cands {
		f := l.fold
		h := halfRe.FindStringSubmatchIndex(f)
		y := yearRe.FindStringSubmatchIndex(f)
		switch {
		case h != nil && (y == nil || h[0] <= y[0] || y[0] >= h[0] && y[1] <= h[1]):
			half := "S1"
			if f[h[2]:h[3]] == "cuoi" {
				half = "S2"
			}
			r.res.Period = f[h[4]:h[5]] + half
			r.res.PeriodText = whole(l.text)
			return
		case y != nil:
			r.res.Period = f[y[2]:y[3]]
			r.res.PeriodText = whole(l.text)
			return
		}
	}
}

// bodyOnly returns the length of the body's name ("ủy ban nhân dân",
// "ubnd") when a header line holds nothing else but the motto beside it,
// or 0.
func bodyOnly(f string) int {
	for _, b := range []string{"uy ban nhan dan", "ubnd"} {
		if rest, ok := strings.CutPrefix(f, b); ok {
			rest = strings.TrimSpace(rest)
			if rest == "" || strings.HasPrefix(rest, "cong hoa") {
				return len(b)
			}
		}
	}
	return 0
}

var bodyRe = re(`\b(?:uy ban nhan dan|ubnd)\b`)

// bodies splits a line of the header where a body's name begins ("ỦY BAN
// NHÂN DÂN", "UBND"): the parts of a cell that holds two.
func bodies(t text) []text {
	locs := bodyRe.FindAllStringIndex(t.fold, -1)
	if len(locs) < 2 {
		return []text{t}
	}
	var out []text
	for i, loc := range locs {
		end := len(t.fold)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		out = append(out, trimmed(sub(t, loc[0], end), 0, end-loc[0]))
	}
	if locs[0][0] > 0 {
		out = append([]text{sub(t, 0, locs[0][0])}, out...)
	}
	return out
}
