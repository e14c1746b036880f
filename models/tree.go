package models

import (
	"fmt"
	"slices"
	"sync"
)

// Tree is a read-only copy of the whole unit tree (eleven thousand units for
// the country, a few megabytes) that answers "is this commune below that
// district?", "which communes should report for 2024?" and "which unit did
// code 05569 name in 2024?" without a query. Each process keeps one and
// replaces it when tree_version says the database has changed, so a copy is
// never used after another process has changed a unit.
type Tree struct {
	Version int64
	units   map[int64]*TreeUnit
	byCode  map[string][]*TreeUnit // every unit that has had the code, oldest first
	Root    *TreeUnit

	mu       sync.Mutex
	expected map[expectedKey]int
}

// TreeUnit is one unit in a Tree.
type TreeUnit struct {
	ID                 int64
	Code, Name         string
	Kind               UnitKind
	ValidFrom, ValidTo Date
	Parent             *TreeUnit
	Children           []*TreeUnit // ordered by code
}

type expectedKey struct {
	id  int64
	day Date
}

// TreeRow is a unit as the store reads it, from which NewTree builds the tree.
type TreeRow struct {
	ID        int64
	Code      string
	Name      string
	Kind      string
	ParentID  *int64
	ValidFrom *string
	ValidTo   *string
}

// NewTree builds the tree of a version from its units, in code order. A
// unit whose parent is missing or whose dates do not parse is an error:
// a date read as "none" would make the unit exist forever.
func NewTree(version int64, rows []TreeRow) (*Tree, error) {
	t := &Tree{
		Version:  version,
		units:    make(map[int64]*TreeUnit, len(rows)),
		byCode:   make(map[string][]*TreeUnit, len(rows)),
		expected: map[expectedKey]int{},
	}
	for _, r := range rows {
		u := &TreeUnit{ID: r.ID, Code: r.Code, Name: r.Name, Kind: UnitKind(r.Kind)}
		var err error
		if r.ValidFrom != nil {
			if u.ValidFrom, err = ParseDate(*r.ValidFrom); err != nil {
				return nil, fmt.Errorf("unit %s (id %d): valid_from %q: %w", r.Code, r.ID, *r.ValidFrom, err)
			}
		}
		if r.ValidTo != nil {
			if u.ValidTo, err = ParseDate(*r.ValidTo); err != nil {
				return nil, fmt.Errorf("unit %s (id %d): valid_to %q: %w", r.Code, r.ID, *r.ValidTo, err)
			}
		}
		t.units[r.ID] = u
		t.byCode[r.Code] = append(t.byCode[r.Code], u)
	}
	for _, r := range rows { // rows are ordered by code: children come out ordered
		u := t.units[r.ID]
		if r.ParentID == nil {
			if u.Kind == KindCountry && t.Root == nil {
				t.Root = u
			}
			continue
		}
		p := t.units[*r.ParentID]
		if p == nil {
			return nil, fmt.Errorf("unit %s has unknown parent %d", r.Code, *r.ParentID)
		}
		u.Parent = p
		p.Children = append(p.Children, u)
	}
	for _, list := range t.byCode {
		slices.SortFunc(list, func(a, b *TreeUnit) int {
			if c := a.ValidFrom.Compare(b.ValidFrom); c != 0 {
				return c
			}
			return int(a.ID - b.ID)
		})
	}
	return t, nil
}

// Unit returns the unit with an internal id, or nil.
func (t *Tree) Unit(id int64) *TreeUnit { return t.units[id] }

// Len is the number of units.
func (t *Tree) Len() int { return len(t.units) }

// ByCode returns the unit a code names now: the one not retired, else the
// one retired last. Nil if no unit ever had the code.
func (t *Tree) ByCode(code string) *TreeUnit {
	list := t.byCode[code]
	for i := len(list) - 1; i >= 0; i-- {
		if list[i].ValidTo.IsZero() {
			return list[i]
		}
	}
	var last *TreeUnit
	for _, u := range list {
		if last == nil || u.ValidTo.After(last.ValidTo) {
			last = u
		}
	}
	return last
}

// ForPeriod returns the unit a code named during period p: the one that
// existed on the period's last day, else the last one that existed during
// it. A report for ("05569", "2024") belongs to xã Bảo Cường, one for
// ("05569", "2025") to xã Định Hóa.
func (t *Tree) ForPeriod(code string, p Period) *TreeUnit {
	list := t.byCode[code]
	for i := len(list) - 1; i >= 0; i-- {
		if ExistsOn(list[i].ValidFrom, list[i].ValidTo, p.LastDay()) {
			return list[i]
		}
	}
	for i := len(list) - 1; i >= 0; i-- {
		if ExistsDuring(list[i].ValidFrom, list[i].ValidTo, p) {
			return list[i]
		}
	}
	return nil
}

// Resolve returns the unit a code named during period p (ForPeriod) or,
// if none did, the unit the code names now (ByCode): a rollup, completeness
// or deadline may ask about a unit for a period before it existed, when
// it has no reports. ENOTFOUND if the code names no unit at all.
func (t *Tree) Resolve(code string, p Period) (*TreeUnit, error) {
	if u := t.ForPeriod(code, p); u != nil {
		return u, nil
	}
	if u := t.ByCode(code); u != nil {
		return u, nil
	}
	return nil, Errorf(ENOTFOUND, "no unit has the code %s", code)
}

// Contains tells whether u is ancestor or the same unit as ancestor.
func (t *Tree) Contains(ancestor, u *TreeUnit) bool {
	for ; u != nil; u = u.Parent {
		if u == ancestor {
			return true
		}
	}
	return false
}

// ExistsOn tells whether the unit exists on day d.
func (u *TreeUnit) ExistsOn(d Date) bool { return ExistsOn(u.ValidFrom, u.ValidTo, d) }

// ParentCode is the code of the unit's parent, nil for the root.
func (u *TreeUnit) ParentCode() *string {
	if u.Parent == nil {
		return nil
	}
	c := u.Parent.Code
	return &c
}

// Model returns the unit as the API shows it.
func (u *TreeUnit) Model() Unit {
	return Unit{Code: u.Code, Name: u.Name, Kind: u.Kind, ParentCode: u.ParentCode(), ValidFrom: u.ValidFrom, ValidTo: u.ValidTo}
}

// Communes lists the commune-level units below u (u itself if it is one)
// that exist on the last day of period p: the units expected to report.
func (t *Tree) Communes(u *TreeUnit, p Period) []*TreeUnit {
	day := p.LastDay()
	var out []*TreeUnit
	var walk func(n *TreeUnit)
	walk = func(n *TreeUnit) {
		if n.Kind.CommuneLevel() {
			if n.ExistsOn(day) {
				out = append(out, n)
			}
			return
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(u)
	return out
}

// CommunesExpected counts Communes(u, p), remembering the answer for the
// life of this copy of the tree.
func (t *Tree) CommunesExpected(u *TreeUnit, p Period) int {
	k := expectedKey{u.ID, p.LastDay()}
	t.mu.Lock()
	n, ok := t.expected[k]
	t.mu.Unlock()
	if ok {
		return n
	}
	n = len(t.Communes(u, p))
	t.mu.Lock()
	t.expected[k] = n
	t.mu.Unlock()
	return n
}

// InScope is the one scope check of the service: may p act on unit u? An
// admin (or the command line) everywhere; a district token on its unit and
// every unit below; a commune token on its own unit only. A unit outside
// the scope is EFORBIDDEN whether it has data or not.
func (t *Tree) InScope(p Principal, u *TreeUnit) error {
	switch p.Role {
	case RoleAdmin, RoleSystem:
		return nil
	case RoleDistrict:
		if home := t.Unit(p.UnitID); home != nil && t.Contains(home, u) {
			return nil
		}
	case RoleCommune:
		if u.ID == p.UnitID {
			return nil
		}
	}
	return Errorf(EFORBIDDEN, "this token (%s, %s %s) cannot act on unit %s", p.Actor(), p.Role, p.UnitCode, u.Code)
}

// WithCode returns every unit that has had the code, oldest first.
func (t *Tree) WithCode(code string) []*TreeUnit { return t.byCode[code] }

// OnDay returns the unit the code names on day d, or nil.
func (t *Tree) OnDay(code string, d Date) *TreeUnit {
	for _, u := range t.byCode[code] {
		if u.ExistsOn(d) {
			return u
		}
	}
	return nil
}

// Overlapping returns a unit other than the one with id except that has
// the code on some day from..to (zero bounds are open), or nil: a code
// names at most one unit on any day.
func (t *Tree) Overlapping(code string, from, to Date, except int64) *TreeUnit {
	for _, u := range t.byCode[code] {
		if u.ID == except {
			continue
		}
		if (u.ValidFrom.IsZero() || to.IsZero() || !to.Before(u.ValidFrom)) &&
			(u.ValidTo.IsZero() || from.IsZero() || !u.ValidTo.Before(from)) {
			return u
		}
	}
	return nil
}
