package chart

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/dangjian/dangjian/internal/metric"
)

// The picture's size: a chart across the column of an article.
const (
	svgWidth  = 640
	svgHeight = 360
	margin    = 16
	fontSize  = 12
	titleSize = 16
	labelSize = 11 // the figures on bars, points and slices
)

// fontFamily names Chinese fonts of Windows, macOS and Linux, then any sans-serif: a picture
// cannot carry its fonts without growing tenfold, so it asks for the reader's.
const fontFamily = `'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', SimHei, sans-serif`

// palette is ECharts' default, so that a chart has the colours of the site's own.
var palette = []string{"#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de", "#3ba272", "#fc8452", "#9a60b4", "#ea7ccc"}

// SVG draws spec as a standalone SVG picture, for places that run no script, such as the
// articles of the civilization website: its title, value ticks and year labels, the bars, lines
// or slices with their figures, and a legend. The same spec gives the same bytes; the picture
// holds no script, event attribute or external reference, and the text of the content is
// escaped. A year without a value is a gap, not a zero. A pie sums each metric over the years.
func (d *Drawer) SVG(spec Spec) ([]byte, error) {
	dr, err := d.resolve(spec)
	if err != nil {
		return nil, err
	}
	c := &canvas{}
	c.printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	c.printf(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" font-family="%s" font-size="%d">`+"\n",
		svgWidth, svgHeight, svgWidth, svgHeight, fontFamily, fontSize)
	title := spec.Title
	if title == "" {
		title = strings.Join(dr.columns(), "、")
	}
	c.printf("<title>%s</title>\n", escape(title))
	c.printf("<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", svgWidth, svgHeight)
	d.paint(c, spec, dr)
	c.printf("</svg>\n")
	return c.buf.Bytes(), nil
}

// paint lays out and paints the chart of spec on s, in the picture's units (svgWidth by
// svgHeight), for the SVG and the PNG alike.
func (d *Drawer) paint(s surface, spec Spec, dr drawing) {
	top := float64(margin)
	if spec.Title != "" {
		s.text(svgWidth/2, top+titleSize, "middle", style{size: titleSize, bold: true, fill: "#333333"}, spec.Title)
		top += titleSize + 12
	}
	if spec.Kind == "pie" && len(dr.years) > 0 {
		span := strconv.Itoa(dr.years[0])
		if last := dr.years[len(dr.years)-1]; last != dr.years[0] {
			span += "–" + strconv.Itoa(last)
		}
		s.text(svgWidth/2, top+fontSize, "middle", style{fill: "#666666"}, span+" "+d.TotalLabel)
		top += fontSize + 8
	}
	area := box{left: margin, top: top + 8, right: svgWidth - margin, bottom: legend(s, dr.columns()) - 12}
	switch spec.Kind {
	case "pie":
		pie(s, dr, area)
	case "line":
		lines(s, dr, axes(s, dr, area))
	default:
		bars(s, dr, axes(s, dr, area))
	}
}

// surface is what a chart is painted on: an SVG document, or a PNG picture. Coordinates are the
// picture's units, angles are radians clockwise from twelve o'clock, colours are #rrggbb.
type surface interface {
	// text writes s at x, y (its baseline), aligned by anchor: start, middle or end.
	text(x, y float64, anchor string, st style, s string)
	// rect fills a rectangle, its corners rounded by radius.
	rect(x, y, width, height, radius float64, fill string)
	// line strokes a line one unit wide.
	line(x1, y1, x2, y2 float64, stroke string)
	// polyline strokes lines two units wide through each run of points.
	polyline(runs [][]point, stroke string)
	// circle fills a circle (unless fill is "none") and strokes its edge width units wide
	// (unless stroke is "").
	circle(cx, cy, r float64, fill, stroke string, width float64)
	// slice fills a slice of a pie from angle from through sweep, edged in white.
	slice(cx, cy, r, from, sweep float64, fill string)
}

// style is the look of a text: size 0 is fontSize.
type style struct {
	size float64
	bold bool
	fill string
}

// point is a point of the picture.
type point struct{ x, y float64 }

// onCircle is the point at angle on the circle of radius r about cx, cy.
func onCircle(cx, cy, r, angle float64) point {
	return point{cx + r*math.Sin(angle), cy - r*math.Cos(angle)}
}

// canvas collects the elements of an SVG picture: the surface of SVG.
type canvas struct{ buf bytes.Buffer }

func (c *canvas) printf(format string, args ...any) { fmt.Fprintf(&c.buf, format, args...) }

// text writes a text element; s is escaped.
func (c *canvas) text(x, y float64, anchor string, st style, s string) {
	c.printf("<text x=\"%s\" y=\"%s\" text-anchor=\"%s\"", num(x), num(y), anchor)
	if st.size != 0 {
		c.printf(" font-size=\"%s\"", num(st.size))
	}
	if st.bold {
		c.printf(" font-weight=\"bold\"")
	}
	c.printf(" fill=\"%s\">%s</text>\n", st.fill, escape(s))
}

func (c *canvas) rect(x, y, width, height, radius float64, fill string) {
	c.printf("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"", num(x), num(y), num(width), num(height))
	if radius != 0 {
		c.printf(" rx=\"%s\"", num(radius))
	}
	c.printf(" fill=\"%s\"/>\n", fill)
}

func (c *canvas) line(x1, y1, x2, y2 float64, stroke string) {
	c.printf("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\"/>\n", num(x1), num(y1), num(x2), num(y2), stroke)
}

func (c *canvas) polyline(runs [][]point, stroke string) {
	var path strings.Builder
	for _, run := range runs {
		pen := "M"
		for _, p := range run {
			fmt.Fprintf(&path, "%s%s %s ", pen, num(p.x), num(p.y))
			pen = "L"
		}
	}
	if path.Len() > 0 {
		c.printf("<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n", strings.TrimSpace(path.String()), stroke)
	}
}

func (c *canvas) circle(cx, cy, r float64, fill, stroke string, width float64) {
	c.printf("<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"", num(cx), num(cy), num(r), fill)
	if stroke != "" {
		c.printf(" stroke=\"%s\" stroke-width=\"%s\"", stroke, num(width))
	}
	c.printf("/>\n")
}

func (c *canvas) slice(cx, cy, r, from, sweep float64, fill string) {
	p1, p2 := onCircle(cx, cy, r, from), onCircle(cx, cy, r, from+sweep)
	large := 0
	if sweep > math.Pi {
		large = 1
	}
	c.printf("<path d=\"M%s %s L%s %s A%s %s 0 %d 1 %s %s Z\" fill=\"%s\" stroke=\"#ffffff\"/>\n",
		num(cx), num(cy), num(p1.x), num(p1.y), num(r), num(r), large, num(p2.x), num(p2.y), fill)
}

// label writes a figure on a bar, point or slice, at the size the layout leaves it room for.
func label(s surface, x, y float64, anchor, text string) {
	s.text(x, y, anchor, style{size: labelSize, fill: "#333333"}, text)
}

// legend writes a swatch and the name of each metric in rows centred along the bottom, and
// returns the top of the legend.
func legend(c surface, names []string) float64 {
	const swatch, gap, rowHeight = 12, 20, 20
	widths := make([]float64, len(names))
	var rows [][]int // indexes of names, row by row
	rowWidth := 0.0
	for i, name := range names {
		widths[i] = swatch + 6 + textWidth(name, fontSize)
		if len(rows) == 0 || rowWidth+gap+widths[i] > svgWidth-2*margin {
			rows = append(rows, nil)
			rowWidth = -gap
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], i)
		rowWidth += gap + widths[i]
	}
	top := float64(svgHeight - margin - rowHeight*len(rows))
	for r, row := range rows {
		w := -float64(gap)
		for _, i := range row {
			w += gap + widths[i]
		}
		x := (svgWidth - w) / 2
		y := top + float64(r*rowHeight) + 4
		for _, i := range row {
			c.rect(x, y, swatch, swatch, 2, colour(i))
			c.text(x+swatch+6, y+swatch-1, "start", style{fill: "#333333"}, names[i])
			x += widths[i] + gap
		}
	}
	return top
}

// box is a rectangle of the picture.
type box struct{ left, top, right, bottom float64 }

// plot is the area of a bar or line chart and its value scale.
type plot struct {
	box
	lo, hi float64 // the values at the bottom and the top
	years  []int
}

// y is the height of a value.
func (p plot) y(v float64) float64 {
	return p.bottom - (v-p.lo)/(p.hi-p.lo)*(p.bottom-p.top)
}

// band is the width of a year's part of the plot; centre is the middle of the i-th.
func (p plot) band() float64 { return (p.right - p.left) / float64(max(len(p.years), 1)) }

func (p plot) centre(i int) float64 { return p.left + (float64(i)+0.5)*p.band() }

// axes writes the value grid with its ticks and the year labels, and returns the plot inside
// area that they frame.
func axes(c surface, dr drawing, area box) plot {
	lo, hi, integral := 0.0, 0.0, true
	for _, s := range dr.series {
		for _, y := range dr.years {
			if v, ok := s.Get(y); ok {
				lo, hi = min(lo, v), max(hi, v)
				integral = integral && v == math.Trunc(v)
			}
		}
	}
	values := ticks(lo, hi, integral)
	labelWidth := 0.0
	for _, v := range values {
		labelWidth = max(labelWidth, textWidth(metric.Format(v), fontSize))
	}
	p := plot{box: area, lo: values[0], hi: values[len(values)-1], years: dr.years}
	p.left += labelWidth + 8
	p.bottom -= fontSize + 10 // the year labels
	for _, v := range values {
		y := p.y(v)
		c.line(p.left, y, p.right, y, "#e0e6f1")
		c.text(p.left-8, y+4, "end", style{fill: "#6e7079"}, metric.Format(v))
	}
	zero := p.y(0)
	c.line(p.left, zero, p.right, zero, "#6e7079")
	// Years too many for their labels to stand side by side are labelled every other, or third …
	every := int(math.Ceil((textWidth("2016", fontSize) + 6) / p.band()))
	for i, year := range p.years {
		if i%every == 0 {
			c.text(p.centre(i), p.bottom+fontSize+8, "middle", style{fill: "#6e7079"}, strconv.Itoa(year))
		}
	}
	return p
}

// ticks returns about five round values, evenly spaced, from lo or below to hi or above:
// 0, 20, 40 … A metric of whole numbers gets no fractional ticks.
func ticks(lo, hi float64, integral bool) []float64 {
	if hi <= lo {
		hi = lo + 1
	}
	raw := (hi - lo) / 5
	if math.IsInf(raw, 0) {
		return []float64{lo, hi} // figures near the largest float: no round steps between
	}
	magnitude := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * magnitude
	for _, m := range []float64{1, 2, 5} {
		if m*magnitude >= raw {
			step = m * magnitude
			break
		}
	}
	if integral {
		step = max(step, 1)
	}
	start := math.Floor(lo/step) * step
	var values []float64
	for i := 0; ; i++ {
		v := start + float64(i)*step
		values = append(values, v)
		if v >= hi-step*1e-9 {
			return values
		}
	}
}

// bars writes a group of bars per year, a bar per metric, each with its figure on it when
// there is room.
func bars(c surface, dr drawing, p plot) {
	k := float64(len(dr.series))
	width := min(p.band()*0.7/k, 48)
	for i, year := range p.years {
		x := p.centre(i) - width*k/2
		for j, s := range dr.series {
			v, ok := s.Get(year)
			if !ok {
				continue
			}
			left := x + float64(j)*width
			top, bottom := p.y(max(v, 0)), p.y(min(v, 0))
			c.rect(left+1, top, max(width-2, 1), bottom-top, 0, colour(j))
			figure := metric.Format(v)
			if textWidth(figure, labelSize) > width+4 {
				continue
			}
			y := top - 4
			if v < 0 {
				y = bottom + labelSize + 2
			}
			label(c, left+width/2, y, "middle", figure)
		}
	}
}

// lines writes a line per metric through its years, broken where a year has no value, with a
// dot and the figure at each value. A figure that would cover another's is left out: the
// table beside the picture has them all.
func lines(c surface, dr drawing, p plot) {
	labelled := make([][]float64, len(p.years)) // the heights of the figures written, by year
	for j, s := range dr.series {
		var runs [][]point
		var run []point
		for i, year := range p.years {
			v, ok := s.Get(year)
			if !ok {
				if run != nil {
					runs, run = append(runs, run), nil
				}
				continue
			}
			run = append(run, point{p.centre(i), p.y(v)})
		}
		if run != nil {
			runs = append(runs, run)
		}
		c.polyline(runs, colour(j))
		for i, year := range p.years {
			v, ok := s.Get(year)
			if !ok {
				continue
			}
			x, y := p.centre(i), p.y(v)
			c.circle(x, y, 3.5, "#ffffff", colour(j), 2)
			figure := metric.Format(v)
			if textWidth(figure, labelSize) > p.band() || covers(labelled[i], y) {
				continue
			}
			labelled[i] = append(labelled[i], y)
			label(c, x, y-8, "middle", figure)
		}
	}
}

// covers reports whether a figure at height y would cover one of those at heights.
func covers(heights []float64, y float64) bool {
	for _, h := range heights {
		if math.Abs(h-y) < labelSize+2 {
			return true
		}
	}
	return false
}

// pie writes a slice per metric, its sum over the years, with the figure beside it. A metric
// with no value in those years, or a sum of zero or less, has no slice.
func pie(c surface, dr drawing, area box) {
	totals := make([]float64, len(dr.series))
	sum := 0.0
	for j, s := range dr.series {
		totals[j] = sumOver(s, dr.years)
		if totals[j] > 0 {
			sum += totals[j]
		}
	}
	cx, cy := (area.left+area.right)/2, (area.top+area.bottom)/2
	r := max(min((area.bottom-area.top)/2-labelSize-6, 120), 10)
	if sum == 0 {
		c.circle(cx, cy, r, "none", "#e0e6f1", 2)
		return
	}
	angle := 0.0 // from twelve o'clock, clockwise
	for j, total := range totals {
		if total <= 0 {
			continue
		}
		sweep := total / sum * 2 * math.Pi
		if total == sum {
			c.circle(cx, cy, r, colour(j), "", 0)
		} else {
			c.slice(cx, cy, r, angle, sweep, colour(j))
		}
		mid := angle + sweep/2
		at := onCircle(cx, cy, r+8, mid)
		anchor := "middle"
		switch s := math.Sin(mid); {
		case s > 0.2:
			anchor = "start"
		case s < -0.2:
			anchor = "end"
		}
		label(c, at.x, at.y+labelSize/2-1-math.Cos(mid)*labelSize/2, anchor, metric.Format(total))
		angle += sweep
	}
}

// colour is the colour of the i-th metric.
func colour(i int) string { return palette[i%len(palette)] }

// textWidth estimates the width of a text at a font size, with no font at hand to measure it
// by: Chinese characters and full-width marks are square, the rest about half as wide. It
// only has to keep labels apart.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0x2e80 {
			w += size
		} else {
			w += size * 0.6
		}
	}
	return w
}

// num writes a coordinate to a hundredth, without needless digits or a negative zero.
func num(f float64) string {
	f = math.Round(f*100) / 100
	if f == 0 {
		f = 0
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// escape makes text from the content safe in XML; characters XML cannot hold become U+FFFD.
func escape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
