package docxtest

import "strings"

// Hostile documents: small .docx files whose document.xml is built to make
// a reader spend memory and time, as an attacker would send them. Each
// compresses to a few tens of KB.
var Hostile = map[string]func() []byte{
	// One run carrying 2.5 million attributes: a decoder builds them all
	// as one token.
	"attributes": func() []byte {
		return wrap(`<w:p><w:r` + strings.Repeat(` a=""`, 2_500_000) + `><w:t>x</w:t></w:r></w:p>`)
	},
	// 1.5 million nested elements in the fallback copy that a reader
	// skips.
	"deep fallback": func() []byte {
		const n = 1_500_000
		return wrap(`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"/><mc:Fallback>` +
			strings.Repeat("<a>", n) + strings.Repeat("</a>", n) + `</mc:Fallback></mc:AlternateContent></w:r></w:p>`)
	},
	// 2.5 million empty elements: many small tokens.
	"tags": func() []byte {
		return wrap(`<w:p>` + strings.Repeat(`<w:r/>`, 2_500_000) + `</w:p>`)
	},
	// One attribute value of 12 MB.
	"long attribute": func() []byte {
		return wrap(`<w:p><w:r a="` + strings.Repeat("x", 12<<20) + `"><w:t>x</w:t></w:r></w:p>`)
	},
	// One run of 12 MB of text.
	"long text": func() []byte {
		return wrap(`<w:p><w:r><w:t>` + strings.Repeat("x", 12<<20) + `</w:t></w:r></w:p>`)
	},
	// A DOCTYPE with an entity: Word never writes one.
	"doctype": func() []byte {
		return Package(`<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "` + strings.Repeat("x", 1000) + `">]>` +
			DocumentXML([]Block{Para("x")})[len(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"):])
	},
}

// wrap returns a .docx whose body is body after one ordinary paragraph.
func wrap(body string) []byte {
	doc := DocumentXML([]Block{Para("BÁO CÁO")})
	i := strings.Index(doc, `<w:sectPr>`)
	return Package(doc[:i] + body + doc[i:])
}
