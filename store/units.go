package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"doingoai/models"
)

// unitRow is one row of units.
type unitRow struct {
	ID         int64 `gorm:"primaryKey"`
	Code       string
	Name       string
	NameFolded string
	Kind       string
	ParentID   *int64
	ValidFrom  *string
	ValidTo    *string
	CreatedAt  int64 `gorm:"autoCreateTime:false"`
	UpdatedAt  int64 `gorm:"autoUpdateTime:false"`
}

func (unitRow) TableName() string { return "units" }

type closureRow struct {
	AncestorID   int64
	DescendantID int64
	Depth        int
}

func (closureRow) TableName() string { return "unit_closure" }

func datePtr(d models.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

// lockTree starts a change of the unit tree inside tx: it bumps the tree
// version, which on PostgreSQL also locks it against every other change of
// units and of the totals that depend on the tree, and returns the tree as
// committed before this change.
func (s *Store) lockTree(tx *gorm.DB) (*models.Tree, error) {
	var t *models.Tree
	var err error
	if t, err = s.treeVia(tx); err != nil {
		return nil, err
	}
	if err := tx.Exec("UPDATE tree_version SET version = version + 1 WHERE id = 1").Error; err != nil {
		return nil, fmt.Errorf("lock the unit tree: %w", err)
	}
	// Another transaction may have changed the tree between the read and
	// the lock; read it again under the lock.
	var v int64
	if err := tx.Raw("SELECT version FROM tree_version WHERE id = 1").Scan(&v).Error; err != nil {
		return nil, err
	}
	if v != t.Version+1 {
		if t, err = loadTree(tx); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// ListUnits returns a page of units, ordered by code.
func (s *Store) ListUnits(ctx context.Context, f models.UnitFilter, parent *models.TreeUnit, kinds []models.UnitKind) (models.UnitList, error) {
	var where []string
	var args []any
	if parent != nil {
		where = append(where, "u.parent_id = ?")
		args = append(args, parent.ID)
	}
	if len(kinds) > 0 {
		where = append(where, "u.kind IN ?")
		args = append(args, kinds)
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		where = append(where, `(u.name_folded LIKE ? ESCAPE '\' OR u.code = ?)`)
		args = append(args, "%"+escapeLike(models.Fold(q))+"%", q)
	}
	if !f.At.IsZero() {
		at := f.At.String()
		where = append(where, "(u.valid_from IS NULL OR u.valid_from <= ?) AND (u.valid_to IS NULL OR u.valid_to >= ?)")
		args = append(args, at, at)
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	db := s.r.WithContext(ctx)
	var out models.UnitList
	if err := db.Raw("SELECT count(*) FROM units u"+cond, args...).Scan(&out.Total).Error; err != nil {
		return out, err
	}
	var rows []struct {
		Code, Name, Kind   string
		ParentCode         *string
		ValidFrom, ValidTo *string
	}
	err := db.Raw(`SELECT u.code, u.name, u.kind, p.code AS parent_code, u.valid_from, u.valid_to
		FROM units u LEFT JOIN units p ON p.id = u.parent_id`+cond+` ORDER BY u.code, u.id LIMIT ? OFFSET ?`,
		append(args, f.Page.PerPage, f.Page.Offset())...).Scan(&rows).Error
	if err != nil {
		return out, err
	}
	out.Items = make([]models.Unit, len(rows))
	for i, r := range rows {
		u := models.Unit{Code: r.Code, Name: r.Name, Kind: models.UnitKind(r.Kind), ParentCode: r.ParentCode}
		var err error
		if r.ValidFrom != nil {
			if u.ValidFrom, err = models.ParseDate(*r.ValidFrom); err != nil {
				return out, fmt.Errorf("unit %s: stored valid_from %q: %w", r.Code, *r.ValidFrom, err)
			}
		}
		if r.ValidTo != nil {
			if u.ValidTo, err = models.ParseDate(*r.ValidTo); err != nil {
				return out, fmt.Errorf("unit %s: stored valid_to %q: %w", r.Code, *r.ValidTo, err)
			}
		}
		out.Items[i] = u
	}
	return out, nil
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// parentFor finds the parent a unit of kind names by parentCode. A province
// without a parent goes under the country.
func parentFor(t *models.Tree, kind models.UnitKind, parentCode string) (*models.TreeUnit, *models.FieldError) {
	if parentCode == "" {
		if kind == models.KindProvince {
			return t.Root, nil
		}
		return nil, nil
	}
	parent := t.ByCode(parentCode)
	if parent == nil {
		return nil, &models.FieldError{Field: "parent_code", Message: fmt.Sprintf("no unit has the code %s", parentCode)}
	}
	if !parent.Kind.CanParent(kind) {
		return nil, &models.FieldError{Field: "parent_code", Message: fmt.Sprintf("a %s cannot be placed under a %s (%s)", kind, parent.Kind, parent.Code)}
	}
	return parent, nil
}

// CreateUnit adds a unit to the tree.
//
// Errors: EINVALID for bad fields or an unknown or unsuitable parent,
// ECONFLICT when a unit not retired already has the code.
func (s *Store) CreateUnit(ctx context.Context, p models.Principal, in models.UnitInput) (models.Unit, error) {
	in.Normalize()
	var probs models.Problems
	in.Validate(&probs, "")
	if err := probs.Err("the unit is not valid"); err != nil {
		return models.Unit{}, err
	}
	var out models.Unit
	err := s.writeTx(ctx, func(tx *gorm.DB) error {
		t, err := s.lockTree(tx)
		if err != nil {
			return err
		}
		parent, ferr := parentFor(t, in.Kind, in.ParentCode)
		if ferr != nil {
			return &models.Error{Code: models.EINVALID, Message: "the unit is not valid", Fields: []models.FieldError{*ferr}}
		}
		if in.Kind == models.KindCountry && t.Root != nil {
			return models.Errorf(models.ECONFLICT, "the tree already has its country, %s", t.Root.Code)
		}
		if cur := t.ByCode(in.Code); cur != nil && cur.ValidTo.IsZero() && in.ValidTo.IsZero() {
			return models.Errorf(models.ECONFLICT, "unit %s already exists (%s); retire it (valid_to) before reusing its code", in.Code, cur.Name)
		}
		if o := t.Overlapping(in.Code, in.ValidFrom, in.ValidTo, 0); o != nil {
			return overlapConflict(in.Code, o)
		}
		now := micros(s.Now())
		row := unitRow{Code: in.Code, Name: in.Name, NameFolded: models.Fold(in.Name), Kind: string(in.Kind),
			ValidFrom: datePtr(in.ValidFrom), ValidTo: datePtr(in.ValidTo), CreatedAt: now, UpdatedAt: now}
		if parent != nil {
			row.ParentID = &parent.ID
		}
		if err := tx.Create(&row).Error; err != nil {
			if isUniqueViolation(err) || isOverlap(err) {
				return models.Errorf(models.ECONFLICT, "unit %s already exists on some of these days", in.Code)
			}
			return err
		}
		err = tx.Exec(`INSERT INTO unit_closure (ancestor_id, descendant_id, depth)
			SELECT ancestor_id, CAST(? AS BIGINT), depth + 1 FROM unit_closure WHERE descendant_id = ?
			UNION ALL SELECT CAST(? AS BIGINT), CAST(? AS BIGINT), 0`, row.ID, row.ParentID, row.ID, row.ID).Error
		if err != nil {
			return err
		}
		out = models.Unit{Code: in.Code, Name: in.Name, Kind: in.Kind, ValidFrom: in.ValidFrom, ValidTo: in.ValidTo}
		if parent != nil {
			pc := parent.Code
			out.ParentCode = &pc
		}
		tu := &models.TreeUnit{ID: row.ID, Code: row.Code}
		return s.appendAudit(tx, s.newAudit(p, models.ActionUnitCreate, tu, "", 0, out))
	})
	return out, err
}

// UpdateUnit changes the fields of the unit a code names now.
//
// Errors: ENOTFOUND for an unknown code; EINVALID for bad fields, a parent
// that cannot hold the unit, or a move below itself; ECONFLICT when a
// change would clash with another unit or the unit's reports.
func (s *Store) UpdateUnit(ctx context.Context, p models.Principal, code string, patch models.UnitPatch) (models.Unit, error) {
	var out models.Unit
	err := s.writeTx(ctx, func(tx *gorm.DB) error {
		t, err := s.lockTree(tx)
		if err != nil {
			return err
		}
		u := t.ByCode(code)
		if u == nil {
			return notFound("no unit has the code %s", code)
		}
		before := u.Model()
		after := before
		var probs models.Problems
		if patch.Name != nil {
			after.Name = models.NFC(strings.TrimSpace(*patch.Name))
			if after.Name == "" {
				probs.Add("name", "must not be empty")
			}
			models.CheckText(&probs, "name", after.Name, models.MaxUnitNameLen)
		}
		if patch.Kind != nil {
			after.Kind = *patch.Kind
			if !after.Kind.Valid() {
				probs.Add("kind", "is not a kind of unit")
			}
		}
		parent := u.Parent
		if patch.ParentCode != nil {
			pc := strings.TrimSpace(*patch.ParentCode)
			np, ferr := parentFor(t, after.Kind, pc)
			switch {
			case ferr != nil:
				probs.Add(ferr.Field, ferr.Message)
			case np == nil:
				probs.Add("parent_code", "is required")
			case t.Contains(u, np):
				probs.Add("parent_code", "a unit cannot be placed below itself")
			default:
				parent = np
				pcode := np.Code
				after.ParentCode = &pcode
			}
		} else if after.Kind.Valid() && parent != nil && !parent.Kind.CanParent(after.Kind) {
			probs.Addf("kind", "a %s cannot be placed under a %s (%s)", after.Kind, parent.Kind, parent.Code)
		}
		if after.Kind.Valid() {
			for _, c := range u.Children {
				if !after.Kind.CanParent(c.Kind) {
					probs.Addf("kind", "the unit has a %s below it (%s), which a %s cannot hold", c.Kind, c.Code, after.Kind)
					break
				}
			}
		}
		if patch.ValidFrom != nil || patch.ClearValidFrom {
			after.ValidFrom = models.Date{}
			if patch.ValidFrom != nil {
				after.ValidFrom = *patch.ValidFrom
			}
		}
		if patch.ValidTo != nil || patch.ClearValidTo {
			after.ValidTo = models.Date{}
			if patch.ValidTo != nil {
				after.ValidTo = *patch.ValidTo
			}
		}
		if !after.ValidFrom.IsZero() && !after.ValidTo.IsZero() && after.ValidTo.Before(after.ValidFrom) {
			probs.Add("valid_to", "must not be before valid_from")
		}
		if err := probs.Err("the change is not valid"); err != nil {
			return err
		}
		if o := t.Overlapping(u.Code, after.ValidFrom, after.ValidTo, u.ID); o != nil {
			return overlapConflict(u.Code, o)
		}
		if after.Kind.CommuneLevel() != before.Kind.CommuneLevel() {
			if n, err := s.countReports(tx, u.ID); err != nil {
				return err
			} else if n > 0 {
				return models.Errorf(models.ECONFLICT, "unit %s has %d reports; it cannot stop or start being commune-level", u.Code, n)
			}
		}
		row := map[string]any{
			"name": after.Name, "name_folded": models.Fold(after.Name), "kind": string(after.Kind),
			"valid_from": datePtr(after.ValidFrom), "valid_to": datePtr(after.ValidTo), "updated_at": micros(s.Now()),
		}
		if parent != nil {
			row["parent_id"] = parent.ID
		}
		if err := tx.Model(&unitRow{}).Where("id = ?", u.ID).Updates(row).Error; err != nil {
			if isUniqueViolation(err) || isOverlap(err) {
				return models.Errorf(models.ECONFLICT, "another unit not retired has the code %s", u.Code)
			}
			return err
		}
		if parent != u.Parent {
			if err := moveSubtree(tx, u.ID, parent.ID); err != nil {
				return err
			}
			if err := s.rebuildTotals(tx, movedTotals(u.Parent, parent)); err != nil {
				return err
			}
		}
		if !after.ValidFrom.Equal(before.ValidFrom) || !after.ValidTo.Equal(before.ValidTo) {
			if err := s.rebuildChangedTotals(tx, nil, []*models.TreeUnit{u}); err != nil {
				return err
			}
		}
		out = after
		return s.appendAudit(tx, s.newAudit(p, models.ActionUnitUpdate, u, "", 0, Change{From: before, To: after}))
	})
	return out, err
}

// moveSubtree re-links the closure of the subtree rooted at id under a new
// parent: the links from outside ancestors are dropped and those of the new
// parent's ancestors added.
func moveSubtree(tx *gorm.DB, id, newParent int64) error {
	err := tx.Exec(`DELETE FROM unit_closure
		WHERE descendant_id IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = ?)
		  AND ancestor_id NOT IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = ?)`, id, id).Error
	if err != nil {
		return err
	}
	return tx.Exec(`INSERT INTO unit_closure (ancestor_id, descendant_id, depth)
		SELECT a.ancestor_id, d.descendant_id, a.depth + d.depth + 1
		FROM unit_closure a, unit_closure d
		WHERE a.descendant_id = ? AND d.ancestor_id = ?`, newParent, id).Error
}

// rebuildClosure recomputes the whole closure table from the parent links.
func rebuildClosure(tx *gorm.DB) error {
	var links []struct {
		ID       int64
		ParentID *int64
	}
	if err := tx.Raw("SELECT id, parent_id FROM units").Scan(&links).Error; err != nil {
		return err
	}
	parent := make(map[int64]int64, len(links))
	for _, l := range links {
		if l.ParentID != nil {
			parent[l.ID] = *l.ParentID
		}
	}
	rows := make([]closureRow, 0, len(links)*4)
	for _, l := range links {
		id, d := l.ID, 0
		for {
			rows = append(rows, closureRow{AncestorID: id, DescendantID: l.ID, Depth: d})
			p, ok := parent[id]
			if !ok {
				break
			}
			id, d = p, d+1
			if d > maxTreeDepth {
				return errors.New("the unit tree has a cycle")
			}
		}
	}
	if err := tx.Exec("DELETE FROM unit_closure").Error; err != nil {
		return err
	}
	return tx.CreateInBatches(rows, 2000).Error
}
