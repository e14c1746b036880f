package app

import (
	"context"
	"fmt"
	"slices"

	"doingoai/models"
	"doingoai/store"
)

// TotalsUnit resolves the unit whose totals p reads — GET /rollups and
// /completeness, the consolidated report, the overview pages and their
// downloads — and applies the one rule of who reads them: no commune
// (models.Principal.MayReadTotals, checked first), and only a unit within
// p's scope. The unit is the one the code names during the period or, with
// a day (not zero), in that day's tree (store.TreeDay: the tree= of a
// rollup).
//
// Errors: EFORBIDDEN; ENOTFOUND for an unknown code; EINVALID for a day
// the tree cannot be read on.
func TotalsUnit(ctx context.Context, st *store.Store, p models.Principal, code string, period models.Period, day models.Date) (*models.Tree, *models.TreeUnit, error) {
	if err := p.MayReadTotals(); err != nil {
		return nil, nil, err
	}
	t, err := st.Tree(ctx)
	if err != nil {
		return nil, nil, err
	}
	var u *models.TreeUnit
	if !day.IsZero() {
		u, err = st.TreeDay(ctx, t, code, day)
	} else {
		u, err = t.Resolve(code, period)
	}
	if err != nil {
		return nil, nil, err
	}
	return t, u, t.InScope(p, u)
}

// Bounds on the work of one rollup.
const (
	// MaxSeries bounds a rollup's series: twenty years of reports, or ten
	// years of halves.
	MaxSeries = 20
	// MaxRollupCells bounds one rollup: periods × units × indicators, the
	// units being the unit and, by child, its children. The whole
	// catalogue for twenty periods of a province's hundred and fifty
	// communes is under it.
	MaxRollupCells = 100_000
)

// Totals read the totals of a unit — GET /rollups and /completeness, the
// overview pages — each after TotalsUnit's rule of who reads which unit,
// so that a page shows what the API answers, from the same code.
type Totals struct {
	Store *store.Store
}

// RollupRequest asks for the rollup of the unit Code names: Query as the
// store takes it (its Unit is set from Code, in the tree of Query.Tree
// when set), and with Compare each indicator's value in the period before
// and the change from it (models.Comparison).
type RollupRequest struct {
	Code    string
	Query   store.RollupQuery
	Compare bool
}

// RollupQuery resolves the unit of req for p (TotalsUnit) and bounds the
// work (MaxRollupCells): the query the rollup runs, which a rollup's
// download (app.Exports.Rollup) runs too.
//
// Errors: those of TotalsUnit; EINVALID for a rollup over MaxRollupCells.
func (tt Totals) RollupQuery(ctx context.Context, p models.Principal, req RollupRequest) (store.RollupQuery, error) {
	q := req.Query
	var err error
	if _, q.Unit, err = TotalsUnit(ctx, tt.Store, p, req.Code, q.Period, q.Tree); err != nil {
		return q, err
	}
	units := 1
	if q.ByChild {
		units += len(q.Unit.Children)
	}
	periods := 1 + len(q.Series)
	if req.Compare && !slices.Contains(q.Series, q.Period.Previous()) {
		periods++
	}
	if cells := periods * units * len(q.Indicators); cells > MaxRollupCells {
		return q, &models.Error{Code: models.EINVALID, Message: "the rollup asked is too large", Fields: []models.FieldError{{Field: "indicators",
			Message: fmt.Sprintf("%d periods × %d units × %d indicators is %d figures; one request may ask for at most %d: ask for fewer indicators or periods, or split by=child",
				periods, units, len(q.Indicators), cells, MaxRollupCells)}}}
	}
	return q, nil
}

// Rollup is the rollup req asks of a unit p may read.
//
// Errors: those of RollupQuery.
func (tt Totals) Rollup(ctx context.Context, p models.Principal, req RollupRequest) (models.Rollup, error) {
	q, err := tt.RollupQuery(ctx, p, req)
	if err != nil {
		return models.Rollup{}, err
	}
	return tt.rollup(ctx, q, req.Compare)
}

// rollup runs q; with compare, each indicator gets its value in the
// period before and the change from it, read in the same statement as a
// series point (left out of the series unless q asks for that period).
func (tt Totals) rollup(ctx context.Context, q store.RollupQuery, compare bool) (models.Rollup, error) {
	prev := q.Period.Previous()
	added := compare && !slices.Contains(q.Series, prev)
	if added {
		q.Series = append(slices.Clone(q.Series), prev)
	}
	roll, err := tt.Store.Rollup(ctx, q)
	if err != nil || !compare {
		return roll, err
	}
	var before []models.IndicatorValue
	for _, s := range roll.Series {
		if s.Period == prev.String() {
			before = s.Indicators
		}
	}
	for i, iv := range roll.Indicators {
		c := &models.Comparison{Period: prev.String()}
		if i < len(before) && before[i].Code == iv.Code {
			c.Previous = before[i].Value
		}
		c.Change = models.AmountChange(iv.Value, c.Previous)
		roll.Indicators[i].Compared = c
	}
	if added {
		roll.Series = slices.DeleteFunc(roll.Series, func(s models.SeriesPoint) bool { return s.Period == prev.String() })
		if len(roll.Series) == 0 {
			roll.Series = nil
		}
	}
	return roll, nil
}

// Completeness says who has reported in the unit code names (in the tree
// of q.Tree when set), for p: q as the store takes it, its Unit set from
// code.
//
// Errors: those of TotalsUnit.
func (tt Totals) Completeness(ctx context.Context, p models.Principal, code string, q store.CompletenessQuery) (models.Completeness, error) {
	var err error
	if _, q.Unit, err = TotalsUnit(ctx, tt.Store, p, code, q.Period, q.Tree); err != nil {
		return models.Completeness{}, err
	}
	return tt.Store.Completeness(ctx, q)
}
