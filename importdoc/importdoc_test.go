package importdoc

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dangjian/dangjian/check"
	"github.com/dangjian/dangjian/internal/docread"
	"github.com/dangjian/dangjian/internal/golden"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/sitetest"
	"github.com/dangjian/dangjian/internal/wordfixture"
)

// site is a site written in traditional characters, like the real one, with a page to learn
// its writing from.
const site = `
-- site.yaml --
title: 國電靖遠發電有限公司黨建工作
organisation: 國電靖遠發電有限公司
script: traditional
-- content/activities/liangxue-yizuo.md --
---
title: 「兩學一做」學習教育
date: 2016-06-01
---
公司黨委紮實開展「兩學一做」學習教育，黨員幹部真學真做。
`

// importFixture imports the report that LibreOffice wrote into a new site, and returns the
// site and the result.
func importFixture(t *testing.T, cfg Config) (*sitetest.Site, *Result) {
	t.Helper()
	s := sitetest.New(t, site)
	cfg.Source = s.Dir
	cfg.File = filepath.Join(t.TempDir(), "報告.docx")
	if err := os.WriteFile(cfg.File, wordfixture.LibreOffice, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s, res
}

// TestWordFixture imports a report that our own writer did not make: its page, with the
// names of its pictures, is the golden file's, in the site's script, its kind guessed and its
// date the one the report writes under its signature. The character that the source lost in
// a misread (確?!皟蓪W) is restored, as the report writes 確保 elsewhere, and check finds no
// error in the page.
func TestWordFixture(t *testing.T) {
	s, res := importFixture(t, Config{})
	if res.Kind != kinds.TypeActivity || !res.KindGuessed || res.DateText != "2016年6月28日" || res.Date.Format(time.DateOnly) != "2016-06-28" {
		t.Errorf("kind %s (guessed %v), date %v (%q)", res.Kind, res.KindGuessed, res.Date, res.DateText)
	}
	got := s.Read(res.Page.File)
	for _, p := range res.Pictures {
		got += "-- " + p.File + " --\n" + p.Caption + "\n"
		if data := s.Read(p.File); data == "" {
			t.Errorf("picture %s is empty", p.File)
		}
	}
	golden.Check(t, "testdata/libreoffice.md", []byte("-- "+res.Page.File+" --\n"+got))
	if errs, _ := res.Problems.Counts(); errs != 0 {
		t.Errorf("check found %d errors in the new page\n%v\nwant none", errs, res.Problems)
	}
	misread := msg.New(msg.Rewritten, "?!皟蓪W", "保“兩學")
	if !slices.ContainsFunc(res.Fixed, func(c check.Change) bool { return reflect.DeepEqual(c.Done, misread) }) {
		t.Errorf("fixed %v, want the misread repaired: %v", res.Fixed, misread)
	}
	if len(res.Left) != 0 {
		t.Errorf("left %v, want nothing", res.Left)
	}
}

// TestGivenKindAndDate: the kind and date given are the page's, and are not said.
func TestGivenKindAndDate(t *testing.T) {
	date := time.Date(2016, 7, 1, 0, 0, 0, 0, time.UTC)
	s, res := importFixture(t, Config{Kind: kinds.TypeReport, Date: date})
	if res.KindGuessed || res.DateText != "" || !strings.HasPrefix(res.Page.File, "content/reports/") {
		t.Errorf("guessed %v, date text %q, page %s", res.KindGuessed, res.DateText, res.Page.File)
	}
	if page := s.Read(res.Page.File); !strings.Contains(page, "\ndate: 2016-07-01 ") || !strings.Contains(page, "\nyear:") {
		t.Errorf("the page does not have the date given and the report's keys:\n%s", page)
	}
}

// TestRefused: a document that is not a .docx is refused with docread's message, naming the
// file, and writes nothing; so is one with no date, when none is given.
func TestRefused(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want msg.Key
	}{
		{"a .doc", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 504)...), msg.DocOldFormat},
		{"a text file", []byte("党建工作总结"), msg.DocNotDocx},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sitetest.New(t, site)
			file := filepath.Join(t.TempDir(), "報告.doc")
			if err := os.WriteFile(file, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Run(context.Background(), Config{File: file, Kind: kinds.TypeActivity})
			var m msg.Message
			if !errors.As(err, &m) || m.Key != msg.ImportFile || !errors.As(m.Args[1].(error), &m) || m.Key != tt.want {
				t.Errorf("error %v, want %s", err, tt.want)
			}
			if pages, _ := os.ReadDir(filepath.Join(s.Dir, "content", "activities")); len(pages) != 1 {
				t.Errorf("the section holds %d files, want only its page", len(pages))
			}
		})
	}
}

func TestGuessKind(t *testing.T) {
	tests := []struct{ title, want string }{
		{"紅色黨課：不忘初心", kinds.TypeLecture},
		{"廉政专题讲座", kinds.TypeLecture},
		{"「愛的傳遞」道德講堂", kinds.TypeLectureHall},
		{"道德讲堂讲座", kinds.TypeLectureHall},
		{"助增盈项目", kinds.TypeProject},
		{"2016年度黨建工作", kinds.TypeReport},
		{"党建工作报告", kinds.TypeReport},
		{"扎实推进“两学一做”学习教育", kinds.TypeActivity},
		{"", kinds.TypeActivity},
	}
	for _, tt := range tests {
		if got := GuessKind(tt.title); got != tt.want {
			t.Errorf("GuessKind(%q) = %s, want %s", tt.title, got, tt.want)
		}
	}
}

func TestDateIn(t *testing.T) {
	tests := []struct{ text, want, written string }{
		{"國電靖遠發電有限公司黨委 2016年6月28日", "2016-06-28", "2016年6月28日"},
		{"2016 年 12 月 1 日召开", "2016-12-01", "2016 年 12 月 1 日"},
		{"２０１６年６月２８日", "2016-06-28", "2016年6月28日"},
		{"二〇一六年六月二十八日", "2016-06-28", "二〇一六年六月二十八日"},
		{"二〇一六年十月十日", "2016-10-10", "二〇一六年十月十日"},
		{"2016年2月30日，2016年3月1日", "2016-03-01", "2016年3月1日"},
		{"2016年，公司", "", ""},
		{"6月28日", "", ""},
	}
	for _, tt := range tests {
		f, ok := dateIn(tt.text)
		if got := f.date.Format(time.DateOnly); ok != (tt.want != "") || ok && (got != tt.want || f.text != tt.written) {
			t.Errorf("dateIn(%q) = %s %q %v, want %s %q", tt.text, got, f.text, ok, tt.want, tt.written)
		}
	}
}

// TestLeft: what the page cannot carry is said with its place, for a person to find in Word.
func TestLeft(t *testing.T) {
	tests := []struct {
		u    docread.Unsupported
		want string
	}{
		{docread.Unsupported{What: msg.DocTextBox, Text: "文本框里的字", Where: docread.Place{Part: "word/document.xml", Paragraph: 3, Near: "一、强化支部主体作用，推进两学一做学习教育常态化"}},
			`  the body, paragraph 3 (near "一、强化支部主体作用，推进两学一做学习教…"): a text box: "文本框里的字"`},
		{docread.Unsupported{What: msg.DocObject, Detail: "Excel.Sheet.12", Where: docread.Place{Part: "word/footnotes.xml", Paragraph: 1}},
			`  the footnotes, paragraph 1: an embedded object (Excel.Sheet.12)`},
	}
	for _, tt := range tests {
		if got := left(tt.u).Text(msg.English); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}
