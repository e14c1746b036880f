package models

import (
	"strings"
	"time"
)

// Completeness says which communes below a unit have reported for a
// period: on time, late, or not at all.
type Completeness struct {
	Unit     UnitRef `json:"unit" validate:"required"`
	Period   string  `json:"period" example:"2024" validate:"required"`
	Expected int     `json:"expected" example:"23" validate:"required"` // commune-level units that exist on the period's last day
	Reported int     `json:"reported" example:"20" validate:"required"` // a submission that was not a draft: submitted, returned or accepted
	Accepted int     `json:"accepted" example:"12" validate:"required"`
	Returned int     `json:"returned" example:"2" validate:"required"`
	Draft    int     `json:"draft" example:"1" validate:"required"`
	Missing  int     `json:"missing" example:"2" validate:"required"`
	OnTime   int     `json:"on_time" example:"17" validate:"required"`
	Late     int     `json:"late" example:"3" validate:"required"`
	// The due date that applies to the unit (set on it or on a unit above
	// it); null if none is set. Communes below may have their own.
	DueDate *Date `json:"due_date" swaggertype:"string" format:"date" example:"2024-11-25" extensions:"x-nullable" validate:"required"`
	// One page of the communes (page and per_page of the query), ordered
	// by code; total is how many there are on every page (the expected
	// ones, and any commune retired before the period ended that reported).
	Units   []CompletenessUnit `json:"units" validate:"required"`
	Total   int                `json:"total" example:"23" validate:"required"`
	Page    int                `json:"page" example:"1" validate:"required"`
	PerPage int                `json:"per_page" example:"500" validate:"required"`
	// tree=: the day whose tree the communes are regrouped in (the units
	// listed are those of the period whose reports count in unit), and the
	// communes divided by a reorganisation since.
	Tree          string          `json:"tree,omitempty" example:"2025-07-01"`
	NotComparable []NotComparable `json:"not_comparable,omitzero"`
}

// CompletenessUnit is one commune's state.
type CompletenessUnit struct {
	Code             string     `json:"code" example:"05596" validate:"required"`
	Name             string     `json:"name" example:"Xã Bộc Nhiêu" validate:"required"`
	Status           string     `json:"status" enums:"missing,draft,submitted,returned,accepted" example:"submitted" validate:"required"`
	FirstSubmittedAt *time.Time `json:"first_submitted_at" format:"date-time" example:"2024-11-20T08:04:05Z" extensions:"x-nullable" validate:"required"`
	DueDate          *Date      `json:"due_date" swaggertype:"string" format:"date" extensions:"x-nullable" validate:"required"`
	// Whether the first submission came before the end of the due date in
	// Vietnam time; null when the commune has not reported or no due date
	// applies.
	OnTime *bool `json:"on_time" extensions:"x-nullable" validate:"required"`
}

// StatusMissing is the completeness status of a commune with no report.
const StatusMissing = "missing"

// MaxDeadlineReference is the most characters of a deadline's reference.
const MaxDeadlineReference = 200

// DeadlineInput is the body of PUT /deadlines/{unit}/{period}.
type DeadlineInput struct {
	DueDate   Date   `json:"due_date" swaggertype:"string" format:"date" example:"2024-11-25" validate:"required"`
	Reference string `json:"reference" example:"7253/UBND-VP" maxLength:"200" extensions:"x-nullable"` // the request letter that set it
}

// Validate checks a deadline.
func (in *DeadlineInput) Validate(p *Problems) {
	in.Reference = NFC(strings.TrimSpace(in.Reference))
	if in.DueDate.IsZero() {
		p.Add("due_date", "is required, written YYYY-MM-DD")
	}
	CheckText(p, "reference", in.Reference, MaxDeadlineReference)
}

// Deadline is the due date that applies to a unit for a period.
type Deadline struct {
	UnitCode  string    `json:"unit_code" example:"05596" validate:"required"`
	Period    string    `json:"period" example:"2024" validate:"required"`
	DueDate   Date      `json:"due_date" swaggertype:"string" format:"date" example:"2024-11-25" validate:"required"`
	Reference string    `json:"reference" example:"7253/UBND-VP" validate:"required"`
	SetOn     string    `json:"set_on" example:"167" validate:"required"` // the unit it was set on: this one or one above
	SetBy     string    `json:"set_by" example:"Phòng Nội vụ huyện Định Hóa" validate:"required"`
	SetAt     time.Time `json:"set_at" format:"date-time" example:"2024-11-08T09:00:00Z" validate:"required"`
}
