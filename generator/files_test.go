package generator_test

import (
	"testing"

	"github.com/dangjian/dangjian/internal/sitetest"
)

// filesSite is a 道德讲堂 page with the files an editor puts beside it: a short film, a photo,
// the programme as PDF and as a Word document; and a loose PDF in a section's folder.
const filesSite = `
-- site.yaml --
title: 测试党建
-- content/lecture-hall/ai/index.md --
---
title: 爱的传递
date: 2016-07-15
theme: 孝老爱亲
---
![现场](现场.JPG) [短片](短片.mp4) [节目单](节目单.pdf) [讲稿](讲稿.docx)
-- content/activities/通知.pdf --
%PDF-1.4
-- static/verify.html --
<script>/* the site owner's own */</script>
`

// writeFiles writes the bundle's files, whose signatures are not text.
func writeFiles(s *sitetest.Site) {
	s.Write("content/lecture-hall/ai/现场.JPG", "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00")
	s.Write("content/lecture-hall/ai/短片.mp4", "\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom")
	s.Write("content/lecture-hall/ai/节目单.pdf", "%PDF-1.7\n")
	s.Write("content/lecture-hall/ai/讲稿.docx", "PK\x03\x04\x14\x00\x06\x00")
}

// TestContentFiles: pictures, video, audio, PDFs and office documents beside a page are
// published; an HTML page or an SVG picture, which could run scripts, is refused at its
// file, unless site.yaml opts in. static/ is the site owner's, and published as it is.
func TestContentFiles(t *testing.T) {
	s := sitetest.New(t, filesSite)
	writeFiles(s)
	s.Build()
	s.AssertExists("public/lecture-hall/ai/现场.JPG", "public/lecture-hall/ai/短片.mp4", "public/lecture-hall/ai/节目单.pdf",
		"public/lecture-hall/ai/讲稿.docx", "public/activities/通知.pdf", "public/verify.html")

	s.Write("content/lecture-hall/ai/节目.html", "<p>节目</p><script>alert(1)</script>")
	s.Write("content/lecture-hall/ai/图.svg", `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`)
	s.Write("content/lecture-hall/ai/合影.jpg", "<html><body onload=alert(1)>")
	s.Write("content/activities/页面.htm", "<script>alert(1)</script>")
	sitetest.AssertProblems(t, s.BuildFails(),
		"content/activities/页面.htm: not published: an HTML page can run scripts in readers' browsers",
		"content/lecture-hall/ai/合影.jpg: not published: named as a picture (.jpg), but it holds an HTML page",
		"content/lecture-hall/ai/图.svg: not published: an SVG picture can run scripts in readers' browsers (raw_html in site.yaml does not cover files): convert it to PNG, or set content_files: any in site.yaml to publish every file under content/ as it is",
		"content/lecture-hall/ai/节目.html: not published: an HTML page can run scripts")

	s.Write("site.yaml", "title: 测试党建\ncontent_files: any\n")
	s.Build()
	s.AssertExists("public/lecture-hall/ai/节目.html", "public/lecture-hall/ai/图.svg", "public/activities/页面.htm", "public/lecture-hall/ai/现场.JPG")

	s.Write("site.yaml", "title: 测试党建\ncontent_files: all\n")
	sitetest.AssertProblems(t, s.BuildFails(), `site.yaml:2:16: content_files: want checked (pictures, video, audio, PDFs and office documents only) or any (every file, HTML and SVG among them), got "all"`)
}
