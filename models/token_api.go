package models

import "time"

// MaxTokenDays bounds expires_in_days: ten years.
const MaxTokenDays = 3650

// MaxTokenName bounds a token's name.
const MaxTokenName = 200

// TokenRequest is the body of POST /api/v1/tokens.
type TokenRequest struct {
	Role          Role   `json:"role" enums:"admin,district,commune" example:"commune" validate:"required"`
	UnitCode      string `json:"unit_code,omitempty" example:"05596"`                             // required for district and commune tokens; none for admin
	Name          string `json:"name,omitempty" example:"Phần mềm một cửa xã Bộc Nhiêu"`          // who or what uses the token: it names the token in lists and in the audit trail
	ExpiresInDays *int   `json:"expires_in_days,omitempty" example:"365" extensions:"x-nullable"` // the token stops working after this many days; left out, it does not expire
}

// Input checks the request and turns it into a TokenInput; problems are
// named by the fields of the request.
func (in TokenRequest) Input() (TokenInput, error) {
	out := TokenInput{Role: in.Role, UnitCode: in.UnitCode, Name: in.Name}
	var p Problems
	if d := in.ExpiresInDays; d != nil {
		if *d < 1 || *d > MaxTokenDays {
			p.Addf("expires_in_days", "must be a whole number of days from 1 to %d, or left out for a token that does not expire", MaxTokenDays)
		} else {
			out.TTL = time.Duration(*d) * 24 * time.Hour
		}
	}
	if err := out.Validate(); err != nil {
		if e, ok := err.(*Error); ok {
			for _, f := range e.Fields {
				code := f.Code
				if code == "" {
					code = FInvalid
				}
				p.AddCode(TokenRequestField(f.Field), code, f.Message)
			}
		} else {
			return out, err
		}
	}
	return out, p.Err("the token cannot be created")
}

// TokenRequestField renames the fields of TokenInput's problems to those of the
// request.
func TokenRequestField(f string) string {
	switch f {
	case "unit":
		return "unit_code"
	case "expires":
		return "expires_in_days"
	}
	return f
}

// CreatedToken is the answer to POST /api/v1/tokens: the only time the
// secret is shown.
type CreatedToken struct {
	ID        int64      `json:"id" example:"7" validate:"required"`
	Token     string     `json:"token" example:"dgo_J7949PQwwPblt1XxVg2xGuXuhtj4UNkJ8Yj3TV3WNxA" validate:"required"` // the secret: shown in this answer and never again; send it as Authorization: Bearer …
	Role      Role       `json:"role" enums:"admin,district,commune" example:"commune" validate:"required"`
	UnitCode  string     `json:"unit_code,omitempty" example:"05596"`
	Name      string     `json:"name" example:"Phần mềm một cửa xã Bộc Nhiêu" validate:"required"`
	ExpiresAt *time.Time `json:"expires_at" format:"date-time" example:"2027-11-27T01:30:00Z" extensions:"x-nullable" validate:"required"` // null: does not expire
}

// TokenList is GET /api/v1/tokens: every token, oldest first, never a secret.
type TokenList struct {
	Items []Token `json:"items" validate:"required"`
	Total int     `json:"total" example:"3" validate:"required"`
}
