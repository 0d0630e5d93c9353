package yamlnode

import (
	"strings"
	"testing"
	"time"

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
	if !strings.Contains(problems.Error(), "too large") {
		t.Errorf("problems: %v", problems)
	}
}

func TestCheckAliases(t *testing.T) {
	tests := []struct{ src, want string }{
		{"a: &a [x, y]\nb: *a\nc: [*a, *a]\n", ""},
		{"a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: &d [*c, *c, *c, *c]\ne: &e [*d, *d, *d, *d]\n" +
			"f: &f [*e, *e, *e, *e]\ng: &g [*f, *f, *f, *f]\nh: &h [*g, *g, *g, *g]\ni: &i [*h, *h, *h, *h]\nj: [*i, *i, *i, *i]\n",
			"f.yaml:10:9: too many aliases: *i expands too far"},
	}
	for _, tt := range tests {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(tt.src), &n); err != nil {
			t.Fatal(err)
		}
		got := CheckAliases("f.yaml", &n)
		if tt.want == "" && len(got) > 0 || !strings.Contains(got.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.src, got, tt.want)
		}
	}
}
