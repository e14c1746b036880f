package models

// Problem is an error answer, RFC 9457 application/problem+json. Code is
// the application's error code (stable, for programs to switch on); Errors
// lists each problem of the request with its field path.
type Problem struct {
	Type      string `json:"type" example:"about:blank" validate:"required"`
	Title     string `json:"title" example:"Unprocessable Entity" validate:"required"`
	Status    int    `json:"status" example:"422" validate:"required"`
	Detail    string `json:"detail" example:"the report has errors; nothing was stored" validate:"required"`
	Instance  string `json:"instance,omitempty" example:"/api/v1/reports"`
	Code      string `json:"code" enums:"malformed,unauthorized,forbidden,not_found,method_not_allowed,conflict,report_locked,draft_after_submission,review_of_draft,idempotency_key_in_flight,precondition_failed,too_large,unsupported_media_type,invalid,idempotency_key_reused,unit_ended,rate_limited,unavailable,internal" example:"invalid" validate:"required"`
	RequestID string `json:"request_id,omitempty" example:"8f14e45fceea167a"`
	// MessageCode says which sentence detail is, for a problem of no
	// field that has one (errors[] entries carry their own), stable, to
	// pick the words of a translation; Params are the values it names.
	MessageCode string `json:"message_code,omitempty" example:"unit_out_of_scope"`
	Params      Params `json:"params,omitempty" swaggertype:"object"`
	// Every problem found, each with its field, up to MaxProblemErrors;
	// errors_total says how many there were when there were more.
	Errors      []FieldError `json:"errors,omitempty"`
	ErrorsTotal int          `json:"errors_total,omitempty" example:"0"`
	// For unit_ended: the last day of the unit, and the units that report
	// for its territory since.
	ValidTo    Date        `json:"valid_to,omitzero" swaggertype:"string" format:"date" example:"2025-06-30"`
	Successors []Successor `json:"successors,omitzero"`
}

// MaxProblemErrors is the most entries errors[] lists.
const MaxProblemErrors = 100

// Codes for problems that the HTTP layer finds before any handler runs.
const (
	EMETHOD    = "method_not_allowed"     // 405
	ETOOLARGE  = "too_large"              // 413
	EMEDIATYPE = "unsupported_media_type" // 415
)
