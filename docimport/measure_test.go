package docimport

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"doingoai/internal/docxtest"
	"doingoai/models"
)

// figures flattens the figures of a report (as JSON) to path → value: every
// number, every null, and the number of ethnic groups and NGO projects.
// Text is not a figure; nor are the items lists a document never itemises.
func figures(v any, path string, out map[string]any) {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			if k == "items" || k == "documents" || k == "partners" || k == "recommendations" {
				continue
			}
			figures(c, join(path, k), out)
		}
	case []any:
		if strings.HasSuffix(path, "projects") || strings.HasSuffix(path, "ethnic_groups") {
			out[path+".length"] = json.Number(fmt.Sprint(len(x)))
		}
		for i, c := range x {
			figures(c, fmt.Sprintf("%s[%d]", path, i), out)
		}
	case json.Number:
		out[path] = x
	case nil:
		out[path] = nil
	}
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

func decode(t testing.TB, b []byte) any {
	t.Helper()
	d := json.NewDecoder(strings.NewReader(string(b)))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// score compares the figures read with those expected. Stated are the
// numbers the expected report holds; a figure read is correct if it is the
// same number, wrong if it differs or if the document does not state it
// (expected null or absent).
type score struct {
	stated, correct int
	wrong, missed   []string
}

func (s score) recall() float64 {
	if s.stated == 0 {
		return 1
	}
	return float64(s.correct) / float64(s.stated)
}

func (s score) precision() float64 {
	if s.correct+len(s.wrong) == 0 {
		return 1
	}
	return float64(s.correct) / float64(s.correct+len(s.wrong))
}

func compare(t testing.TB, want, got any) score {
	w, g := map[string]any{}, map[string]any{}
	figures(want, "", w)
	figures(got, "", g)
	var s score
	keys := make([]string, 0, len(w))
	for k := range w {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		wv := w[k]
		if wv == nil {
			continue
		}
		s.stated++
		switch gv := g[k]; {
		case gv == nil:
			s.missed = append(s.missed, k)
		case sameNumber(gv, wv):
			s.correct++
		default:
			s.wrong = append(s.wrong, fmt.Sprintf("%s = %v, want %v", k, gv, wv))
		}
	}
	for k, gv := range g {
		if gv == nil {
			continue
		}
		if wv, ok := w[k]; !ok || wv == nil {
			s.wrong = append(s.wrong, fmt.Sprintf("%s = %v, but the document does not state it", k, gv))
		}
	}
	sort.Strings(s.wrong)
	return s
}

func sameNumber(a, b any) bool {
	return normNum(fmt.Sprint(a)) == normNum(fmt.Sprint(b))
}

func normNum(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

func readReport(t testing.TB, data []byte) (*Result, any) {
	t.Helper()
	lines, kind, err := Lines(data)
	if err != nil {
		t.Fatal(err)
	}
	res := Read(lines)
	res.Kind = kind
	b, err := json.Marshal(res.Report)
	if err != nil {
		t.Fatal(err)
	}
	return res, decode(t, b)
}

// checkFound asserts that every figure set has a found entry quoting words
// of the document, and every figure not set is in not_found.
func checkFound(t *testing.T, res *Result, got any, source string) {
	t.Helper()
	g := map[string]any{}
	figures(got, "", g)
	found := map[string]Found{}
	for _, f := range res.Found {
		found[f.Field] = f
		for _, part := range strings.Split(f.Text, " … ") {
			if part == "" || !strings.Contains(normalizeSpace(source), normalizeSpace(part)) && !strings.HasPrefix(part, "Nơi nhận") && !strings.Contains(f.Field, "signer_title") {
				t.Errorf("found %s quotes %q, which is not in the document", f.Field, part)
			}
		}
	}
	notFound := map[string]bool{}
	for _, p := range res.NotFound {
		notFound[p] = true
	}
	for k, v := range g {
		k = strings.TrimSuffix(k, ".length")
		if v == nil {
			if !notFound[k] && !strings.Contains(k, "].") && !hasNotFoundUnder(res.NotFound, k+".") {
				t.Errorf("%s is null but not in not_found", k)
			}
			continue
		}
		if _, ok := found[k]; !ok && !hasFoundUnder(res.Found, k+"[") {
			t.Errorf("%s = %v has no found entry", k, v)
		}
		if notFound[k] {
			t.Errorf("%s is set and in not_found", k)
		}
	}
}

func hasFoundUnder(fs []Found, prefix string) bool {
	for _, f := range fs {
		if strings.HasPrefix(f.Field, prefix) {
			return true
		}
	}
	return false
}

func hasNotFoundUnder(list []string, prefix string) bool {
	for _, p := range list {
		if strings.HasPrefix(p, prefix) {
			return true
		}
	}
	return false
}

func normalizeSpace(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "*", "")), " ")
}

// TestSeedText reads the Bộc Nhiêu 2024 report as text: every figure of
// its JSON form, none wrong, the blank number and date null, and the two
// figures the report does not state (citizens who went abroad, workers
// abroad) null.
func TestSeedText(t *testing.T) {
	src, err := os.ReadFile("../testdata/bao-cao-doi-ngoai-boc-nhieu-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	checkSeed(t, src, string(src))
}

func checkSeed(t *testing.T, data []byte, source string) {
	t.Helper()
	wantJSON, err := os.ReadFile("../demo/boc-nhieu-2024.json")
	if err != nil {
		t.Fatal(err)
	}
	want := decode(t, wantJSON)
	res, got := readReport(t, data)
	s := compare(t, want, got)
	t.Logf("seed: %d figures stated, %d read correctly, %d wrong; recall %.0f%%, precision %.0f%%", s.stated, s.correct, len(s.wrong), 100*s.recall(), 100*s.precision())
	for _, w := range s.wrong {
		t.Errorf("wrong: %s", w)
	}
	for _, m := range s.missed {
		t.Errorf("missed: %s", m)
	}
	checkFound(t, res, got, source)
	doc := res.Report.Document
	if doc.Number != nil || doc.IssuedOn != nil {
		t.Errorf("number %v and date %v are blank in the document", doc.Number, doc.IssuedOn)
	}
	if res.Report.Consular.CitizensExited != nil || res.Report.OverseasVietnamese.LaborExportWorkers != nil {
		t.Error("citizens_exited and labor_export_workers are not stated")
	}
	for _, p := range []string{"document.number", "document.issued_on", "consular.citizens_exited", "overseas_vietnamese.labor_export_workers"} {
		if !contains(res.NotFound, p) {
			t.Errorf("%s not in not_found: %v", p, res.NotFound)
		}
	}
	if res.Period != "2024" || len(res.Places) == 0 || res.Places[0].Name != "Bộc Nhiêu" {
		t.Errorf("period %q places %+v", res.Period, res.Places)
	}
	if !contains(res.Parents, "dinh hoa") {
		t.Errorf("parents %v", res.Parents)
	}
	w := want.(map[string]any)["document"].(map[string]any)
	if doc.Place != w["place"] || doc.SignerName != w["signer_name"] || doc.SignerTitle != w["signer_title"] || doc.InResponseTo != w["in_response_to"] {
		t.Errorf("document %+v", doc)
	}
	if fmt.Sprint(doc.Recipients) != fmt.Sprint(w["recipients"]) {
		t.Errorf("recipients %q", doc.Recipients)
	}
	if len(res.Report.Difficulties) != 2 || len(res.Report.Causes) != 1 || len(res.Report.Plan) != 6 || len(res.Report.Recommendations) != 3 {
		t.Errorf("lists: %d difficulties, %d causes, %d plan, %d recommendations", len(res.Report.Difficulties), len(res.Report.Causes), len(res.Report.Plan), len(res.Report.Recommendations))
	}
	for i, r := range res.Report.Recommendations {
		if want := want.(map[string]any)["recommendations"].([]any)[i].(map[string]any)["addressee"]; r.Addressee != want {
			t.Errorf("recommendation %d to %q, want %q", i, r.Addressee, want)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var _ = filepath.Join

// TestSeedDocx reads the seed as a .docx made from it the way communes lay
// it out (header and signature in two-column tables, runs cut inside
// numbers), and as LibreOffice converts the text file to .docx.
func TestSeedDocx(t *testing.T) {
	src, err := os.ReadFile("../testdata/bao-cao-doi-ngoai-boc-nhieu-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("tables", func(t *testing.T) {
		data := docxtest.FromText(string(src), "UBND XÃ BỘC NHIÊU")
		checkSeed(t, data, string(src)+"\nUBND XÃ BỘC NHIÊU")
		res, _ := readReport(t, data)
		if res.Kind != KindDocx || res.Places[0].Kind != "commune" || res.Places[0].Name != "Bộc Nhiêu" {
			t.Errorf("kind %s, places %+v", res.Kind, res.Places)
		}
	})
	t.Run("libreoffice", func(t *testing.T) {
		data, err := os.ReadFile("testdata/boc-nhieu-2024-libreoffice.docx")
		if err != nil {
			t.Fatal(err)
		}
		checkSeed(t, data, string(src))
	})
}

// expected is what a test report states: its unit and period as the
// document names them, and the report's figures (null where the document
// does not state one).
type expected struct {
	Unit struct {
		Name    string          `json:"name"`
		Kind    models.UnitKind `json:"kind"`
		Period  string          `json:"period"`
		Parents []string        `json:"parents"`
	} `json:"unit"`
	Report json.RawMessage `json:"report"`
}

// testCase reads a report of a corpus: NAME.txt, and NAME.json with the
// unit, period and figures it states (want, flattened by decode).
func testCase(t testing.TB, file string) (name string, src []byte, exp expected, want any) {
	t.Helper()
	name = strings.TrimSuffix(filepath.Base(file), ".txt")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(strings.TrimSuffix(file, ".txt") + ".json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	return name, src, exp, decode(t, exp.Report)
}

// TestReports reads reports written in the genre but in other words than
// the seed — another commune's year, a ward's half-year after the 2025
// reform, one with NGO projects and foreign delegations counted, a terse
// one — each as text and as .docx, and measures them against their
// expected figures: no figure wrong, at least 90 % of those stated read.
func TestReports(t *testing.T) {
	files, err := filepath.Glob("testdata/reports/*.txt")
	if err != nil || len(files) < 4 {
		t.Fatalf("%d reports: %v", len(files), err)
	}
	total := score{}
	for _, file := range files {
		name, src, exp, want := testCase(t, file)
		for _, format := range []string{"text", "docx"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				data := src
				if format == "docx" {
					data = docxtest.FromText(string(src), "")
				}
				res, got := readReport(t, data)
				s := compare(t, want, got)
				t.Logf("%-26s %-4s stated %2d, read %2d, wrong %d: recall %5.1f%%, precision %5.1f%%",
					name, format, s.stated, s.correct, len(s.wrong), 100*s.recall(), 100*s.precision())
				for _, w := range s.wrong {
					t.Errorf("wrong: %s", w)
				}
				for _, m := range s.missed {
					t.Logf("missed: %s", m)
				}
				if s.recall() < 0.9 {
					t.Errorf("recall %.1f%% is under 90%%", 100*s.recall())
				}
				checkFound(t, res, got, string(src))
				if res.Period != exp.Unit.Period {
					t.Errorf("period %q, want %q", res.Period, exp.Unit.Period)
				}
				if len(res.Places) == 0 || fold(res.Places[0].Name) != fold(exp.Unit.Name) {
					t.Errorf("places %+v, want %s", res.Places, exp.Unit.Name)
				}
				kind := models.UnitKind("")
				for _, p := range res.Places {
					if p.Kind != "" && kind == "" {
						kind = p.Kind
					}
				}
				if kind != exp.Unit.Kind {
					t.Errorf("kind %q, want %q", kind, exp.Unit.Kind)
				}
				for _, p := range exp.Unit.Parents {
					if !contains(res.Parents, p) {
						t.Errorf("parents %v lack %q", res.Parents, p)
					}
				}
				// The header's texts.
				var wd struct {
					Document map[string]any `json:"document"`
				}
				json.Unmarshal(exp.Report, &wd)
				gd := got.(map[string]any)["document"].(map[string]any)
				for k, v := range wd.Document {
					if fmt.Sprint(gd[k]) != fmt.Sprint(v) {
						t.Errorf("document.%s = %v, want %v", k, gd[k], v)
					}
				}
				if format == "text" {
					total.stated += s.stated
					total.correct += s.correct
					total.wrong = append(total.wrong, s.wrong...)
				}
			})
		}
	}
	t.Logf("all reports (text): stated %d, read %d, wrong %d: recall %.1f%%, precision %.1f%%",
		total.stated, total.correct, len(total.wrong), 100*total.recall(), 100*total.precision())
}
