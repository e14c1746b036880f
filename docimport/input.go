package docimport

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"

	"doingoai/models"
)

// Limits that keep a hostile or broken file from costing more than a
// moment and a few megabytes: the body itself is at most 1 MiB (the API's
// limit); a .docx may unpack to at most MaxXML bytes of document XML, and
// the text read from any file is at most MaxText bytes (a long report is
// 50 KB) in at most MaxLines paragraphs.
const (
	MaxXML   = 16 << 20
	MaxText  = 2 << 20
	MaxLines = 20_000
	maxDepth = 200 // nesting of XML elements
)

// Kinds of file, as the reader recognised them.
const (
	KindDocx = "docx"
	KindText = "text"
)

const saveAsDocx = "Hãy mở tệp bằng Word (hoặc LibreOffice) và lưu lại dưới dạng .docx (Word Document), rồi gửi lại"

func unsupported(what string) error {
	return models.Errorf(models.EMEDIATYPE, "Không đọc được %s. %s. (Only .docx, UTF-8 text and UTF-16 text with a byte-order mark can be read: save the file as .docx.)", what, saveAsDocx)
}

// Lines returns the paragraphs of a document, whatever its kind: a .docx
// (paragraphs and table cells in document order) or text in UTF-8 or, with
// a byte-order mark, UTF-16. The kind is told from the content, not from
// the name or the declared type, which are only used to word the error. An
// old binary .doc, a PDF, an image or anything else unreadable is
// EMEDIATYPE with a message saying to save the file as .docx; a damaged
// file EINVALID; one that unpacks to too much ETOOLARGE.
func Lines(data []byte) (lines []string, kind string, err error) {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		lines, err = docxLines(data)
		return lines, KindDocx, err
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return nil, "", unsupported("tệp Word cũ (.doc, Word 97–2003)")
	case bytes.HasPrefix(data, []byte("%PDF")):
		return nil, "", unsupported("tệp PDF")
	case bytes.HasPrefix(data, []byte("{\\rtf")):
		return nil, "", unsupported("tệp RTF")
	case isImage(data):
		return nil, "", unsupported("tệp ảnh (bản chụp, bản quét)")
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		if len(data)%2 != 0 {
			return nil, "", models.Errorf(models.EINVALID, "Tệp văn bản UTF-16 bị cắt cụt (số byte lẻ). (The UTF-16 text is truncated.)")
		}
		out, err := dec.Bytes(data)
		if err != nil || !utf8.Valid(out) || bytes.ContainsRune(out, utf8.RuneError) {
			return nil, "", models.Errorf(models.EINVALID, "Tệp văn bản UTF-16 bị hỏng. (The UTF-16 text is not valid.)")
		}
		data = out
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, "", unsupported("tệp này (tệp nhị phân, hoặc văn bản UTF-16 không có BOM)")
	}
	if !utf8.Valid(data) {
		return nil, "", unsupported("tệp văn bản không phải UTF-8 (có thể là bảng mã TCVN3 hoặc VNI)")
	}
	if len(data) > MaxText {
		return nil, "", models.Errorf(models.ETOOLARGE, "Văn bản dài hơn %d byte. (The text is over %d bytes.)", MaxText, MaxText)
	}
	if head := strings.ToLower(string(data[:min(len(data), 512)])); strings.Contains(head, "<html") || strings.Contains(head, "<!doctype html") {
		return nil, "", unsupported("trang HTML")
	}
	s := string(data)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	raw := strings.Split(s, "\n")
	if len(raw) > MaxLines {
		return nil, "", models.Errorf(models.ETOOLARGE, "Văn bản có hơn %d dòng. (The text has over %d lines.)", MaxLines, MaxLines)
	}
	return raw, KindText, nil
}

func isImage(b []byte) bool {
	for _, sig := range [][]byte{
		[]byte("\x89PNG"), {0xFF, 0xD8, 0xFF}, []byte("GIF87a"), []byte("GIF89a"),
		[]byte("II*\x00"), []byte("MM\x00*"),
	} {
		if bytes.HasPrefix(b, sig) {
			return true
		}
	}
	if len(b) >= 26 && string(b[:2]) == "BM" && string(b[6:10]) == "\x00\x00\x00\x00" { // a bitmap: its reserved bytes are zero
		return true
	}
	return len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP"
}
