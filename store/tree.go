package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/singleflight"

	"gorm.io/gorm"

	"doingoai/models"
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
	Kind               models.UnitKind
	ValidFrom, ValidTo models.Date
	Parent             *TreeUnit
	Children           []*TreeUnit // ordered by code
}

type expectedKey struct {
	id  int64
	day models.Date
}

type treeCache struct {
	cur  atomic.Pointer[Tree]
	load singleflight.Group // one load per version for requests outside transactions
}

func (c *treeCache) invalidate() { c.cur.Store(nil) }

// Tree returns the current unit tree, reloading it if another request or
// process has changed a unit since it was loaded.
//
// Requests that find the tree out of date share one load of the new
// version: after a restart under load, every request at once loaded the
// whole tree (11,240 units) for itself, 0.6 s each instead of 20 ms.
func (s *Store) Tree(ctx context.Context) (*Tree, error) {
	c, cctx := sqlOf(s.r.WithContext(ctx))
	var version int64
	if err := c.QueryRowContext(cctx, "SELECT version FROM tree_version WHERE id = 1").Scan(&version); err != nil {
		return nil, fmt.Errorf("read tree version: %w", err)
	}
	if t := s.tree.cur.Load(); t != nil && t.Version == version {
		return t, nil
	}
	v, err, _ := s.tree.load.Do(strconv.FormatInt(version, 10), func() (any, error) {
		// Not the first caller's context: the others wait for this load.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
		defer cancel()
		return s.treeAt(s.r.WithContext(ctx), version)
	})
	if err != nil {
		return nil, err
	}
	return v.(*Tree), nil
}

// treeVia is Tree reading through db, which inside a transaction must be
// the transaction itself: a second connection taken from the pool while
// the transaction holds one can starve the pool.
func (s *Store) treeVia(db *gorm.DB) (*Tree, error) {
	c, ctx := sqlOf(db)
	var version int64
	if err := c.QueryRowContext(ctx, "SELECT version FROM tree_version WHERE id = 1").Scan(&version); err != nil {
		return nil, fmt.Errorf("read tree version: %w", err)
	}
	return s.treeAt(db, version)
}

// treeAt returns the tree of the given version, loading it through db if
// the copy at hand is of another.
func (s *Store) treeAt(db *gorm.DB, version int64) (*Tree, error) {
	if t := s.tree.cur.Load(); t != nil && t.Version == version {
		return t, nil
	}
	// No lock is held while loading: a caller inside a transaction must
	// never wait for one that is waiting for a pooled connection. Two
	// callers may load the same version at once; the tree changes rarely.
	t, err := loadTree(db)
	if err != nil {
		return nil, err
	}
	for {
		cur := s.tree.cur.Load()
		if cur != nil && cur.Version >= t.Version || s.tree.cur.CompareAndSwap(cur, t) {
			break
		}
	}
	return t, nil
}

type treeRow struct {
	ID        int64
	Code      string
	Name      string
	Kind      string
	ParentID  *int64
	ValidFrom *string
	ValidTo   *string
}

// loadTree reads the units and the version they belong to. The version is
// read before and after the units; if a change slipped in between, it reads
// again, so a tree is never labelled with a version newer than its units.
func loadTree(db *gorm.DB) (*Tree, error) {
	for attempt := 0; ; attempt++ {
		var before, after int64
		var rows []treeRow
		if err := db.Raw("SELECT version FROM tree_version WHERE id = 1").Scan(&before).Error; err != nil {
			return nil, err
		}
		if err := db.Raw("SELECT id, code, name, kind, parent_id, valid_from, valid_to FROM units ORDER BY code, id").Scan(&rows).Error; err != nil {
			return nil, fmt.Errorf("load units: %w", err)
		}
		if err := db.Raw("SELECT version FROM tree_version WHERE id = 1").Scan(&after).Error; err != nil {
			return nil, err
		}
		if before != after && attempt < 5 {
			continue
		}
		return buildTree(after, rows)
	}
}

func buildTree(version int64, rows []treeRow) (*Tree, error) {
	t := &Tree{
		Version:  version,
		units:    make(map[int64]*TreeUnit, len(rows)),
		byCode:   make(map[string][]*TreeUnit, len(rows)),
		expected: map[expectedKey]int{},
	}
	for _, r := range rows {
		u := &TreeUnit{ID: r.ID, Code: r.Code, Name: r.Name, Kind: models.UnitKind(r.Kind)}
		if r.ValidFrom != nil {
			u.ValidFrom, _ = models.ParseDate(*r.ValidFrom)
		}
		if r.ValidTo != nil {
			u.ValidTo, _ = models.ParseDate(*r.ValidTo)
		}
		t.units[r.ID] = u
		t.byCode[r.Code] = append(t.byCode[r.Code], u)
	}
	for _, r := range rows { // rows are ordered by code: children come out ordered
		u := t.units[r.ID]
		if r.ParentID == nil {
			if u.Kind == models.KindCountry && t.Root == nil {
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
func (t *Tree) ForPeriod(code string, p models.Period) *TreeUnit {
	list := t.byCode[code]
	for i := len(list) - 1; i >= 0; i-- {
		if models.ExistsOn(list[i].ValidFrom, list[i].ValidTo, p.LastDay()) {
			return list[i]
		}
	}
	for i := len(list) - 1; i >= 0; i-- {
		if models.ExistsDuring(list[i].ValidFrom, list[i].ValidTo, p) {
			return list[i]
		}
	}
	return nil
}

// Resolve returns the unit a code named during period p (ForPeriod) or,
// if none did, the unit the code names now (ByCode): a rollup, completeness
// or deadline may ask about a unit for a period before it existed, when
// it has no reports. ENOTFOUND if the code names no unit at all.
func (t *Tree) Resolve(code string, p models.Period) (*TreeUnit, error) {
	if u := t.ForPeriod(code, p); u != nil {
		return u, nil
	}
	if u := t.ByCode(code); u != nil {
		return u, nil
	}
	return nil, models.Errorf(models.ENOTFOUND, "no unit has the code %s", code)
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
func (u *TreeUnit) ExistsOn(d models.Date) bool { return models.ExistsOn(u.ValidFrom, u.ValidTo, d) }

// ParentCode is the code of the unit's parent, nil for the root.
func (u *TreeUnit) ParentCode() *string {
	if u.Parent == nil {
		return nil
	}
	c := u.Parent.Code
	return &c
}

// Model returns the unit as the API shows it.
func (u *TreeUnit) Model() models.Unit {
	return models.Unit{Code: u.Code, Name: u.Name, Kind: u.Kind, ParentCode: u.ParentCode(), ValidFrom: u.ValidFrom, ValidTo: u.ValidTo}
}

// Communes lists the commune-level units below u (u itself if it is one)
// that exist on the last day of period p: the units expected to report.
func (t *Tree) Communes(u *TreeUnit, p models.Period) []*TreeUnit {
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
func (t *Tree) CommunesExpected(u *TreeUnit, p models.Period) int {
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

// Depth is the number of ancestors of u.
func (u *TreeUnit) Depth() int {
	d := 0
	for p := u.Parent; p != nil; p = p.Parent {
		d++
	}
	return d
}

// WithCode returns every unit that has had the code, oldest first.
func (t *Tree) WithCode(code string) []*TreeUnit { return t.byCode[code] }

// OnDay returns the unit the code names on day d, or nil.
func (t *Tree) OnDay(code string, d models.Date) *TreeUnit {
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
func (t *Tree) Overlapping(code string, from, to models.Date, except int64) *TreeUnit {
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
