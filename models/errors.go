// Package models holds the domain of doingoai: administrative units, tokens
// and roles, periods, the commune foreign-affairs report with its validation,
// the indicator catalogue and how each indicator rolls up. It depends on no
// database and no HTTP framework.
package models

import (
	"errors"
	"fmt"
	"strconv"
)

// Application error codes. They say what went wrong in domain terms; the
// api package turns each into an HTTP status in exactly one place.
const (
	EMALFORMED    = "malformed"           // the request cannot be parsed (400)
	EUNAUTHORIZED = "unauthorized"        // no valid token (401)
	EFORBIDDEN    = "forbidden"           // a valid token outside its scope (403)
	ENOTFOUND     = "not_found"           // the thing does not exist (404)
	ECONFLICT     = "conflict"            // the thing's state forbids the change (409)
	EPRECONDITION = "precondition_failed" // a stale If-Match (412)
	EINVALID      = "invalid"             // the content is wrong; Fields lists each problem (422)
	ERATELIMIT    = "rate_limited"        // too many requests (429)
	EUNAVAILABLE  = "unavailable"         // the service is shutting down or overloaded (503)
	EINTERNAL     = "internal"            // a bug or an outage; details go to the log only (500)
)

// FieldError names one problem of a request body or query and where it is,
// as a path such as "ngo_aid.projects[2].committed_vnd".
type FieldError struct {
	Field   string `json:"field" example:"delegations.inbound_foreign.count" validate:"required"`
	Code    string `json:"code" enums:"required,unknown_field,read_only,duplicate_field,wrong_type,bad_format,not_allowed,bad_text,invisible_character,too_long,too_many_entries,out_of_range,too_many_decimals,count_mismatch,inconsistent,date_order,unknown_unit,unit_ended,path_mismatch,idempotency_key_reused,taken,out_of_scope,invalid" example:"out_of_range" validate:"required"` // what is wrong, stable, for programs (RULES.md lists the codes)
	Message string `json:"message" example:"must not be negative" validate:"required"`
	// MessageCode says which sentence of its code the message is (a code
	// such as out_of_range has several), stable, to pick the words of a
	// translation; Params are the values it names, by name: numbers,
	// dates (YYYY-MM-DD) and periods (2024, 2024S1).
	MessageCode string `json:"message_code,omitempty" example:"negative"`
	Params      Params `json:"params,omitempty" swaggertype:"object"`
}

// Error is a domain error: a code, a message a person understands, and for
// EINVALID the list of every problem found. Err, when set, is the distinct
// reason among several of one code (such as ErrReportLocked among the
// conflicts), for errors.Is.
type Error struct {
	Code    string
	Message string
	Fields  []FieldError
	Err     error
	// Ended, for ErrUnitEnded, says when the unit ended and who took it
	// over (the problem's valid_to and successors).
	Ended *Ended
	// MessageCode and Params say Message by the catalogue's code
	// (messages.go), for an error of no field: a page says it in
	// Vietnamese (Vietnamese), the API as the problem's message_code and
	// params.
	MessageCode string
	Params      Params
}

// Vietnamese returns the catalogue's words for the error's message code,
// or its English message when it has none.
func (e *Error) Vietnamese() string { return VietnameseMessage(e.MessageCode, e.Params, e.Message) }

// Errorm returns an *Error with the given code, its message code and
// params, and its English message formatted.
func Errorm(code, msgCode string, params Params, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), MessageCode: msgCode, Params: params}
}

// WithMessage gives err, an *Error without a message code, the message
// code and params (its English message unchanged); any other error is
// returned as it is.
func WithMessage(err error, msgCode string, params Params) error {
	var e *Error
	if !errors.As(err, &e) || e.MessageCode != "" {
		return err
	}
	c := *e
	c.MessageCode, c.Params = msgCode, params
	return &c
}

// Unwrap returns the distinct reason, if any.
func (e *Error) Unwrap() error { return e.Err }

func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return e.Code + ": " + e.Message
	}
	return fmt.Sprintf("%s: %s (%d problems, first: %s %s)", e.Code, e.Message, len(e.Fields), e.Fields[0].Field, e.Fields[0].Message)
}

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err if it is (or wraps) an *Error, and
// EINTERNAL for any other non-nil error.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return EINTERNAL
}

// Problems collects field errors while validating, so that a client learns
// of every problem at once instead of one per request.
type Problems struct {
	list []FieldError
}

// Add records a problem at field, of the general code FInvalid.
func (p *Problems) Add(field, message string) {
	p.AddCode(field, FInvalid, message)
}

// Addf records a problem at field with a formatted message.
func (p *Problems) Addf(field, format string, args ...any) {
	p.Add(field, fmt.Sprintf(format, args...))
}

// AddCode records a problem at field with its code.
func (p *Problems) AddCode(field, code, message string) {
	p.list = append(p.list, FieldError{Field: field, Code: code, Message: message})
}

// AddCodef records a problem at field with its code and a formatted message.
func (p *Problems) AddCodef(field, code, format string, args ...any) {
	p.AddCode(field, code, fmt.Sprintf(format, args...))
}

// AddMsg records a problem at field with its code, its message code and
// parameters, and its English message formatted.
func (p *Problems) AddMsg(field, code, msgCode string, params Params, format string, args ...any) {
	p.list = append(p.list, FieldError{Field: field, Code: code, Message: fmt.Sprintf(format, args...), MessageCode: msgCode, Params: params})
}

// AddField records a problem as it is, message code and params kept.
func (p *Problems) AddField(f FieldError) {
	p.list = append(p.list, f)
}

// AddErr records err as a problem at field with its code; the message code
// and parameters of a *MessageError are kept.
func (p *Problems) AddErr(field, code string, err error) {
	p.list = append(p.list, ProblemOf(field, code, err))
}

// ProblemOf is err as a problem at field with its code; the message code
// and parameters of a *MessageError are kept.
func ProblemOf(field, code string, err error) FieldError {
	f := FieldError{Field: field, Code: code, Message: err.Error()}
	var m *MessageError
	if errors.As(err, &m) {
		f.MessageCode, f.Params = m.Code, m.Params
	}
	return f
}

// Len is the number of problems recorded.
func (p *Problems) Len() int { return len(p.list) }

// List returns the problems recorded, in the order found.
func (p *Problems) List() []FieldError { return p.list }

// Err returns nil when nothing was recorded, otherwise an EINVALID *Error
// carrying every problem.
func (p *Problems) Err(message string) error {
	if len(p.list) == 0 {
		return nil
	}
	return &Error{Code: EINVALID, Message: message, Fields: p.list}
}

// Path joins a field path and a child name: Path("profile", "households").
func Path(parent, child string) string {
	if parent == "" {
		return child
	}
	return parent + "." + child
}

// Index appends a list index to a field path: Index("items", 2) = "items[2]".
func Index(parent string, i int) string {
	return parent + "[" + strconv.Itoa(i) + "]"
}
