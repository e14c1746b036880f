package handlers_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"doingoai/app"
	"doingoai/demo"
	"doingoai/internal/apitest"
	"doingoai/internal/docxtest"
	"doingoai/models"
)

const importURL = "/api/v1/reports/import"

func seedText(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../testdata/bao-cao-doi-ngoai-boc-nhieu-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// multipartFile returns a multipart/form-data body with the file in the
// field file, and its content type.
func multipartFile(t *testing.T, name string, data []byte) (string, string) {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	fw, err := w.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	w.Close()
	return b.String(), w.FormDataContentType()
}

// zipBomb is a .docx whose document.xml unpacks to 64 MiB of spaces inside
// one paragraph: a few tens of kilobytes on the wire.
func zipBomb(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>`))
	chunk := bytes.Repeat([]byte("A"), 1<<20)
	for range 64 {
		w.Write(chunk)
	}
	w.Write([]byte(`</w:t></w:r></w:p></w:body></w:document>`))
	zw.Close()
	if buf.Len() > 1<<20 {
		t.Fatalf("the bomb is %d bytes", buf.Len())
	}
	return buf.Bytes()
}

// TestImport: the seed as text, as multipart and as .docx; unit and period
// from the document or the query; files that are not documents; scope;
// ?save=draft and its conflict with a submitted report.
func TestImport(t *testing.T) {
	env := apitest.New(t)
	seed := seedText(t)
	docx := string(docxtest.FromText(seed, "UBND XÃ BỘC NHIÊU"))
	form, formType := multipartFile(t, "bao-cao.txt", []byte(seed))
	docxForm, docxFormType := multipartFile(t, "bao-cao.docx", []byte(docx))
	text := "text/plain; charset=utf-8"
	noTitle := "UBND XÃ BỘC NHIÊU\nI. ĐẶC ĐIỂM TÌNH HÌNH\nXã có 1.169 hộ."
	figures := []string{`"unit_code":"05596"`, `"period":"2024"`, `"households":1169`, `"population":4456`, `"area_ha":2690.67`,
		`"inbound_domestic":{"count":6,"people":null}`, `"citizens_exited":null`, `"labor_export_workers":null`,
		`{"field":"profile.households","value":1169,"text":"với tổng số 1.169 hộ"}`, `"consular.citizens_exited"`,
		`"unit_from":"document"`, `"period_from":"document"`, `"status":"draft"`, `"code":"poor_rate_mismatch"`}
	env.Run(t, []apitest.Scenario{
		{Name: "the commune imports its report as text", Method: "POST", URL: importURL, Token: "commune", ContentType: text, Body: seed, Status: 200,
			Contains: append(figures, `"format":"text"`), NotContains: []string{`"saved"`}},
		{Name: "as a .docx", Method: "POST", URL: importURL, Token: "commune", ContentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Body: docx, Status: 200,
			Contains: append(figures, `"format":"docx"`)},
		{Name: "as a form", Method: "POST", URL: importURL, Token: "commune", ContentType: formType, Body: form, Status: 200, Contains: figures},
		{Name: "a .docx in a form", Method: "POST", URL: importURL, Token: "commune", ContentType: docxFormType, Body: docxForm, Status: 200, Contains: figures},
		{Name: "unit and period from the query", Method: "POST", URL: importURL + "?unit=05596&period=2024S2", Token: "district", ContentType: text, Body: seed, Status: 200,
			Contains: []string{`"period":"2024S2"`, `"unit_from":"query"`, `"period_from":"query"`}},
		{Name: "a district imports for a commune the document names", Method: "POST", URL: importURL, Token: "district", ContentType: text, Body: seed, Status: 200, Contains: []string{`"unit_code":"05596"`}},
		{Name: "another commune cannot import Bộc Nhiêu's report", Method: "POST", URL: importURL, Token: "other-commune", ContentType: text, Body: seed, Status: 403, Contains: []string{"05596"}},
		{Name: "nor name another unit", Method: "POST", URL: importURL + "?unit=05599", Token: "commune", ContentType: text, Body: seed, Status: 403},
		{Name: "a code that names no unit", Method: "POST", URL: importURL + "?unit=99999&period=2024", Token: "admin", ContentType: text, Body: seed, Status: 422,
			Contains: []string{`"field":"unit"`, `"code":"unknown_unit"`, `"message_code":"no_such_unit"`}},
		{Name: "a district does not report", Method: "POST", URL: importURL + "?unit=167&period=2024", Token: "admin", ContentType: text, Body: seed, Status: 422,
			Contains: []string{`"field":"unit"`, `"code":"unknown_unit"`, `"message_code":"not_a_reporting_unit"`}},
		{Name: "a district of elsewhere cannot", Method: "POST", URL: importURL, Token: "other-district", ContentType: text, Body: seed, Status: 403},
		{Name: "no period in the document", Method: "POST", URL: importURL, Token: "commune", ContentType: text, Body: noTitle, Status: 422, Contains: []string{`"field":"period"`}},
		{Name: "no commune in the document", Method: "POST", URL: importURL + "?period=2024", Token: "admin", ContentType: text, Body: "BÁO CÁO\nKết quả công tác đối ngoại năm 2024\n", Status: 422, Contains: []string{`"field":"unit"`}},
		{Name: "an old .doc", Method: "POST", URL: importURL, Token: "commune", ContentType: "application/msword", Body: "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + strings.Repeat("\x00", 100), Status: 415, Contains: []string{".docx"}},
		{Name: "a .doc declared as such", Method: "POST", URL: importURL, Token: "commune", ContentType: "application/msword", Body: "anything", Status: 415, Contains: []string{".docx"}},
		{Name: "a PDF", Method: "POST", URL: importURL, Token: "commune", ContentType: "application/pdf", Body: "%PDF-1.7\n%âãÏÓ\n1 0 obj", Status: 415, Contains: []string{"PDF", ".docx"}},
		{Name: "a photo", Method: "POST", URL: importURL, Token: "commune", ContentType: "image/jpeg", Body: "\xff\xd8\xff\xe0\x00\x10JFIF", Status: 415, Contains: []string{".docx"}},
		{Name: "JSON is not a document", Method: "POST", URL: importURL, Token: "commune", ContentType: "application/json", Body: string(demo.BocNhieu2024), Status: 415},
		{Name: "a damaged .docx", Method: "POST", URL: importURL, Token: "commune", ContentType: "application/octet-stream", Body: docx[:len(docx)/2], Status: 422, Contains: []string{"docx"}},
		{Name: "a zip bomb", Method: "POST", URL: importURL, Token: "commune", ContentType: "application/octet-stream", Body: string(zipBomb(t)), Status: 413},
		{Name: "over the body limit", Method: "POST", URL: importURL, Token: "commune", ContentType: text, Body: strings.Repeat("Xã có 1.169 hộ.\n", 70_000), Status: 413},
		{Name: "an empty body", Method: "POST", URL: importURL, Token: "commune", ContentType: text, Body: "", Status: 422},
		{Name: "a bad save value", Method: "POST", URL: importURL + "?save=yes", Token: "commune", ContentType: text, Body: seed, Status: 422, Contains: []string{`"field":"save"`}},
		{Name: "no token", Method: "POST", URL: importURL, ContentType: text, Body: seed, Status: 401},
	})

	// ?save=draft stores an ordinary draft revision, audited as imported.
	env.Run(t, []apitest.Scenario{
		{Name: "the commune saves the import as a draft", Method: "POST", URL: importURL + "?save=draft", Token: "commune", ContentType: text, Body: seed, Status: 201,
			Contains: []string{`"saved":{"unit_code":"05596","period":"2024","revision":1,"status":"draft"`},
			Check: func(t *testing.T, r *apitest.Response) {
				if loc := r.Header.Get("Location"); loc != "/api/v1/reports/05596/2024" {
					t.Errorf("Location %q", loc)
				}
			}},
		{Name: "saving the same again changes nothing", Method: "POST", URL: importURL + "?save=draft", Token: "commune", ContentType: text, Body: seed, Status: 200,
			Contains: []string{`"revision":1,"status":"draft"`}},
		{Name: "the draft reads like any report", URL: "/api/v1/reports/05596/2024", Token: "district", Status: 200,
			Contains: []string{`"status":"draft"`, `"households":1169`, `"citizens_exited":null`}},
		{Name: "the audit says imported", URL: "/api/v1/audit?unit=05596&period=2024", Token: "district", Status: 200,
			Contains: []string{`"action":"report.submit"`, `"source":"import"`}},
		{Name: "a draft does not count as reported", URL: "/api/v1/completeness?unit=167&period=2024", Token: "district", Status: 200, Contains: []string{`"draft":1`}},
		{Name: "the commune submits its report", Method: "POST", URL: "/api/v1/reports", Token: "commune", Body: string(demo.BocNhieu2024), Status: 201,
			Contains: []string{`"revision":2`, `"status":"submitted"`}},
		{Name: "an imported draft cannot replace it", Method: "POST", URL: importURL + "?save=draft", Token: "commune", ContentType: text, Body: seed, Status: 409},
		{Name: "reading it still works", Method: "POST", URL: importURL, Token: "commune", ContentType: text, Body: seed, Status: 200},
	})
	var view models.ReportView
	env.Do(t, "GET", "/api/v1/reports/05596/2024", "commune", "", nil).JSON(t, &view)
	if view.Revision != 2 || view.Status != models.StatusSubmitted {
		t.Errorf("revision %d %s", view.Revision, view.Status)
	}
}

// TestImportUnitFromDocument: the commune named in the document is found
// among the units in scope without diacritics; two of the same name are
// told apart by the district the document names, else 422 names them.
func TestImportUnitFromDocument(t *testing.T) {
	env := apitest.New(t)
	ctx := t.Context()
	for _, u := range []models.UnitInput{
		{Code: "05432", Name: "Xã Bộc Nhiêu", Kind: models.KindCommune, ParentCode: "164"},
		{Code: "05433", Name: "Phường Bộc Nhiêu", Kind: models.KindWard, ParentCode: "164"},
		{Code: "05434", Name: "Xã Tân Cũ", Kind: models.KindCommune, ParentCode: "164", ValidTo: models.MustDate("2023-12-31")},
		{Code: "05435", Name: "Xã Tân Cũ", Kind: models.KindCommune, ParentCode: "164", ValidFrom: models.MustDate("2024-01-01")},
	} {
		if _, err := env.Store.CreateUnit(ctx, models.CommandLine, u); err != nil {
			t.Fatal(err)
		}
	}
	doc := func(issuer, extra string) string {
		return issuer + "\nSố: 12/BC-UBND\nngày 20 tháng 11 năm 2024\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\n" + extra + "\nI. ĐẶC ĐIỂM TÌNH HÌNH\nXã có tổng số 1.169 hộ.\n"
	}
	text := "text/plain; charset=utf-8"
	env.Run(t, []apitest.Scenario{
		{Name: "two communes of the name: ambiguous", Method: "POST", URL: importURL, Token: "admin", ContentType: text, Body: doc("UBND XA BOC NHIEU", ""), Status: 422,
			Contains: []string{"05596", "05432", `"field":"unit"`}},
		{Name: "the district named settles it", Method: "POST", URL: importURL, Token: "admin", ContentType: text,
			Body: doc("UBND XÃ BỘC NHIÊU", "Thực hiện Công văn số 1/UBND-VP ngày 1/11/2024 của UBND huyện Định Hóa về việc báo cáo."), Status: 200,
			Contains: []string{`"unit_code":"05596"`, `"number":"12/BC-UBND"`}},
		{Name: "the kind settles it: phường", Method: "POST", URL: importURL, Token: "admin", ContentType: text, Body: doc("ỦY BAN NHÂN DÂN PHƯỜNG BỘC NHIÊU", ""), Status: 200,
			Contains: []string{`"unit_code":"05433"`}},
		{Name: "a district sees only its own", Method: "POST", URL: importURL, Token: "district", ContentType: text, Body: doc("UBND XÃ BỘC NHIÊU", ""), Status: 200,
			Contains: []string{`"unit_code":"05596"`}},
		{Name: "the unit valid in the year is preferred", Method: "POST", URL: importURL, Token: "admin", ContentType: text, Body: doc("UBND XÃ TÂN CŨ", ""), Status: 200,
			Contains: []string{`"unit_code":"05435"`}},
		{Name: "a name nobody has", Method: "POST", URL: importURL, Token: "admin", ContentType: text, Body: doc("UBND XÃ KHÔNG CÓ THẬT", ""), Status: 422,
			Contains: []string{"Không Có Thật", `"field":"unit"`}},
	})
}

// BenchmarkImport is POST /api/v1/reports/import of the seed through the
// real router on a real database: reading, the unit found from the
// document, validation and the previous period's figures. The target for
// a seed-sized document is < 20 ms.
func BenchmarkImport(b *testing.B) {
	env := apitest.New(b)
	src, err := os.ReadFile("../testdata/bao-cao-doi-ngoai-boc-nhieu-2024.txt")
	if err != nil {
		b.Fatal(err)
	}
	docx := string(docxtest.FromText(string(src), "UBND XÃ BỘC NHIÊU"))
	for name, body := range map[string]string{"text": string(src), "docx": docx} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if res := env.Do(b, "POST", importURL, "district", body, map[string]string{"Content-Type": "application/octet-stream"}); res.Status != 200 {
					b.Fatal(res.Status, string(res.Body))
				}
			}
		})
	}
}

// TestImportAfterTheReform: a ward's half-year report of late 2025, sent to
// the province's Department of Foreign Affairs, names a ward whose code
// named another unit before the reform; the one that existed during the
// period is chosen, by a token of the province.
func TestImportAfterTheReform(t *testing.T) {
	env := apitest.New(t)
	env.Clock.Set(time.Date(2025, 12, 15, 9, 0, 0, 0, models.Vietnam))
	ctx := t.Context()
	for _, u := range []models.UnitInput{
		{Code: "05443", Name: "Phường Phan Đình Phùng", Kind: models.KindWard, ParentCode: "164", ValidTo: models.MustDate("2025-06-30")},
		{Code: "05443", Name: "Phường Phan Đình Phùng", Kind: models.KindWard, ParentCode: "19", ValidFrom: models.MustDate("2025-07-01")},
	} {
		if _, err := env.Store.CreateUnit(ctx, models.CommandLine, u); err != nil {
			t.Fatal(err)
		}
	}
	ward, err := os.ReadFile("../docimport/testdata/reports/phan-dinh-phung-2025s2.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := "text/plain; charset=utf-8"
	env.Run(t, []apitest.Scenario{
		{Name: "the province imports the ward's report and saves it", Method: "POST", URL: importURL + "?save=draft", Token: "province", ContentType: text, Body: string(ward), Status: 201,
			Contains: []string{`"unit_code":"05443","period":"2025S2"`, `"area_ha":1236`, `"committed_vnd":1500000000`, `"revision":1,"status":"draft"`}},
		{Name: "the draft belongs to the ward of after the reform", URL: "/api/v1/completeness?unit=19&period=2025S2", Token: "province", Status: 200,
			Contains: []string{`"code":"05443","name":"Phường Phan Đình Phùng","status":"draft"`}},
		{Name: "a district of before the reform cannot import it", Method: "POST", URL: importURL, Token: "other-district", ContentType: text, Body: string(ward), Status: 403},
	})
}

// TestImportWarnsAsASubmission: the warnings an import shows are those a
// submission of the report it read gets (one pipeline, app's warnings):
// the validator's doubts and the figures far from the commune's report for
// the period before — here 2023's, with no delegation, no one trained and no
// NGO aid.
func TestImportWarnsAsASubmission(t *testing.T) {
	env := apitest.New(t)
	prev := apitest.Seed(t)
	prev["period"] = "2023"
	for _, g := range []string{"outbound", "inbound_domestic", "inbound_foreign"} {
		grp := apitest.Obj(prev, "delegations", g)
		grp["count"], grp["items"] = 0, []any{}
		if _, ok := grp["people"]; ok {
			grp["people"] = 0
		}
	}
	apitest.Obj(prev, "training")["officials_trained"] = 0
	apitest.Obj(prev, "ngo_aid")["projects"] = []any{} // no aid: 0 đồng committed and disbursed
	if res := env.Do(t, "POST", "/api/v1/reports", "commune", apitest.Body(t, prev), nil); res.Status != http.StatusCreated {
		t.Fatalf("2023: %d %s", res.Status, res.Body)
	}
	var imported app.ImportResult
	// The seed as Bộc Nhiêu wrote it, but with 16 domestic delegations.
	doc := strings.Replace(seedText(t), "Đoàn trong nước: 6 đoàn:", "Đoàn trong nước: 16 đoàn:", 1)
	if res := env.Do(t, "POST", importURL, "commune", doc, map[string]string{"Content-Type": "text/plain; charset=utf-8"}); res.Status != http.StatusOK {
		t.Fatalf("import: %d %s", res.Status, res.Body)
	} else {
		res.JSON(t, &imported)
	}
	body, err := json.Marshal(imported.Report)
	if err != nil {
		t.Fatal(err)
	}
	var checked models.SubmitResult
	if res := env.Do(t, "POST", "/api/v1/reports?dry_run=true", "commune", string(body), nil); res.Status != http.StatusOK {
		t.Fatalf("dry run: %d %s", res.Status, res.Body)
	} else {
		res.JSON(t, &checked)
	}
	outliers := 0
	for _, w := range imported.Warnings {
		if w.Code == models.WarnOutlier {
			outliers++
		}
	}
	if outliers == 0 {
		t.Errorf("the import shows no figure far from 2023's: %+v", imported.Warnings)
	}
	if got, want := fmt.Sprint(imported.Warnings), fmt.Sprint(checked.Warnings); got != want {
		t.Errorf("the import warns\n%s\na submission of what it read is warned\n%s", got, want)
	}
}
