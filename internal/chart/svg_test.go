package chart

import (
	"encoding/xml"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/golden"
)

// threeYears draws three metrics over three years; 专题讨论 has no value in 2014.
func threeYears(t *testing.T) *Drawer {
	t.Helper()
	return drawerOf(t, []config.Metric{
		{Key: "lectures", Label: "党课", Unit: "次"},
		{Key: "meetings", Label: "警示教育大会", Unit: "次"},
		{Key: "discussions", Label: "专题讨论", Unit: "场次"},
	}, map[int]map[string]float64{
		2014: {"lectures": 15, "meetings": 9},
		2015: {"lectures": 18, "meetings": 10, "discussions": 3},
		2016: {"lectures": 20, "meetings": 12, "discussions": 4},
	})
}

var threeMetrics = []string{"lectures", "meetings", "discussions"}

func TestSVGGolden(t *testing.T) {
	d := threeYears(t)
	for _, kind := range Kinds {
		t.Run(kind, func(t *testing.T) {
			spec := Spec{ID: "chart-1", Title: "教育培训", Kind: kind, Metrics: threeMetrics}
			svg, err := d.SVG(spec)
			if err != nil {
				t.Fatal(err)
			}
			texts := checkSVG(t, svg)
			for _, want := range []string{"教育培训", "党课（次）", "专题讨论（场次）"} {
				if !slices.Contains(texts, want) {
					t.Errorf("no text %q in %q", want, texts)
				}
			}
			golden.Check(t, filepath.Join("testdata", kind+".svg"), svg)
			// The same spec draws the same bytes, from a table computed anew too: no random
			// IDs, no order of a map.
			again, _ := threeYears(t).SVG(spec)
			if string(again) != string(svg) {
				t.Errorf("two drawings of the same spec differ")
			}
		})
	}
}

func TestSVGFigures(t *testing.T) {
	d := threeYears(t)
	tests := []struct {
		name string
		spec Spec
		want []string // texts of the picture
		not  []string
	}{
		{"bars of one year", Spec{Kind: "bar", Metrics: threeMetrics, Years: []int{2016}}, []string{"2016", "20", "12", "4"}, []string{"2015", "18"}},
		{"a pie sums the years", Spec{Kind: "pie", Metrics: threeMetrics}, []string{"53", "31", "7", "2014–2016 合计"}, nil},
		{"a title from the metrics", Spec{Kind: "line", Metrics: []string{"lectures", "meetings"}}, []string{"党课（次）、警示教育大会（次）"}, nil},
		{"a year of no data", Spec{Kind: "bar", Metrics: threeMetrics, Years: []int{2010}}, []string{"2010", "0", "1"}, []string{"15"}},
		{"a line of no data", Spec{Kind: "line", Metrics: threeMetrics, Years: []int{2010}}, []string{"2010"}, nil},
		{"a pie of no data", Spec{Kind: "pie", Metrics: threeMetrics, Years: []int{2010}}, []string{"2010 合计"}, []string{"0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svg, err := d.SVG(tt.spec)
			if err != nil {
				t.Fatal(err)
			}
			texts := checkSVG(t, svg)
			for _, w := range tt.want {
				if !slices.Contains(texts, w) {
					t.Errorf("no text %q in %q", w, texts)
				}
			}
			for _, n := range tt.not {
				if slices.Contains(texts, n) {
					t.Errorf("text %q in %q", n, texts)
				}
			}
		})
	}
	// A gap is no zero: 专题讨论 has no bar in 2014, only its legend's swatch and 2015's bar.
	svg, _ := d.SVG(Spec{Kind: "bar", Metrics: []string{"discussions"}, Years: []int{2014, 2015}})
	if n := strings.Count(string(svg), `fill="`+colour(0)+`"`); n != 2 {
		t.Errorf("bars of a year with a value and one without: %d shapes in the colour, want 2 (swatch and bar):\n%s", n, svg)
	}
	// A line breaks at a gap: with 2014 between 2015 and 2016, the line of 专题讨论 is two
	// dots, not a line through a zero.
	svg, _ = d.SVG(Spec{Kind: "line", Metrics: []string{"discussions"}, Years: []int{2015, 2014, 2016}})
	if path := between(string(svg), `<path d="`, `"`); strings.Count(path, "M") != 2 || strings.Contains(path, "L") {
		t.Errorf("a line over a gap: path %q, want two moves and no line", path)
	}
	if _, err := d.SVG(Spec{Kind: "bar", Metrics: []string{"nope"}}); err == nil {
		t.Errorf("unknown metric: no error")
	}
}

func TestSVGEscapes(t *testing.T) {
	label := `</text><script>alert(1)</script>`
	d := drawer(t, label)
	for _, kind := range Kinds {
		svg, err := d.SVG(Spec{Title: `A & B <b>`, Kind: kind, Metrics: []string{"lectures"}})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(strings.ToLower(string(svg)), "<script") {
			t.Errorf("%s: a <script> in the picture:\n%s", kind, svg)
		}
		texts := checkSVG(t, svg)
		for _, want := range []string{label + "（次）", `A & B <b>`} {
			if !slices.Contains(texts, want) {
				t.Errorf("%s: no text %q in %q", kind, want, texts)
			}
		}
	}
}

func TestTicks(t *testing.T) {
	tests := []struct {
		lo, hi   float64
		integral bool
		want     []float64
	}{
		{0, 20, true, []float64{0, 5, 10, 15, 20}},
		{0, 64, true, []float64{0, 20, 40, 60, 80}},
		{0, 4, true, []float64{0, 1, 2, 3, 4}},
		{0, 1, true, []float64{0, 1}},
		{0, 1, false, []float64{0, 0.2, 0.4, 0.6000000000000001, 0.8, 1}},
		{0, 0, true, []float64{0, 1}},
		{-3, 7, true, []float64{-4, -2, 0, 2, 4, 6, 8}},
		{0, 1250, true, []float64{0, 500, 1000, 1500}},
		{-1e308, 1e308, true, []float64{-1e308, 1e308}},
	}
	for _, tt := range tests {
		if got := ticks(tt.lo, tt.hi, tt.integral); !slices.Equal(got, tt.want) {
			t.Errorf("ticks(%v, %v, %v) = %v, want %v", tt.lo, tt.hi, tt.integral, got, tt.want)
		}
	}
}

// svgElements are the elements a picture may hold.
var svgElements = []string{"svg", "title", "rect", "line", "text", "path", "circle"}

// checkSVG parses a picture as XML and checks that it is a standalone SVG of the elements
// above, with no event attribute and no reference to anything outside it. It returns the
// texts of its title and text elements.
func checkSVG(t *testing.T, svg []byte) []string {
	t.Helper()
	if strings.Contains(string(svg), "NaN") || strings.Contains(string(svg), "Inf") {
		t.Errorf("a coordinate out of numbers:\n%s", svg)
	}
	dec := xml.NewDecoder(strings.NewReader(string(svg)))
	var texts []string
	var inText bool
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if !slices.Contains(svgElements, tok.Name.Local) || tok.Name.Space != "http://www.w3.org/2000/svg" {
				t.Errorf("element %v in the picture", tok.Name)
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(a.Name.Local, "on") || a.Name.Local == "href" || strings.Contains(a.Value, "url(") || strings.Contains(a.Value, "javascript:") {
					t.Errorf("attribute %s=%q on <%s>", a.Name.Local, a.Value, tok.Name.Local)
				}
			}
			inText = tok.Name.Local == "text" || tok.Name.Local == "title"
			if inText {
				texts = append(texts, "")
			}
		case xml.CharData:
			if inText {
				texts[len(texts)-1] += string(tok)
			}
		case xml.EndElement:
			inText = false
		}
	}
	return texts
}

func between(s, start, end string) string {
	_, after, _ := strings.Cut(s, start)
	before, _, _ := strings.Cut(after, end)
	return before
}
