package store

import (
	"context"
	"errors"
	"fmt"
	"slices"

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
	t             *models.Tree
	// The scope: the subtrees of roots (the country's for the whole).
	roots      []*models.TreeUnit
	whole      bool
	scopeCodes map[string]bool
	// The file: all its rows by code, and those within the scope.
	all  map[string]*models.UnitRow
	rows []*models.UnitRow
	file map[string]*models.UnitRow
	// The map: its rows about the scope by old code, in order of first line.
	olds     map[string]*oldUnit
	oldOrder []string
	inOld    []*models.TreeUnit // the units of the scope on the day before

	retire []*models.TreeUnit
	create []*models.UnitRow // parents before children
	depth  map[string]int
	update map[*models.TreeUnit]*models.UnitRow
	held   map[string]*models.TreeUnit // file code → unit on On that already exists
	links  []plannedLink
	result ReformResult
}

// oldUnit is a unit the map names as old_code, with the map's rows about it.
type oldUnit struct {
	unit  *models.TreeUnit
	lines []models.Succession
}

type plannedLink struct {
	old     *models.TreeUnit
	newCode string // a code of the file
	share   models.Share
}

// planReform checks a reorganisation against the tree and works out what
// it writes: every problem at once, or a plan.
func planReform(t *models.Tree, linked map[[2]int64]bool, in ReformInput) (*reformPlan, error) {
	pl := &reformPlan{on: in.On, dayBefore: in.On.AddDays(-1), t: t, scopeCodes: map[string]bool{},
		all: map[string]*models.UnitRow{}, file: map[string]*models.UnitRow{}, olds: map[string]*oldUnit{},
		update: map[*models.TreeUnit]*models.UnitRow{}, held: map[string]*models.TreeUnit{}, depth: map[string]int{}}
	pl.result.On = in.On.String()
	var probs models.Problems
	pl.readScope(&probs, in.Scope)
	if err := probs.Err("the reorganisation cannot be applied; nothing was changed"); err != nil {
		return nil, err
	}
	pl.readFile(&probs, in.Units)
	pl.readMap(&probs, in.Map)
	pl.checkShares(&probs)
	pl.readOldUnits(&probs)
	pl.planFileUnits(&probs)
	pl.checkParents(&probs)
	if err := probs.Err("the reorganisation has errors; nothing was changed"); err != nil {
		return nil, err
	}
	pl.planRetirements()
	pl.deriveAboveCommune()
	pl.count(linked)
	return pl, nil
}

// readScope: the subtrees of units that exist the day before.
func (pl *reformPlan) readScope(probs *models.Problems, scope []string) {
	for _, c := range scope {
		u := pl.t.OnDay(c, pl.dayBefore)
		if u == nil {
			probs.Addf("scope", "no unit had the code %s on %s", c, pl.dayBefore)
			continue
		}
		pl.roots = append(pl.roots, u)
		pl.scopeCodes[c] = true
	}
	pl.whole = len(pl.roots) == 0
	if pl.whole {
		pl.roots = []*models.TreeUnit{pl.t.Root}
	}
}

// inScope tells whether a unit is within the scope (the country itself
// never is).
func (pl *reformPlan) inScope(u *models.TreeUnit) bool {
	if u == nil || (pl.whole && u == pl.t.Root) {
		return false
	}
	for _, r := range pl.roots {
		if pl.t.Contains(r, u) {
			return true
		}
	}
	return false
}

// readFile keeps the file's rows within the scope; a province with no
// parent goes under the country.
func (pl *reformPlan) readFile(probs *models.Problems, units []models.UnitRow) {
	for i := range units {
		r := &units[i]
		if r.ParentCode == "" && r.Kind == models.KindProvince {
			r.ParentCode = pl.t.Root.Code
		}
		pl.all[r.Code] = r
	}
	for i := range units {
		if r := &units[i]; pl.fileInScope(r.Code, 0) {
			pl.rows = append(pl.rows, r)
			pl.file[r.Code] = r
		}
	}
	if len(pl.rows) == 0 {
		probs.Add("units", "holds no unit within the scope")
	}
}

// fileInScope tells whether the file puts a code below a unit of the scope.
func (pl *reformPlan) fileInScope(code string, n int) bool {
	if pl.whole || pl.scopeCodes[code] {
		return true
	}
	r, ok := pl.all[code]
	if !ok || n > maxTreeDepth {
		return false
	}
	return pl.fileInScope(r.ParentCode, n+1)
}

// readMap keeps the map's rows about the scope; every old code must name a
// unit of the scope on the day before, every new code a unit of the file.
func (pl *reformPlan) readMap(probs *models.Problems, succession []models.Succession) {
	before := pl.dayBefore
	for _, m := range succession {
		prefix := fmt.Sprintf("map line %d", m.Line)
		_, newIn := pl.file[m.NewCode]
		ou := pl.t.OnDay(m.OldCode, before)
		if pl.all[m.NewCode] == nil {
			probs.Addf(models.Path(prefix, "new_code"), "%s is not in the units file", m.NewCode)
			continue
		}
		if !pl.whole && !newIn && !pl.inScope(ou) {
			continue // a row about another part of the country
		}
		if ou == nil {
			msg := fmt.Sprintf("no unit had the code %s on %s, the day before the reorganisation", m.OldCode, before)
			for _, u := range pl.t.WithCode(m.OldCode) {
				if !u.ValidFrom.IsZero() && u.ValidFrom.After(before) {
					msg = fmt.Sprintf("%s (%s) begins on %s, after %s: a reorganisation cannot be dated before a unit's valid_from", m.OldCode, u.Name, u.ValidFrom, before)
				}
			}
			probs.Add(models.Path(prefix, "old_code"), msg)
			continue
		}
		if !pl.inScope(ou) {
			probs.Addf(models.Path(prefix, "old_code"), "%s (%s) is outside the scope of this reorganisation", m.OldCode, ou.Name)
			continue
		}
		if !newIn {
			probs.Addf(models.Path(prefix, "new_code"), "%s is outside the scope of this reorganisation", m.NewCode)
			continue
		}
		oi := pl.olds[m.OldCode]
		if oi == nil {
			oi = &oldUnit{unit: ou}
			pl.olds[m.OldCode] = oi
			pl.oldOrder = append(pl.oldOrder, m.OldCode)
		}
		oi.lines = append(oi.lines, m)
	}
}

// checkShares: a unit goes full into one unit, or is divided, partial in
// each of several. One full row beside partial ones is a unit divided all
// the same (the national map has one: 18796 Kỳ Lợi, its whole area to one
// ward and part of its people to two others).
func (pl *reformPlan) checkShares(probs *models.Problems) {
	for _, code := range pl.oldOrder {
		oi := pl.olds[code]
		full, partial := 0, 0
		for _, m := range oi.lines {
			if m.Share == models.ShareFull {
				full++
			} else {
				partial++
			}
		}
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
}

// readOldUnits lists the units of the scope on the day before. Units of
// the scope that begin after the day before must be the file's, made by an
// earlier run of this reorganisation; any other is of a later one.
func (pl *reformPlan) readOldUnits(probs *models.Problems) {
	before, on := pl.dayBefore, pl.on
	var walk func(u *models.TreeUnit)
	walk = func(u *models.TreeUnit) {
		if pl.inScope(u) {
			switch {
			case u.ExistsOn(before):
				pl.inOld = append(pl.inOld, u)
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
	walk(pl.t.Root)
}

// planFileUnits sorts the file's units into new ones and ones already
// there (held), changed or not.
func (pl *reformPlan) planFileUnits(probs *models.Problems) {
	on := pl.on
	for _, r := range pl.rows {
		prefix := fmt.Sprintf("line %d", r.Line)
		existing := pl.t.OnDay(r.Code, on)
		_, retiring := pl.olds[r.Code]
		if existing != nil && retiring && !existing.ValidFrom.Equal(on) {
			existing = nil // the old unit of the code ends; the file's is a new one
		}
		if existing != nil && !pl.inScope(existing) {
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
			if o := pl.t.Overlapping(r.Code, on, r.ValidTo, 0); o != nil && !(o.ExistsOn(pl.dayBefore) && pl.inScope(o)) {
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
}

// checkParents: a parent is in the file, or a unit that exists on the day
// outside the scope, of a kind that can hold the unit; and the file's
// parent links form a tree. It records each row's depth in the file.
func (pl *reformPlan) checkParents(probs *models.Problems) {
	on := pl.on
	for _, r := range pl.rows {
		prefix := fmt.Sprintf("line %d", r.Line)
		if r.Kind == models.KindCountry {
			probs.Add(models.Path(prefix, "kind"), "the country is not reorganised")
			continue
		}
		var pk models.UnitKind
		if pr, ok := pl.file[r.ParentCode]; ok {
			pk = pr.Kind
		} else if pu := pl.t.OnDay(r.ParentCode, on); pu != nil && !pl.inScope(pu) || pu != nil && pu == pl.t.Root {
			pk = pu.Kind
		} else {
			probs.Addf(models.Path(prefix, "parent_code"), "%s is neither in the units file nor a unit outside the scope on %s", r.ParentCode, on)
			continue
		}
		if !pk.CanParent(r.Kind) {
			probs.Addf(models.Path(prefix, "parent_code"), "a %s cannot be placed under a %s (%s)", r.Kind, pk, r.ParentCode)
		}
		d, c := 0, r.Code
		for c != "" && d <= maxTreeDepth {
			pr, ok := pl.file[c]
			if !ok {
				break
			}
			c = pr.ParentCode
			d++
		}
		if d > maxTreeDepth {
			probs.Addf(models.Path(prefix, "parent_code"), "unit %s would be below itself", r.Code)
		}
		pl.depth[r.Code] = d
	}
}

// planRetirements: the map's links, and the old units the file does not
// hold, which end the day before.
func (pl *reformPlan) planRetirements() {
	for _, code := range pl.oldOrder {
		oi := pl.olds[code]
		for _, m := range oi.lines {
			pl.links = append(pl.links, plannedLink{old: oi.unit, newCode: m.NewCode, share: m.Share})
		}
	}
	for _, u := range pl.inOld {
		if pl.isHeld(u) || !(u.ValidTo.IsZero() || u.ValidTo.After(pl.dayBefore)) {
			continue
		}
		pl.retire = append(pl.retire, u)
		pl.result.Retired++
		if r, ok := pl.file[u.Code]; ok && r != nil {
			pl.result.CodesReused = append(pl.result.CodesReused, u.Code)
		}
		switch {
		case !u.Kind.CommuneLevel():
			pl.result.RetiredAbove++
		case !pl.succeeded(u):
			pl.result.RetiredWithoutSuccessor = append(pl.result.RetiredWithoutSuccessor, UnitBrief{u.Code, u.Name, u.Kind})
		}
	}
}

// isHeld tells whether the file holds an old unit (it goes on).
func (pl *reformPlan) isHeld(u *models.TreeUnit) bool {
	return pl.held[u.Code] == u
}

// succeeded tells whether the map names successors of an old unit.
func (pl *reformPlan) succeeded(u *models.TreeUnit) bool {
	oi, ok := pl.olds[u.Code]
	return ok && oi.unit == u
}

// deriveAboveCommune: units above commune level that end get, as
// successors, the provinces (units just below the country) their communes
// went to.
func (pl *reformPlan) deriveAboveCommune() {
	for _, u := range pl.inOld {
		if pl.isHeld(u) || u.Kind.CommuneLevel() || pl.succeeded(u) {
			continue
		}
		tops := map[string]bool{}
		var order []string
		var visit func(n *models.TreeUnit)
		visit = func(n *models.TreeUnit) {
			if pl.succeeded(n) {
				for _, m := range pl.olds[n.Code].lines {
					top := pl.topOf(m.NewCode)
					if top != "" && !tops[top] {
						tops[top] = true
						order = append(order, top)
					}
				}
			}
			for _, c := range n.Children {
				if c.ExistsOn(pl.dayBefore) {
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
}

// count fills in the result's counts; links already recorded (a second
// run) are not counted again.
func (pl *reformPlan) count(linked map[[2]int64]bool) {
	pl.result.Created = len(pl.create)
	pl.result.Updated = len(pl.update)
	slices.Sort(pl.result.CodesReused)
	if pl.result.CodesReused == nil {
		pl.result.CodesReused = []string{}
	}
	if pl.result.RetiredWithoutSuccessor == nil {
		pl.result.RetiredWithoutSuccessor = []UnitBrief{}
	}
	for _, l := range pl.links {
		if n := pl.existingNew(l.newCode); n != nil && linked[[2]int64{l.old.ID, n.ID}] {
			continue
		}
		pl.result.Successions++
	}
}

// topOf is the code of the province-level unit (just below the country)
// that holds the file's unit code after the reorganisation.
func (pl *reformPlan) topOf(code string) string {
	for n := 0; n < maxTreeDepth; n++ {
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
