package generator_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/sitetest"
)

// incrementalSite has enough pages for lists of several pages and for neighbours to matter,
// and a second lecture of the form that site.yaml's chart counts.
func incrementalSite(t *testing.T) *sitetest.Site {
	files := basicSite + "-- extra/ --\n"
	s := sitetest.New(t, strings.Replace(files, "title: 测试党建\n", "title: 测试党建\npage_size: 2\n", 1))
	for i := 1; i <= 7; i++ {
		s.Write(fmt.Sprintf("content/lecture-hall/e%d.md", i), fmt.Sprintf("---\ntitle: 讲堂%d\ndate: 2016-0%d-10\ntheme: 主题%d\ntags: [讲堂, 第%d组]\nattendance: %d\n---\n第%d场。\n", i, i, i%2, i%3, 10*i, i))
	}
	s.Write("content/lectures/l2.md", "---\ntitle: 第二课\ndate: 2016-02-01\nform: 党课\n---\n正文。\n")
	// Two pages whose slugs a change swaps, and a page that links to one of them by its file.
	s.Write("content/activities/a.md", "---\ntitle: 甲\ndate: 2016-04-01\nslug: jia\n---\n甲。\n")
	s.Write("content/activities/b.md", "---\ntitle: 乙\ndate: 2016-04-02\nslug: yi\n---\n乙。\n")
	s.Write("content/activities/c.md", "---\ntitle: 丙\ndate: 2016-04-03\n---\n见[甲](a.md)。\n")
	return s
}

// TestReloadMatchesFullBuild changes the site in many ways and checks, each time, that
// reloading and rewriting only the affected files gives exactly what a full build gives.
func TestReloadMatchesFullBuild(t *testing.T) {
	// site.yaml with another title.
	renamed := strings.Replace(incrementalSite(t).Read("site.yaml"), "测试党建", "新站名", 1)
	changes := []struct {
		name  string
		edits []edit // made together, as one save of several files
	}{
		{"body of a page", one("content/lecture-hall/e3.md", "---\ntitle: 讲堂3\ndate: 2016-03-10\ntheme: 主题1\ntags: [讲堂, 第0组]\nattendance: 30\n---\n改过的正文。\n")},
		{"title, date and tags of a page", one("content/lecture-hall/e3.md", "---\ntitle: 新标题\ndate: 2016-09-01\ntheme: 主题1\ntags: [新标签]\nattendance: 99\n---\n正文。\n")},
		{"a new page", one("content/activities/new.md", "---\ntitle: 新活动\ndate: 2016-05-05\ntags: [红色]\n---\n见[红色党课](/lectures/hongse-dangke/)。\n")},
		{"a deleted page", one("content/lecture-hall/e5.md", "")},
		{"a bundle's photo", one("content/lecture-hall/ai-de-chuan-di/photo.png", "GIF89a NEW")},
		{"a static file", one("static/images/logo.png", "NEW LOGO")},
		// The tag's index counts one page more, on as many pages as before.
		{"a tag added to a page", one("content/lectures/hongse-dangke.md", "---\ntitle: 红色党课\ndate: 2016-06-01\nform: 党课\nbranch: 机关党支部\ntags: [党课, 红色, 讲堂]\n---\n正文。\n")},
		// Each case below changes only what some pages show of another: its title (its
		// neighbours, the home page), its theme (the events that list it as related), the
		// figures of site.yaml's chart (the report).
		{"the title of a lecture", one("content/lectures/专题讨论/讲政治.md", "---\ntitle: 新题目\ndate: 2016-03-01\nform: 专题讨论\n---\n讨论。\n")},
		{"the theme of an event", one("content/lecture-hall/e5.md", "---\ntitle: 讲堂5\ndate: 2016-05-10\ntheme: 主题0\ntags: [讲堂, 第2组]\nattendance: 50\n---\n第5场。\n")},
		{"the form of a lecture", one("content/lectures/hongse-dangke.md", "---\ntitle: 红色党课\ndate: 2016-06-01\nform: 专题讨论\nbranch: 机关党支部\nvenue: 纪念馆\ntags: [党课, 红色]\n---\n正文。\n")},
		{"a report's figures", one("content/reports/2016.md", "---\ntitle: 2016年度报告\ndate: 2016-12-31\nyear: 2016\nmetrics: {members: 310}\n---\n报告。\n")},
		// The lecture hall's index charts the attendance of every event, those on its other
		// pages too.
		{"the attendance of an event on the hall's last page", one("content/lecture-hall/e1.md", "---\ntitle: 讲堂1\ndate: 2016-01-10\ntheme: 主题1\ntags: [讲堂, 第1组]\nattendance: 11\n---\n第1场。\n")},
		// A list shows its _index.md's body on each of its pages.
		{"the body of a section's _index.md", one("content/lectures/_index.md", "---\ntitle: 党课与讲座\n---\n新的导语。\n")},
		// A section's title is in the menu of every page.
		{"the title of a section", one("content/lectures/_index.md", "---\ntitle: 党课\n---\n")},
		{"site.yaml", one("site.yaml", renamed)},
		// Two pages that swap their slugs publish the same files, but a link to either leads
		// to the other now: the pages that link to them must be converted again.
		{"two pages swapping their slugs", []edit{
			{"content/activities/a.md", "---\ntitle: 甲\ndate: 2016-04-01\nslug: yi\n---\n甲。\n"},
			{"content/activities/b.md", "---\ntitle: 乙\ndate: 2016-04-02\nslug: jia\n---\n乙。\n"},
		}},
	}
	for _, c := range changes {
		t.Run(c.name, func(t *testing.T) {
			s := incrementalSite(t)
			cfg := generator.Config{Options: generator.Options{Source: s.Dir, NoGit: true}}
			ctx := context.Background()
			prev, problems := generator.Load(ctx, cfg)
			if problems.HasErrors() {
				t.Fatal(problems)
			}
			mem := generator.NewMemory()
			if err := prev.Write(ctx, mem); err != nil {
				t.Fatal(err)
			}
			var files []string
			for _, e := range c.edits {
				if e.content == "" {
					s.Remove(e.file)
				} else {
					s.Write(e.file, e.content)
				}
				files = append(files, e.file)
			}
			next, problems := prev.Reload(ctx, files)
			if problems.HasErrors() {
				t.Fatal(problems)
			}
			written, err := next.Update(ctx, mem, prev, files)
			if err != nil {
				t.Fatal(err)
			}

			full, problems := generator.Load(ctx, cfg)
			if problems.HasErrors() {
				t.Fatal(problems)
			}
			want := generator.NewMemory()
			if err := full.Write(ctx, want); err != nil {
				t.Fatal(err)
			}
			if got, wantNames := mem.Names(), want.Names(); strings.Join(got, "\n") != strings.Join(wantNames, "\n") {
				t.Fatalf("files differ from a full build:\n got %v\nwant %v", got, wantNames)
			}
			for _, name := range want.Names() {
				a, _ := mem.Get(name)
				b, _ := want.Get(name)
				if string(a) != string(b) {
					t.Errorf("%s differs from a full build", name)
				}
			}
			t.Logf("%d of %d files rewritten", len(written), len(want.Names()))
		})
	}
}

// edit is a file written anew, or removed when content is "".
type edit struct{ file, content string }

func one(file, content string) []edit { return []edit{{file, content}} }

func TestReloadRewritesLittle(t *testing.T) {
	s := incrementalSite(t)
	cfg := generator.Config{Options: generator.Options{Source: s.Dir, NoGit: true}}
	ctx := context.Background()
	prev, _ := generator.Load(ctx, cfg)
	mem := generator.NewMemory()
	if err := prev.Write(ctx, mem); err != nil {
		t.Fatal(err)
	}
	s.Write("content/projects/gongjian.md", "---\ntitle: 攻坚项目\ndate: 2016-05-01\ncategory: 攻坚\nstatus: done\nmembers: [张三, 李四]\n---\n只改了正文。\n")
	next, _ := prev.Reload(ctx, []string{"content/projects/gongjian.md"})
	written, err := next.Update(ctx, mem, prev, []string{"content/projects/gongjian.md"})
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, name := range written {
		// Nor do the reports, whose charts show the same figures.
		if strings.HasPrefix(name, "lecture-hall/e") || strings.HasPrefix(name, "lectures/hongse-dangke") || strings.HasPrefix(name, "reports/") {
			t.Errorf("an edit of a project's body rewrote %s", name)
		}
		// The search index holds every page's text: it is always rewritten.
		if !strings.HasPrefix(name, "search/") {
			pages++
		}
	}
	if pages >= len(mem.Names())/3 {
		t.Errorf("an edit of one body rewrote %d of %d files", pages, len(mem.Names()))
	}
}
