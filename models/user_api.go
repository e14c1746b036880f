package models

// UserRequest is the body of POST /api/v1/users.
type UserRequest struct {
	Login    string `json:"login" example:"xa05581" validate:"required"` // 2 to 64 characters: lower-case letters, digits, '.', '_' or '-'
	Role     Role   `json:"role" enums:"admin,district,commune" example:"commune" validate:"required"`
	UnitCode string `json:"unit_code,omitempty" example:"05581"` // required for district and commune accounts; none for admin
	Name     string `json:"name" example:"Văn phòng UBND xã Trung Hội" validate:"required"`
	Email    string `json:"email,omitempty" example:"vanphong.trunghoi@thainguyen.gov.vn"` // where reminders go; optional
}

// Input is the request as the use case takes it.
func (r UserRequest) Input() UserInput {
	return UserInput{Login: r.Login, Role: r.Role, UnitCode: r.UnitCode, Name: r.Name, Email: r.Email}
}

// CreatedUser is the answer to POST /api/v1/users, …/reset-password and
// each row of an import: the only time the password is shown.
type CreatedUser struct {
	User
	Password string `json:"password" example:"k7mq-4xwz-p2hd-9rtn" validate:"required"` // shown in this answer and never again; the service keeps only its argon2id hash
}

// UserList is GET /api/v1/users: accounts by login, never a password or
// its hash.
type UserList struct {
	Items []User `json:"items" validate:"required"`
	Total int    `json:"total" example:"93" validate:"required"`
}

// UserMoveRequest is the body of POST /api/v1/users/{login}/move.
type UserMoveRequest struct {
	UnitCode string `json:"unit_code" example:"05581" validate:"required"` // the unit the account is bound to from now on (the successor of an ended one)
}

// ImportedUsers is the answer to POST /api/v1/users/import: every account
// created, each with its password shown this once, and the address where
// they sign in.
type ImportedUsers struct {
	Items    []CreatedUser `json:"items" validate:"required"`
	Total    int           `json:"total" example:"92" validate:"required"`
	SignInAt string        `json:"sign_in_at" example:"https://baocao.thainguyen.gov.vn/login" validate:"required"` // the sign-in address printed on each person's slip
}
