package models

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// What the validator and the other checks a person sees say travels as a
// message code and its parameters, not only as an English sentence: the
// sentence (FieldError.Message, Warning.Message) is for programs and their
// developers; the code picks the words of a translation (messages_vi.go) and
// the parameters fill them in, each written the way the language writes it.
// A problem's FieldError.Code is coarser (out_of_range covers a negative
// count, a figure above its limit and a period that has not begun); its
// MessageCode says which of them. A warning's Code is already one message.

// Message codes of the problems (errors[].message_code).
const (
	MRequired           = "required"                           // a value that must be given
	MEmptyEntry         = "empty_entry"                        // an empty entry of a list of texts
	MNegative           = "negative"                           // a figure below 0
	MAboveMax           = "above_max"                          // value, max: a figure above its limit
	MPercentRange       = "percent_range"                      // value: a percentage outside 0–100
	MPercentDecimals    = "percent_decimals"                   // value: a percentage with more than two decimals
	MBadNumber          = "bad_number"                         // not a number written in plain decimals
	MNumberExponent     = "number_with_exponent"               // a number written with an exponent (1e3)
	MNumberTooLarge     = "number_too_large"                   // a number too large to be kept
	MTooManyDecimals    = "too_many_decimals"                  // places: a number with more decimals than allowed
	MHouseholdsOverPop  = "households_over_population"         // households, population
	MPoorOverHouseholds = "poor_over_households"               // poor, households
	MNearPoorOverHH     = "near_poor_over_households"          // near_poor, households
	MPoorNearPoorOverHH = "poor_and_near_poor_over_households" // poor, near_poor, households
	MCountMismatch      = "count_mismatch"                     // count, items
	MTooManyEntries     = "too_many_entries"                   // entries, max
	MDateOrder          = "date_order"                         // end_on, start_on
	MLevelNotAllowed    = "level_not_allowed"                  // an award nomination's level other than state or province
	MStatusByReview     = "status_set_by_review"               // status: accepted or returned, which only the review sets
	MStatusNotAllowed   = "status_not_allowed"                 // a status other than draft or submitted
	MBadUnitCode        = "bad_unit_code"                      // a unit code that is not digits
	MTooLong            = "too_long"                           // length, max: a text longer than its limit
	MControlCharacters  = "control_characters"                 // text with control characters
	MNotUTF8            = "not_utf8"                           // text that is not valid UTF-8
	MInvisibleCharacter = "invisible_character"                // character ("U+202E"): an invisible or bidirectional control
	MBadDate            = "bad_date"                           // text (when given): not a date written YYYY-MM-DD
	MDateTooEarly       = "date_too_early"                     // text: 0001-01-01, which would read as no date
	MBadPeriod          = "bad_period"                         // text: not a year or a half year
	MPeriodYearRange    = "period_year_out_of_range"           // text, min, max: a period whose year is out of range
	MPeriodNotBegun     = "period_not_begun"                   // period, starts_on
	MUnitNotInPeriod    = "unit_not_in_period"                 // unit, period: the unit did not exist during the period
	MNoSuchUnit         = "no_such_unit"                       // unit: no unit has the code
	MNotReportingUnit   = "not_a_reporting_unit"               // unit, kind: a unit above the communes, which make the reports
	MUnitEnded          = "unit_ended"                         // unit, ended_on, period: see ended.go
	MProjectsCommitted  = "committed_total_above_max"          // total, max: the NGO projects' committed amounts
	MProjectsDisbursed  = "disbursed_total_above_max"          // total, max: the NGO projects' disbursed amounts
	MTotalAboveMax      = "total_above_max"                    // total, max: what one report adds to a total
	MProductAboveMax    = "product_above_max"                  // value_field, weight_field, max: a figure times its weight
	MReturnNeedsComment = "return_needs_comment"               // a return without a comment
	MDecisionRequired   = "decision_required"                  // a review without a decision
	MDecisionNotAllowed = "decision_not_allowed"               // a decision other than accept or return
)

// MessageCodes lists every message code a problem or a warning may carry:
// the problems' codes above, then the warnings' (WarningRules). Every code
// has its Vietnamese words (TestEveryMessageHasVietnamese).
var MessageCodes = append([]string{
	MRequired, MEmptyEntry, MNegative, MAboveMax, MPercentRange, MPercentDecimals, MBadNumber, MNumberExponent, MNumberTooLarge, MTooManyDecimals,
	MHouseholdsOverPop, MPoorOverHouseholds, MNearPoorOverHH, MPoorNearPoorOverHH, MCountMismatch,
	MTooManyEntries, MDateOrder, MLevelNotAllowed, MStatusByReview, MStatusNotAllowed, MBadUnitCode,
	MTooLong, MControlCharacters, MNotUTF8, MInvisibleCharacter, MBadDate, MDateTooEarly, MBadPeriod,
	MPeriodYearRange, MPeriodNotBegun, MUnitNotInPeriod, MNoSuchUnit, MNotReportingUnit, MUnitEnded, MProjectsCommitted,
	MProjectsDisbursed, MTotalAboveMax, MProductAboveMax, MReturnNeedsComment, MDecisionRequired,
	MDecisionNotAllowed,
}, warningCodes()...)

func warningCodes() []string {
	out := make([]string, len(WarningRules))
	for i, w := range WarningRules {
		out[i] = w.Code
	}
	return out
}

// Params are the values a message names, by name: counts and amounts
// (int64), decimals (Decimal), dates (Date), periods and texts (string).
// In JSON they are numbers and strings ("2024-05-01", "2023"); read back
// (a stored warning) a number stays exact (json.Number).
type Params map[string]any

// UnmarshalJSON reads params keeping every number as written.
func (p *Params) UnmarshalJSON(b []byte) error {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil {
		return err
	}
	*p = m
	return nil
}

// MessageError is an error whose words are in the catalogue: its message
// code and parameters besides its English text. Problems.AddErr keeps them.
type MessageError struct {
	Code   string
	Params Params
	Text   string
}

func (e *MessageError) Error() string { return e.Text }

// messageErrorf returns a *MessageError with a formatted English text.
func messageErrorf(code string, params Params, format string, args ...any) *MessageError {
	return &MessageError{Code: code, Params: params, Text: fmt.Sprintf(format, args...)}
}
