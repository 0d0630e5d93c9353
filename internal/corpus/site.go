package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/dangjian/dangjian/internal/kinds"
)

// metric is a yearly figure of site.yaml; rule is its counting or summing rule, "" for one
// that reports declare.
type metric struct {
	key, label, unit, rule string
}

var metrics = []metric{
	{"party_lectures", "党课", "次", fmt.Sprintf("count: {type: %s, form: 党课}", kinds.TypeLecture)},
	{"warning_meetings", "警示教育大会", "次", fmt.Sprintf("count: {type: %s, form: 警示教育大会}", kinds.TypeLecture)},
	{"theme_activities", "主题活动", "次", fmt.Sprintf("count: {type: %s}", kinds.TypeActivity)},
	{"participants", "活动参加人次", "人次", fmt.Sprintf("sum: {type: %s, field: participants}", kinds.TypeActivity)},
	{"hall_events", "道德讲堂", "场", fmt.Sprintf("count: {type: %s}", kinds.TypeLectureHall)},
	{"hall_attendance", "道德讲堂参加人次", "人次", fmt.Sprintf("sum: {type: %s, field: attendance}", kinds.TypeLectureHall)},
	{"projects_done", "完成的项目", "个", fmt.Sprintf("count: {type: %s, status: done}", kinds.TypeProject)},
	{"saving_projects", "节约挖潜项目", "个", fmt.Sprintf("count: {type: %s, category: 节约挖潜}", kinds.TypeProject)},
	{"party_members", "党员人数", "名", ""},
	{"study_notes", "学习心得", "篇", ""},
}

// declared is the figure a year's report gives for a metric without a rule.
func (m metric) declared(r *rand.Rand, year int) int {
	if m.key == "party_members" { // grows a little every year
		return 300 + 7*(year-FirstYear) + r.IntN(5)
	}
	return 200 + r.IntN(800)
}

var charts = []struct {
	key, title, kind string
	metrics          []string
}{
	{"education", "教育培训", "bar", []string{"party_lectures", "warning_meetings", "hall_events"}},
	{"participation", "参加人次与党员队伍", "line", []string{"participants", "hall_attendance", "party_members"}},
	{"work", "工作构成", "pie", []string{"theme_activities", "projects_done", "saving_projects"}},
}

// siteYAML is the site's configuration, with every list, metric and chart the pages use.
func siteYAML(n int, seed uint64) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# A synthetic site of %d pages (seed %d), made up for tests and benchmarks.\n", n, seed)
	b.WriteString("title: 某发电公司党建工作\norganisation: 某发电公司\nbase_url: https://dangjian.example/\n")
	b.WriteString("language: zh-CN\nscript: " + kinds.Simplified + "\npage_size: 20\n")
	b.WriteString("branches:\n")
	for _, branch := range branches {
		b.WriteString("  - " + branch + "\n")
	}
	b.WriteString("lecture_forms: [" + strings.Join(lectureForms, ", ") + "]\n")
	b.WriteString("project_categories: [" + strings.Join(projectCategories, ", ") + "]\n")
	b.WriteString("metrics:\n")
	for _, m := range metrics {
		fmt.Fprintf(&b, "  - key: %s\n    label: %s\n    unit: %s\n", m.key, m.label, m.unit)
		if m.rule != "" {
			b.WriteString("    " + m.rule + "\n")
		}
	}
	b.WriteString("charts:\n")
	for _, c := range charts {
		fmt.Fprintf(&b, "  - {key: %s, title: %s, type: %s, metrics: [%s]}\n", c.key, c.title, c.kind, strings.Join(c.metrics, ", "))
	}
	b.WriteString("export: {title_max: 40, image_width: 800}\n")
	return b.String()
}

// indexPage is an _index.md: a list page's title and introduction.
func indexPage(title, intro string) string {
	return frontMatter([]field{{"title", title}}) + "\n" + intro + "\n"
}
