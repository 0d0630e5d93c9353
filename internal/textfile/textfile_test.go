package textfile

import (
	"testing"

	"github.com/dangjian/dangjian/internal/msg"
)

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"\uFEFFa\r\nb\r\n": "a\nb\n",
		"a\rb\n":           "a\rb\n", // a lone CR is not a line end
		"a\uFEFFb":         "a\uFEFFb",
	} {
		if got := string(Normalize([]byte(in))); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"标题\n正文\n", nil},
		{"标题\n正\xe6\xb4文\x00\x00", []string{
			"x.md:2:2: error: invalid UTF-8: save the file as UTF-8",
			"x.md:2:5: error: a NUL byte (U+0000), often left by a broken copy from another program: delete it (the file holds 1 more)",
		}},
	}
	for _, tt := range tests {
		problems := Check("x.md", []byte(tt.in))
		if len(problems) != len(tt.want) {
			t.Fatalf("Check(%q) = %v, want %q", tt.in, problems, tt.want)
		}
		for i, p := range problems {
			if p.Text(msg.English) != tt.want[i] || msg.EnglishIn(p.Text(msg.Chinese)) != "" {
				t.Errorf("Check(%q): got %s (%s), want %s", tt.in, p.Text(msg.English), p, tt.want[i])
			}
		}
	}
}
