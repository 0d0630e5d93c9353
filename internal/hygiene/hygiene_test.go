package hygiene

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/golden"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/msg"
	"golang.org/x/tools/txtar"
)

// TestCheck checks the files of the cases of testdata/findings: what Check finds in each, and
// each file as --fix leaves it. The files are a site's: how it writes is learned from all of
// them, and from its site.yaml when it has one. A case's options section may give the site's
// script, script: simplified; by default it is traditional. CountAll, which a build counts the
// findings with, counts as many.
func TestCheck(t *testing.T) {
	golden.Cases(t, "testdata/findings", func(t *testing.T, input []txtar.File) []txtar.File {
		script := kinds.Traditional
		var files []txtar.File
		var texts [][]byte
		site := &config.Site{}
		for _, f := range input {
			switch f.Name {
			case "options":
				value, ok := strings.CutPrefix(string(f.Data), "script: ")
				if !ok {
					t.Fatalf("options: want script: simplified or traditional, got %q", f.Data)
				}
				script = strings.TrimSpace(value)
				continue
			case config.File:
				if parsed, _ := config.Parse(f.Data); parsed != nil {
					site = parsed
				}
			}
			files = append(files, f)
			texts = append(texts, f.Data)
		}
		if len(files) == 0 {
			t.Fatal("no file to check")
		}
		site.Script = script
		w := Learn(site, texts...)
		var report strings.Builder
		var fixed []txtar.File
		var tallies []Tally
		findings := 0
		for _, f := range files {
			tallies = append(tallies, NewTally(f.Name, f.Data, script))
			findings += len(Check(f.Name, f.Data, w))
			found, after := outcome(f.Name, f.Data, w, msg.Chinese)
			report.WriteString(found)
			if after != string(f.Data) {
				fixed = append(fixed, txtar.File{Name: "want " + f.Name, Data: []byte(after)})
			}
		}
		if n := CountAll(site, tallies); n != findings {
			t.Errorf("CountAll counts %d findings, Check finds %d", n, findings)
		}
		return append([]txtar.File{{Name: "want", Data: []byte(report.String())}}, fixed...)
	})
}

// outcome is what Check finds in the file, one a line as path:line:col: severity: message,
// each repair under its finding, said by p, and the file as Apply leaves it.
func outcome(file string, data []byte, w *Writing, p *msg.Printer) (report, fixed string) {
	found := Check(file, data, w)
	var b strings.Builder
	for _, f := range found {
		fmt.Fprintln(&b, f.Text(p))
		if f.Done.Key != "" {
			fmt.Fprintf(&b, "\tfix: %s\n", f.Done.Text(p))
		}
	}
	return b.String(), string(Apply(data, found))
}

// traditional returns how a site written in traditional characters writes, learned from text.
func traditional(text []byte) *Writing {
	return Learn(&config.Site{Script: kinds.Traditional}, text)
}

// page makes a Markdown page of body, whose text starts on line 5.
func page(body string) string { return "---\ntitle: 標題\ndate: 2016-01-01\n---\n" + body }

// TestCheckInCode are the cases of TestCheck that a txtar file would not keep: line ends
// that an editor may rewrite (CRLF, after a byte-order mark) and bytes that are not UTF-8.
// The file is content/x.md, the site traditional; the findings are said in English.
func TestCheckInCode(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		report string // as outcome writes it
		fixed  string // the file after Apply; "" when it is in unchanged
	}{
		{name: "CRLF and a byte-order mark stay", in: "\uFEFF---\r\ntitle: 標題\r\ndate: 2016-01-01\r\n---\r\n根據(jù)集團,公司\r\n\r\n甲\u200B乙\r\n",
			report: `content/x.md:5:3: error: conversion garbage: pinyin (jù) after 據; delete it
	fix: deleted (jù) after 據
content/x.md:5:9: warning: half-width "," in Chinese text; write "，"
	fix: "," → "，"
content/x.md:7:2: error: invisible character U+200B (zero-width space); delete it
	fix: deleted the invisible U+200B (zero-width space)
`,
			fixed: "\uFEFF---\r\ntitle: 標題\r\ndate: 2016-01-01\r\n---\r\n根據集團，公司\r\n\r\n甲乙\r\n"},
		{name: "code stays as written in a CRLF file", in: "\uFEFF---\r\ntitle: 標題\r\ndate: 2016-01-01\r\n---\r\n甲\u200B乙`丙\u200B丁`\r\n```\r\n甲\u200B乙\r\n```\r\n甲\u200B乙\r\n",
			report: `content/x.md:5:2: error: invisible character U+200B (zero-width space); delete it
	fix: deleted the invisible U+200B (zero-width space)
content/x.md:5:6: error: invisible character U+200B (zero-width space); delete it (by hand: --fix leaves code as written)
content/x.md:7:2: error: invisible character U+200B (zero-width space); delete it (by hand: --fix leaves code as written)
content/x.md:9:2: error: invisible character U+200B (zero-width space); delete it
	fix: deleted the invisible U+200B (zero-width space)
`,
			fixed: "\uFEFF---\r\ntitle: 標題\r\ndate: 2016-01-01\r\n---\r\n甲乙`丙\u200B丁`\r\n```\r\n甲\u200B乙\r\n```\r\n甲乙\r\n"},
		{name: "not UTF-8", in: page("\xff根據(jù)\n"), report: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			report, fixed := outcome("content/x.md", []byte(tt.in), traditional([]byte(tt.in)), msg.English)
			golden.Equal(t, "findings", tt.report, report)
			want := tt.fixed
			if want == "" {
				want = tt.in
			}
			golden.Equal(t, "the fixed file", want, fixed)
		})
	}
}

func TestIsSyllable(t *testing.T) {
	for _, s := range []string{"jù", "fā", "chuàng", "zhuǎn", "diào", "qū", "yōu", "wěn", "lǜ", "nüè", "ér", "ài", "ō"} {
		if !isSyllable(s) {
			t.Errorf("isSyllable(%q) = false", s)
		}
	}
	for _, s := range []string{"ju", "a", "jùù", "x", "zhuàngg", "bvà", "JÙ", "ju̇", ""} {
		if isSyllable(s) {
			t.Errorf("isSyllable(%q) = true", s)
		}
	}
}

func TestConvert(t *testing.T) {
	tests := []struct{ in, script, want string }{
		{"发电的标题", kinds.Traditional, "發電的標題"},
		// Characters both scripts write stay as they are: 干 (幹部, but 若干), 里, 群, 床; but 党
		// and 厂 are traditional only in names.
		{"党的干部与群众在厂里的床", kinds.Traditional, "黨的干部與群衆在廠里的床"},
		{"發電廠的標題", kinds.Simplified, "发电厂的标题"},
		{"Go 1.26", kinds.Simplified, "Go 1.26"},
	}
	for _, tt := range tests {
		if got := Convert(tt.in, tt.script); got != tt.want {
			t.Errorf("Convert(%q, %s) = %q, want %q", tt.in, tt.script, got, tt.want)
		}
	}
}
