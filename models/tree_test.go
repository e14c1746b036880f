package models

import (
	"strings"
	"testing"
)

func ptr[T any](v T) *T { return &v }

// testTree: the country, a province, a district with two communes, and a
// code reused in 2025 by a new commune under the province.
func testTree(t *testing.T) *Tree {
	t.Helper()
	rows := []TreeRow{
		{ID: 1, Code: "VN", Name: "Việt Nam", Kind: string(KindCountry)},
		{ID: 2, Code: "19", Name: "Tỉnh Thái Nguyên", Kind: string(KindProvince), ParentID: ptr(int64(1))},
		{ID: 3, Code: "167", Name: "Huyện Định Hóa", Kind: string(KindDistrict), ParentID: ptr(int64(2)), ValidTo: ptr("2025-06-30")},
		{ID: 4, Code: "05569", Name: "Xã Bảo Cường", Kind: string(KindCommune), ParentID: ptr(int64(3)), ValidTo: ptr("2025-06-30")},
		{ID: 5, Code: "05596", Name: "Xã Bộc Nhiêu", Kind: string(KindCommune), ParentID: ptr(int64(3)), ValidTo: ptr("2025-06-30")},
		{ID: 6, Code: "05569", Name: "Xã Định Hóa", Kind: string(KindCommune), ParentID: ptr(int64(2)), ValidFrom: ptr("2025-07-01")},
	}
	tr, err := NewTree(7, rows)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func TestTreeCodesOverTime(t *testing.T) {
	tr := testTree(t)
	if got := tr.ForPeriod("05569", Period{Year: 2024}).Name; got != "Xã Bảo Cường" {
		t.Errorf("05569 in 2024: %s", got)
	}
	if got := tr.ForPeriod("05569", Period{Year: 2025}).Name; got != "Xã Định Hóa" {
		t.Errorf("05569 in 2025: %s", got)
	}
	if got := tr.ByCode("05569").Name; got != "Xã Định Hóa" {
		t.Errorf("05569 now: %s", got)
	}
	if u, err := tr.Resolve("167", Period{Year: 2026}); err != nil || u.ID != 3 {
		t.Errorf("167 resolved for 2026: %v, %v", u, err)
	}
	if _, err := tr.Resolve("99999", Period{Year: 2024}); ErrorCode(err) != ENOTFOUND {
		t.Errorf("an unknown code: %v", err)
	}
	if n := tr.CommunesExpected(tr.Unit(2), Period{Year: 2024}); n != 2 {
		t.Errorf("expected in 2024: %d", n)
	}
	if n := tr.CommunesExpected(tr.Unit(2), Period{Year: 2025}); n != 1 {
		t.Errorf("expected in 2025: %d", n)
	}
}

func TestTreeInScope(t *testing.T) {
	tr := testTree(t)
	district := Principal{Role: RoleDistrict, UnitID: 3, UnitCode: "167"}
	commune := Principal{Role: RoleCommune, UnitID: 5, UnitCode: "05596"}
	cases := []struct {
		p    Principal
		unit int64
		ok   bool
	}{
		{Principal{Role: RoleAdmin}, 1, true},
		{district, 3, true}, {district, 4, true}, {district, 6, false}, {district, 2, false},
		{commune, 5, true}, {commune, 4, false},
	}
	for _, c := range cases {
		err := tr.InScope(c.p, tr.Unit(c.unit))
		if (err == nil) != c.ok || err != nil && ErrorCode(err) != EFORBIDDEN {
			t.Errorf("%s %s on %d: %v", c.p.Role, c.p.UnitCode, c.unit, err)
		}
	}
}

// TestNewTreeRefusesBadRows: a date that does not parse is an error, never
// a unit that exists forever; so is a parent that is not there.
func TestNewTreeRefusesBadRows(t *testing.T) {
	for _, rows := range [][]TreeRow{
		{{ID: 1, Code: "VN", Kind: string(KindCountry), ValidTo: ptr("2025-02-30")}},
		{{ID: 1, Code: "VN", Kind: string(KindCountry), ValidFrom: ptr("yesterday")}},
		{{ID: 2, Code: "19", Kind: string(KindProvince), ParentID: ptr(int64(9))}},
	} {
		if _, err := NewTree(1, rows); err == nil || !strings.Contains(err.Error(), rows[0].Code) {
			t.Errorf("%+v: %v", rows[0], err)
		}
	}
}
