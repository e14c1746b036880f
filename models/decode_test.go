package models

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

type inner struct {
	Count *int64 `json:"count"`
	Day   *Date  `json:"day"`
}

type outer struct {
	Name  string  `json:"name"`
	Items []inner `json:"items"`
	Sub   *inner  `json:"sub"`
	Flag  bool    `json:"flag"`
}

func TestDecodeJSONGood(t *testing.T) {
	var v outer
	err := DecodeJSON([]byte(`{"name":"`+norm.NFD.String("Bộc Nhiêu")+`","items":[{"count":3,"day":"2024-11-25"}],"sub":null}`), &v, nil)
	if err != nil {
		t.Fatal(err)
	}
	if v.Name != "Bộc Nhiêu" || *v.Items[0].Count != 3 || v.Items[0].Day.String() != "2024-11-25" || v.Sub != nil {
		t.Errorf("%+v", v)
	}
}

func TestDecodeJSONNamesEveryProblem(t *testing.T) {
	var v outer
	err := DecodeJSON([]byte(`{"name": 5, "items": [{"count": 1.5}, {"count": "x", "day": "2024-02-30"}, {"extra": 1}], "sub": [], "flag": "yes", "revision": 3, "nope": null}`), &v,
		map[string]string{"revision": "is set by the service"})
	de, ok := err.(*Error)
	if !ok || de.Code != EINVALID {
		t.Fatalf("err = %v", err)
	}
	got := map[string]string{}
	for _, f := range de.Fields {
		got[f.Field] = f.Message
	}
	want := map[string]string{
		"name":           "must be a string",
		"items[0].count": "must be a whole number",
		"items[1].count": "must be a whole number",
		"items[1].day":   "not a calendar date",
		"items[2].extra": "is not a known field",
		"sub":            "must be an object",
		"flag":           "must be true or false",
		"revision":       "is set by the service",
		"nope":           "is not a known field",
	}
	for f, msg := range want {
		if !strings.Contains(got[f], msg) {
			t.Errorf("%s: got %q, want %q", f, got[f], msg)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d problems, want %d: %v", len(got), len(want), got)
	}
}

func TestDecodeJSONMalformed(t *testing.T) {
	for _, body := range []string{"", "   ", "{", `{"name": "x",}`, `{"name":"x"} {"name":"y"}`, "nul"} {
		var v outer
		err := DecodeJSON([]byte(body), &v, nil)
		if ErrorCode(err) != EMALFORMED {
			t.Errorf("%q: %v", body, err)
		}
	}
	var v outer
	if err := DecodeJSON([]byte(`[1,2]`), &v, nil); ErrorCode(err) != EINVALID {
		t.Errorf("array body: %v", err)
	}
	if err := DecodeJSON([]byte(`{"items":[{"count": 99999999999999999999}]}`), &v, nil); err == nil || !strings.Contains(err.(*Error).Fields[0].Message, "too large") {
		t.Errorf("huge number: %v", err)
	}
}

func TestDecodeJSONStrictness(t *testing.T) {
	var v outer
	err := DecodeJSON([]byte(`{"name":"a","items":[{"count":1,"count":2}]}`), &v, nil)
	if de, ok := err.(*Error); !ok || de.Code != EINVALID || de.Fields[0].Field != "items[0].count" || !strings.Contains(de.Fields[0].Message, "more than once") {
		t.Errorf("duplicate name: %v", err)
	}
	err = DecodeJSON([]byte(`{"Name":"a"}`), &v, nil)
	if de, ok := err.(*Error); !ok || de.Fields[0].Field != "Name" {
		t.Errorf("a name in the wrong case must not match: %v", err)
	}
	if err := DecodeJSON([]byte("{\"name\":\"\xff\"}"), &v, nil); ErrorCode(err) != EMALFORMED || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("invalid UTF-8: %v", err)
	}
}
