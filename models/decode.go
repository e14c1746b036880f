package models

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// DecodeJSON decodes body into v, which must be a pointer to a struct, and
// normalises every string in it to NFC.
//
// A correct body is decoded once by encoding/json. A body it refuses is
// read a second time, generically, and compared with the shape of v, so that
// the client learns of every wrong type and unknown field with its path at
// once ("profile.households: must be a whole number") rather than of the
// first only. readOnly names top-level fields a client may see in a response
// but never send, with the message to give if it does.
//
// Errors: EMALFORMED for an empty body or one that is not JSON, EINVALID
// with the list of problems otherwise.
func DecodeJSON(body []byte, v any, readOnly map[string]string) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return Errorf(EMALFORMED, "the request body is empty; send a JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if _, e := dec.Token(); e != io.EOF {
			return Errorf(EMALFORMED, "the request body holds more than one JSON value")
		}
		NormalizeStrings(v)
		return nil
	}
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		line, col := position(body, syn.Offset)
		return Errorf(EMALFORMED, "the request body is not valid JSON: %s (line %d, column %d)", syn.Error(), line, col)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return Errorf(EMALFORMED, "the request body is not valid JSON: it ends too early")
	}
	var generic any
	gd := json.NewDecoder(bytes.NewReader(body))
	gd.UseNumber()
	if gerr := gd.Decode(&generic); gerr != nil {
		return Errorf(EMALFORMED, "the request body is not valid JSON: %s", gerr.Error())
	}
	var p Problems
	t := reflect.TypeOf(v).Elem()
	if m, ok := generic.(map[string]any); ok && readOnly != nil {
		for _, k := range sortedKeys(m) {
			if msg, ok := readOnly[k]; ok {
				p.Add(k, msg)
				delete(m, k)
			}
		}
	}
	checkShape(&p, t, generic, "")
	if p.Len() == 0 {
		// The generic reading found nothing encoding/json objected to; say
		// what it said rather than nothing.
		p.Add("body", strings.TrimPrefix(err.Error(), "json: "))
	}
	return p.Err("the request body does not have the expected shape")
}

func position(body []byte, offset int64) (line, col int) {
	if offset > int64(len(body)) {
		offset = int64(len(body))
	}
	line = 1 + bytes.Count(body[:offset], []byte{'\n'})
	col = int(offset) - bytes.LastIndexByte(body[:offset], '\n')
	return line, col
}

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// checkShape compares a generically decoded JSON value with the Go type it
// should fill and records every mismatch. null is accepted everywhere here;
// whether a value is required is the domain validation's concern.
func checkShape(p *Problems, t reflect.Type, v any, path string) {
	if v == nil {
		return
	}
	field := path
	if field == "" {
		field = "body"
	}
	if t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(unmarshalerType) {
		raw, _ := json.Marshal(v)
		if err := reflect.New(t).Interface().(json.Unmarshaler).UnmarshalJSON(raw); err != nil {
			p.Add(field, err.Error())
		}
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		checkShape(p, t.Elem(), v, path)
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			p.Add(field, "must be an object")
			return
		}
		fields := jsonFields(t)
		for _, f := range fields {
			if val, ok := m[f.name]; ok {
				checkShape(p, f.typ, val, Path(path, f.name))
			}
		}
		for _, k := range sortedKeys(m) {
			if !slices.ContainsFunc(fields, func(f jsonField) bool { return f.name == k }) {
				p.Add(Path(path, k), "is not a known field")
			}
		}
	case reflect.Slice:
		arr, ok := v.([]any)
		if !ok {
			p.Add(field, "must be a list")
			return
		}
		for i, e := range arr {
			checkShape(p, t.Elem(), e, Index(path, i))
		}
	case reflect.Map:
		m, ok := v.(map[string]any)
		if !ok {
			p.Add(field, "must be an object")
			return
		}
		for _, k := range sortedKeys(m) {
			checkShape(p, t.Elem(), m[k], Path(path, k))
		}
	case reflect.String:
		if _, ok := v.(string); !ok {
			p.Add(field, "must be a string")
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			p.Add(field, "must be true or false")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := v.(json.Number)
		if !ok {
			p.Add(field, "must be a whole number")
			return
		}
		if _, err := strconv.ParseInt(n.String(), 10, t.Bits()); err != nil {
			if errors.Is(err, strconv.ErrRange) {
				p.Add(field, "is too large")
			} else {
				p.Add(field, "must be a whole number")
			}
		}
	case reflect.Float32, reflect.Float64:
		if _, ok := v.(json.Number); !ok {
			p.Add(field, "must be a number")
		}
	}
}

type jsonField struct {
	name string
	typ  reflect.Type
}

var fieldCache sync.Map // reflect.Type → []jsonField

// jsonFields lists the JSON names of a struct's fields as encoding/json
// sees them (embedded structs flattened, "-" skipped).
func jsonFields(t reflect.Type) []jsonField {
	if f, ok := fieldCache.Load(t); ok {
		return f.([]jsonField)
	}
	var out []jsonField
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" || (!sf.IsExported() && !sf.Anonymous) {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if sf.Anonymous && name == "" {
			et := sf.Type
			if et.Kind() == reflect.Pointer {
				et = et.Elem()
			}
			if et.Kind() == reflect.Struct {
				out = append(out, jsonFields(et)...)
				continue
			}
		}
		if name == "" {
			name = sf.Name
		}
		out = append(out, jsonField{name: name, typ: sf.Type})
	}
	fieldCache.Store(t, out)
	return out
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// NormalizeStrings rewrites every string reachable from v (a pointer) in
// Unicode NFC.
func NormalizeStrings(v any) {
	normalizeValue(reflect.ValueOf(v))
}

func normalizeValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			normalizeValue(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if f := v.Field(i); f.CanSet() {
				normalizeValue(f)
			}
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return
		}
		for i := 0; i < v.Len(); i++ {
			normalizeValue(v.Index(i))
		}
	case reflect.String:
		if s := v.String(); s != "" {
			if n := NFC(s); n != s {
				v.SetString(n)
			}
		}
	}
}
