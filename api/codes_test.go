package api

import (
	"reflect"
	"strings"
	"testing"

	"doingoai/httperr"
	"doingoai/models"
)

// TestProblemCodesDocumented: every code a problem can carry — each
// application code and each distinct reason — is in the enum of
// models.Problem.code, and so in the OpenAPI document.
func TestProblemCodesDocumented(t *testing.T) {
	f, _ := reflect.TypeOf(models.Problem{}).FieldByName("Code")
	enum := map[string]bool{}
	for _, c := range strings.Split(f.Tag.Get("enums"), ",") {
		enum[c] = true
	}
	for _, code := range httperr.Codes() {
		if !enum[code] {
			t.Errorf("code %q is not in the enum of models.Problem.code", code)
		}
	}
	ff, _ := reflect.TypeOf(models.FieldError{}).FieldByName("Code")
	fenum := strings.Split(ff.Tag.Get("enums"), ",")
	var listed []string
	for _, c := range models.FieldCodes {
		listed = append(listed, c.Code)
	}
	if strings.Join(fenum, ",") != strings.Join(listed, ",") {
		t.Errorf("the enum of FieldError.code is %v; models.FieldCodes has %v", fenum, listed)
	}
	for _, r := range models.ReasonCodes {
		if !enum[r.Code] {
			t.Errorf("reason code %q is not in the enum of models.Problem.code", r.Code)
		}
	}
}
