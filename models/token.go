package models

import (
	"context"
	"time"
)

// TokenPrefix starts every API token's secret (secure.NewTokenSecret), so
// that secret scanners and people can recognise one in a log or a paste.
const TokenPrefix = "dgo_"

// Role is what a token may do.
//   - admin: everything, everywhere.
//   - district: bound to a unit (a district, a province, or the country);
//     reads, reviews, rolls up and submits on behalf of every commune below.
//   - commune: bound to one commune-level unit; submits and reads its own
//     reports.
type Role string

const (
	RoleAdmin    Role = "admin"
	RoleDistrict Role = "district"
	RoleCommune  Role = "commune"
	// RoleSystem marks what is done from the command line, not through a
	// token (it appears in revisions and the audit trail).
	RoleSystem Role = "system"
)

func (r Role) Valid() bool {
	return r == RoleAdmin || r == RoleDistrict || r == RoleCommune
}

// Token is an API token as listed to an administrator: never its secret,
// which is shown once at creation and stored only as a SHA-256 hash.
type Token struct {
	ID         int64      `json:"id" example:"7" validate:"required"`
	Name       string     `json:"name" example:"Phần mềm một cửa xã Bộc Nhiêu" validate:"required"`
	Role       Role       `json:"role" enums:"admin,district,commune" example:"commune" validate:"required"`
	UnitCode   string     `json:"unit_code,omitempty" example:"05596"` // none for an admin token
	CreatedAt  time.Time  `json:"created_at" format:"date-time" example:"2026-11-27T01:30:00Z" validate:"required"`
	ExpiresAt  *time.Time `json:"expires_at,omitempty" format:"date-time" example:"2027-11-27T01:30:00Z"`   // left out: does not expire
	RevokedAt  *time.Time `json:"revoked_at,omitempty" format:"date-time" example:"2026-12-01T08:00:00Z"`   // left out: not revoked
	LastUsedAt *time.Time `json:"last_used_at,omitempty" format:"date-time" example:"2026-11-28T02:15:00Z"` // to about 30 seconds; left out: never used
}

// TokenInput asks for a new token.
type TokenInput struct {
	Role     Role
	UnitCode string // required for district and commune tokens
	Name     string
	TTL      time.Duration // 0 for a token that does not expire
}

// checkRoleUnit checks the role of a token or an account (what) and that
// it has a unit code exactly when the role is bound to a unit.
func checkRoleUnit(p *Problems, role Role, unitCode, what string) {
	if !role.Valid() {
		p.Add("role", "must be admin, district or commune")
	}
	if role == RoleAdmin && unitCode != "" {
		p.Add("unit", "an admin "+what+" is not bound to a unit")
	}
	if (role == RoleDistrict || role == RoleCommune) && unitCode == "" {
		p.Addf("unit", "a %s "+what+" needs the code of its unit", role)
	}
}

// Validate checks the input on its own; the store checks the unit.
func (in TokenInput) Validate() error {
	var p Problems
	checkRoleUnit(&p, in.Role, in.UnitCode, "token")
	CheckText(&p, "name", in.Name, MaxTokenName)
	if in.TTL < 0 {
		p.Add("expires", "must be a positive duration")
	}
	return p.Err("the token cannot be created")
}

// Principal is who makes a request: the token's id, name and role, and the
// unit it is bound to.
type Principal struct {
	TokenID  int64
	Name     string
	Role     Role
	UnitID   int64 // 0 for admin
	UnitCode string
}

// Actor is how the principal is named in revisions and the audit trail.
func (p Principal) Actor() string {
	if p.Name != "" {
		return p.Name
	}
	return string(p.Role)
}

type principalKey struct{}

// WithPrincipal returns ctx carrying p.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// PrincipalFrom returns the principal of an authenticated request.
func PrincipalFrom(ctx context.Context) (Principal, bool) {
	p, ok := ctx.Value(principalKey{}).(Principal)
	return p, ok
}

// MayReadTotals is the rule that communes read no totals: rollups,
// completeness, overviews and the consolidated report are for the levels
// above (EFORBIDDEN for a commune). The API and the pages both ask it.
func (p Principal) MayReadTotals() error {
	if p.Role == RoleCommune {
		return Errorf(EFORBIDDEN, "a commune token or account cannot read rollups or completeness; ask the level above")
	}
	return nil
}

// RequireRole returns EFORBIDDEN unless the principal has one of roles.
func (p Principal) RequireRole(roles ...Role) error {
	for _, r := range roles {
		if p.Role == r {
			return nil
		}
	}
	return Errorf(EFORBIDDEN, "a %s token cannot do this", p.Role)
}
