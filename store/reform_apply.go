package store

import (
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"

	"doingoai/models"
)

// applyReform writes a checked plan: the old units end, the new ones
// begin, the kept ones change, the successions are recorded; then the
// closure, the lineage's check and the totals the moves and the ends
// change (a report of an old unit for a period past its end no longer
// counts).
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
	err := insertByDepth(tx, pl.create, pl.depth, 500, newID, func(r *models.UnitRow) unitRow {
		return unitRow{Code: r.Code, Name: r.Name, NameFolded: models.Fold(r.Name), Kind: string(r.Kind),
			ParentID: idOf(r.ParentCode), ValidFrom: datePtr(on), ValidTo: datePtr(r.ValidTo), CreatedAt: now, UpdatedAt: now}
	})
	if isOverlap(err) {
		return models.Errorf(models.ECONFLICT, "a unit of the file has a code another unit has on %s; nothing was changed", on)
	} else if err != nil {
		return err
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
	return s.rebuildChangedTotals(tx, moved, pl.retire)
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
