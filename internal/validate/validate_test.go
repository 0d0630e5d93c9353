package validate

import (
	"testing"

	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/frontmatter"
	"github.com/dangjian/dangjian/internal/kinds"
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
