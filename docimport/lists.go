package docimport

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"doingoai/models"
)

// narrative joins the lines of a part into a section's free text.
func narrative(lines []line) string {
	var b strings.Builder
	for _, l := range lines {
		s := strings.TrimSpace(strings.TrimLeft(l.orig, "-+•* "))
		if s == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(s)
	}
	s := b.String()
	if utf8.RuneCountInString(s) > models.MaxNarrative {
		rs := []rune(s)
		s = string(rs[:models.MaxNarrative])
	}
	return s
}

// narratives fills each section's free text with its lines as written.
func (r *reader) narratives() {
	rep := &r.rep
	p := r.d.parts
	if l := p[secProfile]; len(l) > 0 {
		profile(rep).Narrative = narrative(l)
	}
	rep.Delegations.Narrative = narrative(p[secDelegations])
	rep.InternationalAgreements.Narrative = narrative(p[secAgreements])
	rep.InternationalConferences.Narrative = narrative(p[secConferences])
	rep.EconomicDiplomacy.Narrative = narrative(p[secEconomic])
	var people, ngo []line
	for _, l := range p[secPeopleNgo] {
		if ngoLine(l.fold) {
			ngo = append(ngo, l)
		} else {
			people = append(people, l)
		}
	}
	rep.PeopleDiplomacy.Narrative = narrative(people)
	rep.NgoAid.Narrative = narrative(ngo)
	rep.CulturalDiplomacy.Narrative = narrative(p[secCultural])
	rep.Information.Narrative = narrative(p[secInformation])
	rep.Consular.Narrative = narrative(p[secConsular])
	rep.OverseasVietnamese.Narrative = narrative(p[secOverseas])
	rep.Training.Narrative = narrative(p[secTraining])
	rep.ForeignAwardsReceived.Narrative = narrative(p[secAwards])
	rep.AwardNominations.Narrative = narrative(p[secNominations])
	rep.ReportingCompliance.Narrative = narrative(p[secReporting])
}

// entry cleans one entry of a list: no bullet or numbering, no final
// punctuation, a capital first letter.
var entryNumberRe = re(`^(?:\d{1,2}|[a-dđ])\s*[.)]\s+`)

func entry(s string) string {
	s = strings.TrimSpace(strings.TrimLeft(s, "-+•* "))
	if t := newText(s); entryNumberRe.MatchString(t.fold) {
		m := entryNumberRe.FindStringIndex(t.fold)
		s = strings.TrimSpace(t.span(m[1], len(t.fold)))
	}
	s = strings.TrimRight(s, " .;,:")
	if s == "" {
		return ""
	}
	c, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(c)) + s[n:]
	if utf8.RuneCountInString(s) > models.MaxEntry {
		s = string([]rune(s)[:models.MaxEntry])
	}
	return s
}

// entries splits lines into list entries: each line, and for the lists
// written as one sentence, each part between semicolons.
func entries(lines []line, semicolons bool) []string {
	var out []string
	for _, l := range lines {
		parts := []string{l.orig}
		if semicolons {
			parts = strings.Split(l.orig, ";")
		}
		for _, p := range parts {
			if e := entry(p); e != "" && !nothingRe.MatchString(fold(e)) && len(out) < models.MaxEntries {
				out = append(out, e)
			}
		}
	}
	return out
}

var addresseeRe = re(`^(?:de nghi|kien nghi|de xuat)\s+(?:ubnd|uy ban|so|ban|phong|bo|tinh uy|huyen uy|dang uy|hdnd|trung uong|chinh phu|cac cap|cac co quan|cap tren)\b`)

// addresseeWords may follow the body's first word in its name though
// written in lower case ("Sở Ngoại vụ tỉnh Thái Nguyên", "UBND huyện").
var addresseeWords = map[string]bool{
	"huyen": true, "tinh": true, "xa": true, "phuong": true, "thanh": true, "pho": true, "thi": true, "tran": true,
	"vu": true, "nhan": true, "dan": true, "cap": true, "co": true, "lien": true, "uy": true, "ban": true,
}

// addresseeOf splits "Đề nghị UBND huyện quan tâm …" into the body it is
// addressed to ("UBND huyện") and what is asked ("quan tâm …"): the body's
// name runs while its words are capitalised or words of a body's name.
func addresseeOf(l line) (to, text string, ok bool) {
	m := addresseeRe.FindStringIndex(l.fold)
	if m == nil {
		return "", "", false
	}
	first := strings.Index(l.fold, " ") + 1 // after "đề"
	first += strings.Index(l.fold[first:], " ") + 1
	words := strings.Fields(l.orig[l.idx[first]:])
	n := 1
	for n < len(words) {
		w := words[n]
		r, _ := utf8.DecodeRuneInString(w)
		lienQuan := fold(w) == "quan" && fold(words[n-1]) == "lien" // "có liên quan", not "quan tâm"
		if !unicode.IsUpper(r) && !addresseeWords[fold(w)] && !lienQuan {
			break
		}
		n++
	}
	if n >= len(words) {
		return "", "", false
	}
	return strings.Join(words[:n], " "), strings.Join(words[n:], " "), true
}

// lists reads parts III–V: difficulties, causes, plan, recommendations.
func (r *reader) lists() {
	rep := &r.rep
	p := r.d.parts
	if l := p[secDifficulties]; len(l) > 0 {
		rep.Difficulties = entries(l, true)
	} else if l := p[secTroubles]; len(l) > 0 {
		rep.Difficulties = entries(l, true)
	}
	rep.Causes = entries(p[secCauses], true)
	rep.Plan = entries(p[secPlan], false)
	addressee := ""
	for _, l := range p[secRecommendations] {
		s := strings.TrimSpace(l.orig)
		f := l.fold
		if strings.HasSuffix(s, ":") && !strings.HasPrefix(f, "-") && len(s) < 120 {
			addressee = entry(s)
			continue
		}
		text, to := s, addressee
		if t, rest, ok := addresseeOf(l); ok {
			to, text = titleCaseFirst(t), rest
		}
		if e := entry(text); e != "" && !nothingRe.MatchString(fold(e)) && len(rep.Recommendations) < models.MaxEntries {
			rep.Recommendations = append(rep.Recommendations, models.Recommendation{Addressee: to, Text: e + "."})
		}
	}
}

func titleCaseFirst(s string) string {
	c, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(c)) + s[n:]
}
