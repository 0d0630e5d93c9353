package generator_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/publish"
	"github.com/dangjian/dangjian/internal/sitetest"
)

// basicSite has one page of each type, a section folder, a bundle and a static file. The
// bundle's photo is the shortest file that reads as a picture and can be written as text: the
// signature of a GIF.
const basicSite = `
-- site.yaml --
title: 测试党建
organisation: 测试公司
base_url: https://intranet.example/dangjian/
branches: [机关党支部, 检修部党支部]
lecture_forms: [党课, 警示教育大会, 专题讨论]
project_categories: [攻坚]
metrics:
  - {key: party_lectures, label: 党课, unit: 次, count: {type: lecture, form: 党课}}
  - {key: members, label: 党员人数, unit: 名}
charts:
  - {key: education, title: 教育, type: bar, metrics: [party_lectures]}
-- content/_index.md --
---
title: 首页标题
---
欢迎。
-- content/lectures/_index.md --
---
title: 党课与讲座
---
-- content/lectures/hongse-dangke.md --
---
title: 红色党课
date: 2016-06-01
form: 党课
branch: 机关党支部
venue: 纪念馆
tags: [党课, 红色]
---
## 一、学习内容

见[两学一做](/activities/liangxue-yizuo/)和[源文件链接](../activities/liangxue-yizuo.md#做法)。
-- content/lectures/专题讨论/_index.md --
---
title: 专题讨论
---
-- content/lectures/专题讨论/讲政治.md --
---
title: 讲政治、有信仰
date: 2016-03-01
form: 专题讨论
---
讨论。
-- content/activities/liangxue-yizuo.md --
---
title: 两学一做
date: 2016-04-01T09:30:00+08:00
theme: 两学一做
participants: 120
---
## 做法

"直引号"保持原样，回到[首页](/)。
-- content/projects/gongjian.md --
---
title: 攻坚项目
date: 2016-05-01
category: 攻坚
status: done
members: [张三, 李四]
---
正文。
-- content/lecture-hall/ai-de-chuan-di/index.md --
---
title: 爱的传递
date: 2016-07-15
slug: ai-de-chuan-di
theme: 孝老爱亲
attendance: 200
cover: photo.png
segments:
  - {step: 唱一首歌, title: 《我的祖国》, detail: 齐唱}
  - {step: 讲一个故事, title: 照料母亲, detail: 职工讲述}
published:
  - {site: 甘肃文明网, url: "https://wenming.example/1.html", date: 2016-07-20}
promoted: [白银市]
awards: []
---
![现场](photo.png)
-- content/lecture-hall/ai-de-chuan-di/photo.png --
GIF89a
-- content/reports/2016.md --
---
title: 2016年度报告
date: 2016-12-31
year: 2016
metrics: {members: 300}
---
报告。
-- static/images/logo.png --
PNG
`

func TestBuildWritesEveryPageAndList(t *testing.T) {
	s := sitetest.New(t, basicSite)
	rep := s.Build()
	if rep.Pages != 6 {
		t.Errorf("pages: got %d, want 6", rep.Pages)
	}
	s.AssertExists(
		"public/index.html",
		"public/lectures/index.html",
		"public/lectures/hongse-dangke/index.html",
		"public/lectures/专题讨论/index.html",
		"public/lectures/专题讨论/讲政治/index.html",
		"public/activities/index.html",
		"public/activities/liangxue-yizuo/index.html",
		"public/projects/gongjian/index.html",
		"public/lecture-hall/index.html",
		"public/lecture-hall/ai-de-chuan-di/index.html",
		"public/lecture-hall/ai-de-chuan-di/photo.png",
		"public/reports/2016/index.html",
		"public/images/logo.png",
		"public/assets/style.css",
		"! public/lecture-hall/ai-de-chuan-di/index.md",
	)
	s.AssertFile("public/index.html", "<h1>测试党建</h1>", "欢迎。", "党课与讲座", `href="lectures/hongse-dangke/index.html"`)
	// The section lists every page under it, sub-folders included, newest first.
	s.AssertFile("public/lectures/index.html", "<h1>党课与讲座</h1>", `href="%e4%b8%93%e9%a2%98%e8%ae%a8%e8%ae%ba/index.html"`)
	list := s.Read("public/lectures/index.html")
	if strings.Index(list, "红色党课") > strings.Index(list, "讲政治、有信仰") {
		t.Errorf("lectures list is not newest first:\n%s", list)
	}
	s.AssertFile("public/lecture-hall/ai-de-chuan-di/index.html",
		"<h1>爱的传递</h1>", "孝老爱亲", "200", "唱一首歌", "《我的祖国》", "讲一个故事",
		`<a href="https://wenming.example/1.html">甘肃文明网</a>`, "白银市",
		`<img src="photo.png" alt="现场">`)
	s.AssertFile("public/reports/2016/index.html", "党员人数", "300")
	s.AssertFile("public/projects/gongjian/index.html", "张三、李四", "已完成")
}

func TestMarkdown(t *testing.T) {
	s := sitetest.New(t, basicSite)
	s.Build()
	s.AssertFile("public/lectures/hongse-dangke/index.html",
		// Heading IDs keep Chinese characters.
		`<h2 id="一学习内容">一、学习内容</h2>`,
		// Root-relative links and links to source files both come out relative.
		`<a href="../../activities/liangxue-yizuo/index.html">两学一做</a>`,
		`<a href="../../activities/liangxue-yizuo/index.html#%E5%81%9A%E6%B3%95">源文件链接</a>`,
	)
	// No typographic quotes; a link to the home page goes to its index.html.
	s.AssertFile("public/activities/liangxue-yizuo/index.html", `&#34;直引号&#34;保持原样`, `<a href="../../index.html">首页</a>`, "! “")
}

func TestBuildIsDeterministic(t *testing.T) {
	s := sitetest.New(t, basicSite)
	first, second := s.Config(), s.Config()
	first.Dest = filepath.Join(t.TempDir(), "one")
	second.Dest = filepath.Join(t.TempDir(), "two")
	s.Build(first)
	s.Build(second)
	a, b := sitetest.Tree(t, first.Dest), sitetest.Tree(t, second.Dest)
	if !maps.Equal(a, b) {
		t.Errorf("two builds differ:\n%v\n%v", a, b)
	}
}

func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	s := sitetest.New(t, basicSite)
	s.Build()
	before := sitetest.Tree(t, filepath.Join(s.Dir, "public"))
	s.Write("content/projects/gongjian.md", "---\ntitle: 攻坚项目\ndate: 2016-02-30\n---\n")
	problems := s.BuildFails()
	sitetest.AssertProblems(t, problems, `content/projects/gongjian.md:3:7: date: impossible date "2016-02-30": day out of range`)
	if after := sitetest.Tree(t, filepath.Join(s.Dir, "public")); !maps.Equal(before, after) {
		t.Errorf("a failed build changed public/")
	}
	s.AssertExists("! .public.dangjian-new")
}

func TestOnlyOwnFilesAreRemoved(t *testing.T) {
	s := sitetest.New(t, basicSite)
	s.Build()
	// A file the editor put into public/ by hand survives a rebuild; a page that is gone goes.
	s.Write("public/robots-by-hand.txt", "mine")
	if err := os.Remove(filepath.Join(s.Dir, "content/projects/gongjian.md")); err != nil {
		t.Fatal(err)
	}
	s.Build()
	s.AssertFile("public/robots-by-hand.txt", "mine")
	s.AssertExists("! public/projects/gongjian/index.html")
	s.AssertFile("public/"+publish.ManifestFile, "lectures/hongse-dangke/index.html", "! robots-by-hand.txt")

	// A folder dangjian did not write is never replaced.
	other := sitetest.New(t, basicSite)
	other.Write("public/notes.txt", "not a site")
	_, err := generator.Build(t.Context(), other.Config())
	if m, ok := errors.AsType[msg.Message](err); !ok || m.Key != msg.DestForeign {
		t.Errorf("build into a foreign folder: got %v", err)
	}
	other.AssertFile("public/notes.txt", "not a site")
}

func TestDraftsAndFutureDates(t *testing.T) {
	s := sitetest.New(t, basicSite)
	s.Write("content/activities/draft.md", "---\ntitle: 草稿\ndate: 2016-01-01\ndraft: true\n---\n")
	s.Write("content/reports/2099.md", "---\ntitle: 未来\ndate: 2099-12-31\nyear: 2099\n---\n")
	if rep := s.Build(); !slices.Equal(rep.Drafts, []string{"content/activities/draft.md"}) {
		t.Errorf("the drafts left out: %v", rep.Drafts)
	}
	s.AssertExists("! public/activities/draft/index.html", "public/reports/2099/index.html")
	cfg := s.Config()
	cfg.Drafts = true
	if rep := s.Build(cfg); len(rep.Drafts) > 0 {
		t.Errorf("the drafts left out of a build that publishes them: %v", rep.Drafts)
	}
	s.AssertExists("public/activities/draft/index.html")

	// A link to a draft says so.
	s.Write("content/activities/linker.md", "---\ntitle: 链接\ndate: 2016-01-01\n---\n[草稿](/activities/draft/)\n")
	sitetest.AssertProblems(t, s.BuildFails(), `content/activities/linker.md:5:1: link "/activities/draft/" points to the draft content/activities/draft.md, which is not published`)
}

// TestDraftsNote: one line, however many drafts.
func TestDraftsNote(t *testing.T) {
	p := diag.Path
	tests := []struct {
		drafts []string
		want   string
	}{
		{nil, ""},
		{[]string{"content/lectures/a.md"}, "1 draft not published: " + p("content/lectures/a.md") + "; set draft: false in a page to publish it"},
		{[]string{"content/a.md", "content/b.md", "content/c.md"}, "3 drafts not published: " + p("content/a.md") + ", " + p("content/b.md") + ", " + p("content/c.md") + "; set draft: false in a page to publish it"},
		{[]string{"content/a.md", "content/b.md", "content/c.md", "content/d.md", "content/e.md"}, "5 drafts not published: " + p("content/a.md") + ", " + p("content/b.md") + ", " + p("content/c.md") + " and 2 more; set draft: false in a page to publish it"},
	}
	for _, tt := range tests {
		if got := generator.DraftsNote(msg.English, tt.drafts); got != tt.want {
			t.Errorf("DraftsNote(%v) = %q, want %q", tt.drafts, got, tt.want)
		}
	}
	five := tests[len(tests)-1].drafts
	if got, want := generator.DraftsNote(nil, five), "5 篇草稿没有发布："+p("content/a.md")+"、"+p("content/b.md")+"、"+p("content/c.md")+"，还有 2 个；要发布哪一篇，就把它的 draft: true 改成 draft: false"; got != want {
		t.Errorf("DraftsNote in Chinese = %q, want %q", got, want)
	}
}

// TestTextProblemsNote: the count, in either language; nothing when there is none.
func TestTextProblemsNote(t *testing.T) {
	tests := []struct {
		p    *msg.Printer
		n    int
		want string
	}{
		{msg.English, 0, ""},
		{msg.English, 1, "1 text problem: run dangjian check to see where"},
		{msg.English, 3, "3 text problems: run dangjian check to see where"},
		{msg.Chinese, 3, "3 处文字问题：运行 dangjian check 查看位置"},
	}
	for _, tt := range tests {
		if got := generator.TextProblemsNote(tt.p, tt.n); got != tt.want {
			t.Errorf("TextProblemsNote(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestRawHTML(t *testing.T) {
	const page = "-- content/activities/a.md --\n---\ntitle: A\ndate: 2016-01-01\n---\n<script>alert(1)</script>\n\n段落<b>粗</b>\n"
	s := sitetest.New(t, "-- site.yaml --\ntitle: T\n"+page)
	s.Build()
	s.AssertFile("public/activities/a/index.html", "&lt;script&gt;alert(1)&lt;/script&gt;", "段落&lt;b&gt;粗&lt;/b&gt;", "! <script>", "! <b>")

	unsafe := sitetest.New(t, "-- site.yaml --\ntitle: T\nraw_html: true\n"+page)
	unsafe.Build()
	unsafe.AssertFile("public/activities/a/index.html", "<script>alert(1)</script>", "段落<b>粗</b>")
}

func TestBaseURLOverride(t *testing.T) {
	s := sitetest.New(t, basicSite)
	cfg := s.Config()
	cfg.BaseURL = "http://localhost:8080/sub/"
	s.Build(cfg)
	// The base URL is for absolute URLs only (sitemap, feed): pages stay relative.
	s.AssertFile("public/lectures/hongse-dangke/index.html", "! localhost", "! intranet.example")
}

func TestNotFoundPage(t *testing.T) {
	tests := []struct {
		name, baseURL, base string
	}{
		{"site.yaml's base_url", "", "/dangjian/"},
		{"--base-url", "http://localhost:8080/a/b", "/a/b/"},
		{"at the server's root", "https://intranet.example", "/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sitetest.New(t, basicSite)
			cfg := s.Config()
			cfg.BaseURL = tt.baseURL
			s.Build(cfg)
			// A web server shows it for a missing URL at any depth: every link starts from the
			// site's base path.
			s.AssertFile("public/404.html", "<h1>找不到页面</h1>",
				`<link rel="stylesheet" href="`+tt.base+`assets/style.css">`,
				`<a href="`+tt.base+`lectures/">党课与讲座</a>`,
				`<a href="`+tt.base+`">返回首页</a>`,
				`! href="../`, `! href="assets`)
		})
	}
	// No site.yaml base_url: the site is served from the server's root.
	s := sitetest.New(t, "-- site.yaml --\ntitle: 測試\nscript: traditional\n")
	s.Build()
	s.AssertFile("public/404.html", "<h1>找不到頁面</h1>", `<a href="/">返回首頁</a>`, `href="/assets/style.css"`)

	// The site's own 404.html would be overwritten: it is a layout to override instead.
	s.Write("static/404.html", "mine")
	sitetest.AssertProblems(t, s.BuildFails(), "static/404.html:1:1: URL /404.html is claimed twice: also by layouts/404.html")
}

func TestWindowsFiles(t *testing.T) {
	// A BOM and CRLF line ends, as Notepad writes them, read like any other file.
	s := sitetest.New(t, "-- site.yaml --\ntitle: T\n")
	s.Write("content/lectures/win.md", "\uFEFF---\r\ntitle: 视窗\r\ndate: 2016-01-01\r\nform: 党课\r\n---\r\n## 标题\r\n正文\r\n")
	s.Build()
	s.AssertFile("public/lectures/win/index.html", "<h1>视窗</h1>", `<h2 id="标题">标题</h2>`, "! \r")
}

// TestBuildsAtOnce: builds of one site into one output, started together, take turns: each
// succeeds, the output is whole, and the files and empty folders made by hand in it are kept.
func TestBuildsAtOnce(t *testing.T) {
	s := sitetest.New(t, basicSite)
	for i := range 200 {
		s.Write(fmt.Sprintf("content/activities/a%03d.md", i), fmt.Sprintf("---\ntitle: 活动%d\ndate: 2016-01-01\n---\n正文\n", i))
	}
	alone := s.Config()
	alone.Dest = filepath.Join(t.TempDir(), "public")
	s.Build(alone)
	want := sitetest.Tree(t, alone.Dest)
	s.Build()
	s.Write("public/mine.txt", "mine")
	if err := os.Mkdir(filepath.Join(s.Dir, "public/empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	want["mine.txt"] = sitetest.Tree(t, filepath.Join(s.Dir, "public"))["mine.txt"]

	cfg := s.Config()
	cfg.Wait = time.Minute
	errs := make(chan error)
	for range 4 {
		go func() {
			_, err := generator.Build(t.Context(), cfg)
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if got := sitetest.Tree(t, cfg.Dest); !maps.Equal(got, want) {
		t.Errorf("after builds at once, the output holds %d files, want %d", len(got), len(want))
	}
	s.AssertExists("public/empty")
}

// TestWaitingBuildReadsTheSiteWhenItsTurnComes: a build that waits for another run writing its
// output reads the site once its turn comes, and publishes the site as it is then, not as it
// was when the build began to wait.
func TestWaitingBuildReadsTheSiteWhenItsTurnComes(t *testing.T) {
	s := sitetest.New(t, "-- site.yaml --\ntitle: VERSION-ONE\n")
	cfg := s.Config()
	held, err := publish.New(t.Context(), cfg.Dest, publish.Options{})
	if err != nil {
		t.Fatal(err)
	}
	waiting := make(chan bool)
	cfg.Wait = time.Hour
	cfg.Waiting = func(string) { waiting <- true }
	built := make(chan error)
	go func() {
		_, err := generator.Build(t.Context(), cfg)
		built <- err
	}()
	<-waiting
	s.Write("site.yaml", "title: VERSION-TWO\n")
	if err := held.Abort(); err != nil {
		t.Fatal(err)
	}
	if err := <-built; err != nil {
		t.Fatal(err)
	}
	s.AssertFile("public/index.html", "VERSION-TWO", "! VERSION-ONE")
}

// TestLostManifestWarns: a build into an output whose manifest a power cut emptied keeps every
// file it does not write, and says so.
func TestLostManifestWarns(t *testing.T) {
	s := sitetest.New(t, "-- site.yaml --\ntitle: 测试\n-- public/.dangjian-manifest --\n-- public/index.html --\nOLD-PAGE\n-- public/old/index.html --\nOLD-PAGE\n")
	rep := s.Build()
	sitetest.AssertProblems(t, rep.Warnings, filepath.FromSlash("public/.dangjian-manifest")+": warning: empty or cut short, as a power cut can leave it")
	s.AssertFile("public/old/index.html", "OLD-PAGE")
	s.AssertFile("public/index.html", "! OLD-PAGE")
}

// TestTextProblems: a build counts the slips that check finds in the text of site.yaml and of
// every content file, drafts, lists' _index.md and a page that fails to load too, when asked;
// a reload counts again only what changed.
func TestTextProblems(t *testing.T) {
	s := sitetest.New(t, `
-- site.yaml --
title: 测试,党建
-- content/_index.md --
---
title: 首页
---
欢迎.
-- content/activities/a.md --
---
title: 甲
date: 2016-01-01
tags: [两学一做, 学习教育]
---
根据(jù)部署,开展活动。
-- content/activities/draft.md --
---
title: 草稿
date: 2016-01-02
draft: true
---
甲"乙"。
-- content/activities/clean.md --
---
title: 乙
date: 2016-01-03
---
见[甲](/activities/a/)。
`)
	cfg := s.Config()
	if rep := s.Build(cfg); rep.TextProblems != 0 {
		t.Errorf("without CountTextProblems, %d text problems", rep.TextProblems)
	}
	cfg.CountTextProblems = true
	// site.yaml's comma; _index.md's period; a.md's garbage and comma; draft.md's two quotes.
	if rep := s.Build(cfg); rep.TextProblems != 6 {
		t.Errorf("%d text problems, want 6", rep.TextProblems)
	}
	site, problems := generator.Load(context.Background(), cfg)
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	s.Write("content/activities/a.md", "---\ntitle: 甲\ndate: 2016-01-01\n---\n根据部署，开展活动。\n")
	s.Write("content/activities/broken.md", "---\ntitle: [没有闭合\n---\n甲,乙\n")
	next, _ := site.Reload(context.Background(), []string{"content/activities/a.md", "content/activities/broken.md"})
	if n := next.TextProblems(); n != 5 {
		t.Errorf("after a reload, %d text problems, want 5", n)
	}
}
