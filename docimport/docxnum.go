package docimport

import (
	"archive/zip"
	"io"
	"strconv"
	"strings"
)

// Word's automatic numbering: a paragraph of a numbered list or a heading
// numbered by its style carries no number in its text, only a reference
// (w:numPr: a list, w:numId, and a level, w:ilvl) to word/numbering.xml,
// which says how each level counts (decimal, Roman numerals, letters) and
// what it shows ("%1.", "%1.%2.", "%2)"). The reader writes the number the
// page shows in front of the paragraph's text, as Word's "Save as text"
// does, so that "II." and "3." head their sections and "a)" its item
// whichever way the clerk typed them.

// maxPart bounds what one of numbering.xml and styles.xml may unpack to;
// both are a few tens of KB in a report.
const maxPart = 4 << 20

// numLevel is one level of a list: its first value, its number format,
// the text it shows ("%1."), whether it shows all levels as decimal (a
// "legal" list), and what follows the number (a tab, a space, nothing).
type numLevel struct {
	start       int
	format      string
	text        string
	legal       bool
	nothingNext bool
}

// numList is a list instance of the document (w:num): its abstract list
// and the levels it restarts at another value.
type numList struct {
	abstract string
	restart  map[int]int
}

// numbering is what word/numbering.xml and word/styles.xml say of the
// document's lists, and the counters of the lists read so far.
type numbering struct {
	abstract map[string][]numLevel
	lists    map[string]numList
	styles   map[string]styleNum
	counters map[string]*counter // per abstract list
	started  map[string]bool     // list instances whose restarts were applied
}

// styleNum is what a paragraph style says of numbering: its list and
// level, and the style it is based on.
type styleNum struct {
	numID, basedOn string
	ilvl           int
}

type valXML struct {
	Val string `xml:"val,attr"`
}

type numberingXML struct {
	Abstract []struct {
		ID  string `xml:"abstractNumId,attr"`
		Lvl []struct {
			Ilvl  string  `xml:"ilvl,attr"`
			Start *valXML `xml:"start"`
			Fmt   *valXML `xml:"numFmt"`
			Text  *valXML `xml:"lvlText"`
			Legal *valXML `xml:"isLgl"`
			Suff  *valXML `xml:"suff"`
		} `xml:"lvl"`
	} `xml:"abstractNum"`
	Num []struct {
		ID       string `xml:"numId,attr"`
		Abstract valXML `xml:"abstractNumId"`
		Override []struct {
			Ilvl  string  `xml:"ilvl,attr"`
			Start *valXML `xml:"startOverride"`
		} `xml:"lvlOverride"`
	} `xml:"num"`
}

type stylesXML struct {
	Style []struct {
		Type    string  `xml:"type,attr"`
		ID      string  `xml:"styleId,attr"`
		BasedOn *valXML `xml:"basedOn"`
		NumPr   *struct {
			Ilvl  *valXML `xml:"ilvl"`
			NumID *valXML `xml:"numId"`
		} `xml:"pPr>numPr"`
	} `xml:"style"`
}

// on reports whether an OOXML on/off property is on: present, and not
// "0", "false" or "off".
func (v *valXML) on() bool {
	return v != nil && v.Val != "0" && v.Val != "false" && v.Val != "off"
}

// readNumbering reads the lists and the numbered styles of a .docx. A
// document without them, or whose parts are damaged or too large, is read
// without its automatic numbers (nil): its text is still all there.
func readNumbering(zr *zip.Reader) *numbering {
	var nx numberingXML
	if !decodePart(zr, "word/numbering.xml", &nx) {
		return nil
	}
	n := &numbering{abstract: map[string][]numLevel{}, lists: map[string]numList{}, styles: map[string]styleNum{},
		counters: map[string]*counter{}, started: map[string]bool{}}
	for _, a := range nx.Abstract {
		levels := make([]numLevel, 9)
		for i := range levels {
			levels[i] = numLevel{start: 1, format: "decimal"}
		}
		for _, l := range a.Lvl {
			i, err := strconv.Atoi(l.Ilvl)
			if err != nil || i < 0 || i >= len(levels) {
				continue
			}
			if l.Start != nil {
				if s, err := strconv.Atoi(l.Start.Val); err == nil && s >= 0 && s < 1e6 {
					levels[i].start = s
				}
			}
			if l.Fmt != nil {
				levels[i].format = l.Fmt.Val
			}
			if l.Text != nil {
				levels[i].text = l.Text.Val
			}
			levels[i].legal = l.Legal.on()
			levels[i].nothingNext = l.Suff != nil && l.Suff.Val == "nothing"
		}
		n.abstract[a.ID] = levels
	}
	for _, l := range nx.Num {
		nl := numList{abstract: l.Abstract.Val, restart: map[int]int{}}
		for _, o := range l.Override {
			i, err := strconv.Atoi(o.Ilvl)
			if err != nil || o.Start == nil {
				continue
			}
			if s, err := strconv.Atoi(o.Start.Val); err == nil && i >= 0 && i < 9 && s >= 0 && s < 1e6 {
				nl.restart[i] = s
			}
		}
		n.lists[l.ID] = nl
	}
	var sx stylesXML
	if decodePart(zr, "word/styles.xml", &sx) {
		for _, s := range sx.Style {
			if s.Type != "" && s.Type != "paragraph" {
				continue
			}
			var sn styleNum
			if s.BasedOn != nil {
				sn.basedOn = s.BasedOn.Val
			}
			if s.NumPr != nil {
				if s.NumPr.NumID != nil {
					sn.numID = s.NumPr.NumID.Val
				}
				if s.NumPr.Ilvl != nil {
					sn.ilvl, _ = strconv.Atoi(s.NumPr.Ilvl.Val)
				}
			}
			n.styles[s.ID] = sn
		}
	}
	return n
}

// decodePart decodes a small XML part of the package into v, through the
// bounded decoder; false if it is absent, too large or damaged.
func decodePart(zr *zip.Reader, name string, v any) bool {
	rc, lr := openPart(zr, name)
	if rc == nil {
		return false
	}
	defer rc.Close()
	return newBoundedDecoder(lr).Decode(v) == nil
}

// openPart opens a small part of the package (numbering, styles, a
// header, notes) behind a reader limited to maxPart+1 bytes: nil if it is
// absent, says it is larger, or does not open. A reader left with N == 0
// read past maxPart.
func openPart(zr *zip.Reader, name string) (io.ReadCloser, *io.LimitedReader) {
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		if f.UncompressedSize64 > maxPart {
			return nil, nil
		}
		rc, err := f.Open()
		if err != nil {
			return nil, nil
		}
		return rc, &io.LimitedReader{R: rc, N: maxPart + 1}
	}
	return nil, nil
}

// counter is where a list stands: each level's value, and whether the
// level has started (under the current item of the level above).
type counter struct {
	v  []int
	on []bool
}

// paraNum is what a paragraph's properties say of its numbering: its
// style, and its own list and level if it names them (numID "0" takes the
// style's numbering away).
type paraNum struct {
	style, numID string
	ilvl         int
	hasIlvl      bool
}

// label returns the number the page shows in front of a paragraph (with
// the space that follows it), and counts it; "" for a paragraph of no
// list.
func (n *numbering) label(p paraNum) string {
	if n == nil {
		return ""
	}
	numID, ilvl := p.numID, p.ilvl
	if numID == "" || !p.hasIlvl {
		// The style (or the style it is based on) numbers the paragraph.
		seen := 0
		for s := p.style; s != "" && seen < 16; seen++ {
			sn, ok := n.styles[s]
			if !ok {
				break
			}
			if sn.numID != "" {
				if numID == "" {
					numID = sn.numID
				}
				if !p.hasIlvl {
					ilvl = sn.ilvl
				}
				break
			}
			s = sn.basedOn
		}
	}
	list, ok := n.lists[numID]
	if numID == "" || numID == "0" || !ok {
		return ""
	}
	levels := n.abstract[list.abstract]
	if ilvl < 0 || ilvl >= len(levels) {
		return ""
	}
	c := n.counters[list.abstract]
	if c == nil {
		c = &counter{v: make([]int, len(levels)), on: make([]bool, len(levels))}
		n.counters[list.abstract] = c
	}
	if !n.started[numID] {
		// A list instance that restarts a level: the level goes on from
		// one before its new start.
		n.started[numID] = true
		for i, s := range list.restart {
			if i < len(levels) {
				c.v[i], c.on[i] = s-1, true
			}
		}
	}
	if c.on[ilvl] {
		c.v[ilvl]++
	} else {
		c.v[ilvl], c.on[ilvl] = levels[ilvl].start, true
	}
	for i := ilvl + 1; i < len(c.on); i++ {
		c.on[i] = false // a deeper level starts again under each item
	}
	for i := 0; i < ilvl; i++ {
		if !c.on[i] {
			c.v[i], c.on[i] = levels[i].start, true
		}
	}
	lv := levels[ilvl]
	var shown string
	switch lv.format {
	case "none":
		return ""
	case "bullet":
		shown = "•"
		if r := []rune(lv.text); len(r) == 1 && strings.ContainsRune("-–+*•", r[0]) {
			shown = lv.text
		}
	default:
		var b strings.Builder
		t := lv.text
		for len(t) > 0 {
			i := strings.IndexByte(t, '%')
			if i < 0 || i+1 >= len(t) || t[i+1] < '1' || t[i+1] > '9' {
				b.WriteString(t)
				break
			}
			b.WriteString(t[:i])
			k := int(t[i+1] - '1')
			f := "decimal"
			if k < len(levels) {
				f = levels[k].format
			}
			if lv.legal {
				f = "decimal"
			}
			v := 0
			if k < len(c.v) {
				v = c.v[k]
			}
			b.WriteString(formatNumber(v, f))
			t = t[i+2:]
		}
		shown = b.String()
	}
	if strings.TrimSpace(shown) == "" {
		return ""
	}
	if lv.nothingNext {
		return shown
	}
	return shown + " "
}

// formatNumber writes n in one of Word's number formats; formats a report
// does not use are written as decimal.
func formatNumber(n int, format string) string {
	switch format {
	case "decimalZero":
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "lowerLetter", "upperLetter":
		if n < 1 {
			break
		}
		// a … z, then aa … zz, as Word counts.
		s := strings.Repeat(string(rune('a'+(n-1)%26)), (n-1)/26+1)
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman", "upperRoman":
		if n < 1 || n >= 4000 {
			break
		}
		s := roman(n)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s
	}
	return strconv.Itoa(n)
}

// roman writes 1 ≤ n < 4000 in Roman numerals.
func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
