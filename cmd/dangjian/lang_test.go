package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/sitetest"
)

// hanIn returns the first Chinese character of text that is not in what the user typed, args;
// "" when there is none.
func hanIn(text string, args []string) string {
	for _, a := range args {
		text = strings.ReplaceAll(text, a, "")
	}
	if i := strings.IndexFunc(text, func(r rune) bool { return unicode.Is(unicode.Han, r) }); i >= 0 {
		r, _ := utf8.DecodeRuneInString(text[i:])
		return string(r)
	}
	return ""
}

// TestLanguages runs every command, its wrong usage and a file operation that fails, in the
// language chosen by default and with --lang en: the Chinese has no English in it (msg.EnglishIn:
// three Latin words in a row outside what is quoted, paths and flags), and the English is
// another text, without Chinese but for what was typed. The default is Chinese whatever the
// locale says, when it does not say English.
func TestLanguages(t *testing.T) {
	good := sitetest.New(t, `
-- site.yaml --
title: 测试
base_url: https://dangjian.example/
organisation: 国网甘肃电力
-- content/activities/a.md --
---
title: 甲
date: 2016-01-01
---
正文。
`).Dir
	fresh := sitetest.New(t, "-- site.yaml --\ntitle: 测试\n").Dir
	mistaken := sitetest.New(t, "-- site.yaml --\ntitle: 测试\n-- content/lectures/x.md --\n---\ntitle: 党课\ndate: 2016-09-20\nspeeker: 张三\n---\n").Dir
	// A draft, and a slip in the text.
	drafted := sitetest.New(t, `
-- site.yaml --
title: 测试
-- content/activities/a.md --
---
title: 草稿
date: 2016-01-01
draft: true
---
-- content/activities/b.md --
---
title: 甲
date: 2016-01-01
---
甲,乙
`).Dir
	// content/lectures is a file: a new lecture cannot be written.
	blocked := sitetest.New(t, "-- site.yaml --\ntitle: 测试\n-- content/lectures --\n").Dir
	missing := filepath.Join(t.TempDir(), "missing")
	file := filepath.Join(t.TempDir(), "file")
	write(t, filepath.Dir(file), "file", "")
	out, outside := t.TempDir(), t.TempDir()
	// Word documents whose text the output does not quote: the English says only what was typed.
	docs := t.TempDir()
	report := wordDocument(t, docs, "report.docx", "Report", "正文。")
	write(t, docs, "old.doc", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"+strings.Repeat("\x00", 504))
	t.Chdir(good)

	tests := []struct {
		name    string
		args    []string
		code    int
		outside bool // run in a folder with no site.yaml in it nor above
	}{
		{"no command", nil, exitUsage, false},
		{"help", []string{"help"}, exitOK, false},
		{"unknown command", []string{"bild"}, exitUsage, false},
		{"build", []string{"build", "-s", good, "-d", filepath.Join(out, "public"), "--no-git"}, exitOK, false},
		{"build help", []string{"build", "-h"}, exitOK, false},
		{"build, unknown flag", []string{"build", "--nope"}, exitUsage, false},
		{"build, bad value", []string{"build", "--wait", "banana"}, exitUsage, false},
		{"build, bad switch", []string{"build", "--quiet=maybe"}, exitUsage, false},
		{"build, stray argument", []string{"build", "extra"}, exitUsage, false},
		{"build, a mistake", []string{"build", "-s", mistaken, "-d", filepath.Join(out, "mistaken")}, exitProblems, false},
		{"build, drafts and slips", []string{"build", "-s", drafted, "-d", filepath.Join(out, "drafted")}, exitOK, false},
		{"build into a file", []string{"build", "-s", good, "-d", file}, exitProblems, false},
		{"build outside a site", []string{"build"}, exitProblems, true},
		{"build, no such site", []string{"build", "-s", missing}, exitProblems, false},
		{"check", []string{"check", "-s", good}, exitOK, false},
		{"check, mistakes", []string{"check", "-s", mistaken}, exitProblems, false},
		{"check, slips", []string{"check", "-s", drafted}, exitOK, false},
		{"check, as JSON", []string{"check", "-s", mistaken, "--format", "json"}, exitProblems, false},
		{"check help", []string{"check", "-h"}, exitOK, false},
		{"check, bad format", []string{"check", "--format", "xml"}, exitUsage, false},
		{"new", []string{"new", "lecture", "红色党课", "-s", fresh}, exitOK, false},
		{"new lecture hall", []string{"new", "lecture-hall", "爱的传递", "-s", fresh}, exitOK, false},
		{"new, a title without a name", []string{"new", "activity", "！？", "-s", fresh}, exitOK, false},
		{"new help", []string{"new", "-h"}, exitOK, false},
		{"new without a title", []string{"new", "lecture"}, exitUsage, false},
		{"new, unknown kind", []string{"new", "lectures", "党课"}, exitUsage, false},
		{"new, date without a value", []string{"new", "lecture", "党课", "--date"}, exitUsage, false},
		{"new, bad date", []string{"new", "lecture", "党课", "--date", "2017/6/28"}, exitUsage, false},
		{"new, no such site", []string{"new", "lecture", "党课", "-s", missing}, exitProblems, false},
		{"new into a file", []string{"new", "lecture", "党课", "-s", blocked}, exitProblems, false},
		{"import", []string{"import", report, "--date", "2016-06-28", "-s", fresh}, exitOK, false},
		{"import help", []string{"import", "-h"}, exitOK, false},
		{"import without a date", []string{"import", report, "-s", fresh}, exitUsage, false},
		{"import a .doc", []string{"import", filepath.Join(docs, "old.doc"), "-s", fresh}, exitProblems, false},
		{"export", []string{"export", "-s", good, "-o", filepath.Join(out, "export"), "content/activities/a.md"}, exitOK, false},
		{"export help", []string{"export", "-h"}, exitOK, false},
		{"export, not a page", []string{"export", "-s", good, "-o", filepath.Join(out, "export"), "content/x.md"}, exitProblems, false},
		{"serve", []string{"serve", "-s", good, "--addr", "127.0.0.1:0", "--no-git"}, exitOK, false},
		{"serve, two ports", []string{"serve", "-s", good, "--addr", "127.0.0.1:1314", "--port", "1315"}, exitProblems, false},
		{"serve help", []string{"serve", "-h"}, exitOK, false},
		{"serve, bad port", []string{"serve", "--port", "70000"}, exitUsage, false},
		{"version", []string{"version"}, exitOK, false},
		{"version, stray argument", []string{"version", "1.0"}, exitUsage, false},
	}
	// serve runs until it is stopped: it is stopped before it starts.
	stopped, stop := context.WithCancel(context.Background())
	stop()
	say := func(args []string) (int, string) {
		ctx := context.Background()
		if len(args) > 0 && args[len(args)-1] != "-h" && strings.Contains(strings.Join(args, " "), "serve -s") {
			ctx = stopped
		}
		var stdout, stderr bytes.Buffer
		code := run(ctx, args, &stdout, &stderr)
		return code, stdout.String() + stderr.String()
	}
	t.Setenv("DANGJIAN_LANG", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "C.UTF-8")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.outside {
				t.Chdir(outside)
			}
			code, zh := say(tt.args)
			enCode, en := say(append([]string{"--lang", "en"}, tt.args...))
			if code != tt.code || enCode != tt.code {
				t.Fatalf("exit %d, and %d in English; want %d\n%s\n%s", code, enCode, tt.code, zh, en)
			}
			if words := msg.EnglishIn(zh); words != "" {
				t.Errorf("English in the Chinese: %q\n%s", words, zh)
			}
			if han := hanIn(en, tt.args); en == zh || han != "" {
				t.Errorf("the English is not English (%q):\n%s", han, en)
			}
		})
	}
}
