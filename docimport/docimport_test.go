package docimport

import (
	"bytes"
	"encoding/binary"
	"os"
	"strings"
	"testing"
	"unicode/utf16"

	"doingoai/internal/docxtest"
	"doingoai/models"
)

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]string{
		"1.169": "1169", "2.690,67": "2690.67", "04": "4", "5,03": "5.03", "3,6": "3.6", "0,20": "0.2",
		"2.500.000.000": "2500000000", "3.6": "3.6", "12,36": "12.36", "0": "0", "1.874,5": "1874.5",
	} {
		d, err := ParseNumber(in)
		if err != nil || d.String() != want {
			t.Errorf("ParseNumber(%q) = %s, %v; want %s", in, d, err, want)
		}
	}
	// Ways to write a number that could be read two ways, or not at all.
	for _, in := range []string{"1.2345", "1,234.5", "1.16.5", "12.34.567", ",5", "1,", "1..2", "", "1,2,3", "1.0000,5", "99999999999999"} {
		if d, err := ParseNumber(in); err == nil {
			t.Errorf("ParseNumber(%q) = %s, want an error", in, d)
		}
	}
	if _, err := ParseInt("1,169"); err == nil {
		t.Error(`"1,169" is 1.169 in Vietnamese, not a count`)
	}
}

func TestParseMoney(t *testing.T) {
	for in, want := range map[string]int64{
		"1,2 tỷ đồng": 1_200_000_000, "850 triệu đồng": 850_000_000, "2.500.000.000 đồng": 2_500_000_000,
		"46 triệu đồng": 46_000_000, "1 tỷ 200 triệu đồng": 1_200_000_000, "52,5 triệu": 52_500_000,
		"500 nghìn đồng": 500_000, "1.500.000 VNĐ": 1_500_000, "3 tỷ": 3_000_000_000,
	} {
		if v, err := ParseMoney(in); err != nil || v != want {
			t.Errorf("ParseMoney(%q) = %d, %v; want %d", in, v, err, want)
		}
	}
	for _, in := range []string{"1,2", "50.000 USD", "1,5 đồng", "2 triệu 3 tỷ đồng", "1 tỷ 2.000 triệu đồng"} {
		if v, err := ParseMoney(in); err == nil {
			t.Errorf("ParseMoney(%q) = %d, want an error", in, v)
		}
	}
}

// TestDocxReader: tracked insertions count and deletions do not; a field
// shows its result, not its code; a content control's text counts; a text
// box counts once although Word writes it twice; a line break splits the
// paragraph; a table's row is one line, its cells separated by a tab and
// a cell's paragraphs by a line break, and the table ends with an empty
// line.
func TestDocxReader(t *testing.T) {
	data := docxtest.Build([]docxtest.Block{
		docxtest.Table{{{docxtest.Para("UBND XÃ A"), docxtest.Para("Số: 1/BC-UBND")}, {docxtest.Para("CỘNG HÒA"), docxtest.Para("A, ngày 1 tháng 2 năm 2024")}}},
		docxtest.P{docxtest.T("Xã có tổng số "), docxtest.Del("1.170"), docxtest.Ins("1.169"), docxtest.T(" hộ.")},
		docxtest.P{docxtest.T("Trang "), docxtest.Field{Code: "PAGE", Result: "3"}},
		docxtest.P{docxtest.T("Người ký: "), docxtest.SDT("Lê Đình Ngà")},
		docxtest.P{docxtest.T("Hộp: "), docxtest.TextBox{"trong hộp"}},
		docxtest.P{docxtest.T("TM. ỦY BAN NHÂN DÂN"), docxtest.Br{}, docxtest.T("CHỦ TỊCH")},
		docxtest.Split("Dân số là 4.456 nhân khẩu", 3),
	})
	lines, kind, err := Lines(data)
	if err != nil || kind != KindDocx {
		t.Fatal(kind, err)
	}
	got := strings.Join(lines, "\n")
	want := "UBND XÃ A\nSố: 1/BC-UBND\tCỘNG HÒA\nA, ngày 1 tháng 2 năm 2024\n\nXã có tổng số 1.169 hộ.\nTrang 3\nNgười ký: Lê Đình Ngà\ntrong hộp\nHộp: \nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nDân số là 4.456 nhân khẩu"
	if got != want {
		t.Errorf("lines:\n%s\nwant:\n%s", got, want)
	}
}

func utf16Bytes(s string, big bool) []byte {
	var b bytes.Buffer
	var order binary.ByteOrder = binary.LittleEndian
	if big {
		order = binary.BigEndian
	}
	binary.Write(&b, order, uint16(0xFEFF))
	for _, u := range utf16.Encode([]rune(s)) {
		binary.Write(&b, order, u)
	}
	return b.Bytes()
}

// TestTextEncodings: UTF-8 with or without a byte-order mark, and UTF-16
// of either byte order with one, read the same; anything else is refused.
func TestTextEncodings(t *testing.T) {
	src, err := os.ReadFile("../testdata/bao-cao-doi-ngoai-boc-nhieu-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(string(src), "\n", "\r\n") // as Notepad writes it
	for name, data := range map[string][]byte{
		"utf-8": src, "utf-8 with a BOM": append([]byte{0xEF, 0xBB, 0xBF}, src...),
		"utf-16le": utf16Bytes(s, false), "utf-16be": utf16Bytes(s, true),
	} {
		t.Run(name, func(t *testing.T) { checkSeed(t, data, string(src)) })
	}
	for name, c := range map[string]struct {
		data []byte
		code string
	}{
		"utf-16 without a BOM": {utf16Bytes(s, false)[2:], models.EMEDIATYPE},
		"windows-1258":         {[]byte("X\xe3 c\xf3 1.169 h\xf4\xa3"), models.EMEDIATYPE},
		"a .doc":               {[]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, models.EMEDIATYPE},
		"a PDF":                {[]byte("%PDF-1.4\n"), models.EMEDIATYPE},
		"a PNG":                {[]byte("\x89PNG\r\n\x1a\n"), models.EMEDIATYPE},
		"RTF":                  {[]byte(`{\rtf1\ansi`), models.EMEDIATYPE},
		"an .xlsx":             {xlsx(), models.EMEDIATYPE},
		"a cut .docx":          {docxtest.Build([]docxtest.Block{docxtest.Para("x")})[:200], models.EINVALID},
		"broken XML":           {docxtest.Package(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>`), models.EINVALID},
		"deep XML":             {docxtest.Package(strings.Repeat("<a>", 100_000)), models.EINVALID},
		"odd UTF-16":           {append(utf16Bytes("Xã", false), 'x'), models.EINVALID},
	} {
		_, _, err := Lines(c.data)
		if models.ErrorCode(err) != c.code {
			t.Errorf("%s: %v, want %s", name, err, c.code)
		}
		if c.code == models.EMEDIATYPE && err != nil && !strings.Contains(err.Error(), ".docx") {
			t.Errorf("%s: %v does not say to save as .docx", name, err)
		}
	}
}

func xlsx() []byte {
	var buf bytes.Buffer
	zw := newZip(&buf)
	zw("xl/workbook.xml", "<workbook/>")
	return buf.Bytes()
}

// TestTraps: sentences that look like figures but do not state them. Each
// must leave its figure null: a wrong figure is worse than a missing one.
func TestTraps(t *testing.T) {
	doc := `UBND XÃ THỬ
BÁO CÁO
Kết quả công tác đối ngoại năm 2024
I. ĐẶC ĐIỂM TÌNH HÌNH
Nhân dịp Tết, xã tặng 50 suất quà cho 50 hộ nghèo; hỗ trợ 5 hộ xây nhà.
Dân số tăng 120 người so với năm trước; tỷ lệ hộ nghèo giảm 1,2%; giảm 12 hộ cận nghèo.
Thu nhập bình quân 4 triệu đồng/người/tháng.
Diện tích lúa 1.200 ha.
II. KẾT QUẢ
1. Công tác đoàn ra, đoàn vào
Đoàn Thanh niên xã phối hợp tổ chức 3 đoàn đi thăm các gia đình chính sách.
2. Thỏa thuận quốc tế
Tuyên truyền về các thỏa thuận quốc tế mà Việt Nam đã ký kết.
5. Viện trợ phi chính phủ nước ngoài
Dự án “Nhà văn hóa” do tổ chức KOICA (Hàn Quốc) tài trợ, trị giá 50.000 USD.
8. Lãnh sự, bảo hộ công dân
Không có công dân xuất cảnh trái phép. Có khoảng 50 người nước ngoài đến tham quan di tích. Không có người nước ngoài vi phạm pháp luật.
9. Người Việt Nam ở nước ngoài
Không có trường hợp lao động ở nước ngoài vi phạm hợp đồng, bỏ trốn bất hợp pháp.
10. Đào tạo, bồi dưỡng kiến thức đối ngoại
Cử 02 cán bộ dự hội nghị trực tuyến của tỉnh.
`
	lines, _, err := Lines([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	res := Read(lines)
	for _, f := range res.Found {
		if strings.HasPrefix(f.Field, "document.") || f.Field == "ngo_aid.projects" || strings.HasPrefix(f.Field, "ngo_aid.projects[0].") && !strings.HasSuffix(f.Field, "_vnd") {
			continue
		}
		t.Errorf("%s = %v read from %q, which does not state it", f.Field, f.Value, f.Text)
	}
	if ps := res.Report.NgoAid.Projects; len(ps) != 1 || ps[0].CommittedVND != nil || ps[0].Country != "Hàn Quốc" {
		t.Errorf("projects %+v: an amount in US dollars is not đồng", ps)
	}
}

func TestAddressee(t *testing.T) {
	for in, want := range map[string][2]string{
		"Đề nghị UBND huyện quan tâm, giúp đỡ.":                       {"UBND huyện", "quan tâm, giúp đỡ."},
		"Đề nghị Sở Ngoại vụ tỉnh Thái Nguyên tổ chức tập huấn.":      {"Sở Ngoại vụ tỉnh Thái Nguyên", "tổ chức tập huấn."},
		"Kiến nghị Ủy ban nhân dân tỉnh Thái Nguyên bố trí kinh phí.": {"Ủy ban nhân dân tỉnh Thái Nguyên", "bố trí kinh phí."},
		"Đề nghị các cấp có liên quan mở lớp tập huấn.":               {"các cấp có liên quan", "mở lớp tập huấn."},
	} {
		l := line{text: newText(clean(in))}
		to, text, ok := addresseeOf(l)
		if !ok || to != want[0] || text != want[1] {
			t.Errorf("%q → %q / %q, want %q", in, to, text, want)
		}
	}
}

// TestConflict: a figure stated twice alike is read once; stated twice
// differently it is left null, in not_found, with both passages quoted in
// unresolved.
func TestConflict(t *testing.T) {
	doc := "BÁO CÁO\nKết quả công tác đối ngoại năm 2024\nI. ĐẶC ĐIỂM TÌNH HÌNH\nXã có tổng số 1.169 hộ, dân số là 4.456 nhân khẩu.\nToàn xã có 1.172 hộ; dân số 4.456 người.\n"
	lines, _, err := Lines([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	res := Read(lines)
	if p := res.Report.Profile; p.Households != nil || p.Population == nil || *p.Population != 4456 {
		t.Errorf("households %v, population %v", p.Households, p.Population)
	}
	if !contains(res.NotFound, "profile.households") || len(res.Unresolved) != 2 ||
		res.Unresolved[0].Text != "Xã có tổng số 1.169 hộ" || res.Unresolved[1].Text != "Toàn xã có 1.172 hộ" {
		t.Errorf("not_found %v, unresolved %+v", res.NotFound, res.Unresolved)
	}
}
