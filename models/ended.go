package models

import (
	"errors"
	"fmt"
	"strings"
)

// A report for a period belongs to the unit that its code names on the
// period's last day. A unit that ended before that day (merged, divided or
// retired) cannot send, nor be sent, a report for the period: its territory
// reports through its successors. For a period it covered to its end (a
// commune ended on 2025-06-30 and 2025S1) it reports as before. A report of
// that kind stored before the rule (or before the reform that ended the
// unit was recorded) is kept and readable, but never counted.

// ErrUnitEnded is the reason of a refused report of a unit that ended
// before the period's last day (EINVALID, code unit_ended).
var ErrUnitEnded = errors.New("the unit ended before the last day of the period")

// CodeUnitEnded is the problem code of ErrUnitEnded.
const CodeUnitEnded = "unit_ended"

// ReportsFor tells whether u reports for period p: whether it exists on
// the period's last day. A report of a unit that does not is never counted
// in the period's completeness or rollups.
func (u *TreeUnit) ReportsFor(p Period) bool { return u.ExistsOn(p.LastDay()) }

// EndedBefore tells whether u ended before the last day of p.
func (u *TreeUnit) EndedBefore(p Period) bool {
	return !u.ValidTo.IsZero() && u.ValidTo.Before(p.LastDay())
}

// Successor is a unit that took over (the whole or a part of) a unit that
// ended, as a unit_ended problem names it.
type Successor struct {
	Code  string `json:"code" example:"05581" validate:"required"`
	Name  string `json:"name" example:"Xã Trung Hội" validate:"required"`
	Share Share  `json:"share" enums:"full,partial" example:"full" validate:"required"`
}

// Ended is what a unit_ended refusal tells besides its message: when the
// unit ended and which units report for its territory now.
type Ended struct {
	Unit       UnitRef
	Period     string
	ValidTo    Date
	Successors []Successor
}

// UnitEnded is the refusal of a report of unit u for period p, u having
// ended before p's last day; successors are the units that took it over.
func UnitEnded(u *TreeUnit, p Period, successors []Successor) *Error {
	if successors == nil {
		successors = []Successor{}
	}
	names := make([]string, len(successors))
	for i, s := range successors {
		names[i] = fmt.Sprintf("%s (%s)", s.Name, s.Code)
	}
	msg := fmt.Sprintf("%s (%s) ended on %s and cannot report for %s: a report for a period belongs to the unit its code names on the period's last day",
		u.Name, u.Code, u.ValidTo, p)
	switch {
	case len(names) > 0:
		msg += "; its territory now reports as " + strings.Join(names, ", ")
	default:
		msg += "; no successor is recorded"
	}
	return &Error{Code: EINVALID, Message: msg, Err: ErrUnitEnded,
		Fields: []FieldError{{Field: "unit_code", Code: FUnitEnded, Message: fmt.Sprintf("%s ended on %s, before the last day of %s", u.Code, u.ValidTo, p),
			MessageCode: MUnitEnded, Params: Params{"unit": u.Code, "ended_on": u.ValidTo, "period": p.String()}}},
		Ended: &Ended{Unit: UnitRef{Code: u.Code, Name: u.Name}, Period: p.String(), ValidTo: u.ValidTo, Successors: successors}}
}
