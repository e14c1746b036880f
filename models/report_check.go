package models

import (
	"fmt"
	"strconv"
	"time"
)

// Limits on a report. They are far above any real report (Bộc Nhiêu's
// narratives are a few hundred characters, its lists a dozen entries) and
// keep a faulty or hostile client from storing megabytes of text or numbers
// that would overflow a national total.
const (
	MaxNarrative     = 20_000 // characters in a narrative
	MaxText          = 500    // a name, a title, a place
	MaxEntry         = 5_000  // one entry of difficulties, causes, plan, recommendations
	MaxItems         = 1_000  // items of a counted section, NGO projects
	MaxEntries       = 100    // entries of difficulties, causes, plan, recommendations, recipients
	MaxDocuments     = 200    // documents cited by a section
	MaxEthnicGroups  = 100    // Vietnam has 54 peoples
	MaxCount         = 1_000_000
	MaxPeople        = 10_000_000
	MaxHouseholds    = 2_000_000
	MaxPopulation    = 5_000_000
	MaxHamlets       = 10_000
	MaxMoneyVND      = MaxReportTotal         // 10^14 đồng for one project
	MaxIncomeVND     = 10_000_000_000         // 10^10 đồng per person per year
	MaxAreaHa        = 10_000_000             // hectares
	pctTolerancePts  = 5 * DecimalScale / 100 // 0.05 percentage points, in Decimal units
	sharesTolerance  = DecimalScale / 10      // 0.1 points
	minorityTolerPts = DecimalScale           // 1 point
	economyTolerance = DecimalScale / 2       // 0.5 points
)

// More limits and thresholds.
const (
	MaxDocumentNumber = 100         // a document's number: "15/BC-UBND"
	MaxDocumentTitle  = 2 * MaxText // the title of a cited document
	outlierFactor     = 10          // an outlier is more than outlierFactor times the previous value …
	outlierFloor      = 10          // … and more than outlierFloor
	// MaxReportTotal bounds what one report may add to any total: the
	// committed (or disbursed) NGO aid of all its projects together, and
	// income per head × population (what the weighted mean of income adds
	// up). With at most MaxReportingUnits reports in one total, no total can
	// pass the largest integer kept (about 9.2 × 10^18), so that no unit's
	// figures can make another unit's valid report fail.
	MaxReportTotal = 100_000_000_000_000 // 10^14 đồng
	// MaxReportingUnits is the most reports one total may count for one
	// period: every commune of the country (about 10,600 before the 2025
	// reform, 3,321 after it) several times over.
	MaxReportingUnits = 50_000
)

// Warning codes: stable, for programs to act on.
const (
	WarnPoorRate         = "poor_rate_mismatch"
	WarnNearPoorRate     = "near_poor_rate_mismatch"
	WarnEthnicShares     = "ethnic_shares_total"
	WarnMinorityShare    = "minority_share_mismatch"
	WarnEconomyStructure = "economy_structure_total"
	WarnPartyMembers     = "party_members_exceed_population"
	WarnNoNumber         = "document_number_missing"
	WarnNoDate           = "document_date_missing"
	WarnOutlier          = "outlier"
)

// ReportReadOnly are the fields a client sees in a stored report but may
// never send, with what to tell it if it does.
var ReportReadOnly = map[string]string{
	"revision":           "is given by the service; do not send it",
	"submitted_at":       "is set by the service when the report is stored; do not send it",
	"submitted_by":       "is set by the service from the token; do not send it",
	"first_submitted_at": "is set by the service; do not send it",
	"warnings":           "are computed by the service; do not send them",
	"review":             "is made by the district through POST …/review; do not send it",
}

// checker walks a report and records problems and warnings. With rules
// set, it also records every check it applies, whatever the values: that is
// how ReportRules lists the rules from the code that applies them.
type checker struct {
	p        *Problems
	warnings []Warning
	rules    *[]Rule
	limits   *[]Limit
}

// limit records a limit of the field at, in JSON Schema's words (required,
// minLength, maxLength, minimum, maximum, maxItems): ReportLimits lists them
// for the OpenAPI document's test.
func (c *checker) limit(at, keyword string, value int64) {
	if c.limits != nil {
		*c.limits = append(*c.limits, Limit{Field: at, Keyword: keyword, Value: value})
	}
}

// recording tells whether the checker records its rules or limits (for
// RULES.md and the OpenAPI document), not only problems: the helpers below
// build a rule's words only then, not for every field of every report.
func (c *checker) recording() bool { return c.rules != nil || c.limits != nil }

// rule records that the check described applies to the field at.
func (c *checker) rule(at, format string, args ...any) {
	if c.rules != nil {
		*c.rules = append(*c.rules, Rule{Field: at, Rule: fmt.Sprintf(format, args...)})
	}
}

func (c *checker) warn(field, code string, params Params, format string, args ...any) {
	c.warnings = append(c.warnings, Warning{Field: field, Code: code, Message: fmt.Sprintf(format, args...), Params: params})
}

// CheckReport validates r as of now. Every error is recorded in p with its
// field path (nothing is stored if there is one); the doubts that do not
// stop a report are returned as warnings. The unit behind unit_code and the
// comparison with the previous period need the store and are checked there.
func CheckReport(r *Report, now time.Time, p *Problems) []Warning {
	return (&checker{p: p}).report(r, now)
}

func (c *checker) report(r *Report, now time.Time) []Warning {
	c.header(r, now)
	c.document(r.Document, r.Status == StatusSubmitted)
	c.profile(r.Profile)
	c.sections(r)
	c.entries("difficulties", r.Difficulties)
	c.entries("causes", r.Causes)
	c.entries("plan", r.Plan)
	c.listLen("recommendations", len(r.Recommendations), MaxEntries)
	for i, rec := range r.Recommendations {
		at := Index("recommendations", i)
		c.text(Path(at, "addressee"), rec.Addressee)
		c.requiredMax(Path(at, "text"), rec.Text, MaxEntry)
	}
	if c.p.Len() == 0 || c.rules != nil {
		c.totals(r)
	}
	return c.warnings
}

// header checks what names the report: its status, unit and period. A
// report sent without a status is submitted.
func (c *checker) header(r *Report, now time.Time) {
	p := c.p
	c.rule("status", "draft or submitted; submitted when left out")
	c.rule("unit_code", "required; the code of a commune-level unit (digits, such as 05596) in the token's scope")
	c.limit("unit_code", "required", 1)
	c.limit("unit_code", "minLength", 1)
	c.rule("period", "required; a year (2024) or a half year (2024S1, 2024S2) from %d to %d that has begun", MinPeriodYear, MaxPeriodYear)
	c.limit("period", "required", 1)
	c.limit("period", "minLength", 1)
	if r.Status == "" {
		r.Status = StatusSubmitted
	}
	switch r.Status {
	case StatusDraft, StatusSubmitted:
	case StatusAccepted, StatusReturned:
		p.AddMsg("status", FNotAllowed, MStatusByReview, Params{"status": r.Status}, "%s is set by the district's review; send draft or submitted", r.Status)
	default:
		p.AddMsg("status", FNotAllowed, MStatusNotAllowed, nil, "must be draft or submitted")
	}
	switch {
	case r.UnitCode == "":
		p.AddMsg("unit_code", FRequired, MRequired, nil, "is required")
	case !ValidCode(r.UnitCode):
		p.AddMsg("unit_code", FBadFormat, MBadUnitCode, nil, "must be a unit code such as 05596")
	}
	if r.Period == "" {
		p.AddMsg("period", FRequired, MRequired, nil, "is required")
	} else if per, err := ParsePeriod(r.Period); err != nil {
		p.AddErr("period", FBadFormat, err)
	} else if !per.Begun(now) {
		p.AddMsg("period", FOutOfRange, MPeriodNotBegun, Params{"period": r.Period, "starts_on": per.FirstDay()}, "%s has not begun: it starts on %s", r.Period, per.FirstDay())
	}
}

// sections checks the twelve sections of the report, in their order; a
// section left out is not checked.
func (c *checker) sections(r *Report) {
	if d := r.Delegations; d != nil {
		c.delegations("delegations.outbound", d.Outbound)
		c.delegations("delegations.inbound_domestic", d.InboundDomestic)
		c.delegations("delegations.inbound_foreign", d.InboundForeign)
		c.narrative("delegations", d.Narrative)
	}
	if s := r.InternationalAgreements; s != nil {
		countedSection(c, "international_agreements", s.Count, s.Items, s.Narrative, func(at string, it Agreement) {
			c.required(Path(at, "title"), it.Title)
			c.text(Path(at, "partner"), it.Partner)
			c.text(Path(at, "country"), it.Country)
		})
	}
	if s := r.InternationalConferences; s != nil {
		countedSection(c, "international_conferences", s.Count, s.Items, s.Narrative, func(at string, it Conference) {
			c.required(Path(at, "title"), it.Title)
			c.count(Path(at, "participants"), it.Participants, MaxPeople)
		})
	}
	if s := r.EconomicDiplomacy; s != nil {
		c.documents("economic_diplomacy.documents", s.Documents)
		c.narrative("economic_diplomacy", s.Narrative)
	}
	if s := r.PeopleDiplomacy; s != nil {
		c.narrative("people_diplomacy", s.Narrative)
	}
	if s := r.NgoAid; s != nil {
		c.listLen("ngo_aid.projects", len(s.Projects), MaxItems)
		for i, it := range s.Projects {
			at := Index("ngo_aid.projects", i)
			c.required(Path(at, "name"), it.Name)
			c.text(Path(at, "donor"), it.Donor)
			c.text(Path(at, "country"), it.Country)
			c.text(Path(at, "sector"), it.Sector)
			c.count(Path(at, "committed_vnd"), it.CommittedVND, MaxMoneyVND)
			c.count(Path(at, "disbursed_vnd"), it.DisbursedVND, MaxMoneyVND)
			c.dateOrder(at, it.StartOn, it.EndOn)
		}
		c.narrative("ngo_aid", s.Narrative)
	}
	if s := r.CulturalDiplomacy; s != nil {
		c.documents("cultural_diplomacy.documents", s.Documents)
		c.listLen("cultural_diplomacy.partners", len(s.Partners), MaxItems)
		for i, it := range s.Partners {
			c.required(Path(Index("cultural_diplomacy.partners", i), "name"), it.Name)
		}
		c.narrative("cultural_diplomacy", s.Narrative)
	}
	if s := r.Information; s != nil {
		c.narrative("information", s.Narrative)
	}
	if s := r.Consular; s != nil {
		c.count("consular.foreign_residents", s.ForeignResidents, MaxPeople)
		c.count("consular.foreigner_incidents", s.ForeignerIncidents, MaxCount)
		c.count("consular.citizens_exited", s.CitizensExited, MaxPeople)
		c.narrative("consular", s.Narrative)
	}
	if s := r.OverseasVietnamese; s != nil {
		c.count("overseas_vietnamese.labor_export_workers", s.LaborExportWorkers, MaxPeople)
		c.narrative("overseas_vietnamese", s.Narrative)
	}
	if s := r.Training; s != nil {
		c.count("training.officials_trained", s.OfficialsTrained, MaxPeople)
		c.count("training.courses", s.Courses, MaxCount)
		c.narrative("training", s.Narrative)
	}
	if s := r.ForeignAwardsReceived; s != nil {
		countedSection(c, "foreign_awards_received", s.Count, s.Items, s.Narrative, func(at string, it Award) {
			c.required(Path(at, "title"), it.Title)
			c.text(Path(at, "awarded_by"), it.AwardedBy)
			c.text(Path(at, "recipient"), it.Recipient)
		})
	}
	if s := r.AwardNominations; s != nil {
		countedSection(c, "award_nominations", s.Count, s.Items, s.Narrative, func(at string, it Nomination) {
			c.required(Path(at, "title"), it.Title)
			c.text(Path(at, "nominee"), it.Nominee)
			c.rule(Path(at, "level"), "state or province, or left out")
			if it.Level != "" && it.Level != "state" && it.Level != "province" {
				c.p.AddMsg(Path(at, "level"), FNotAllowed, MLevelNotAllowed, Params{"level": it.Level}, "must be state or province")
			}
		})
	}
	if s := r.ReportingCompliance; s != nil {
		c.narrative("reporting_compliance", s.Narrative)
	}
}

// countedSection checks a section that counts cases and may list them:
// its count, its items (each with item, at its path), its narrative.
func countedSection[T any](c *checker, section string, count *int64, items []T, narrative string, item func(at string, it T)) {
	c.count(Path(section, "count"), count, MaxCount)
	c.items(section, len(items), count)
	for i, it := range items {
		item(Index(Path(section, "items"), i), it)
	}
	c.narrative(section, narrative)
}

// totals refuses a report that would add more than MaxReportTotal to any
// total. Every single field is within its own limit by now; this bounds
// their sums and products.
func (c *checker) totals(r *Report) {
	if c.recording() {
		c.rule("ngo_aid.projects", "the projects' committed amounts add up to at most %s đồng, and so do their disbursed amounts", group(MaxReportTotal))
		for _, ind := range Indicators {
			if ind.pair >= 0 {
				c.rule(Measures[ind.Value].Field, "times %s, at most %s", Measures[ind.Weight].Field, group(MaxReportTotal))
			}
		}
	}
	f := FiguresOf(r)
	t := Contribution(&f)
	for m := Measure(0); m < NumMeasures; m++ {
		if v := t[sumSlot(m)]; v > MaxReportTotal {
			switch m {
			case MNgoAidCommitted, MNgoAidDisbursed:
				c.p.AddMsg(Measures[m].Field, FOutOfRange, map[Measure]string{MNgoAidCommitted: MProjectsCommitted, MNgoAidDisbursed: MProjectsDisbursed}[m],
					Params{"total": v, "max": int64(MaxReportTotal)}, "the projects' %s amounts add up to %s đồng; one report may add at most %s đồng",
					map[Measure]string{MNgoAidCommitted: "committed", MNgoAidDisbursed: "disbursed"}[m], group(v), group(MaxReportTotal))
			default:
				c.p.AddMsg(Measures[m].Field, FOutOfRange, MTotalAboveMax, Params{"total": v, "max": int64(MaxReportTotal)}, "adds up to %s; one report may add at most %s", group(v), group(MaxReportTotal))
			}
		}
	}
	for _, ind := range Indicators {
		if ind.pair < 0 {
			continue
		}
		s := pairSlot(ind.pair)
		_, okV := f.Get(ind.Value)
		_, okW := f.Get(ind.Weight)
		if okV && okW && t[s+2] == 0 || t[s] > MaxReportTotal || t[s+1] > MaxReportTotal {
			c.p.AddMsg(Measures[ind.Value].Field, FOutOfRange, MProductAboveMax,
				Params{"value_field": Measures[ind.Value].Field, "weight_field": Measures[ind.Weight].Field, "max": int64(MaxReportTotal)},
				"%s × %s is more than %s: the figures cannot be right",
				Measures[ind.Value].Field, Measures[ind.Weight].Field, group(MaxReportTotal))
		}
	}
}

func (c *checker) document(d *Document, submitted bool) {
	if d == nil {
		if submitted {
			c.warn("document.number", WarnNoNumber, nil, "the report has no number (Số: …/BC-UBND); a submitted report should")
			c.warn("document.issued_on", WarnNoDate, nil, "the report has no date; a submitted report should")
		}
		return
	}
	if d.Number != nil {
		c.textMax("document.number", *d.Number, MaxDocumentNumber)
	} else {
		c.textMax("document.number", "", MaxDocumentNumber)
	}
	if submitted && (d.Number == nil || *d.Number == "") {
		c.warn("document.number", WarnNoNumber, nil, "the report has no number (Số: …/BC-UBND); a submitted report should")
	}
	if submitted && d.IssuedOn == nil {
		c.warn("document.issued_on", WarnNoDate, nil, "the report has no date; a submitted report should")
	}
	c.text("document.place", d.Place)
	c.text("document.in_response_to", d.InResponseTo)
	c.text("document.signer_name", d.SignerName)
	c.text("document.signer_title", d.SignerTitle)
	c.text("document.issued_text", d.IssuedText)
	c.listLen("document.recipients", len(d.Recipients), MaxEntries)
	for i, s := range d.Recipients {
		c.required(Index("document.recipients", i), s)
	}
}

func (c *checker) profile(pr *Profile) {
	if pr == nil {
		return
	}
	p := c.p
	c.decimal("profile.area_ha", pr.AreaHa, MaxAreaHa, 4)
	c.count("profile.hamlets", pr.Hamlets, MaxHamlets)
	c.count("profile.households", pr.Households, MaxHouseholds)
	c.count("profile.population", pr.Population, MaxPopulation)
	c.count("profile.party_cells", pr.PartyCells, MaxHamlets)
	c.count("profile.party_members", pr.PartyMembers, MaxPopulation)
	c.count("profile.poor_households", pr.PoorHouseholds, MaxHouseholds)
	c.count("profile.near_poor_households", pr.NearPoorHouseholds, MaxHouseholds)
	c.count("profile.income_per_capita_vnd", pr.IncomePerCapitaVND, MaxIncomeVND)
	c.percent("profile.ethnic_minority_share_pct", pr.EthnicMinoritySharePct)
	c.percent("profile.poor_households_rate_pct", pr.PoorHouseholdsRatePct)
	c.percent("profile.near_poor_households_rate_pct", pr.NearPoorHouseholdsRatePct)
	c.narrative("profile", pr.Narrative)

	hh, pop := pr.Households, pr.Population
	c.rule("profile.households", "not more than profile.population")
	c.rule("profile.poor_households", "not more than profile.households")
	c.rule("profile.near_poor_households", "not more than profile.households; poor plus near-poor households not more than profile.households")
	if hh != nil && pop != nil && *hh > *pop && *pop >= 0 {
		p.AddMsg("profile.households", FInconsistent, MHouseholdsOverPop, Params{"households": *hh, "population": *pop}, "%d households is more than the population of %d", *hh, *pop)
	}
	if hh != nil && *hh >= 0 {
		if pr.PoorHouseholds != nil && *pr.PoorHouseholds > *hh {
			p.AddMsg("profile.poor_households", FInconsistent, MPoorOverHouseholds, Params{"poor": *pr.PoorHouseholds, "households": *hh}, "%d poor households is more than the %d households", *pr.PoorHouseholds, *hh)
		}
		if pr.NearPoorHouseholds != nil && *pr.NearPoorHouseholds > *hh {
			p.AddMsg("profile.near_poor_households", FInconsistent, MNearPoorOverHH, Params{"near_poor": *pr.NearPoorHouseholds, "households": *hh}, "%d near-poor households is more than the %d households", *pr.NearPoorHouseholds, *hh)
		} else if pr.PoorHouseholds != nil && pr.NearPoorHouseholds != nil && *pr.PoorHouseholds <= *hh &&
			*pr.PoorHouseholds+*pr.NearPoorHouseholds > *hh {
			p.AddMsg("profile.near_poor_households", FInconsistent, MPoorNearPoorOverHH, Params{"poor": *pr.PoorHouseholds, "near_poor": *pr.NearPoorHouseholds, "households": *hh}, "%d poor and %d near-poor households are more than the %d households", *pr.PoorHouseholds, *pr.NearPoorHouseholds, *hh)
		}
		c.rate("profile.poor_households_rate_pct", WarnPoorRate, "poor", pr.PoorHouseholds, *hh, pr.PoorHouseholdsRatePct)
		c.rate("profile.near_poor_households_rate_pct", WarnNearPoorRate, "near-poor", pr.NearPoorHouseholds, *hh, pr.NearPoorHouseholdsRatePct)
	}
	if pr.PartyMembers != nil && pop != nil && *pr.PartyMembers > *pop {
		c.warn("profile.party_members", WarnPartyMembers, Params{"party_members": *pr.PartyMembers, "population": *pop}, "%d party members is more than the population of %d", *pr.PartyMembers, *pop)
	}

	c.listLen("profile.ethnic_groups", len(pr.EthnicGroups), MaxEthnicGroups)
	var total, nonKinh int64
	complete := len(pr.EthnicGroups) > 0
	for i, g := range pr.EthnicGroups {
		at := Index("profile.ethnic_groups", i)
		c.required(Path(at, "name"), g.Name)
		c.percent(Path(at, "share_pct"), g.SharePct)
		if g.SharePct == nil {
			complete = false
			continue
		}
		total += g.SharePct.Units()
		if Fold(g.Name) != "kinh" {
			nonKinh += g.SharePct.Units()
		}
	}
	if complete {
		if abs(total-100*DecimalScale) > sharesTolerance {
			c.warn("profile.ethnic_groups", WarnEthnicShares, Params{"peoples": len(pr.EthnicGroups), "total": DecimalFromUnits(total)}, "the shares of the %d peoples add up to %s%%, not 100%%", len(pr.EthnicGroups), DecimalFromUnits(total))
		}
		if s := pr.EthnicMinoritySharePct; s != nil && abs(s.Units()-nonKinh) > minorityTolerPts {
			c.warn("profile.ethnic_minority_share_pct", WarnMinorityShare, Params{"stated": *s, "computed": DecimalFromUnits(nonKinh)}, "the stated %s%% differs from the %s%% of the peoples other than Kinh by more than 1 point", s, DecimalFromUnits(nonKinh))
		}
	}
	if e := pr.EconomyStructurePct; e != nil {
		c.percent("profile.economy_structure_pct.agriculture_forestry", e.AgricultureForestry)
		c.percent("profile.economy_structure_pct.industry_services_tourism", e.IndustryServicesTourism)
		c.percent("profile.economy_structure_pct.other", e.Other)
		if e.AgricultureForestry != nil && e.IndustryServicesTourism != nil && e.Other != nil {
			sum := e.AgricultureForestry.Units() + e.IndustryServicesTourism.Units() + e.Other.Units()
			if abs(sum-100*DecimalScale) > economyTolerance {
				c.warn("profile.economy_structure_pct", WarnEconomyStructure, Params{"total": DecimalFromUnits(sum)}, "the three shares add up to %s%%, not 100%%", DecimalFromUnits(sum))
			}
		}
	}
}

// rate warns when a stated rate differs from count / households × 100 by
// more than 0.05 points. The comparison is done in integers, exactly:
// |stated × households − count × 100| > 0.05 × households.
func (c *checker) rate(field, code, what string, count *int64, households int64, stated *Decimal) {
	if count == nil || stated == nil || households <= 0 || *count < 0 || *count > households {
		return
	}
	diff := stated.Units()*households - *count*100*DecimalScale
	if abs(diff) > pctTolerancePts*households {
		computed := RoundRatio(*count*100*DecimalScale, households, 2)
		c.warn(field, code, Params{"stated": *stated, "count": *count, "households": households, "computed": computed}, "the stated rate %s%% differs from %d %s / %d households × 100 = %s%%", stated, *count, what, households, computed)
	}
}

// RoundRatio returns num/den (num in Decimal units, num ≥ 0, den > 0)
// rounded half up to the given number of decimal places.
func RoundRatio(num, den int64, places int) Decimal {
	q, _ := ratio(num, 1, den, places)
	return q
}

func (c *checker) delegations(at string, g *DelegationGroup) {
	if g == nil {
		return
	}
	c.count(Path(at, "count"), g.Count, MaxCount)
	c.count(Path(at, "people"), g.People, MaxPeople)
	c.items(at, len(g.Items), g.Count)
	for i, it := range g.Items {
		ai := Index(Path(at, "items"), i)
		c.required(Path(ai, "name"), it.Name)
		c.text(Path(ai, "country"), it.Country)
		c.text(Path(ai, "purpose"), it.Purpose)
		c.count(Path(ai, "people"), it.People, MaxPeople)
		c.dateOrder(ai, it.StartOn, it.EndOn)
	}
}

// items checks a counted section's list: its length, and that a count
// given beside a non-empty list agrees with it. An empty list beside a
// count means the cases were not itemised (Bộc Nhiêu: 6 domestic
// delegations, none listed).
func (c *checker) items(at string, n int, count *int64) {
	c.listLen(Path(at, "items"), n, MaxItems)
	if c.recording() {
		c.rule(Path(at, "count"), "when items are listed, their number")
	}
	if count != nil && n > 0 && *count != int64(n) {
		c.p.AddMsg(Path(at, "count"), FCountMismatch, MCountMismatch, Params{"count": *count, "items": n}, "is %d but %d items are listed; give the number of items, or leave count out", *count, n)
	}
}

func (c *checker) documents(at string, docs []DocumentRef) {
	c.listLen(at, len(docs), MaxDocuments)
	for i, d := range docs {
		ai := Index(at, i)
		c.requiredMax(Path(ai, "title"), d.Title, MaxDocumentTitle)
		c.textMax(Path(ai, "number"), d.Number, MaxDocumentNumber)
		c.text(Path(ai, "issuer"), d.Issuer)
	}
}

func (c *checker) entries(at string, list []string) {
	c.listLen(at, len(list), MaxEntries)
	if c.recording() {
		c.rule(Index(at, 0), "not empty; at most %s characters", group(MaxEntry))
		c.limit(Index(at, 0), "minLength", 1)
		c.limit(Index(at, 0), "maxLength", MaxEntry)
	}
	for i, s := range list {
		if s == "" {
			c.p.AddMsg(Index(at, i), FRequired, MEmptyEntry, nil, "is empty")
		}
		CheckText(c.p, Index(at, i), s, MaxEntry)
	}
}

// OutlierWarnings compares a report's counted indicators with the same
// commune's previous period and warns of each that is more than ten times
// the previous value and above 10.
func OutlierWarnings(cur, prev *Figures, prevPeriod string) []Warning {
	var out []Warning
	for m := Measure(0); m < NumMeasures; m++ {
		info := Measures[m]
		if !info.Counted {
			continue
		}
		v, ok := cur.Get(m)
		pv, pok := prev.Get(m)
		if !ok || !pok || v <= outlierFloor || v <= outlierFactor*pv {
			continue
		}
		out = append(out, Warning{Field: info.Field, Code: WarnOutlier,
			Params:  Params{"indicator": info.Code, "value": v, "previous": pv, "period": prevPeriod},
			Message: fmt.Sprintf("%s is %s, more than ten times the %s reported for %s", info.Code, group(v), group(pv), prevPeriod)})
	}
	return out
}

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// group writes n with thousands separated by commas: 1,169.
func group(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := ""
	if n < 0 {
		neg, s = "-", s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return neg + s
}
