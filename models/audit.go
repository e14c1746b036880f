package models

import (
	"encoding/json"
	"time"
)

// Audit actions: what an audit event records.
const (
	ActionReportSubmit = "report.submit" // a revision submitted (or saved as a draft)
	ActionReportReview = "report.review" // accepted or returned by the district
	ActionDeadlineSet  = "deadline.set"
	ActionTokenCreate  = "token.create"
	ActionTokenRevoke  = "token.revoke"
	ActionUnitCreate   = "unit.create"
	ActionUnitUpdate   = "unit.update"
	ActionUnitsImport  = "units.import"
	ActionUnitsReform  = "units.reform" // a reorganisation applied (units reform)
	// People and their sessions (the web app).
	ActionUserCreate        = "user.create"
	ActionUserDisable       = "user.disable"
	ActionUserResetPassword = "user.reset_password"
	ActionUserSignIn        = "user.sign_in"
	ActionUserMove          = "user.move"     // bound to another unit (the successor of one that ended)
	ActionReminderSend      = "reminder.send" // a commune reminded that its report is awaited
)

// AuditEvent is one entry of the append-only audit trail: who (the token's
// id, name and role), did what, to which report or unit, when, and the
// state before and after in Detail.
type AuditEvent struct {
	ID       int64           `json:"id" example:"42" validate:"required"`
	At       time.Time       `json:"at" format:"date-time" example:"2024-11-22T02:30:00Z" validate:"required"`
	TokenID  *int64          `json:"token_id" extensions:"x-nullable" validate:"required"`
	Actor    string          `json:"actor" example:"UBND huyện Định Hóa" validate:"required"`
	Role     Role            `json:"role" enums:"admin,district,commune,system" example:"district" validate:"required"`
	Action   string          `json:"action" enums:"report.submit,report.review,deadline.set,token.create,token.revoke,unit.create,unit.update,units.import,units.reform,user.create,user.disable,user.reset_password,user.sign_in,user.move,reminder.send" example:"report.review" validate:"required"`
	UnitCode *string         `json:"unit_code" example:"05596" extensions:"x-nullable" validate:"required"`
	Period   *string         `json:"period" example:"2024" extensions:"x-nullable" validate:"required"`
	Revision *int            `json:"revision" example:"2" extensions:"x-nullable" validate:"required"`
	Detail   json.RawMessage `json:"detail" swaggertype:"object" validate:"required"`
}

// AuditList is a page of the audit trail, newest first.
type AuditList struct {
	Items []AuditEvent `json:"items" validate:"required"`
	Total int64        `json:"total" example:"120" validate:"required"`
}

// AuditFilter selects audit events.
type AuditFilter struct {
	Period string
	Since  time.Time
	Page   Page
}

// CommandLine is the principal of commands run on the server itself
// (units import, token create): they hold the database, so they hold every
// right, and the audit trail names them.
var CommandLine = Principal{Name: "command line", Role: RoleSystem}
