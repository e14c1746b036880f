package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"

	"doingoai/models"
)

// Scopes of the maintained totals: which reports they count.
const (
	scopeCounted  = 0 // submitted and accepted (the default of rollups)
	scopeAccepted = 1 // accepted only (?status=accepted)
)

func inTotalsScope(scope int, status string) bool {
	return models.Counted(status, scope == scopeAccepted)
}

type totalsKey struct {
	unitID int64
	period string
	scope  int
}

// totalsDeltas collects changes to the totals of a transaction, merged per
// row, to be added to the totals table in one statement.
type totalsDeltas map[totalsKey]*models.Totals

// change records that a report of a commune went from one status and set
// of figures to another (a status "" or revision 0 is "no report"), for the
// commune itself and every unit above it. A report of a commune that does
// not exist on the period's last day changes nothing: it is not counted
// (models.TreeUnit.ReportsFor), here as in rebuildTotals and CheckTotals.
func (d totalsDeltas) change(t *models.Tree, unitID int64, period string, oldStatus string, oldFigs *models.Figures, newStatus string, newFigs *models.Figures) {
	if u := t.Unit(unitID); u != nil {
		if per, err := models.ParsePeriod(period); err == nil && !u.ReportsFor(per) {
			return // the unit ended before the period's last day: its report is kept, never counted
		}
	}
	for scope := scopeCounted; scope <= scopeAccepted; scope++ {
		var delta models.Totals
		if inTotalsScope(scope, newStatus) {
			c := models.Contribution(newFigs)
			delta.Add(&c)
		}
		if inTotalsScope(scope, oldStatus) {
			c := models.Contribution(oldFigs)
			delta.Sub(&c)
		}
		if delta.IsZero() {
			continue
		}
		for u := t.Unit(unitID); u != nil; u = u.Parent {
			k := totalsKey{u.ID, period, scope}
			acc := d[k]
			if acc == nil {
				acc = new(models.Totals)
				d[k] = acc
			}
			acc.Add(&delta)
		}
	}
}

var totalsColumns = strings.Join(models.TotalNames, ", ")

// applyTotals adds the changes to the totals table, rows in key order
// (the lock order of every writer). A total that would pass the int64 range
// is an error on both databases, never a wrong number.
func (s *Store) applyTotals(tx *gorm.DB, d totalsDeltas) error {
	if len(d) == 0 {
		return nil
	}
	keys := make([]totalsKey, 0, len(d))
	for k, v := range d {
		if !v.IsZero() {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b totalsKey) int {
		return cmp.Or(cmp.Compare(a.unitID, b.unitID), strings.Compare(a.period, b.period), cmp.Compare(a.scope, b.scope))
	})
	var set strings.Builder
	for i, c := range models.TotalNames {
		if i > 0 {
			set.WriteString(", ")
		}
		fmt.Fprintf(&set, "%s = totals.%s + excluded.%s", c, c, c)
	}
	return s.insertTotals(tx, keys, func(k totalsKey) *models.Totals { return d[k] }, " ON CONFLICT (unit_id, period, scope) DO UPDATE SET "+set.String())
}

// insertTotals writes rows of totals, many per statement, with an optional
// ON CONFLICT clause.
func (s *Store) insertTotals(tx *gorm.DB, keys []totalsKey, totals func(totalsKey) *models.Totals, onConflict string) error {
	cols := append([]string{"unit_id", "period", "scope"}, models.TotalNames...)
	err := s.insertRows(tx, "totals", cols, len(keys), func(i int, args []any) []any {
		k := keys[i]
		args = append(args, k.unitID, k.period, k.scope)
		for _, v := range totals(k) {
			args = append(args, v)
		}
		return args
	}, onConflict)
	if isOverflow(err) {
		return models.Errorf(models.EINVALID, "a total would pass the largest number the service keeps (about 9.2 × 10^18); the figures cannot be right")
	}
	if err != nil {
		return fmt.Errorf("update totals: %w", err)
	}
	return nil
}

// lockTreeShared starts a transaction that depends on the tree (it adds to
// the totals of a commune's ancestors): on PostgreSQL it takes a share lock
// on the tree version, which a change of the tree (an exclusive update of
// that row) waits for and which waits for it; on SQLite the single writer
// already excludes both. It returns the tree the transaction sees.
func (s *Store) lockTreeShared(tx *gorm.DB) (*models.Tree, error) {
	if s.dialect == Postgres {
		c, ctx := sqlOf(tx)
		var v int64
		if err := c.QueryRowContext(ctx, "SELECT version FROM tree_version WHERE id = 1 FOR SHARE").Scan(&v); err != nil {
			return nil, fmt.Errorf("lock the unit tree: %w", err)
		}
		return s.treeAt(tx, v)
	}
	return s.treeVia(tx)
}

// rebuildTotals recomputes from the reports the totals of the given units,
// for every period, after the tree below them changed (a unit moved): it
// reads the reports of each unit's communes through the closure table as
// this transaction left it.
func (s *Store) rebuildTotals(tx *gorm.DB, units []int64) error {
	slices.Sort(units)
	units = slices.Compact(units)
	for _, id := range units {
		rows, err := tx.Raw("SELECT r.period, r.status, u.valid_from, u.valid_to, "+prefixed("r.", figureColumns)+
			" FROM reports r JOIN unit_closure c ON c.descendant_id = r.unit_id JOIN units u ON u.id = r.unit_id WHERE c.ancestor_id = ? AND r.revision > 0", id).Rows()
		if err != nil {
			return err
		}
		acc := map[totalsKey]*models.Totals{}
		for rows.Next() {
			var period, status string
			var from, to *string
			f, err := scanFigures(rows, &period, &status, &from, &to)
			if err != nil {
				rows.Close()
				return err
			}
			if counts, err := reportCounts(period, from, to); err != nil || !counts {
				if err != nil {
					rows.Close()
					return err
				}
				continue
			}
			c := models.Contribution(&f)
			for scope := scopeCounted; scope <= scopeAccepted; scope++ {
				if !inTotalsScope(scope, status) {
					continue
				}
				k := totalsKey{id, period, scope}
				if acc[k] == nil {
					acc[k] = new(models.Totals)
				}
				acc[k].Add(&c)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if err := tx.Exec("DELETE FROM totals WHERE unit_id = ?", id).Error; err != nil {
			return err
		}
		keys := make([]totalsKey, 0, len(acc))
		for k := range acc {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b totalsKey) int {
			return cmp.Or(strings.Compare(a.period, b.period), cmp.Compare(a.scope, b.scope))
		})
		if err := s.insertTotals(tx, keys, func(k totalsKey) *models.Totals { return acc[k] }, ""); err != nil {
			return err
		}
	}
	return nil
}

// reportCounts tells whether a report for period of a unit valid from..to
// (stored dates, nil when open) is counted: ReportsFor, from a row.
func reportCounts(period string, from, to *string) (bool, error) {
	per, err := models.ParsePeriod(period)
	if err != nil {
		return false, fmt.Errorf("stored period %q: %w", period, err)
	}
	var f, t models.Date
	if from != nil {
		if f, err = models.ParseDate(*from); err != nil {
			return false, fmt.Errorf("stored valid_from %q: %w", *from, err)
		}
	}
	if to != nil {
		if t, err = models.ParseDate(*to); err != nil {
			return false, fmt.Errorf("stored valid_to %q: %w", *to, err)
		}
	}
	return (&models.TreeUnit{ValidFrom: f, ValidTo: t}).ReportsFor(per), nil
}

// movedTotals lists the units whose totals change when unit u moves from
// oldParent to newParent: the ancestors of one and not of the other (a move
// within a province changes its two districts, not the province).
func movedTotals(oldParent, newParent *models.TreeUnit) []int64 {
	in := func(id int64, u *models.TreeUnit) bool {
		for ; u != nil; u = u.Parent {
			if u.ID == id {
				return true
			}
		}
		return false
	}
	var ids []int64
	for a := oldParent; a != nil; a = a.Parent {
		if !in(a.ID, newParent) {
			ids = append(ids, a.ID)
		}
	}
	for a := newParent; a != nil; a = a.Parent {
		if !in(a.ID, oldParent) {
			ids = append(ids, a.ID)
		}
	}
	return ids
}

func prefixed(p string, cols []string) string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = p + c
	}
	return strings.Join(out, ", ")
}

// scanFigures scans extra columns followed by the figure columns.
func scanFigures(rows *sql.Rows, extra ...any) (models.Figures, error) {
	var figs [models.NumMeasures]sql.NullInt64
	dest := extra
	for i := range figs {
		dest = append(dest, &figs[i])
	}
	var f models.Figures
	if err := rows.Scan(dest...); err != nil {
		return f, err
	}
	for m, v := range figs {
		if v.Valid {
			f.Put(models.Measure(m), v.Int64)
		}
	}
	return f, nil
}

// totalsBlock is a block of totals rows to read: these units in these
// periods.
type totalsBlock struct {
	units   []int64
	periods []string
}

// readTotals reads the totals of a scope for blocks of units and periods,
// in one statement: only the rows asked for (a rollup by child with a
// series reads its unit in every period and the children in one, not
// every child in every period).
func readTotals(db *gorm.DB, scope int, blocks ...totalsBlock) (map[totalsKey]*models.Totals, error) {
	out := map[totalsKey]*models.Totals{}
	var where []string
	args := []any{scope}
	for _, b := range blocks {
		if len(b.units) > 0 && len(b.periods) > 0 {
			where = append(where, "(unit_id IN ? AND period IN ?)")
			args = append(args, b.units, b.periods)
		}
	}
	if len(where) == 0 {
		return out, nil
	}
	rows, err := db.Raw("SELECT unit_id, period, "+totalsColumns+" FROM totals WHERE scope = ? AND ("+strings.Join(where, " OR ")+")", args...).Rows()
	if err != nil {
		return nil, err
	}
	return out, scanTotals(rows, scope, out)
}

// scanTotals reads rows of unit_id, period and the totals columns of a
// scope into out, and closes rows.
func scanTotals(rows *sql.Rows, scope int, out map[totalsKey]*models.Totals) error {
	defer rows.Close()
	for rows.Next() {
		k := totalsKey{scope: scope}
		t := new(models.Totals)
		dest := []any{&k.unitID, &k.period}
		for i := range t {
			dest = append(dest, &t[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		out[k] = t
	}
	return rows.Err()
}

// CheckTotals recomputes every unit's totals from the reports and compares
// them with the maintained ones; it returns an error naming the first
// differences. The maintained totals are a cache that must never drift:
// tests run this after every kind of change, and so can an operator.
func (s *Store) CheckTotals(ctx context.Context) error {
	db := s.r.WithContext(ctx)
	t, err := s.treeVia(db)
	if err != nil {
		return err
	}
	want := map[totalsKey]*models.Totals{}
	rows, err := db.Raw("SELECT unit_id, period, status, " + strings.Join(figureColumns, ", ") + " FROM reports WHERE revision > 0").Rows()
	if err != nil {
		return err
	}
	d := totalsDeltas(want)
	for rows.Next() {
		var unitID int64
		var period, status string
		f, err := scanFigures(rows, &unitID, &period, &status)
		if err != nil {
			rows.Close()
			return err
		}
		var none models.Figures
		d.change(t, unitID, period, "", &none, status, &f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	got := map[totalsKey]*models.Totals{}
	for scope := scopeCounted; scope <= scopeAccepted; scope++ {
		r, err := db.Raw("SELECT unit_id, period, "+totalsColumns+" FROM totals WHERE scope = ?", scope).Rows()
		if err != nil {
			return err
		}
		if err := scanTotals(r, scope, got); err != nil {
			return err
		}
	}
	var diffs []string
	for k, w := range want {
		g := got[k]
		if g == nil {
			g = new(models.Totals)
		}
		if *g != *w {
			diffs = append(diffs, fmt.Sprintf("unit %d %s scope %d: maintained %v, recomputed %v", k.unitID, k.period, k.scope, g[:4], w[:4]))
		}
	}
	for k, g := range got {
		if want[k] == nil && !g.IsZero() {
			diffs = append(diffs, fmt.Sprintf("unit %d %s scope %d: maintained %v for no report", k.unitID, k.period, k.scope, g[:4]))
		}
	}
	if len(diffs) > 0 {
		slices.Sort(diffs)
		return fmt.Errorf("%d totals differ from the reports; first: %s", len(diffs), strings.Join(diffs[:min(5, len(diffs))], "; "))
	}
	return nil
}
