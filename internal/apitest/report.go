package apitest

import (
	"bytes"
	"encoding/json"
	"testing"

	"doingoai/demo"
)

// Seed returns the Bộc Nhiêu 2024 report (examples/boc-nhieu-2024.json) as
// a generic JSON object, to be changed by a test.
func Seed(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(demo.BocNhieu2024, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// Body marshals a generic JSON value.
func Body(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Obj returns the object at a path of dotted keys ("profile",
// "delegations.outbound"), for a test to change.
func Obj(m map[string]any, keys ...string) map[string]any {
	for _, k := range keys {
		m = m[k].(map[string]any)
	}
	return m
}

// Subset reports, as t errors, every value of want (a decoded JSON value)
// that got lacks or holds differently: got may have more fields, never
// different ones. Numbers are compared as their JSON text, so 2690.67 must
// come back as 2690.67.
func Subset(t testing.TB, path string, want, got any) {
	t.Helper()
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			t.Errorf("%s: got %v, want an object", path, got)
			return
		}
		for k, v := range w {
			gv, ok := g[k]
			if !ok {
				t.Errorf("%s.%s: missing", path, k)
				continue
			}
			Subset(t, path+"."+k, v, gv)
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			t.Errorf("%s: got %v, want %v", path, got, want)
			return
		}
		for i := range w {
			Subset(t, path+"["+itoa(i)+"]", w[i], g[i])
		}
	default:
		wb, _ := json.Marshal(want)
		gb, _ := json.Marshal(got)
		if string(wb) != string(gb) {
			t.Errorf("%s: got %s, want %s", path, gb, wb)
		}
	}
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

// DecodeNumbers decodes JSON keeping numbers as json.Number.
func DecodeNumbers(t testing.TB, b []byte) any {
	t.Helper()
	var v any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}
