// Package chart draws yearly metrics as go-echarts charts, each with the same numbers as an
// HTML table beside it, so the data is there without JavaScript, in print and for screen
// readers; and as static SVG and PNG pictures, for places that run no script (the PNG's text in
// a font embedded in the binary, fonts/README.md). It handles go-echarts'
// traps: chart IDs are given, not random, so the output is deterministic; its panics are
// recovered and returned as errors; and its option JSON, which it does not escape, is escaped
// before it goes into the page. Its goldmark extension, Block, reads a page's chart blocks into
// AST nodes that carry their specs, and draws those nodes as figures.
package chart

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/metric"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Kinds are the kinds of chart.
var Kinds = []string{"bar", "line", "pie"}

// Spec says what to draw.
type Spec struct {
	ID      string // unique on its page; letters, digits and hyphens
	Title   string
	Kind    string   // bar, line or pie
	Metrics []string // metric keys
	Years   []int    // the years to show; nil shows every year with a value
}

// SiteSpecs returns the specs of site.yaml's charts, in order, each showing the given years
// (nil: every year with a value): the home page's dashboard, a report's charts of its year.
func SiteSpecs(charts []config.Chart, years []int) []Spec {
	specs := make([]Spec, len(charts))
	for i, c := range charts {
		specs[i] = Spec{ID: "chart-" + c.Key, Title: c.Title, Kind: c.Kind(), Metrics: c.Metrics, Years: years}
	}
	return specs
}

// Drawer draws charts of one site's metrics.
type Drawer struct {
	table *metric.Table
	// YearLabel heads the tables' year column, in the site's script (年度).
	YearLabel string
	// TotalLabel names a pie's sum over its years (合计).
	TotalLabel string
}

// New returns a Drawer of the metrics in table.
func New(table *metric.Table, yearLabel, totalLabel string) *Drawer {
	return &Drawer{table: table, YearLabel: yearLabel, TotalLabel: totalLabel}
}

// Marker is an attribute every figure carries, so that a page can tell it needs the script.
const Marker = "data-chart"

// Draw draws spec as a figure element carrying Marker: the chart's container, its options as
// JSON for assets/charts.js, and its table. An unknown metric is an error, and so is any panic
// in go-echarts.
func (d *Drawer) Draw(spec Spec) (fig template.HTML, err error) {
	dr, err := d.resolve(spec)
	if err != nil {
		return "", err
	}
	option, err := options(spec, dr.series, dr.years, d.TotalLabel)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	err = chartTemplates.ExecuteTemplate(&buf, "figure", figureData{Spec: spec, Option: template.JS(option), Table: d.tableData(dr)})
	return template.HTML(buf.String()), err
}

// DataTable returns spec's numbers as the HTML table that Draw puts beside its chart: a row
// per year, a column per metric, "–" where a year has no value.
func (d *Drawer) DataTable(spec Spec) (template.HTML, error) {
	dr, err := d.resolve(spec)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	err = chartTemplates.ExecuteTemplate(&buf, "table", d.tableData(dr))
	return template.HTML(buf.String()), err
}

// drawing is a spec resolved against the metrics: its series, and the years it shows.
type drawing struct {
	series []*metric.Series
	years  []int
}

// resolve finds spec's series; an unknown metric is an error.
func (d *Drawer) resolve(spec Spec) (drawing, error) {
	dr := drawing{years: spec.Years}
	for _, key := range spec.Metrics {
		s := d.table.Series(key)
		if s == nil {
			return drawing{}, msg.New(msg.UnknownMetric, key)
		}
		dr.series = append(dr.series, s)
	}
	if dr.years == nil {
		dr.years = d.table.Years(spec.Metrics...)
	}
	return dr, nil
}

func (d *Drawer) tableData(dr drawing) tableData {
	t := tableData{YearLabel: d.YearLabel, Columns: dr.columns()}
	for _, y := range dr.years {
		row := tableRow{Year: strconv.Itoa(y)}
		for _, s := range dr.series {
			if v, ok := s.Get(y); ok {
				row.Cells = append(row.Cells, metric.Format(v))
			} else {
				row.Cells = append(row.Cells, "–")
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// columns names the drawing's series, in order, as column does.
func (dr drawing) columns() []string {
	var names []string
	for _, s := range dr.series {
		names = append(names, column(s))
	}
	return names
}

// column names a metric as the table heads its column and the legend shows it: 党课（次）.
func column(s *metric.Series) string {
	if s.Metric.Unit == "" {
		return s.Metric.Label
	}
	return s.Metric.Label + "（" + s.Metric.Unit + "）"
}

type figureData struct {
	Spec   Spec
	Option template.JS
	Table  tableData
}

type tableData struct {
	YearLabel string
	Columns   []string
	Rows      []tableRow
}

type tableRow struct {
	Year  string
	Cells []string
}

// The chart's container is a div the script draws into; the table holds the same numbers.
var chartTemplates = template.Must(template.New("figure").Parse(`<figure class="chart" data-chart>
{{- with .Spec.Title }}
<figcaption>{{ . }}</figcaption>{{ end }}
<div class="chart-canvas" id="{{ .Spec.ID }}" role="img" aria-label="{{ .Spec.Title }}"></div>
<script type="application/json" data-chart-for="{{ .Spec.ID }}">{{ .Option }}</script>
{{ template "table" .Table }}
</figure>
{{- define "table" }}<table class="chart-data">
<thead><tr><th scope="col">{{ .YearLabel }}</th>{{ range .Columns }}<th scope="col">{{ . }}</th>{{ end }}</tr></thead>
<tbody>
{{- range .Rows }}
<tr><th scope="row">{{ .Year }}</th>{{ range .Cells }}<td>{{ . }}</td>{{ end }}</tr>
{{- end }}
</tbody>
</table>{{ end }}`))

// options builds the chart with go-echarts and returns its option JSON, escaped for a script
// element.
func options(spec Spec, series []*metric.Series, years []int, totalLabel string) (option string, err error) {
	defer func() {
		// go-echarts panics on what it cannot draw; a bad chart must not stop the build.
		if r := recover(); r != nil {
			err = msg.New(msg.ChartNotDrawn, fmt.Sprint(r))
		}
	}()
	global := []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: spec.ID, Renderer: "svg"}),
		// One scrolling line of legend keeps clear of the axis on a phone.
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Bottom: "0"}),
		charts.WithAnimation(false),
	}
	categories := make([]string, len(years))
	for i, y := range years {
		categories[i] = strconv.Itoa(y)
	}
	// The option is the chart's configuration as JSON; go-echarts' RenderSnippet would give
	// the same after parsing its page templates for every chart, and drawing an element and a
	// script that are not used.
	var configured interface {
		Validate()
		JSONNotEscaped() template.HTML
	}
	switch spec.Kind {
	case "line":
		c := charts.NewLine()
		withAxes(&c.RectChart, global)
		eachSeries(series, years, func(v any) opts.LineData { return opts.LineData{Value: v} }, func(name string, points []opts.LineData) { c.AddSeries(name, points) })
		configured = c.SetXAxis(categories)
	case "pie":
		c := charts.NewPie()
		c.SetGlobalOptions(append(global, charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}))...)
		data := make([]opts.PieData, len(series))
		for i, s := range series {
			data[i] = opts.PieData{Name: s.Metric.Label, Value: sumOver(s, years)}
		}
		c.AddSeries(totalLabel, data)
		configured = c
	default:
		c := charts.NewBar()
		withAxes(&c.RectChart, global)
		eachSeries(series, years, func(v any) opts.BarData { return opts.BarData{Value: v} }, func(name string, points []opts.BarData) { c.AddSeries(name, points) })
		configured = c.SetXAxis(categories)
	}
	configured.Validate()
	return escapeJSON(string(configured.JSONNotEscaped())), nil
}

// withAxes gives a bar or a line chart, go-echarts' RectChart both, the options they share:
// global, their grid, and their tooltip, which shows a whole year. They are set before the
// series, whose defaults they give.
func withAxes(c *charts.RectChart, global []charts.GlobalOpts) {
	c.SetGlobalOptions(append(global,
		charts.WithGridOpts(opts.Grid{Top: "30", Bottom: "40", Left: "10", Right: "10", ContainLabel: opts.Bool(true)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
	)...)
}

// eachSeries adds every series to a bar or line chart with add, as points of go-echarts type
// T made by point, one per year.
func eachSeries[T any](series []*metric.Series, years []int, point func(any) T, add func(name string, points []T)) {
	for _, s := range series {
		points := make([]T, len(years))
		for i, y := range years {
			points[i] = point(value(s, y))
		}
		add(s.Metric.Label, points)
	}
}

// sumOver is what a pie shows of a series: the sum of its values over years, a year without
// one adding nothing.
func sumOver(s *metric.Series, years []int) float64 {
	total := 0.0
	for _, y := range years {
		v, _ := s.Get(y)
		total += v
	}
	return total
}

// value is a year's figure, or "-", ECharts' mark of a missing value.
func value(s *metric.Series, year int) any {
	if v, ok := s.Get(year); ok {
		return v
	}
	return "-"
}

// escapeJSON makes JSON safe inside a script element: "</script>" in a title from the content
// would otherwise end the element. The characters escaped only occur inside JSON strings,
// where \u escapes mean the same.
func escapeJSON(s string) string {
	return jsonEscaper.Replace(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), ";")))
}

var jsonEscaper = strings.NewReplacer("<", `\u003c`, ">", `\u003e`, "&", `\u0026`, "\u2028", `\u2028`, "\u2029", `\u2029`)
