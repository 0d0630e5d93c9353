package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/linkcheck"
	"github.com/dangjian/dangjian/internal/sitetest"
	"github.com/dangjian/dangjian/internal/testenv"
	"github.com/dangjian/dangjian/internal/vnu"
)

// qualitySites builds the real site, and the basic test site with a photo gallery, which the
// real site lacks; it returns their output folders and base URLs.
func qualitySites(t *testing.T) map[string]string {
	t.Helper()
	s := sitetest.New(t, basicSite)
	s.Write("content/lecture-hall/ai-de-chuan-di/现场合影.jpg", "GIF89a")
	s.Build()
	return map[string]string{
		buildRealSite(t):               "https://intranet.example/dangjian/",
		filepath.Join(s.Dir, "public"): "https://intranet.example/dangjian/",
	}
}

// TestLinksResolve checks every link and image of every page: each is relative to its page
// (but the 404 page's, from the base path) and names a file of the site, not a folder, each
// fragment an id of its page, and none points at the site's own host.
func TestLinksResolve(t *testing.T) {
	for dest, base := range qualitySites(t) {
		opts, err := linkcheck.ForBaseURL(base)
		if err != nil {
			t.Fatal(err)
		}
		problems, err := linkcheck.Check(os.DirFS(dest), opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Errorf("%s: %s", dest, p)
		}
	}
}

// TestPagesAreValidHTML has the Nu HTML Checker check every page, in one run.
func TestPagesAreValidHTML(t *testing.T) {
	jar := testenv.VNU(t)
	var dests []string
	for dest := range qualitySites(t) {
		dests = append(dests, dest)
	}
	messages, err := vnu.Check(t.Context(), jar, vnu.Options{}, dests...)
	if err != nil {
		t.Fatal(err)
	}
	if len(messages) > 0 {
		t.Errorf("the Nu HTML Checker found errors:\n%s", strings.Join(messages, "\n"))
	}
}
