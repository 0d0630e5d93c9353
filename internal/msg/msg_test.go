package msg

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestCatalogue: every message is in both languages, with the same verbs, and its Chinese has
// no English in it: no three Latin words in a row outside quotation marks.
func TestCatalogue(t *testing.T) {
	if len(Keys()) < 10 {
		t.Fatalf("only %d messages", len(Keys()))
	}
	for _, k := range Keys() {
		zh := ChineseOf(k)
		if zh == "" || k == "" {
			t.Errorf("%q: a language is empty: %q", k, zh)
			continue
		}
		if got, want := verbs(zh), verbs(string(k)); !slices.Equal(got, want) {
			t.Errorf("%q: the Chinese %q has the verbs %v, the English %v", k, zh, got, want)
		}
		if words := EnglishIn(zh); words != "" {
			t.Errorf("%q: English in the Chinese %q: %q", k, zh, words)
		}
	}
}

// verbVerb is a verb of package fmt, its index and flags dropped to compare the languages.
var verbVerb = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0]*\d*(?:\.\d+)?([a-zA-Z%])`)

// verbs returns the verbs of a format in the order of the arguments they say.
func verbs(format string) []string {
	var out []string
	next := 1
	byArg := map[int]string{}
	for _, m := range verbVerb.FindAllStringSubmatch(format, -1) {
		if m[2] == "%" {
			continue
		}
		arg := next
		if m[1] != "" {
			fmt.Sscan(m[1], &arg)
		}
		byArg[arg] = m[2]
		next = arg + 1
	}
	for i := 1; i <= len(byArg); i++ {
		out = append(out, byArg[i])
	}
	return out
}

func TestPrinter(t *testing.T) {
	if got := Chinese.Sprintf(Errors, 3); got != "3 个错误" {
		t.Errorf("Chinese: %q", got)
	}
	for n, want := range map[int]string{1: "1 error", 2: "2 errors"} {
		if got := English.Sprintf(Errors, n); got != want {
			t.Errorf("English %d: %q, want %q", n, got, want)
		}
	}
	nested := New(ProblemLine, "a.md", WarningWord, New(Errors, 2))
	if got := English.Sprintf(ProblemLine, "x", ErrorWord, nested); got != "x: error: a.md: warning: 2 errors" {
		t.Errorf("nested: %q", got)
	}
	if got := nested.Error(); got != "a.md: 警告：2 个错误" {
		t.Errorf("Error: %q", got)
	}
	if got := Chinese.Sprintf(Errors, 10000); got != "10000 个错误" {
		t.Errorf("a number: %q", got)
	}
	var nilPrinter *Printer
	if got := nilPrinter.Sprintf(WarningWord); got != "警告" {
		t.Errorf("a nil printer: %q", got)
	}
}

func TestErr(t *testing.T) {
	_, err := os.Open("/no/such/file")
	if got := Chinese.Err(err); !strings.HasPrefix(got, "找不到文件或文件夹（open /no/such/file: ") {
		t.Errorf("Chinese: %q", got)
	}
	if got := English.Err(err); got != err.Error() {
		t.Errorf("English: %q", got)
	}
	wrapped := New(ProblemLine, "x", ErrorWord, err)
	if !errors.Is(wrapped, fs.ErrNotExist) {
		t.Error("a message hides the error it says")
	}
	if got := Chinese.Err(wrapped); !strings.Contains(got, "找不到文件或文件夹") {
		t.Errorf("a message with an error: %q", got)
	}
	if got := Chinese.Err(errors.New("something odd")); got != "系统报错（something odd）" {
		t.Errorf("another error: %q", got)
	}
}

func TestChoose(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	tests := []struct {
		flag    string
		env     map[string]string
		english bool
		err     bool
	}{
		{"", nil, false, false},
		{"en", nil, true, false},
		{"zh", map[string]string{"DANGJIAN_LANG": "en"}, false, false},
		{"", map[string]string{"DANGJIAN_LANG": "en_US.UTF-8"}, true, false},
		{"", map[string]string{"LANG": "en_GB.UTF-8"}, true, false},
		{"", map[string]string{"LANG": "zh_CN.UTF-8"}, false, false},
		{"", map[string]string{"LC_ALL": "C", "LANG": "en_US"}, false, false},
		{"", map[string]string{"DANGJIAN_LANG": "zh", "LANG": "en_US"}, false, false},
		{"fr", nil, false, true},
	}
	for _, tt := range tests {
		p, err := Choose(tt.flag, env(tt.env))
		if p.IsEnglish() != tt.english || (err != nil) != tt.err {
			t.Errorf("Choose(%q, %v) = English %v, %v", tt.flag, tt.env, p.IsEnglish(), err)
		}
	}
}
