package models

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// UnitKind is the level of an administrative unit. Reports are made by the
// commune-level kinds (xã, phường, thị trấn, đặc khu); every other kind is a
// parent whose figures are rolled up from the communes below it.
type UnitKind string

const (
	KindCountry     UnitKind = "country"      // quốc gia: the root of the tree
	KindProvince    UnitKind = "province"     // tỉnh, thành phố trực thuộc trung ương
	KindDistrict    UnitKind = "district"     // huyện, quận, thị xã, thành phố thuộc tỉnh (abolished 1 July 2025)
	KindCommune     UnitKind = "commune"      // xã
	KindWard        UnitKind = "ward"         // phường
	KindTown        UnitKind = "town"         // thị trấn
	KindSpecialZone UnitKind = "special_zone" // đặc khu (since 2025)
)

// UnitKinds lists every kind, parents first.
var UnitKinds = []UnitKind{KindCountry, KindProvince, KindDistrict, KindCommune, KindWard, KindTown, KindSpecialZone}

// CommuneKinds are the kinds that make reports.
var CommuneKinds = []UnitKind{KindCommune, KindWard, KindTown, KindSpecialZone}

func (k UnitKind) Valid() bool {
	for _, v := range UnitKinds {
		if k == v {
			return true
		}
	}
	return false
}

// CommuneLevel tells whether units of this kind make reports.
func (k UnitKind) CommuneLevel() bool {
	switch k {
	case KindCommune, KindWard, KindTown, KindSpecialZone:
		return true
	}
	return false
}

// communeNouns are the commune-level kinds as a sentence names them.
var communeNouns = map[UnitKind]string{KindCommune: "xã", KindWard: "phường", KindTown: "thị trấn", KindSpecialZone: "đặc khu"}

// Noun is how a sentence names a commune-level kind: "xã", "phường",
// "thị trấn", "đặc khu"; "" for another kind.
func (k UnitKind) Noun() string { return communeNouns[k] }

// CommunesNoun names together the commune-level kinds that present
// says are there, in the order of CommuneKinds: "xã, phường" for a
// province since the 2025 reform, "xã, thị trấn" for a district before
// it; "xã" when none is.
func CommunesNoun(present func(UnitKind) bool) string {
	var parts []string
	for _, k := range CommuneKinds {
		if present(k) {
			parts = append(parts, communeNouns[k])
		}
	}
	if len(parts) == 0 {
		return communeNouns[KindCommune]
	}
	return strings.Join(parts, ", ")
}

// CanParent tells whether a unit of kind k may be the parent of one of kind
// child. Depth is not fixed: since the 2025 reform communes sit directly
// under provinces, while older reports keep their district.
func (k UnitKind) CanParent(child UnitKind) bool {
	switch child {
	case KindCountry:
		return false
	case KindProvince:
		return k == KindCountry
	case KindDistrict:
		return k == KindProvince
	}
	return k == KindProvince || k == KindDistrict
}

// RootCode is the code of the country, the one root of the unit tree. It is
// created by the first migration; a province imported without a parent is
// placed under it.
const RootCode = "VN"

// Unit is an administrative unit of the national list. Its code is the
// official one (a string: leading zeros matter), but codes are reused over
// time (05569 named three places between 2024 and 2025), so a unit is known
// inside the service by an internal id, and a retired unit keeps its reports
// and its place in the tree.
type Unit struct {
	Code       string   `json:"code" example:"05596" validate:"required"`
	Name       string   `json:"name" example:"Xã Bộc Nhiêu" validate:"required"`
	Kind       UnitKind `json:"kind" enums:"country,province,district,commune,ward,town,special_zone" example:"commune" validate:"required"`
	ParentCode *string  `json:"parent_code" example:"167" extensions:"x-nullable" validate:"required"`
	// The first and last day the unit exists; absent when open-ended.
	ValidFrom Date `json:"valid_from,omitzero" swaggertype:"string" format:"date" example:"2025-07-01"`
	ValidTo   Date `json:"valid_to,omitzero" swaggertype:"string" format:"date" example:"2025-06-30"`
}

// UnitList is a page of units.
type UnitList struct {
	Items []Unit `json:"items" validate:"required"`
	Total int64  `json:"total" example:"23" validate:"required"`
}

// UnitFilter selects units for a listing.
type UnitFilter struct {
	ParentCode string
	Kind       UnitKind
	Query      string // folded with Fold before matching
	At         Date   // only units that exist on this date; zero for units not retired
	Page       Page
}

// UnitInput is the body of POST /units: a new unit.
type UnitInput struct {
	Code       string   `json:"code" example:"05596" validate:"required" minLength:"1" maxLength:"12"`
	Name       string   `json:"name" example:"Xã Bộc Nhiêu" validate:"required" minLength:"1" maxLength:"200"`
	Kind       UnitKind `json:"kind" enums:"country,province,district,commune,ward,town,special_zone" example:"commune" validate:"required"`
	ParentCode string   `json:"parent_code" example:"167"` // required for every kind but a province (placed under VN when left out) and the country
	ValidFrom  Date     `json:"valid_from,omitzero" swaggertype:"string" format:"date" extensions:"x-nullable"`
	ValidTo    Date     `json:"valid_to,omitzero" swaggertype:"string" format:"date" extensions:"x-nullable"`
}

// UnitPatch is the body of PATCH /units/{code}: the fields to change. A
// field left out keeps its value; valid_from and valid_to may be set to
// null to clear them. The code cannot change: a new code is a new unit.
// At least one field must be given: an empty body is refused.
type UnitPatch struct {
	Name       *string   `json:"name,omitempty" example:"Xã Bộc Nhiêu" minLength:"1" maxLength:"200"`
	Kind       *UnitKind `json:"kind,omitempty" enums:"country,province,district,commune,ward,town,special_zone"`
	ParentCode *string   `json:"parent_code,omitempty" example:"167"`
	ValidFrom  *Date     `json:"valid_from,omitempty" swaggertype:"string" format:"date" extensions:"x-nullable"`
	ValidTo    *Date     `json:"valid_to,omitempty" swaggertype:"string" format:"date" extensions:"x-nullable"`

	ClearValidFrom bool `json:"-"` // valid_from: null was sent
	ClearValidTo   bool `json:"-"` // valid_to: null was sent
}

// ParseUnitPatch reads a PATCH body, telling a field sent as null (clear
// it) from one left out (keep it), and reports every problem at once.
func ParseUnitPatch(body []byte) (UnitPatch, error) {
	var out UnitPatch
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) || len(bytes.TrimSpace(body)) == 0 {
			return out, Errorf(EMALFORMED, "the request body is not a JSON object")
		}
		return out, &Error{Code: EINVALID, Message: "the change is not valid", Fields: []FieldError{{Field: "body", Message: "must be an object"}}}
	}
	var p Problems
	if len(raw) == 0 {
		p.Add("body", "names no field to change")
	}
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		v := raw[k]
		null := string(bytes.TrimSpace(v)) == "null"
		switch k {
		case "name", "kind", "parent_code":
			var s string
			if null || json.Unmarshal(v, &s) != nil {
				p.Add(k, "must be a string")
				continue
			}
			switch k {
			case "name":
				out.Name = &s
			case "kind":
				kind := UnitKind(strings.TrimSpace(s))
				out.Kind = &kind
			case "parent_code":
				out.ParentCode = &s
			}
		case "valid_from", "valid_to":
			var d Date
			if err := d.UnmarshalJSON(v); err != nil {
				p.Add(k, err.Error())
				continue
			}
			switch {
			case k == "valid_from" && null:
				out.ClearValidFrom = true
			case k == "valid_from":
				out.ValidFrom = &d
			case null:
				out.ClearValidTo = true
			default:
				out.ValidTo = &d
			}
		case "code":
			p.Add(k, "cannot be changed: a new code is a new unit; create it and retire this one with valid_to")
		default:
			p.Add(k, "is not a known field")
		}
	}
	if err := p.Err("the change is not valid"); err != nil {
		return out, err
	}
	if out.Name != nil {
		n := NFC(*out.Name)
		out.Name = &n
	}
	return out, nil
}

// Limits on unit fields.
const (
	MaxUnitCodeLen = 12
	MaxUnitNameLen = 200
)

// UnitCodePattern is ValidCode as a regular expression, for the OpenAPI
// document.
const UnitCodePattern = `^[0-9A-Z]{1,12}$`

// ValidCode tells whether code looks like a unit code: 1 to 12 digits or
// capital letters ("05596", "VN").
func ValidCode(code string) bool {
	if code == "" || len(code) > MaxUnitCodeLen {
		return false
	}
	for _, c := range code {
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// Normalize trims and NFC-normalises the input's text.
func (in *UnitInput) Normalize() {
	in.Code = strings.TrimSpace(in.Code)
	in.Name = NFC(strings.TrimSpace(in.Name))
	in.ParentCode = strings.TrimSpace(in.ParentCode)
	in.Kind = UnitKind(strings.TrimSpace(string(in.Kind)))
}

// Validate checks one unit on its own; the store checks what needs the
// tree (the parent exists and may hold such a child, the code is free).
func (in *UnitInput) Validate(p *Problems, prefix string) {
	if !ValidCode(in.Code) {
		p.Add(Path(prefix, "code"), "must be 1 to 12 digits or capital letters, such as 05596")
	}
	if in.Name == "" {
		p.Add(Path(prefix, "name"), "is required")
	} else {
		CheckText(p, Path(prefix, "name"), in.Name, MaxUnitNameLen)
	}
	if !in.Kind.Valid() {
		p.Addf(Path(prefix, "kind"), "must be one of %s", kindList())
	}
	if in.Kind == KindCountry && in.ParentCode != "" {
		p.Add(Path(prefix, "parent_code"), "a country has no parent")
	}
	if in.Kind.Valid() && in.Kind != KindCountry && in.Kind != KindProvince && in.ParentCode == "" {
		p.Addf(Path(prefix, "parent_code"), "is required for a %s", in.Kind)
	}
	if in.ParentCode != "" && !ValidCode(in.ParentCode) {
		p.Add(Path(prefix, "parent_code"), "must be a unit code such as 167")
	}
	if !in.ValidFrom.IsZero() && !in.ValidTo.IsZero() && in.ValidTo.Before(in.ValidFrom) {
		p.Add(Path(prefix, "valid_to"), "must not be before valid_from")
	}
}

func kindList() string {
	s := make([]string, len(UnitKinds))
	for i, k := range UnitKinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// ExistsOn tells whether a unit valid from..to exists on day d.
func ExistsOn(from, to, d Date) bool {
	return (from.IsZero() || !d.Before(from)) && (to.IsZero() || !d.After(to))
}

// ExistsDuring tells whether a unit valid from..to exists on some day of p.
func ExistsDuring(from, to Date, p Period) bool {
	return (from.IsZero() || !p.LastDay().Before(from)) && (to.IsZero() || !p.FirstDay().After(to))
}

// Page is a requested page of a listing: 1-based, with a per-page size
// capped by the listing.
type Page struct {
	Number  int
	PerPage int
}

// Offset is the number of items before the page.
func (p Page) Offset() int { return (p.Number - 1) * p.PerPage }

// ParsePage reads page and per_page query values, defaulting to page 1 of
// def items and refusing sizes above max.
func ParsePage(p *Problems, page, perPage string, def, max int) Page {
	pg := Page{Number: 1, PerPage: def}
	if page != "" {
		if n, ok := atoiStrict(page); ok && n >= 1 && n <= 1_000_000 {
			pg.Number = n
		} else {
			p.Add("page", "must be a whole number from 1")
		}
	}
	if perPage != "" {
		if n, ok := atoiStrict(perPage); ok && n >= 1 && n <= max {
			pg.PerPage = n
		} else {
			p.Addf("per_page", "must be a whole number from 1 to %d", max)
		}
	}
	return pg
}

func atoiStrict(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// String describes a unit for messages: "Xã Bộc Nhiêu (05596)".
func (u Unit) String() string { return fmt.Sprintf("%s (%s)", u.Name, u.Code) }
