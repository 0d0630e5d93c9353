package metric

import (
	"strings"
	"testing"
	"time"

	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/frontmatter"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/page"
)

func day(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

func TestCompute(t *testing.T) {
	site := &config.Site{Metrics: []config.Metric{
		{Key: "lectures", Label: "党课", Count: &config.Rule{Type: kinds.TypeLecture, Form: "党课"}},
		{Key: "attendance", Label: "人次", Sum: &config.Rule{Type: kinds.TypeLectureHall, Field: "attendance"}},
		{Key: "members", Label: "党员"},
	}}
	pages := []*page.Page{
		{Doc: frontmatter.Doc{File: "a.md", Kind: kinds.TypeLecture, Matter: kinds.Matter{Common: kinds.Common{Date: day("2015-03-01")}, Lecture: &kinds.Lecture{Form: "党课"}}}},
		{Doc: frontmatter.Doc{File: "b.md", Kind: kinds.TypeLecture, Matter: kinds.Matter{Common: kinds.Common{Date: day("2016-03-01")}, Lecture: &kinds.Lecture{Form: "党课"}}}},
		{Doc: frontmatter.Doc{File: "c.md", Kind: kinds.TypeLecture, Matter: kinds.Matter{Common: kinds.Common{Date: day("2016-04-01")}, Lecture: &kinds.Lecture{Form: "党课"}}}},
		{Doc: frontmatter.Doc{File: "d.md", Kind: kinds.TypeLecture, Matter: kinds.Matter{Common: kinds.Common{Date: day("2016-05-01")}, Lecture: &kinds.Lecture{Form: "专题讨论"}}}},
		{Doc: frontmatter.Doc{File: "e.md", Kind: kinds.TypeLectureHall, Matter: kinds.Matter{Common: kinds.Common{Date: day("2016-07-15")}, LectureHall: &kinds.LectureHall{Attendance: 200}}}},
		{Doc: frontmatter.Doc{File: "f.md", Kind: kinds.TypeLectureHall, Matter: kinds.Matter{Common: kinds.Common{Date: day("2016-09-01")}, LectureHall: &kinds.LectureHall{Attendance: 35}}}},
		{Doc: frontmatter.Doc{File: "r.md", Kind: kinds.TypeReport, Matter: kinds.Matter{Common: kinds.Common{Date: day("2016-12-31")}, Report: &kinds.Report{Year: 2016, Metrics: map[string]float64{"members": 300, "lectures": 20}}}}},
	}
	table, problems := Compute(site, pages)
	check := func(key string, year int, want float64, wantOK bool) {
		t.Helper()
		got, ok := table.Series(key).Get(year)
		if got != want || ok != wantOK {
			t.Errorf("%s %d = %v, %v; want %v, %v", key, year, got, ok, want, wantOK)
		}
	}
	check("lectures", 2015, 1, true)
	check("lectures", 2016, 20, true) // declared wins over the 2 counted
	check("attendance", 2016, 235, true)
	check("members", 2016, 300, true)
	check("members", 2015, 0, false)
	if years := table.Years("lectures", "members"); len(years) != 2 || years[0] != 2015 || years[1] != 2016 {
		t.Errorf("years %v", years)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].Text(msg.English), "warning: metric lectures for 2016: declared 20, but its rule count: {type: lecture, form: 党课} counts 2 from b.md, c.md; the site shows 20") {
		t.Errorf("problems: %v", problems)
	}
	if got, want := problems[0].Msg(msg.Chinese), "2016 年的指标 lectures：报告写的是 20，但按规则 count: {type: lecture, form: 党课} 算得 2（来自 b.md、c.md）；网站显示 20"; got != want {
		t.Errorf("in Chinese: %s, want %s", got, want)
	}
}

func TestDeclaredTwice(t *testing.T) {
	site := &config.Site{Metrics: []config.Metric{{Key: "members", Label: "党员"}}}
	report := func(file string) *page.Page {
		return &page.Page{Doc: frontmatter.Doc{File: file, Kind: kinds.TypeReport, Matter: kinds.Matter{Common: kinds.Common{Date: day("2016-12-31")}, Report: &kinds.Report{Year: 2016, Metrics: map[string]float64{"members": 1}}}}}
	}
	_, problems := Compute(site, []*page.Page{report("a.md"), report("b.md")})
	if !problems.HasErrors() || !strings.Contains(problems.Text(msg.English), "b.md:1:1: error: metric members for 2016 is declared twice: also by a.md") {
		t.Errorf("problems: %v", problems)
	}
}

func TestFormat(t *testing.T) {
	for in, want := range map[float64]string{20: "20", 2.5: "2.5", 0.126: "0.13", 100: "100", 0: "0"} {
		if got := Format(in); got != want {
			t.Errorf("Format(%v) = %q, want %q", in, got, want)
		}
	}
}

// TestSameValues checks that tables compare by the values they show: a declared value over a
// counted one, and a year with no value apart from a year with a zero.
func TestSameValues(t *testing.T) {
	site := &config.Site{Metrics: []config.Metric{
		{Key: "lectures", Label: "党课", Count: &config.Rule{Type: kinds.TypeLecture}},
		{Key: "members", Label: "党员"},
	}}
	lecture := func(date string) *page.Page {
		return &page.Page{Doc: frontmatter.Doc{File: date + ".md", Kind: kinds.TypeLecture, Matter: kinds.Matter{Common: kinds.Common{Date: day(date)}, Lecture: &kinds.Lecture{}}}}
	}
	report := func(members float64) *page.Page {
		return &page.Page{Doc: frontmatter.Doc{File: "r.md", Kind: kinds.TypeReport, Matter: kinds.Matter{Common: kinds.Common{Date: day("2016-12-31")},
			Report: &kinds.Report{Year: 2016, Metrics: map[string]float64{"members": members, "lectures": 2}}}}}
	}
	table := func(pages ...*page.Page) *Table {
		t, _ := Compute(site, pages)
		return t
	}
	base := table(lecture("2016-03-01"), report(300))
	for _, tc := range []struct {
		name  string
		other *Table
		same  bool
	}{
		{"the same pages", table(lecture("2016-03-01"), report(300)), true},
		{"another count under the same declared value", table(lecture("2016-03-01"), lecture("2016-04-01"), report(300)), true},
		{"another declared value", table(lecture("2016-03-01"), report(310)), false},
		{"a value in another year", table(lecture("2015-03-01"), lecture("2016-03-01"), report(300)), false},
		{"other metrics", func() *Table { t, _ := Compute(&config.Site{Metrics: site.Metrics[:1]}, nil); return t }(), false},
	} {
		if got := base.SameValues(tc.other); got != tc.same {
			t.Errorf("%s: SameValues = %v, want %v", tc.name, got, tc.same)
		}
	}
}
