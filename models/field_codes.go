package models

// Codes of the problems listed in errors[]: what is wrong with a field,
// stable, for programs to act on (the message is for people).
const (
	FRequired       = "required"               // the field must be given
	FUnknownField   = "unknown_field"          // the body has a field the API does not know
	FReadOnly       = "read_only"              // the field is set by the service and may not be sent
	FDuplicateField = "duplicate_field"        // the body names the field twice
	FWrongType      = "wrong_type"             // a value of the wrong JSON type (text for a number, …)
	FBadFormat      = "bad_format"             // a value that cannot be read: a period, a date, a unit code
	FNotAllowed     = "not_allowed"            // a value outside the allowed ones (status, level, decision, kind, …)
	FBadText        = "bad_text"               // text with control characters, or not valid UTF-8
	FInvisibleText  = "invisible_character"    // text with a bidirectional control or an invisible character
	FTooLong        = "too_long"               // text longer than its limit
	FTooMany        = "too_many_entries"       // a list longer than its limit
	FOutOfRange     = "out_of_range"           // a number below 0 or above its limit
	FTooPrecise     = "too_many_decimals"      // a decimal with more decimals than allowed
	FCountMismatch  = "count_mismatch"         // a count that disagrees with the items listed
	FInconsistent   = "inconsistent"           // figures that cannot all be true (more households than people, …)
	FDateOrder      = "date_order"             // an end date before its start date
	FUnknownUnit    = "unknown_unit"           // no unit has the code, or not one that makes reports, or not then
	FUnitEnded      = "unit_ended"             // the unit ended before the period's last day; its successors report
	FPathMismatch   = "path_mismatch"          // the body names another unit or period than the path
	FKeyReused      = "idempotency_key_reused" // the Idempotency-Key belongs to another request
	FTaken          = "taken"                  // the value must be unique and is already used (a login)
	FOutOfScope     = "out_of_scope"           // a unit outside what the principal may act on, or a role it may not grant
	FInvalid        = "invalid"                // any other problem; the message says what
)

// FieldCodes lists the codes with what each means, for RULES.md.
var FieldCodes = []struct{ Code, Meaning string }{
	{FRequired, "the field must be given"},
	{FUnknownField, "the body has a field the API does not know"},
	{FReadOnly, "the field is set by the service and may not be sent"},
	{FDuplicateField, "the body names the field twice"},
	{FWrongType, "a value of the wrong JSON type (text for a number, an object for a list, …)"},
	{FBadFormat, "a value that cannot be read: a period, a date, a unit code, a number"},
	{FNotAllowed, "a value outside the allowed ones (a status, a level, a decision, a kind)"},
	{FBadText, "text with control characters, or not valid UTF-8"},
	{FInvisibleText, "text with a bidirectional control (U+202E, …) or an invisible character (zero-width U+200B–U+200D, U+2060, U+FEFF, the soft hyphen, any other format character); refused, never removed, except from an imported document, where they are removed"},
	{FTooLong, "text longer than its limit"},
	{FTooMany, "a list longer than its limit"},
	{FOutOfRange, "a number below 0 or above its limit"},
	{FTooPrecise, "a decimal with more decimals than allowed"},
	{FCountMismatch, "a count that disagrees with the items listed beside it"},
	{FInconsistent, "figures that cannot all be true (more households than people, …)"},
	{FDateOrder, "an end date before its start date"},
	{FUnknownUnit, "no unit has the code; or it does not make reports; or it did not exist during the period"},
	{FUnitEnded, "the unit ended before the last day of the period: the units that took it over report for its territory"},
	{FPathMismatch, "the body names another unit or period than the path"},
	{FKeyReused, "the Idempotency-Key belongs to another request"},
	{FTaken, "the value must be unique and is already used (a login, in the service or earlier in the file)"},
	{FOutOfScope, "a unit outside what the token or person may act on, or a role it may not grant"},
	{FInvalid, "any other problem; the message says what"},
}
