package media

import (
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dangjian/dangjian/internal/msg"
)

func TestCheck(t *testing.T) {
	ole := "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
	tests := []struct {
		name, head string
		want       string // a part of the reason it is not published; "" when it is
	}{
		{"现场.jpg", "\xFF\xD8\xFF\xE0\x00\x10JFIF", ""},
		{"现场.JPG", "\xFF\xD8\xFF\xE1\x00\x10Exif", ""},
		{"合影.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR", ""},
		{"合影.png", "GIF89a", ""}, // a picture by another name shows all the same
		{"短片.mp4", "\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00", ""},
		{"短片.mov", "\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00", ""},
		{"短片.webm", "\x1A\x45\xDF\xA3\x9f\x42\x86\x81\x01", ""},
		{"短片.wmv", "\x30\x26\xB2\x75\x8E\x66\xCF\x11\xA6\xD9", ""},
		{"短片.avi", "RIFF\x00\x00\x00\x00AVI LIST", ""},
		{"讲话.mp3", "ID3\x03\x00", ""},
		{"讲话.mp3", "\xFF\xFB\x90\x64", ""},
		{"讲话.wav", "RIFF\x00\x00\x00\x00WAVEfmt ", ""},
		{"讲话.m4a", "\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00", ""},
		{"讲话.flac", "fLaC\x00\x00\x00\x22", ""},
		{"通知.pdf", "%PDF-1.7\n", ""},
		{"通知.docx", "PK\x03\x04\x14\x00\x06\x00", ""},
		{"通知.doc", ole, ""},
		{"通知.wps", ole, ""},
		{"报表.xls", ole, ""},
		{"报表.xlsx", "PK\x03\x04", ""},
		{"通知.rtf", `{\rtf1\ansi`, ""},
		{"页面.html", "<p>hi</p>", "an HTML page can run scripts in readers' browsers (raw_html in site.yaml does not cover files): save it as PDF, or set content_files: any in site.yaml"},
		{"图.SVG", `<svg xmlns="http://www.w3.org/2000/svg"/>`, "an SVG picture can run scripts in readers' browsers (raw_html in site.yaml does not cover files): convert it to PNG, or set content_files: any"},
		{"说明.txt", "说明", "files under content/ are published when they are pictures, video, audio, PDFs or office documents, and a .txt file is none of these: save it as PDF, or set content_files: any in site.yaml to publish every file under content/ as it is"},
		{"README", "x", "a file without an extension is none of these"},
		{"现场.jpg", "<html><script>alert(1)</script>", "named as a picture (.jpg), but it holds an HTML page: save it again from the program that made it, or set content_files: any"},
		{"现场.jpg", `<?xml version="1.0"?><svg onload="alert(1)"/>`, "named as a picture (.jpg), but it holds XML (an SVG picture, perhaps)"},
		{"现场.png", "", "named as a picture (.png), but it holds nothing: it is empty"},
		{"短片.mp4", "\xFF\xD8\xFF\xE0", "named as video or audio (.mp4), but it holds image/jpeg"},
		{"通知.pdf", "\x00\x01\x02\x03\x04", "named as a document (.pdf), but it holds data of a kind dangjian does not know"},
	}
	for _, tt := range tests {
		why, ok := check(tt.name, []byte(tt.head))
		got := why.Text(msg.English)
		if ok != (tt.want == "") || !strings.Contains(got, tt.want) {
			t.Errorf("%s holding %q: got %v, %q, want %q", tt.name, tt.head, ok, got, tt.want)
		}
		if zh := why.Text(msg.Chinese); msg.EnglishIn(zh) != "" {
			t.Errorf("%s holding %q: English in the Chinese %q", tt.name, tt.head, zh)
		}
	}
}

func TestCheckFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a/现场.jpg": {Data: []byte("\xFF\xD8\xFF\xE0" + strings.Repeat("x", 2000))},
		"content/a/页面.htm": {Data: []byte("<script>alert(1)</script>")},
	}
	problems := CheckFiles(fsys, []string{"content/a/现场.jpg", "content/a/页面.htm", "content/a/none.png"})
	got := problems.Text(msg.English)
	for _, want := range []string{"content/a/页面.htm: error: not published: an HTML page can run scripts", "content/a/none.png: error: cannot read: "} {
		if !strings.Contains(got, want) {
			t.Errorf("problems:\n%s\nwant %q", got, want)
		}
	}
	if len(problems) != 2 {
		t.Errorf("%d problems, want 2:\n%s", len(problems), got)
	}
}

// TestCheckFilesInChinese checks a reason a file is not published as Chinese says it.
func TestCheckFilesInChinese(t *testing.T) {
	fsys := fstest.MapFS{"content/a/合影.jpg": {Data: []byte("<html><p>hi</p>")}}
	problems := CheckFiles(fsys, []string{"content/a/合影.jpg"})
	want := filepath.FromSlash("content/a/合影.jpg") + ": 错误：不发布：文件名表明它是图片（.jpg），内容却是 HTML 网页：请用做它的程序重新保存，或者在 site.yaml 里写 content_files: any，原样发布 content/ 下的所有文件"
	if len(problems) != 1 || problems[0].Text(msg.Chinese) != want {
		t.Errorf("problems:\n%s\nwant\n%s", problems, want)
	}
}
