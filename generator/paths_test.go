package generator_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/sitetest"
)

// TestChineseFoldersWithSpaces builds a site kept where Windows editors keep theirs: in a folder
// with a Chinese name and spaces, with section folders named the same way.
func TestChineseFoldersWithSpaces(t *testing.T) {
	s := sitetest.New(t, `
-- 党委 文件/2016 两学一做/site.yaml --
title: 测试
-- 党委 文件/2016 两学一做/content/lectures/专题 讨论/_index.md --
---
title: 专题 讨论
---
-- 党委 文件/2016 两学一做/content/lectures/专题 讨论/讲 政治.md --
---
title: 讲政治
date: 2016-03-01
slug: jiang-zhengzhi
---
见[另一篇](../hongse-dangke.md)。
-- 党委 文件/2016 两学一做/content/lectures/hongse-dangke.md --
---
title: 红色党课
date: 2016-06-01
---
见[讨论](专题%20讨论/讲%20政治.md)和[列表](/lectures/专题%20讨论/)。
-- 党委 文件/2016 两学一做/static/照片 库/合影 1.png --
PNG
`)
	cfg := generator.Config{Options: generator.Options{Source: filepath.Join(s.Dir, "党委 文件", "2016 两学一做")}, Dest: filepath.Join(s.Dir, "发布 目录", "public")}
	s.Build(cfg)
	const out = "发布 目录/public/"
	s.AssertExists(out+"lectures/专题 讨论/jiang-zhengzhi/index.html", out+"lectures/专题 讨论/index.html", out+"照片 库/合影 1.png")
	// Links to the folder escape its space, as a browser and a web server expect.
	s.AssertFile(out+"lectures/hongse-dangke/index.html",
		`<a href="../%E4%B8%93%E9%A2%98%20%E8%AE%A8%E8%AE%BA/jiang-zhengzhi/index.html">讨论</a>`,
		`<a href="../%E4%B8%93%E9%A2%98%20%E8%AE%A8%E8%AE%BA/index.html">列表</a>`,
		`<a rel="next" href="../%e4%b8%93%e9%a2%98%20%e8%ae%a8%e8%ae%ba/jiang-zhengzhi/index.html">`)
	s.AssertFile(out+"lectures/专题 讨论/jiang-zhengzhi/index.html", `<a href="../../hongse-dangke/index.html">另一篇</a>`)

	// Problems name the file from the site's folder, in the system's own way of writing paths.
	s.Write("党委 文件/2016 两学一做/content/lectures/专题 讨论/错 误.md", "---\ntitle: 错\ndate: 2016-02-30\n---\n")
	problems := s.BuildFails(cfg)
	sitetest.AssertProblems(t, problems,
		filepath.FromSlash("content/lectures/专题 讨论/错 误.md")+`:1:1: slug "错 误": may not contain spaces or control characters`,
		filepath.FromSlash("content/lectures/专题 讨论/错 误.md")+`:3:7: date: impossible date "2016-02-30": day out of range`)
}

// TestFindSource finds the site's folder from any folder inside it, as git finds its
// repository: the folder itself when it holds site.yaml, else the nearest above that does.
func TestFindSource(t *testing.T) {
	s := sitetest.New(t, `
-- site.yaml --
title: 测试
-- content/lectures/专题 讨论/x.md --
-- content/activities/site.yaml/x --
-- content/projects/inner/site.yaml --
title: 另一个
`)
	tests := []struct{ dir, want string }{
		{".", "."},
		{"content", "."},
		{"content/lectures/专题 讨论", "."},
		{"content/activities/site.yaml", "."}, // a folder named site.yaml is no site
		{"content/projects/inner", "content/projects/inner"},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			dir := filepath.Join(s.Dir, filepath.FromSlash(tt.dir))
			want := filepath.Join(s.Dir, filepath.FromSlash(tt.want))
			if tt.want == tt.dir {
				want = dir
			}
			if got, err := generator.FindSource(dir); err != nil || got != want {
				t.Errorf("FindSource(%s) = %q, %v; want %q", tt.dir, got, err, want)
			}
		})
	}
	t.Run("no site", func(t *testing.T) {
		dir := t.TempDir()
		if got, err := generator.FindSource(dir); !strings.Contains(msg.English.Err(err), "no site.yaml in "+dir+" nor in any folder above it") {
			t.Errorf("FindSource(%s) = %q, %v; want an error", dir, got, err)
		}
	})
}
