package articles

import (
	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/chart"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/page"
)

// siteCharts is the ChartsFunc of the site's own charts, drawn as SVG and PNG pictures by
// package chart:
// for a report, site.yaml's charts of its year, as its page shows them; then, for any page,
// the charts of its body's chart blocks, as converted, which take the blocks' places in the
// article.
func siteCharts(site *generator.Site) ChartsFunc {
	d, converted := site.Charts(), site.Converted()
	return func(model *page.Site, p *page.Page, words func(string) string) ([]Chart, error) {
		var specs []chart.Spec
		if p.Report != nil {
			specs = chart.SiteSpecs(model.Config.Charts, []int{p.ReportYear()})
		}
		inBody := len(specs)
		specs = append(specs, converted.Of(p).Charts...)
		charts := make([]Chart, len(specs))
		for i, spec := range specs {
			svg, err := d.SVG(spec)
			if err != nil {
				return nil, msg.New(msg.ChartOf, spec.ID, err)
			}
			png, err := d.PNG(spec, words)
			if err != nil {
				return nil, msg.New(msg.ChartOf, spec.ID, err)
			}
			table, err := d.DataTable(spec)
			if err != nil {
				return nil, msg.New(msg.ChartOf, spec.ID, err)
			}
			charts[i] = Chart{Title: spec.Title, SVG: svg, PNG: png, Table: string(table), InBody: i >= inBody}
		}
		return charts, nil
	}
}
