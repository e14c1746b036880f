package app

import (
	"context"
	"slices"

	"doingoai/models"
	"doingoai/store"
)

// OverviewRequest asks for the figures of a unit's overview page.
type OverviewRequest struct {
	Code   string
	Period models.Period
	// Periods are those with reports (store.ReportPeriods), from which the
	// series is drawn (SeriesPeriods).
	Periods []string
	// Indicator is the code of the indicator the charts draw, as asked;
	// when it names none, the first indicator with a value other than zero.
	Indicator string
}

// Overview is every figure of a unit's overview page, each read as the API
// reads it: Rollup is GET /rollups?unit=…&period=…&by=child&periods=…
// &compare=previous (each indicator with its previous value and change),
// Completeness GET /completeness (every commune listed when the units below
// are communes, none otherwise), Line GET /rollups of the chosen indicator
// over the series, in today's tree (tree=LineTree) when the unit exists
// today, else each period in its own tree (LineTree zero).
type Overview struct {
	Tree         *models.Tree
	Unit         *models.TreeUnit
	Series       []models.Period
	Rollup       models.Rollup
	Completeness models.Completeness
	// CommuneChildren tells that the units below are communes, listed
	// with their status (Completeness.Units).
	CommuneChildren bool
	Chosen          models.Indicator
	Asked           bool // Chosen is the indicator asked for
	Line            models.Rollup
	LineTree        models.Date
}

// Overview reads the figures of the overview of the unit req.Code names,
// for p (TotalsUnit's rule).
//
// Errors: those of TotalsUnit.
func (tt Totals) Overview(ctx context.Context, p models.Principal, req OverviewRequest) (*Overview, error) {
	t, u, err := TotalsUnit(ctx, tt.Store, p, req.Code, req.Period, models.Date{})
	if err != nil {
		return nil, err
	}
	per := req.Period
	ov := &Overview{Tree: t, Unit: u, Series: SeriesPeriods(req.Periods, per)}
	q := store.RollupQuery{Unit: u, Period: per, Indicators: models.Indicators, ByChild: true, Series: ov.Series}
	if ov.Rollup, err = tt.rollup(ctx, q, true); err != nil {
		return nil, err
	}
	// The units right below in this period (the breakdown's rows): communes
	// are listed with their status (all of completeness's list); districts
	// (or provinces) with counts, and completeness gives only its counts.
	ov.CommuneChildren = len(ov.Rollup.Breakdown) > 0
	for _, b := range ov.Rollup.Breakdown {
		if !b.Kind.CommuneLevel() {
			ov.CommuneChildren = false
			break
		}
	}
	listed := 0
	if ov.CommuneChildren {
		listed = -1
	}
	if ov.Completeness, err = tt.Store.Completeness(ctx, store.CompletenessQuery{Unit: u, Period: per, Limit: listed}); err != nil {
		return nil, err
	}

	// The indicator of the charts: the one asked for, else the first with a
	// value other than zero.
	ov.Chosen = models.Indicators[0]
	if ind, ok := models.IndicatorByCode(req.Indicator); ok {
		ov.Chosen, ov.Asked = ind, true
	} else {
		for _, iv := range ov.Rollup.Indicators {
			if iv.Value != nil && iv.Value.String() != "0" {
				ov.Chosen, _ = models.IndicatorByCode(iv.Code)
				break
			}
		}
	}
	// The line over the years: in today's tree (GET /rollups?tree=…), so
	// that 2024 and 2025 count the same territory across the 2025 reform;
	// a unit that no longer exists is drawn in the tree of each year.
	lq := store.RollupQuery{Unit: u, Period: per, Series: ov.Series, Indicators: []models.Indicator{ov.Chosen}}
	if today := models.DateOf(tt.Store.Now()); u.ExistsOn(today) {
		lq.Tree, ov.LineTree = today, today
	}
	if ov.Line, err = tt.Store.Rollup(ctx, lq); err != nil {
		return nil, err
	}
	return ov, nil
}

// SeriesPeriods are the periods of an overview's series: those with reports
// of the same length as p (years, or halves), oldest first, at most 10, and
// p itself and the one before it.
func SeriesPeriods(all []string, p models.Period) []models.Period {
	var out []models.Period
	for _, s := range all {
		q, err := models.ParsePeriod(s)
		if err == nil && (q.Half == 0) == (p.Half == 0) && !q.LastDay().After(p.LastDay()) {
			out = append(out, q)
		}
	}
	for _, q := range []models.Period{p, p.Previous()} {
		if !slices.Contains(out, q) {
			out = append(out, q)
		}
	}
	slices.SortFunc(out, func(a, b models.Period) int { return a.LastDay().Compare(b.LastDay()) })
	if len(out) > 10 {
		out = out[len(out)-10:]
	}
	return out
}
