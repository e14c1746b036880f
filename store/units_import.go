package store

import (
	"context"
	"fmt"
	"slices"

	"gorm.io/gorm"

	"doingoai/models"
)

// ImportResult counts what an import did.
type ImportResult struct {
	Added     int `json:"added"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
}

// ImportUnits adds the units of a file that the tree lacks and updates
// those that differ, in one transaction: a file with any bad line changes
// nothing, and every problem is reported with its line. A row's parent may
// be in the file or already in the tree; a province with no parent goes
// under the country.
func (s *Store) ImportUnits(ctx context.Context, p models.Principal, rows []models.UnitRow) (ImportResult, error) {
	return s.ImportUnitsChecked(ctx, p, rows, nil)
}

// ImportUnitsChecked is ImportUnits for the lines of models.ParseUnitsCSVAll:
// the problems the file's lines have on their own (parsed) are reported
// together with those the lines have against the tree — an unknown parent,
// a parent of the wrong kind, a code in use — all at once, in line order,
// and nothing is imported if there is any.
func (s *Store) ImportUnitsChecked(ctx context.Context, p models.Principal, rows []models.UnitRow, parsed []models.FieldError) (ImportResult, error) {
	var res ImportResult
	err := s.writeTx(ctx, func(tx *gorm.DB) error {
		t, err := s.lockTree(tx)
		if err != nil {
			return err
		}
		imp := newUnitsImport(t, rows)
		var probs models.Problems
		imp.checkParents(&probs)
		imp.checkCycles(&probs)
		imp.checkOverlaps(&probs)
		if all := byLine(parsed, probs.List()); len(all) > 0 {
			return &models.Error{Code: models.EINVALID, Message: "the units file has errors; nothing was imported", Fields: all}
		}
		if res, err = s.applyUnitsImport(tx, imp); err != nil {
			return err
		}
		return s.appendAudit(tx, s.newAudit(p, models.ActionUnitsImport, nil, "", 0, res))
	})
	return res, err
}

// unitsImport is a units file read against the tree as it was before the
// import.
type unitsImport struct {
	t      *models.Tree
	rows   []models.UnitRow
	inFile map[string]*models.UnitRow
	depth  map[string]int   // a row's depth below the units the file does not hold
	ids    map[string]int64 // the ids of the units the import adds
}

// newUnitsImport reads the rows; a province with no parent goes under the
// country.
func newUnitsImport(t *models.Tree, rows []models.UnitRow) *unitsImport {
	imp := &unitsImport{t: t, rows: rows, inFile: make(map[string]*models.UnitRow, len(rows)),
		depth: map[string]int{}, ids: map[string]int64{}}
	for i := range rows {
		r := &rows[i]
		if r.ParentCode == "" && r.Kind == models.KindProvince && t.Root != nil {
			r.ParentCode = t.Root.Code
		}
		imp.inFile[r.Code] = r
	}
	return imp
}

// current is the unit not retired that has the code, if any.
func (imp *unitsImport) current(code string) *models.TreeUnit {
	if u := imp.t.ByCode(code); u != nil && u.ValidTo.IsZero() {
		return u
	}
	return nil
}

// parentOf is the parent code a unit will have after the import.
func (imp *unitsImport) parentOf(code string) string {
	if r, ok := imp.inFile[code]; ok {
		return r.ParentCode
	}
	if u := imp.current(code); u != nil && u.Parent != nil {
		return u.Parent.Code
	}
	return ""
}

// idOf is the id of the unit a code names after the inserts, nil for none.
func (imp *unitsImport) idOf(code string) *int64 {
	if code == "" {
		return nil
	}
	if id, ok := imp.ids[code]; ok {
		return &id
	}
	if u := imp.current(code); u != nil {
		id := u.ID
		return &id
	}
	return nil
}

// checkParents: the country has no parent and is the tree's own; every
// other row's parent is in the file or the tree, of a kind that can hold
// it; and a row does not change into a kind that cannot hold the units
// that stay below it.
func (imp *unitsImport) checkParents(probs *models.Problems) {
	t := imp.t
	for _, r := range imp.rows {
		prefix := fmt.Sprintf("line %d", r.Line)
		if r.Kind == models.KindCountry {
			if r.ParentCode != "" {
				probs.Add(models.Path(prefix, "parent_code"), "a country has no parent")
			} else if t.Root != nil && r.Code != t.Root.Code {
				probs.Addf(models.Path(prefix, "code"), "the tree already has its country, %s", t.Root.Code)
			}
			continue
		}
		if r.Invalid && !models.ValidCode(r.ParentCode) {
			continue // its parent_code is already reported
		}
		var pk models.UnitKind
		if pr, ok := imp.inFile[r.ParentCode]; ok {
			pk = pr.Kind
		} else if pu := imp.current(r.ParentCode); pu != nil {
			pk = pu.Kind
		} else {
			probs.Addf(models.Path(prefix, "parent_code"), "no unit has the code %s, neither in this file nor in the service", r.ParentCode)
			continue
		}
		if r.Invalid || !pk.Valid() {
			continue // its kind, or its parent's, is already reported
		}
		if !pk.CanParent(r.Kind) {
			probs.Addf(models.Path(prefix, "parent_code"), "a %s cannot be placed under a %s (%s)", r.Kind, pk, r.ParentCode)
		}
		imp.checkChildren(probs, prefix, r)
	}
}

// checkChildren: the units that stay below r's unit can be held by r's
// kind.
func (imp *unitsImport) checkChildren(probs *models.Problems, prefix string, r models.UnitRow) {
	cur := imp.current(r.Code)
	if cur == nil {
		return
	}
	for _, c := range cur.Children {
		if imp.parentOf(c.Code) != r.Code {
			continue // the file moves it elsewhere
		}
		ck := c.Kind
		if cr, ok := imp.inFile[c.Code]; ok {
			ck = cr.Kind
		}
		if !r.Kind.CanParent(ck) {
			probs.Addf(models.Path(prefix, "kind"), "unit %s has a %s below it (%s), which a %s cannot hold", r.Code, ck, c.Code, r.Kind)
			return
		}
	}
}

// checkCycles: the parent links after the import must still form a tree.
// It records each row's depth, by which the new units are inserted.
func (imp *unitsImport) checkCycles(probs *models.Problems) {
	for _, r := range imp.rows {
		d, c := 0, r.Code
		for c != "" && d <= maxTreeDepth {
			c = imp.parentOf(c)
			d++
		}
		if d > maxTreeDepth {
			probs.Addf(fmt.Sprintf("line %d.parent_code", r.Line), "unit %s would be below itself", r.Code)
		}
		imp.depth[r.Code] = d
	}
}

// checkOverlaps: a row's dates do not overlap those of another unit with
// its code.
func (imp *unitsImport) checkOverlaps(probs *models.Problems) {
	for _, r := range imp.rows {
		if r.Invalid {
			continue
		}
		var self int64
		if cur := imp.current(r.Code); cur != nil {
			self = cur.ID
		}
		if o := imp.t.Overlapping(r.Code, r.ValidFrom, r.ValidTo, self); o != nil {
			probs.Addf(fmt.Sprintf("line %d.code", r.Line), "%s", overlapMessage(r.Code, o))
		}
	}
}

// applyUnitsImport writes a checked import: the new units, then the
// changes of the others, then the closure and the totals the changes move.
func (s *Store) applyUnitsImport(tx *gorm.DB, imp *unitsImport) (ImportResult, error) {
	var res ImportResult
	now := micros(s.Now())
	var fresh []*models.UnitRow
	for i := range imp.rows {
		if imp.current(imp.rows[i].Code) == nil {
			fresh = append(fresh, &imp.rows[i])
		}
	}
	err := insertByDepth(tx, fresh, imp.depth, 1000, imp.ids, func(r *models.UnitRow) unitRow {
		return unitRow{Code: r.Code, Name: r.Name, NameFolded: models.Fold(r.Name), Kind: string(r.Kind),
			ParentID: imp.idOf(r.ParentCode), ValidFrom: datePtr(r.ValidFrom), ValidTo: datePtr(r.ValidTo), CreatedAt: now, UpdatedAt: now}
	})
	if isOverlap(err) {
		return res, models.Errorf(models.ECONFLICT, "the units file has a code that another unit has on some of the same days; nothing was imported")
	} else if err != nil {
		return res, err
	}
	res.Added = len(fresh)
	reshaped := res.Added > 0
	var moved, redated []*models.TreeUnit
	for _, r := range imp.rows {
		cur := imp.current(r.Code)
		if cur == nil {
			continue
		}
		ch, err := s.updateImported(tx, imp, cur, r, now)
		if err != nil {
			return res, err
		}
		if ch == unitUnchanged {
			res.Unchanged++
			continue
		}
		res.Updated++
		if ch == unitMoved {
			moved = append(moved, cur)
		}
		if !cur.ValidFrom.Equal(r.ValidFrom) || !cur.ValidTo.Equal(r.ValidTo) {
			redated = append(redated, cur)
		}
		if ch != unitRenamed {
			reshaped = true
		}
	}
	if reshaped {
		if err := rebuildClosure(tx); err != nil {
			return res, err
		}
	}
	return res, s.rebuildChangedTotals(tx, moved, redated)
}

// unitChange is what an import or a reform does to a unit that exists.
type unitChange int

const (
	unitUnchanged unitChange = iota
	unitRenamed              // only its name changes
	unitReshaped             // its kind or its dates change, not its parent
	unitMoved                // its parent changes
)

// updateImported writes the file's row r over the unit cur it names. A
// unit with reports cannot stop or start being commune-level.
func (s *Store) updateImported(tx *gorm.DB, imp *unitsImport, cur *models.TreeUnit, r models.UnitRow, now int64) (unitChange, error) {
	pid := imp.idOf(r.ParentCode)
	samePar := (pid == nil && cur.Parent == nil) || (pid != nil && cur.Parent != nil && *pid == cur.Parent.ID)
	sameShape := cur.Kind == r.Kind && cur.ValidFrom.Equal(r.ValidFrom) && cur.ValidTo.Equal(r.ValidTo)
	if cur.Name == r.Name && samePar && sameShape {
		return unitUnchanged, nil
	}
	if cur.Kind.CommuneLevel() != r.Kind.CommuneLevel() {
		if n, err := s.countReports(tx, cur.ID); err != nil {
			return 0, err
		} else if n > 0 {
			return 0, &models.Error{Code: models.ECONFLICT, Message: "the units file would change reporting units",
				Fields: []models.FieldError{{Field: fmt.Sprintf("line %d.kind", r.Line), Message: fmt.Sprintf("unit %s has %d reports; it cannot stop or start being commune-level", r.Code, n)}}}
		}
	}
	err := tx.Model(&unitRow{}).Where("id = ?", cur.ID).Updates(map[string]any{
		"name": r.Name, "name_folded": models.Fold(r.Name), "kind": string(r.Kind), "parent_id": pid,
		"valid_from": datePtr(r.ValidFrom), "valid_to": datePtr(r.ValidTo), "updated_at": now,
	}).Error
	switch {
	case err != nil:
		return 0, fmt.Errorf("update unit %s: %w", r.Code, err)
	case !samePar:
		return unitMoved, nil
	case !sameShape:
		return unitReshaped, nil
	}
	return unitRenamed, nil
}

// maxTreeDepth bounds a walk up the parent links: deeper is a cycle.
const maxTreeDepth = 64

// insertByDepth inserts new units level by level, parents before
// children, so that each row (made by row) knows its parent's id; ids
// gets the id of each new unit by its code.
func insertByDepth(tx *gorm.DB, fresh []*models.UnitRow, depth map[string]int, batchSize int, ids map[string]int64, row func(*models.UnitRow) unitRow) error {
	slices.SortStableFunc(fresh, func(a, b *models.UnitRow) int { return depth[a.Code] - depth[b.Code] })
	for start := 0; start < len(fresh); {
		end := start
		for end < len(fresh) && depth[fresh[end].Code] == depth[fresh[start].Code] {
			end++
		}
		batch := make([]unitRow, 0, end-start)
		for _, r := range fresh[start:end] {
			batch = append(batch, row(r))
		}
		if err := tx.CreateInBatches(batch, batchSize).Error; err != nil {
			return fmt.Errorf("insert units: %w", err)
		}
		for _, b := range batch {
			ids[b.Code] = b.ID
		}
		start = end
	}
	return nil
}

// rebuildChangedTotals rebuilds the totals that changes of units change:
// those of the units the moved units left and joined; and, since a unit's
// dates decide which of its reports count (models.TreeUnit.ReportsFor),
// those of every redated unit that has reports and of the units above it.
func (s *Store) rebuildChangedTotals(tx *gorm.DB, moved, redated []*models.TreeUnit) error {
	if len(moved) == 0 && len(redated) == 0 {
		return nil
	}
	after, err := loadTree(tx)
	if err != nil {
		return err
	}
	var affected []int64
	for _, u := range moved {
		affected = append(affected, movedTotals(u.Parent, after.Unit(u.ID).Parent)...)
	}
	ids := make([]int64, 0, len(redated))
	for _, u := range redated {
		ids = append(ids, u.ID)
	}
	for chunk := range slices.Chunk(ids, 1000) {
		var reporting []int64
		if err := tx.Raw("SELECT DISTINCT unit_id FROM reports WHERE revision > 0 AND unit_id IN ?", chunk).Scan(&reporting).Error; err != nil {
			return err
		}
		for _, id := range reporting {
			for u := after.Unit(id); u != nil; u = u.Parent {
				affected = append(affected, u.ID)
			}
		}
	}
	return s.rebuildTotals(tx, affected)
}

// byLine merges the problems of a units file ("line 12.kind: …") in the
// order of their lines, the problems of one line in the order found.
func byLine(a, b []models.FieldError) []models.FieldError {
	all := append(append([]models.FieldError(nil), a...), b...)
	line := func(f models.FieldError) int {
		var n int
		fmt.Sscanf(f.Field, "line %d", &n)
		return n
	}
	slices.SortStableFunc(all, func(x, y models.FieldError) int { return line(x) - line(y) })
	return all
}
