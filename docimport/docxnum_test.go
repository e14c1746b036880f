package docimport

import (
	"fmt"
	"strings"
	"testing"

	"doingoai/internal/docxtest"
)

// numberingXML of a report as Word writes it: list 1 (Roman parts, then
// Arabic sections, then lettered items), list 2 the same lists restarted at
// III, list 3 bullets, and a heading style numbered by list 4 ("Điều 1.").
const testNumberingXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="10">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/><w:suff w:val="space"/></w:lvl>
 <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%4."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="11">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="12">
 <w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimalZero"/><w:lvlText w:val="Điều %1."/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="11"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="12"/></w:num>
</w:numbering>`

const testStylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="Dieu"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="DieuDam"><w:basedOn w:val="Dieu"/></w:style>
</w:styles>`

// TestDocxListNumbers: the numbers Word shows but does not write in the
// text — a list's Roman parts, Arabic sections, lettered items, a list
// restarted at another value, bullets, a heading numbered by its style
// (and by the style it is based on) — are read in front of the
// paragraph's text, as "Save as text" writes them; a paragraph that takes
// its style's numbering away (numId 0) has none.
func TestDocxListNumbers(t *testing.T) {
	n := func(id string, lvl int, text string) docxtest.Block {
		return docxtest.Numbered{NumID: id, Ilvl: lvl, Text: text}
	}
	doc := docxtest.DocumentXML([]docxtest.Block{
		n("1", 0, "ĐẶC ĐIỂM TÌNH HÌNH"),
		n("1", 1, "Diện tích 561,87 ha."),
		n("1", 1, "Dân số 10.862 người."),
		n("1", 0, "KẾT QUẢ"),
		n("1", 1, "Đoàn ra, đoàn vào"),
		n("1", 2, "Đoàn ra: Không có."),
		n("1", 2, "Đoàn vào: 02 đoàn."),
		n("1", 3, "Chi tiết."),
		n("1", 1, "Thỏa thuận quốc tế: Không."),
		n("2", 0, "PHƯƠNG HƯỚNG"),
		n("3", 0, "Tăng cường quản lý."),
		docxtest.Numbered{Style: "Dieu", Text: "Khen thưởng"},
		docxtest.Numbered{Style: "DieuDam", Text: "Kiến nghị"},
		docxtest.Numbered{Style: "Dieu", NumID: "0", Text: "Không đánh số"},
		docxtest.Para("Nơi nhận:"),
	})
	data := docxtest.Package(doc, [2]string{"word/numbering.xml", testNumberingXML}, [2]string{"word/styles.xml", testStylesXML})
	lines, _, err := Lines(data)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"I. ĐẶC ĐIỂM TÌNH HÌNH",
		"1. Diện tích 561,87 ha.",
		"2. Dân số 10.862 người.",
		"II. KẾT QUẢ",
		"1. Đoàn ra, đoàn vào",
		"a) Đoàn ra: Không có.",
		"b) Đoàn vào: 02 đoàn.",
		"1.1. Chi tiết.",
		"2. Thỏa thuận quốc tế: Không.",
		"III. PHƯƠNG HƯỚNG",
		"• Tăng cường quản lý.",
		"Điều 05.Khen thưởng",
		"Điều 06.Kiến nghị",
		"Không đánh số",
		"Nơi nhận:",
	}
	if got := strings.Join(lines, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("lines:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}

	// The same report without numbering.xml reads its text alone; a
	// damaged or oversized numbering.xml is ignored, not a refusal.
	huge := testNumberingXML[:strings.Index(testNumberingXML, "<w:num ")] + strings.Repeat("<w:num/>", maxPart/8) + "</w:numbering>"
	for _, parts := range [][][2]string{nil, {{"word/numbering.xml", "<w:numbering"}}, {{"word/numbering.xml", huge}}} {
		lines, _, err := Lines(docxtest.Package(doc, parts...))
		if err != nil || lines[0] != "ĐẶC ĐIỂM TÌNH HÌNH" {
			t.Errorf("%.40v: %q, %v", parts, lines[0], err)
		}
	}
}

// TestDocxNumberedSections: a report whose parts and sections Word
// numbers reads as the same report with its numbers typed.
func TestDocxNumberedSections(t *testing.T) {
	typed := "UBND XÃ A\nBÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM\nXã có 1.200 hộ, 4.800 nhân khẩu.\nII. KẾT QUẢ\n" +
		"1. Đoàn ra, đoàn vào\nĐoàn ra: 02 đoàn, 09 người.\n2. Thỏa thuận quốc tế\nKý kết 01 thỏa thuận.\n3. Hội nghị quốc tế\nKhông tổ chức.\n"
	n := func(lvl int, text string) docxtest.Block {
		return docxtest.Numbered{NumID: "1", Ilvl: lvl, Text: text}
	}
	doc := docxtest.DocumentXML([]docxtest.Block{
		docxtest.Para("UBND XÃ A"), docxtest.Para("BÁO CÁO"), docxtest.Para("Kết quả công tác đối ngoại năm 2024"),
		n(0, "ĐẶC ĐIỂM"), docxtest.Para("Xã có 1.200 hộ, 4.800 nhân khẩu."),
		n(0, "KẾT QUẢ"), n(1, "Đoàn ra, đoàn vào"), docxtest.Para("Đoàn ra: 02 đoàn, 09 người."),
		n(1, "Thỏa thuận quốc tế"), docxtest.Para("Ký kết 01 thỏa thuận."),
		n(1, "Hội nghị quốc tế"), docxtest.Para("Không tổ chức."),
	})
	text, _ := readReport(t, []byte(typed))
	docx, _ := readReport(t, docxtest.Package(doc, [2]string{"word/numbering.xml", testNumberingXML}))
	found := func(r *Result) map[string]any {
		m := map[string]any{}
		for _, f := range r.Found {
			m[f.Field] = f.Value
		}
		return m
	}
	want, got := found(text), found(docx)
	for _, f := range []string{"profile.households", "delegations.outbound.people", "international_agreements.count", "international_conferences.count"} {
		if _, ok := want[f]; !ok {
			t.Fatalf("the typed report does not give %s: %v", f, want)
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("numbered by Word:\n%v\ntyped:\n%v", got, want)
	}
}
