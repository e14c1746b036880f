package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Read is what a document holds, read back: its paragraphs' text in order
// (those inside tables too), its tables cell by cell, its sections' page
// layouts and its default font. Tests use it to check what was written.
type Read struct {
	Paragraphs []string
	Tables     [][][]string // table → row → cell text
	Sections   []ReadSection
	Font       string // the default font (docDefaults)
	Size       int    // the default size, half-points
}

// ReadSection is a section's page: size and margins in twips.
type ReadSection struct {
	Width, Height            int
	Top, Bottom, Left, Right int
	Landscape                bool
}

// ReadDocument reads a .docx package.
func ReadDocument(b []byte) (*Read, error) {
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	part := func(name string) ([]byte, error) {
		f, err := z.Open(name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		defer f.Close()
		return io.ReadAll(f)
	}
	out := &Read{}
	doc, err := part("word/document.xml")
	if err != nil {
		return nil, err
	}
	if err := out.document(doc); err != nil {
		return nil, err
	}
	styles, err := part("word/styles.xml")
	if err != nil {
		return nil, err
	}
	d := xml.NewDecoder(bytes.NewReader(styles))
	inDefaults := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "rPrDefault":
				inDefaults = true
			case "rFonts":
				if inDefaults {
					out.Font = attr(e, "ascii")
				}
			case "sz":
				if inDefaults {
					out.Size, _ = strconv.Atoi(attr(e, "val"))
				}
			}
		case xml.EndElement:
			if e.Name.Local == "rPrDefault" {
				inDefaults = false
			}
		}
	}
	return out, nil
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (out *Read) document(doc []byte) error {
	d := xml.NewDecoder(bytes.NewReader(doc))
	var para *strings.Builder
	var inText bool
	type tbl struct{ rows [][]string }
	var tables []*tbl // open tables, innermost last
	var cell *strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "p":
				para = &strings.Builder{}
			case "t":
				inText = true
			case "br":
				if para != nil {
					para.WriteString("\n")
				}
			case "tbl":
				tables = append(tables, &tbl{})
			case "tr":
				if len(tables) > 0 {
					tables[len(tables)-1].rows = append(tables[len(tables)-1].rows, nil)
				}
			case "tc":
				cell = &strings.Builder{}
			case "pgSz":
				s := ReadSection{}
				s.Width, _ = strconv.Atoi(attr(e, "w"))
				s.Height, _ = strconv.Atoi(attr(e, "h"))
				s.Landscape = attr(e, "orient") == "landscape"
				out.Sections = append(out.Sections, s)
			case "pgMar":
				if n := len(out.Sections); n > 0 {
					s := &out.Sections[n-1]
					s.Top, _ = strconv.Atoi(attr(e, "top"))
					s.Bottom, _ = strconv.Atoi(attr(e, "bottom"))
					s.Left, _ = strconv.Atoi(attr(e, "left"))
					s.Right, _ = strconv.Atoi(attr(e, "right"))
				}
			}
		case xml.CharData:
			if inText && para != nil {
				para.Write(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "t":
				inText = false
			case "p":
				if para != nil {
					out.Paragraphs = append(out.Paragraphs, para.String())
					if cell != nil {
						if cell.Len() > 0 {
							cell.WriteString("\n")
						}
						cell.WriteString(para.String())
					}
				}
				para = nil
			case "tc":
				if n := len(tables); n > 0 && cell != nil {
					t := tables[n-1]
					t.rows[len(t.rows)-1] = append(t.rows[len(t.rows)-1], cell.String())
				}
				cell = nil
			case "tbl":
				n := len(tables)
				out.Tables = append(out.Tables, tables[n-1].rows)
				tables = tables[:n-1]
			}
		}
	}
}
