package handlers_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"doingoai/consolidated"
	"doingoai/docx"
	"doingoai/export"
	"doingoai/internal/apitest"
	"doingoai/models"
)

// consolidatedEnv is Định Hóa's 2024 round, half done: the province asked
// with a letter and a due date; Bộc Nhiêu reported on time and was
// accepted; Sơn Phú reported on time (a foreign delegation, an NGO project,
// a difficulty also Bộc Nhiêu's); Trung Hội reported late; Phú Tiến
// reported late and was returned; the other 19 have not reported.
func consolidatedEnv(t *testing.T) *apitest.Env {
	t.Helper()
	env := apitest.New(t)
	if res := env.Do(t, "PUT", "/api/v1/deadlines/19/2024", "province", `{"due_date":"2024-11-25","reference":"3150/SNgV-VP"}`, nil); res.Status != 201 {
		t.Fatalf("deadline: %d %s", res.Status, res.Body)
	}
	seed := func(code string, change func(m map[string]any)) string {
		m := apitest.Seed(t)
		m["unit_code"] = code
		if change != nil {
			change(m)
		}
		return apitest.Body(t, m)
	}
	submit(t, env, "commune", seed("05596", nil))
	submit(t, env, "other-commune", seed("05599", func(m map[string]any) {
		d := apitest.Obj(m, "delegations")
		d["inbound_domestic"] = map[string]any{"count": 4}
		d["inbound_foreign"] = map[string]any{"count": 1, "people": 5}
		apitest.Obj(m, "ngo_aid")["projects"] = []any{map[string]any{"name": "Xây dựng nhà văn hóa xóm Nà Lẹng", "donor": "World Vision",
			"country": "Hoa Kỳ", "committed_vnd": 1500000000, "disbursed_vnd": 900000000}}
		m["difficulties"] = []any{"Nguồn kinh phí cho công tác đối ngoại  hạn chế.", "Giao thông đi lại giữa các xóm còn khó khăn"}
		m["people_diplomacy"] = map[string]any{"narrative": "Xã phối hợp với tổ chức World Vision khởi công nhà văn hóa xóm Nà Lẹng, đón đoàn khách Hoa Kỳ thăm và làm việc."}
	}))
	env.Clock.Add(48 * time.Hour)
	submit(t, env, "district", seed("05581", func(m map[string]any) {
		apitest.Obj(m, "overseas_vietnamese")["labor_export_workers"] = 7
	}))
	submit(t, env, "district", seed("05593", nil))
	for _, rv := range []struct{ unit, body string }{
		{"05593", `{"decision":"return","comment":"Bổ sung số liệu đoàn vào."}`},
		{"05596", `{"decision":"accept"}`},
	} {
		if res := env.Do(t, "POST", "/api/v1/reports/"+rv.unit+"/2024/review", "district", rv.body, nil); res.Status != 200 {
			t.Fatalf("review %s: %d %s", rv.unit, res.Status, res.Body)
		}
	}
	return env
}

func TestConsolidatedAccess(t *testing.T) {
	env := consolidatedEnv(t)
	env.Run(t, []apitest.Scenario{
		{Name: "a commune cannot", URL: "/api/v1/consolidated/167/2024", Token: "commune", Status: 403},
		{Name: "not its own commune either", URL: "/api/v1/consolidated/05596/2024", Token: "commune", Status: 403},
		{Name: "another district cannot", URL: "/api/v1/consolidated/167/2024", Token: "other-district", Status: 403},
		{Name: "a district not the province's", URL: "/api/v1/consolidated/19/2024", Token: "district", Status: 403},
		{Name: "no token", URL: "/api/v1/consolidated/167/2024", Status: 401},
		{Name: "unknown unit", URL: "/api/v1/consolidated/999/2024", Token: "admin", Status: 404},
		{Name: "not a period", URL: "/api/v1/consolidated/167/2024S3", Token: "admin", Status: 404},
		{Name: "a commune has no consolidated report", URL: "/api/v1/consolidated/05596/2024", Token: "district", Status: 422, Contains: []string{"unit_code"}},
		{Name: "bad format and status, together", URL: "/api/v1/consolidated/167/2024?format=pdf&status=all", Token: "district", Status: 422,
			Contains: []string{`"field":"format"`, `"field":"status"`}},
		{Name: "the district, as Word", URL: "/api/v1/consolidated/167/2024", Token: "district", Status: 200, Check: func(t *testing.T, res *apitest.Response) {
			if ct := res.Header.Get("Content-Type"); ct != export.DocxType {
				t.Errorf("Content-Type %q", ct)
			}
			if cd := res.Header.Get("Content-Disposition"); cd != `attachment; filename="bao-cao-doi-ngoai-167-2024.docx"` {
				t.Errorf("Content-Disposition %q", cd)
			}
		}},
		{Name: "the province, of its district", URL: "/api/v1/consolidated/167/2024?format=json", Token: "province", Status: 200},
		{Name: "the province, its own", URL: "/api/v1/consolidated/19/2024?format=json", Token: "province", Status: 200},
		{Name: "admin, the country", URL: "/api/v1/consolidated/VN/2024", Token: "admin", Status: 200},
	})
}

func getConsolidated(t *testing.T, env *apitest.Env, query string) (*consolidated.Report, *docx.Read) {
	t.Helper()
	res := env.Do(t, "GET", "/api/v1/consolidated/167/2024?format=json"+query, "district", "", nil)
	if res.Status != 200 {
		t.Fatalf("json: %d %s", res.Status, res.Body)
	}
	var rep consolidated.Report
	res.JSON(t, &rep)
	res = env.Do(t, "GET", "/api/v1/consolidated/167/2024?format=docx"+query, "district", "", nil)
	if res.Status != 200 {
		t.Fatalf("docx: %d %s", res.Status, res.Body)
	}
	doc, err := docx.ReadDocument(res.Body)
	if err != nil {
		t.Fatalf("read the .docx back: %v", err)
	}
	return &rep, doc
}

// sameAsRollup checks that the report's figures are the district's rollup
// of the query, exactly.
func sameAsRollup(t *testing.T, env *apitest.Env, rep *consolidated.Report, query string) {
	t.Helper()
	want, _ := json.Marshal(rollup(t, env, "district", query).Indicators)
	got, _ := json.Marshal(rep.Indicators)
	if string(got) != string(want) {
		t.Errorf("indicators differ from the rollup's (%s):\n got %s\nwant %s", query, got, want)
	}
}

// TestConsolidatedReport reads the district's Word document back and finds
// in it the form of Nghị định 30/2020, the totals of the rollup, a row per
// commune that has reported, and the communes that have not.
func TestConsolidatedReport(t *testing.T) {
	env := consolidatedEnv(t)
	rep, doc := getConsolidated(t, env, "")
	sameAsRollup(t, env, rep, "unit=167&period=2024")

	// The page: A4, margins within the decree's ranges, Times New Roman 13–14 pt.
	if len(doc.Sections) != 2 {
		t.Fatalf("%d sections, want the report and its annex", len(doc.Sections))
	}
	s := doc.Sections[0]
	mm := func(v int) float64 { return float64(v) * 25.4 / 1440 }
	if s.Width != 11906 || s.Height != 16838 || s.Landscape {
		t.Errorf("page %d×%d landscape=%v, want A4 portrait", s.Width, s.Height, s.Landscape)
	}
	for _, m := range []struct {
		name     string
		v        int
		min, max float64
	}{{"top", s.Top, 20, 25}, {"bottom", s.Bottom, 20, 25}, {"left", s.Left, 30, 35}, {"right", s.Right, 15, 20}} {
		if v := mm(m.v); v < m.min-0.1 || v > m.max+0.1 {
			t.Errorf("%s margin %.1f mm, want %g–%g", m.name, v, m.min, m.max)
		}
	}
	if a := doc.Sections[1]; !a.Landscape || a.Width != 16838 {
		t.Errorf("annex page %+v, want A4 landscape", a)
	}
	if doc.Font != "Times New Roman" || doc.Size < 26 || doc.Size > 28 {
		t.Errorf("default font %q %d half-points, want Times New Roman 13–14 pt", doc.Font, doc.Size)
	}

	text := strings.Join(doc.Paragraphs, "\n")
	has := func(what string) {
		t.Helper()
		if !strings.Contains(text, what) {
			t.Errorf("the document lacks %q", what)
		}
	}
	// The header.
	for _, s := range []string{"UBND HUYỆN ĐỊNH HÓA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: …/BC-UBND",
		"Định Hóa, ngày … tháng … năm 2024", "BÁO CÁO", "Kết quả công tác đối ngoại năm 2024; phương hướng, nhiệm vụ năm 2025",
		"Kính gửi: Sở Ngoại vụ tỉnh Thái Nguyên",
		"Thực hiện Văn bản số 3150/SNgV-VP của UBND tỉnh Thái Nguyên về việc báo cáo công tác đối ngoại năm 2024",
		"Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "Phụ lục", "(Kèm theo Báo cáo số …/BC-UBND"} {
		has(s)
	}
	// Totals in sentences: a sum, a reported zero, a null, a partial figure.
	has("Tổng hợp từ báo cáo của 3/23 xã, thị trấn")
	has("Trong năm 2024, theo báo cáo của 3/23 xã, thị trấn được tổng hợp, không có đoàn ra nước ngoài; tiếp đón 16 đoàn trong nước đến làm việc; tiếp đón 1 đoàn nước ngoài; 5 lượt khách nước ngoài.")
	has("số công dân xuất cảnh: chưa có số liệu (23/23 xã, thị trấn chưa báo cáo số liệu này)")
	has("theo báo cáo của 3/23 xã, thị trấn được tổng hợp, có 7 người đi lao động ở nước ngoài theo hợp đồng (theo số liệu của 1/23 xã, thị trấn).")
	poverty := rep.Indicators[20]
	if poverty.Code != "poverty_rate_pct" {
		t.Fatalf("indicator 20 is %s", poverty.Code)
	}
	has("tỷ lệ hộ nghèo " + consolidated.Number(poverty.Value) + "%")
	// NGO projects with donor, commune and money.
	has("Xây dựng nhà văn hóa xóm Nà Lẹng, nhà tài trợ World Vision (Hoa Kỳ), tại xã Sơn Phú: cam kết 1.500.000.000 đồng, giải ngân 900.000.000 đồng")
	// Completeness: who has not reported, named; who was late; who was returned.
	has("4/23 xã, thị trấn đã báo cáo (hạn gửi ngày 25/11/2024)")
	if len(rep.Completeness.Missing) != 19 {
		t.Errorf("%d communes missing, want 19", len(rep.Completeness.Missing))
	}
	for _, m := range rep.Completeness.Missing {
		if !strings.Contains(text, strings.ToLower(m.Name[:1])+m.Name[1:]) {
			t.Errorf("the missing commune %s is not named", m.Name)
		}
	}
	has("Gửi muộn so với thời hạn: xã Trung Hội, xã Phú Tiến.")
	has("bị trả lại để hoàn thiện, chưa tính vào số liệu tổng hợp: xã Phú Tiến.")
	// Difficulties gathered: the same sentence from two communes, once.
	has("- Nguồn kinh phí cho công tác đối ngoại hạn chế (xã Trung Hội, xã Bộc Nhiêu, xã Sơn Phú).")
	if n := strings.Count(text, "Nguồn kinh phí cho công tác đối ngoại"); n != 1 {
		t.Errorf("the shared difficulty appears %d times, want once", n)
	}
	has("- Giao thông đi lại giữa các xóm còn khó khăn (xã Sơn Phú).")
	// Documents cited as a clerk cites them; a narrative that says only "Không có" is not quoted.
	has("- Chỉ thị số 15-CT/TW ngày 10/08/2022 của Ban Bí thư về công tác ngoại giao kinh tế phục vụ phát triển đất nước đến năm 2030 (xã Trung Hội, xã Bộc Nhiêu, xã Sơn Phú).")
	has("- Kế hoạch số 47/KH-UBND ngày 22/02/2023 của UBND huyện Định Hóa thực hiện Đề án")
	if strings.Contains(text, "phi chính phủ nước ngoài: Không có.”") {
		t.Error("a narrative that says only “Không có” is quoted")
	}
	// A narrative quoted with its commune; places a person writes, marked.
	has("- Xã Sơn Phú: “Xã phối hợp với tổ chức World Vision")
	has("[Họ và tên người ký]") // the signer, the last of to_write
	if n := strings.Count(text, "[Cần bổ sung:"); n < 5 || n+1 != len(rep.ToWrite) {
		t.Errorf("%d places marked for a person, %d listed in to_write", n, len(rep.ToWrite))
	}

	// The annex: each table has a header, a row per commune, a total row.
	var tables int
	for _, tb := range doc.Tables {
		if len(tb) == 0 || len(tb[0]) < 3 || tb[0][1] != "Đơn vị" {
			continue
		}
		if tb[0][2] == "Dự án" {
			if len(tb) != 2 || tb[1][1] != "Xã Sơn Phú" || tb[1][4] != "1.500.000.000" {
				t.Errorf("the table of NGO projects: %v", tb)
			}
			tables++
			continue
		}
		tables++
		// A row per commune that has sent a report (the others are named
		// once above the tables: TestConsolidatedAnnexAgreesWithSection13).
		if len(tb) != 1+4+1 {
			t.Errorf("table %q: %d rows, want a header, 4 communes and a total", tb[0][2], len(tb))
			continue
		}
		if tb[5][1] != "Tổng cộng (3/23 xã, thị trấn)" {
			t.Errorf("last row %v, want the total of the 3 reports counted", tb[5])
		}
		names := map[string]bool{}
		for _, row := range tb[1:5] {
			names[strings.TrimSuffix(strings.TrimSuffix(row[1], " (**)"), " (*)")] = true
		}
		for _, u := range []string{"Xã Bộc Nhiêu", "Xã Sơn Phú", "Xã Trung Hội", "Xã Phú Tiến"} {
			if !names[u] {
				t.Errorf("table %q has no row for %s", tb[0][2], u)
			}
		}
		if tb[0][2] == "Số đoàn ra (đoàn)" && tb[5][4] != "16" {
			t.Errorf("total of domestic delegations %q, want 16", tb[5][4])
		}
	}
	if tables != 6 { // five of indicators, one of NGO projects
		t.Errorf("%d annex tables, want 6", tables)
	}
}

// TestConsolidatedAcceptedOnly drafts from accepted reports only.
func TestConsolidatedAcceptedOnly(t *testing.T) {
	env := consolidatedEnv(t)
	rep, doc := getConsolidated(t, env, "&status=accepted")
	sameAsRollup(t, env, rep, "unit=167&period=2024&status=accepted")
	text := strings.Join(doc.Paragraphs, "\n")
	for _, s := range []string{"Tổng hợp từ báo cáo của 1/23 xã, thị trấn", "tiếp đón 6 đoàn trong nước",
		"chưa được duyệt, chưa tính vào số liệu tổng hợp: xã Trung Hội, xã Sơn Phú.", "Số liệu tổng hợp từ 1 báo cáo đã duyệt (không tính"} {
		if !strings.Contains(text, s) {
			t.Errorf("the document lacks %q", s)
		}
	}
	if len(rep.NgoProjects) != 0 || len(rep.Completeness.Pending) != 2 {
		t.Errorf("projects %v pending %v: Sơn Phú's report is not accepted", rep.NgoProjects, rep.Completeness.Pending)
	}
	if rep.Counted[0] != models.StatusAccepted {
		t.Errorf("counted %v", rep.Counted)
	}
}
