package articles_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/articles"
	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/chart"
	"github.com/dangjian/dangjian/internal/sitetest"
	"github.com/dangjian/dangjian/internal/testenv"
	"github.com/dangjian/dangjian/internal/vnu"
)

// TestFragmentsAreValidHTML wraps every article.html that the tests' sites and every page of
// the real site export to in a minimal document, and has the Nu HTML Checker check them all:
// the real site's 2016 report and blockSite's pages with their charts among them. The charts'
// SVG pictures are checked too.
func TestFragmentsAreValidHTML(t *testing.T) {
	testenv.ChartFont(t, chart.HasFont) // the site's charts are drawn
	jar := testenv.VNU(t)
	var outs []string
	for _, site := range []struct {
		txtar  string
		charts articles.ChartsFunc // nil: the site's own, drawn by package chart
	}{{traditionalSite, nil}, {rawSite, nil}, {imageSite, nil}, {chartSite, charts}, {blockSite, nil}} {
		s := sitetest.New(t, site.txtar)
		writeImages(t, s)
		outs = append(outs, run(t, articles.Config{Options: generator.Options{Source: s.Dir}, Charts: site.charts}).Out)
	}
	var all []string
	err := filepath.WalkDir("../content", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(name, ".md") && d.Name() != "_index.md" {
			all = append(all, filepath.ToSlash(strings.TrimPrefix(name, "../")))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	outs = append(outs, run(t, articles.Config{Options: generator.Options{Source: ".."}, Pages: all}).Out)

	docs := t.TempDir()
	n, pictures := 0, 0
	for _, out := range outs {
		for _, name := range sitetest.Files(t, out) {
			var doc string
			switch {
			case filepath.Base(name) == articles.HTMLFile:
				n++
				// The document shows the title above the article, as the website does.
				doc = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + name + "</title>\n</head>\n<body>\n<h1>" + name + "</h1>\n" +
					read(t, filepath.Join(out, name)) + "</body>\n</html>\n"
			case strings.HasSuffix(name, ".svg"):
				pictures++
				doc = read(t, filepath.Join(out, name))
			default:
				continue
			}
			if err := os.WriteFile(filepath.Join(docs, strconv.Itoa(n+pictures)+"-"+strings.ReplaceAll(name, "/", "_")), []byte(doc), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if n < len(all)+6 || pictures < 5 {
		t.Fatalf("only %d fragments and %d charts to check", n, pictures)
	}
	// Warnings fail the test too, but for the note that <img/>'s slash, which the sanitiser
	// writes, has no effect: it is valid HTML.
	// The charts' pictures are checked as SVG.
	messages, err := vnu.Check(t.Context(), jar, vnu.Options{Warnings: true, SVG: true, Ignore: ".*Trailing slash on void elements.*"}, docs)
	if err != nil {
		t.Fatal(err)
	}
	if len(messages) > 0 {
		t.Errorf("the Nu HTML Checker found problems in %d fragments and %d charts:\n%s", n, pictures, strings.Join(messages, "\n"))
	}
}
