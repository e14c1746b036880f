package models

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

// fuzzNow is the fixed "now" of the report fuzz target, so that a failure
// reproduces whatever the day: every period up to 2026S1 has begun.
var fuzzNow = time.Date(2026, time.June, 15, 12, 0, 0, 0, Vietnam)

// reportSeeds returns the demo report and mutations of it and of small
// bodies, each aimed at one path of DecodeJSON or CheckReport.
func reportSeeds(demo []byte) [][]byte {
	d := string(demo)
	sub := func(old, new string) []byte {
		if !strings.Contains(d, old) {
			panic("seed: the demo report has no " + old)
		}
		return []byte(strings.Replace(d, old, new, 1))
	}
	deep := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	minimal := `{"unit_code":"05596","period":"2024"}`
	return [][]byte{
		demo,
		[]byte(minimal),
		[]byte(`{}`),
		[]byte(`null`),
		[]byte(`[]`),
		[]byte(`""`),
		[]byte(`{"unit_code":"05596","period":"2024S1","status":"draft"}`),
		// nulls
		sub(`"households": 1169`, `"households": null`),
		sub(`"area_ha": 2690.67`, `"area_ha": null`),
		[]byte(`{"unit_code":"05596","period":"2024","document":null,"profile":null,"delegations":null,` +
			`"international_agreements":null,"international_conferences":null,"economic_diplomacy":null,` +
			`"people_diplomacy":null,"ngo_aid":null,"cultural_diplomacy":null,"information":null,"consular":null,` +
			`"overseas_vietnamese":null,"training":null,"foreign_awards_received":null,"award_nominations":null,` +
			`"reporting_compliance":null,"difficulties":null,"causes":null,"plan":null,"recommendations":null}`),
		[]byte(`{"unit_code":null,"period":null,"status":null}`),
		// negative and huge numbers
		sub(`"households": 1169`, `"households": -1169`),
		sub(`"area_ha": 2690.67`, `"area_ha": -2690.67`),
		sub(`"households": 1169`, `"households": 1e400`),
		sub(`"area_ha": 2690.67`, `"area_ha": 1e400`),
		sub(`"households": 1169`, `"households": 9007199254740993`),
		sub(`"area_ha": 2690.67`, `"area_ha": 9007199254740993`),
		sub(`"households": 1169`, `"households": 99999999999999999999`),
		sub(`"area_ha": 2690.67`, `"area_ha": 2690.67001`),
		sub(`"share_pct": 61.31`, `"share_pct": 61.3125`),
		sub(`"population": 4456`, `"population": 4456.0`),
		[]byte(`{"unit_code":"05596","period":"2024","ngo_aid":{"projects":[` +
			`{"name":"a","committed_vnd":9223372036854775807,"disbursed_vnd":-9223372036854775808},` +
			`{"name":"b","committed_vnd":9223372036854775807}]}}`),
		[]byte(`{"unit_code":"05596","period":"2024","profile":{"households":10,"poor_households":9223372036854775807,` +
			`"near_poor_households":9223372036854775807,"poor_households_rate_pct":100000000000}}`),
		// wrong types
		sub(`"unit_code": "05596"`, `"unit_code": 5596`),
		sub(`"households": 1169`, `"households": "1169"`),
		sub(`"area_ha": 2690.67`, `"area_ha": "2690.67"`),
		sub(`"ethnic_groups": [`, `"ethnic_groups": {"x": [`),
		sub(`"recipients": [`, `"recipients": [true, 1, {}, [`),
		[]byte(`{"unit_code":"05596","period":"2024","profile":[],"delegations":"x","difficulties":{"a":1}}`),
		// unknown, read-only and duplicate fields, names in the wrong case
		sub(`"unit_code": "05596",`, `"unit_code": "05596", "extra": {"deep": [1, 2]},`),
		sub(`"unit_code": "05596",`, `"revision": 3, "warnings": [], "review": {"decision": "accept"},`),
		sub(`"unit_code": "05596",`, `"unit_code": "05596", "unit_code": "05597",`),
		sub(`"unit_code": "05596",`, `"Unit_Code": "05596",`),
		// non-NFC Vietnamese text, escapes, invalid UTF-8, control characters
		sub(`"place": "Bộc Nhiêu"`, `"place": "`+norm.NFD.String("Bộc Nhiêu")+`"`),
		sub(`"place": "Bộc Nhiêu"`, `"place": "B\u00f4\u0323c Nhie\u0302u"`),
		sub(`"place": "Bộc Nhiêu"`, `"place": "B\ud800c"`),
		sub(`"place": "Bộc Nhiêu"`, "\"place\": \"B\xffc \xc3\x28\""),
		sub(`"place": "Bộc Nhiêu"`, `"place": "B\u0000c\u0085"`),
		[]byte("\xef\xbb\xbf" + minimal),
		// deep nesting
		[]byte(`{"unit_code":"05596","period":"2024","extra":` + deep(5000) + `}`),
		[]byte(`{"unit_code":"05596","period":"2024","profile":` + deep(200) + `}`),
		[]byte(`{"unit_code":"05596","period":"2024","difficulties":` + deep(100) + `}`),
		[]byte(deep(20000)),
		// dates, statuses, counts against items
		sub(`"issued_on": null`, `"issued_on": "2024-11-20"`),
		sub(`"issued_on": null`, `"issued_on": "2024-02-30"`),
		[]byte(`{"unit_code":"05596","period":"2024","status":"accepted","delegations":{"outbound":{"count":2,` +
			`"items":[{"name":"x","start_on":"2024-05-02","end_on":"2024-05-01","people":3}]}}}`),
		[]byte(`{"unit_code":"05596","period":"2030","award_nominations":{"count":1,"items":[{"title":"t","level":"city"}]}}`),
		// not JSON
		[]byte(`{"unit_code":"05596",}`),
		[]byte(minimal + minimal),
		[]byte(`   `),
	}
}

// FuzzDecodeReport decodes arbitrary bytes as a submitted report, the way
// the submit handler does, and checks that:
//   - neither DecodeJSON nor CheckReport (nor the figures a stored report
//     contributes to rollups) panics;
//   - DecodeJSON fails only with EMALFORMED, or EINVALID naming a field for
//     each problem, and CheckReport names a field for each problem too;
//   - a report that decodes and validates cleanly round-trips: its
//     canonical form decodes again, strictly (a client resubmitting what it
//     read) and as the store reads it back (encoding/json), validates again,
//     and gives the same canonical form, hash and figures.
func FuzzDecodeReport(f *testing.F) {
	demo, err := os.ReadFile("../demo/boc-nhieu-2024.json")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range reportSeeds(demo) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var r Report
		err := DecodeJSON(body, &r, ReportReadOnly)
		var shape []FieldError
		if err != nil {
			var de *Error
			if !errors.As(err, &de) {
				t.Fatalf("DecodeJSON returned %T %v, not an *Error", err, err)
			}
			switch de.Code {
			case EMALFORMED:
				if de.Message == "" {
					t.Fatalf("EMALFORMED without a message")
				}
				return // the handler answers 400 and reads no further
			case EINVALID:
				if len(de.Fields) == 0 {
					t.Fatalf("EINVALID without field errors: %v", err)
				}
				checkFieldErrors(t, "DecodeJSON", de.Fields)
				shape = de.Fields
			default:
				t.Fatalf("DecodeJSON returned code %s: %v", de.Code, err)
			}
		}
		// The handler validates the content even when the shape was wrong
		// (what was right was filled in), so that every problem is named.
		var p Problems
		warnings := CheckReport(&r, fuzzNow, &p)
		checkFieldErrors(t, "CheckReport", p.List())
		for _, w := range warnings {
			if w.Field == "" || w.Code == "" || w.Message == "" {
				t.Fatalf("incomplete warning %+v", w)
			}
		}
		merged := MergeProblems(shape, p.List())
		if len(merged) < len(shape) {
			t.Fatalf("MergeProblems lost shape problems: %d < %d", len(merged), len(shape))
		}
		figs := FiguresOf(&r)
		_ = Contribution(&figs)
		if err != nil || p.Len() > 0 {
			return
		}

		canon, hash, err := r.Canonical()
		if err != nil {
			t.Fatalf("Canonical: %v", err)
		}
		if !json.Valid(canon) {
			t.Fatalf("Canonical is not valid JSON: %q", canon)
		}

		// A client resubmits the stored form.
		var r2 Report
		if err := DecodeJSON(canon, &r2, ReportReadOnly); err != nil {
			t.Fatalf("the canonical form does not decode again: %v\ncanonical: %s", err, canon)
		}
		var p2 Problems
		CheckReport(&r2, fuzzNow, &p2)
		if p2.Len() > 0 {
			t.Fatalf("the canonical form does not validate again: %v\ncanonical: %s", p2.List(), canon)
		}
		r2.Status = r.Status
		canon2, hash2, err := r2.Canonical()
		if err != nil {
			t.Fatalf("Canonical (2): %v", err)
		}
		if !bytes.Equal(canon, canon2) || !bytes.Equal(hash, hash2) {
			t.Fatalf("canonical form not stable under DecodeJSON:\nfirst:  %s\nsecond: %s", canon, canon2)
		}
		if figs2 := FiguresOf(&r2); figs2 != figs {
			t.Fatalf("figures differ after the round trip: %+v != %+v", figs, figs2)
		}

		// The store reads the stored form back with encoding/json.
		var r3 Report
		if err := json.Unmarshal(canon, &r3); err != nil {
			t.Fatalf("the canonical form does not unmarshal: %v\ncanonical: %s", err, canon)
		}
		r3.Status = r.Status
		canon3, _, err := r3.Canonical()
		if err != nil {
			t.Fatalf("Canonical (3): %v", err)
		}
		if !bytes.Equal(canon, canon3) {
			t.Fatalf("canonical form not stable under json.Unmarshal:\nfirst:  %s\nsecond: %s", canon, canon3)
		}
	})
}

// checkFieldErrors fails unless every problem names a field and says
// something about it.
func checkFieldErrors(t *testing.T, who string, fields []FieldError) {
	t.Helper()
	for _, fe := range fields {
		if fe.Field == "" || fe.Message == "" {
			t.Fatalf("%s: a problem without a field path or message: %+v", who, fe)
		}
	}
}
