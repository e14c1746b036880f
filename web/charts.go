package web

import (
	"fmt"
	"html/template"
	"strings"

	"doingoai/models"
)

// The charts are drawn here, in the page itself (the bars as a table with
// SVG bars, the line as SVG): no script, no library, nothing fetched. Their numbers are the rollup's values, printed
// beside each bar and point as the tables print them.

type barChart struct {
	SVG   template.HTML
	Empty bool
}

type lineChart struct {
	SVG   template.HTML
	Empty bool
	// Points are the series' figures with, for each period, how many of
	// the communes of the territory reported (communes_reported /
	// communes_expected of the API's series): a rise may only be more
	// communes reporting.
	Points []linePoint
}

type linePoint struct {
	Period             string
	Value              *models.Amount
	Reported, Expected int
}

func esc(s string) string { return template.HTMLEscapeString(s) }

// newBarChart draws one bar per child unit for an indicator, as a table
// whose names and values are text (readable at any width: a phone shows
// them at the page's own size) and whose bars are drawn in SVG; a unit
// that did not report it has no bar and says so.
func newBarChart(rows []models.BreakdownRow, ind models.Indicator, period string) barChart {
	if len(rows) == 0 {
		return barChart{Empty: true}
	}
	maxV := 0.0
	for _, r := range rows {
		if v := r.Values[ind.Code]; v != nil && v.Float() > maxV {
			maxV = v.Float()
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<table class="bars"><caption class="sr">%s</caption><tbody>`, esc(fmt.Sprintf("%s (%s), kỳ %s, theo đơn vị", ind.NameVI, ind.Unit, period)))
	for _, r := range rows {
		fmt.Fprintf(&b, `<tr><th scope="row">%s</th>`, esc(r.Name))
		v := r.Values[ind.Code]
		if v == nil {
			b.WriteString(`<td class="val none" colspan="2">— chưa báo cáo</td></tr>`)
			continue
		}
		w := 0.0
		if maxV > 0 {
			w = v.Float() / maxV * 100
		}
		if w < 0.5 && v.Float() > 0 {
			w = 0.5
		}
		fmt.Fprintf(&b, `<td class="track"><svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="bar" x="0" y="0" width="%.2f" height="10"/></svg></td><td class="val">%s</td></tr>`, w, esc(fmtAmount(v)))
	}
	b.WriteString(`</tbody></table>`)
	return barChart{SVG: template.HTML(b.String())}
}

// newLineChart draws an indicator over the periods of a series; a period
// in which no commune reported it leaves a gap.
func newLineChart(series []models.SeriesPoint, ind models.Indicator) lineChart {
	type pt struct {
		label, coverage string
		v               *models.Amount
	}
	var pts []pt
	var points []linePoint
	for _, s := range series {
		var v *models.Amount
		for _, iv := range s.Indicators {
			if iv.Code == ind.Code {
				v = iv.Value
			}
		}
		pts = append(pts, pt{s.Period, fmt.Sprintf("%d/%d xã", s.CommunesReported, s.CommunesExpected), v})
		points = append(points, linePoint{Period: s.Period, Value: v, Reported: s.CommunesReported, Expected: s.CommunesExpected})
	}
	any := false
	maxV := 0.0
	for _, p := range pts {
		if p.v != nil {
			any = true
			maxV = max(maxV, p.v.Float())
		}
	}
	if !any {
		return lineChart{Empty: true}
	}
	const (
		width, height = 720, 220
		left, right   = 40, 40
		top, bottom   = 28, 46
	)
	plotW, plotH := float64(width-left-right), float64(height-top-bottom)
	x := func(i int) float64 {
		if len(pts) == 1 {
			return float64(left) + plotW/2
		}
		return float64(left) + plotW*float64(i)/float64(len(pts)-1)
	}
	y := func(v float64) float64 {
		if maxV <= 0 {
			return float64(top) + plotH
		}
		return float64(top) + plotH - v/maxV*plotH
	}
	var b strings.Builder
	title := fmt.Sprintf("%s (%s) qua các kỳ", ind.NameVI, ind.Unit)
	fmt.Fprintf(&b, `<svg class="chart line" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="line-title"><title id="line-title">%s</title>`,
		width, height, width, height, esc(title))
	fmt.Fprintf(&b, `<line class="axis" x1="%d" y1="%.1f" x2="%d" y2="%.1f"/>`, left, float64(top)+plotH, width-right, float64(top)+plotH)
	var path strings.Builder
	for i, p := range pts {
		fmt.Fprintf(&b, `<text class="lbl" x="%.1f" y="%d" text-anchor="middle">%s</text>`, x(i), height-24, esc(p.label))
		fmt.Fprintf(&b, `<text class="lbl cov" x="%.1f" y="%d" text-anchor="middle">%s</text>`, x(i), height-8, esc(p.coverage))
		if p.v == nil {
			path.WriteString(" ")
			continue
		}
		cmd := "L"
		if i == 0 || pts[i-1].v == nil {
			cmd = "M"
		}
		fmt.Fprintf(&path, "%s%.1f %.1f ", cmd, x(i), y(p.v.Float()))
	}
	if s := strings.TrimSpace(path.String()); s != "" {
		fmt.Fprintf(&b, `<path class="ln" d="%s"/>`, s)
	}
	for i, p := range pts {
		if p.v == nil {
			fmt.Fprintf(&b, `<text class="val none" x="%.1f" y="%.1f" text-anchor="middle">—</text>`, x(i), float64(top)+plotH-6)
			continue
		}
		fmt.Fprintf(&b, `<circle class="pt" cx="%.1f" cy="%.1f" r="4"><title>%s: %s</title></circle>`, x(i), y(p.v.Float()), esc(p.label), esc(fmtAmount(p.v)))
		fmt.Fprintf(&b, `<text class="val" x="%.1f" y="%.1f" text-anchor="middle">%s</text>`, x(i), y(p.v.Float())-9, esc(fmtAmount(p.v)))
	}
	b.WriteString(`</svg>`)
	return lineChart{SVG: template.HTML(b.String()), Points: points}
}
