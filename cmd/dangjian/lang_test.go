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
// another text, without Chinese but for what was typed. The default is Chinese whatever the locale says, when it does not say English.
//
// The cases marked converting reach messages of an area that speaks English still; they are
// held to their exit status only.
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
	out := t.TempDir()
	t.Chdir(good)

	tests := []struct {
		name       string
		args       []string
		code       int
		converting string // the area whose messages this case reaches, in English still
	}{
		{"no command", nil, exitUsage, ""},
		{"help", []string{"help"}, exitOK, ""},
		{"unknown command", []string{"bild"}, exitUsage, ""},
		{"build", []string{"build", "-s", good, "-d", filepath.Join(out, "public"), "--no-git"}, exitOK, ""},
		{"build help", []string{"build", "-h"}, exitOK, ""},
		{"build, unknown flag", []string{"build", "--nope"}, exitUsage, ""},
		{"build, bad value", []string{"build", "--wait", "banana"}, exitUsage, ""},
		{"build, bad switch", []string{"build", "--quiet=maybe"}, exitUsage, ""},
		{"build, stray argument", []string{"build", "extra"}, exitUsage, ""},
		{"build, a mistake", []string{"build", "-s", mistaken, "-d", filepath.Join(out, "mistaken")}, exitProblems, ""},
		{"build, drafts and slips", []string{"build", "-s", drafted, "-d", filepath.Join(out, "drafted")}, exitOK, ""},
		{"build into a file", []string{"build", "-s", good, "-d", file}, exitProblems, ""},
		{"build, no such site", []string{"build", "-s", missing}, exitProblems, ""},
		{"check", []string{"check", "-s", good}, exitOK, "check"},
		{"check help", []string{"check", "-h"}, exitOK, ""},
		{"check, bad format", []string{"check", "--format", "xml"}, exitUsage, ""},
		{"new", []string{"new", "lecture", "红色党课", "-s", fresh}, exitOK, ""},
		{"new lecture hall", []string{"new", "lecture-hall", "爱的传递", "-s", fresh}, exitOK, ""},
		{"new, a title without a name", []string{"new", "activity", "！？", "-s", fresh}, exitOK, ""},
		{"new help", []string{"new", "-h"}, exitOK, ""},
		{"new without a title", []string{"new", "lecture"}, exitUsage, ""},
		{"new, unknown kind", []string{"new", "lectures", "党课"}, exitUsage, ""},
		{"new, date without a value", []string{"new", "lecture", "党课", "--date"}, exitUsage, ""},
		{"new, bad date", []string{"new", "lecture", "党课", "--date", "2017/6/28"}, exitUsage, ""},
		{"new, no such site", []string{"new", "lecture", "党课", "-s", missing}, exitProblems, ""},
		{"new into a file", []string{"new", "lecture", "党课", "-s", blocked}, exitProblems, ""},
		{"export", []string{"export", "-s", good, "-o", filepath.Join(out, "export"), "content/activities/a.md"}, exitOK, ""},
		{"export help", []string{"export", "-h"}, exitOK, ""},
		{"export, not a page", []string{"export", "-s", good, "-o", filepath.Join(out, "export"), "content/x.md"}, exitProblems, "export"},
		{"serve", []string{"serve", "-s", good, "--addr", "127.0.0.1:0", "--no-git"}, exitOK, "serve"},
		{"serve help", []string{"serve", "-h"}, exitOK, ""},
		{"serve, bad port", []string{"serve", "--port", "70000"}, exitUsage, ""},
		{"version", []string{"version"}, exitOK, ""},
		{"version, stray argument", []string{"version", "1.0"}, exitUsage, ""},
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
			code, zh := say(tt.args)
			enCode, en := say(append([]string{"--lang", "en"}, tt.args...))
			if code != tt.code || enCode != tt.code {
				t.Fatalf("exit %d, and %d in English; want %d\n%s\n%s", code, enCode, tt.code, zh, en)
			}
			if tt.converting != "" {
				return
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
