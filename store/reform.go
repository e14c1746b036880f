package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"

	"doingoai/models"
)

// ReformInput is a reorganisation of the unit tree: from On the tree is
// Units (within the subtrees of Scope, or the whole country), and Map says
// what became of the old units.
type ReformInput struct {
	On     models.Date
	Units  []models.UnitRow
	Map    []models.Succession
	Scope  []string // codes of the units whose subtrees are reorganised; none for the whole country
	DryRun bool
}

// UnitBrief names a unit in a reform's result.
type UnitBrief struct {
	Code string          `json:"code"`
	Name string          `json:"name"`
	Kind models.UnitKind `json:"kind"`
}

// ReformResult tells what a reorganisation changed (or, in a dry run, would
// change). A second run of the same reorganisation changes nothing.
type ReformResult struct {
	On          string `json:"on"`
	DryRun      bool   `json:"dry_run"`
	Created     int    `json:"created"`     // units that begin on On
	Retired     int    `json:"retired"`     // units that end the day before
	Updated     int    `json:"updated"`     // units that go on, renamed or moved
	Unchanged   int    `json:"unchanged"`   // units of the file already as it says
	Successions int    `json:"successions"` // (old, new) links added
	// Codes that now name a new unit while their old unit ends: a code
	// alone never identifies a unit; a code and a date do.
	CodesReused []string `json:"codes_reused"`
	// Commune-level units that end with no successor in the map: their
	// reports cannot be placed in the new tree (a warning, not an error).
	RetiredWithoutSuccessor []UnitBrief `json:"retired_without_successor"`
	// Units above commune level (districts, provinces) that end; their
	// successors are derived from where their communes went.
	RetiredAbove int `json:"retired_above_commune"`
}

// Changed tells whether the reform changed anything.
func (r ReformResult) Changed() bool {
	return r.Created+r.Retired+r.Updated+r.Successions > 0
}

var errRollback = errors.New("roll back")

type successionRow struct {
	OldID     int64
	NewID     int64
	Share     string
	Effective string
}

func (successionRow) TableName() string { return "unit_successors" }

// Reform applies a reorganisation in one transaction: afterwards the tree
// on in.On is exactly in.Units (within the scope). Every unit of the old
// tree (on the day before) that the file does not hold ends that day, with
// its successors from the map; a unit the map names as old_code ends even
// if the file has its code, and the file's unit with that code is a new
// unit (codes are reused for different places). Running it again changes
// nothing; a dry run reports what it would do and writes nothing.
//
// Errors: EINVALID, every problem at once with its line (units file
// "line N", map "map line N"), and nothing written.
func (s *Store) Reform(ctx context.Context, p models.Principal, in ReformInput) (ReformResult, error) {
	var res ReformResult
	if in.On.IsZero() {
		return res, models.Errorf(models.EINVALID, "--on: the date of the reorganisation is required (YYYY-MM-DD)")
	}
	err := s.writeTx(ctx, func(tx *gorm.DB) error {
		t, err := s.lockTree(tx)
		if err != nil {
			return err
		}
		linked, err := readLinks(tx)
		if err != nil {
			return err
		}
		plan, err := planReform(t, linked, in)
		if err != nil {
			return err
		}
		res = plan.result
		if in.DryRun || !res.Changed() {
			return errRollback // nothing written, not even the tree version
		}
		if err := s.applyReform(tx, t, plan); err != nil {
			return err
		}
		return s.appendAudit(tx, s.newAudit(p, models.ActionUnitsReform, nil, "", 0, res))
	})
	if errors.Is(err, errRollback) {
		err = nil
	}
	res.DryRun = in.DryRun
	return res, err
}

type reformPlan struct {
	on, dayBefore models.Date
	retire        []*models.TreeUnit
	create        []*models.UnitRow // parents before children
	depth         map[string]int
	update        map[*models.TreeUnit]*models.UnitRow
	held          map[string]*models.TreeUnit // file code → unit on On that already exists
	links         []plannedLink
	file          map[string]*models.UnitRow
	result        ReformResult
	t             *models.Tree
}

type plannedLink struct {
	old     *models.TreeUnit
	newCode string // a code of the file
	share   models.Share
}

func planReform(t *models.Tree, linked map[[2]int64]bool, in ReformInput) (*reformPlan, error) {
	on := in.On
	before := on.AddDays(-1)
	pl := &reformPlan{on: on, dayBefore: before, update: map[*models.TreeUnit]*models.UnitRow{}, held: map[string]*models.TreeUnit{},
		file: map[string]*models.UnitRow{}, depth: map[string]int{}, t: t}
	pl.result.On = on.String()
	var probs models.Problems

	// The scope: subtrees of units that exist the day before.
	var roots []*models.TreeUnit
	scopeCodes := map[string]bool{}
	for _, c := range in.Scope {
		u := t.OnDay(c, before)
		if u == nil {
			probs.Addf("scope", "no unit had the code %s on %s", c, before)
			continue
		}
		roots = append(roots, u)
		scopeCodes[c] = true
	}
	if err := probs.Err("the reorganisation cannot be applied; nothing was changed"); err != nil {
		return nil, err
	}
	whole := len(roots) == 0
	if whole {
		roots = []*models.TreeUnit{t.Root}
	}
	inScope := func(u *models.TreeUnit) bool {
		if u == nil || (whole && u == t.Root) {
			return false
		}
		for _, r := range roots {
			if t.Contains(r, u) {
				return true
			}
		}
		return false
	}

	// The file, within the scope.
	all := map[string]*models.UnitRow{}
	for i := range in.Units {
		r := &in.Units[i]
		if r.ParentCode == "" && r.Kind == models.KindProvince {
			r.ParentCode = t.Root.Code
		}
		all[r.Code] = r
	}
	var fileInScope func(code string, n int) bool
	fileInScope = func(code string, n int) bool {
		if whole {
			return true
		}
		if scopeCodes[code] {
			return true
		}
		r, ok := all[code]
		if !ok || n > 64 {
			return false
		}
		return fileInScope(r.ParentCode, n+1)
	}
	var rows []*models.UnitRow
	for i := range in.Units {
		if r := &in.Units[i]; fileInScope(r.Code, 0) {
			rows = append(rows, r)
			pl.file[r.Code] = r
		}
	}
	if len(rows) == 0 {
		probs.Add("units", "holds no unit within the scope")
	}

	// The map: rows about the scope; every old code must name a unit of the
	// scope on the day before, every new code a unit of the file.
	type oldInfo struct {
		unit  *models.TreeUnit
		lines []models.Succession
	}
	olds := map[string]*oldInfo{}
	var oldOrder []string
	for _, m := range in.Map {
		prefix := fmt.Sprintf("map line %d", m.Line)
		_, newIn := pl.file[m.NewCode]
		ou := t.OnDay(m.OldCode, before)
		if all[m.NewCode] == nil {
			probs.Addf(models.Path(prefix, "new_code"), "%s is not in the units file", m.NewCode)
			continue
		}
		if !whole && !newIn && !inScope(ou) {
			continue // a row about another part of the country
		}
		if ou == nil {
			msg := fmt.Sprintf("no unit had the code %s on %s, the day before the reorganisation", m.OldCode, before)
			for _, u := range t.WithCode(m.OldCode) {
				if !u.ValidFrom.IsZero() && u.ValidFrom.After(before) {
					msg = fmt.Sprintf("%s (%s) begins on %s, after %s: a reorganisation cannot be dated before a unit's valid_from", m.OldCode, u.Name, u.ValidFrom, before)
				}
			}
			probs.Add(models.Path(prefix, "old_code"), msg)
			continue
		}
		if !inScope(ou) {
			probs.Addf(models.Path(prefix, "old_code"), "%s (%s) is outside the scope of this reorganisation", m.OldCode, ou.Name)
			continue
		}
		if !newIn {
			probs.Addf(models.Path(prefix, "new_code"), "%s is outside the scope of this reorganisation", m.NewCode)
			continue
		}
		oi := olds[m.OldCode]
		if oi == nil {
			oi = &oldInfo{unit: ou}
			olds[m.OldCode] = oi
			oldOrder = append(oldOrder, m.OldCode)
		}
		oi.lines = append(oi.lines, m)
	}
	for _, code := range oldOrder {
		oi := olds[code]
		full, partial := 0, 0
		for _, m := range oi.lines {
			if m.Share == models.ShareFull {
				full++
			} else {
				partial++
			}
		}
		// One full row beside partial ones is a unit divided all the same
		// (the national map has one: 18796 Kỳ Lợi, its whole area to one
		// ward and part of its people to two others).
		for _, m := range oi.lines {
			prefix := fmt.Sprintf("map line %d", m.Line)
			switch {
			case full > 1:
				probs.Addf(models.Path(prefix, "share"), "%s goes full into %d units; a unit divided among several is partial in each", code, full)
			case partial == 1:
				probs.Addf(models.Path(prefix, "share"), "%s is partial in one unit only; a unit that goes whole into one unit is full", code)
			}
		}
	}

	// Units of the scope that begin after the day before must be the
	// file's, made by an earlier run of this reorganisation; any other is
	// of a later reorganisation.
	var walk func(u *models.TreeUnit)
	var inOld []*models.TreeUnit
	walk = func(u *models.TreeUnit) {
		if inScope(u) {
			switch {
			case u.ExistsOn(before):
				inOld = append(inOld, u)
			case !u.ValidFrom.IsZero() && u.ValidFrom.After(before):
				if u.ValidFrom.After(on) {
					probs.Addf("on", "unit %s (%s) begins on %s, after %s: apply reorganisations in the order of their dates", u.Code, u.Name, u.ValidFrom, on)
				} else if r, ok := pl.file[u.Code]; !ok || r == nil {
					probs.Addf("on", "unit %s (%s) begins on %s but is not in the units file", u.Code, u.Name, on)
				}
			}
		}
		for _, c := range u.Children {
			walk(c)
		}
	}
	walk(t.Root)

	// The file's units: new, or already there (kept).
	for _, r := range rows {
		prefix := fmt.Sprintf("line %d", r.Line)
		existing := t.OnDay(r.Code, on)
		_, retiring := olds[r.Code]
		if existing != nil && retiring && !existing.ValidFrom.Equal(on) {
			existing = nil // the old unit of the code ends; the file's is a new one
		}
		if existing != nil && !inScope(existing) {
			probs.Addf(models.Path(prefix, "code"), "%s names %s, outside the scope of this reorganisation", r.Code, existing.Name)
			continue
		}
		if existing != nil && !existing.ValidTo.IsZero() && !r.ValidTo.Equal(existing.ValidTo) && r.ValidTo.IsZero() {
			// An end date set later stays; the file does not reopen a unit.
			r.ValidTo = existing.ValidTo
		}
		if existing == nil {
			// The unit the code named the day before ends then (it is of the
			// scope and not held); any other unit with the code clashes.
			if o := t.Overlapping(r.Code, on, r.ValidTo, 0); o != nil && !(o.ExistsOn(before) && inScope(o)) {
				probs.Addf(models.Path(prefix, "code"), "%s", overlapMessage(r.Code, o))
			}
			pl.create = append(pl.create, r)
			continue
		}
		pl.held[r.Code] = existing
		pc := existing.ParentCode()
		if existing.Name != r.Name || existing.Kind != r.Kind || pc == nil || *pc != r.ParentCode {
			if existing.Kind.CommuneLevel() != r.Kind.CommuneLevel() {
				probs.Addf(models.Path(prefix, "kind"), "unit %s cannot stop or start being commune-level in a reorganisation; end it and begin a new unit", r.Code)
			}
			pl.update[existing] = r
		} else {
			pl.result.Unchanged++
		}
	}
	// Parents: in the file, or units that exist on the day outside the scope.
	for _, r := range rows {
		prefix := fmt.Sprintf("line %d", r.Line)
		if r.Kind == models.KindCountry {
			probs.Add(models.Path(prefix, "kind"), "the country is not reorganised")
			continue
		}
		var pk models.UnitKind
		if pr, ok := pl.file[r.ParentCode]; ok {
			pk = pr.Kind
		} else if pu := t.OnDay(r.ParentCode, on); pu != nil && !inScope(pu) || pu != nil && pu == t.Root {
			pk = pu.Kind
		} else {
			probs.Addf(models.Path(prefix, "parent_code"), "%s is neither in the units file nor a unit outside the scope on %s", r.ParentCode, on)
			continue
		}
		if !pk.CanParent(r.Kind) {
			probs.Addf(models.Path(prefix, "parent_code"), "a %s cannot be placed under a %s (%s)", r.Kind, pk, r.ParentCode)
		}
		d, c := 0, r.Code
		for c != "" && d <= 64 {
			pr, ok := pl.file[c]
			if !ok {
				break
			}
			c = pr.ParentCode
			d++
		}
		if d > 64 {
			probs.Addf(models.Path(prefix, "parent_code"), "unit %s would be below itself", r.Code)
		}
		pl.depth[r.Code] = d
	}
	if err := probs.Err("the reorganisation has errors; nothing was changed"); err != nil {
		return nil, err
	}

	// Old units the file does not hold end the day before.
	heldID := map[int64]bool{}
	for _, u := range pl.held {
		heldID[u.ID] = true
	}
	succeeded := map[int64]bool{}
	for _, code := range oldOrder {
		oi := olds[code]
		succeeded[oi.unit.ID] = true
		for _, m := range oi.lines {
			pl.links = append(pl.links, plannedLink{old: oi.unit, newCode: m.NewCode, share: m.Share})
		}
	}
	for _, u := range inOld {
		if heldID[u.ID] {
			continue
		}
		if u.ValidTo.IsZero() || u.ValidTo.After(before) {
			pl.retire = append(pl.retire, u)
			pl.result.Retired++
			if r, ok := pl.file[u.Code]; ok && r != nil {
				pl.result.CodesReused = append(pl.result.CodesReused, u.Code)
			}
			if u.Kind.CommuneLevel() {
				if !succeeded[u.ID] {
					pl.result.RetiredWithoutSuccessor = append(pl.result.RetiredWithoutSuccessor, UnitBrief{u.Code, u.Name, u.Kind})
				}
			} else {
				pl.result.RetiredAbove++
			}
		}
	}
	// Units above commune level that end get, as successors, the
	// provinces (units just below the country) their communes went to.
	for _, u := range inOld {
		if heldID[u.ID] || u.Kind.CommuneLevel() || succeeded[u.ID] {
			continue
		}
		tops := map[string]bool{}
		var order []string
		var visit func(n *models.TreeUnit)
		visit = func(n *models.TreeUnit) {
			if oi, ok := olds[n.Code]; ok && oi.unit == n {
				for _, m := range oi.lines {
					top := pl.topOf(m.NewCode)
					if top != "" && !tops[top] {
						tops[top] = true
						order = append(order, top)
					}
				}
			}
			for _, c := range n.Children {
				if c.ExistsOn(before) {
					visit(c)
				}
			}
		}
		visit(u)
		if len(order) == 0 {
			continue
		}
		share := models.ShareFull
		if len(order) > 1 {
			share = models.SharePartial
		}
		for _, top := range order {
			pl.links = append(pl.links, plannedLink{old: u, newCode: top, share: share})
		}
	}
	pl.result.Created = len(pl.create)
	pl.result.Updated = len(pl.update)
	slices.SortStableFunc(pl.create, func(a, b *models.UnitRow) int { return pl.depth[a.Code] - pl.depth[b.Code] })
	slices.Sort(pl.result.CodesReused)
	if pl.result.CodesReused == nil {
		pl.result.CodesReused = []string{}
	}
	if pl.result.RetiredWithoutSuccessor == nil {
		pl.result.RetiredWithoutSuccessor = []UnitBrief{}
	}

	// Links already recorded (a second run) are not counted again.
	for _, l := range pl.links {
		if n := pl.existingNew(l.newCode); n != nil && linked[[2]int64{l.old.ID, n.ID}] {
			continue
		}
		pl.result.Successions++
	}
	return pl, nil
}

// topOf is the code of the province-level unit (just below the country)
// that holds the file's unit code after the reorganisation.
func (pl *reformPlan) topOf(code string) string {
	for n := 0; n < 64; n++ {
		r, ok := pl.file[code]
		var parent string
		if ok {
			parent = r.ParentCode
		} else if u := pl.t.OnDay(code, pl.on); u != nil && u.Parent != nil {
			parent = u.Parent.Code
		} else {
			return ""
		}
		if parent == pl.t.Root.Code {
			return code
		}
		code = parent
	}
	return ""
}

// existingNew is the unit a code of the file names on the day, if it
// exists already (held, or made by an earlier run).
func (pl *reformPlan) existingNew(code string) *models.TreeUnit {
	if u, ok := pl.held[code]; ok {
		return u
	}
	if u := pl.t.OnDay(code, pl.on); u != nil && u.ValidFrom.Equal(pl.on) {
		return u
	}
	if u := pl.t.OnDay(code, pl.on); u != nil && code != "" && pl.file[code] == nil {
		return u // a province outside the file's scope (derived links)
	}
	return nil
}

func (s *Store) applyReform(tx *gorm.DB, t *models.Tree, pl *reformPlan) error {
	now := micros(s.Now())
	before := pl.dayBefore.String()
	ids := make([]int64, 0, len(pl.retire))
	for _, u := range pl.retire {
		ids = append(ids, u.ID)
	}
	for chunk := range slices.Chunk(ids, 1000) {
		if err := tx.Exec("UPDATE units SET valid_to = ?, updated_at = ? WHERE id IN ?", before, now, chunk).Error; err != nil {
			return fmt.Errorf("end the old units: %w", err)
		}
	}
	newID := map[string]int64{}
	for code, u := range pl.held {
		newID[code] = u.ID
	}
	idOf := func(code string) *int64 {
		if id, ok := newID[code]; ok {
			return &id
		}
		if u := t.OnDay(code, pl.on); u != nil {
			id := u.ID
			return &id
		}
		return nil
	}
	on := pl.on
	for start := 0; start < len(pl.create); {
		end := start
		for end < len(pl.create) && pl.depth[pl.create[end].Code] == pl.depth[pl.create[start].Code] {
			end++
		}
		batch := make([]unitRow, 0, end-start)
		for _, r := range pl.create[start:end] {
			batch = append(batch, unitRow{Code: r.Code, Name: r.Name, NameFolded: models.Fold(r.Name), Kind: string(r.Kind),
				ParentID: idOf(r.ParentCode), ValidFrom: datePtr(on), ValidTo: datePtr(r.ValidTo), CreatedAt: now, UpdatedAt: now})
		}
		if err := tx.CreateInBatches(batch, 500).Error; err != nil {
			if isOverlap(err) {
				return models.Errorf(models.ECONFLICT, "a unit of the file has a code another unit has on %s; nothing was changed", on)
			}
			return fmt.Errorf("insert units: %w", err)
		}
		for _, b := range batch {
			newID[b.Code] = b.ID
		}
		start = end
	}
	var moved []*models.TreeUnit
	for u, r := range pl.update {
		pid := idOf(r.ParentCode)
		err := tx.Model(&unitRow{}).Where("id = ?", u.ID).Updates(map[string]any{
			"name": r.Name, "name_folded": models.Fold(r.Name), "kind": string(r.Kind), "parent_id": pid, "updated_at": now,
		}).Error
		if err != nil {
			return fmt.Errorf("update unit %s: %w", u.Code, err)
		}
		if u.Parent == nil || pid == nil || *pid != u.Parent.ID {
			moved = append(moved, u)
		}
	}
	var links []successionRow
	for _, l := range pl.links {
		id := idOf(l.newCode)
		if id == nil {
			return fmt.Errorf("successor %s of %s has no unit", l.newCode, l.old.Code)
		}
		links = append(links, successionRow{OldID: l.old.ID, NewID: *id, Share: string(l.share), Effective: on.String()})
	}
	for chunk := range slices.Chunk(links, 500) {
		if err := tx.Exec(insertIgnore(tx, "unit_successors (old_id, new_id, share, effective)", len(chunk), 4), flattenLinks(chunk)...).Error; err != nil {
			return fmt.Errorf("record successions: %w", err)
		}
	}
	if err := rebuildClosure(tx); err != nil {
		return err
	}
	if err := checkLineageAcyclic(tx); err != nil {
		return err
	}
	if len(moved) > 0 {
		after, err := loadTree(tx)
		if err != nil {
			return err
		}
		var affected []int64
		for _, u := range moved {
			affected = append(affected, movedTotals(u.Parent, after.Unit(u.ID).Parent)...)
		}
		return s.rebuildTotals(tx, affected)
	}
	return nil
}

// insertIgnore builds a multi-row INSERT that skips rows already present.
func insertIgnore(tx *gorm.DB, into string, rows, cols int) string {
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", cols), ", ") + ")"
	vals := strings.TrimSuffix(strings.Repeat(one+", ", rows), ", ")
	return "INSERT INTO " + into + " VALUES " + vals + " ON CONFLICT DO NOTHING"
}

func flattenLinks(rows []successionRow) []any {
	out := make([]any, 0, 4*len(rows))
	for _, r := range rows {
		out = append(out, r.OldID, r.NewID, r.Share, r.Effective)
	}
	return out
}

// checkLineageAcyclic refuses a lineage in which a unit would succeed
// itself, through any number of reorganisations.
func checkLineageAcyclic(tx *gorm.DB) error {
	var rows []struct{ OldID, NewID int64 }
	if err := tx.Raw("SELECT old_id, new_id FROM unit_successors").Scan(&rows).Error; err != nil {
		return err
	}
	next := map[int64][]int64{}
	for _, r := range rows {
		next[r.OldID] = append(next[r.OldID], r.NewID)
	}
	state := map[int64]int{} // 1 visiting, 2 done
	var visit func(id int64) bool
	visit = func(id int64) bool {
		switch state[id] {
		case 1:
			return false
		case 2:
			return true
		}
		state[id] = 1
		for _, n := range next[id] {
			if !visit(n) {
				return false
			}
		}
		state[id] = 2
		return true
	}
	for id := range next {
		if !visit(id) {
			return models.Errorf(models.EINVALID, "the map would make a unit succeed itself (a cycle); nothing was changed")
		}
	}
	return nil
}

func readLinks(tx *gorm.DB) (map[[2]int64]bool, error) {
	var rows []struct{ OldID, NewID int64 }
	if err := tx.Raw("SELECT old_id, new_id FROM unit_successors").Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[[2]int64]bool, len(rows))
	for _, r := range rows {
		out[[2]int64{r.OldID, r.NewID}] = true
	}
	return out, nil
}
