package models

import (
	"net/mail"
	"regexp"
	"strings"
	"time"
)

// User is a person who signs in to the web app: a login, a role and a unit
// exactly like a token's, so that the same scope rules apply. Never its
// password, which is stored only as an argon2id hash.
type User struct {
	ID       int64  `json:"id" example:"12" validate:"required"`
	Login    string `json:"login" example:"xa05581" validate:"required"`
	Name     string `json:"name" example:"Văn phòng UBND xã Trung Hội" validate:"required"`
	Role     Role   `json:"role" enums:"admin,district,commune" example:"commune" validate:"required"`
	UnitCode string `json:"unit_code,omitempty" example:"05581"` // none for an admin
	UnitName string `json:"unit_name,omitempty" example:"Xã Trung Hội"`
	// The last day of the account's unit when it has ended (merged or
	// divided by a reorganisation): the account still signs in and reads
	// the unit's past periods; an officer moves it to the successor.
	UnitValidTo *Date `json:"unit_valid_to,omitempty" swaggertype:"string" format:"date" example:"2025-06-30"`
	// With unit_valid_to: the units that report for the ended unit's
	// territory now (its successors, followed to the units of today).
	UnitSuccessors []UnitLink `json:"unit_successors,omitempty"`
	Email          string     `json:"email,omitempty" example:"vanphong.trunghoi@thainguyen.gov.vn"`
	CreatedAt      time.Time  `json:"created_at" format:"date-time" example:"2026-12-07T02:00:00Z" validate:"required"`
	Disabled       *time.Time `json:"disabled_at,omitempty" format:"date-time" example:"2026-12-08T02:00:00Z"` // left out: active
}

// UserInput asks for a new account.
type UserInput struct {
	Login    string
	Role     Role
	UnitCode string // required for district and commune accounts
	Name     string
	Email    string // optional
	Password string // empty: one is generated
}

// Normalize trims what is typed around the values and lower-cases the
// login and the email, as every door (API, page, file, command) must.
func (in *UserInput) Normalize() {
	in.Login = strings.ToLower(strings.TrimSpace(in.Login))
	in.Role = Role(strings.ToLower(strings.TrimSpace(string(in.Role))))
	in.UnitCode = strings.TrimSpace(in.UnitCode)
	in.Name = NFC(strings.TrimSpace(in.Name))
	in.Email = strings.ToLower(strings.TrimSpace(in.Email))
}

var loginPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,63}$`)

// MinPasswordLen is the shortest password a person may choose; generated
// ones are longer.
const MinPasswordLen = 10

// Validate checks the input on its own; the store checks the unit and that
// the login is free.
func (in UserInput) Validate() error {
	var p Problems
	in.Check(&p, "")
	return p.Err("the account cannot be created")
}

// Check adds the input's problems to p, each at its field below prefix
// (a line of a file: "line 3").
func (in UserInput) Check(p *Problems, prefix string) {
	if !loginPattern.MatchString(in.Login) {
		p.AddCode(Path(prefix, "login"), FBadFormat, "must be 2 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit")
	}
	var q Problems
	checkRoleUnit(&q, in.Role, in.UnitCode, "account")
	for _, f := range q.List() {
		if f.Field == "unit" {
			f.Field = "unit_code"
		}
		p.AddCode(Path(prefix, f.Field), f.Code, f.Message)
	}
	CheckText(p, Path(prefix, "name"), in.Name, MaxUserName)
	if in.Email != "" && !ValidEmail(in.Email) {
		p.AddCode(Path(prefix, "email"), FBadFormat, "must be an email address such as vanphong@xa.gov.vn")
	}
	if in.Password != "" {
		CheckPassword(p, in.Password)
	}
}

// MaxUserName bounds an account's name.
const MaxUserName = 200

// ValidEmail tells whether s is a plain email address (local@domain, the
// domain with a dot), at most 254 characters: what a mail server accepts
// as a recipient, without a display name or brackets.
func ValidEmail(s string) bool {
	if len(s) > 254 || strings.ContainsAny(s, " <>\"\t\r\n") {
		return false
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".") && !strings.Contains(domain, "..")
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
