package docimport

import (
	"fmt"
	"reflect"
	"testing"

	"doingoai/internal/docxtest"
)

// readText reads a report given as text.
func readText(t *testing.T, doc string) *Result {
	t.Helper()
	lines, _, err := Lines([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	return Read(lines)
}

// foundValues maps each figure found to its value as text.
func foundValues(res *Result) map[string]string {
	out := map[string]string{}
	for _, f := range res.Found {
		out[f.Field] = normNum(fmt.Sprint(f.Value))
	}
	return out
}

// TestClassifySections: a heading naming two sections opens both; words of
// one section are not read again as another's ("chế độ thông tin" is not
// "thông tin, tuyên truyền"; "kiến nghị … khen thưởng" is not "khen
// thưởng" received).
func TestClassifySections(t *testing.T) {
	for h, want := range map[string][]string{
		"Hội nghị, hội thảo quốc tế và ký kết thỏa thuận quốc tế":                   {secAgreements, secConferences},
		"Thỏa thuận quốc tế; hội nghị, hội thảo quốc tế":                            {secAgreements, secConferences},
		"Chế độ thông tin, báo cáo":                                                 {secReporting},
		"Thông tin, tuyên truyền đối ngoại":                                         {secInformation},
		"Tình hình kiến nghị tặng, xét tặng các hình thức khen thưởng cấp nhà nước": {secNominations},
		"Khen thưởng của nước ngoài; kiến nghị khen thưởng cấp nhà nước, cấp tỉnh":  {secNominations, secAwards},
		"Công tác lãnh sự, bảo hộ công dân; người Việt Nam ở nước ngoài":            {secConsular, secOverseas},
		"Doan ra, doan vao": {secDelegations},
		"Đối ngoại nhân dân, viện trợ phi chính phủ nước ngoài": {secPeopleNgo},
		"Một số nội dung khác": nil,
	} {
		if got := classifySections(fold(h)); !reflect.DeepEqual(got, want) {
			t.Errorf("%q → %v, want %v", h, got, want)
		}
	}
}

// TestHeadingGrammar: headings numbered in other ways than the seed's —
// merged numbers over one paragraph, Roman numerals for the sections,
// lettered parts, sections in another order, words without diacritics,
// a section that only says "Không tổ chức." — each opens the right
// sections.
func TestHeadingGrammar(t *testing.T) {
	for name, c := range map[string]struct {
		doc  string
		want map[string]string
	}{
		"merged numbers": {`BÁO CÁO
Kết quả công tác đối ngoại năm 2024
II. KẾT QUẢ
2, 3. Thỏa thuận quốc tế; hội nghị, hội thảo quốc tế: Không có.
11, 12. Khen thưởng nước ngoài; kiến nghị khen thưởng: Không có.
`, map[string]string{"international_agreements.count": "0", "international_conferences.count": "0",
			"foreign_awards_received.count": "0", "award_nominations.count": "0"}},
		"two sections in words": {`BÁO CÁO
Kết quả công tác đối ngoại năm 2024
3. Hội nghị, hội thảo quốc tế và ký kết thỏa thuận quốc tế
Trong năm, xã đã ký kết 01 thỏa thuận hợp tác với xã Nà Sản (Lào); không tổ chức hội nghị, hội thảo quốc tế nào.
`, map[string]string{"international_agreements.count": "1", "international_conferences.count": "0"}},
		"roman sections, lettered parts, another order": {`BÁO CÁO
Kết quả công tác đối ngoại năm 2024
A. ĐẶC ĐIỂM TÌNH HÌNH
Xã có tổng số 1.402 hộ với 5.786 nhân khẩu.
B. KẾT QUẢ THỰC HIỆN
VIII. Công tác lãnh sự, bảo hộ công dân
Trên địa bàn có 03 người nước ngoài tạm trú.
I. Doan ra, doan vao
Doan trong nuoc: 05 doan.
X. Đào tạo, bồi dưỡng kiến thức đối ngoại
Không tổ chức.
C. PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2025
1. Tiếp tục tổ chức 02 hội nghị.
`, map[string]string{"profile.households": "1402", "profile.population": "5786", "consular.foreign_residents": "3",
			"delegations.inbound_domestic.count": "5", "training.officials_trained": "0", "training.courses": "0"}},
		"a heading ended by a full stop, its content on the same line": {`BÁO CÁO
Kết quả công tác đối ngoại năm 2024
II. KẾT QUẢ
1. Đoàn ra, đoàn vào. Trong năm xã không cử đoàn đi nước ngoài; tiếp 07 đoàn trong nước.
2, 3, 4. Thỏa thuận quốc tế, hội nghị quốc tế và ngoại giao kinh tế. Trong năm, xã không ký kết thỏa thuận quốc tế nào. Về ngoại giao kinh tế, xã giới thiệu sản phẩm với 03 hội nghị xúc tiến của tỉnh.
8, 9. Lãnh sự, bảo hộ công dân và người Việt Nam ở nước ngoài. Trên địa bàn có 04 người nước ngoài tạm trú dài hạn.
10, 11, 12. Đào tạo, bồi dưỡng và khen thưởng. Cử 03 công chức dự 01 lớp bồi dưỡng kiến thức đối ngoại.
`, map[string]string{"delegations.outbound.count": "0", "delegations.outbound.people": "0", "delegations.inbound_domestic.count": "7",
			"international_agreements.count": "0", "consular.foreign_residents": "4",
			"training.officials_trained": "3", "training.courses": "1"}},
		"sections numbered in words, each heading ended by a full stop": {`BÁO CÁO
Kết quả công tác đối ngoại năm 2024
Phần thứ hai
KẾT QUẢ CÔNG TÁC ĐỐI NGOẠI
Thứ nhất, công tác đón tiếp khách quốc tế và quản lý đoàn ra.
Xã không cử đoàn đi nước ngoài; đón 02 đoàn khách quốc tế với 15 người.
Thứ hai, hợp tác với các tổ chức phi chính phủ nước ngoài.
Không có.
Thứ ba: quản lý người nước ngoài.
Có 08 người nước ngoài tạm trú.
`, map[string]string{"delegations.outbound.count": "0", "delegations.outbound.people": "0",
			"delegations.inbound_foreign.count": "2", "delegations.inbound_foreign.people": "15", "consular.foreign_residents": "8"}},
	} {
		t.Run(name, func(t *testing.T) {
			got := foundValues(readText(t, c.doc))
			for k, v := range c.want {
				if got[k] != v {
					t.Errorf("%s = %q, want %s (found %v)", k, got[k], v, got)
				}
			}
			for k, v := range got {
				if _, ok := c.want[k]; !ok && k != "ngo_aid.projects" {
					t.Errorf("%s = %s read, not stated", k, v)
				}
			}
		})
	}
}

// readDocx reads a report given as text, laid out as a .docx.
func readDocx(t *testing.T, doc string) *Result {
	t.Helper()
	lines, _, err := Lines(docxtest.FromText(doc, ""))
	if err != nil {
		t.Fatal(err)
	}
	return Read(lines)
}

// TestLetterItemWithSlash: a lettered item marked with a slash ("a/ Đoàn
// ra: chưa phát sinh.", as "I/", "1/" number the parts and sections) is a
// line of its own, as "a)" is: it was joined to the heading above it, a
// heading with no stop at its end, and the none of the outbound was lost.
func TestLetterItemWithSlash(t *testing.T) {
	doc := "UBND PHƯỜNG THỬ\nBÁO CÁO\nKết quả công tác đối ngoại 6 tháng đầu năm 2025\nII/ KẾT QUẢ\n1/ Quản lý đoàn ra, đoàn vào\n" +
		"a/ Đoàn ra: không phát sinh.\nb/ Đoàn vào:\n- Đoàn trong nước: 07 đoàn.\n2/ Thỏa thuận quốc tế: không phát sinh.\n"
	wantFound(t, readText(t, doc), map[string]string{"delegations.outbound.count": "0", "delegations.outbound.people": "0", "delegations.inbound_domestic.count": "7"})
}
