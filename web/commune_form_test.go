package web

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"doingoai/demo"
	"doingoai/models"
)

// canonical decodes a report body as the API does and returns its stored form.
func canonical(t *testing.T, body []byte) string {
	t.Helper()
	var r models.Report
	if err := models.DecodeJSON(body, &r, models.ReportReadOnly); err != nil {
		t.Fatalf("the API would refuse the body: %v\n%s", err, body)
	}
	c, _, err := r.Canonical()
	if err != nil {
		t.Fatal(err)
	}
	return string(c)
}

// TestFormRoundTrip: the seed report, put into the form and read back,
// is the same report: every field of the JSON has an input, nulls stay
// null and zeros stay zero.
func TestFormRoundTrip(t *testing.T) {
	seed := demo.BocNhieu2024
	v, err := reportToForm(seed)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"profile.households":                        "1.169",
		"profile.area_ha":                           "2.690,67",
		"profile.poor_households_rate_pct":          "5,03",
		"profile.income_per_capita_vnd":             "46.000.000",
		"profile.ethnic_groups[0].name":             "Tày",
		"profile.ethnic_groups[3].share_pct":        "0,2",
		"delegations.inbound_domestic.count":        "6",
		"delegations.outbound.count":                "0",
		"consular.foreign_residents":                "0",
		"recommendations[2].addressee":              "UBND huyện",
		"document.recipients[4]":                    "Lưu: VP",
		"economic_diplomacy.documents[1].issued_on": "2022-08-10",
	} {
		if v[name] != want {
			t.Errorf("input %s = %q, want %q", name, v[name], want)
		}
	}
	for _, name := range []string{"consular.citizens_exited", "overseas_vietnamese.labor_export_workers", "document.number", "document.issued_on"} {
		if s, ok := v[name]; ok {
			t.Errorf("input %s = %q, want it empty (not reported)", name, s)
		}
	}
	body, problems, _, _ := formToReport(v, "05596", "2024", "submitted")
	if len(problems) > 0 {
		t.Fatalf("problems reading the form back: %v", problems)
	}
	// An empty list and no list say the same ("not itemised"); the seed
	// writes [] where the form leaves the list out.
	empty := strings.NewReplacer(`"items":[],`, "", `,"items":[]`, "", `"projects":[],`, "")
	if got, want := canonical(t, body), empty.Replace(canonical(t, seed)); got != want {
		t.Errorf("the report read back from the form differs:\n got %s\nwant %s", got, want)
	}
}

// TestFormNumbers: numbers typed the Vietnamese way reach the JSON exactly;
// empty is null, "Không có" is 0; an unreadable number is a problem at its
// input, in Vietnamese, and the rest is still built.
func TestFormNumbers(t *testing.T) {
	v := formValues{
		"profile.households":                "1.169",
		"profile.population":                "4 456",
		"profile.area_ha":                   "2.690,67",
		"profile.poor_households_rate_pct":  "5,03",
		"profile.hamlets":                   "",
		"consular.foreign_residents":        "Không có",
		"consular.citizens_exited":          "",
		"training.courses":                  "ba",
		"ngo_aid.projects[0].name":          "Nhà văn hóa xóm",
		"ngo_aid.projects[0].committed_vnd": "1,2 tỷ",
		"ngo_aid.projects[0].disbursed_vnd": "850 triệu",
		"ngo_aid.projects[1].name":          "",
		"ngo_aid.projects[2].name":          "Trường học",
		"ngo_aid.projects[2].committed_vnd": "nhiều",
	}
	body, problems, shown, inputs := formToReport(v, "05596", "2024", "draft")
	var got struct {
		Profile struct {
			Households *int64         `json:"households"`
			Population *int64         `json:"population"`
			AreaHa     *json.Number   `json:"area_ha"`
			Rate       *json.Number   `json:"poor_households_rate_pct"`
			Hamlets    *int64         `json:"hamlets"`
			Extra      map[string]any `json:"-"`
		} `json:"profile"`
		Consular map[string]any `json:"consular"`
		NgoAid   struct {
			Projects []map[string]any `json:"projects"`
		} `json:"ngo_aid"`
		Training map[string]any `json:"training"`
	}
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.UseNumber()
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if *got.Profile.Households != 1169 || *got.Profile.Population != 4456 || got.Profile.AreaHa.String() != "2690.67" || got.Profile.Rate.String() != "5.03" || got.Profile.Hamlets != nil {
		t.Errorf("profile: %s", body)
	}
	if _, ok := got.Consular["citizens_exited"]; ok {
		t.Errorf("an empty input was sent: %s", body)
	}
	if n := got.Consular["foreign_residents"]; n != json.Number("0") {
		t.Errorf("Không có = %v, want 0", n)
	}
	if got.Training != nil {
		t.Errorf("an unreadable number was sent: %v", got.Training)
	}
	if len(got.NgoAid.Projects) != 2 || got.NgoAid.Projects[0]["committed_vnd"] != json.Number("1200000000") || got.NgoAid.Projects[0]["disbursed_vnd"] != json.Number("850000000") {
		t.Errorf("projects: %v", got.NgoAid.Projects)
	}
	want := []models.FieldError{
		{Field: "ngo_aid.projects[1].committed_vnd", Message: "không phải là số; ví dụ 1.169 hoặc 2.690,67"},
		{Field: "training.courses", Message: "không phải là số; ví dụ 1.169 hoặc 2.690,67"},
	}
	if !reflect.DeepEqual(problems, want) {
		t.Errorf("problems = %v, want %v", problems, want)
	}
	if shown["profile.population"] != "4.456" || shown["ngo_aid.projects[0].committed_vnd"] != "1.200.000.000" {
		t.Errorf("shown = %v", shown)
	}
	// The API's path of the second project is the third entry of the page.
	if got := inputs.inputPath("ngo_aid.projects[1].committed_vnd"); got != "ngo_aid.projects[2].committed_vnd" {
		t.Errorf("inputPath = %q", got)
	}
	if got := inputs.inputPath("profile.households"); got != "profile.households" {
		t.Errorf("inputPath = %q", got)
	}
}
