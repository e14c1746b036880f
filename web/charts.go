package web

import (
	"strconv"
	"strings"

	"doingoai/models"
)

// The charts are drawn here, in the page itself (the bars as a table with
// SVG bars, the line as SVG): no script, no library, nothing fetched. Their numbers are the rollup's values, printed
// beside each bar and point as the tables print them.
//
// This file works out what to draw (the rows, the coordinates, the words);
// templates/charts.part.html draws it ("bars", "line"), so html/template
// escapes every word.

// barChart is one bar per child unit for an indicator.
type barChart struct {
	Empty   bool
	Caption string
	Rows    []barRow
}

// barRow is a unit's bar: its length in percent of the longest, or none
// where the unit did not report the indicator.
type barRow struct {
	Name  string
	None  bool
	Width float64 // 0–100
	Value string
}

// lineChart is an indicator over the periods of a series.
type lineChart struct {
	Empty bool
	Title string
	// Width and Height are the SVG's size, AxisY the axis's height and
	// AxisX1, AxisX2 its ends, LabelY and CoverY the heights of the
	// periods' labels and of their coverage.
	Width, Height  int
	AxisX1, AxisX2 int
	AxisY          float64
	LabelY, CoverY int
	Path           string // the line's path data; "" when no two points join
	Marks          []lineMark
	// Points are the series' figures with, for each period, how many of
	// the communes of the territory reported (communes_reported /
	// communes_expected of the API's series): a rise may only be more
	// communes reporting.
	Points []linePoint
}

// lineMark is one period of the line: its labels at X and, at Y, its point
// and figure (None: a dash where no commune reported it).
type lineMark struct {
	X, Y            float64
	ValueY          float64 // the figure's baseline, above the point
	Label, Coverage string
	None            bool
	Value           string
}

type linePoint struct {
	Period             string
	Value              *models.Amount
	Reported, Expected int
}

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
	c := barChart{Caption: ind.NameVI + " (" + ind.Unit + "), kỳ " + period + ", theo đơn vị"}
	for _, r := range rows {
		v := r.Values[ind.Code]
		if v == nil {
			c.Rows = append(c.Rows, barRow{Name: r.Name, None: true})
			continue
		}
		w := 0.0
		if maxV > 0 {
			w = v.Float() / maxV * 100
		}
		if w < 0.5 && v.Float() > 0 {
			w = 0.5
		}
		c.Rows = append(c.Rows, barRow{Name: r.Name, Width: w, Value: fmtAmount(v)})
	}
	return c
}

// newLineChart draws an indicator over the periods of a series; a period
// in which no commune reported it leaves a gap.
func newLineChart(series []models.SeriesPoint, ind models.Indicator) lineChart {
	var points []linePoint
	any := false
	maxV := 0.0
	for _, s := range series {
		var v *models.Amount
		for _, iv := range s.Indicators {
			if iv.Code == ind.Code {
				v = iv.Value
			}
		}
		points = append(points, linePoint{Period: s.Period, Value: v, Reported: s.CommunesReported, Expected: s.CommunesExpected})
		if v != nil {
			any = true
			maxV = max(maxV, v.Float())
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
		if len(points) == 1 {
			return float64(left) + plotW/2
		}
		return float64(left) + plotW*float64(i)/float64(len(points)-1)
	}
	y := func(v float64) float64 {
		if maxV <= 0 {
			return float64(top) + plotH
		}
		return float64(top) + plotH - v/maxV*plotH
	}
	c := lineChart{Title: ind.NameVI + " (" + ind.Unit + ") qua các kỳ", Width: width, Height: height,
		AxisX1: left, AxisX2: width - right, AxisY: float64(top) + plotH, LabelY: height - 24, CoverY: height - 8, Points: points}
	var path []byte
	for i, p := range points {
		m := lineMark{X: x(i), Label: p.Period, Coverage: strconv.Itoa(p.Reported) + "/" + strconv.Itoa(p.Expected) + " xã"}
		if p.Value == nil {
			// A dash just above the axis; the line breaks here.
			m.None, m.Y = true, float64(top)+plotH-6
			path = append(path, ' ')
		} else {
			m.Y, m.Value = y(p.Value.Float()), fmtAmount(p.Value)
			m.ValueY = m.Y - 9
			cmd := byte('L')
			if i == 0 || points[i-1].Value == nil {
				cmd = 'M'
			}
			path = append(path, cmd)
			path = strconv.AppendFloat(path, m.X, 'f', 1, 64)
			path = append(path, ' ')
			path = strconv.AppendFloat(path, m.Y, 'f', 1, 64)
			path = append(path, ' ')
		}
		c.Marks = append(c.Marks, m)
	}
	c.Path = strings.TrimSpace(string(path))
	return c
}
