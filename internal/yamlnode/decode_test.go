package yamlnode

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
	"gopkg.in/yaml.v3"
)

func TestNearest(t *testing.T) {
	keys := []string{"title", "date", "speaker", "venue", "attendance", "summary"}
	tests := []struct{ word, want string }{
		{"speeker", "speaker"},
		{"titel", "title"},
		{"Title", "title"},
		{"attendence", "attendance"},
		{"data", "date"},
		{"x", ""},
		{"location", ""},
	}
	for _, tt := range tests {
		if got := Nearest(tt.word, keys); got != tt.want {
			t.Errorf("Nearest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	if got := Nearest("党可", []string{"党课", "警示教育大会"}); got != "党课" {
		t.Errorf("Nearest(党可) = %q", got)
	}
}

func TestDecode(t *testing.T) {
	type inner struct {
		Step string `yaml:"step"`
	}
	type common struct {
		Title string `yaml:"title"`
	}
	type doc struct {
		common
		Count   int                `yaml:"count"`
		Ratio   float64            `yaml:"ratio"`
		On      bool               `yaml:"on"`
		When    time.Time          `yaml:"when"`
		Names   []string           `yaml:"names"`
		Steps   []inner            `yaml:"steps"`
		Figures map[string]float64 `yaml:"figures"`
		Rule    *inner             `yaml:"rule"`
		Absent  *inner             `yaml:"absent"`
	}
	src := `
title: 标题
count: 20
ratio: 1.5
on: true
when: 2016-09-20
names: [甲, 乙]
steps:
  - step: 唱一首歌
figures: {a: 1, b: 2.5}
rule: {step: x}
`
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(src), &n); err != nil {
		t.Fatal(err)
	}
	var d doc
	if problems := Decode("f.yaml", &n, &d); len(problems) > 0 {
		t.Fatal(problems)
	}
	if d.Title != "标题" || d.Count != 20 || d.Ratio != 1.5 || !d.On || d.When.Format("2006-01-02") != "2016-09-20" ||
		strings.Join(d.Names, ",") != "甲,乙" || d.Steps[0].Step != "唱一首歌" || d.Figures["b"] != 2.5 || d.Rule.Step != "x" || d.Absent != nil {
		t.Errorf("decoded %+v", d)
	}
}

func TestDecodeBillionLaughs(t *testing.T) {
	// Aliases that expand into a huge tree stop with a problem, not with the machine.
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 9; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := range 10 {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	b.WriteString("names: *a8\n")
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(b.String()), &n); err != nil {
		t.Skip("yaml.v3 refused the document itself:", err)
	}
	var d struct {
		Names [][][][][][][][][]string `yaml:"names"`
	}
	problems := Decode("f.yaml", &n, &d)
	if !slices.ContainsFunc(problems, func(p diag.Problem) bool { return p.Key == msg.DocumentTooLarge }) {
		t.Errorf("problems: %v", problems)
	}
}

func TestCheckAliases(t *testing.T) {
	tests := []struct{ src, want string }{
		{"a: &a [x, y]\nb: *a\nc: [*a, *a]\n", ""},
		{"a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: &d [*c, *c, *c, *c]\ne: &e [*d, *d, *d, *d]\n" +
			"f: &f [*e, *e, *e, *e]\ng: &g [*f, *f, *f, *f]\nh: &h [*g, *g, *g, *g]\ni: &i [*h, *h, *h, *h]\nj: [*i, *i, *i, *i]\n",
			"f.yaml:10:9: error: too many aliases: *i expands too far"},
	}
	for _, tt := range tests {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(tt.src), &n); err != nil {
			t.Fatal(err)
		}
		got := CheckAliases("f.yaml", &n)
		if tt.want == "" && len(got) > 0 || !strings.Contains(got.Text(msg.English), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.src, got, tt.want)
		}
	}
}

// TestRead checks what Read says of texts with slips, whether it reads them, and where it puts
// what it read: at the columns of the text as written, not as repaired.
func TestRead(t *testing.T) {
	tests := []struct {
		name, src string
		problems  string // one a line
		// value names a value read, by its key, and where it is: "title 通知 1:7"; "" when
		// the text is not read.
		value string
	}{
		{name: "full-width colon", src: "title：通知\ndate: 2016-09-20\n",
			problems: `f.md:1:6: error: full-width colon "：" after the key title: type a half-width colon ":"`,
			value:    "title 通知 1:7"},
		{name: "full-width colon and spaces", src: "title：　　通知\n",
			problems: `f.md:1:6: error: full-width colon "：" after the key title: type a half-width colon ":"`,
			value:    "title 通知 1:9"},
		{name: "tab as indentation", src: "tags:\n\t- 甲\n",
			problems: "f.md:2:1: error: tab used as indentation: indent with half-width spaces",
			value:    "tags 甲 2:4"},
		{name: "tab whose repair YAML would not read", src: "title: x\n\tdate: y\n",
			problems: "f.md:2:1: error: tab used as indentation: indent with half-width spaces"},
		{name: "tab YAML reads", src: "tags: [甲,\n\t乙]\n", value: "tags 乙 2:2"},
		{name: "full-width digits", src: "date: ２０１７-０６-２８\n",
			problems: `f.md:1:7: warning: full-width digits "２０１７-０６-２８" in the value of date: type half-width "2017-06-28"`,
			value:    "date 2017-06-28 1:7"},
		{name: "full-width digits in words", src: "title: ２０１７年\n", value: "title ２０１７年 1:8"},
		{name: "full-width spaces as indentation", src: "title: x\n　　date: y\n",
			problems: `f.md:2:1: error: full-width spaces "　　" indent the line, and YAML takes them for text: indent with half-width spaces " ", or not at all for a key of the top level`},
		{name: "block of text", src: "summary: |\n  note：x\n  　　y\ntitle: z\n", value: "title z 4:8"},
		{name: "colons in words", src: "url: http://a.b/c\ntime: 10:30\n", value: "time 10:30 2:7"},
		{name: "YAML's error, no slip", src: "title: [没有闭合\n", problems: "f.md:1: error: invalid YAML: did not find expected ',' or ']'"},
		// yaml.v3 counts the lines of this error from 0.
		{name: "YAML's error after a repair", src: "title：x\n\ntags: [a\n",
			problems: `f.md:1:6: error: full-width colon "：" after the key title: type a half-width colon ":"` + "\n" +
				"f.md:2: error: invalid YAML: did not find expected ',' or ']'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, problems := Read("f.md", []byte(tt.src))
			if got := problems.Text(msg.English); got != tt.problems {
				t.Errorf("problems:\n%s\nwant:\n%s", got, tt.problems)
			}
			if (doc != nil) != (tt.value != "") {
				t.Fatalf("read %v, want %q", doc != nil, tt.value)
			}
			if doc == nil {
				return
			}
			key, want, _ := strings.Cut(tt.value, " ")
			if got := find(doc.Content[0], key, want); got != tt.value {
				t.Errorf("got %q, want %q", got, tt.value)
			}
		})
	}
}

// find returns the scalar of the value of key equal to value, with its position, as TestRead
// writes it.
func find(top *yaml.Node, key, value string) string {
	value, _, _ = strings.Cut(value, " ")
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value != key {
			continue
		}
		for _, n := range append([]*yaml.Node{top.Content[i+1]}, top.Content[i+1].Content...) {
			if n.Kind == yaml.ScalarNode && n.Value == value {
				return key + " " + value + " " + Pos("", n).String()[1:]
			}
		}
	}
	return ""
}

// TestSlipsInEitherLanguage checks what a slip and its repair say, in Chinese and in English,
// and that the Chinese has no English in it but what the writer typed.
func TestSlipsInEitherLanguage(t *testing.T) {
	tests := []struct {
		src                    string
		key                    msg.Key
		zh, doneZh, en, doneEn string
	}{
		{"title：通知\n", msg.WideColon,
			`f.md:1:6: 错误：键 title 后面是全角冒号 "："：请改为半角冒号 ":"`, `"：" → ": "`,
			`f.md:1:6: error: full-width colon "：" after the key title: type a half-width colon ":"`, `"：" → ": "`},
		{"tags:\n\t\t- 甲\n", msg.TabIndent,
			"f.md:2:1: 错误：用 Tab 键缩进了：请用半角空格缩进", "2 个 Tab → 4 个空格",
			"f.md:2:1: error: tab used as indentation: indent with half-width spaces", "2 tabs → 4 spaces"},
		{"tags:\n\t- 甲\n", msg.TabIndent,
			"f.md:2:1: 错误：用 Tab 键缩进了：请用半角空格缩进", "1 个 Tab → 2 个空格",
			"f.md:2:1: error: tab used as indentation: indent with half-width spaces", "1 tab → 2 spaces"},
		{"title: [通知]关于\n", msg.StartsWithBracket,
			`f.md:1:8: 错误：title 的值以 "[" 开头，YAML 会把它当成列表的开始：请给值加上引号，写成 title: "[通知]关于"`, "",
			`f.md:1:8: error: the value of title starts with "[", which YAML reads as the start of a list: put the value in quotes, title: "[通知]关于"`, ""},
	}
	for _, tt := range tests {
		slips := Slips("f.md", []byte(tt.src))
		if len(slips) != 1 || slips[0].Key != tt.key {
			t.Fatalf("%q: slips %v, want one %q", tt.src, slips, tt.key)
		}
		s := slips[0]
		if got := s.Text(msg.Chinese); got != tt.zh || msg.EnglishIn(got) != "" {
			t.Errorf("%q: Chinese %s, want %s", tt.src, got, tt.zh)
		}
		if got := s.Done.Text(msg.Chinese); got != tt.doneZh {
			t.Errorf("%q: Chinese done %q, want %q", tt.src, got, tt.doneZh)
		}
		if got := s.Text(msg.English); got != tt.en {
			t.Errorf("%q: English %s, want %s", tt.src, got, tt.en)
		}
		if got := s.Done.Text(msg.English); got != tt.doneEn {
			t.Errorf("%q: English done %q, want %q", tt.src, got, tt.doneEn)
		}
	}
}
