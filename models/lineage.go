package models

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// Share says how much of an old unit went into a successor: the whole of
// it (full) or a part, the old unit having been divided among several new
// ones (partial).
type Share string

const (
	ShareFull    Share = "full"
	SharePartial Share = "partial"
)

// UnitLink is a predecessor or successor of a unit: the unit at the other
// end of a reorganisation and the share of the old unit concerned.
type UnitLink struct {
	Code      string `json:"code" example:"05581" validate:"required"`
	Name      string `json:"name" example:"Xã Trung Hội" validate:"required"`
	ValidFrom Date   `json:"valid_from,omitzero" swaggertype:"string" format:"date" example:"2025-07-01"`
	ValidTo   Date   `json:"valid_to,omitzero" swaggertype:"string" format:"date"`
	Share     Share  `json:"share" enums:"full,partial" example:"full" validate:"required"`
}

// UnitOverTime is GET /units/{code}?at=: the unit a code named on a day,
// with what it came from and what became of it.
type UnitOverTime struct {
	Unit
	Predecessors []UnitLink `json:"predecessors" validate:"required"`
	Successors   []UnitLink `json:"successors" validate:"required"`
}

// Succession is one line of a reorganisation's map: old unit → new unit.
type Succession struct {
	Line    int
	OldCode string
	NewCode string
	Share   Share
}

// ParseSuccessionsCSV reads the map of a reorganisation: a header with at
// least old_code, new_code and share (in any order; other columns, such as
// names and notes, are ignored), then one (old, new) pair a line. Every bad
// line is reported with its number, and nothing is returned unless the
// whole file is good. A file of only its header is a reorganisation with
// no known successions.
func ParseSuccessionsCSV(r io.Reader) ([]Succession, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, Errorf(EINVALID, "the map is empty; it must start with a header naming old_code, new_code and share")
	}
	if err != nil {
		return nil, csvError(err)
	}
	col := map[string]int{}
	for i, h := range header {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	for _, c := range []string{"old_code", "new_code", "share"} {
		if _, ok := col[c]; !ok {
			return nil, Errorf(EINVALID, "line 1: the map's header has no column %s (it needs old_code, new_code and share)", c)
		}
	}
	var p Problems
	var out []Succession
	seen := map[[2]string]int{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		prefix := fmt.Sprintf("line %d", line)
		if len(rec) != len(header) {
			p.Addf(prefix, "has %d columns; the header has %d", len(rec), len(header))
			continue
		}
		s := Succession{Line: line, OldCode: strings.TrimSpace(rec[col["old_code"]]), NewCode: strings.TrimSpace(rec[col["new_code"]]),
			Share: Share(strings.TrimSpace(rec[col["share"]]))}
		if !ValidCode(s.OldCode) {
			p.Add(Path(prefix, "old_code"), "must be a unit code such as 05596")
		}
		if !ValidCode(s.NewCode) {
			p.Add(Path(prefix, "new_code"), "must be a unit code such as 05581")
		}
		if s.Share != ShareFull && s.Share != SharePartial {
			p.Addf(Path(prefix, "share"), "must be full or partial, not %q", s.Share)
		}
		k := [2]string{s.OldCode, s.NewCode}
		if first, dup := seen[k]; dup {
			p.Addf(prefix, "the pair %s → %s is already on line %d", s.OldCode, s.NewCode, first)
		}
		seen[k] = line
		out = append(out, s)
		if len(out) > 10*MaxUnitsCSVRows {
			return nil, Errorf(EINVALID, "the map has more than %d lines", 10*MaxUnitsCSVRows)
		}
		if p.Len() > 1000 {
			break
		}
	}
	if err := p.Err("the map has errors; nothing was changed"); err != nil {
		return nil, err
	}
	return out, nil
}
