package hygiene

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/kinds"
	"golang.org/x/tools/txtar"
)

// TestCount: Count agrees with Check on every file of testdata/ and of the cases of
// testdata/findings, and on each of their lines, read as Markdown and as YAML, in either
// script: the quick look it takes first never misses a finding.
func TestCount(t *testing.T) {
	var inputs [][]byte
	names, _ := filepath.Glob("testdata/*.*")
	cases, _ := filepath.Glob("testdata/findings/*.txtar")
	for _, name := range append(names, cases...) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Ext(name) != ".txtar" {
			inputs = append(inputs, data)
			continue
		}
		for _, f := range txtar.Parse(data).Files {
			if f.Name != "options" && !bytes.HasPrefix([]byte(f.Name), []byte("want")) {
				inputs = append(inputs, f.Data)
			}
		}
	}
	if len(inputs) < 20 {
		t.Fatalf("only %d files to count in", len(inputs))
	}
	for _, data := range inputs {
		for _, text := range append([][]byte{data}, bytes.SplitAfter(data, []byte("\n"))...) {
			for _, file := range []string{"content/x.md", "site.yaml"} {
				for _, script := range append(kinds.Scripts[:], "") {
					w := Learn(&config.Site{Script: script}, text)
					if got, want := Count(file, text, w), len(Check(file, text, w)); got != want {
						t.Errorf("Count(%s, %q, %q) = %d, Check finds %d", file, text, script, got, want)
					}
				}
			}
		}
	}
}

// TestMayFind: the text of a page without slips, as most pages are, is not checked: the
// characters a check starts from are not in it, or not where a slip could be.
func TestMayFind(t *testing.T) {
	tests := []struct {
		name, text string
		may        bool
	}{
		{"plain page", page("## 基本情況\n\n會上，黨員認真學習了黨章。\n\n1. 提高站位。\n2. 加強宣傳\n"), false},
		{"a list's commas in the front matter", "---\ntitle: 標題\ntags: [廉政, 志願服務]\n---\n正文。\n", false},
		{"a flow mapping as an item of a list", "---\ntitle: 標題\nsegments:\n  - {step: 唱歌, title: 歌唱祖國}\n---\n正文。\n", false},
		{"a link, its address without Chinese", page("見[黨課](/lectures/x/)。\n"), false},
		{"a comma in a value", "---\ntitle: 標題,副題\n---\n", true},
		{"a quoted list", "---\ntags: [\"廉政,志願\"]\n---\n", true},
		{"a list's comma in the body", page("[廉政, 志願]\n"), true},
		{"a link whose address is Chinese: an address, not prose", page("見[活動](/activities/活動/)。\n"), false},
		{"brackets around Chinese", page("會議(擴大)召開\n"), true},
		{"a period after Chinese", page("會議召開.\n"), true},
		{"a straight quote", page("\"會議\"\n"), true},
		{"garbage", page("根據(jù)\n"), true},
		{"an invisible character", page("甲\u200B乙\n"), true},
		{"a lost character", page("確?!皟\n"), true},
		{"the other script", page("会議\n"), true},
		{"a byte-order mark at the start", "\uFEFF" + page("正文。\n"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mayFind("content/x.md", []byte(tt.text), kinds.Traditional); got != tt.may {
				t.Errorf("mayFind(%q) = %v, want %v", tt.text, got, tt.may)
			}
		})
	}
}
