package docimport

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"

	"doingoai/models"
)

// Limits on what reading one document's XML may cost, enforced on the
// bytes before encoding/xml sees them: the decoder builds each element
// with all its attributes at once, and its Skip keeps a stack of every
// element it passes, so a bound checked on its tokens comes too late.
// Word writes a few dozen attributes on an element at most (the root
// declares ~40 namespaces) and tags of a few hundred bytes; a 13 KB report
// as LibreOffice writes it has 2,000 tags, so maxTokens holds a report of
// some 1.5 MB of text, thirty times the longest seen. Each token costs the
// decoder ~200 bytes of garbage and under a microsecond.
const (
	maxAttrs  = 256     // attributes of one element
	maxToken  = 1 << 20 // bytes of one tag, run of text, comment or CDATA section
	maxTokens = 250_000 // tags, comments and processing instructions in the whole part
)

// costError is a document refused by the bounded reader; it carries the
// problem the client is told.
type costError struct{ err error }

func (e *costError) Error() string { return e.err.Error() }

var (
	errTooManyAttrs = &costError{models.Errorf(models.EINVALID, "Tệp .docx bị hỏng hoặc được dựng bất thường: một phần tử XML có hơn %d thuộc tính. Hãy mở bằng Word, lưu lại dưới dạng .docx rồi gửi lại. (An element has over %d attributes.)", maxAttrs, maxAttrs)}
	errTooDeep      = &costError{damaged(fmt.Sprintf("các phần tử XML lồng nhau quá %d tầng", maxDepth))}
	errDeclaration  = &costError{damaged("XML có khai báo DOCTYPE hoặc <!…>, điều Word không bao giờ viết")}
	errTokenTooLong = &costError{models.Errorf(models.ETOOLARGE, "Tệp .docx được dựng bất thường: một thẻ XML hoặc một đoạn chữ liền dài hơn %d MiB. (One tag or run of text is over %d MiB.)", maxToken>>20, maxToken>>20)}
	errTooManyTags  = &costError{models.Errorf(models.ETOOLARGE, "Tệp .docx có hơn %s thẻ XML, quá lớn đối với một báo cáo; có thể tệp bị hỏng. (The document has over %d XML tags.)", models.FormatVNInt(maxTokens), maxTokens)}
)

// newBoundedDecoder returns a strict decoder of r whose input is checked
// by a boundedXML reader: every start tag, wherever it is (also inside a
// part the reader skips), counts against maxDepth, maxAttrs, maxToken and
// maxTokens. A token error it returns is reported by boundError.
func newBoundedDecoder(r io.Reader) *xml.Decoder {
	d := xml.NewDecoder(&boundedXML{r: r})
	d.Strict = true
	return d
}

// boundError returns the problem to tell the client for an error of a
// bounded decoder's Token: the limit that was passed, or nil if the error
// is another (a syntax error, a damaged zip stream).
func boundError(err error) error {
	var ce *costError
	if errors.As(err, &ce) {
		return ce.err
	}
	return nil
}

// The states of the scanner: where in the XML the last byte was.
const (
	sText    = iota
	sOpen    // after '<'
	sBang    // after "<!": a comment or CDATA section follows
	sComment // inside <!-- … -->
	sCDATA   // inside <![CDATA[ … ]]>
	sPI      // inside <? … ?>
	sStart   // inside a start tag
	sEnd     // inside an end tag
)

// boundedXML passes XML through unchanged, following its structure just
// enough (tags, quoted attribute values, comments, CDATA, processing
// instructions) to count depth, attributes, token bytes and tokens, and
// fails with a costError at the first byte past a limit. A DOCTYPE (or any
// other <! declaration) is refused: Word never writes one.
type boundedXML struct {
	r      io.Reader
	err    error
	state  int
	quote  byte   // the quote of the attribute value we are in, or 0
	prev   byte   // the last byte of a tag outside quotes
	match  string // the rest of "--" or "[CDATA[" still expected after "<!"
	run    int    // consecutive '-' (comment), ']' (CDATA) or '?' (PI)
	depth  int
	attrs  int
	size   int // bytes of the current token
	tokens int
}

func (b *boundedXML) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	n, err := b.r.Read(p)
	for i := 0; i < n; i++ {
		if e := b.step(p[i]); e != nil {
			b.err = e
			return i, e
		}
	}
	return n, err
}

func (b *boundedXML) step(c byte) error {
	b.size++
	if b.size > maxToken {
		return errTokenTooLong
	}
	switch b.state {
	case sText:
		if c == '<' {
			b.to(sOpen)
			b.tokens++
			if b.tokens > maxTokens {
				return errTooManyTags
			}
		}
	case sOpen:
		switch c {
		case '/':
			b.state = sEnd
		case '?':
			b.state, b.run = sPI, 0
		case '!':
			b.state, b.match = sBang, ""
		default:
			b.state, b.quote, b.prev, b.attrs = sStart, 0, c, 0
		}
	case sBang:
		return b.bang(c)
	case sComment:
		b.closeOn(c, '-', 2)
	case sCDATA:
		b.closeOn(c, ']', 2)
	case sPI:
		b.closeOn(c, '?', 1)
	case sStart:
		return b.startTag(c)
	case sEnd:
		if c == '>' {
			b.depth--
			b.to(sText)
		}
	}
	return nil
}

// to moves to a new token.
func (b *boundedXML) to(state int) { b.state, b.size = state, 0 }

// bang reads the bytes after "<!": "--" opens a comment, "[CDATA[" a CDATA
// section; anything else is a declaration, refused.
func (b *boundedXML) bang(c byte) error {
	if b.match == "" {
		switch c {
		case '-':
			b.match = "-"
			return nil
		case '[':
			b.match = "CDATA["
			return nil
		}
		return errDeclaration
	}
	if c != b.match[0] {
		return errDeclaration
	}
	b.match = b.match[1:]
	if b.match == "" {
		if c == '-' {
			b.state = sComment
		} else {
			b.state = sCDATA
		}
		b.run = 0
	}
	return nil
}

// closeOn ends a comment, CDATA section or processing instruction at '>'
// after at least n bytes mark.
func (b *boundedXML) closeOn(c, mark byte, n int) {
	switch {
	case c == mark:
		b.run++
	case c == '>' && b.run >= n:
		b.to(sText)
	default:
		b.run = 0
	}
}

func (b *boundedXML) startTag(c byte) error {
	if b.quote != 0 {
		if c == b.quote {
			b.quote = 0
		}
		return nil
	}
	switch c {
	case '"', '\'':
		b.quote = c
	case '=':
		b.attrs++
		if b.attrs > maxAttrs {
			return errTooManyAttrs
		}
	case '>':
		if b.prev != '/' {
			b.depth++
			if b.depth > maxDepth {
				return errTooDeep
			}
		}
		b.to(sText)
	}
	b.prev = c
	return nil
}

// readFailed returns the problem for an error of a bounded decoder's Token
// or Skip: the limit that was passed, or a damaged file.
func readFailed(err error) error {
	if be := boundError(err); be != nil {
		return be
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return damaged("XML không hợp lệ")
	}
	return damaged(err.Error())
}
