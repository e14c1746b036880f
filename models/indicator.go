package models

// Measure is one figure a report contributes to rollups: a count, an amount
// of money, or a value that a ratio or a weighted mean is made of. Each
// report's measures are extracted once, when its revision is stored, so that
// no rollup ever reads a report's JSON.
type Measure int

const (
	MDelegationsOut Measure = iota
	MDelegationsOutPeople
	MDelegationsInDomestic
	MDelegationsInForeign
	MDelegationsInForeignPeople
	MInternationalAgreements
	MInternationalConferences
	MNgoProjects
	MNgoAidCommitted
	MNgoAidDisbursed
	MForeignResidents
	MForeignerIncidents
	MCitizensExited
	MLaborExportWorkers
	MOfficialsTrained
	MForeignAwardsReceived
	MAwardNominations
	MPopulation
	MHouseholds
	MPoorHouseholds
	MNearPoorHouseholds
	MIncomePerCapita
	MEthnicMinorityShare // in ten-thousandths of a percent (Decimal units)
	MAreaHa              // in ten-thousandths of a hectare (Decimal units)
	MPartyMembers
	NumMeasures
)

// MeasureInfo describes a measure: its code (also the name of its column,
// prefixed f_, in the reports table), the field of the report it comes from,
// and whether it is one of the counted indicators of sections 1 to 12 that
// the outlier check compares with the previous period.
type MeasureInfo struct {
	Code    string
	Field   string
	Counted bool
	Decimal bool // held in Decimal units (ten-thousandths)
}

// Measures lists every measure, indexed by Measure.
var Measures = [NumMeasures]MeasureInfo{
	MDelegationsOut:             {"delegations_out", "delegations.outbound.count", true, false},
	MDelegationsOutPeople:       {"delegations_out_people", "delegations.outbound.people", true, false},
	MDelegationsInDomestic:      {"delegations_in_domestic", "delegations.inbound_domestic.count", true, false},
	MDelegationsInForeign:       {"delegations_in_foreign", "delegations.inbound_foreign.count", true, false},
	MDelegationsInForeignPeople: {"delegations_in_foreign_people", "delegations.inbound_foreign.people", true, false},
	MInternationalAgreements:    {"international_agreements", "international_agreements.count", true, false},
	MInternationalConferences:   {"international_conferences", "international_conferences.count", true, false},
	MNgoProjects:                {"ngo_projects", "ngo_aid.projects", true, false},
	MNgoAidCommitted:            {"ngo_aid_committed_vnd", "ngo_aid.projects", true, false},
	MNgoAidDisbursed:            {"ngo_aid_disbursed_vnd", "ngo_aid.projects", true, false},
	MForeignResidents:           {"foreign_residents", "consular.foreign_residents", true, false},
	MForeignerIncidents:         {"foreigner_incidents", "consular.foreigner_incidents", true, false},
	MCitizensExited:             {"citizens_exited", "consular.citizens_exited", true, false},
	MLaborExportWorkers:         {"labor_export_workers", "overseas_vietnamese.labor_export_workers", true, false},
	MOfficialsTrained:           {"officials_trained", "training.officials_trained", true, false},
	MForeignAwardsReceived:      {"foreign_awards_received", "foreign_awards_received.count", true, false},
	MAwardNominations:           {"award_nominations", "award_nominations.count", true, false},
	MPopulation:                 {"population", "profile.population", false, false},
	MHouseholds:                 {"households", "profile.households", false, false},
	MPoorHouseholds:             {"poor_households", "profile.poor_households", false, false},
	MNearPoorHouseholds:         {"near_poor_households", "profile.near_poor_households", false, false},
	MIncomePerCapita:            {"income_per_capita_vnd", "profile.income_per_capita_vnd", false, false},
	MEthnicMinorityShare:        {"ethnic_minority_share_pct", "profile.ethnic_minority_share_pct", false, true},
	MAreaHa:                     {"area_ha", "profile.area_ha", false, true},
	MPartyMembers:               {"party_members", "profile.party_members", false, false},
}

// Figures are a report's measures; a measure not reported is not Set.
type Figures struct {
	V   [NumMeasures]int64
	Set uint32 // bit m is set when measure m was reported
}

// Get returns a measure and whether it was reported.
func (f *Figures) Get(m Measure) (int64, bool) {
	return f.V[m], f.Set&(1<<m) != 0
}

// Put records a reported measure.
func (f *Figures) Put(m Measure, v int64) {
	f.V[m] = v
	f.Set |= 1 << m
}

// Ptr returns a measure as a nullable value (for storage).
func (f *Figures) Ptr(m Measure) *int64 {
	if v, ok := f.Get(m); ok {
		return &v
	}
	return nil
}

// FiguresOf extracts the measures of a report. Null stays null: a section
// left out, or a count left null with no items, is not reported; an empty
// list of items with no count means zero (when only items are given, the
// count is their number: RULES.md, "Counted sections").
func FiguresOf(r *Report) Figures {
	var f Figures
	put := func(m Measure, v *int64) {
		if v != nil {
			f.Put(m, *v)
		}
	}
	putCount := func(m Measure, count *int64, items int, listed bool) {
		switch {
		case count != nil:
			f.Put(m, *count)
		case listed:
			f.Put(m, int64(items))
		}
	}
	if d := r.Delegations; d != nil {
		if g := d.Outbound; g != nil {
			putCount(MDelegationsOut, g.Count, len(g.Items), g.Items != nil)
			put(MDelegationsOutPeople, g.People)
		}
		if g := d.InboundDomestic; g != nil {
			putCount(MDelegationsInDomestic, g.Count, len(g.Items), g.Items != nil)
		}
		if g := d.InboundForeign; g != nil {
			putCount(MDelegationsInForeign, g.Count, len(g.Items), g.Items != nil)
			put(MDelegationsInForeignPeople, g.People)
		}
	}
	if s := r.InternationalAgreements; s != nil {
		putCount(MInternationalAgreements, s.Count, len(s.Items), s.Items != nil)
	}
	if s := r.InternationalConferences; s != nil {
		putCount(MInternationalConferences, s.Count, len(s.Items), s.Items != nil)
	}
	if s := r.NgoAid; s != nil && s.Projects != nil {
		f.Put(MNgoProjects, int64(len(s.Projects)))
		var committed, disbursed int64
		var anyC, anyD bool
		for _, p := range s.Projects {
			if p.CommittedVND != nil {
				committed += *p.CommittedVND
				anyC = true
			}
			if p.DisbursedVND != nil {
				disbursed += *p.DisbursedVND
				anyD = true
			}
		}
		if anyC || len(s.Projects) == 0 {
			f.Put(MNgoAidCommitted, committed)
		}
		if anyD || len(s.Projects) == 0 {
			f.Put(MNgoAidDisbursed, disbursed)
		}
	}
	if s := r.Consular; s != nil {
		put(MForeignResidents, s.ForeignResidents)
		put(MForeignerIncidents, s.ForeignerIncidents)
		put(MCitizensExited, s.CitizensExited)
	}
	if s := r.OverseasVietnamese; s != nil {
		put(MLaborExportWorkers, s.LaborExportWorkers)
	}
	if s := r.Training; s != nil {
		put(MOfficialsTrained, s.OfficialsTrained)
	}
	if s := r.ForeignAwardsReceived; s != nil {
		putCount(MForeignAwardsReceived, s.Count, len(s.Items), s.Items != nil)
	}
	if s := r.AwardNominations; s != nil {
		putCount(MAwardNominations, s.Count, len(s.Items), s.Items != nil)
	}
	if p := r.Profile; p != nil {
		put(MPopulation, p.Population)
		put(MHouseholds, p.Households)
		put(MPoorHouseholds, p.PoorHouseholds)
		put(MNearPoorHouseholds, p.NearPoorHouseholds)
		put(MIncomePerCapita, p.IncomePerCapitaVND)
		put(MPartyMembers, p.PartyMembers)
		if p.EthnicMinoritySharePct != nil {
			f.Put(MEthnicMinorityShare, p.EthnicMinoritySharePct.Units())
		}
		if p.AreaHa != nil {
			f.Put(MAreaHa, p.AreaHa.Units())
		}
	}
	return f
}

// Aggregation is how an indicator rolls up from communes to the units above
// them. Percentages are never added or averaged: a district's poverty rate
// is its poor households over its households, and its income per head is
// the communes' incomes weighted by their population.
type Aggregation string

const (
	AggSum      Aggregation = "sum"           // Σ value
	AggRatio    Aggregation = "ratio"         // Σ numerator / Σ denominator × 100
	AggWeighted Aggregation = "weighted_mean" // Σ value × weight / Σ weight
)

// Indicator is one figure of the catalogue: what districts and provinces
// read per unit and over the years.
type Indicator struct {
	Code        string      `json:"code" example:"delegations_in_foreign" validate:"required"`
	NameVI      string      `json:"name_vi" example:"Số đoàn nước ngoài vào" validate:"required"`
	NameEN      string      `json:"name_en" example:"Foreign delegations received" validate:"required"`
	Unit        string      `json:"unit" example:"đoàn" validate:"required"`
	Aggregation Aggregation `json:"aggregation" enums:"sum,ratio,weighted_mean" example:"sum" validate:"required"`
	Source      string      `json:"source" example:"delegations.inbound_foreign.count" validate:"required"` // the report field, or how it is computed

	Value  Measure `json:"-"` // the measure summed, the ratio's numerator, or the value averaged
	Weight Measure `json:"-"` // the ratio's denominator or the mean's weight
	Places int     `json:"-"` // decimals of a computed value
	pair   int     // index among the ratio and weighted-mean indicators, -1 for sums
}

// IndicatorList is the catalogue as GET /indicators returns it.
type IndicatorList struct {
	Items []Indicator `json:"items" validate:"required"`
}

func sum(code, vi, en, unit string, m Measure) Indicator {
	return Indicator{Code: code, NameVI: vi, NameEN: en, Unit: unit, Aggregation: AggSum, Source: Measures[m].Field, Value: m, pair: -1}
}

// Indicators is the indicator catalogue, in the order RULES.md lists it.
var Indicators = []Indicator{
	sum("delegations_out", "Số đoàn ra", "Delegations sent abroad", "đoàn", MDelegationsOut),
	sum("delegations_out_people", "Số lượt người đi nước ngoài", "People sent abroad", "người", MDelegationsOutPeople),
	sum("delegations_in_domestic", "Số đoàn trong nước đến làm việc", "Domestic delegations received", "đoàn", MDelegationsInDomestic),
	sum("delegations_in_foreign", "Số đoàn nước ngoài vào", "Foreign delegations received", "đoàn", MDelegationsInForeign),
	sum("delegations_in_foreign_people", "Số lượt khách nước ngoài", "Foreign visitors received", "người", MDelegationsInForeignPeople),
	sum("international_agreements", "Số thỏa thuận quốc tế ký kết", "International agreements signed", "thỏa thuận", MInternationalAgreements),
	sum("international_conferences", "Số hội nghị, hội thảo quốc tế", "International conferences held", "hội nghị", MInternationalConferences),
	{Code: "ngo_projects", NameVI: "Số dự án viện trợ phi chính phủ nước ngoài", NameEN: "Foreign NGO aid projects", Unit: "dự án",
		Aggregation: AggSum, Source: "ngo_aid.projects (length)", Value: MNgoProjects, pair: -1},
	{Code: "ngo_aid_committed_vnd", NameVI: "Giá trị viện trợ PCPNN cam kết", NameEN: "Foreign NGO aid committed", Unit: "VND",
		Aggregation: AggSum, Source: "ngo_aid.projects[].committed_vnd", Value: MNgoAidCommitted, pair: -1},
	{Code: "ngo_aid_disbursed_vnd", NameVI: "Giá trị viện trợ PCPNN giải ngân", NameEN: "Foreign NGO aid disbursed", Unit: "VND",
		Aggregation: AggSum, Source: "ngo_aid.projects[].disbursed_vnd", Value: MNgoAidDisbursed, pair: -1},
	sum("foreign_residents", "Số người nước ngoài tạm trú", "Foreigners residing temporarily", "người", MForeignResidents),
	sum("foreigner_incidents", "Số vụ việc liên quan người nước ngoài", "Incidents involving foreigners", "vụ việc", MForeignerIncidents),
	sum("citizens_exited", "Số công dân xuất cảnh", "Citizens who went abroad", "người", MCitizensExited),
	sum("labor_export_workers", "Số người đi lao động ở nước ngoài", "Workers abroad on labour contracts", "người", MLaborExportWorkers),
	sum("officials_trained", "Số cán bộ được bồi dưỡng kiến thức đối ngoại", "Officials trained in foreign affairs", "người", MOfficialsTrained),
	sum("foreign_awards_received", "Số khen thưởng nước ngoài nhận được", "Foreign awards received", "hình thức", MForeignAwardsReceived),
	sum("award_nominations", "Số kiến nghị khen thưởng", "Award nominations", "hình thức", MAwardNominations),
	sum("population", "Dân số", "Population", "người", MPopulation),
	sum("households", "Số hộ", "Households", "hộ", MHouseholds),
	sum("poor_households", "Số hộ nghèo", "Poor households", "hộ", MPoorHouseholds),
	{Code: "poverty_rate_pct", NameVI: "Tỷ lệ hộ nghèo", NameEN: "Poverty rate", Unit: "%", Aggregation: AggRatio,
		Source: "Σ poor_households / Σ households × 100", Value: MPoorHouseholds, Weight: MHouseholds, Places: 2, pair: 0},
	{Code: "near_poverty_rate_pct", NameVI: "Tỷ lệ hộ cận nghèo", NameEN: "Near-poverty rate", Unit: "%", Aggregation: AggRatio,
		Source: "Σ near_poor_households / Σ households × 100", Value: MNearPoorHouseholds, Weight: MHouseholds, Places: 2, pair: 1},
	{Code: "income_per_capita_vnd", NameVI: "Thu nhập bình quân đầu người", NameEN: "Income per head", Unit: "VND/người/năm", Aggregation: AggWeighted,
		Source: "profile.income_per_capita_vnd, weighted by profile.population", Value: MIncomePerCapita, Weight: MPopulation, Places: 0, pair: 2},
	{Code: "ethnic_minority_share_pct", NameVI: "Tỷ lệ người dân tộc thiểu số", NameEN: "Ethnic minority share", Unit: "%", Aggregation: AggWeighted,
		Source: "profile.ethnic_minority_share_pct, weighted by profile.population", Value: MEthnicMinorityShare, Weight: MPopulation, Places: 2, pair: 3},
	{Code: "area_ha", NameVI: "Diện tích tự nhiên", NameEN: "Natural area", Unit: "ha", Aggregation: AggSum, Source: "profile.area_ha", Value: MAreaHa, pair: -1},
	sum("party_members", "Số đảng viên", "Party members", "người", MPartyMembers),
}

// IndicatorByCode returns an indicator of the catalogue.
func IndicatorByCode(code string) (Indicator, bool) {
	for _, ind := range Indicators {
		if ind.Code == code {
			return ind, true
		}
	}
	return Indicator{}, false
}
