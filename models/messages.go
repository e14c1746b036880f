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

// Message codes of the problems (errors[].message_code); ProblemMessages
// says what each means and which params it gives.
const (
	MRequired           = "required"
	MUnknownField       = "unknown_field"
	MDuplicateField     = "duplicate_field"
	MReadOnly           = "read_only"
	MNotObject          = "not_an_object"
	MNotList            = "not_a_list"
	MNotString          = "not_a_string"
	MNotBoolean         = "not_true_or_false"
	MNotInteger         = "not_a_whole_number"
	MNotNumber          = "not_a_number"
	MEmptyEntry         = "empty_entry"
	MNegative           = "negative"
	MAboveMax           = "above_max"
	MPercentRange       = "percent_range"
	MPercentDecimals    = "percent_decimals"
	MBadNumber          = "bad_number"
	MNumberExponent     = "number_with_exponent"
	MNumberTooLarge     = "number_too_large"
	MTooManyDecimals    = "too_many_decimals"
	MHouseholdsOverPop  = "households_over_population"
	MPoorOverHouseholds = "poor_over_households"
	MNearPoorOverHH     = "near_poor_over_households"
	MPoorNearPoorOverHH = "poor_and_near_poor_over_households"
	MCountMismatch      = "count_mismatch"
	MTooManyEntries     = "too_many_entries"
	MDateOrder          = "date_order"
	MLevelNotAllowed    = "level_not_allowed"
	MStatusByReview     = "status_set_by_review"
	MStatusNotAllowed   = "status_not_allowed"
	MBadUnitCode        = "bad_unit_code"
	MTooLong            = "too_long"
	MControlCharacters  = "control_characters"
	MNotUTF8            = "not_utf8"
	MInvisibleCharacter = "invisible_character"
	MBadDate            = "bad_date"
	MNotDate            = "not_a_date"
	MDateTooEarly       = "date_too_early"
	MBadPeriod          = "bad_period"
	MPeriodYearRange    = "period_year_out_of_range"
	MPeriodNotBegun     = "period_not_begun"
	MUnitNotInPeriod    = "unit_not_in_period"
	MNoSuchUnit         = "no_such_unit"
	MNotReportingUnit   = "not_a_reporting_unit"
	MUnitEnded          = "unit_ended"
	MProjectsCommitted  = "committed_total_above_max"
	MProjectsDisbursed  = "disbursed_total_above_max"
	MTotalAboveMax      = "total_above_max"
	MProductAboveMax    = "product_above_max"
	MReturnNeedsComment = "return_needs_comment"
	MDecisionRequired   = "decision_required"
	MDecisionNotAllowed = "decision_not_allowed"

	// The import's (app.Imports).
	MNoPeriodInDocument  = "no_period_in_document"
	MNoUnitInDocument    = "no_unit_in_document"
	MDocumentUnitUnknown = "document_unit_unknown"
	MDocumentUnitOutside = "document_unit_out_of_scope"

	// The accounts' (app.Accounts).
	MManagesNoAccounts   = "manages_no_accounts"
	MCommuneAccountsOnly = "commune_accounts_only"
	MUnitOutOfScope      = "unit_out_of_scope"
	MLoginTaken          = "login_taken"
	MLoginRepeated       = "login_repeated_in_file"
	MAdminHasNoUnit      = "admin_has_no_unit"
	MAccountUnitEnded    = "account_unit_ended"
	MAccountUnitUnknown  = "account_unit_unknown"

	// The API tokens' (app.Tokens).
	MTokensAdminOnly = "tokens_admin_only"
	MTokenKeySpent   = "token_key_spent"
	MTokenFormSpent  = "token_form_spent"
	MTokenFormKey    = "token_form_key_required"
)

// ProblemMessages lists the message codes of the problems, with the
// params each gives and what it says, for RULES.md.
var ProblemMessages = []struct{ Code, Params, Meaning string }{
	{MUnknownField, "", "the body has a field the API does not know"},
	{MDuplicateField, "", "the body names the field twice"},
	{MReadOnly, "", "the field is set by the service and may not be sent"},
	{MNotObject, "", "a value that must be an object is not"},
	{MNotList, "", "a value that must be a list is not"},
	{MNotString, "", "a value that must be a string is not"},
	{MNotBoolean, "", "a value that must be true or false is not"},
	{MNotInteger, "", "a value that must be a whole number is not"},
	{MNotNumber, "", "a value that must be a number is not"},
	{MRequired, "", "a value that must be given is not"},
	{MEmptyEntry, "", "an entry of a list of texts is empty"},
	{MNegative, "", "a figure is below 0"},
	{MAboveMax, "value, max", "a figure is above its limit"},
	{MPercentRange, "value", "a percentage is outside 0–100"},
	{MPercentDecimals, "value", "a percentage has more than two decimals"},
	{MBadNumber, "", "not a number written in plain decimals"},
	{MNumberExponent, "", "a number written with an exponent (1e3)"},
	{MNumberTooLarge, "", "a number too large to be kept"},
	{MTooManyDecimals, "places", "a number has more decimals than allowed"},
	{MHouseholdsOverPop, "households, population", "more households than people"},
	{MPoorOverHouseholds, "poor, households", "more poor households than households"},
	{MNearPoorOverHH, "near_poor, households", "more near-poor households than households"},
	{MPoorNearPoorOverHH, "poor, near_poor, households", "more poor and near-poor households together than households"},
	{MCountMismatch, "count, items", "a count disagrees with the number of items listed"},
	{MTooManyEntries, "entries, max", "a list is longer than its limit"},
	{MDateOrder, "end_on, start_on", "an end date before its start date"},
	{MLevelNotAllowed, "level", "an award nomination's level other than state or province"},
	{MStatusByReview, "status", "a status (accepted, returned) that only the district's review sets"},
	{MStatusNotAllowed, "", "a status other than draft or submitted"},
	{MBadUnitCode, "", "a unit code that is not digits"},
	{MTooLong, "length, max", "a text longer than its limit, in characters"},
	{MControlCharacters, "", "text with control characters"},
	{MNotUTF8, "", "text that is not valid UTF-8"},
	{MInvisibleCharacter, "character", "text with an invisible or bidirectional control character (character: U+202E)"},
	{MBadDate, "text", "a text that is not a calendar date written YYYY-MM-DD"},
	{MNotDate, "", "a value that must be a date written YYYY-MM-DD is not a text"},
	{MDateTooEarly, "text", "0001-01-01, which would read as no date"},
	{MBadPeriod, "text", "not a year (2024) or a half year (2024S1, 2024S2)"},
	{MPeriodYearRange, "text, min, max", "a period whose year is out of range"},
	{MPeriodNotBegun, "period, starts_on", "a period that has not begun"},
	{MUnitNotInPeriod, "unit, period", "the unit did not exist during the period"},
	{MNoSuchUnit, "unit", "no unit has the code"},
	{MNotReportingUnit, "unit, kind", "a unit above the communes, which make the reports"},
	{MUnitEnded, "unit, ended_on, period", "the unit ended before the period's last day; its successors report"},
	{MProjectsCommitted, "total, max", "the NGO projects' committed amounts add up to more than one report may add"},
	{MProjectsDisbursed, "total, max", "the NGO projects' disbursed amounts add up to more than one report may add"},
	{MTotalAboveMax, "total, max", "a figure adds more to a total than one report may"},
	{MProductAboveMax, "value_field, weight_field, max", "a figure times its weight (income per head × population, …) is too large"},
	{MReturnNeedsComment, "", "a return without a comment"},
	{MDecisionRequired, "", "a review without a decision"},
	{MDecisionNotAllowed, "decision", "a decision other than accept or return"},
	{MNoPeriodInDocument, "", "an import without period whose document's title names no period"},
	{MNoUnitInDocument, "", "an import without unit whose document names no commune"},
	{MDocumentUnitUnknown, "name", "an import without unit whose document names a commune that no unit in scope is named"},
	{MDocumentUnitOutside, "unit, name", "an import whose document names a commune outside the caller's scope (403)"},
	{MManagesNoAccounts, "role", "a role that manages no account (403)"},
	{MCommuneAccountsOnly, "role", "a district or province officer makes or changes only commune accounts (403; out_of_scope in a file)"},
	{MUnitOutOfScope, "unit, name", "an account's unit outside the officer's scope (403; out_of_scope in a file)"},
	{MLoginTaken, "login", "a login an account of the service already has"},
	{MLoginRepeated, "login, line", "a login an earlier line of the same file has"},
	{MAdminHasNoUnit, "", "an admin account, which is bound to no unit, moved to a unit (409)"},
	{MAccountUnitEnded, "unit, name, ended_on", "an account moved to a unit that has ended"},
	{MAccountUnitUnknown, "unit", "no unit with the code fits the account's role (a commune account needs a commune-level unit, a district one a unit above)"},
	{MTokensAdminOnly, "role", "a role that manages no API token: only an admin does (403)"},
	{MTokenKeySpent, "key", "the token an Idempotency-Key made is revoked or expired, or the key is too old: its secret is not given again (409)"},
	{MTokenFormSpent, "", "the token the admin page's form made is revoked or expired, or the form is too old (409)"},
	{MTokenFormKey, "min", "a token form without its key"},
}

// MessageCodes lists every message code a problem or a warning may carry:
// the problems' (ProblemMessages), then the warnings' (WarningRules). Every
// code has its Vietnamese words (TestEveryMessageHasVietnamese).
var MessageCodes = messageCodes()

func messageCodes() []string {
	var out []string
	for _, m := range ProblemMessages {
		out = append(out, m.Code)
	}
	for _, w := range WarningRules {
		out = append(out, w.Code)
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
