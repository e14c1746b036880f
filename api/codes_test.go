package api

import (
	"reflect"
	"strings"
	"testing"

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
	for code := range statusOf {
		if !enum[code] {
			t.Errorf("code %q is not in the enum of models.Problem.code", code)
		}
	}
	for _, r := range models.ReasonCodes {
		if !enum[r.Code] {
			t.Errorf("reason code %q is not in the enum of models.Problem.code", r.Code)
		}
	}
}
