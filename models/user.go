package models

import (
	"regexp"
	"time"
)

// User is a person who signs in to the web app: a login, a role and a unit
// exactly like a token's, so that the same scope rules apply. Never its
// password, which is stored only as an argon2id hash.
type User struct {
	ID        int64      `json:"id"`
	Login     string     `json:"login"`
	Name      string     `json:"name"`
	Role      Role       `json:"role"`
	UnitCode  string     `json:"unit_code,omitempty"`
	CreatedAt time.Time  `json:"created_at"`
	Disabled  *time.Time `json:"disabled_at,omitempty"`
}

// UserInput asks for a new account.
type UserInput struct {
	Login    string
	Role     Role
	UnitCode string // required for district and commune accounts
	Name     string
	Password string // empty: one is generated
}

var loginPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,63}$`)

// MinPasswordLen is the shortest password a person may choose; generated
// ones are longer.
const MinPasswordLen = 10

// Validate checks the input on its own; the store checks the unit and that
// the login is free.
func (in UserInput) Validate() error {
	var p Problems
	if !loginPattern.MatchString(in.Login) {
		p.Add("login", "must be 2 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit")
	}
	checkRoleUnit(&p, in.Role, in.UnitCode, "account")
	CheckText(&p, "name", in.Name, 200)
	if in.Password != "" {
		CheckPassword(&p, in.Password)
	}
	return p.Err("the account cannot be created")
}

// CheckPassword adds a problem if pw is too short or too long to be a
// password.
func CheckPassword(p *Problems, pw string) {
	switch n := TextLen(pw); {
	case n < MinPasswordLen:
		p.Addf("password", "must be at least %d characters", MinPasswordLen)
	case n > 200:
		p.Add("password", "must be at most 200 characters")
	}
}

// SessionUser is who a web session belongs to, with what the pages need
// besides the principal: the login, and the token that every form of the
// session carries against cross-site request forgery.
type SessionUser struct {
	Principal Principal
	UserID    int64
	Login     string
	Name      string
	CSRF      string
}
