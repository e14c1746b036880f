package models_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"doingoai/demo"
	"doingoai/models"
)

// viSamples gives parameters to every message code, as the checks fill
// them in: TestVietnameseTemplatesFilled renders each.
var viSamples = map[string]models.Params{
	models.MUnknownField:        nil,
	models.MDuplicateField:      nil,
	models.MReadOnly:            nil,
	models.MNotObject:           nil,
	models.MNotList:             nil,
	models.MNotString:           nil,
	models.MNotBoolean:          nil,
	models.MNotInteger:          nil,
	models.MNotNumber:           nil,
	models.MRequired:            nil,
	models.MEmptyEntry:          nil,
	models.MNegative:            nil,
	models.MAboveMax:            {"value": int64(2_000_001), "max": int64(2_000_000)},
	models.MPercentRange:        {"value": dec("120")},
	models.MPercentDecimals:     {"value": dec("3.333")},
	models.MBadNumber:           nil,
	models.MNumberExponent:      nil,
	models.MNumberTooLarge:      nil,
	models.MTooManyDecimals:     {"places": 4},
	models.MHouseholdsOverPop:   {"households": int64(5000), "population": int64(4456)},
	models.MPoorOverHouseholds:  {"poor": int64(6000), "households": int64(5000)},
	models.MNearPoorOverHH:      {"near_poor": int64(6000), "households": int64(5000)},
	models.MPoorNearPoorOverHH:  {"poor": int64(6), "near_poor": int64(5), "households": int64(10)},
	models.MCountMismatch:       {"count": int64(3), "items": 1},
	models.MTooManyEntries:      {"entries": 1001, "max": 1000},
	models.MDateOrder:           {"end_on": date("2024-05-01"), "start_on": date("2024-05-02")},
	models.MLevelNotAllowed:     {"level": "huyen"},
	models.MStatusByReview:      {"status": "accepted"},
	models.MStatusNotAllowed:    nil,
	models.MBadUnitCode:         nil,
	models.MTooLong:             {"length": 20_001, "max": 20_000},
	models.MControlCharacters:   nil,
	models.MNotUTF8:             nil,
	models.MInvisibleCharacter:  {"character": "U+202E"},
	models.MNotDate:             nil,
	models.MBadDate:             {"text": "2024-13-45"},
	models.MDateTooEarly:        {"text": "0001-01-01"},
	models.MBadPeriod:           {"text": "2024S3"},
	models.MPeriodYearRange:     {"text": "1999", "min": 2000, "max": 2200},
	models.MPeriodNotBegun:      {"period": "2099", "starts_on": date("2099-01-01")},
	models.MUnitNotInPeriod:     {"unit": "05596", "period": "2026"},
	models.MNoSuchUnit:          {"unit": "99999"},
	models.MNotReportingUnit:    {"unit": "167", "kind": "district"},
	models.MUnitEnded:           {"unit": "05596", "ended_on": date("2025-06-30"), "period": "2025"},
	models.MProjectsCommitted:   {"total": int64(200_000_000_000_000), "max": int64(models.MaxReportTotal)},
	models.MProjectsDisbursed:   {"total": int64(200_000_000_000_000), "max": int64(models.MaxReportTotal)},
	models.MTotalAboveMax:       {"total": int64(200_000_000_000_000), "max": int64(models.MaxReportTotal)},
	models.MProductAboveMax:     {"value_field": "profile.income_per_capita_vnd", "weight_field": "profile.population", "max": int64(models.MaxReportTotal)},
	models.MReturnNeedsComment:  nil,
	models.MDecisionRequired:    nil,
	models.MDecisionNotAllowed:  {"decision": "maybe"},
	models.MNoPeriodInDocument:  nil,
	models.MNoUnitInDocument:    nil,
	models.MDocumentUnitUnknown: {"name": "Bộc Nhiêu"},
	models.MDocumentUnitOutside: {"unit": "05431", "name": "Phường Phan Đình Phùng"},
	models.MManagesNoAccounts:   {"role": "commune"},
	models.MCommuneAccountsOnly: {"role": "district"},
	models.MUnitOutOfScope:      {"unit": "05431", "name": "Phường Phan Đình Phùng"},
	models.MLoginTaken:          {"login": "xa05596"},
	models.MLoginRepeated:       {"login": "xa05596", "line": 2},
	models.MAdminHasNoUnit:      nil,
	models.MAccountUnitEnded:    {"unit": "05596", "name": "Xã Bộc Nhiêu", "ended_on": date("2025-06-30")},
	models.MAccountUnitUnknown:  {"unit": "99999"},
	models.MTokensAdminOnly:     {"role": "district"},
	models.MTokenKeySpent:       {"key": "7d1c9a"},
	models.MTokenFormSpent:      nil,
	models.MTokenFormKey:        {"min": 16},
	models.WarnNoNumber:         nil,
	models.WarnNoDate:           nil,
	models.WarnPartyMembers:     {"party_members": int64(9999), "population": int64(4456)},
	models.WarnEthnicShares:     {"peoples": 10, "total": dec("99.79")},
	models.WarnMinorityShare:    {"stated": dec("10"), "computed": dec("50")},
	models.WarnEconomyStructure: {"total": dec("70")},
	models.WarnPoorRate:         {"stated": dec("5.03"), "count": int64(60), "households": int64(1169), "computed": dec("5.13")},
	models.WarnNearPoorRate:     {"stated": dec("3.333"), "count": int64(10), "households": int64(5000), "computed": dec("0.2")},
	models.WarnOutlier:          {"indicator": "delegations_in_domestic", "value": int64(600), "previous": int64(6), "period": "2023"},
}

func date(s string) models.Date {
	d, err := models.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestEveryMessageHasVietnamese fails for a message code (of the one list,
// models.MessageCodes) without Vietnamese words, and for a code listed
// twice.
func TestEveryMessageHasVietnamese(t *testing.T) {
	seen := map[string]bool{}
	for _, code := range models.MessageCodes {
		if seen[code] {
			t.Errorf("message code %q is listed twice", code)
		}
		seen[code] = true
		if !models.HasVietnamese(code) {
			t.Errorf("message code %q has no Vietnamese words", code)
		}
	}
	for _, w := range models.WarningRules {
		if !seen[w.Code] {
			t.Errorf("warning %q is not among the message codes", w.Code)
		}
	}
}

// TestVietnameseTemplatesFilled renders every code's words with its sample
// parameters, as the checks give them and as read back from JSON (a stored
// warning): every parameter is filled in, and both read the same.
func TestVietnameseTemplatesFilled(t *testing.T) {
	for _, code := range models.MessageCodes {
		params, ok := viSamples[code]
		if !ok {
			t.Errorf("message code %q has no sample parameters in this test", code)
			continue
		}
		got := models.VietnameseMessage(code, params, "english")
		if strings.ContainsAny(got, "{}") || got == "english" {
			t.Errorf("%s: %q is not filled in", code, got)
		}
		b, err := json.Marshal(models.Warning{Code: code, Params: params})
		if err != nil {
			t.Fatal(err)
		}
		var back models.Warning
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if again := back.Vietnamese(); again != got {
			t.Errorf("%s read back from %s: %q, want %q", code, b, again, got)
		}
	}
	// A warning stored before params were kept reads in English, never
	// with a "{households}" left in it.
	old := models.Warning{Code: models.WarnPoorRate, Message: "the stated rate 5.03% differs from 60 poor / 1169 households × 100 = 5.13%"}
	if got := old.Vietnamese(); got != old.Message {
		t.Errorf("a warning without its params reads %q, want its English", got)
	}
	if got := (models.FieldError{Message: "something new"}).Vietnamese(); got != "something new" {
		t.Errorf("a message without a code reads %q, want its English", got)
	}
}

// TestValidatorMessagesInVietnamese runs the validator over reports that
// break its rules: every error and warning it gives carries a listed
// message code, and its Vietnamese words are filled in.
func TestValidatorMessagesInVietnamese(t *testing.T) {
	now := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	seen := map[string]bool{}
	listed := map[string]bool{}
	for _, c := range models.MessageCodes {
		listed[c] = true
	}
	for _, b := range badReports {
		fields, warnings := check(t, b, now)
		type msg struct {
			code, english, vi string
			params            models.Params
		}
		var msgs []msg
		for _, f := range fields {
			msgs = append(msgs, msg{f.MessageCode, f.Message, f.Vietnamese(), f.Params})
		}
		for _, w := range warnings {
			msgs = append(msgs, msg{w.Code, w.Message, w.Vietnamese(), w.Params})
		}
		for _, m := range msgs {
			seen[m.code] = true
			if !listed[m.code] {
				t.Errorf("%q has the message code %q, not listed in models.MessageCodes", m.english, m.code)
			}
			if m.vi == m.english || strings.ContainsAny(m.vi, "{}") {
				t.Errorf("%q reads %q in Vietnamese", m.english, m.vi)
			}
			if got, want := paramNames(m.params), documentedParams(m.code); !slices.Equal(got, want) {
				t.Errorf("%q gives the params %v; RULES.md lists %v", m.english, got, want)
			}
		}
	}
	if len(seen) < 20 {
		t.Errorf("only %d message codes were produced; the test reports are not breaking the rules they should", len(seen))
	}
}

var badReports = []string{string(demo.BocNhieu2024), `{"unit_code":"05596","period":"2024",
		"profile":{"households":5000,"population":4456,"poor_households":6000,"near_poor_households":10,"party_members":9999,
			"poor_households_rate_pct":120,"near_poor_households_rate_pct":3.333,"hamlets":-1,"area_ha":99999999,
			"economy_structure_pct":{"agriculture_forestry":50,"industry_services_tourism":10,"other":10},
			"ethnic_minority_share_pct":10,"ethnic_groups":[{"name":"Tày","share_pct":50},{"name":"","share_pct":10}]},
		"delegations":{"outbound":{"count":3,"items":[{"name":"A","start_on":"2024-05-02","end_on":"2024-05-01"}]}},
		"award_nominations":{"items":[{"title":"x","level":"huyen"}]},
		"difficulties":["", "ok"],
		"recommendations":[{"addressee":"UBND huyện","text":""}]}`,
	`{"unit_code":"05596","period":"2024","profile":{"households":10,"population":100,"poor_households":6,"near_poor_households":5}}`,
	`{"unit_code":"05596","period":"2099"}`,
	`{"unit_code":"05596","period":"2024","revision":3,"nonsense":1,"profile":{"households":"x","hamlets":1.5,"population":1e30,"area_ha":true},
		"difficulties":{},"document":[],"causes":[1],"delegations":{"outbound":{"items":[{"name":"A","end_on":5}]}}}`,
	"{\"unit_code\":\"x\",\"period\":\"2024\",\"status\":\"accepted\",\"document\":{\"place\":\"a\u202eb\",\"signer_name\":\"a\\u0007\"},\"profile\":{\"area_ha\":1.23456,\"poor_households_rate_pct\":1.234}}",
}

// check decodes and validates a report as the API does.
func check(t *testing.T, body string, now time.Time) ([]models.FieldError, []models.Warning) {
	t.Helper()
	var r models.Report
	if err := models.DecodeJSON([]byte(body), &r, models.ReportReadOnly); err != nil {
		if e, ok := err.(*models.Error); ok && e.Code == models.EINVALID {
			return e.Fields, nil
		}
		t.Fatalf("%v", err)
	}
	var p models.Problems
	warnings := models.CheckReport(&r, now, &p)
	return p.List(), warnings
}

// TestVietnameseWords checks the words of some messages as the checks
// give them, with their figures written the Vietnamese way.
func TestVietnameseWords(t *testing.T) {
	now := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	words := func(body string) map[string]string {
		fields, warnings := check(t, body, now)
		out := map[string]string{}
		for _, f := range fields {
			out[f.Field] = f.Vietnamese()
		}
		for _, w := range warnings {
			out[w.Field] = w.Vietnamese()
		}
		return out
	}
	for _, c := range []struct{ body, field, want string }{
		{`{"unit_code":"05596","period":"2024","profile":{"households":1169,"poor_households":60,"poor_households_rate_pct":5.03}}`,
			"profile.poor_households_rate_pct", "Tỷ lệ hộ nghèo ghi 5,03% khác với 60 hộ nghèo / 1.169 hộ × 100 = 5,13%."},
		{`{"unit_code":"05596","period":"2024","profile":{"households":5000,"population":4456}}`,
			"profile.households", "Số hộ (5.000) nhiều hơn dân số (4.456 người): kiểm tra lại số hộ và dân số."},
		{`{"unit_code":"05596","period":"2024","delegations":{"outbound":{"items":[{"name":"A","start_on":"2024-05-02","end_on":"2024-05-01"}]}}}`,
			"delegations.outbound.items[0].end_on", "Ngày kết thúc (01/05/2024) trước ngày bắt đầu (02/05/2024)."},
		{`{"unit_code":"05596","period":"2099"}`,
			"period", "Kỳ báo cáo này chưa bắt đầu (bắt đầu từ ngày 01/01/2099)."},
		{`{"unit_code":"05596","period":"2024","document":{"issued_on":"2024-13-45"}}`,
			"document.issued_on", "Ngày không hợp lệ; chọn ngày trên lịch."},
		{`{"unit_code":"05596","period":"2024","profile":{"population":2000001,"area_ha":10000000.5}}`,
			"profile.area_ha", "Số 10.000.000,5 không thể đúng: lớn hơn 10.000.000."},
		{"{\"unit_code\":\"05596\",\"period\":\"2024\",\"causes\":[\"a\u202eb\"]}",
			"causes[0]", "Có ký tự ẩn hoặc ký tự đảo chiều văn bản (U+202E), thường lẫn vào khi sao chép từ trang web hay tệp khác; hãy xóa rồi gõ lại đoạn này."},
	} {
		if got := words(c.body)[c.field]; got != c.want {
			t.Errorf("%s of %s: %q, want %q", c.field, c.body, got, c.want)
		}
	}

	outlier := func(field string, v, pv int64, prev string) string {
		var cur, old models.Report
		for r, n := range map[*models.Report]int64{&cur: v, &old: pv} {
			n := n
			r.Delegations = &models.Delegations{InboundDomestic: &models.DelegationGroup{Count: &n}, Outbound: &models.DelegationGroup{People: &n}}
		}
		fc, fp := models.FiguresOf(&cur), models.FiguresOf(&old)
		for _, w := range models.OutlierWarnings(&fc, &fp, prev) {
			if w.Field == field {
				return w.Vietnamese()
			}
		}
		return ""
	}
	if got, want := outlier("delegations.inbound_domestic.count", 600, 6, "2023"), "Số 600 lớn hơn mười lần số 6 đã báo cáo năm 2023; xin kiểm tra lại."; got != want {
		t.Errorf("outlier: %q, want %q", got, want)
	}
	if got, want := outlier("delegations.outbound.people", 1200, 12, "2024S1"), "Số 1.200 lớn hơn mười lần số 12 đã báo cáo 6 tháng đầu năm 2024; xin kiểm tra lại."; got != want {
		t.Errorf("outlier: %q, want %q", got, want)
	}
}

func dec(s string) models.Decimal {
	d, err := models.ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

func paramNames(p models.Params) []string {
	names := []string{}
	for name := range p {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// documentedParams are the params the list of message codes gives code.
func documentedParams(code string) []string {
	list := ""
	for _, m := range models.ProblemMessages {
		if m.Code == code {
			list = m.Params
		}
	}
	for _, w := range models.WarningRules {
		if w.Code == code {
			list = w.Params
		}
	}
	names := []string{}
	if list != "" {
		names = strings.Split(list, ", ")
	}
	slices.Sort(names)
	return names
}

// TestMessageParamsDocumented holds the samples, and so the params the
// words may name, to the params RULES.md lists for each code: a template
// naming a param the checks do not give cannot pass
// TestVietnameseTemplatesFilled, nor a sample with another param this one.
func TestMessageParamsDocumented(t *testing.T) {
	for code, params := range viSamples {
		if got, want := paramNames(params), documentedParams(code); !slices.Equal(got, want) {
			t.Errorf("%s: the sample gives %v, the documented params are %v", code, got, want)
		}
	}
}

// TestMessageJSON: a problem says its message code and params in JSON,
// numbers as numbers and dates as the API writes them.
func TestMessageJSON(t *testing.T) {
	now := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	fields, _ := check(t, `{"unit_code":"05596","period":"2024","profile":{"households":5000,"population":4456},
		"delegations":{"outbound":{"items":[{"name":"A","start_on":"2024-05-02","end_on":"2024-05-01"}]}}}`, now)
	var got []string
	for _, f := range fields {
		b, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(b))
	}
	want := []string{
		`{"field":"delegations.outbound.items[0].end_on","code":"date_order","message":"2024-05-01 is before start_on 2024-05-02","message_code":"date_order","params":{"end_on":"2024-05-01","start_on":"2024-05-02"}}`,
		`{"field":"profile.households","code":"inconsistent","message":"5000 households is more than the population of 4456","message_code":"households_over_population","params":{"households":5000,"population":4456}}`,
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
