package generator_test

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/sitetest"
	"github.com/dangjian/dangjian/layouts"
)

const chartSite = `
-- site.yaml --
title: 图表
lecture_forms: [党课]
metrics:
  - {key: party_lectures, label: 党课, unit: 次, count: {type: lecture, form: 党课}}
  - {key: members, label: 党员人数, unit: 名}
charts:
  - {key: education, title: 教育培训, type: bar, metrics: [party_lectures]}
  - {key: people, title: 党员队伍, type: line, metrics: [members]}
-- content/lectures/a.md --
---
title: 一
date: 2016-03-01
form: 党课
---
-- content/lectures/b.md --
---
title: 二
date: 2016-04-01
form: 党课
---
-- content/reports/2016.md --
---
title: 2016年报告
date: 2016-12-31
year: 2016
metrics: {members: 300}
---
-- content/reports/2015.md --
---
title: 2015年报告
date: 2015-12-31
year: 2015
metrics: {members: 280, party_lectures: 7}
---
-- content/lecture-hall/a.md --
---
title: 讲堂
date: 2016-07-15
attendance: 120
---
`

func TestDashboardAndReportCharts(t *testing.T) {
	s := sitetest.New(t, chartSite)
	s.Build()
	s.AssertFile("public/index.html",
		`id="chart-education"`, `id="chart-people"`,
		`<tr><th scope="row">2015</th><td>7</td></tr>`, // declared
		`<tr><th scope="row">2016</th><td>2</td></tr>`, // counted
		`<script src="assets/charts.js"></script>`)
	// A report charts its own year only.
	s.AssertFile("public/reports/2016/index.html", `id="chart-people"`, `<tr><th scope="row">2016</th><td>300</td></tr>`, "! <th scope=\"row\">2015</th>",
		`<script src="../../assets/charts.js"></script>`)
	s.AssertFile("public/lecture-hall/index.html", `id="chart-hall-events"`, `id="chart-hall-attendance"`, "<td>120</td>")
	// Pages without a chart load no script.
	s.AssertFile("public/lectures/a/index.html", "! charts.js")
	s.AssertExists("public/assets/charts.js")
	s.AssertFile("public/assets/charts.js", "echarts", "data-chart-for")
}

// TestChartScriptKnownBeforeLayout checks that a page knows whether it needs the script that
// draws charts before its layout draws any: a site's own baseof.html may ask in its head.
func TestChartScriptKnownBeforeLayout(t *testing.T) {
	s := sitetest.New(t, chartSite)
	base, err := fs.ReadFile(layouts.Default, "baseof.html")
	if err != nil {
		t.Fatal(err)
	}
	s.Write("layouts/baseof.html", strings.Replace(string(base), "</head>", `{{ if .NeedsCharts }}<script defer src="{{ .Asset "charts.js" }}"></script>{{ end }}`+"\n</head>", 1))
	s.Write("content/activities/x.md", "---\ntitle: 有图\ndate: 2016-01-01\n---\n```chart\nmetrics: [members]\n```\n")
	s.Build()
	for file, script := range map[string]string{
		"public/index.html":                `<script defer src="assets/charts.js"></script>`,
		"public/reports/2016/index.html":   `<script defer src="../../assets/charts.js"></script>`,
		"public/lecture-hall/index.html":   `<script defer src="../assets/charts.js"></script>`,
		"public/activities/x/index.html":   `<script defer src="../../assets/charts.js"></script>`,
		"public/lectures/a/index.html":     "! charts.js",
		"public/lecture-hall/a/index.html": "! charts.js",
	} {
		s.AssertFile(file, script)
	}
}

func TestChartBlock(t *testing.T) {
	s := sitetest.New(t, chartSite)
	s.Write("content/activities/x.md", "---\ntitle: 有图\ndate: 2016-01-01\n---\n正文\n\n```chart\ntitle: 两年党课\ntype: line\nmetrics: [party_lectures]\nfrom: 2015\n```\n")
	s.Build()
	s.AssertFile("public/activities/x/index.html", `<figcaption>两年党课</figcaption>`, `id="chart-1"`, `"type":"line"`,
		`<script src="../../assets/charts.js"></script>`, "! ```")
}

func TestChartBlockProblems(t *testing.T) {
	s := sitetest.New(t, chartSite)
	s.Write("content/activities/x.md", strings.Join([]string{
		"---", "title: 有图", "date: 2016-01-01", "---",
		"```chart", "type: donut", "metrics: [party_lecture, members]", "```", "",
		"```chart", "metrics: 党课", "colour: red", "```", "",
		"```chart", "metrics: [", "```", "",
	}, "\n"))
	problems := s.BuildFails()
	sitetest.AssertProblems(t, problems,
		`content/activities/x.md:6:7: chart: type: want bar, line or pie, got "donut"`,
		`content/activities/x.md:7:11: chart: unknown metric "party_lecture"; did you mean "party_lectures"?`,
		`content/activities/x.md:11:10: chart: metrics: want a list, got "党课"`,
		`content/activities/x.md:12:1: chart: unknown key "colour"`,
		`content/activities/x.md:16:1: chart: invalid YAML: did not find expected node content`,
	)
}

func TestMetricDisagreementWarns(t *testing.T) {
	s := sitetest.New(t, chartSite)
	s.Write("content/reports/2016.md", "---\ntitle: 2016年报告\ndate: 2016-12-31\nyear: 2016\nmetrics: {members: 300, party_lectures: 20}\n---\n")
	rep := s.Build()
	sitetest.AssertProblems(t, rep.Warnings, `content/reports/2016.md:5:1: warning: metric party_lectures for 2016: declared 20, but its rule count: {type: lecture, form: 党课} counts 2 from content/lectures/a.md, content/lectures/b.md; the site shows 20`)
	s.AssertFile("public/index.html", `<tr><th scope="row">2016</th><td>20</td></tr>`)
}
