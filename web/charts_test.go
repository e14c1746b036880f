package web

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"

	"doingoai/models"
)

var updateCharts = flag.Bool("update-charts", false, "write testdata/charts.golden.html from the charts drawn now")

// chartCases are charts of every shape: bars with a unit that did not
// report, a tiny value, all zero, names that must be escaped; lines with a
// gap, one period, all zero, a period with no figure at its start.
func chartCases() (bars []barChart, lines []lineChart) {
	dec := func(s string) *models.Amount {
		d, err := models.ParseDecimal(s)
		if err != nil {
			panic(err)
		}
		return models.DecimalAmount(d)
	}
	ind, _ := models.IndicatorByCode("households")
	rate := models.Indicator{Code: "rate", NameVI: `Tỷ lệ <"hộ"> & 'khác'`, Unit: "%"}
	row := func(name string, v *models.Amount) models.BreakdownRow {
		return models.BreakdownRow{Name: name, Values: map[string]*models.Amount{ind.Code: v, rate.Code: v}}
	}
	rows := []models.BreakdownRow{
		row("Xã Bộc Nhiêu", models.IntAmount(1234567)),
		row(`Xã <b>"Á"</b> & 'B'`, models.IntAmount(3)),
		row("Xã chưa gửi", nil),
		row("Xã không", models.IntAmount(0)),
	}
	bars = append(bars,
		newBarChart(rows, ind, "2024"),
		newBarChart(rows[2:], ind, "2024-Q1"),
		newBarChart([]models.BreakdownRow{row("Xã A", dec("12.5")), row("Xã B", dec("3.25"))}, rate, "2024"),
		newBarChart(nil, ind, "2024"),
	)
	point := func(period string, rep, exp int, v *models.Amount) models.SeriesPoint {
		return models.SeriesPoint{Period: period, CommunesReported: rep, CommunesExpected: exp,
			Indicators: []models.IndicatorValue{{Code: ind.Code, Value: v}, {Code: rate.Code, Value: v}}}
	}
	series := []models.SeriesPoint{
		point("2020", 0, 23, nil),
		point("2021", 20, 23, models.IntAmount(900)),
		point("2022", 21, 23, models.IntAmount(1500)),
		point("2023", 0, 23, nil),
		point("2024", 23, 23, models.IntAmount(1200)),
	}
	lines = append(lines,
		newLineChart(series, ind),
		newLineChart(series[1:3], rate),
		newLineChart(series[4:], ind),
		newLineChart([]models.SeriesPoint{point("2023", 1, 2, models.IntAmount(0)), point("2024", 2, 2, models.IntAmount(0))}, ind),
		newLineChart([]models.SeriesPoint{point("2024", 0, 2, nil)}, ind),
	)
	return bars, lines
}

// TestChartsDrawAsBefore: the charts' markup (the bars' table and SVG, the
// line's SVG) is byte for byte the markup of testdata/charts.golden.html,
// which the charts drawn with fmt.Fprintf wrote before they moved into
// templates/charts.part.html.
func TestChartsDrawAsBefore(t *testing.T) {
	a, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	bars, lines := chartCases()
	var got bytes.Buffer
	for i, b := range bars {
		if b.Empty {
			got.WriteString("<!-- bars: empty -->\n")
			continue
		}
		got.WriteString(renderChart(t, a, "bars", b, i) + "\n")
	}
	for i, l := range lines {
		if l.Empty {
			got.WriteString("<!-- line: empty -->\n")
			continue
		}
		got.WriteString(renderChart(t, a, "line", l, i) + "\n")
	}
	const golden = "testdata/charts.golden.html"
	if *updateCharts {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	gl, wl := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
	if len(gl) != len(wl) {
		t.Fatalf("%d charts drawn, the golden file has %d", len(gl), len(wl))
	}
	for i := range gl {
		if gl[i] != wl[i] {
			t.Errorf("chart %d differs:\n got %s\nwant %s", i, gl[i], wl[i])
		}
	}
}

// renderChart draws a chart with its template of charts.part.html.
func renderChart(t *testing.T, a *App, name string, v any, i int) string {
	t.Helper()
	var b bytes.Buffer
	if err := a.pages["overview.html"].ExecuteTemplate(&b, name, v); err != nil {
		t.Fatalf("%s chart %d: %v", name, i, err)
	}
	return b.String()
}
