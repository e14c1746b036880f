package models

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// DecodeJSON decodes body into v, which must be a pointer to a struct, and
// normalises every string in it to NFC.
//
// A correct body is decoded once, strictly, by go-json-experiment/json (the
// upstream of encoding/json/v2): unknown members, duplicate member names,
// names in the wrong case and invalid UTF-8 are refused. A body it refuses
// is read a second time, generically, and compared with the shape of v, so
// that the client learns of every wrong type and unknown field with its
// path at once ("profile.households: must be a whole number") rather than
// of the first only; v is then filled with what was right, so that the
// caller can check the content too. readOnly names top-level fields a
// client may see in a response but never send, with the message to give.
//
// Errors: EMALFORMED for an empty body or one that is not JSON, EINVALID
// with the list of problems otherwise.
func DecodeJSON(body []byte, v any, readOnly map[string]string) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return Errorf(EMALFORMED, "the request body is empty; send a JSON object")
	}
	err := jsonv2.Unmarshal(body, v, jsonv2.RejectUnknownMembers(true))
	if err == nil {
		// Every string of a body that is NFC and has no \u escape is NFC
		// (a string is a run of the body's bytes between two quotes, and a
		// quote never composes with what surrounds it): the walk over every
		// string is needed only otherwise.
		if bytes.Contains(body, []byte(`\u`)) || !IsNFC(body) {
			NormalizeStrings(v)
		}
		return nil
	}
	var syn *jsontext.SyntacticError
	if errors.As(err, &syn) {
		field := pointerPath(syn.JSONPointer)
		switch {
		case errors.Is(err, jsontext.ErrDuplicateName):
			return &Error{Code: EINVALID, Message: "the request body names a field twice",
				Fields: []FieldError{{Field: field, Code: FDuplicateField, Message: "is given more than once", MessageCode: MDuplicateField}}}
		case strings.Contains(err.Error(), "UTF-8"):
			return Errorf(EMALFORMED, "the request body is not valid UTF-8 (at %s)", field)
		}
		line, col := position(body, syn.ByteOffset)
		return Errorf(EMALFORMED, "the request body is not valid JSON at line %d, column %d: %s", line, col, syn.Err)
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
				p.AddMsg(k, FReadOnly, MReadOnly, nil, "%s", msg)
				delete(m, k)
			}
		}
	}
	if !checkShape(&p, t, generic, "") {
		// Fill v with what is right, the wrong values removed, so that the
		// caller can validate the rest and name every problem at once.
		if cleaned, err := json.Marshal(generic); err == nil {
			// An error leaves v partly filled, which is the point: every
			// problem is already recorded in p.
			_ = json.Unmarshal(cleaned, v)
			NormalizeStrings(v)
		}
	}
	if p.Len() == 0 {
		// The generic reading found nothing encoding/json objected to; say
		// what it said rather than nothing.
		p.Add("body", strings.TrimPrefix(err.Error(), "json: "))
	}
	return p.Err("the request body does not have the expected shape")
}

// MergeProblems returns the problems of the body's shape followed by those
// of its content, leaving out a content problem about a field whose shape
// was already wrong (a wrong value was removed before the content was
// checked, and would otherwise be reported a second time as missing).
func MergeProblems(shape, content []FieldError) []FieldError {
	out := append([]FieldError(nil), shape...)
	for _, c := range content {
		covered := false
		for _, s := range shape {
			if c.Field == s.Field || strings.HasPrefix(c.Field, s.Field+".") || strings.HasPrefix(c.Field, s.Field+"[") {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, c)
		}
	}
	return out
}

// pointerPath turns a JSON Pointer (/profile/ethnic_groups/0/share_pct)
// into a field path (profile.ethnic_groups[0].share_pct).
func pointerPath(p jsontext.Pointer) string {
	path := ""
	for tok := range p.Tokens() {
		if n, err := strconv.Atoi(tok); err == nil && path != "" {
			path = Index(path, n)
		} else {
			path = memberPath(path, tok)
		}
	}
	if path == "" {
		return "body"
	}
	return path
}

// memberPath is Path for a member name of the body, which JSON allows to
// be empty: an empty name is written "" so that the path still names it.
func memberPath(parent, name string) string {
	if name == "" {
		name = `""`
	}
	return Path(parent, name)
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
// should fill and records every mismatch; it removes what it cannot use
// (unknown keys, and values of the wrong shape, which become null) and
// tells whether v itself is unusable. null is accepted everywhere here;
// whether a value is required is the domain validation's concern.
func checkShape(p *Problems, t reflect.Type, v any, path string) (bad bool) {
	if v == nil {
		return false
	}
	field := path
	if field == "" {
		field = "body"
	}
	if t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(unmarshalerType) {
		raw, err := json.Marshal(v)
		if err != nil {
			p.Add(field, err.Error())
			return true
		}
		if err := reflect.New(t).Interface().(json.Unmarshaler).UnmarshalJSON(raw); err != nil {
			p.AddErr(field, FBadFormat, err)
			return true
		}
		return false
	}
	switch t.Kind() {
	case reflect.Pointer:
		return checkShape(p, t.Elem(), v, path)
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			p.AddMsg(field, FWrongType, MNotObject, nil, "must be an object")
			return true
		}
		fields := jsonFields(t)
		for _, f := range fields {
			if val, ok := m[f.name]; ok && checkShape(p, f.typ, val, Path(path, f.name)) {
				m[f.name] = nil
			}
		}
		for _, k := range sortedKeys(m) {
			if !slices.ContainsFunc(fields, func(f jsonField) bool { return f.name == k }) {
				p.AddMsg(memberPath(path, k), FUnknownField, MUnknownField, nil, "is not a known field")
				delete(m, k)
			}
		}
	case reflect.Slice:
		arr, ok := v.([]any)
		if !ok {
			p.AddMsg(field, FWrongType, MNotList, nil, "must be a list")
			return true
		}
		for i, e := range arr {
			if checkShape(p, t.Elem(), e, Index(path, i)) {
				arr[i] = nil
			}
		}
	case reflect.Map:
		m, ok := v.(map[string]any)
		if !ok {
			p.AddMsg(field, FWrongType, MNotObject, nil, "must be an object")
			return true
		}
		for _, k := range sortedKeys(m) {
			if checkShape(p, t.Elem(), m[k], memberPath(path, k)) {
				m[k] = nil
			}
		}
	case reflect.String:
		if _, ok := v.(string); !ok {
			p.AddMsg(field, FWrongType, MNotString, nil, "must be a string")
			return true
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			p.AddMsg(field, FWrongType, MNotBoolean, nil, "must be true or false")
			return true
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := v.(json.Number)
		if !ok {
			p.AddMsg(field, FWrongType, MNotInteger, nil, "must be a whole number")
			return true
		}
		if _, err := strconv.ParseInt(n.String(), 10, t.Bits()); err != nil {
			if errors.Is(err, strconv.ErrRange) {
				p.AddMsg(field, FOutOfRange, MNumberTooLarge, nil, "is too large")
			} else {
				p.AddMsg(field, FWrongType, MNotInteger, nil, "must be a whole number")
			}
			return true
		}
	case reflect.Float32, reflect.Float64:
		if _, ok := v.(json.Number); !ok {
			p.AddMsg(field, FWrongType, MNotNumber, nil, "must be a number")
			return true
		}
	}
	return false
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
