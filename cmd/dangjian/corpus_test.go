package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/corpus"
	"github.com/dangjian/dangjian/internal/linkcheck"
	"github.com/dangjian/dangjian/internal/sitetest"
	"github.com/dangjian/dangjian/internal/testenv"
	"github.com/dangjian/dangjian/internal/vnu"
)

// TestSyntheticSite takes the 1,000-page synthetic site of internal/corpus through build,
// check and export as an editor would: none of them finds an error, every link and image of
// every page resolves, nothing points at the site's own host, and every page is valid HTML.
func TestSyntheticSite(t *testing.T) {
	jar := testenv.VNU(t)
	site := filepath.Join(t.TempDir(), "site")
	if err := corpus.Write(site, 1000, 1); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(t.TempDir(), "public")
	command := func(args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), args, &stdout, &stderr); code != exitOK {
			t.Fatalf("dangjian %s: exit %d\n%s%s", strings.Join(args, " "), code, &stdout, &stderr)
		}
		return stdout.String()
	}
	command("build", "-s", site, "-d", public, "--no-git")
	if summary := command("check", "-s", site); !strings.Contains(summary, " 0 errors") && !strings.Contains(summary, "no problems") {
		t.Errorf("check: %s", summary)
	}
	command("export", "-s", site, "-o", filepath.Join(t.TempDir(), "export"))

	pages := 0
	for _, name := range sitetest.Files(t, public) {
		if strings.HasSuffix(name, "/index.html") {
			pages++
		}
	}
	if pages < 1000 {
		t.Errorf("%d pages written", pages)
	}
	opts, err := linkcheck.ForBaseURL("https://dangjian.example/")
	if err != nil {
		t.Fatal(err)
	}
	broken, err := linkcheck.Check(os.DirFS(public), opts)
	if err != nil || len(broken) > 0 {
		t.Errorf("links: %v %v", err, broken)
	}
	invalid, err := vnu.Check(t.Context(), jar, vnu.Options{}, public)
	if err != nil || len(invalid) > 0 {
		t.Errorf("HTML: %v\n%s", err, strings.Join(invalid, "\n"))
	}
}
