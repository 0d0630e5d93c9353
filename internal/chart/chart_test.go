package chart

import (
	"strings"
	"testing"
	"time"

	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/frontmatter"
	"github.com/dangjian/dangjian/internal/golden"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/metric"
	"github.com/dangjian/dangjian/internal/page"
)

// drawerOf returns a Drawer of metrics with each year's values as a report declares them.
func drawerOf(t testing.TB, metrics []config.Metric, values map[int]map[string]float64) *Drawer {
	t.Helper()
	var reports []*page.Page
	for year, declared := range values {
		reports = append(reports, &page.Page{Doc: frontmatter.Doc{Kind: kinds.TypeReport, Matter: kinds.Matter{Common: kinds.Common{Date: time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)},
			Report: &kinds.Report{Year: year, Metrics: declared}}}})
	}
	table, problems := metric.Compute(&config.Site{Metrics: metrics}, reports)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	return New(table, "年度", "合计")
}

// drawer draws two metrics over two years; label names the first.
func drawer(t testing.TB, label string) *Drawer {
	t.Helper()
	return drawerOf(t, []config.Metric{
		{Key: "lectures", Label: label, Unit: "次"},
		{Key: "members", Label: "党员", Unit: "名"},
	}, map[int]map[string]float64{
		2015: {"lectures": 18, "members": 290},
		2016: {"lectures": 20, "members": 300},
	})
}

func TestDraw(t *testing.T) {
	d := drawer(t, "党课")
	for _, kind := range Kinds {
		t.Run(kind, func(t *testing.T) {
			spec := Spec{ID: "chart-edu", Title: "教育", Kind: kind, Metrics: []string{"lectures", "members"}}
			fig, err := d.Draw(spec)
			if err != nil {
				t.Fatal(err)
			}
			html := string(fig)
			for _, want := range []string{
				`<figure class="chart" ` + Marker + ">", `id="chart-edu"`, `data-chart-for="chart-edu"`, `"type":"` + kind + `"`,
				`<th scope="col">党课（次）</th>`, `<tr><th scope="row">2016</th><td>20</td><td>300</td></tr>`,
			} {
				if !strings.Contains(html, want) {
					t.Errorf("no %q in\n%s", want, html)
				}
			}
			// The whole figure, go-echarts' options included, which change with the order
			// in which they are given.
			golden.Check(t, "testdata/"+kind+".html", []byte(html))
			// The same spec draws the same bytes: no random IDs.
			again, _ := d.Draw(spec)
			if again != fig {
				t.Errorf("two draws differ")
			}
		})
	}
	pie, _ := d.Draw(Spec{ID: "p", Kind: "pie", Metrics: []string{"lectures"}})
	if !strings.Contains(string(pie), `{"name":"党课","value":38}`) {
		t.Errorf("a pie sums its years: %s", pie)
	}
	one, _ := d.Draw(Spec{ID: "y", Kind: "bar", Metrics: []string{"lectures"}, Years: []int{2016}})
	if strings.Contains(string(one), "2015") {
		t.Errorf("a chart of 2016 shows 2015: %s", one)
	}
	if _, err := d.Draw(Spec{ID: "x", Kind: "bar", Metrics: []string{"nope"}}); err == nil {
		t.Errorf("unknown metric: no error")
	}
}

func TestDrawEscapesScript(t *testing.T) {
	d := drawer(t, `党课</script><script>alert("x")</script>`)
	fig, err := d.Draw(Spec{ID: "c", Title: "</script>", Kind: "bar", Metrics: []string{"lectures"}})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(fig), "</script>"); n != 1 {
		t.Errorf("the figure has %d </script>, want 1 (its own):\n%s", n, fig)
	}
	if !strings.Contains(string(fig), `\u003c/script\u003e`) {
		t.Errorf("the label is not escaped in the JSON:\n%s", fig)
	}
}
