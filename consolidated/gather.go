package consolidated

import (
	"fmt"
	"strings"
	"unicode"

	"doingoai/models"
)

// gatherer collects, report by report, what the consolidated report
// quotes and lists from the communes' own words.
type gatherer struct {
	difficulties, causes, plan, recommendations *dedup
	economicDocs, culturalDocs, partners        *dedup
	projects                                    []NgoProject
	quotes                                      map[string][]Quote
	seenQuote                                   map[string]bool
}

func newGatherer() *gatherer {
	return &gatherer{difficulties: newDedup(), causes: newDedup(), plan: newDedup(), recommendations: newDedup(),
		economicDocs: newDedup(), culturalDocs: newDedup(), partners: newDedup(),
		quotes: map[string][]Quote{}, seenQuote: map[string]bool{}}
}

// dedup gathers sentences in the order first seen; the same sentence from
// several communes (ignoring case, spacing and the final punctuation) is
// kept once with every commune that wrote it.
type dedup struct {
	index map[string]int
	items []Gathered
}

func newDedup() *dedup { return &dedup{index: map[string]int{}} }

func (d *dedup) add(commune models.UnitRef, addressee, text string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	k := key(addressee) + "\x00" + key(text)
	if i, ok := d.index[k]; ok {
		d.items[i].Communes = append(d.items[i].Communes, commune)
		return
	}
	d.index[k] = len(d.items)
	d.items = append(d.items, Gathered{Addressee: strings.TrimSpace(addressee), Text: text, Communes: []models.UnitRef{commune}})
}

// list returns the items; with addressees, grouped by addressee in the
// order each was first seen.
func (d *dedup) list() []Gathered {
	if d == nil || len(d.items) == 0 {
		return []Gathered{}
	}
	var order []string
	groups := map[string][]Gathered{}
	for _, g := range d.items {
		k := key(g.Addressee)
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], g)
	}
	out := make([]Gathered, 0, len(d.items))
	for _, k := range order {
		out = append(out, groups[k]...)
	}
	return out
}

// key is a sentence folded for comparison.
func key(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
}

func (g *gatherer) add(c models.UnitRef, r *models.Report) {
	for _, s := range r.Difficulties {
		g.difficulties.add(c, "", s)
	}
	for _, s := range r.Causes {
		g.causes.add(c, "", s)
	}
	for _, s := range r.Plan {
		g.plan.add(c, "", s)
	}
	for _, rec := range r.Recommendations {
		g.recommendations.add(c, rec.Addressee, rec.Text)
	}
	if s := r.EconomicDiplomacy; s != nil {
		for _, d := range s.Documents {
			g.economicDocs.add(c, "", cite(d))
		}
		g.quote(c, "economic_diplomacy", s.Narrative)
	}
	if s := r.CulturalDiplomacy; s != nil {
		for _, d := range s.Documents {
			g.culturalDocs.add(c, "", cite(d))
		}
		for _, p := range s.Partners {
			g.partners.add(c, "", p.Name)
		}
		g.quote(c, "cultural_diplomacy", s.Narrative)
	}
	if s := r.NgoAid; s != nil {
		for _, p := range s.Projects {
			g.projects = append(g.projects, NgoProject{Commune: c, Name: p.Name, Donor: p.Donor, Country: p.Country,
				CommittedVND: p.CommittedVND, DisbursedVND: p.DisbursedVND})
		}
		g.quote(c, "ngo_aid", s.Narrative)
	}
	if s := r.Delegations; s != nil {
		g.quote(c, "delegations", s.Narrative)
	}
	if s := r.InternationalAgreements; s != nil {
		g.quote(c, "international_agreements", s.Narrative)
	}
	if s := r.InternationalConferences; s != nil {
		g.quote(c, "international_conferences", s.Narrative)
	}
	if s := r.PeopleDiplomacy; s != nil {
		g.quote(c, "people_diplomacy", s.Narrative)
	}
	if s := r.Information; s != nil {
		g.quote(c, "information", s.Narrative)
	}
	if s := r.Consular; s != nil {
		g.quote(c, "consular", s.Narrative)
	}
	if s := r.OverseasVietnamese; s != nil {
		g.quote(c, "overseas_vietnamese", s.Narrative)
	}
	if s := r.Training; s != nil {
		g.quote(c, "training", s.Narrative)
	}
	if s := r.ForeignAwardsReceived; s != nil {
		g.quote(c, "foreign_awards_received", s.Narrative)
	}
	if s := r.AwardNominations; s != nil {
		g.quote(c, "award_nominations", s.Narrative)
	}
	if s := r.ReportingCompliance; s != nil {
		g.quote(c, "reporting_compliance", s.Narrative)
	}
}

// quote keeps a narrative worth quoting: not empty, not a bare "Không
// có.", and not the same words another commune already wrote.
func (g *gatherer) quote(c models.UnitRef, section, text string) {
	text = strings.TrimSpace(text)
	k := key(text)
	n := len([]rune(k))
	if n < 40 || strings.HasPrefix(k, "không có") || (n < 100 && strings.HasSuffix(k, "không có")) {
		return // says no more than the figures: "…: Không có."
	}
	if g.seenQuote[section+"\x00"+k] {
		return
	}
	g.seenQuote[section+"\x00"+k] = true
	g.quotes[section] = append(g.quotes[section], Quote{Section: section, Commune: c, Text: text})
}

// highlights lists the quotes, section by section in the outline's order.
func (g *gatherer) highlights() []Quote {
	out := []Quote{}
	for _, s := range []string{"delegations", "international_agreements", "international_conferences", "economic_diplomacy",
		"people_diplomacy", "ngo_aid", "cultural_diplomacy", "information", "consular", "overseas_vietnamese", "training",
		"foreign_awards_received", "award_nominations", "reporting_compliance"} {
		qs := g.quotes[s]
		out = append(out, qs[:min(len(qs), maxQuotes)]...)
	}
	return out
}

// cite writes a document reference as a report cites it: "Kế hoạch số
// 47/KH-UBND ngày 22/02/2023 của UBND huyện Định Hóa: …".
func cite(d models.DocumentRef) string {
	var b strings.Builder
	kind := docKind(d.Number)
	if d.Number != "" {
		b.WriteString(kind + " số " + d.Number)
	}
	if d.IssuedOn != nil {
		s := d.IssuedOn.String()
		fmt.Fprintf(&b, " ngày %s/%s/%s", s[8:10], s[5:7], s[0:4])
	}
	if d.Issuer != "" {
		b.WriteString(" của " + d.Issuer)
	}
	if b.Len() == 0 {
		return d.Title
	}
	// "Chỉ thị về công tác …" after "Chỉ thị số 15-CT/TW … của Ban Bí thư"
	// is said once: "… của Ban Bí thư về công tác …".
	title := strings.TrimSpace(d.Title)
	if rest, ok := strings.CutPrefix(title, kind+" "); ok && kind != "Văn bản" {
		title = rest
	}
	if title == "" {
		return b.String()
	}
	return b.String() + " " + lowerFirst(title)
}

// docKinds are the abbreviations of document kinds in a number.
var docKinds = map[string]string{"KH": "Kế hoạch", "QĐ": "Quyết định", "CT": "Chỉ thị", "NQ": "Nghị quyết", "NĐ": "Nghị định",
	"TT": "Thông tư", "TB": "Thông báo", "HD": "Hướng dẫn", "CV": "Công văn", "BC": "Báo cáo", "KL": "Kết luận", "ĐA": "Đề án", "CTr": "Chương trình"}

// docKind names a document's kind from its number ("47/KH-UBND": Kế
// hoạch); "Văn bản" when the number does not say.
func docKind(number string) string {
	for _, tok := range strings.FieldsFunc(number, func(r rune) bool { return r == '/' || r == '-' }) {
		if k, ok := docKinds[tok]; ok {
			return k
		}
	}
	return "Văn bản"
}
