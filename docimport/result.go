package docimport

import (
	"doingoai/models"
)

// Found is a value read from the document and the words it was read from.
type Found struct {
	Field string `json:"field" example:"profile.households" validate:"required"`  // the field's path in the report
	Value any    `json:"value" validate:"required"`                               // the value as the report holds it: a number, a text or a date
	Text  string `json:"text" example:"với tổng số 1.169 hộ" validate:"required"` // the words of the document it was read from
}

// Result is what the reader made of a document: the report, every value
// with the words it came from, the figures the document does not state,
// and what it says of its unit and period.
type Result struct {
	Report   models.Report
	Found    []Found
	NotFound []string
	// Unresolved are figures that two passages of the document state
	// differently: left null, each with both quotes.
	Unresolved []Found
	Kind       string // KindDocx or KindText

	Places     []Place  // the commune the document names, best first
	Parents    []string // folded names of the district or province it names ("dinh hoa")
	Period     string   // "2024", "2025S2", or "" if the title names none
	PeriodText string   // the words the period was read from
}

// Place is a commune-level unit as the document names it.
type Place struct {
	Name string          // as written, without the kind: "Bộc Nhiêu"
	Kind models.UnitKind // the kind its words say ("xã" → commune), "" if none
	Text string          // the words it was read from
}

// numberField is a figure of the report: its path, and where it goes.
type numberField struct {
	path  string
	dec   bool // a decimal (percentage, area), else a whole number
	apply func(r *models.Report, n int64, d models.Decimal)
}

func i64(n int64) *int64                    { return &n }
func decp(d models.Decimal) *models.Decimal { return &d }

// numberFields lists every single figure of the report the reader looks
// for, in the report's order: those it does not find are not_found.
var numberFields = []numberField{
	{"profile.area_ha", true, func(r *models.Report, _ int64, d models.Decimal) { profile(r).AreaHa = decp(d) }},
	{"profile.hamlets", false, func(r *models.Report, n int64, _ models.Decimal) { profile(r).Hamlets = i64(n) }},
	{"profile.households", false, func(r *models.Report, n int64, _ models.Decimal) { profile(r).Households = i64(n) }},
	{"profile.population", false, func(r *models.Report, n int64, _ models.Decimal) { profile(r).Population = i64(n) }},
	{"profile.ethnic_minority_share_pct", true, func(r *models.Report, _ int64, d models.Decimal) { profile(r).EthnicMinoritySharePct = decp(d) }},
	{"profile.party_cells", false, func(r *models.Report, n int64, _ models.Decimal) { profile(r).PartyCells = i64(n) }},
	{"profile.party_members", false, func(r *models.Report, n int64, _ models.Decimal) { profile(r).PartyMembers = i64(n) }},
	{"profile.economy_structure_pct.agriculture_forestry", true, func(r *models.Report, _ int64, d models.Decimal) { economy(r).AgricultureForestry = decp(d) }},
	{"profile.economy_structure_pct.industry_services_tourism", true, func(r *models.Report, _ int64, d models.Decimal) { economy(r).IndustryServicesTourism = decp(d) }},
	{"profile.economy_structure_pct.other", true, func(r *models.Report, _ int64, d models.Decimal) { economy(r).Other = decp(d) }},
	{"profile.poor_households", false, func(r *models.Report, n int64, _ models.Decimal) { profile(r).PoorHouseholds = i64(n) }},
	{"profile.poor_households_rate_pct", true, func(r *models.Report, _ int64, d models.Decimal) { profile(r).PoorHouseholdsRatePct = decp(d) }},
	{"profile.near_poor_households", false, func(r *models.Report, n int64, _ models.Decimal) { profile(r).NearPoorHouseholds = i64(n) }},
	{"profile.near_poor_households_rate_pct", true, func(r *models.Report, _ int64, d models.Decimal) { profile(r).NearPoorHouseholdsRatePct = decp(d) }},
	{"profile.income_per_capita_vnd", false, func(r *models.Report, n int64, _ models.Decimal) { profile(r).IncomePerCapitaVND = i64(n) }},
	{"delegations.outbound.count", false, func(r *models.Report, n int64, _ models.Decimal) { group(r, "outbound").Count = i64(n) }},
	{"delegations.outbound.people", false, func(r *models.Report, n int64, _ models.Decimal) { group(r, "outbound").People = i64(n) }},
	{"delegations.inbound_domestic.count", false, func(r *models.Report, n int64, _ models.Decimal) { group(r, "inbound_domestic").Count = i64(n) }},
	{"delegations.inbound_domestic.people", false, func(r *models.Report, n int64, _ models.Decimal) { group(r, "inbound_domestic").People = i64(n) }},
	{"delegations.inbound_foreign.count", false, func(r *models.Report, n int64, _ models.Decimal) { group(r, "inbound_foreign").Count = i64(n) }},
	{"delegations.inbound_foreign.people", false, func(r *models.Report, n int64, _ models.Decimal) { group(r, "inbound_foreign").People = i64(n) }},
	{"international_agreements.count", false, func(r *models.Report, n int64, _ models.Decimal) { r.InternationalAgreements.Count = i64(n) }},
	{"international_conferences.count", false, func(r *models.Report, n int64, _ models.Decimal) { r.InternationalConferences.Count = i64(n) }},
	{"consular.foreign_residents", false, func(r *models.Report, n int64, _ models.Decimal) { r.Consular.ForeignResidents = i64(n) }},
	{"consular.foreigner_incidents", false, func(r *models.Report, n int64, _ models.Decimal) { r.Consular.ForeignerIncidents = i64(n) }},
	{"consular.citizens_exited", false, func(r *models.Report, n int64, _ models.Decimal) { r.Consular.CitizensExited = i64(n) }},
	{"overseas_vietnamese.labor_export_workers", false, func(r *models.Report, n int64, _ models.Decimal) { r.OverseasVietnamese.LaborExportWorkers = i64(n) }},
	{"training.officials_trained", false, func(r *models.Report, n int64, _ models.Decimal) { r.Training.OfficialsTrained = i64(n) }},
	{"training.courses", false, func(r *models.Report, n int64, _ models.Decimal) { r.Training.Courses = i64(n) }},
	{"foreign_awards_received.count", false, func(r *models.Report, n int64, _ models.Decimal) { r.ForeignAwardsReceived.Count = i64(n) }},
	{"award_nominations.count", false, func(r *models.Report, n int64, _ models.Decimal) { r.AwardNominations.Count = i64(n) }},
}

func profile(r *models.Report) *models.Profile {
	if r.Profile == nil {
		r.Profile = &models.Profile{}
	}
	return r.Profile
}

func economy(r *models.Report) *models.EconomyStructure {
	p := profile(r)
	if p.EconomyStructurePct == nil {
		p.EconomyStructurePct = &models.EconomyStructure{}
	}
	return p.EconomyStructurePct
}

func group(r *models.Report, which string) *models.DelegationGroup {
	d := r.Delegations
	var g **models.DelegationGroup
	switch which {
	case "outbound":
		g = &d.Outbound
	case "inbound_domestic":
		g = &d.InboundDomestic
	default:
		g = &d.InboundForeign
	}
	if *g == nil {
		*g = &models.DelegationGroup{}
	}
	return *g
}
