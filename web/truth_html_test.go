package web_test

// Reading what a page says: its HTML parsed (golang.org/x/net/html), tables
// read by their column headers, and numbers, dates and times read back the
// way a person reads them ("12.986", "−3", "5,13", "15/12/2025 09:30").

import (
	"math/big"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"doingoai/models"
)

func parsePage(t *testing.T, what, body string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return doc
}

// find returns every element below n (n included) for which ok holds, in
// document order.
func find(n *html.Node, ok func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && ok(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	if n != nil {
		walk(n)
	}
	return out
}

func first(n *html.Node, ok func(*html.Node) bool) *html.Node {
	if l := find(n, ok); len(l) > 0 {
		return l[0]
	}
	return nil
}

func attr(n *html.Node, key string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

func withAttr(key, val string) func(*html.Node) bool {
	return func(n *html.Node) bool { return attr(n, key) == val }
}

func hasClass(class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return strings.Contains(" "+attr(n, "class")+" ", " "+class+" ") }
}

// nodeText is the text of n as read: whitespace runs made one space.
func nodeText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			if n.Data == "script" || n.Data == "style" || n.Data == "title" && n.Parent != nil && n.Parent.Data == "svg" {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// section is the element a heading with the id labels (aria-labelledby).
func section(doc *html.Node, headingID string) *html.Node {
	return first(doc, withAttr("aria-labelledby", headingID))
}

// pageTable is a table as a person reads it: its column headers and, per
// row, the cells' elements.
type pageTable struct {
	Header []string
	Rows   [][]*html.Node
}

func readTable(tbl *html.Node) pageTable {
	var pt pageTable
	if tbl == nil {
		return pt
	}
	if thead := first(tbl, tag("thead")); thead != nil {
		for _, th := range find(thead, tag("th")) {
			pt.Header = append(pt.Header, nodeText(th))
		}
	}
	for _, tbody := range find(tbl, tag("tbody")) {
		for _, tr := range find(tbody, tag("tr")) {
			var cells []*html.Node
			for c := tr.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
					cells = append(cells, c)
				}
			}
			pt.Rows = append(pt.Rows, cells)
		}
	}
	return pt
}

// col is the index of the column whose header is name (or starts with it),
// -1 if none.
func (pt pageTable) col(name string) int {
	for i, h := range pt.Header {
		if h == name {
			return i
		}
	}
	for i, h := range pt.Header {
		if strings.HasPrefix(h, name) {
			return i
		}
	}
	return -1
}

// cell is the text of row's cell under the column name ("" if absent).
func (pt pageTable) cell(row []*html.Node, name string) string {
	i := pt.col(name)
	if i < 0 || i >= len(row) {
		return ""
	}
	return nodeText(row[i])
}

// readNumber reads a number as the pages write it: "12.986", "5,13",
// "+3", "−8.530"; "—" (or nothing) is no number. ok is false for text that
// is not a number.
func readNumber(s string) (v *big.Rat, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || s == "—" || s == "–" || s == "-" {
		return nil, true
	}
	neg := false
	switch {
	case strings.HasPrefix(s, "−"):
		neg, s = true, strings.TrimPrefix(s, "−")
	case strings.HasPrefix(s, "-"):
		neg, s = true, s[1:]
	case strings.HasPrefix(s, "+"):
		s = s[1:]
	}
	s = strings.ReplaceAll(s, ".", "")
	s = strings.ReplaceAll(s, ",", ".")
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return nil, false
	}
	if neg {
		r.Neg(r)
	}
	return r, true
}

// ratOf is an API number (its JSON text) as an exact rational; nil for null.
func ratOf(a *models.Amount) *big.Rat {
	if a == nil {
		return nil
	}
	r, ok := new(big.Rat).SetString(a.String())
	if !ok {
		panic("an API amount that is not a number: " + a.String())
	}
	return r
}

func ratString(r *big.Rat) string {
	if r == nil {
		return "null"
	}
	return r.RatString()
}

func sameRat(a, b *big.Rat) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Cmp(b) == 0
}

// vnTime is how the pages write an instant: its date and time in Vietnam.
func vnTime(t time.Time) string { return t.In(models.Vietnam).Format("02/01/2006 15:04") }

// vnDate is how the pages write a date.
func vnDate(d models.Date) string {
	s := d.String()
	return s[8:10] + "/" + s[5:7] + "/" + s[0:4]
}

// statusWords are what a page calls each status of the API.
var statusWords = map[string]string{
	models.StatusMissing:   "Chưa báo cáo",
	models.StatusDraft:     "Bản nháp",
	models.StatusSubmitted: "Đã gửi, chờ duyệt",
	models.StatusAccepted:  "Đã duyệt",
	models.StatusReturned:  "Trả lại",
}

// onTimeWords is what the on-time column says for the API's on_time.
func onTimeWords(b *bool) string {
	switch {
	case b == nil:
		return "—"
	case *b:
		return "Đúng hạn"
	}
	return "Trễ hạn"
}
