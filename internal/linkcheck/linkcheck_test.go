package linkcheck

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestCheck(t *testing.T) {
	site := fstest.MapFS{
		"index.html": {Data: []byte(`<!DOCTYPE html>
<a href="a/index.html">a</a> <a href="a/index.html#top">top</a> <a href="#here">here</a>
<p id="here"><img src="img/x.png" alt=""> <img srcset="img/x.png 1x, img/y.png 2x" alt="">
<a href="https://other.example/x">other site</a> <a href="mailto:x@example.com">mail</a>
<a href="?q=1">query</a>
<form action="search/index.html"></form>
<a href="%e7%ba%a2/index.html">red</a>
`)},
		"a/index.html": {Data: []byte(`<h1 id="top">a</h1>
<a href="../index.html#here">back</a>
<a href="../b/">folder</a>
<a href="../b">folder, no slash</a>
<a href="../missing.html">missing</a>
<a href="../index.html#nowhere">no such id</a>
<a href="#gone">no such id here</a>
<a href="/a/index.html">root-relative</a>
<a href="https://intranet.example/dangjian/a/">own host</a>
<a href="../../outside.html">outside</a>
<a href="">empty</a>
<a name="old">named anchor</a> <a href="#old">to it</a>
<link rel="stylesheet" href="../style.css">
`)},
		"b/index.html":      {Data: []byte("b")},
		"img/x.png":         {Data: []byte("png")},
		"search/index.html": {Data: []byte("search")},
		"红/index.html":      {Data: []byte("red")},
	}
	got := checked(t, site, Options{Hosts: []string{"intranet.example"}})
	want := []string{
		"a/index.html:3: ../b/: " + folderLink,
		"a/index.html:4: ../b: " + folderLink,
		"a/index.html:5: ../missing.html: no such file: missing.html",
		`a/index.html:6: ../index.html#nowhere: index.html has no id "nowhere"`,
		`a/index.html:7: #gone: a/index.html has no id "gone"`,
		"a/index.html:8: /a/index.html: root-relative link: it breaks from disk and under a sub-path; link relatively",
		"a/index.html:9: https://intranet.example/dangjian/a/: absolute link to the site itself: it breaks under another address; link relatively",
		"a/index.html:10: ../../outside.html: points outside the site",
		"a/index.html:11: : empty link",
		"a/index.html:13: ../style.css: no such file: style.css",
		"index.html:3: img/y.png: no such file: img/y.png",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestNotFoundPage checks the links of the 404 page, which a server shows at any URL: from the
// site's base path, a folder standing for its index.html.
func TestNotFoundPage(t *testing.T) {
	site := fstest.MapFS{
		"404.html": {Data: []byte(`<!DOCTYPE html>
<a href="/dangjian/">home</a> <a href="/dangjian/a/">a</a> <a href="/dangjian/a/index.html#top">top</a>
<a href="/dangjian/missing/">missing</a>
<a href="/elsewhere/">outside the base path</a>
<a href="a/index.html">relative</a>
`)},
		"index.html":   {Data: []byte("home")},
		"a/index.html": {Data: []byte(`<h1 id="top">a</h1>`)},
	}
	opts, err := ForBaseURL("https://intranet.example/dangjian")
	if err != nil {
		t.Fatal(err)
	}
	if opts.BasePath != "/dangjian/" || !slices.Equal(opts.Hosts, []string{"intranet.example"}) {
		t.Errorf("options of https://intranet.example/dangjian: %+v", opts)
	}
	got := checked(t, site, opts)
	want := []string{
		"404.html:3: /dangjian/missing/: no such file: missing/index.html",
		"404.html:4: /elsewhere/: root-relative link: it breaks from disk and under a sub-path; link relatively",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := ForBaseURL("intranet.example/dangjian/"); err == nil {
		t.Errorf("a base URL without a scheme and host was taken")
	}
}

// checked returns the problems Check finds in site, one line each.
func checked(t *testing.T, site fstest.MapFS, opts Options) []string {
	t.Helper()
	problems, err := Check(site, opts)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	return got
}
