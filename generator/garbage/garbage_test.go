package garbage

import (
	"os"
	"regexp"
	"testing"
	"unicode/utf8"
)

func TestRemove(t *testing.T) {
	tests := []struct{ in, want string }{
		{"根據(jù)上級部署", "根據上級部署"},
		{"國電靖遠發(fā)電有限公司", "國電靖遠發電有限公司"},
		{"網(wǎng)格化管理、網(wǎng)絡(luò)化教育", "網格化管理、網絡化教育"},
		{"創(chuàng)新（chuàng）", "創新"},
		{"綠(lǜ)色", "綠色"},
		{"網(wǎng)(wǎng)", "網"},         // repeated pinyin goes at once
		{"微信(wechat)群", "微信(wechat)群"}, // English in brackets: no tone mark
		{"黨員(20名)", "黨員(20名)"},
		{"公司(GD)", "公司(GD)"},
		{"(fā)電", "(fā)電"}, // no character before the pinyin
		{"a(fā)", "a(fā)"},
		{"發(fāxxxxxxx)", "發(fāxxxxxxx)"}, // too long for a syllable
		{"發(fā", "發(fā"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Remove(tt.in); got != tt.want {
			t.Errorf("Remove(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSourceDocument cleans the source document of the real site, whose garbage is what
// editors paste: none is left, by a looser pattern that also takes toneless pinyin.
func TestSourceDocument(t *testing.T) {
	data, err := os.ReadFile("../../../shared/sources/2016-jingyuan-liangxue-yizuo.txt")
	if err != nil {
		t.Skipf("the source document is not beside the repository: %v", err)
	}
	loose := regexp.MustCompile(`\p{Han}[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]`)
	before := len(loose.FindAllString(string(data), -1))
	out := Remove(string(data))
	if left := loose.FindAllString(out, -1); before == 0 || len(left) > 0 {
		t.Errorf("%d pieces of garbage before, %d left: %q", before, len(left), left)
	}
	if out != loose.ReplaceAllStringFunc(string(data), firstRune) {
		t.Errorf("Remove took out something else than the garbage")
	}
}

// firstRune returns the character of a piece of garbage, without its pinyin.
func firstRune(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	return string(r)
}

// FuzzRemove checks that Remove only ever deletes, leaves no garbage behind, and changes
// nothing on a second pass.
func FuzzRemove(f *testing.F) {
	for _, seed := range []string{"根據(jù)", "網(wǎng)(wǎng)格", "創（chuàng）新", "微信(wechat)", "(fā)", "發(fā"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Remove(in)
		if len(out) > len(in) {
			t.Fatalf("Remove(%q) = %q: longer than its input", in, out)
		}
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Fatalf("Remove(%q) = %q: not valid UTF-8", in, out)
		}
		if g := pinyin.FindString(out); g != "" {
			t.Fatalf("Remove(%q) = %q: still holds %q", in, out, g)
		}
		if again := Remove(out); again != out {
			t.Fatalf("Remove is not stable: %q → %q → %q", in, out, again)
		}
	})
}
