// Package metric computes the site's yearly figures: each metric of site.yaml, per year,
// counted or summed from pages by its rule, or declared by the year's report page. A declared
// value wins over a counted one; where both exist and differ, it says so.
package metric

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/page"
)

// Value is one metric in one year.
type Value struct {
	Counted     float64
	HasCounted  bool
	Sources     []string // the pages counted or summed, by file
	Declared    float64
	HasDeclared bool
	DeclaredBy  string // the report page that declares the value
}

// Final is the value shown: the declared one when a report gives it, else the counted one.
func (v *Value) Final() float64 {
	if v.HasDeclared {
		return v.Declared
	}
	return v.Counted
}

// Series is one metric across the years.
type Series struct {
	Metric config.Metric
	Years  map[int]*Value
}

// Get returns the value of a year, and whether there is one.
func (s *Series) Get(year int) (float64, bool) {
	v, ok := s.Years[year]
	if !ok {
		return 0, false
	}
	return v.Final(), true
}

// Table holds every metric of the site.
type Table struct {
	series map[string]*Series
	order  []string // the metrics' keys in the order site.yaml lists them
}

// Series returns the series of a metric key, or nil.
func (t *Table) Series(key string) *Series { return t.series[key] }

// Keys returns the metric keys in the order site.yaml lists them.
func (t *Table) Keys() []string { return t.order }

// Years returns the years in which any of the given metrics has a value, in order.
func (t *Table) Years(keys ...string) []int {
	years := map[int]bool{}
	for _, k := range keys {
		if s := t.series[k]; s != nil {
			for y := range s.Years {
				years[y] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(years))
}

// SameValues reports whether two tables give the same value of the same metrics in each year:
// then a chart of one draws as a chart of the other.
func (t *Table) SameValues(o *Table) bool {
	if !slices.Equal(t.order, o.order) {
		return false
	}
	for key, s := range t.series {
		other := o.series[key].Years
		if len(s.Years) != len(other) {
			return false
		}
		for year, v := range s.Years {
			if ov, ok := other[year]; !ok || ov.Final() != v.Final() {
				return false
			}
		}
	}
	return true
}

// Compute computes every metric from the published pages. The problems it returns are warnings
// where a report declares a value that differs from the counted one.
func Compute(site *config.Site, pages []*page.Page) (*Table, diag.List) {
	t := &Table{series: map[string]*Series{}}
	for _, m := range site.Metrics {
		t.series[m.Key] = &Series{Metric: m, Years: map[int]*Value{}}
		t.order = append(t.order, m.Key)
	}
	for _, p := range pages {
		for _, key := range t.order {
			s := t.series[key]
			if n, ok := s.measure(p); ok {
				v := s.at(p.Year())
				v.Counted += n
				v.HasCounted = true
				v.Sources = append(v.Sources, p.File)
			}
		}
	}
	var problems diag.List
	for _, p := range pages {
		if p.Report == nil {
			continue
		}
		year := p.ReportYear()
		for _, key := range slices.Sorted(maps.Keys(p.Report.Metrics)) {
			s := t.series[key]
			if s == nil {
				continue // reported by validate
			}
			v := s.at(year)
			if v.HasDeclared {
				problems.Errorf(p.Pos("metrics"), msg.MetricTwice, key, strconv.Itoa(year), v.DeclaredBy)
				continue
			}
			v.Declared, v.HasDeclared, v.DeclaredBy = p.Report.Metrics[key], true, p.File
			if s.Metric.Count != nil || s.Metric.Sum != nil {
				if v.Declared != v.Counted {
					problems.Add(v.disagreement(p.Pos("metrics"), s.Metric, year))
				}
			}
		}
	}
	return t, problems
}

// disagreement warns at pos that a declared value differs from what the metric's rule counts,
// naming the rule and the pages counted. Years are text: a printer writes numbers with a
// separator, 2,016.
func (v *Value) disagreement(pos diag.Position, m config.Metric, year int) diag.Problem {
	var from any = msg.New(msg.NoPageOf, strconv.Itoa(year))
	if len(v.Sources) > 0 {
		sources := slices.Sorted(slices.Values(v.Sources))
		from = msg.Items(sources[:min(3, len(sources))])
		if more := len(sources) - 3; more > 0 {
			from = msg.New(msg.AndMore, from, more)
		}
	}
	return diag.Warningf(pos, msg.MetricDisagrees,
		m.Key, strconv.Itoa(year), Format(v.Declared), m.RuleString(), Format(v.Counted), from, Format(v.Declared))
}

func (s *Series) at(year int) *Value {
	v, ok := s.Years[year]
	if !ok {
		v = &Value{}
		s.Years[year] = v
	}
	return v
}

// measure returns what a page adds to the metric: 1 for a count rule it matches, the field's
// number for a sum rule.
func (s *Series) measure(p *page.Page) (float64, bool) {
	rule := s.Metric.Count
	if rule == nil {
		rule = s.Metric.Sum
	}
	if rule == nil || p.Kind != rule.Type || !matches(rule, p) {
		return 0, false
	}
	if s.Metric.Count != nil {
		return 1, true
	}
	return p.Sum(rule.Field)
}

// matches reports whether a page has every value a rule asks for.
func matches(r *config.Rule, p *page.Page) bool {
	if r.Branch != "" && r.Branch != p.Branch {
		return false
	}
	if r.Form != "" && (p.Lecture == nil || p.Lecture.Form != r.Form) {
		return false
	}
	if r.Category != "" && (p.Project == nil || p.Project.Category != r.Category) {
		return false
	}
	if r.Status != "" && (p.Project == nil || p.Project.Status != r.Status) {
		return false
	}
	return true
}

// Format writes a figure without a needless fraction: 20, not 20.000000.
func Format(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", f), "0"), ".")
}
