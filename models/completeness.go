package models

import (
	"strings"
	"time"
)

// Completeness says which communes below a unit have reported for a
// period: on time, late, or not at all.
type Completeness struct {
	Unit     UnitRef `json:"unit"`
	Period   string  `json:"period" example:"2024"`
	Expected int     `json:"expected" example:"23"` // commune-level units that exist on the period's last day
	Reported int     `json:"reported" example:"20"` // a submission that was not a draft: submitted, returned or accepted
	Accepted int     `json:"accepted" example:"12"`
	Returned int     `json:"returned" example:"2"`
	Draft    int     `json:"draft" example:"1"`
	Missing  int     `json:"missing" example:"2"`
	OnTime   int     `json:"on_time" example:"17"`
	Late     int     `json:"late" example:"3"`
	// The due date that applies to the unit (set on it or on a unit above
	// it); null if none is set. Communes below may have their own.
	DueDate *Date              `json:"due_date" swaggertype:"string" format:"date" example:"2024-11-25" extensions:"x-nullable"`
	Units   []CompletenessUnit `json:"units"`
}

// CompletenessUnit is one commune's state.
type CompletenessUnit struct {
	Code             string     `json:"code" example:"05596"`
	Name             string     `json:"name" example:"Xã Bộc Nhiêu"`
	Status           string     `json:"status" enums:"missing,draft,submitted,returned,accepted" example:"submitted"`
	FirstSubmittedAt *time.Time `json:"first_submitted_at" extensions:"x-nullable"`
	DueDate          *Date      `json:"due_date" swaggertype:"string" format:"date" extensions:"x-nullable"`
	// Whether the first submission came before the end of the due date in
	// Vietnam time; null when the commune has not reported or no due date
	// applies.
	OnTime *bool `json:"on_time" extensions:"x-nullable"`
}

// StatusMissing is the completeness status of a commune with no report.
const StatusMissing = "missing"

// DeadlineInput is the body of PUT /deadlines/{unit}/{period}.
type DeadlineInput struct {
	DueDate   Date   `json:"due_date" swaggertype:"string" format:"date" example:"2024-11-25"`
	Reference string `json:"reference" example:"7253/UBND-VP"` // the request letter that set it
}

// Validate checks a deadline.
func (in *DeadlineInput) Validate(p *Problems) {
	in.Reference = NFC(strings.TrimSpace(in.Reference))
	if in.DueDate.IsZero() {
		p.Add("due_date", "is required, written YYYY-MM-DD")
	}
	CheckText(p, "reference", in.Reference, 200)
}

// Deadline is the due date that applies to a unit for a period.
type Deadline struct {
	UnitCode  string    `json:"unit_code" example:"05596"`
	Period    string    `json:"period" example:"2024"`
	DueDate   Date      `json:"due_date" swaggertype:"string" format:"date" example:"2024-11-25"`
	Reference string    `json:"reference" example:"7253/UBND-VP"`
	SetOn     string    `json:"set_on" example:"167"` // the unit it was set on: this one or one above
	SetBy     string    `json:"set_by" example:"Phòng Nội vụ huyện Định Hóa"`
	SetAt     time.Time `json:"set_at"`
}
