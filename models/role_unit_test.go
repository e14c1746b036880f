package models

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
)

// TestRoleUnitBinding: a token and an account have a valid role, and a
// unit code exactly when the role is bound to a unit, each told in its own
// words.
func TestRoleUnitBinding(t *testing.T) {
	fields := func(err error) []FieldError {
		var e *Error
		if !errors.As(err, &e) {
			return nil
		}
		var out []FieldError
		for _, f := range e.Fields {
			out = append(out, FieldError{Field: f.Field, Message: f.Message})
		}
		return out
	}
	for _, tc := range []struct {
		role Role
		unit string
		want string // the unit's problem; "" for none
	}{
		{RoleAdmin, "", ""},
		{RoleAdmin, "167", "an admin %s is not bound to a unit"},
		{RoleDistrict, "", "a district %s needs the code of its unit"},
		{RoleCommune, "", "a commune %s needs the code of its unit"},
		{RoleCommune, "05596", ""},
	} {
		for what, err := range map[string]error{
			"token":   TokenInput{Role: tc.role, UnitCode: tc.unit, Name: "x"}.Validate(),
			"account": UserInput{Login: "ab", Role: tc.role, UnitCode: tc.unit, Name: "x"}.Validate(),
		} {
			var want []FieldError
			if tc.want != "" {
				// Each named as its request names it: unit_code in POST /users.
				field := map[string]string{"token": "unit", "account": "unit_code"}[what]
				want = []FieldError{{Field: field, Message: fmt.Sprintf(tc.want, what)}}
			}
			if got := fields(err); !reflect.DeepEqual(got, want) {
				t.Errorf("%s %s %q: %v, want %v", what, tc.role, tc.unit, got, want)
			}
		}
	}
	if got := fields(TokenInput{Role: "boss", Name: "x"}.Validate()); len(got) != 1 || got[0].Field != "role" {
		t.Errorf("an unknown role: %v", got)
	}
}
