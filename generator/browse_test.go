package generator_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/sitetest"
)

func TestTaxonomies(t *testing.T) {
	s := sitetest.New(t, basicSite)
	s.Write("content/activities/2015.md", "---\ntitle: 旧活动\ndate: 2015-05-01\nbranch: 检修部党支部\ntags: [红色, 两学一做]\n---\n")
	s.Build()
	s.AssertFile("public/years/index.html", `<a href="2016/index.html">2016</a> <small>6</small>`, `<a href="2015/index.html">2015</a> <small>1</small>`)
	s.AssertFile("public/years/2015/index.html", "<h1>2015</h1>", "旧活动", "! 红色党课")
	// Branches follow site.yaml's order; a term's page lists its pages, newest first.
	branches := s.Read("public/branches/index.html")
	if strings.Index(branches, "机关党支部") > strings.Index(branches, "检修部党支部") {
		t.Errorf("branches not in site.yaml's order:\n%s", branches)
	}
	s.AssertFile("public/forms/党课/index.html", "红色党课", "! 讲政治")
	s.AssertFile("public/categories/攻坚/index.html", "攻坚项目")
	// Tags are ordered by use; a page links its tags, branch, form and year relatively.
	s.AssertFile("public/tags/index.html", `<a href="%e7%ba%a2%e8%89%b2/index.html">红色</a> <small>2</small>`)
	s.AssertFile("public/lectures/hongse-dangke/index.html",
		`href="../../tags/%e7%ba%a2%e8%89%b2/index.html">红色</a>`,
		`href="../../branches/%e6%9c%ba%e5%85%b3%e5%85%9a%e6%94%af%e9%83%a8/index.html">机关党支部</a>`,
		`href="../../forms/%e5%85%9a%e8%af%be/index.html">党课</a>`,
		`href="../../years/2016/index.html"><time`)
	s.AssertFile("public/tags/红色/index.html", "<h1>红色</h1>", `<a href="../../index.html">首页</a>`, `<a href="../index.html">标签</a>`)
}

func TestTaxonomyPagination(t *testing.T) {
	files := "-- site.yaml --\ntitle: T\npage_size: 2\n"
	for i := 1; i <= 5; i++ {
		files += fmt.Sprintf("-- content/activities/a%d.md --\n---\ntitle: 活动%d\ndate: 2016-01-0%d\ntags: [多]\n---\n", i, i, i)
	}
	s := sitetest.New(t, files)
	s.Build()
	s.AssertFile("public/tags/多/index.html", "活动5", "活动4", "! 活动3", `href="page/2/index.html">`)
	s.AssertFile("public/tags/多/page/3/index.html", "活动1", "3 / 3", `href="../2/index.html">`)
	s.AssertFile("public/activities/page/2/index.html", "活动3", "活动2", "! 活动1")
}

func TestTaxonomyClash(t *testing.T) {
	s := sitetest.New(t, basicSite)
	s.Write("content/tags/_index.md", "---\ntitle: 我的标签\n---\n")
	sitetest.AssertProblems(t, s.BuildFails(), "content/tags/_index.md:1:1: URL /tags/ is also the tags page that dangjian writes: rename this folder or page")
}

func TestSitemapFeedRobots(t *testing.T) {
	s := sitetest.New(t, basicSite)
	s.Build()
	s.AssertFile("public/sitemap.xml",
		"<loc>https://intranet.example/dangjian/</loc>",
		// A page's lastmod is when its file changed (here, outside git, the file's own date).
		"<loc>https://intranet.example/dangjian/lecture-hall/ai-de-chuan-di/</loc>\n    <lastmod>",
		"<loc>https://intranet.example/dangjian/lectures/%E4%B8%93%E9%A2%98%E8%AE%A8%E8%AE%BA/</loc>",
		"<loc>https://intranet.example/dangjian/tags/</loc>")
	s.AssertFile("public/atom.xml",
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">`,
		"<updated>", "<title>2016年度报告</title>",
		`<link href="https://intranet.example/dangjian/reports/2016/"></link>`)
	s.AssertFile("public/robots.txt", "User-agent: *", "Sitemap: https://intranet.example/dangjian/sitemap.xml")
	s.AssertFile("public/index.html", `<link rel="alternate" type="application/atom+xml" title="测试党建" href="atom.xml">`)

	// --base-url changes the absolute URLs only.
	cfg := s.Config()
	cfg.BaseURL = "http://localhost:8080/sub/"
	s.Build(cfg)
	s.AssertFile("public/sitemap.xml", "<loc>http://localhost:8080/sub/reports/2016/</loc>", "! intranet.example")

	// Without a base URL there is nothing to make absolute URLs from.
	bare := sitetest.New(t, "-- site.yaml --\ntitle: T\n")
	bare.Build()
	bare.AssertExists("public/robots.txt", "! public/sitemap.xml", "! public/atom.xml")
	bare.AssertFile("public/robots.txt", "! Sitemap")
}

func TestLectureHallPage(t *testing.T) {
	s := sitetest.New(t, basicSite)
	s.Write("content/lecture-hall/ai-de-chuan-di/现场合影.jpg", "GIF89a")
	s.Write("content/lecture-hall/other.md", "---\ntitle: 另一场\ndate: 2015-03-01\ntheme: 孝老爱亲\n---\n")
	s.Write("content/lecture-hall/third.md", "---\ntitle: 第三场\ndate: 2016-08-01\ntheme: 诚信\n---\n")
	s.Build()
	s.AssertFile("public/lecture-hall/ai-de-chuan-di/index.html",
		// The gallery shows the bundle's photos but its cover, with alt text and lazy loading.
		`<a href="#photo-0"><img src="%e7%8e%b0%e5%9c%ba%e5%90%88%e5%bd%b1.jpg" alt="现场合影" loading="lazy"></a>`,
		`<div class="lightbox" id="photo-0">`,
		"! #photo-1",
		// Related events: the same theme first, then the nearest in time.
		`<section class="related"><h2>相关活动</h2><ul><li><a href="../other/index.html">另一场</a>`)
	// The lecture-hall index groups its events by year.
	s.AssertFile("public/lecture-hall/index.html", `<h2 class="year">2016年</h2>`, `<h2 class="year">2015年</h2>`)
}
