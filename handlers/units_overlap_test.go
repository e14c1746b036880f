package handlers_test

import (
	"errors"
	"strings"
	"testing"

	"doingoai/internal/apitest"
	"doingoai/models"
)

// TestUnitCodeNeverOverlaps: a code names one unit on any day. Two units
// with code ZZ1 over the same years were both created (201, 201), so that
// a listing showed both, completeness expected a commune that could never
// report, and the code resolved to different units in different places.
func TestUnitCodeNeverOverlaps(t *testing.T) {
	env := apitest.New(t)
	zz1 := `{"code":"ZZ1","name":"Xã Thử","kind":"commune","parent_code":"167","valid_from":"2020-01-01","valid_to":"2099-12-31"}`
	env.Run(t, []apitest.Scenario{
		{Name: "first", Method: "POST", URL: "/api/v1/units", Token: "admin", Body: zz1, Status: 201},
		{Name: "the same code over the same days", Method: "POST", URL: "/api/v1/units", Token: "admin", Body: zz1, Status: 409,
			Contains: []string{`"code":"conflict"`, `"field":"code"`, "ZZ1", "2020-01-01", "2099-12-31"}},
		{Name: "overlapping by one day", Method: "POST", URL: "/api/v1/units", Token: "admin", Status: 409,
			Body: `{"code":"ZZ1","name":"Xã Thử","kind":"commune","parent_code":"167","valid_from":"2099-12-31"}`},
		{Name: "open start overlaps", Method: "POST", URL: "/api/v1/units", Token: "admin", Status: 409,
			Body: `{"code":"ZZ1","name":"Xã Thử","kind":"commune","parent_code":"167","valid_to":"2020-01-01"}`},
		{Name: "the day before is free", Method: "POST", URL: "/api/v1/units", Token: "admin", Status: 201,
			Body: `{"code":"ZZ1","name":"Xã Thử Cũ","kind":"commune","parent_code":"167","valid_to":"2019-12-31"}`},
		{Name: "one unit on a day", URL: "/api/v1/units?q=ZZ1&at=2024-06-01", Token: "admin", Status: 200, Contains: []string{`"total":1`}},
		{Name: "a change that would overlap", Method: "PATCH", URL: "/api/v1/units/ZZ1", Token: "admin", Body: `{"valid_from":"2019-06-01"}`, Status: 409,
			Contains: []string{"Xã Thử Cũ"}},
		{Name: "completeness expects one ZZ1", URL: "/api/v1/completeness?unit=167&period=2024", Token: "admin", Status: 200, Contains: []string{`"expected":24`}},
	})
}

// TestUnitImportCodeNeverOverlaps: units import refuses a file that gives a
// code to a second unit on days another unit has it, with the line.
func TestUnitImportCodeNeverOverlaps(t *testing.T) {
	env := apitest.New(t)
	if res := env.Do(t, "POST", "/api/v1/units", "admin", `{"code":"ZZ1","name":"Xã Thử","kind":"commune","parent_code":"167","valid_from":"2020-01-01","valid_to":"2099-12-31"}`, nil); res.Status != 201 {
		t.Fatalf("create: %d %s", res.Status, res.Body)
	}
	rows := csvRows(t, "code,name,kind,parent_code,valid_from,valid_to\nZZ2,Xã Hai,commune,167,,\nZZ1,Xã Thử Khác,commune,167,2024-01-01,\n")
	_, err := env.Store.ImportUnits(t.Context(), adminPrincipal(), rows)
	if err == nil || !strings.Contains(err.Error(), "nothing was imported") {
		t.Fatalf("import of an overlapping code: %v", err)
	}
	if !strings.Contains(fieldsOf(err), "line 3.code") {
		t.Errorf("the problem does not name line 3: %s", fieldsOf(err))
	}
	tr, _ := env.Store.Tree(t.Context())
	if tr.ByCode("ZZ2") != nil {
		t.Error("a refused file wrote a unit")
	}
}

func adminPrincipal() models.Principal {
	return models.Principal{Name: "test", Role: models.RoleAdmin}
}

func csvRows(t *testing.T, s string) []models.UnitRow {
	t.Helper()
	rows, err := models.ParseUnitsCSV(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func fieldsOf(err error) string {
	var e *models.Error
	if !errors.As(err, &e) {
		return ""
	}
	var b strings.Builder
	for _, f := range e.Fields {
		b.WriteString(f.Field + ": " + f.Message + "\n")
	}
	return b.String()
}
