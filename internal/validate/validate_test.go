package validate

import (
	"testing"

	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/frontmatter"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/msg"
)

// TestValuesAsTheSiteWritesThem checks that a value site.yaml lists, written in the other
// script or with other variants of its characters, and a status written by one of its names,
// pass, and reach the model as site.yaml and kinds write them.
func TestValuesAsTheSiteWritesThem(t *testing.T) {
	site, problems := config.Parse([]byte("title: 測試\nscript: traditional\nbranches: [機關黨支部]\nlecture_forms: [黨課, 專題討論]\nproject_categories: [節約挖潛, 羣眾路線]\n"))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	tests := []struct {
		name, kind, matter string
		want               func(d *frontmatter.Doc) string // the value as the model holds it
		value              string
	}{
		{"a form in simplified characters", kinds.TypeLecture, "form: 专题讨论\nbranch: 机关党支部", func(d *frontmatter.Doc) string { return d.Lecture.Form + d.Branch }, "專題討論機關黨支部"},
		{"a category in simplified characters", kinds.TypeProject, "category: 节约挖潜", func(d *frontmatter.Doc) string { return d.Project.Category }, "節約挖潛"},
		{"a category with another variant", kinds.TypeProject, "category: 群眾路線", func(d *frontmatter.Doc) string { return d.Project.Category }, "羣眾路線"},
		{"a status in simplified characters", kinds.TypeProject, "status: 进行中", func(d *frontmatter.Doc) string { return d.Project.Status }, "active"},
		{"a status in traditional characters", kinds.TypeProject, "status: 計劃", func(d *frontmatter.Doc) string { return d.Project.Status }, "planned"},
		{"a status in either script", kinds.TypeProject, "status: 计劃中", func(d *frontmatter.Doc) string { return d.Project.Status }, "planned"},
		{"a status's key", kinds.TypeProject, "status: done", func(d *frontmatter.Doc) string { return d.Project.Status }, "done"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, problems := frontmatter.Parse("content/x.md", []byte("---\ntitle: 甲\ndate: 2016-01-01\n"+tt.matter+"\n---\n"), tt.kind, false)
			problems = append(problems, Doc(site, d)...)
			if len(problems) > 0 {
				t.Fatal(problems)
			}
			if got := tt.want(d); got != tt.value {
				t.Errorf("the model holds %q, want %q", got, tt.value)
			}
		})
	}
}

// TestMessages checks what a value site.yaml does not allow says, in Chinese and in English:
// the value as written, the list, and how to add it.
func TestMessages(t *testing.T) {
	site, problems := config.Parse([]byte("title: 测试\nlecture_forms: [党课, 专题讨论]\nmetrics:\n  - {key: members, label: 党员}\n"))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	tests := []struct {
		kind, matter string
		key          msg.Key
		zh, en       string
	}{
		{kinds.TypeLecture, "form: 红色党课", msg.NotListed,
			`content/x.md:4:1: 错误：form："红色党课" 不是 党课、专题讨论 之一；如果这是 form 的一个新值，请把它加到 site.yaml 的 lecture_forms 里，把第 2 行改成：lecture_forms: [党课, 专题讨论, 红色党课]`,
			`content/x.md:4:1: error: form: "红色党课" is not one of 党课, 专题讨论; if it is a new form, add it to lecture_forms in site.yaml, so that line 2 reads: lecture_forms: [党课, 专题讨论, 红色党课]`},
		{kinds.TypeLecture, "form: 专提讨论", msg.NotListedNear,
			`content/x.md:4:1: 错误：form："专提讨论" 不是 党课、专题讨论 之一；是不是要写 "专题讨论"？如果不是，而是 form 的一个新值，请把它加到 site.yaml 的 lecture_forms 里，把第 2 行改成：lecture_forms: [党课, 专题讨论, 专提讨论]`,
			`content/x.md:4:1: error: form: "专提讨论" is not one of 党课, 专题讨论; did you mean "专题讨论"? If not, and it is a new form, add it to lecture_forms in site.yaml, so that line 2 reads: lecture_forms: [党课, 专题讨论, 专提讨论]`},
		{kinds.TypeProject, "status: finished", msg.NotAStatus,
			`content/x.md:4:1: 错误：status："finished" 不是项目的状态：请写 计划中、进行中或已完成（planned、active、done）`,
			`content/x.md:4:1: error: status: "finished" is not a project's status: write 计划中, 进行中 or 已完成 (planned, active, done)`},
		{kinds.TypeReport, "year: 2017", msg.YearNotDateYear,
			`content/x.md:4:1: 错误：year 2017 与日期 2016-01-01 的年份不符：如果这是 2016 年的数字，请写 year: 2016；如果是 2017 年的，请把日期改到 2017 年`,
			`content/x.md:4:1: error: year 2017 is not the year of the date 2016-01-01: write year: 2016 if these are 2016's figures, or give a date in 2017 if they are 2017's`},
	}
	for _, tt := range tests {
		d, problems := frontmatter.Parse("content/x.md", []byte("---\ntitle: 甲\ndate: 2016-01-01\n"+tt.matter+"\n---\n"), tt.kind, false)
		problems = append(problems, Doc(site, d)...)
		if len(problems) != 1 || problems[0].Key != tt.key {
			t.Errorf("%s: got %v, want one %q", tt.matter, problems, tt.key)
			continue
		}
		if got := problems[0].Text(msg.Chinese); got != tt.zh || msg.EnglishIn(got) != "" {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.matter, got, tt.zh)
		}
		if got := problems[0].Text(msg.English); got != tt.en {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.matter, got, tt.en)
		}
	}
}
