package docimport

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strings"

	"doingoai/models"
)

// The namespaces of WordprocessingML and of markup compatibility.
const (
	nsW  = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsMC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

var errTooLarge = models.Errorf(models.ETOOLARGE, "Tài liệu giải nén ra quá lớn (hơn %d MiB văn bản XML hoặc %d MiB chữ); có thể tệp bị hỏng hoặc là một \"bom zip\". (The document unpacks to more than the limit.)", MaxXML>>20, MaxText>>20)

func damaged(why string) error {
	return models.Errorf(models.EINVALID, "Tệp .docx bị hỏng, không đọc được (%s). Hãy mở bằng Word, lưu lại dưới dạng .docx rồi gửi lại. (The .docx is damaged.)", why)
}

// docxLines reads the paragraphs of a .docx in document order: body
// paragraphs, and the paragraphs of each table cell, row by row. Text in
// tracked insertions, fields (their result, not their code) and content
// controls counts; tracked deletions and moved-away text do not; of a text
// box, which Word writes twice (the drawing and a fallback copy for old
// readers), only the first copy counts. A line break inside a paragraph
// starts a new line.
//
// The XML is read as a stream through a limited reader: memory stays
// bounded whatever the file claims, and a file that unpacks to more than
// MaxXML bytes is refused; a bounded decoder (xmlbound.go) refuses one
// whose elements nest, carry attributes or run on past its limits.
func docxLines(data []byte) ([]string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, damaged("không phải tệp zip hợp lệ")
	}
	main := mainPart(zr)
	if main == nil {
		for _, f := range zr.File {
			switch {
			case f.Name == "mimetype":
				return nil, unsupported("tệp OpenDocument (.odt)")
			case strings.HasPrefix(f.Name, "xl/"):
				return nil, unsupported("tệp Excel (.xlsx)")
			case strings.HasPrefix(f.Name, "ppt/"):
				return nil, unsupported("tệp PowerPoint (.pptx)")
			}
		}
		return nil, unsupported("tệp zip này (không có word/document.xml)")
	}
	if main.UncompressedSize64 > MaxXML {
		return nil, errTooLarge
	}
	rc, err := main.Open()
	if err != nil {
		return nil, damaged("không mở được word/document.xml")
	}
	defer rc.Close()
	lr := &io.LimitedReader{R: rc, N: MaxXML + 1}
	lines, err := readDocumentXML(lr)
	if lr.N <= 0 {
		return nil, errTooLarge
	}
	return lines, err
}

// mainPart finds the document's main part: word/document.xml, or where
// the package relationships say it is.
func mainPart(zr *zip.Reader) *zip.File {
	byName := map[string]*zip.File{}
	for _, f := range zr.File {
		byName[f.Name] = f
	}
	if f := byName["word/document.xml"]; f != nil {
		return f
	}
	rels := byName["_rels/.rels"]
	if rels == nil || rels.UncompressedSize64 > 1<<16 {
		return nil
	}
	rc, err := rels.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	var doc struct {
		Rel []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.NewDecoder(io.LimitReader(rc, 1<<16)).Decode(&doc) != nil {
		return nil
	}
	for _, r := range doc.Rel {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			return byName[strings.TrimPrefix(path.Clean("/"+r.Target), "/")]
		}
	}
	return nil
}

// readDocumentXML streams WordprocessingML and returns its lines.
func readDocumentXML(r io.Reader) ([]string, error) {
	d := newBoundedDecoder(r)
	var (
		lines []string
		stack []*strings.Builder // open paragraphs: a text box's paragraphs sit inside another paragraph
		size  int
		depth int
		inT   int // inside w:t
	)
	emit := func(b *strings.Builder) error {
		lines = append(lines, strings.Split(b.String(), "\n")...)
		if len(lines) > MaxLines {
			return errTooLarge
		}
		return nil
	}
	write := func(s string) error {
		if len(stack) == 0 {
			return nil // text outside a paragraph (none in valid files)
		}
		size += len(s)
		if size > MaxText {
			return errTooLarge
		}
		stack[len(stack)-1].WriteString(s)
		return nil
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, readFailed(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return nil, damaged("lồng nhau quá sâu")
			}
			switch t.Name.Space {
			case nsMC:
				switch t.Name.Local {
				case "Fallback":
					if err := d.Skip(); err != nil {
						return nil, readFailed(err)
					}
					depth--
				}
				continue
			case nsW:
			default:
				continue
			}
			switch t.Name.Local {
			case "p":
				stack = append(stack, &strings.Builder{})
			case "t":
				inT++
			case "tab", "ptab":
				if err := write(" "); err != nil {
					return nil, err
				}
			case "br", "cr":
				if err := write("\n"); err != nil {
					return nil, err
				}
			case "noBreakHyphen":
				if err := write("-"); err != nil {
					return nil, err
				}
			case "del", "moveFrom", "delText", "instrText", "delInstrText":
				if err := d.Skip(); err != nil {
					return nil, readFailed(err)
				}
				depth--
			}
		case xml.EndElement:
			depth--
			if t.Name.Space != nsW {
				continue
			}
			switch t.Name.Local {
			case "p":
				if n := len(stack); n > 0 {
					b := stack[n-1]
					stack = stack[:n-1]
					if err := emit(b); err != nil {
						return nil, err
					}
				}
			case "t":
				inT--
			case "tc":
				// A cell ends: its paragraphs are already lines.
			}
		case xml.CharData:
			if inT > 0 {
				if err := write(string(t)); err != nil {
					return nil, err
				}
			}
		}
	}
	if len(lines) == 0 {
		return nil, damaged("không có đoạn văn nào")
	}
	return lines, nil
}
