package docimport

import (
	"fmt"
	"html"
	"slices"
	"strings"
	"testing"

	"doingoai/internal/docxtest"
)

const tableHead = "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\n"

// tableDocx lays out a report whose body is one table as Word does: each
// row a w:tr; a cell "^" continues the cell above it (w:vMerge), a cell
// ">n text" spans n columns (w:gridSpan), a cell "!text" begins a merge;
// "!>n text" begins a merge n columns wide, "^>n" continues it.
func tableDocx(head string, rows [][]string) []byte {
	return tablesDocx(head, [][][]string{rows}, "Trên đây là báo cáo của UBND xã Thử.")
}

// tablesDocx lays out head's paragraphs, then each table, then a last
// paragraph.
func tablesDocx(head string, tables [][][]string, last string) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for _, l := range strings.Split(strings.TrimSpace(head), "\n") {
		fmt.Fprintf(&b, `<w:p><w:r><w:t>%s</w:t></w:r></w:p>`, html.EscapeString(l))
	}
	for _, rows := range tables {
		b.WriteString(`<w:tbl>`)
		for _, row := range rows {
			b.WriteString(`<w:tr>`)
			for _, c := range row {
				pr, text := "", c
				switch {
				case c == "^":
					pr, text = `<w:vMerge/>`, ""
				case strings.HasPrefix(c, "^>"):
					pr, text = fmt.Sprintf(`<w:gridSpan w:val="%c"/><w:vMerge/>`, c[2]), ""
				case strings.HasPrefix(c, "!>"):
					pr, text = fmt.Sprintf(`<w:gridSpan w:val="%c"/><w:vMerge w:val="restart"/>`, c[2]), c[4:]
				case strings.HasPrefix(c, ">"):
					pr, text = fmt.Sprintf(`<w:gridSpan w:val="%c"/>`, c[1]), c[3:]
				case strings.HasPrefix(c, "!"):
					pr, text = `<w:vMerge w:val="restart"/>`, c[1:]
				}
				fmt.Fprintf(&b, `<w:tc><w:tcPr>%s</w:tcPr><w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p></w:tc>`, pr, html.EscapeString(text))
			}
			b.WriteString(`</w:tr>`)
		}
		b.WriteString(`</w:tbl>`)
	}
	fmt.Fprintf(&b, `<w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>`, html.EscapeString(last))
	return docxtest.Package(b.String())
}

// textTable is the same table typed in a text file, cells between tabs
// (a merged cell is one cell; the cell under a vertical merge is empty).
func textTable(head string, rows [][]string) []byte {
	return []byte(head + textRows(rows) + "Trên đây là báo cáo của UBND xã Thử.\n")
}

// wantTableExactly reads the table under head as text and as .docx
// (subtests "text" and "docx") and checks that each field of want is read
// as its value ("" for not read) and that nothing else is read but the
// document's own fields; with resolved, that nothing is left unresolved.
func wantTableExactly(t *testing.T, head string, rows [][]string, want map[string]string, resolved bool) {
	t.Helper()
	for name, data := range map[string][]byte{"text": textTable(head, rows), "docx": tableDocx(head, rows)} {
		t.Run(name, func(t *testing.T) {
			lines, _, err := Lines(data)
			if err != nil {
				t.Fatal(err)
			}
			res := Read(lines)
			got := foundValues(res)
			for k, v := range want {
				if got[k] != v {
					t.Errorf("%s = %q, want %s", k, got[k], v)
				}
			}
			for k, v := range got {
				if _, ok := want[k]; !ok && !strings.HasPrefix(k, "document.") {
					t.Errorf("%s = %s read, not stated", k, v)
				}
			}
			if resolved {
				for _, u := range res.Unresolved {
					t.Errorf("unresolved %+v", u)
				}
			}
		})
	}
}

func textRows(rows [][]string) string {
	var b strings.Builder
	for _, row := range rows {
		var cells []string
		for _, c := range row {
			switch {
			case strings.HasPrefix(c, "^"):
				c = ""
			case strings.HasPrefix(c, "!>"):
				c = c[4:]
			case strings.HasPrefix(c, ">"):
				c = c[3:]
			case strings.HasPrefix(c, "!"):
				c = c[1:]
			}
			cells = append(cells, c)
		}
		b.WriteString(strings.Join(cells, "\t") + "\n")
	}
	return b.String()
}

// TestTableReader: a report laid out in a table reads as the same report
// in prose, as text (cells between tabs) and as .docx: the header row
// names the columns; the row number (STT) is never the value; a row with
// a label and no value names a section, or the label of the rows under
// it ("Đoàn vào" over "- Trong nước"); the unit column or the words after
// the number say which figure it is ("52 chi bộ, 1.234 đảng viên"); a
// cell merged over two rows or spanning two columns keeps the others
// under their headers. What a table says of a change or an approximate
// number ("tăng 94", "khoảng 18.500") is not a figure.
func TestTableReader(t *testing.T) {
	rows := [][]string{
		{"STT", "Chỉ tiêu", "Đơn vị tính", "Số lượng", "Ghi chú"},
		{"I", ">4 ĐẶC ĐIỂM TÌNH HÌNH"},
		{"1", "Diện tích tự nhiên", "ha", "2.690,67", ""},
		{"2", "Số thôn, xóm", "thôn", "12", ""},
		{"3", "Tổng số hộ", "hộ", "1.402", ""},
		{"4", "Dân số", "người", "5.786", "tăng 94 người"},
		{"5", "Hộ nghèo", "hộ", "132", ""},
		{"6", "Tỷ lệ hộ nghèo", "%", "9,42", ""},
		{"7", "Chi bộ trực thuộc Đảng bộ xã", "chi bộ", "15", ""},
		{"8", "Đảng viên", "người", "297", ""},
		{"9", "Thu nhập bình quân đầu người", "triệu đồng/năm", "32,5", ""},
		{"II", ">4 KẾT QUẢ CÔNG TÁC ĐỐI NGOẠI"},
		{"1", ">4 Công tác quản lý đoàn ra, đoàn vào"},
		{"", "Đoàn ra", "đoàn", "0", ""},
		{"!", "Đoàn vào", "", "", ""},
		{"^", "- Trong nước", "đoàn", "05", ""},
		{"^", "- Nước ngoài", "đoàn", "02", ""},
		{"2", ">4 Hội nghị, hội thảo quốc tế"},
		{"", "Số hội nghị, hội thảo quốc tế tổ chức", "hội nghị", "Không", ""},
		{"3", ">4 Người Việt Nam ở nước ngoài"},
		{"", "Lao động làm việc ở nước ngoài", "người", "khoảng 18.500", ""},
	}
	want := map[string]string{
		"profile.area_ha": "2690.67", "profile.hamlets": "12", "profile.households": "1402", "profile.population": "5786",
		"profile.poor_households": "132", "profile.poor_households_rate_pct": "9.42", "profile.party_cells": "15",
		"profile.party_members": "297", "profile.income_per_capita_vnd": "32500000",
		"delegations.outbound.count": "0", "delegations.outbound.people": "0",
		"delegations.inbound_domestic.count": "5", "delegations.inbound_foreign.count": "2",
		"international_conferences.count": "0",
	}
	for name, data := range map[string][]byte{"text": textTable(tableHead, rows), "docx": tableDocx(tableHead, rows)} {
		t.Run(name, func(t *testing.T) {
			lines, _, err := Lines(data)
			if err != nil {
				t.Fatal(err)
			}
			got := foundValues(Read(lines))
			for k, v := range want {
				if got[k] != v {
					t.Errorf("%s = %q, want %s", k, got[k], v)
				}
			}
			for k, v := range got {
				if _, ok := want[k]; !ok && !strings.HasPrefix(k, "document.") && k != "ngo_aid.projects" {
					t.Errorf("%s = %s read, not stated", k, v)
				}
			}
		})
	}
}

// TestTableRowNumber: in a row typed without a header, the first column
// is its number, never its value ("6 | Chi bộ trực thuộc Đảng bộ xã | 52
// chi bộ" is 52 party cells), and one cell may hold two figures told
// apart by their units.
func TestTableRowNumber(t *testing.T) {
	doc := tableHead + "I. ĐẶC ĐIỂM TÌNH HÌNH\n6\tChi bộ trực thuộc Đảng bộ xã\t52 chi bộ\n7\tĐảng bộ xã\t52 chi bộ, 1.234 đảng viên\n| 8 | Hộ cận nghèo | 205 hộ |\n|---|---|---|\n"
	got := foundValues(readText(t, doc))
	if got["profile.party_cells"] != "52" || got["profile.party_members"] != "1234" || got["profile.near_poor_households"] != "205" {
		t.Errorf("found %v", got)
	}
}

// TestTableHeaders: a header of two rows (a merged "Năm 2025" over "Số
// lượng" and "Số người") reads the column of the report's own period, not
// the year before; a rate or a number of courses in the note column is
// read; a table of NGO projects gives the projects, not those of the
// group "đề xuất, chưa được phê duyệt" nor its "Cộng" row; a list of
// delegations gives its "Cộng" row's people, as text and as .docx.
func TestTableHeaders(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2025\nII. KẾT QUẢ\n"
	tables := [][][]string{
		{
			{"!STT", "!Nội dung", ">2 Năm 2025", ">2 Năm 2024", "!Ghi chú"},
			{"^", "^", "Số lượng", "Số người", "Số lượng", "Số người", "^"},
			{"1", "Đoàn ra", "3", "15", "2", "9", ""},
			{"2", "Đoàn vào nước ngoài", "5", "58", "4", "41", ""},
			{"3", "Cán bộ được bồi dưỡng kiến thức đối ngoại", "6", "", "4", "", "02 lớp do tỉnh tổ chức"},
		},
		{
			{"!STT", "!Tên dự án", "!Nhà tài trợ", ">2 Giá trị (đồng)"},
			{"^", "^", "^", "Cam kết", "Đã giải ngân"},
			{"A", "Dự án đang triển khai", "", "", ""},
			{"1", "Nước sạch", "CARE", "2.640.000.000", "1.980.000.000"},
			{"2", "Điểm trường", "Good Neighbors", "60.000 USD (tương đương 1.524.000.000 đồng)", "chưa giải ngân"},
			{"B", "Dự án đề xuất, chưa được phê duyệt", "", "", ""},
			{"1", "Cầu dân sinh", "Thiện chí", "700.000.000", ""},
			{">3 Cộng", "", "", "4.864.000.000", "1.980.000.000"},
		},
	}
	want := map[string]string{
		"delegations.outbound.count": "3", "delegations.outbound.people": "15",
		"delegations.inbound_foreign.count": "5", "delegations.inbound_foreign.people": "58",
		"training.officials_trained": "6", "training.courses": "2",
		"ngo_aid.projects": "2", "ngo_aid.projects[0].committed_vnd": "2640000000", "ngo_aid.projects[0].disbursed_vnd": "1980000000",
		"ngo_aid.projects[1].committed_vnd": "1524000000", "ngo_aid.projects[1].disbursed_vnd": "0",
	}
	text := head
	for _, rows := range tables {
		text += textRows(rows) + "Các số liệu trên.\n"
	}
	for name, data := range map[string][]byte{"text": []byte(text), "docx": tablesDocx(head, tables, "Các số liệu trên.")} {
		t.Run(name, func(t *testing.T) {
			lines, _, err := Lines(data)
			if err != nil {
				t.Fatal(err)
			}
			got := foundValues(Read(lines))
			for k, v := range want {
				if got[k] != v {
					t.Errorf("%s = %q, want %s", k, got[k], v)
				}
			}
			for k, v := range got {
				if _, ok := want[k]; !ok && !strings.HasPrefix(k, "document.") && !strings.HasPrefix(k, "ngo_aid.projects[") {
					t.Errorf("%s = %s read, not stated", k, v)
				}
			}
		})
	}
}

// TestProjectTableLayouts: a table of NGO projects whose header names the
// project, the donor and a merged "Kinh phí (đồng)" over "Cam kết" and
// "Giải ngân" gives its projects; a group label typed between its rows
// ("A. Đang triển khai") or merged over them keeps the columns; a project
// that ended in an earlier year, one under "Đã hoàn thành" that says not
// when (this year or before) and the "Cộng" row are no projects; and a
// table of another section below (foreigners by nationality, after the
// heading "8. …") adds none.
func TestProjectTableLayouts(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\n5. Viện trợ phi chính phủ nước ngoài\n"
	projects := [][]string{
		{"!STT", "!Dự án", "!Đơn vị tài trợ", ">2 Kinh phí (đồng)"},
		{"^", "^", "^", "Cam kết", "Giải ngân"},
		{">5 A. Đang triển khai"},
		{"1", "Bếp ăn bán trú", "Quỹ Hy vọng Xanh", "450.000.000", "320.000.000"},
		{"2", "Giếng khoan cụm dân cư", "Hội Bạn hữu Xứ Wales", "20.000 USD (tương đương 508.000.000 đồng)", "Chưa giải ngân"},
		{">5 B. Đã hoàn thành"},
		{"3", "Sửa chữa trạm y tế (hoàn thành tháng 8/2023)", "Tổ chức Nụ Cười", "600.000.000", "600.000.000"},
		{"4", "Nhà văn hóa thôn Bắc", "Quỹ Gió Nam", "250.000.000", "250.000.000"},
		{"", ">2 Cộng", "1.800.000.000", "1.170.000.000"},
	}
	nationals := [][]string{
		{"Quốc tịch", "Người nước ngoài tạm trú (đến 30/11/2024)"},
		{"", "Số người"},
		{"Lào", "12"},
		{"Thái Lan", "3"},
	}
	want := map[string]string{
		"ngo_aid.projects": "2", "ngo_aid.projects[0].committed_vnd": "450000000", "ngo_aid.projects[0].disbursed_vnd": "320000000",
		"ngo_aid.projects[1].committed_vnd": "508000000", "ngo_aid.projects[1].disbursed_vnd": "0",
	}
	// Typed as text, a row merged across the table is a line of its own.
	var typed strings.Builder
	typed.WriteString(head)
	for _, row := range projects {
		if len(row) == 1 {
			typed.WriteString(row[0][3:] + "\n")
			continue
		}
		typed.WriteString(textRows([][]string{row}))
	}
	typed.WriteString("8. Công tác lãnh sự\n" + textRows(nationals) + "Trên đây là báo cáo của UBND xã Thử.\n")
	for name, data := range map[string][]byte{"text": []byte(typed.String()), "docx": tablesDocx(head, [][][]string{projects}, "Trên đây là báo cáo của UBND xã Thử.")} {
		t.Run(name, func(t *testing.T) {
			lines, _, err := Lines(data)
			if err != nil {
				t.Fatal(err)
			}
			got := foundValues(Read(lines))
			for k, v := range want {
				if got[k] != v {
					t.Errorf("%s = %q, want %s", k, got[k], v)
				}
			}
			for k, v := range got {
				if strings.HasPrefix(k, "ngo_aid.") && strings.HasSuffix(k, "_vnd") {
					if _, ok := want[k]; !ok {
						t.Errorf("%s = %s read, not stated", k, v)
					}
				}
			}
		})
	}
}

// TestProjectTableUnits: the unit of a table of projects' amounts, wherever
// it is said — in the header in words ("Tổng vốn (triệu đồng)", a column
// named neither "cam kết" nor "giải ngân" but the only value beside the
// donors), in figures ("(1.000 đồng)": thousands, never đồng), in the line
// before the table ("ĐVT: triệu đồng"), or another currency ("(USD)": not
// read); and the unit column of a table of indicators in figures ("1.000
// đồng/người/năm").
func TestProjectTableUnits(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM\nSTT\tChỉ tiêu\tĐơn vị tính\tSố lượng\n1\tThu nhập bình quân đầu người\t1.000 đồng/người/năm\t58.200\n5. Viện trợ phi chính phủ nước ngoài\n"
	cases := []struct {
		table string
		want  map[string]string
	}{
		{"TT\tTên dự án\tNhà tài trợ\tThời gian\tTổng vốn (triệu đồng)\tĐã giải ngân (triệu đồng)\n1\tNhà văn hóa thôn\tQuỹ Mặt Trời\t2024-2025\t850\t400\n",
			map[string]string{"ngo_aid.projects": "1", "ngo_aid.projects[0].committed_vnd": "850000000", "ngo_aid.projects[0].disbursed_vnd": "400000000"}},
		{"TT\tTên dự án\tNhà tài trợ\tCam kết (1.000 đồng)\tGiải ngân (1.000 đồng)\n1\tNhà văn hóa thôn\tQuỹ Mặt Trời\t850.000\t400.000\n",
			map[string]string{"ngo_aid.projects": "1", "ngo_aid.projects[0].committed_vnd": "850000000", "ngo_aid.projects[0].disbursed_vnd": "400000000"}},
		{"Đơn vị tính: triệu đồng\nTT\tTên dự án\tNhà tài trợ\tGiá trị cam kết\tGiá trị giải ngân\n1\tNhà văn hóa thôn\tQuỹ Mặt Trời\t850\t400\n",
			map[string]string{"ngo_aid.projects": "1", "ngo_aid.projects[0].committed_vnd": "850000000", "ngo_aid.projects[0].disbursed_vnd": "400000000"}},
		{"TT\tTên dự án\tNhà tài trợ\tCam kết (USD)\tGiải ngân (USD)\n1\tNhà văn hóa thôn\tQuỹ Mặt Trời\t35.000\t12.000\n",
			map[string]string{"ngo_aid.projects": "1", "ngo_aid.projects[0].committed_vnd": "", "ngo_aid.projects[0].disbursed_vnd": ""}},
	}
	for i, c := range cases {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			res := readText(t, head+c.table+"6. Ngoại giao văn hóa: Không.\n")
			c.want["profile.income_per_capita_vnd"] = "58200000"
			wantFound(t, res, c.want)
		})
	}
}

// TestRowNamesTwoFigures: a row whose label names two figures gives each
// its own value when the cell holds as many ("Hộ nghèo/cận nghèo | hộ |
// 215/139", "Số hộ/nhân khẩu | 1.820/7.215", the names in brackets over
// "45 - 25 - 30"), and neither when it holds one: "Hộ nghèo/cận nghèo |
// hộ | 215" was read as 215 near-poor households.
func TestRowNamesTwoFigures(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\nSTT\tChỉ tiêu\tĐơn vị tính\tSố lượng\n"
	tail := "II. KẾT QUẢ\n1. Đoàn ra: Không.\n"
	rows := "1\tHộ nghèo/cận nghèo\thộ\t215/139\n2\tSố hộ/nhân khẩu\thộ/người\t1.820/7.215\n3\tCơ cấu kinh tế (Nông, lâm nghiệp - Công nghiệp, dịch vụ - Khác)\t%\t45 - 48 - 7\n"
	for name, data := range map[string][]byte{"text": []byte(head + rows + tail), "docx": docxtest.FromText(head+rows+tail, "")} {
		t.Run(name, func(t *testing.T) {
			lines, _, err := Lines(data)
			if err != nil {
				t.Fatal(err)
			}
			wantFound(t, Read(lines), map[string]string{
				"profile.poor_households": "215", "profile.near_poor_households": "139",
				"profile.households": "1820", "profile.population": "7215",
				"profile.economy_structure_pct.agriculture_forestry": "45", "profile.economy_structure_pct.industry_services_tourism": "48",
				"profile.economy_structure_pct.other": "7",
			})
		})
	}
	wantFound(t, readText(t, head+"1\tHộ nghèo/cận nghèo\thộ\t215\n"+tail), map[string]string{"profile.poor_households": "", "profile.near_poor_households": ""})
}

// TestProjectTableNotes: a row of a table of projects whose note says it
// ended in an earlier year or is not approved is no project; a header's
// unit abbreviated ("(Tr.đồng)") is millions of đồng.
func TestProjectTableNotes(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\n5. Viện trợ phi chính phủ nước ngoài\n" +
		"TT\tTên dự án\tNhà tài trợ\tKinh phí (Tr.đồng)\tĐã giải ngân (Tr.đồng)\tGhi chú\n" +
		"1\tNhà văn hóa thôn Đông\tQuỹ Bình Minh\t850\t400\t\n" +
		"2\tĐường điện thôn Tây\tHội Hữu nghị Nam Âu\t300\t300\tĐã kết thúc năm 2023\n" +
		"3\tTrường mầm non\tQuỹ Tuổi Thơ\t700\t\tChưa được phê duyệt\n" +
		"6. Ngoại giao văn hóa: Không.\n"
	want := map[string]string{
		"ngo_aid.projects": "1", "ngo_aid.projects[0].committed_vnd": "850000000", "ngo_aid.projects[0].disbursed_vnd": "400000000",
		"ngo_aid.projects[1].committed_vnd": "",
	}
	wantFound(t, readText(t, doc), want)
	// "(tr đồng)" was read as đồng.
	wantFound(t, readText(t, strings.ReplaceAll(doc, "(Tr.đồng)", "(tr đồng)")), want)
}

// TestIndicatorMoneyUnits: a table of indicators whose unit column gives
// money with a word before the currency reads it only when the word is
// known: "tr đồng" is millions, never đồng, for the income and
// for the value of the one project the table counts.
func TestIndicatorMoneyUnits(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\nSTT\tChỉ tiêu\tĐVT\tSố lượng\n" +
		"1\tThu nhập bình quân đầu người\ttr đồng/người/năm\t46\n" +
		"II. KẾT QUẢ\nSTT\tChỉ tiêu\tĐVT\tSố lượng\n" +
		"2\tDự án viện trợ PCPNN\tdự án\t01\n3\tGiá trị cam kết\ttr đồng\t850\n4\tGiá trị giải ngân\tđồng\t0\n" +
		"5\tKinh phí khác\tngoại tệ đồng\t12\n"
	wantFound(t, readText(t, doc), map[string]string{
		"profile.income_per_capita_vnd": "46000000", "ngo_aid.projects": "1",
		"ngo_aid.projects[0].committed_vnd": "850000000", "ngo_aid.projects[0].disbursed_vnd": "0",
	})
}

// TestProjectNameDonorColumn: a column named for both the project and its
// donor ("Tên dự án, nhà tài trợ") is the label, not the donor's: the
// table had no label and was not read.
func TestProjectNameDonorColumn(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\n5. Viện trợ phi chính phủ nước ngoài\n"
	for _, table := range []string{
		"TT\tTên dự án, nhà tài trợ\tGiá trị cam kết (đồng)\tĐã giải ngân (đồng)\n1\tNhà văn hóa (Quỹ Mặt Trời)\t850.000.000\t400.000.000\n",
		"STT\tTên dự án/Nhà tài trợ\tTổng vốn (triệu đồng)\tGhi chú\n1\tNhà văn hóa - Quỹ Mặt Trời\t850\t\n",
	} {
		wantFound(t, readText(t, head+table+"6. Ngoại giao văn hóa: Không.\n"), map[string]string{"ngo_aid.projects": "1", "ngo_aid.projects[0].committed_vnd": "850000000"})
	}
}

// TestQuarterColumns: a sheet pasted from a spreadsheet, its year merged
// over quarter columns and "Cả năm", a row that only numbers the columns
// ("A | B | 1 | 2 | 5=1+2+3+4") and "#DIV/0!" cells: a year's report reads
// the "Cả năm" column, never a quarter's nor the year before; a row "Số
// người" is the people of the row above it; the column "Mã số" is no
// figure. As text and as .docx.
func TestQuarterColumns(t *testing.T) {
	head := "UBND PHƯỜNG THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n"
	rows := [][]string{
		{"!Mã số", "!Chỉ tiêu", "!ĐVT", ">5 Năm 2024", "!Năm 2023", "!So sánh (%)"},
		{"^", "^", "^", "Quý I", "Quý II", "Quý III", "Quý IV (ước)", "Cả năm", "^", "^"},
		{"A", "B", "C", "1", "2", "3", "4", "5=1+2+3+4", "6", "7=5/6"},
		{"01", "Đoàn ra", "đoàn", "1", "0", "2", "0", "3", "0", "#DIV/0!"},
		{"02", "Số người", "người", "4", "0", "7", "0", "11", "0", "#DIV/0!"},
		{"03", "Đoàn nước ngoài đến làm việc", "đoàn", "2", "1", "1", "4", "8", "5", "160,0"},
		{"04", "Số người", "người", "9", "3", "5", "21", "38", "19", "200,0"},
		{"05", "Vụ việc liên quan người nước ngoài", "vụ", "1", "2", "0", "1", "4", "6", "66,7"},
	}
	want := map[string]string{
		"delegations.outbound.count": "3", "delegations.outbound.people": "11",
		"delegations.inbound_foreign.count": "8", "delegations.inbound_foreign.people": "38",
		"consular.foreigner_incidents": "4",
	}
	wantTableExactly(t, head, rows, want, false)
}

// TestLabelUnitInBrackets: a table with no unit column gives a row's unit
// in its label's brackets ("Diện tích tự nhiên (km²)", "Thu nhập bình
// quân (triệu đồng/người/năm)", "Tỷ lệ hộ nghèo (%)"); words in brackets
// that are no unit ("(tạm trú)") leave the label as it is.
func TestLabelUnitInBrackets(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\nSTT\tChỉ tiêu\tSố liệu\n" +
		"1\tDiện tích tự nhiên (km²)\t23,46\n2\tThu nhập bình quân (triệu đồng/người/năm)\t45,2\n3\tTỷ lệ hộ nghèo (%)\t4,2\n4\tDân số (người)\t7.215\n" +
		"II. KẾT QUẢ\nSTT\tChỉ tiêu\tSố liệu\n1\tNgười nước ngoài (tạm trú)\t14\n"
	wantFound(t, readText(t, doc), map[string]string{
		"profile.area_ha": "2346", "profile.income_per_capita_vnd": "45200000", "profile.poor_households_rate_pct": "4.2",
		"profile.population": "7215", "consular.foreign_residents": "14",
	})
}

// TestYearHeader: a header whose value columns are named only by their
// year ("Chỉ tiêu | Năm 2023 | Năm 2024", "Nội dung | 2023 | 2024") is a
// header: the report's year's column is read, the other year's never.
func TestYearHeader(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\n" +
		"Chỉ tiêu\tNăm 2023\tNăm 2024\nDân số (người)\t7.100\t7.215\nSố hộ\t1.800\t1.820\nDiện tích tự nhiên (km²)\t23,46\t23,46\n" +
		"II. KẾT QUẢ\n1. Đoàn ra: Không.\n"
	for name, data := range map[string][]byte{"text": []byte(doc), "docx": docxtest.FromText(doc, "")} {
		t.Run(name, func(t *testing.T) {
			lines, _, err := Lines(data)
			if err != nil {
				t.Fatal(err)
			}
			wantFound(t, Read(lines), map[string]string{"profile.population": "7215", "profile.households": "1820", "profile.area_ha": "2346"})
		})
	}
	// The years alone.
	bare := strings.Replace(doc, "Chỉ tiêu\tNăm 2023\tNăm 2024", "Nội dung\t2023\t2024", 1)
	wantFound(t, readText(t, bare), map[string]string{"profile.population": "7215", "profile.households": "1820", "profile.area_ha": "2346"})
}

// TestPeriodRows: a table whose rows are periods and whose columns are
// figures, under a header of three rows with merged cells ("Đoàn vào"
// over "Trong nước" over "Đoàn" and "Người"), reads the row of the
// report's own period, each column by the header's cells above it; the
// year before and the change row are no figures. As text (a spanning cell
// is one cell, a merged one leaves an empty cell below it) and as .docx
// alike.
func TestPeriodRows(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2025\nII. KẾT QUẢ\n1. Đoàn ra, đoàn vào; thỏa thuận quốc tế, hội nghị quốc tế\n"
	rows := [][]string{
		{"!Kỳ", "!>2 Đoàn ra", ">4 Đoàn vào", "!Thỏa thuận quốc tế", "!Hội nghị quốc tế"},
		{"^", "^>2", ">2 Trong nước", ">2 Nước ngoài", "^", "^"},
		{"^", "Đoàn", "Người", "Đoàn", "Người", "Đoàn", "Người", "^", "^"},
		{"Năm 2024", "1", "3", "10", "80", "2", "15", "0", "1"},
		{"Năm 2025", "2", "11", "14", "120", "4", "31", "1", "0"},
		{"Tăng (+), giảm (-)", "+1", "+8", "+4", "+40", "+2", "+16", "+1", "-1"},
	}
	want := map[string]string{
		"delegations.outbound.count": "2", "delegations.outbound.people": "11",
		"delegations.inbound_domestic.count": "14", "delegations.inbound_domestic.people": "120",
		"delegations.inbound_foreign.count": "4", "delegations.inbound_foreign.people": "31",
		"international_agreements.count": "1", "international_conferences.count": "0",
	}
	wantTableExactly(t, head, rows, want, true)
}

// TestPeriodRowsHalf: in a half-year's report, of a table of periods
// under one header row, only the row of that half is read — not the same
// half of the year before, nor the whole year before, nor "So sánh".
func TestPeriodRowsHalf(t *testing.T) {
	head := "UBND PHƯỜNG THỬ\nBÁO CÁO\nKết quả công tác đối ngoại 6 tháng đầu năm 2025\nII. KẾT QUẢ\n3. Lãnh sự, bảo hộ công dân\n"
	rows := [][]string{
		{"Thời gian", "Người nước ngoài tạm trú (người)", "Vụ việc liên quan người nước ngoài (vụ)", "Công dân xuất cảnh (lượt)"},
		{"6 tháng đầu năm 2024", "40", "1", "200"},
		{"Năm 2024", "52", "3", "410"},
		{"6 tháng đầu năm 2025", "47", "2", "230"},
		{"So sánh cùng kỳ (%)", "117,5", "200", "115"},
	}
	want := map[string]string{"consular.foreign_residents": "47", "consular.foreigner_incidents": "2", "consular.citizens_exited": "230"}
	wantTableExactly(t, head, rows, want, false)
}

// TestAcrossCountAndRate: a table laid out across whose header names a
// count "(tỷ lệ)" over "38 (0,28%)" gives the count and its share.
func TestAcrossCountAndRate(t *testing.T) {
	doc := "UBND PHƯỜNG THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. KHÁI QUÁT TÌNH HÌNH\n" +
		"Diện tích tự nhiên (ha)\tSố hộ\tNhân khẩu\tHộ nghèo (tỷ lệ)\tHộ cận nghèo (tỷ lệ)\n" +
		"512,3\t2.104\t8.377\t21 (1,0%)\t64 (3,04%)\nII. KẾT QUẢ\n1. Đoàn ra: Không.\n"
	wantFound(t, readText(t, doc), map[string]string{
		"profile.area_ha": "512.3", "profile.households": "2104", "profile.population": "8377",
		"profile.poor_households": "21", "profile.poor_households_rate_pct": "1", "profile.near_poor_households": "64", "profile.near_poor_households_rate_pct": "3.04",
	})
}

// TestNoHeaderTwoNumbers: a row of a table with no header that holds two
// bare numbers ("Dân số | 7.100 | 7.215") does not say which is the
// report's: both are readings, neither is set (the first was read).
func TestNoHeaderTwoNumbers(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\n1\tDân số\t7.100\t7.215\n2\tSố hộ\thộ\t1.800\t1.820\n3\tSố thôn\t12\n" +
		"II. KẾT QUẢ\n1. Đoàn ra: Không.\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{"profile.population": "", "profile.households": "", "profile.hamlets": "12"})
	n := 0
	for _, u := range res.Unresolved {
		if u.Field == "profile.population" || u.Field == "profile.households" {
			n++
		}
	}
	if n != 4 {
		t.Errorf("unresolved %+v, want both readings of each", res.Unresolved)
	}
}

// TestMergedLabelUnitRows: a label merged over two rows, one per unit
// ("Đoàn ra" over "Đoàn" and "Người"), gives the second row's figure to
// the label too, as text (the cells under the merge empty) and as .docx.
func TestMergedLabelUnitRows(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n"
	rows := [][]string{
		{"TT", "Nội dung", "Đơn vị tính", "Năm 2023", "Năm 2024", "Ghi chú"},
		{"!1", "!Đoàn ra", "Đoàn", "2", "3", ""},
		{"^", "^", "Người", "7", "12", ""},
		{"!2", "!Đoàn nước ngoài đến làm việc", "Đoàn", "1", "4", ""},
		{"^", "^", "Người", "5", "27", ""},
	}
	want := map[string]string{
		"delegations.outbound.count": "3", "delegations.outbound.people": "12",
		"delegations.inbound_foreign.count": "4", "delegations.inbound_foreign.people": "27",
	}
	wantTableExactly(t, head, rows, want, false)
}

// TestPeriodRowsOthers: a header "Năm | Số đoàn | Số người" names its
// figures by the leaf's words too; a row "Kế hoạch năm 2025" is no
// figure; a column "Ghi chú" of words is none either; and a table whose first column is the year but whose rows hold
// words (projects by the year they began) is no table of periods.
func TestPeriodRowsOthers(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2025\nII. KẾT QUẢ\n1. Đoàn ra, đoàn vào\n"
	doc := head + textRows([][]string{
		{"Năm", "Đoàn ra", "Đoàn nước ngoài đến làm việc"},
		{"", "Số đoàn", "Số người", "Số đoàn", "Số người"},
		{"Năm 2024", "3", "14", "2", "9"},
		{"Kế hoạch năm 2025", "4", "20", "3", "15"},
		{"Năm 2025", "1", "4", "5", "33"},
	}) + "Trong năm:\n" + textRows([][]string{
		{"Thời gian", "Người nước ngoài tạm trú (người)", "Vụ việc liên quan người nước ngoài (vụ)", "Ghi chú"},
		{"Năm 2024", "21", "2", "Chủ yếu là chuyên gia"},
		{"Năm 2025", "26", "1", "Tăng 5 người so với năm 2024"},
	}) + "5. Viện trợ phi chính phủ nước ngoài\n" + textRows([][]string{
		{"Năm", "Tên dự án", "Nhà tài trợ", "Kinh phí (đồng)"},
		{"2025", "Giếng nước sạch cho điểm trường", "Quỹ Thử Nghiệm", "350.000.000"},
	}) + "6. Ngoại giao văn hóa: Không.\n"
	wantFound(t, readText(t, doc), map[string]string{
		"delegations.outbound.count": "1", "delegations.outbound.people": "4",
		"delegations.inbound_foreign.count": "5", "delegations.inbound_foreign.people": "33",
		"ngo_aid.projects": "1", "ngo_aid.projects[0].committed_vnd": "350000000",
		"consular.foreign_residents": "26", "consular.foreigner_incidents": "1",
	})
}

// TestPeriodRowsQuarters: rows of quarters and the row that adds them up
// ("Cả năm") in a year's report: the quarters are no figures, the sum is;
// so are the two halves and their "Tổng cộng". In a half-year's report, a
// "Tổng" under quarters is not read, and of the halves its own is.
func TestPeriodRowsQuarters(t *testing.T) {
	rows := textRows([][]string{
		{"Thời gian", "Người nước ngoài tạm trú (người)", "Vụ việc liên quan người nước ngoài (vụ)", "Công dân xuất cảnh (lượt)"},
		{"Quý I/2024", "31", "1", "52"},
		{"Quý II/2024", "33", "0", "47"},
		{"Quý III/2024", "35", "2", "61"},
		{"Quý IV/2024", "36", "1", "58"},
		{"Cả năm", "36", "4", "218"},
	})
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n3. Lãnh sự, bảo hộ công dân\n"
	wantFound(t, readText(t, head+rows), map[string]string{
		"consular.foreign_residents": "36", "consular.foreigner_incidents": "4", "consular.citizens_exited": "218",
	})
	half := strings.Replace(head, "năm 2024", "6 tháng cuối năm 2024", 1)
	if got := foundValues(readText(t, half+rows)); got["consular.citizens_exited"] != "" || got["consular.foreigner_incidents"] != "" {
		t.Errorf("half-year report read %v", got)
	}
	halves := textRows([][]string{
		{"Thời gian", "Vụ việc liên quan người nước ngoài (vụ)", "Công dân xuất cảnh (lượt)"},
		{"6 tháng đầu năm 2024", "2", "99"},
		{"6 tháng cuối năm 2024", "1", "119"},
		{"Tổng cộng", "3", "218"},
	})
	wantFound(t, readText(t, head+halves), map[string]string{"consular.foreigner_incidents": "3", "consular.citizens_exited": "218"})
	if got := foundValues(readText(t, half+halves)); got["consular.citizens_exited"] != "119" || got["consular.foreigner_incidents"] != "1" {
		t.Errorf("half-year report read %v", got)
	}
}

// TestMonthColumns: months under a merged year ("Năm 2024" over "Tháng
// 11", "Tháng 12", "Cả năm") are parts of it: the year's report reads
// "Cả năm", as text and as .docx. A table of periods whose header's last
// row names the units in brackets ("(đoàn)", "(người)") reads them as
// units.
func TestMonthColumns(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n"
	rows := [][]string{
		{"!STT", "!Chỉ tiêu", "!ĐVT", ">3 Năm 2024"},
		{"^", "^", "^", "Tháng 11", "Tháng 12", "Cả năm"},
		{"1", "Đoàn nước ngoài đến làm việc", "đoàn", "1", "2", "7"},
		{"2", "Vụ việc liên quan người nước ngoài", "vụ", "0", "1", "3"},
	}
	want := map[string]string{"delegations.inbound_foreign.count": "7", "consular.foreigner_incidents": "3"}
	for name, data := range map[string][]byte{"text": textTable(head, rows), "docx": tableDocx(head, rows)} {
		t.Run(name, func(t *testing.T) {
			lines, _, err := Lines(data)
			if err != nil {
				t.Fatal(err)
			}
			got := foundValues(Read(lines))
			for k, v := range want {
				if got[k] != v {
					t.Errorf("%s = %q, want %s", k, got[k], v)
				}
			}
		})
	}
	doc := head + "1. Đoàn ra, đoàn vào\n" + textRows([][]string{
		{"Thời gian", "Đoàn ra", "Đoàn trong nước đến làm việc"},
		{"", "(đoàn)", "(người)", "(đoàn)", "(người)"},
		{"Năm 2023", "1", "5", "8", "60"},
		{"Năm 2024", "2", "9", "11", "85"},
	})
	wantFound(t, readText(t, doc), map[string]string{
		"delegations.outbound.count": "2", "delegations.outbound.people": "9",
		"delegations.inbound_domestic.count": "11", "delegations.inbound_domestic.people": "85",
	})
}

// TestPeriodRowsNoHead: a table of periods whose first header cell is
// left empty reads as one whose header names it "Thời gian".
func TestPeriodRowsNoHead(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n3. Lãnh sự; người Việt Nam ở nước ngoài\n"
	doc := head + textRows([][]string{
		{"", "Người nước ngoài tạm trú (người)", "Người lao động ở nước ngoài (người)"},
		{"Năm 2023", "12", "140"},
		{"Năm 2024", "15", "152"},
	})
	wantFound(t, readText(t, doc), map[string]string{"consular.foreign_residents": "15", "overseas_vietnamese.labor_export_workers": "152"})
	if got := foundValues(readText(t, doc)); len(got) != 2+countDocument(got) {
		t.Errorf("read %v", got)
	}
}

func countDocument(got map[string]string) int {
	n := 0
	for k := range got {
		if strings.HasPrefix(k, "document.") {
			n++
		}
	}
	return n
}

// TestPeriodOverUnits: a header row of periods ("6 tháng đầu năm 2024",
// "Cùng kỳ năm 2023") divided by a row of units ("Đoàn | Người") reads
// the report's period's "Người" column as the people, its "Đoàn" column as
// the count, never the other period's; as text and as .docx.
func TestPeriodOverUnits(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại 6 tháng đầu năm 2024\nII. KẾT QUẢ\n1. Đoàn ra, đoàn vào\n"
	rows := [][]string{
		{"!TT", "!Nội dung", ">2 6 tháng đầu năm 2024", ">2 Cùng kỳ năm 2023", "!So sánh (%)"},
		{"^", "^", "Đoàn", "Người", "Đoàn", "Người", "^"},
		{"1", "Đoàn ra", "2", "9", "1", "3", "200"},
		{"2", "Đoàn nước ngoài đến làm việc", "3", "17", "4", "22", "75"},
	}
	want := map[string]string{
		"delegations.outbound.count": "2", "delegations.outbound.people": "9",
		"delegations.inbound_foreign.count": "3", "delegations.inbound_foreign.people": "17",
	}
	wantTableExactly(t, head, rows, want, false)
}

// TestTotalOverBreakdown: under a caption that names the figure, a header
// "Tổng số | Trong đó" over the parts' names gives the total, never a
// part; as text and as .docx.
func TestTotalOverBreakdown(t *testing.T) {
	head := "UBND PHƯỜNG THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n4. Lãnh sự, bảo hộ công dân\nNgười nước ngoài tạm trú trên địa bàn phường:\n"
	rows := [][]string{
		{"!Tổng số", ">4 Trong đó"},
		{"^", "Nhật Bản", "Đức", "Úc", "Khác"},
		{"118", "40", "31", "12", "35"},
	}
	for name, data := range map[string][]byte{"text": textTable(head, rows), "docx": tableDocx(head, rows)} {
		t.Run(name, func(t *testing.T) {
			lines, _, err := Lines(data)
			if err != nil {
				t.Fatal(err)
			}
			res := Read(lines)
			wantFound(t, res, map[string]string{"consular.foreign_residents": "118"})
			for _, u := range res.Unresolved {
				t.Errorf("unresolved %+v", u)
			}
		})
	}
}

// TestPeriodRowsNumbered: a table of periods whose first column numbers
// its rows ("STT | Năm | …") reads as one without it; as text and .docx.
func TestPeriodRowsNumbered(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2025\nII. KẾT QUẢ\n1. Đoàn ra, đoàn vào\n"
	rows := [][]string{
		{"!STT", "!Năm", ">2 Đoàn ra", ">2 Đoàn nước ngoài đến làm việc"},
		{"^", "^", "Đoàn", "Người", "Đoàn", "Người"},
		{"1", "Năm 2024", "2", "8", "6", "41"},
		{"2", "Năm 2025", "3", "12", "7", "52"},
	}
	want := map[string]string{
		"delegations.outbound.count": "3", "delegations.outbound.people": "12",
		"delegations.inbound_foreign.count": "7", "delegations.inbound_foreign.people": "52",
	}
	wantTableExactly(t, head, rows, want, false)
}

// TestAcrossTwoRowHeader: a table laid out across under a header of two
// rows ("Đoàn ra" spanning "Đoàn | Người") names each figure by the cells
// above it; as text and as .docx.
func TestAcrossTwoRowHeader(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2025\nII. KẾT QUẢ\n1. Đoàn ra, đoàn vào\n"
	rows := [][]string{
		{">2 Đoàn ra", ">2 Đoàn trong nước đến làm việc", ">2 Đoàn nước ngoài đến làm việc"},
		{"Đoàn", "Người", "Đoàn", "Người", "Đoàn", "Người"},
		{"01", "05", "17", "160", "03", "21"},
	}
	want := map[string]string{
		"delegations.outbound.count": "1", "delegations.outbound.people": "5",
		"delegations.inbound_domestic.count": "17", "delegations.inbound_domestic.people": "160",
		"delegations.inbound_foreign.count": "3", "delegations.inbound_foreign.people": "21",
	}
	wantTableExactly(t, head, rows, want, false)
}

// TestPairedCellsOfAnotherColumn: cells that pair a count and its people
// ("07/58" under "đoàn/người") are read only in the column of the
// report's period — not in "Lũy kế năm 2024" beside the second half.
func TestPairedCellsOfAnotherColumn(t *testing.T) {
	doc := "UBND PHƯỜNG THỬ\nBÁO CÁO\nKết quả công tác đối ngoại 6 tháng cuối năm 2024\nII. KẾT QUẢ\n13. Chế độ báo cáo: đầy đủ.\nBẢNG TỔNG HỢP MỘT SỐ CHỈ TIÊU\n" +
		"TT\tChỉ tiêu\tĐơn vị tính\t6 tháng cuối năm 2024\tLũy kế năm 2024\tGhi chú\n" +
		"2\tĐoàn vào trong nước\tđoàn/người\t07/58\t12/93\t\n" +
		"10\tCán bộ được bồi dưỡng\tngười/lớp\t02/01\t03/02\t\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{
		"delegations.inbound_domestic.count": "7", "delegations.inbound_domestic.people": "58",
		"training.officials_trained": "2", "training.courses": "1",
	})
	for _, u := range res.Unresolved {
		t.Errorf("unresolved %+v: another column's figure read", u)
	}
}

// TestSpanningPeriodTotal: a half-year's header spanning its quarters and
// their total ("Sáu tháng đầu năm 2025" over "Quý I | Quý II (ước) |
// Tổng") gives the total's column, never the first quarter's; the "-" of a
// quarter not counted is none. When nothing under the spanning header
// divides it, the row's figures under it are not read: which is the
// period's is not said.
func TestSpanningPeriodTotal(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại 6 tháng đầu năm 2025\nII. KẾT QUẢ\n"
	rows := [][]string{
		{"!TT", "!Nội dung", "!Đơn vị", ">3 Sáu tháng đầu năm 2025", "!Ghi chú"},
		{"^", "^", "^", "Quý I", "Quý II (ước)", "Tổng", "^"},
		{"1", "Đoàn nước ngoài đến làm việc", "Đoàn", "2", "3", "5", ""},
		{"", "", "Người", "11", "6", "17", ""},
		{"2", "Vụ việc liên quan người nước ngoài", "Vụ", "0", "4", "4", ""},
		{"3", "Lao động của xã ở nước ngoài", "Người", "-", "-", "58", "đến 15/6"},
	}
	want := map[string]string{
		"delegations.inbound_foreign.count": "5", "delegations.inbound_foreign.people": "17",
		"consular.foreigner_incidents": "4", "overseas_vietnamese.labor_export_workers": "58",
	}
	undivided := append([][]string{rows[0]}, rows[2:]...)
	for name, data := range map[string][]byte{
		"text": textTable(head, rows), "docx": tableDocx(head, rows),
		"text undivided": textTable(head, undivided), "docx undivided": tableDocx(head, undivided),
	} {
		t.Run(name, func(t *testing.T) {
			lines, _, err := Lines(data)
			if err != nil {
				t.Fatal(err)
			}
			got := foundValues(Read(lines))
			for k, v := range want {
				if strings.HasSuffix(name, "undivided") {
					v = ""
				}
				if got[k] != v {
					t.Errorf("%s = %q, want %q", k, got[k], v)
				}
			}
			for k, v := range got {
				if _, ok := want[k]; !ok && !strings.HasPrefix(k, "document.") {
					t.Errorf("%s = %s read, not stated", k, v)
				}
			}
		})
	}
}

// TestPeriodRowsTwoUnderEach: a header of periods whose cells merged down
// come first and whose cells divided come last, each over two columns
// named differently ("Cán bộ | Lớp | Số đoàn | Số người", no word
// repeated): as text, where the divided row has only the four names after
// the empty cells, each divided cell is over two of them (a cell over a
// single column is merged down instead); as .docx by the grid.
func TestPeriodRowsTwoUnderEach(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n"
	rows := [][]string{
		{"!Năm", "!Người nước ngoài cư trú", "!Vụ việc có yếu tố nước ngoài", ">2 Tập huấn đối ngoại", ">2 Đoàn ra"},
		{"^", "^", "^", "Cán bộ", "Lớp", "Số đoàn", "Số người"},
		{"Năm 2024", "6", "1", "3", "2", "1", "4"},
		{"Năm 2023", "5", "0", "0", "0", "0", "0"},
	}
	want := map[string]string{
		"consular.foreign_residents": "6", "consular.foreigner_incidents": "1",
		"training.officials_trained": "3", "training.courses": "2",
		"delegations.outbound.count": "1", "delegations.outbound.people": "4",
	}
	wantTableExactly(t, head, rows, want, true)
}

// TestPeriodRowsAwardsOverNominations: a column "Khen thưởng" divided
// into the awards received and those asked of the authorities ("Đề nghị
// cấp trên") gives each its figure: the heading names both sections, the
// words under it the one.
func TestPeriodRowsAwardsOverNominations(t *testing.T) {
	head := "UBND PHƯỜNG THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n"
	rows := [][]string{
		{"!Năm", "!Thỏa thuận quốc tế", ">2 Khen thưởng"},
		{"^", "^", "Nhận của nước ngoài", "Đề nghị cấp trên"},
		{"Năm 2024", "0", "1", "2"},
	}
	want := map[string]string{
		"international_agreements.count": "0", "foreign_awards_received.count": "1", "award_nominations.count": "2",
	}
	wantTableExactly(t, head, rows, want, false)
}

// TestBracketedPartsOfACell: a table's cell that gives a figure and its
// parts in brackets ("212 người (Lào 150, Thái Lan 40, quốc tịch khác
// 22)", "04 đoàn/31 người (Lào 03 đoàn/25 người; …)") holds the figure
// before the brackets; the parts are no rival readings of it. A figure of
// another kind in brackets ("38 hộ (0,72%)") is still read, and a figure
// written only in brackets ("(05) đoàn") too.
func TestBracketedPartsOfACell(t *testing.T) {
	doc := "UBND PHƯỜNG THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\n" +
		"TT\tNội dung\tKết quả năm 2024\tGhi chú\n" +
		"I\tĐẶC ĐIỂM TÌNH HÌNH\n" +
		"1\tHộ nghèo\t38 hộ (0,72%).\t\n" +
		"II\tKẾT QUẢ CÔNG TÁC ĐỐI NGOẠI\n" +
		"1\tĐoàn vào trong nước\t(05) đoàn.\t\n" +
		"2\tĐoàn nước ngoài vào\t04 đoàn/31 người (Lào 03 đoàn/25 người; Thái Lan 01 đoàn/06 người).\t\n" +
		"3\tNgười nước ngoài tạm trú\t212 người (Lào 150, Thái Lan 40, quốc tịch khác 22).\t\n" +
		"4\tNgười lao động ở nước ngoài\t41 người (Hàn Quốc 25, Nhật Bản 16).\t\n"
	want := map[string]string{
		"profile.poor_households": "38", "profile.poor_households_rate_pct": "0.72",
		"delegations.inbound_domestic.count": "5",
		"delegations.inbound_foreign.count":  "4", "delegations.inbound_foreign.people": "31",
		"consular.foreign_residents": "212", "overseas_vietnamese.labor_export_workers": "41",
	}
	for format, res := range map[string]*Result{"text": readText(t, doc), "docx": readDocx(t, doc)} {
		t.Run(format, func(t *testing.T) {
			wantFound(t, res, want)
			if len(res.Unresolved) > 0 {
				t.Errorf("unresolved %+v", res.Unresolved)
			}
		})
	}
}

// TestPeoplesByRow: the peoples' shares in a table laid out by row — a
// header "Dân tộc | Số hộ | Số nhân khẩu | Tỷ lệ (%)" over one row per
// people and a total row, or the rows "Dân tộc Mường | % | 58,2" of a
// table of indicators — are the ethnic groups; the households and people
// of each are no figures of the profile, and "Dân tộc khác" names no
// people.
func TestPeoplesByRow(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\n"
	tail := "II. KẾT QUẢ\n1. Đoàn ra: Không.\n"
	byColumn := head + "Xã có 2.210 hộ, 8.730 nhân khẩu.\n" +
		"Dân tộc\tSố hộ\tSố nhân khẩu\tTỷ lệ (%)\n" +
		"Mường\t1.402\t5.561\t63,7\n" +
		"Kinh\t655\t2.540\t29,1\n" +
		"Thái\t153\t629\t7,2\n" +
		"Cộng\t2.210\t8.730\t100\n" + tail
	indicators := head + "STT\tChỉ tiêu\tĐơn vị tính\tSố liệu\n" +
		"1\tSố hộ\thộ\t2.210\n" +
		"2\tDân tộc Mường\t%\t63,7\n" +
		"3\tDân tộc Kinh\t%\t29,1\n" +
		"4\tDân tộc Thái\t%\t7,2\n" +
		"5\tDân tộc khác\t%\t0\n" + tail
	for name, doc := range map[string]string{"by column": byColumn, "indicators": indicators} {
		for format, res := range map[string]*Result{"text": readText(t, doc), "docx": readDocx(t, doc)} {
			t.Run(name+"/"+format, func(t *testing.T) {
				wantFound(t, res, map[string]string{"profile.households": "2210", "profile.economy_structure_pct.other": ""})
				gs := res.Report.Profile.EthnicGroups
				if len(gs) != 3 || gs[0].Name != "Mường" || gs[0].SharePct.String() != "63.7" || gs[2].Name != "Thái" || gs[2].SharePct.String() != "7.2" {
					t.Errorf("groups %+v", gs)
				}
			})
		}
	}
}

// TestTitledProfileTable: a table of the profile whose first row is its
// title merged across it ("Bảng 1: Một số thông tin chung về phường") is
// read as the profile: "thông tin chung" names general facts, not the
// section of foreign information.
func TestTitledProfileTable(t *testing.T) {
	head := "UBND PHƯỜNG THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH"
	rows := [][]string{
		{">4 Bảng 1: Một số thông tin chung về phường năm 2024"},
		{"TT", "Chỉ tiêu", "ĐVT", "Số liệu"},
		{"1", "Số hộ", "hộ", "3318"},
		{"2", "Số nhân khẩu", "người", "12807"},
		{"3", "Số đảng viên", "người", "506"},
	}
	data := tablesDocx(head, [][][]string{rows}, "II. KẾT QUẢ")
	lines, _, err := Lines(data)
	if err != nil {
		t.Fatal(err)
	}
	wantFound(t, Read(lines), map[string]string{"profile.households": "3318", "profile.population": "12807", "profile.party_members": "506"})
	// "3. Thông tin đối ngoại" still names the section of information.
	if keys, _ := headingKeys(numArabic, "thong tin doi ngoai", secResults); !slices.Contains(keys, secInformation) {
		t.Errorf("\"thông tin đối ngoại\" names %v", keys)
	}
}

// TestTotalRowAfterProse: the total row ("Cộng | 905 | 4.120 | 100") of a
// table of peoples after a paragraph of prose that names many figures is
// the sum of the rows above: it is no figure of that paragraph's (its
// households read as the population, its 100 % as the minorities' share).
func TestTotalRowAfterProse(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\n" +
		"Xã Thử là xã vùng cao của huyện, cách trung tâm huyện 40 km, có đường giao thông liên xã dài 12 km chạy qua; diện tích tự nhiên 8.250 ha, gồm 07 bản với 905 hộ, 4.120 nhân khẩu; có 03 dân tộc cùng sinh sống, đồng bào dân tộc thiểu số chiếm 96,4% dân số. Nhân dân chủ yếu sản xuất nông, lâm nghiệp. Thành phần dân tộc như sau:\n" +
		"TT\tDân tộc\tSố hộ\tSố nhân khẩu\tTỷ lệ (%)\n1\tMông\t640\t2.983\t72,4\n2\tThái\t232\t989\t24,0\n3\tKinh\t33\t148\t3,6\n\tCộng\t905\t4.120\t100\n" +
		"II. KẾT QUẢ\n1. Đoàn ra: Không.\n"
	for name, data := range map[string][]byte{"text": []byte(doc), "docx": docxtest.FromText(doc, "")} {
		t.Run(name, func(t *testing.T) {
			lines, _, err := Lines(data)
			if err != nil {
				t.Fatal(err)
			}
			res := Read(lines)
			wantFound(t, res, map[string]string{"profile.population": "4120", "profile.households": "905", "profile.ethnic_minority_share_pct": "96.4"})
			if len(res.Unresolved) > 0 {
				t.Errorf("unresolved %+v", res.Unresolved)
			}
		})
	}
}

// TestBusinessesOnTheArea: a row of a profile's table that counts something
// "trên địa bàn" in a unit of its own ("Số hợp tác xã trên địa bàn | hợp
// tác xã | 6") counts no hamlets: "bàn" of "địa bàn" is no "bản".
func TestBusinessesOnTheArea(t *testing.T) {
	doc := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\n" +
		"TT\tChỉ tiêu\tĐVT\tSố liệu\n1\tSố thôn\tthôn\t7\n2\tSố hộ\thộ\t1934\n3\tSố hợp tác xã trên địa bàn\thợp tác xã\t6\n" +
		"II. KẾT QUẢ\n1. Đoàn ra: Không.\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{"profile.hamlets": "7", "profile.households": "1934"})
	if len(res.Unresolved) > 0 {
		t.Errorf("unresolved %+v", res.Unresolved)
	}
}

// TestLabelHeaderOverTwoColumns: a header "Nội dung" merged across two
// columns over rows whose label is in two cells, the first merged down
// the rows of its parts ("2 | Đoàn vào | Trong nước | 21 | 184" over " |
// | Nước ngoài | 03 | 26"): each row's figures are its own label's, said
// of the first ("Đoàn vào" "Nước ngoài"). In a .docx the second column's
// header continues the first's; typed as text the row has one cell more
// than the header, words where a figure is due. Both were read out of
// place: the part's name as a value or a note, the foreign row not at all.
func TestLabelHeaderOverTwoColumns(t *testing.T) {
	head := "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n1. Đoàn ra, đoàn vào\n"
	rows := [][]string{
		{"!TT", "!>2 Nội dung", ">2 Năm 2024", "!Ghi chú"},
		{"^", "^>2", "Số đoàn", "Số người", "^"},
		{"1", ">2 Đoàn ra", "02", "09", "Sang tỉnh Hủa Phăn (Lào)"},
		{"!2", "!Đoàn vào", "Trong nước", "21", "184", ""},
		{"^", "^", "Nước ngoài", "03", "26", "Năm 2023: 02 đoàn/15 người"},
	}
	want := map[string]string{
		"delegations.outbound.count": "2", "delegations.outbound.people": "9",
		"delegations.inbound_domestic.count": "21", "delegations.inbound_domestic.people": "184",
		"delegations.inbound_foreign.count": "3", "delegations.inbound_foreign.people": "26",
	}
	for name, data := range map[string][]byte{"text": textTable(head, rows), "docx": tableDocx(head, rows)} {
		t.Run(name, func(t *testing.T) {
			lines, _, err := Lines(data)
			if err != nil {
				t.Fatal(err)
			}
			res := Read(lines)
			got := foundValues(res)
			for k, v := range want {
				if got[k] != v {
					t.Errorf("%s = %q, want %s", k, got[k], v)
				}
			}
			for k, v := range got {
				if _, ok := want[k]; !ok && !strings.HasPrefix(k, "document.") {
					t.Errorf("%s = %s read, not stated", k, v)
				}
			}
			if len(res.Unresolved) > 0 {
				t.Errorf("unresolved %+v", res.Unresolved)
			}
		})
	}
}

// TestProjectMeasuredByRows: in a table of indicators, a merged label "Dự
// án …" over rows that each give one measure in a detail column ("Số dự
// án | dự án | 1", "Giá trị cam kết | đồng | …", "Giá trị giải ngân | đồng
// | …") is one project: the committed row makes it, the disbursed row is
// its value disbursed — not two projects.
func TestProjectMeasuredByRows(t *testing.T) {
	doc := func(count string) string {
		return "UBND XÃ THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nII. KẾT QUẢ\n" +
			"TT\tChỉ tiêu\tChi tiết\tĐVT\tNăm 2024\tNăm 2023\tGhi chú\n" +
			"I\tĐoàn ra, đoàn vào\t\t\t\t\t\n1\tĐoàn ra\tSố đoàn\tđoàn\t0\t1\t\n" +
			"II\tViện trợ phi chính phủ nước ngoài\t\t\t\t\t\n" +
			"2\tDự án viện trợ PCPNN\tSố dự án\tdự án\t" + count + "\t0\tTầm nhìn Thế giới\n" +
			"\t\tGiá trị cam kết\tđồng\t420000000\t0\t\n\t\tGiá trị giải ngân\tđồng\t180000000\t0\t\n" +
			"III\tLãnh sự\t\t\t\t\t\n3\tNgười nước ngoài tạm trú\t\tngười\t17\t12\t\n"
	}
	res := readText(t, doc("1"))
	wantFound(t, res, map[string]string{"ngo_aid.projects": "1", "ngo_aid.projects[0].committed_vnd": "420000000", "ngo_aid.projects[0].disbursed_vnd": "180000000", "consular.foreign_residents": "17"})
	if len(res.Unresolved) > 0 {
		t.Errorf("unresolved %+v", res.Unresolved)
	}
	// Two projects counted: the values are their sums, no project's.
	res = readText(t, doc("2"))
	got := foundValues(res)
	if got["ngo_aid.projects"] == "1" || got["ngo_aid.projects[0].committed_vnd"] != "" {
		t.Errorf("two projects counted: read %q projects, the first committed %q", got["ngo_aid.projects"], got["ngo_aid.projects[0].committed_vnd"])
	}
}

// TestGroupAndFirstItemInOneLabel: a row whose label names a group and
// its first item ("Cơ cấu kinh tế: - Nông nghiệp, thủy sản | % | 41,2")
// over rows of the other items ("- Thương mại, dịch vụ, xây dựng"): the
// items under it are the group's, not its first item's (the sectors were
// read as mixed, none set), and in an annex a sector under the group's
// name has the few words of its own a row of basic figures has.
func TestGroupAndFirstItemInOneLabel(t *testing.T) {
	head := "UBND PHƯỜNG THỬ\nSố: 31/BC-UBND\nThử, ngày 04 tháng 12 năm 2024\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\n" +
		"1. Tình hình chung\nCác chỉ tiêu cơ bản tại Phụ lục kèm theo.\n" +
		"Nơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn Bình\n" +
		"PHỤ LỤC\nBiểu số 01: Một số chỉ tiêu cơ bản năm 2024\n"
	rows := [][]string{
		{"TT", "Chỉ tiêu", "ĐVT", "Số liệu", "Ghi chú"},
		{"1", "Số hộ", "Hộ", "3.120", ""},
		{"!2", "Cơ cấu kinh tế: - Nông nghiệp, thủy sản", "%", "41,2", ""},
		{"^", "- Thương mại, dịch vụ, xây dựng", "%", "50,3", ""},
		{"^", "- Lĩnh vực khác", "%", "8,5", ""},
	}
	want := map[string]string{
		"profile.households": "3120",
		"profile.economy_structure_pct.agriculture_forestry": "41.2", "profile.economy_structure_pct.industry_services_tourism": "50.3",
		"profile.economy_structure_pct.other": "8.5",
	}
	for name, data := range map[string][]byte{"text": []byte(head + textRows(rows)), "docx": tablesDocx(head, [][][]string{rows}, "")} {
		t.Run(name, func(t *testing.T) {
			lines, _, err := Lines(data)
			if err != nil {
				t.Fatal(err)
			}
			wantFound(t, Read(lines), want)
		})
	}
}

// TestProjectSaidInACell: in a report whose body is one table, the row of
// the NGO aid holds a sentence ("01 dự án “…” do Tổ chức … tài trợ: cam
// kết …, đã giải ngân …"): the project is read from it as from a
// paragraph of the section (it was missed: only the section's own lines
// were searched for projects).
func TestProjectSaidInACell(t *testing.T) {
	doc := "UBND PHƯỜNG THỬ\nBÁO CÁO\nKết quả công tác đối ngoại 6 tháng đầu năm 2024\n" +
		"TT\tNội dung\tKết quả\tGhi chú\nB\tKẾT QUẢ CÔNG TÁC ĐỐI NGOẠI\n" +
		"1\tĐoàn ra\t0 đoàn / 0 người\tKhông phát sinh\n" +
		"5\tĐối ngoại nhân dân, viện trợ phi chính phủ nước ngoài\t01 dự án “Bếp ăn bán trú Trường Tiểu học Thử” do Tổ chức Mặt Trời Nhỏ (Hàn Quốc) tài trợ: cam kết 310 triệu đồng, đã giải ngân 120 triệu đồng.\tDự án thực hiện 2024 - 2025\n" +
		"6\tThông tin đối ngoại\t18 tin, bài\t\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{"ngo_aid.projects": "1", "ngo_aid.projects[0].committed_vnd": "310000000", "ngo_aid.projects[0].disbursed_vnd": "120000000"})
}

// TestGuestsRowIsNoDelegation: a row of the foreigners' guests counted in
// "lượt" ("Lượt khách quốc tế lưu trú ngắn ngày | 52.400 lượt"), in a
// table that also counts the delegations, names tourists: no people of a
// delegation (it was a rival of the foreign delegation's people, left
// unresolved).
func TestGuestsRowIsNoDelegation(t *testing.T) {
	doc := "UBND PHƯỜNG THỬ\nBÁO CÁO\nKết quả công tác đối ngoại 6 tháng đầu năm 2024\n" +
		"TT\tNội dung\tKết quả\tGhi chú\nB\tKẾT QUẢ CÔNG TÁC ĐỐI NGOẠI\n" +
		"1\tĐoàn ra\t0 đoàn / 0 người\tKhông phát sinh\n" +
		"\tĐoàn nước ngoài\t02 đoàn / 15 người\t\n" +
		"7\tNgười nước ngoài tạm trú\t240 người\t\n" +
		"\tLượt khách quốc tế lưu trú ngắn ngày\t52.400 lượt\tTheo khai báo lưu trú\n" +
		"\tVụ việc liên quan người nước ngoài\t02 vụ\t\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{"delegations.inbound_foreign.count": "2", "delegations.inbound_foreign.people": "15", "consular.foreign_residents": "240", "consular.foreigner_incidents": "2"})
}

// TestSpannedRowLendsItsLabel: a row whose figures stand in columns its
// header does not name (a merged "Chia theo quốc tịch" laid out as one
// cell: "8 | Viện trợ … | Dự án | 01 | 01 | - | …") is not read, but the
// rows under it with no label of their own (" |  | Cam kết (đồng) |
// 960.000.000") are still its — they took the label of the row before it
// ("Người lao động ở nước ngoài"), a rival of the workers' figure.
func TestSpannedRowLendsItsLabel(t *testing.T) {
	doc := "UBND PHƯỜNG THỬ\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Thử\n" +
		"PHỤ LỤC\nSTT\tChỉ tiêu\tĐVT\tTổng số\tChia theo quốc tịch\tGhi chú\n" +
		"\t\t\t\tLào\tThái Lan\tKhác\t\n" +
		"6\tNgười lao động ở nước ngoài\tNgười\t57\t-\t\n" +
		"7\tViện trợ phi chính phủ nước ngoài\tDự án\t01\t01\t-\t-\tTổ chức Hạt Mầm\n" +
		"\t\tCam kết (đồng)\t960.000.000\t-\t\n" +
		"\t\tGiải ngân (đồng)\t480.000.000\t-\t\n"
	res := readText(t, doc)
	wantFound(t, res, map[string]string{"overseas_vietnamese.labor_export_workers": "57"})
	for _, u := range res.Unresolved {
		if u.Field == "overseas_vietnamese.labor_export_workers" {
			t.Errorf("unresolved %+v", u)
		}
	}
}
