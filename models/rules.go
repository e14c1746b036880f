package models

import (
	"fmt"
	"reflect"
	"strings"
	"time"
)

// Rule is one check that the validator applies to a field of a report: the
// field's path (with [] for every entry of a list) and what it must be.
type Rule struct {
	Field string
	Rule  string
}

// ReportRules lists every check CheckReport applies, field by field, in the
// order it applies them. It runs the validator itself over a report that has
// every section and one entry in every list, with recording on, so the list
// cannot differ from what the validator does. RULES.md is generated from it
// (go run ./cmd/rulesdoc).
func ReportRules() []Rule {
	var rules []Rule
	walkEveryField(&checker{rules: &rules})
	return distinctFields(rules, func(r *Rule) *string { return &r.Field })
}

// Limit is a limit of a report's field in JSON Schema's words: Keyword is
// required, minLength, maxLength, minimum, maximum or maxItems.
type Limit struct {
	Field   string
	Keyword string
	Value   int64
}

// ReportLimits lists every limit CheckReport applies, recorded by the
// validator itself as ReportRules are; the OpenAPI document's test checks
// that the document carries each of them.
func ReportLimits() []Limit {
	var limits []Limit
	walkEveryField(&checker{limits: &limits})
	return distinctFields(limits, func(l *Limit) *string { return &l.Field })
}

// walkEveryField runs the validator c, its recording on, over a report
// that has every section and one entry in every list.
func walkEveryField(c *checker) {
	var r Report
	fill(reflect.ValueOf(&r).Elem())
	c.p = &Problems{}
	c.report(&r, time.Now())
}

// distinctFields writes every list index of the recorded entries' fields
// as [] and keeps the first of each entry.
func distinctFields[T comparable](list []T, field func(*T) *string) []T {
	seen := map[T]bool{}
	out := list[:0]
	for _, x := range list {
		f := field(&x)
		*f = strings.ReplaceAll(*f, "[0]", "[]")
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// fill gives every pointer of v a value and every list one entry, so that
// the validator walks every field.
func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem())
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0))
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if f := v.Field(i); f.CanSet() {
				fill(f)
			}
		}
	}
}

// WarningRule is a doubt the validator reports without refusing the report:
// its stable code, the field it is reported on, when, and the params its
// message gives.
type WarningRule struct {
	Code   string
	Field  string
	When   string
	Params string
}

// WarningRules lists every warning, with its tolerance taken from the
// constants the validator uses.
var WarningRules = []WarningRule{
	{WarnNoNumber, "document.number", "a submitted report (not a draft) has no document number (Số: …/BC-UBND)", ""},
	{WarnNoDate, "document.issued_on", "a submitted report (not a draft) has no date of issue", ""},
	{WarnPoorRate, "profile.poor_households_rate_pct", fmt.Sprintf("the stated rate differs from poor_households / households × 100 by more than %s percentage points", DecimalFromUnits(pctTolerancePts)), "stated, count, households, computed"},
	{WarnNearPoorRate, "profile.near_poor_households_rate_pct", fmt.Sprintf("the stated rate differs from near_poor_households / households × 100 by more than %s percentage points", DecimalFromUnits(pctTolerancePts)), "stated, count, households, computed"},
	{WarnPartyMembers, "profile.party_members", "more party members than the population", "party_members, population"},
	{WarnEthnicShares, "profile.ethnic_groups", fmt.Sprintf("every people has a share and the shares add up to 100 %% ± more than %s points", DecimalFromUnits(sharesTolerance)), "peoples, total"},
	{WarnMinorityShare, "profile.ethnic_minority_share_pct", fmt.Sprintf("every people has a share and the stated ethnic-minority share differs from the sum of the shares of the peoples other than Kinh by more than %s point", DecimalFromUnits(minorityTolerPts)), "stated, computed"},
	{WarnEconomyStructure, "profile.economy_structure_pct", fmt.Sprintf("the three shares are given and add up to 100 %% ± more than %s points", DecimalFromUnits(economyTolerance)), "total"},
	{WarnOutlier, "the indicator's field (`delegations.outbound.count`, …)", fmt.Sprintf("a counted indicator of sections 1 to 12 is more than %d times the same commune's figure for the previous period (the previous year, or the previous half) and more than %d", outlierFactor, outlierFloor), "indicator, value, previous, period"},
}
