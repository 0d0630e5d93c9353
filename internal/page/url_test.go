package page

import "testing"

func TestRel(t *testing.T) {
	tests := []struct{ from, target, want string }{
		{"/", "/", "index.html"},
		{"/", "/lectures/", "lectures/index.html"},
		{"/lectures/", "/", "../index.html"},
		{"/lectures/x/", "/lectures/y/", "../y/index.html"},
		{"/lectures/x/", "/activities/y/", "../../activities/y/index.html"},
		{"/lectures/x/", "/lectures/x/", "index.html"},
		{"/lectures/x/", "/lectures/x/photo.png", "photo.png"},
		{"/lectures/x/", "/assets/style.css", "../../assets/style.css"},
		{"/lectures/专题讨论/x/", "/lectures/", "../../index.html"},
		{"/a/b/", "/a/b/c/", "c/index.html"},
		{"/a/", "/a/b/#part", "b/index.html#part"},
		{"/a/page/2/", "/a/", "../../index.html"},
	}
	for _, tt := range tests {
		if got := Rel(tt.from, tt.target); got != tt.want {
			t.Errorf("Rel(%q, %q) = %q, want %q", tt.from, tt.target, got, tt.want)
		}
	}
}

func TestCheckSlug(t *testing.T) {
	for _, ok := range []string{"ai-de-chuan-di", "爱的传递", "2016", "a.b"} {
		if bad, fine := checkSlug(ok); !fine {
			t.Errorf("checkSlug(%q) = %q, want ok", ok, bad)
		}
	}
	for _, bad := range []string{"", " ", ".", "..", "../x", "a/b", `a\b`, ".hidden", "a b", "a%2fb", "a?b", "a\x00b", "c:", "index.html", "a.HTM"} {
		if _, fine := checkSlug(bad); fine {
			t.Errorf("checkSlug(%q): want a problem", bad)
		}
	}
}
