package store

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"sync/atomic"

	"doingoai/models"
)

// Lineage is what became of each unit: its successors and predecessors,
// as recorded by reorganisations. It belongs to one version of the tree
// (only a change of units changes it).
type Lineage struct {
	version int64
	succ    map[int64][]lineLink
	pred    map[int64][]lineLink

	mu      sync.Mutex
	regroup map[models.Date]*Regroup
}

type lineLink struct {
	id    int64
	share models.Share
}

type lineageCache struct {
	cur atomic.Pointer[Lineage]
}

// Lineage returns the lineage of the tree t, loading it if the copy at
// hand is of another version.
func (s *Store) Lineage(ctx context.Context, t *models.Tree) (*Lineage, error) {
	if l := s.lineage.cur.Load(); l != nil && l.version == t.Version {
		return l, nil
	}
	var rows []struct {
		OldID, NewID int64
		Share        string
	}
	if err := s.r.WithContext(ctx).Raw("SELECT old_id, new_id, share FROM unit_successors").Scan(&rows).Error; err != nil {
		return nil, err
	}
	l := &Lineage{version: t.Version, succ: map[int64][]lineLink{}, pred: map[int64][]lineLink{}, regroup: map[models.Date]*Regroup{}}
	for _, r := range rows {
		l.succ[r.OldID] = append(l.succ[r.OldID], lineLink{r.NewID, models.Share(r.Share)})
		l.pred[r.NewID] = append(l.pred[r.NewID], lineLink{r.OldID, models.Share(r.Share)})
	}
	s.lineage.cur.Store(l)
	return l, nil
}

// Links returns a unit's predecessors and successors, ordered by code.
func (l *Lineage) Links(t *models.Tree, u *models.TreeUnit) (pred, succ []models.UnitLink) {
	conv := func(links []lineLink) []models.UnitLink {
		out := []models.UnitLink{}
		for _, k := range links {
			if o := t.Unit(k.id); o != nil {
				out = append(out, models.UnitLink{Code: o.Code, Name: o.Name, ValidFrom: o.ValidFrom, ValidTo: o.ValidTo, Share: k.share})
			}
		}
		slices.SortFunc(out, func(a, b models.UnitLink) int { return cmp.Compare(a.Code, b.Code) })
		return out
	}
	return conv(l.pred[u.ID]), conv(l.succ[u.ID])
}

// Successors returns the units that took over u, ordered by code, as a
// unit_ended problem and the pages name them.
func (l *Lineage) Successors(t *models.Tree, u *models.TreeUnit) []models.Successor {
	_, links := l.Links(t, u)
	out := make([]models.Successor, len(links))
	for i, k := range links {
		out[i] = models.Successor{Code: k.Code, Name: k.Name, Share: k.Share}
	}
	return out
}

// Regroup places every commune-level unit of any time in the tree of one
// day: the unit of that tree its reports count towards. A commune that
// exists on the day counts in itself; one that ended before it counts in
// the unit its successors (followed through every later reorganisation)
// belong to on the day, if they are one unit (it went whole into it); one
// that was divided counts only where all its successors meet, and is not
// comparable below that. A commune that begins after the day is placed
// through its predecessors the same way.
//
// From the placements it derives, for every unit of the day's tree, the
// units (of any time) whose maintained totals add up exactly to its
// figures: blocks. A rollup in the tree of a day then reads a handful of
// rows, as a rollup in today's tree does.
type Regroup struct {
	Day     models.Date
	landing map[int64]*models.TreeUnit // commune id → unit of the day's tree it counts in
	related map[int64][]*models.TreeUnit
	divided []*models.TreeUnit // communes not comparable at commune level, by code
	blocks  map[int64][]int64
	units   int // units on the day

	mu       sync.Mutex
	expected map[models.Date]map[int64]int
}

// Regroup returns the placement of every commune in the tree of day,
// computed once per version of the tree and day.
func (l *Lineage) Regroup(t *models.Tree, day models.Date) *Regroup {
	l.mu.Lock()
	defer l.mu.Unlock()
	if g := l.regroup[day]; g != nil {
		return g
	}
	if len(l.regroup) >= 32 {
		clear(l.regroup)
	}
	g := buildRegroup(t, l, day)
	l.regroup[day] = g
	return g
}

func buildRegroup(t *models.Tree, l *Lineage, day models.Date) *Regroup {
	g := &Regroup{Day: day, landing: map[int64]*models.TreeUnit{}, related: map[int64][]*models.TreeUnit{}, blocks: map[int64][]int64{},
		expected: map[models.Date]map[int64]int{}}
	// S: the units of the day that a commune's area went to or came from.
	reach := func(c *models.TreeUnit) []*models.TreeUnit {
		links, forward := l.succ, true
		if !c.ValidFrom.IsZero() && c.ValidFrom.After(day) {
			links, forward = l.pred, false
		}
		var out []*models.TreeUnit
		seen := map[int64]bool{c.ID: true}
		queue := []*models.TreeUnit{c}
		for len(queue) > 0 {
			n := queue[0]
			queue = queue[1:]
			for _, k := range links[n.ID] {
				o := t.Unit(k.id)
				if o == nil || seen[o.ID] {
					continue
				}
				seen[o.ID] = true
				switch {
				case o.ExistsOn(day):
					out = append(out, o)
				case forward && !o.ValidTo.IsZero() && o.ValidTo.Before(day), !forward && !o.ValidFrom.IsZero() && o.ValidFrom.After(day):
					queue = append(queue, o)
				}
			}
		}
		slices.SortFunc(out, func(a, b *models.TreeUnit) int { return cmp.Compare(a.Code, b.Code) })
		return out
	}
	lca := func(a, b *models.TreeUnit) *models.TreeUnit {
		if a == nil {
			return b
		}
		if b == nil {
			return a
		}
		da, db := depthOf(a), depthOf(b)
		for ; da > db; da-- {
			a = a.Parent
		}
		for ; db > da; db-- {
			b = b.Parent
		}
		for a != b {
			a, b = a.Parent, b.Parent
		}
		return a
	}
	below := map[int64]*models.TreeUnit{} // unit → the LCA of the landings of the communes below it
	var visit func(u *models.TreeUnit) *models.TreeUnit
	visit = func(u *models.TreeUnit) *models.TreeUnit {
		if u.ExistsOn(day) {
			g.units++
		}
		var here *models.TreeUnit
		if u.Kind.CommuneLevel() {
			switch {
			case u.ExistsOn(day):
				here = u
			default:
				s := reach(u)
				switch len(s) {
				case 1:
					here = s[0]
				case 0:
					// No known successor (the codes merged away in January
					// 2025): it counts in the first unit above it that exists
					// on the day, or where its nearest ancestor's successors
					// meet (a district's, derived from where its communes went).
				up:
					for a := u.Parent; a != nil; a = a.Parent {
						if a.ExistsOn(day) {
							here = a
							break
						}
						for _, o := range reach(a) {
							here = lca(here, o)
						}
						if here != nil {
							break up
						}
					}
					g.divided = append(g.divided, u)
				default:
					for _, o := range s {
						here = lca(here, o)
					}
					g.divided = append(g.divided, u)
				}
				g.related[u.ID] = s
			}
			g.landing[u.ID] = here
		}
		for _, c := range u.Children {
			here = lca(here, visit(c))
		}
		if here != nil {
			below[u.ID] = here
		}
		return here
	}
	visit(t.Root)
	var assign func(u *models.TreeUnit, stop *models.TreeUnit)
	assign = func(u *models.TreeUnit, stop *models.TreeUnit) {
		here := below[u.ID]
		if here == nil {
			return
		}
		for q := here; q != nil && q != stop; q = q.Parent {
			g.blocks[q.ID] = append(g.blocks[q.ID], u.ID)
		}
		for _, c := range u.Children {
			assign(c, here)
		}
	}
	assign(t.Root, nil)
	slices.SortFunc(g.divided, func(a, b *models.TreeUnit) int {
		if c := cmp.Compare(a.Code, b.Code); c != 0 {
			return c
		}
		return int(a.ID - b.ID)
	})
	return g
}

// Blocks returns the units whose totals add up to the figures of u (a
// unit of the day's tree).
func (g *Regroup) Blocks(u *models.TreeUnit) []int64 { return g.blocks[u.ID] }

// Units is the number of units on the day.
func (g *Regroup) Units() int { return g.units }

// Landing is the unit of the day's tree a commune counts in.
func (g *Regroup) Landing(c *models.TreeUnit) *models.TreeUnit { return g.landing[c.ID] }

// Expected counts the communes that existed on day d whose reports count
// in u: the communes expected to report for a period ending on d,
// regrouped in the tree of g's day.
func (g *Regroup) Expected(t *models.Tree, u *models.TreeUnit, d models.Date) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	m := g.expected[d]
	if m == nil {
		m = map[int64]int{}
		for id, at := range g.landing {
			if c := t.Unit(id); c != nil && c.ExistsOn(d) {
				for q := at; q != nil; q = q.Parent {
					m[q.ID]++
				}
			}
		}
		g.expected[d] = m
	}
	return m[u.ID]
}

// Communes lists the communes that existed on day d whose reports count
// in u, ordered by code.
func (g *Regroup) Communes(t *models.Tree, u *models.TreeUnit, d models.Date) []*models.TreeUnit {
	var out []*models.TreeUnit
	for id, at := range g.landing {
		if c := t.Unit(id); c != nil && c.ExistsOn(d) && t.Contains(u, at) {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b *models.TreeUnit) int {
		if c := cmp.Compare(a.Code, b.Code); c != 0 {
			return c
		}
		return int(a.ID - b.ID)
	})
	return out
}

// NotComparable lists the communes that existed during one of the periods
// and were divided (or have no successor on the day), whose area lies in
// u or counts in it: their reports count only where all their successors
// meet, never in a commune-level figure.
func (g *Regroup) NotComparable(t *models.Tree, u *models.TreeUnit, periods []models.Period) []models.NotComparable {
	out := []models.NotComparable{}
	for _, c := range g.divided {
		during := false
		for _, p := range periods {
			if models.ExistsDuring(c.ValidFrom, c.ValidTo, p) {
				during = true
				break
			}
		}
		if !during {
			continue
		}
		rel := t.Contains(u, g.landing[c.ID])
		for _, o := range g.related[c.ID] {
			rel = rel || t.Contains(u, o)
		}
		if !rel {
			continue
		}
		nc := models.NotComparable{Code: c.Code, Name: c.Name, Successors: []models.UnitRef{}}
		for _, o := range g.related[c.ID] {
			nc.Successors = append(nc.Successors, models.UnitRef{Code: o.Code, Name: o.Name})
		}
		if at := g.landing[c.ID]; at != nil {
			nc.CountsIn = &models.UnitRef{Code: at.Code, Name: at.Name}
		}
		out = append(out, nc)
	}
	return out
}

func depthOf(u *models.TreeUnit) int {
	d := 0
	for p := u.Parent; p != nil; p = p.Parent {
		d++
	}
	return d
}
