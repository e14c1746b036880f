package models

import (
	"strings"
	"testing"
)

func TestParseUnitsCSV(t *testing.T) {
	rows, err := ParseUnitsCSV(strings.NewReader("\ufeffcode,name,kind,parent_code\r\n19,Tỉnh Thái Nguyên,province,\r\n167,Huyện Định Hóa,district,19\r\n\r\n05596,Xã Bộc Nhiêu,commune,167\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[2].Code != "05596" || rows[2].Line != 5 || rows[0].ParentCode != "" {
		t.Errorf("%+v", rows)
	}
}

func TestParseUnitsCSVReportsEveryBadLine(t *testing.T) {
	_, err := ParseUnitsCSV(strings.NewReader("code,name,kind,parent_code\n19,Tỉnh Thái Nguyên,province,\n167,,district,19\n5596x,Xã Bộc Nhiêu,xa,167\n167,Huyện khác,district,19\n1,2\n"))
	de, ok := err.(*Error)
	if !ok {
		t.Fatalf("err = %v", err)
	}
	var fields []string
	for _, f := range de.Fields {
		fields = append(fields, f.Field)
	}
	want := []string{"line 3.name", "line 4.code", "line 4.kind", "line 5.code", "line 6"}
	if strings.Join(fields, "|") != strings.Join(want, "|") {
		t.Errorf("fields = %v, want %v", fields, want)
	}
}

func TestParseUnitsCSVHeader(t *testing.T) {
	for _, in := range []string{"", "id,name,kind,parent\n1,a,province,\n", "code,name,kind,parent_code\n"} {
		if _, err := ParseUnitsCSV(strings.NewReader(in)); ErrorCode(err) != EINVALID {
			t.Errorf("%q: %v", in, err)
		}
	}
}

func TestParseUnitPatch(t *testing.T) {
	p, err := ParseUnitPatch([]byte(`{"name":"Xã Mới","valid_to":null}`))
	if err != nil || *p.Name != "Xã Mới" || !p.ClearValidTo || p.ValidTo != nil {
		t.Errorf("%+v %v", p, err)
	}
	_, err = ParseUnitPatch([]byte(`{"code":"1","valid_from":"2024-02-30","name":3,"x":1}`))
	if de, ok := err.(*Error); !ok || len(de.Fields) != 4 {
		t.Errorf("%v", err)
	}
	if _, err := ParseUnitPatch([]byte(`{`)); ErrorCode(err) != EMALFORMED {
		t.Error(err)
	}
}

func TestKinds(t *testing.T) {
	if !KindProvince.CanParent(KindCommune) || !KindDistrict.CanParent(KindTown) || KindCommune.CanParent(KindCommune) || KindCountry.CanParent(KindDistrict) {
		t.Error("CanParent")
	}
	if !ValidCode("05596") || !ValidCode("VN") || ValidCode("") || ValidCode("05 96") || ValidCode("xa") {
		t.Error("ValidCode")
	}
}
