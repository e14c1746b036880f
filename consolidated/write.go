package consolidated

import (
	"fmt"
	"io"
	"strings"
	"time"

	"doingoai/docx"
)

// The layout of Nghị định 30/2020/NĐ-CP, Phụ lục I: A4; margins top and
// bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; body 14 pt,
// justified, first line indented 1 cm, 6 pt between paragraphs; page
// numbers centred in the top margin from page 2. The annex is a landscape
// section of its own, numbered from 1.
var (
	mainPage  = docx.Page{Top: docx.MM(20), Bottom: docx.MM(20), Left: docx.MM(30), Right: docx.MM(15), PageNumbers: true}
	annexPage = docx.Page{Landscape: true, Top: docx.MM(20), Bottom: docx.MM(20), Left: docx.MM(20), Right: docx.MM(15), PageNumbers: true, RestartNumbering: true}
)

const (
	pt11, pt12, pt13, pt14 = 22, 24, 26, 28
	indent                 = 567 // 1 cm
	after6pt               = 120
)

// Write writes the report as a Word document.
func (r *Report) Write(w io.Writer, created time.Time) error {
	d := &docx.Document{Title: r.Title + " " + r.Summary, Creator: r.Issuer, Created: created}
	r.header(d)
	for _, s := range r.Sections {
		d.Para(docx.Para{Runs: []docx.Run{{Text: s.Heading, Bold: true}}, Align: docx.Justify, FirstLine: indent, Before: 60, After: after6pt, KeepNext: true})
		for _, p := range s.Paragraphs {
			for _, dp := range bodyParas(p) {
				d.Para(dp)
			}
		}
	}
	d.Para(docx.Para{Runs: marked(r.Closing, docx.Run{}), Align: docx.Justify, FirstLine: indent, After: after6pt})
	r.signature(d)
	d.EndSection(mainPage)
	r.writeAnnex(d)
	return d.Write(w, annexPage)
}

func (r *Report) header(d *docx.Document) {
	width := mainPage.Width()
	left := 3800
	center := func(text string, size int, bold, italic bool) docx.Para {
		return docx.Para{Runs: []docx.Run{{Text: text, Size: size, Bold: bold, Italic: italic}}, Align: docx.Center}
	}
	rule := func(in int) docx.Para {
		return docx.Para{Rule: true, IndentLeft: in, IndentRight: in, MarkSize: 10, Align: docx.Center, After: 60}
	}
	d.Table(docx.Table{Widths: []int{left, width - left}, Indent: -250, Rows: []docx.Row{
		{Cells: []docx.Cell{
			{Paras: []docx.Para{center(r.Issuer, pt13, true, false), rule(1100)}},
			{Paras: []docx.Para{center("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", pt12, true, false), center("Độc lập - Tự do - Hạnh phúc", pt13, true, false), rule(1450)}},
		}},
		{Cells: []docx.Cell{
			{Paras: []docx.Para{center(r.Number, pt13, false, false)}},
			{Paras: []docx.Para{center(r.PlaceDate, pt14, false, true)}},
		}},
	}})
	d.Para(docx.Para{Before: 240, Runs: []docx.Run{{Text: r.Title, Bold: true}}, Align: docx.Center})
	d.Para(docx.Para{Runs: []docx.Run{{Text: r.Summary, Bold: true}}, Align: docx.Center})
	d.Para(docx.Para{Rule: true, IndentLeft: 3000, IndentRight: 3000, MarkSize: 10, After: 120})
	d.Para(docx.Para{Runs: []docx.Run{{Text: "Kính gửi: " + r.Addressee}}, Align: docx.Center, After: 240})
	d.Para(docx.Para{Runs: marked(r.Basis, docx.Run{}), Align: docx.Justify, FirstLine: indent, After: after6pt})
}

// bodyParas lays out a paragraph of the body. A text with line breaks (a
// commune's narrative written in several paragraphs) becomes a paragraph a
// line: a justified line that ends in a break would be spread across the
// page ("không ……… có").
func bodyParas(p Paragraph) []docx.Para {
	var lines []string
	for _, l := range strings.Split(p.Text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		lines = []string{""}
	}
	out := make([]docx.Para, len(lines))
	for i, l := range lines {
		q := p
		q.Text = l
		out[i] = bodyPara(q, i == 0, i == len(lines)-1)
	}
	return out
}

// bodyPara is a paragraph, or one line of one: a quote opens its marks on
// the first line and closes them on the last.
func bodyPara(p Paragraph, first, last bool) docx.Para {
	out := docx.Para{Align: docx.Justify, FirstLine: indent, After: after6pt}
	switch p.Kind {
	case "quote":
		text := p.Text
		if first {
			text = "“" + text
			out.Runs = []docx.Run{{Text: "- " + upperFirst(p.Source) + ": "}}
		}
		if last {
			text += "”"
		}
		out.Runs = append(out.Runs, docx.Run{Text: text, Italic: true})
	case "heading":
		out.Runs = []docx.Run{{Text: p.Text, Bold: true, Italic: true}}
		out.KeepNext = true
	case "todo":
		out.Runs = []docx.Run{{Text: p.Text, Italic: true, Highlight: "yellow"}}
	default:
		out.Runs = marked(p.Text, docx.Run{})
	}
	return out
}

// marked splits text into runs, the places a person writes ("[…]")
// highlighted in yellow.
func marked(text string, base docx.Run) []docx.Run {
	var runs []docx.Run
	for text != "" {
		i := strings.Index(text, "[")
		j := strings.Index(text, "]")
		if i < 0 || j < i {
			break
		}
		if i > 0 {
			r := base
			r.Text = text[:i]
			runs = append(runs, r)
		}
		r := base
		r.Text, r.Highlight, r.Italic = text[i:j+1], "yellow", true
		runs = append(runs, r)
		text = text[j+1:]
	}
	if text != "" {
		r := base
		r.Text = text
		runs = append(runs, r)
	}
	return runs
}

func (r *Report) signature(d *docx.Document) {
	width := mainPage.Width()
	left := 4400
	recipients := []docx.Para{{Runs: []docx.Run{{Text: "Nơi nhận:", Bold: true, Italic: true, Size: pt12}}, Before: 120}}
	for _, s := range r.Recipients {
		recipients = append(recipients, docx.Para{Runs: []docx.Run{{Text: "- " + s, Size: pt11}}})
	}
	center := func(text string, bold bool) docx.Para {
		return docx.Para{Runs: marked(text, docx.Run{Bold: bold}), Align: docx.Center}
	}
	sign := []docx.Para{center(r.Signature.On, true), center(r.Signature.Title, true)}
	sign[0].Before = 120
	for range 4 {
		sign = append(sign, docx.Para{})
	}
	sign = append(sign, center(r.Signature.Name, true))
	d.Table(docx.Table{Widths: []int{left, width - left}, Rows: []docx.Row{{Cells: []docx.Cell{{Paras: recipients}, {Paras: sign}}}}})
}

func (r *Report) writeAnnex(d *docx.Document) {
	center := func(text string, bold, italic bool) docx.Para {
		return docx.Para{Runs: []docx.Run{{Text: text, Bold: bold, Italic: italic}}, Align: docx.Center}
	}
	d.Para(center("Phụ lục", true, false))
	d.Para(center(r.Annex.Title, true, false))
	d.Para(docx.Para{Runs: []docx.Run{{Text: r.Annex.Subtitle, Italic: true}}, Align: docx.Center, After: 240})
	if r.Annex.NotReportedText != "" {
		d.Para(docx.Para{Runs: []docx.Run{{Text: r.Annex.NotReportedText, Size: pt13}}, Align: docx.Justify, After: 120})
	}
	width := annexPage.Width()
	for _, t := range r.Annex.Tables {
		d.Para(docx.Para{Runs: []docx.Run{{Text: t.Title, Bold: true, Size: pt13}}, KeepNext: true, Before: 120, After: 60})
		// Money columns are half as wide again as the others.
		const stt, name = 600, 3000
		widths := []int{stt, name}
		weights := 0
		for _, c := range t.Columns {
			weights += columnWeight(c)
		}
		for _, c := range t.Columns {
			widths = append(widths, (width-stt-name)*columnWeight(c)/weights)
		}
		cell := func(text string, align docx.Align, bold bool) docx.Cell {
			return docx.Cell{Paras: []docx.Para{{Runs: []docx.Run{{Text: text, Size: pt11, Bold: bold}}, Align: align}}, VAlign: "center"}
		}
		head := docx.Row{Header: true, Cells: []docx.Cell{cell("STT", docx.Center, true), cell("Đơn vị", docx.Center, true)}}
		for _, c := range t.Columns {
			head.Cells = append(head.Cells, cell(fmt.Sprintf("%s (%s)", c.Label, c.Unit), docx.Center, true))
		}
		head.Cells[0].Shade, head.Cells[1].Shade = "E7E6E6", "E7E6E6"
		for i := 2; i < len(head.Cells); i++ {
			head.Cells[i].Shade = "E7E6E6"
		}
		rows := []docx.Row{head}
		n, groups := 0, 0
		for _, row := range t.Rows {
			bold := row.Kind != "commune"
			num, label := "", row.Name
			switch row.Kind {
			case "commune":
				n++
				num = fmt.Sprint(n)
				if !row.Counted {
					label += " (*)"
				}
				if row.Late {
					label += " (**)"
				}
			case "group":
				groups++
				num = roman(groups)
			}
			cells := []docx.Cell{cell(num, docx.Center, bold), cell(label, docx.Left, bold)}
			for _, c := range t.Columns {
				cells = append(cells, cell(Number(row.Values[c.Code]), docx.Right, bold))
			}
			rows = append(rows, docx.Row{Cells: cells})
		}
		d.Table(docx.Table{Widths: widths, Rows: rows, Borders: true})
		d.Para(docx.Para{Runs: []docx.Run{{Text: "Ghi chú: “–”: chưa có số liệu; 0: không có; (*): báo cáo chưa được tính vào số liệu tổng hợp (bị trả lại hoặc chưa được duyệt); (**): gửi muộn so với thời hạn.", Italic: true, Size: pt11}}, After: 240})
	}
	if len(r.NgoProjects) > 0 {
		d.Para(docx.Para{Runs: []docx.Run{{Text: fmt.Sprintf("Biểu số %d. Danh mục dự án viện trợ phi chính phủ nước ngoài", len(r.Annex.Tables)+1), Bold: true, Size: pt13}}, KeepNext: true, Before: 120, After: 60})
		widths := []int{600, 2600, 4087, 3000, 2000, 2000}
		cell := func(text string, align docx.Align, bold bool) docx.Cell {
			return docx.Cell{Paras: []docx.Para{{Runs: []docx.Run{{Text: text, Size: pt11, Bold: bold}}, Align: align}}}
		}
		rows := []docx.Row{{Header: true, Cells: []docx.Cell{cell("STT", docx.Center, true), cell("Đơn vị", docx.Center, true), cell("Dự án", docx.Center, true),
			cell("Nhà tài trợ", docx.Center, true), cell("Cam kết (đồng)", docx.Center, true), cell("Giải ngân (đồng)", docx.Center, true)}}}
		for i, p := range r.NgoProjects {
			donor := p.Donor
			if p.Country != "" {
				donor += " (" + p.Country + ")"
			}
			money := func(v *int64) string {
				if v == nil {
					return "–"
				}
				return Number(int64Amount(*v))
			}
			rows = append(rows, docx.Row{Cells: []docx.Cell{cell(fmt.Sprint(i+1), docx.Center, false), cell(p.Commune.Name, docx.Left, false),
				cell(p.Name, docx.Left, false), cell(donor, docx.Left, false), cell(money(p.CommittedVND), docx.Right, false), cell(money(p.DisbursedVND), docx.Right, false)}})
		}
		d.Table(docx.Table{Widths: widths, Rows: rows, Borders: true})
		d.Para(docx.Para{})
	}
}

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

func columnWeight(c Column) int {
	if strings.HasPrefix(c.Unit, "VND") {
		return 3
	}
	return 2
}
