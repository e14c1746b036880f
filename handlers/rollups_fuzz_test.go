package handlers

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"doingoai/models"
)

// rollupParams are the query parameters of GET /rollups.
var rollupParams = map[string]bool{
	"periods": true, "period": true, "indicators": true, "by": true, "status": true, "format": true, "unit": true,
}

// FuzzParseRollupQuery parses arbitrary query strings the way a request's
// URL.Query does and checks that parseRollupQuery never panics and that:
//   - on error, the error is an EINVALID models error whose every problem
//     names one of the known parameters and says something;
//   - on success, the unit code is given, the period is a valid period
//     (the last of the series when only periods is given), the series has
//     at most MaxSeries valid periods, the indicators are not empty and
//     all known, the format is json, csv or xlsx, and a CSV is not asked
//     for both a breakdown and a series.
func FuzzParseRollupQuery(f *testing.F) {
	var many []string
	for y := 2000; y < 2000+MaxSeries+5; y++ {
		many = append(many, models.Period{Year: y}.String())
	}
	for _, s := range []string{
		"unit=167&period=2024",
		"unit=167&period=2024S1&by=child&format=csv",
		"unit=19&periods=2022,2023,2024&indicators=delegations_in_foreign,poverty_rate_pct",
		"unit=VN&periods=2022S1,2022S2&by=child&format=csv",
		"unit=VN&periods=2022S1,2022S2&by=child&format=xlsx&status=accepted",
		"unit=167&period=2024&status=submitted&format=json",
		"unit=167&periods=" + strings.Join(many, ","),
		"unit=167&periods=" + strings.Join(many[:MaxSeries], ",") + "&period=2030",
		"unit=167&period=2024S3&by=parent&status=draft&format=pdf&indicators=nope,,%20",
		"unit=167&periods=,,, ,&indicators=,,",
		"unit=&period=",
		"",
		"&&&=&=",
		"unit=167&period=2024&period=2025&unit=168",
		"unit=%zz&period=2024",
		"unit=167;period=2024",
		"unit=167&period=%32%30%32%34",
		"unit=167&period=２０２４",
		"unit=167&period=2024%00",
		"unit=167&periods=2024,2024,2024&indicators=population,population",
		"Unit=167&PERIOD=2024&Format=CSV",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		qv, _ := url.ParseQuery(raw) // as r.URL.Query(): a bad pair is dropped
		q, code, format, err := parseRollupQuery(qv)
		if err != nil {
			var e *models.Error
			if !errors.As(err, &e) || e.Code != models.EINVALID {
				t.Fatalf("%q: not an EINVALID models error: %T %v", raw, err, err)
			}
			if len(e.Fields) == 0 {
				t.Fatalf("%q: an error without field problems: %v", raw, err)
			}
			for _, fe := range e.Fields {
				if !rollupParams[fe.Field] {
					t.Fatalf("%q: a problem about an unknown parameter: %+v", raw, fe)
				}
				if fe.Message == "" {
					t.Fatalf("%q: a problem without a message: %+v", raw, fe)
				}
			}
			return
		}
		if code == "" || code != qv.Get("unit") {
			t.Fatalf("%q: unit code %q", raw, code)
		}
		if p, err := models.ParsePeriod(q.Period.String()); err != nil || p != q.Period {
			t.Fatalf("%q: the period %+v is not set or not valid: %v", raw, q.Period, err)
		}
		if len(q.Series) > MaxSeries {
			t.Fatalf("%q: a series of %d periods", raw, len(q.Series))
		}
		for _, p := range q.Series {
			if _, err := models.ParsePeriod(p.String()); err != nil {
				t.Fatalf("%q: a series period %+v: %v", raw, p, err)
			}
		}
		if qv.Get("period") == "" && (len(q.Series) == 0 || q.Period != q.Series[len(q.Series)-1]) {
			t.Fatalf("%q: period %+v is not the last of the series %+v", raw, q.Period, q.Series)
		}
		if len(q.Indicators) == 0 {
			t.Fatalf("%q: no indicators", raw)
		}
		for _, ind := range q.Indicators {
			if _, ok := models.IndicatorByCode(ind.Code); !ok {
				t.Fatalf("%q: an unknown indicator %q", raw, ind.Code)
			}
		}
		switch format {
		case "json", "xlsx":
		case "csv":
			if q.ByChild && len(q.Series) > 0 {
				t.Fatalf("%q: a CSV with both a breakdown and a series", raw)
			}
		default:
			t.Fatalf("%q: format %q", raw, format)
		}
		if q.Unit != nil {
			t.Fatalf("%q: the unit is resolved without the database", raw)
		}
	})
}
