// Package consolidated drafts the report a district (or, since 2025, a
// province) sends to the level above: its communes' reports consolidated in
// the same outline, with the totals of the rollups, who has not reported,
// and the difficulties, causes, plans and recommendations gathered from the
// communes. The content is data first (Report, served as JSON); the Word
// document is that data laid out in the form of Nghị định 30/2020/NĐ-CP
// (see Write).
//
// Every figure comes from the store's rollup and completeness — the same
// functions as GET /rollups and GET /completeness — never from a second
// computation. What only a person can write (the assessment, the plan, the
// signer) is left in the document as a highlighted "[Cần bổ sung: …]".
package consolidated

import (
	"context"
	"fmt"
	"time"

	"doingoai/models"
	"doingoai/store"
)

// Report is the consolidated report's content.
type Report struct {
	Unit    models.UnitRef `json:"unit" validate:"required"`
	Period  string         `json:"period" example:"2024" validate:"required"`
	Counted []string       `json:"counted" example:"submitted,accepted" validate:"required"` // the report statuses the figures count

	Issuer     string    `json:"issuer" example:"UBND HUYỆN ĐỊNH HÓA" validate:"required"`                   // cơ quan ban hành
	Number     string    `json:"number" example:"Số: …/BC-UBND" validate:"required"`                         // số, ký hiệu (the number is left for the clerk)
	PlaceDate  string    `json:"place_date" example:"Định Hóa, ngày … tháng … năm 2024" validate:"required"` // địa danh, ngày tháng
	Title      string    `json:"title" example:"BÁO CÁO" validate:"required"`                                // tên loại văn bản
	Summary    string    `json:"summary" example:"Kết quả công tác đối ngoại năm 2024" validate:"required"`  // trích yếu
	Addressee  string    `json:"addressee" example:"Sở Ngoại vụ tỉnh Thái Nguyên" validate:"required"`       // kính gửi
	Basis      string    `json:"basis" validate:"required"`                                                  // căn cứ: the request it answers
	Sections   []Section `json:"sections" validate:"required"`                                               // the body, I to V
	Closing    string    `json:"closing" validate:"required"`                                                // "Trên đây là …"
	Recipients []string  `json:"recipients" validate:"required"`                                             // nơi nhận
	Signature  Signature `json:"signature" validate:"required"`
	Annex      Annex     `json:"annex" validate:"required"` // phụ lục: the tables

	// The same figures as data.
	Indicators      []models.IndicatorValue `json:"indicators" validate:"required"` // the rollup's totals
	Completeness    Completeness            `json:"completeness" validate:"required"`
	NgoProjects     []NgoProject            `json:"ngo_projects" validate:"required"`
	Difficulties    []Gathered              `json:"difficulties" validate:"required"`
	Causes          []Gathered              `json:"causes" validate:"required"`
	Plan            []Gathered              `json:"plan" validate:"required"`
	Recommendations []Gathered              `json:"recommendations" validate:"required"`
	Highlights      []Quote                 `json:"highlights" validate:"required"`
	// What a person still has to write before signing, each also marked
	// "[Cần bổ sung: …]" in the document.
	ToWrite []string `json:"to_write" validate:"required"`
}

// Section is a heading of the body and its paragraphs.
type Section struct {
	Heading    string      `json:"heading" example:"1. Công tác quản lý đoàn ra, đoàn vào" validate:"required"`
	Level      int         `json:"level" example:"2" validate:"required"` // 1: I–V; 2: 1–13
	Paragraphs []Paragraph `json:"paragraphs" validate:"required"`
}

// Paragraph is a paragraph of the body. kind: text (written from the
// figures), item (a gathered item, with the communes that raised it), quote
// (a commune's own words, source naming it), todo (for a person to write).
type Paragraph struct {
	Kind   string `json:"kind" enums:"text,heading,item,quote,todo" example:"text" validate:"required"`
	Text   string `json:"text" validate:"required"`
	Source string `json:"source,omitempty" example:"xã Bộc Nhiêu"` // who said it (quote) or raised it (item)
}

// Signature is the signature block.
type Signature struct {
	On    string `json:"on" example:"TM. ỦY BAN NHÂN DÂN" validate:"required"`
	Title string `json:"title" example:"[CHỦ TỊCH]" validate:"required"`
	Name  string `json:"name" example:"[Họ và tên]" validate:"required"`
}

// Completeness is who has reported, as the completeness paragraph says it.
type Completeness struct {
	Expected int              `json:"expected" example:"23" validate:"required"`
	Reported int              `json:"reported" example:"22" validate:"required"` // sent a report that was not a draft
	Counted  int              `json:"counted" example:"22" validate:"required"`  // reports the figures count (the rollup's communes_reported)
	DueDate  *models.Date     `json:"due_date" swaggertype:"string" format:"date" extensions:"x-nullable" validate:"required"`
	Missing  []models.UnitRef `json:"missing" validate:"required"`  // no report, or a draft only
	Late     []models.UnitRef `json:"late" validate:"required"`     // first sent after the due date
	Returned []models.UnitRef `json:"returned" validate:"required"` // returned for amendment, not counted
	Pending  []models.UnitRef `json:"pending" validate:"required"`  // sent, not yet accepted (not counted with status=accepted)
}

// NgoProject is a foreign NGO aid project with the commune that reported it.
type NgoProject struct {
	Commune      models.UnitRef `json:"commune" validate:"required"`
	Name         string         `json:"name" validate:"required"`
	Donor        string         `json:"donor,omitempty"`
	Country      string         `json:"country,omitempty"`
	CommittedVND *int64         `json:"committed_vnd" extensions:"x-nullable" validate:"required"`
	DisbursedVND *int64         `json:"disbursed_vnd" extensions:"x-nullable" validate:"required"`
}

// Gathered is a sentence raised by one or more communes (the same sentence
// from several communes once).
type Gathered struct {
	Addressee string           `json:"addressee,omitempty" example:"UBND huyện"` // recommendations: to whom
	Text      string           `json:"text" validate:"required"`
	Communes  []models.UnitRef `json:"communes" validate:"required"`
}

// Quote is a commune's narrative of a section, quoted.
type Quote struct {
	Section string         `json:"section" example:"people_diplomacy" validate:"required"` // the report's key
	Commune models.UnitRef `json:"commune" validate:"required"`
	Text    string         `json:"text" validate:"required"`
}

// Annex is the tables' appendix.
type Annex struct {
	Title    string  `json:"title" validate:"required"`
	Subtitle string  `json:"subtitle" validate:"required"`
	Tables   []Table `json:"tables" validate:"required"`
	// The communes that have sent nothing (completeness.missing), said once
	// in a sentence above the tables instead of a row of "–" in each.
	NotReported     []models.UnitRef `json:"not_reported" validate:"required"`
	NotReportedText string           `json:"not_reported_text" validate:"required"` // the sentence; "" when every commune has sent its report
}

// Table is a table of the annex: a row per commune (grouped under their
// district when the unit is a province with districts) and a total row.
type Table struct {
	Title   string     `json:"title" validate:"required"`
	Columns []Column   `json:"columns" validate:"required"`
	Rows    []TableRow `json:"rows" validate:"required"`
}

// Column is an indicator shown in a table.
type Column struct {
	Code  string `json:"code" example:"delegations_in_domestic" validate:"required"`
	Label string `json:"label" validate:"required"`
	Unit  string `json:"unit" validate:"required"`
}

// TableRow is a commune (kind commune), a unit grouping communes (group) or
// the total (total).
type TableRow struct {
	Kind    string                    `json:"kind" enums:"commune,group,total" validate:"required"`
	Code    string                    `json:"code" validate:"required"`
	Name    string                    `json:"name" validate:"required"`
	Status  string                    `json:"status,omitempty" enums:"missing,draft,submitted,returned,accepted"`
	Counted bool                      `json:"counted" validate:"required"`                     // its report counts in the totals
	Late    bool                      `json:"late" validate:"required"`                        // first sent after the due date: as completeness.late lists it
	Values  map[string]*models.Amount `json:"values" swaggertype:"object" validate:"required"` // indicator code → value, as a rollup's breakdown: a number, or null where not reported
}

// Options are what the request asks.
type Options struct {
	AcceptedOnly bool
}

// Build drafts the consolidated report of unit for period from the store.
func Build(ctx context.Context, s *store.Store, unit *models.TreeUnit, period models.Period, opt Options) (*Report, error) {
	t, err := s.Tree(ctx)
	if err != nil {
		return nil, err
	}
	roll, err := s.Rollup(ctx, store.RollupQuery{Unit: unit, Period: period, Indicators: models.Indicators, ByChild: true, AcceptedOnly: opt.AcceptedOnly})
	if err != nil {
		return nil, err
	}
	comp, err := s.Completeness(ctx, store.CompletenessQuery{Unit: unit, Period: period, Limit: -1})
	if err != nil {
		return nil, err
	}
	b := &builder{unit: unit, period: period, roll: roll, comp: comp, opt: opt, now: s.Now(),
		values: map[string]models.IndicatorValue{}}
	for _, v := range roll.Indicators {
		b.values[v.Code] = v
	}
	b.kinds = map[models.UnitKind]int{}
	for _, c := range t.Communes(unit, period) {
		b.kinds[c.Kind]++
	}
	b.deadline, b.deadlineOwn = deadlineOf(ctx, s, unit, period)
	if err := b.rows(ctx, s); err != nil {
		return nil, err
	}
	g := newGatherer()
	if err := s.EachCountedReport(ctx, unit, period, opt.AcceptedOnly, func(cr *store.CountedReport) error {
		g.add(models.UnitRef{Code: cr.Unit.Code, Name: cr.Unit.Name}, &cr.Report)
		return nil
	}); err != nil {
		return nil, err
	}
	b.g = g
	return b.report(), nil
}

// deadlineOf returns the deadline that applies to the unit and whether it
// was set on the unit itself (its own request to its communes) rather than
// above it (the request its report answers).
func deadlineOf(ctx context.Context, s *store.Store, unit *models.TreeUnit, period models.Period) (*models.Deadline, bool) {
	d, err := s.Deadline(ctx, unit, period.String())
	if err != nil {
		return nil, false
	}
	return &d, d.SetOn == unit.Code
}

// rows fills the annex's rows: a row per child unit of the rollup's
// breakdown; a child above communes (a district of a province) is followed
// by its communes, from its own rollup.
func (b *builder) rows(ctx context.Context, s *store.Store) error {
	for _, c := range b.roll.Breakdown {
		if c.Kind.CommuneLevel() {
			b.tableRows = append(b.tableRows, rowOf("commune", c))
			continue
		}
		b.tableRows = append(b.tableRows, rowOf("group", c))
		child := b.unit
		for _, u := range b.unit.Children {
			if u.Code == c.UnitCode && u.Name == c.Name {
				child = u
				break
			}
		}
		if child == b.unit {
			continue
		}
		sub, err := s.Rollup(ctx, store.RollupQuery{Unit: child, Period: b.period, Indicators: models.Indicators, ByChild: true, AcceptedOnly: b.opt.AcceptedOnly})
		if err != nil {
			return err
		}
		for _, cc := range sub.Breakdown {
			if cc.Kind.CommuneLevel() {
				b.tableRows = append(b.tableRows, rowOf("commune", cc))
			}
		}
	}
	return nil
}

type breakdownRow struct {
	kind string
	row  models.BreakdownRow
}

func rowOf(kind string, r models.BreakdownRow) breakdownRow { return breakdownRow{kind, r} }

type builder struct {
	unit        *models.TreeUnit
	period      models.Period
	roll        models.Rollup
	comp        models.Completeness
	opt         Options
	now         time.Time
	values      map[string]models.IndicatorValue
	kinds       map[models.UnitKind]int
	deadline    *models.Deadline
	deadlineOwn bool
	tableRows   []breakdownRow
	g           *gatherer
	toWrite     []string
}

// todo records a place a person must write and returns its marker.
func (b *builder) todo(what string) string {
	b.toWrite = append(b.toWrite, what)
	return "[Cần bổ sung: " + what + "]"
}

func (b *builder) report() *Report {
	r := &Report{
		Unit:       b.roll.Unit,
		Period:     b.roll.Period,
		Counted:    b.roll.Counted,
		Issuer:     issuer(b.unit),
		Number:     "Số: …/BC-UBND",
		PlaceDate:  fmt.Sprintf("%s, ngày … tháng … năm %d", placeName(b.unit.Name), b.now.In(models.Vietnam).Year()),
		Title:      "BÁO CÁO",
		Summary:    summary(b.period),
		Indicators: b.roll.Indicators,
	}
	r.Addressee = b.addressee()
	r.Basis = b.basis()
	r.Completeness = b.completeness()
	r.Sections = b.sections(r)
	r.Closing = fmt.Sprintf("Trên đây là báo cáo %s của %s./.", lowerFirst(summary(b.period)), ubnd(b.unit))
	r.Recipients = []string{"Như trên;", "Chủ tịch, các Phó Chủ tịch UBND " + lowerKind(b.unit.Name) + ";", "Lưu: VT."}
	r.Signature = Signature{On: "TM. ỦY BAN NHÂN DÂN", Title: "[CHỦ TỊCH / KT. CHỦ TỊCH – PHÓ CHỦ TỊCH]", Name: "[Họ và tên người ký]"}
	b.toWrite = append(b.toWrite, "chức vụ và họ tên người ký")
	r.Annex = b.annex(r.Completeness)
	r.NgoProjects = b.g.projects
	r.Difficulties = b.g.difficulties.list()
	r.Causes = b.g.causes.list()
	r.Plan = b.g.plan.list()
	r.Recommendations = b.g.recommendations.list()
	r.Highlights = b.g.highlights()
	r.ToWrite = b.toWrite
	if r.NgoProjects == nil {
		r.NgoProjects = []NgoProject{}
	}
	return r
}

func (b *builder) addressee() string {
	p := b.unit.Parent
	switch {
	case p == nil || p.Kind == models.KindCountry:
		return "Bộ Ngoại giao"
	case p.Kind == models.KindProvince:
		return "Sở Ngoại vụ " + lowerKind(p.Name)
	}
	return "UBND " + lowerKind(p.Name)
}

func (b *builder) basis() string {
	me := ubnd(b.unit)
	what := "về việc báo cáo công tác đối ngoại " + b.period.Phrase()
	tail := fmt.Sprintf(", %s báo cáo %s như sau:", me, lowerFirst(summary(b.period)))
	switch {
	case b.deadline != nil && b.deadline.Reference != "" && !b.deadlineOwn:
		by := b.deadline.SetOn
		if u := findAbove(b.unit, by); u != nil {
			by = "UBND " + lowerKind(u.Name)
		}
		return fmt.Sprintf("Thực hiện %s của %s %s%s", citeRef(b.deadline.Reference), by, what, tail)
	case b.deadline != nil && b.deadline.Reference != "":
		return fmt.Sprintf("Thực hiện %s %s; trên cơ sở báo cáo của các %s theo %s của %s%s",
			b.todo("số, ngày, cơ quan ban hành văn bản yêu cầu báo cáo của cấp trên"), what, b.noun(), citeRef(b.deadline.Reference), me, tail)
	}
	return fmt.Sprintf("Thực hiện %s %s%s", b.todo("số, ngày, cơ quan ban hành văn bản yêu cầu báo cáo của cấp trên"), what, tail)
}

func findAbove(u *models.TreeUnit, code string) *models.TreeUnit {
	for a := u.Parent; a != nil; a = a.Parent {
		if a.Code == code {
			return a
		}
	}
	return nil
}

// citeRef writes a request's reference as a citation: a bare number
// ("7253/UBND-VP") becomes "Văn bản số 7253/UBND-VP".
func citeRef(ref string) string {
	if ref != "" && ref[0] >= '0' && ref[0] <= '9' {
		return "Văn bản số " + ref
	}
	return ref
}

func (b *builder) completeness() Completeness {
	c := Completeness{Expected: b.comp.Expected, Reported: b.comp.Reported, Counted: b.roll.CommunesReported, DueDate: b.comp.DueDate,
		Missing: []models.UnitRef{}, Late: []models.UnitRef{}, Returned: []models.UnitRef{}, Pending: []models.UnitRef{}}
	for _, u := range b.comp.Units {
		ref := models.UnitRef{Code: u.Code, Name: u.Name}
		switch u.Status {
		case models.StatusMissing, models.StatusDraft:
			c.Missing = append(c.Missing, ref)
		case models.StatusReturned:
			c.Returned = append(c.Returned, ref)
		case models.StatusSubmitted:
			if b.opt.AcceptedOnly {
				c.Pending = append(c.Pending, ref)
			}
		}
		if u.OnTime != nil && !*u.OnTime {
			c.Late = append(c.Late, ref)
		}
	}
	return c
}

// noun is how the unit's communes are called together: "xã, thị trấn".
func (b *builder) noun() string {
	return models.CommunesNoun(func(k models.UnitKind) bool { return b.kinds[k] > 0 })
}
