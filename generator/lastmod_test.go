package generator_test

import (
	"maps"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dangjian/dangjian/internal/gittest"
	"github.com/dangjian/dangjian/internal/sitetest"
)

// TestLastUpdated builds a site that is a git checkout: each page says when its file was last
// committed; with NoGit, when the file was last touched.
func TestLastUpdated(t *testing.T) {
	s := sitetest.New(t, basicSite)
	gittest.Init(t, s.Dir)
	gittest.Commit(t, s.Dir, "2016-06-28T23:30:00+08:00", "2016-06-28T23:30:00+08:00")
	s.Write("content/activities/liangxue-yizuo.md", "---\ntitle: 两学一做\ndate: 2016-04-01\n---\n改过。\n")
	gittest.Commit(t, s.Dir, "2016-09-01T10:00:00+08:00", "2016-09-02T10:00:00+08:00")
	touched := time.Date(2020, 2, 3, 12, 0, 0, 0, time.Local)
	if err := os.Chtimes(filepath.Join(s.Dir, "content/lectures/hongse-dangke.md"), touched, touched); err != nil {
		t.Fatal(err)
	}

	s.Build()
	s.AssertFile("public/lectures/hongse-dangke/index.html", `<p class="lastmod">最后更新：<time datetime="2016-06-28">2016年6月28日</time></p>`)
	s.AssertFile("public/activities/liangxue-yizuo/index.html", `最后更新：<time datetime="2016-09-01">2016年9月1日</time>`)
	s.AssertFile("public/lecture-hall/ai-de-chuan-di/index.html", `最后更新：<time datetime="2016-06-28">2016年6月28日</time>`)

	cfg := s.Config()
	cfg.NoGit = true
	s.Build(cfg)
	s.AssertFile("public/lectures/hongse-dangke/index.html", `最后更新：<time datetime="2020-02-03">2020年2月3日</time>`)
}

// TestLastUpdatedIsDeterministic builds two clones of one checkout, made at different times:
// the files' own dates differ, the output does not.
func TestLastUpdatedIsDeterministic(t *testing.T) {
	s := sitetest.New(t, basicSite)
	gittest.Init(t, s.Dir)
	gittest.Commit(t, s.Dir, "2016-06-28T23:30:00+08:00", "2016-06-28T23:30:00+08:00")
	clone := filepath.Join(t.TempDir(), "克隆 副本")
	gittest.Git(t, s.Dir, "clone", "-q", s.Dir, clone)
	old := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := os.Chtimes(filepath.Join(clone, "content/reports/2016.md"), old, old); err != nil {
		t.Fatal(err)
	}

	first, second := s.Config(), s.Config()
	first.Dest = filepath.Join(t.TempDir(), "one")
	second.Source, second.Dest = clone, filepath.Join(t.TempDir(), "two")
	s.Build(first)
	s.Build(second)
	if a, b := sitetest.Tree(t, first.Dest), sitetest.Tree(t, second.Dest); !maps.Equal(a, b) {
		t.Errorf("two clones of one commit build differently:\n%v\n%v", a, b)
	}
}
