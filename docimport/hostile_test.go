package docimport

import (
	"encoding/xml"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"testing"

	"doingoai/internal/docxtest"
	"doingoai/models"
)

// TestHostileDocx: each hostile document is refused with its problem, and
// reading it allocates a bounded amount of memory (the unbounded reader
// allocated 200 MB for the 2.5 million attributes, and as much for the
// deep fallback that Decoder.Skip passed without counting).
func TestHostileDocx(t *testing.T) {
	want := map[string]string{
		"attributes": models.EINVALID, "deep fallback": models.EINVALID, "doctype": models.EINVALID,
		"tags": models.ETOOLARGE, "long attribute": models.ETOOLARGE, "long text": models.ETOOLARGE,
	}
	for name, build := range docxtest.Hostile {
		t.Run(name, func(t *testing.T) {
			data := build()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, _, err := Lines(data)
			runtime.ReadMemStats(&after)
			if code := models.ErrorCode(err); code != want[name] {
				t.Fatalf("%v (%s), want %s", err, code, want[name])
			}
			if !strings.Contains(err.Error(), "Tệp .docx") && !strings.Contains(err.Error(), "Tài liệu") {
				t.Errorf("%v does not say what is wrong with the file", err)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
				t.Errorf("reading %d bytes allocated %d MB", len(data), alloc>>20)
			}
		})
	}
}

// TestBoundedXMLReadsWord: the bounded reader follows the XML, not the
// bytes: '=', '>' and '<' inside attribute values, comments, CDATA and
// processing instructions neither count as attributes nor end a tag, and
// a document of many ordinary elements, attributes and namespaces reads.
func TestBoundedXMLReadsWord(t *testing.T) {
	attrs := strings.Repeat(` w:a="1=2>3"`, maxAttrs-10)
	body := `<!-- a comment with < and = and "quote --><?pi a="<b"?>` +
		`<w:p><w:r` + attrs + `><w:t>Xã có tổng số 1.169 hộ.</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t><![CDATA[Dân số <4.456> nhân khẩu ="]]></w:t></w:r></w:p>` +
		strings.Repeat(`<w:p><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t xml:space='preserve'>ô </w:t></w:r></w:p>`, 2000)
	doc := docxtest.DocumentXML([]docxtest.Block{docxtest.Para("BÁO CÁO")})
	i := strings.Index(doc, `<w:sectPr>`)
	lines, _, err := Lines(docxtest.Package(doc[:i] + body + doc[i:]))
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 2003 || lines[1] != "Xã có tổng số 1.169 hộ." || lines[2] != `Dân số <4.456> nhân khẩu ="` {
		t.Errorf("%d lines: %q", len(lines), lines[:3])
	}
	// The limits themselves: one attribute, one level, one tag more is refused.
	for name, c := range map[string]struct {
		xml  string
		want error
	}{
		"attributes": {`<w:p` + strings.Repeat(` a=""`, maxAttrs+1) + `/>`, errTooManyAttrs},
		"depth":      {strings.Repeat(`<a>`, maxDepth+1), errTooDeep},
		"tags":       {strings.Repeat(`<a/>`, maxTokens+1), errTooManyTags},
	} {
		_, _, err := Lines(docxtest.Package(c.xml))
		if err != c.want.(*costError).err {
			t.Errorf("%s: %v, want %v", name, err, c.want)
		}
	}
}

// BenchmarkHostile reads each hostile document to its refusal: the time
// and the memory allocated per document (BENCHMARKS.md has the figures).
func BenchmarkHostile(b *testing.B) {
	for name, build := range docxtest.Hostile {
		data := build()
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Lines(data); err == nil {
					b.Fatal("a hostile document was read")
				}
			}
		})
	}
}

// FuzzBoundedXML: the bounded reader refuses only what passes a bound.
// For any XML that Go's strict decoder reads to the end within the bounds
// (depth, attributes, no DOCTYPE or other <!…> directive), the bounded
// decoder gives the same tokens; whatever it refuses, it refuses with a
// coded problem.
func FuzzBoundedXML(f *testing.F) {
	f.Add(docxtest.DocumentXML([]docxtest.Block{docxtest.Para("BÁO CÁO"), docxtest.P{docxtest.TextBox{"hộp"}, docxtest.Field{Code: "PAGE", Result: "1"}}}))
	f.Add(`<a x='1>2' y="a=b"><!-- <b> = " --><![CDATA[<c>]]><?pi a="<"?><d/></a>`)
	f.Add(`<a><!DOCTYPE x></a>`)
	f.Add(strings.Repeat(`<a>`, maxDepth) + strings.Repeat(`</a>`, maxDepth))
	f.Add(`<a` + strings.Repeat(` b=""`, maxAttrs) + `/>`)
	f.Fuzz(func(t *testing.T, doc string) {
		plain, deepest, attrs, plainErr := tokens(xml.NewDecoder(strings.NewReader(doc)))
		bounded, _, _, boundedErr := tokens(newBoundedDecoder(strings.NewReader(doc)))
		if boundedErr != nil {
			if be := boundError(boundedErr); be != nil && models.ErrorCode(be) == "" {
				t.Fatalf("an uncoded refusal: %v", be)
			}
		}
		directive := slices.ContainsFunc(plain, func(tok string) bool { return strings.HasPrefix(tok, "xml.Directive") })
		within := plainErr == nil && deepest <= maxDepth && attrs <= maxAttrs && !directive
		if !within {
			return
		}
		if boundedErr != nil || len(bounded) != len(plain) {
			t.Fatalf("read by the decoder within the bounds, but the bounded one: %v (%d tokens of %d)", boundedErr, len(bounded), len(plain))
		}
		for i := range plain {
			if bounded[i] != plain[i] {
				t.Fatalf("token %d: %q, want %q", i, bounded[i], plain[i])
			}
		}
	})
}

// tokens reads d to its end: each token printed, the deepest nesting, the
// most attributes on an element, and the error that ended it (nil at EOF).
func tokens(d *xml.Decoder) (out []string, deepest, attrs int, err error) {
	depth := 0
	for len(out) < 100_000 {
		tok, err := d.Token()
		if err == io.EOF {
			return out, deepest, attrs, nil
		}
		if err != nil {
			return out, deepest, attrs, err
		}
		if se, ok := tok.(xml.StartElement); ok {
			depth++
			deepest, attrs = max(deepest, depth), max(attrs, len(se.Attr))
		}
		if _, ok := tok.(xml.EndElement); ok {
			depth--
		}
		out = append(out, fmt.Sprintf("%#v", xml.CopyToken(tok)))
	}
	return out, deepest, attrs, nil
}
