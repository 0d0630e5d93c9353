package generator_test

import (
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dangjian/dangjian/internal/browser"
)

// chartSizes returns, for every chart container of the page, the size of what ECharts drew in
// it (an SVG or a canvas), as "w×h", or "empty".
const chartSizes = `Array.from(document.querySelectorAll(".chart-canvas")).map(function (el) {
	var drawn = el.querySelector("svg, canvas");
	if (!drawn) { return "empty"; }
	var r = drawn.getBoundingClientRect();
	return Math.round(r.width) + "x" + Math.round(r.height);
})`

// TestChartsDrawInBrowser opens the real site's pages with charts in Chromium, from a server
// on 127.0.0.1 and from disk, and checks that every chart is drawn, nothing fails, and no
// request leaves the site.
func TestChartsDrawInBrowser(t *testing.T) {
	dest := buildRealSite(t)
	base := browser.Serve(t, dest)
	b := browser.New(t)
	pages := []struct {
		path, name string
		charts     int
	}{
		{"/", "home", 2},
		{"/reports/2016/", "report-2016", 2},
		{"/lecture-hall/", "lecture-hall", 2},
	}
	for _, pg := range pages {
		for _, width := range []int{390, 1280} {
			t.Run(fmt.Sprintf("%s-%d", pg.name, width), func(t *testing.T) {
				tab := b.Open(t, base+pg.path, width)
				sizes := waitForCharts(t, tab, pg.charts)
				for i, size := range sizes {
					if undrawn(size) {
						t.Errorf("chart %d of %s at %dpx: %s", i, pg.path, width, size)
					}
				}
				if errs := tab.Errors(); len(errs) > 0 {
					t.Errorf("errors in %s: %v", pg.path, errs)
				}
				if foreign := tab.ForeignRequests(base); len(foreign) > 0 {
					t.Errorf("%s requested other hosts: %v", pg.path, foreign)
				}
				t.Logf("screenshot: %s", tab.Screenshot(fmt.Sprintf("charts-%s-%d.png", pg.name, width)))
			})
		}
	}
	t.Run("from-disk", func(t *testing.T) {
		tab := b.Open(t, "file://"+filepath.Join(dest, "index.html"), 1280)
		for i, size := range waitForCharts(t, tab, 2) {
			if undrawn(size) {
				t.Errorf("chart %d from disk: %s", i, size)
			}
		}
		if errs := tab.Errors(); len(errs) > 0 {
			t.Errorf("errors from disk: %v", errs)
		}
	})
}

// undrawn reports whether a chart's size, from chartSizes, says nothing was drawn.
func undrawn(size string) bool {
	return size == "empty" || strings.HasPrefix(size, "0x") || strings.HasSuffix(size, "x0")
}

// waitForCharts waits until the page has drawn want charts, and returns their sizes.
func waitForCharts(t *testing.T, tab *browser.Tab, want int) []string {
	t.Helper()
	var sizes []string
	drawn := func() bool {
		sizes = browser.Eval[[]string](tab, chartSizes)
		return len(sizes) == want && !slices.Contains(sizes, "empty")
	}
	if !browser.WaitUntil(tab, 5*time.Second, drawn) {
		t.Fatalf("want %d drawn charts, have %v", want, sizes)
	}
	return sizes
}

// TestPagesFitPhones opens pages of the real site at phone and desktop widths, checks that
// nothing is wider than the screen, and saves screenshots to look at.
func TestPagesFitPhones(t *testing.T) {
	dest := buildRealSite(t)
	base := browser.Serve(t, dest)
	b := browser.New(t)
	for _, pg := range []struct{ path, name string }{
		{"/lecture-hall/ai-de-chuan-di/", "ai-de-chuan-di"},
		{"/search/index.html?q=" + url.QueryEscape("愛的"), "search"},
	} {
		for _, width := range []int{390, 1280} {
			tab := b.Open(t, base+pg.path, width)
			if pg.name == "search" {
				waitForResults(t, tab)
			}
			if wide := browser.Eval[int](tab, "document.documentElement.scrollWidth"); wide > width {
				t.Errorf("%s at %dpx is %dpx wide", pg.path, width, wide)
			}
			if errs := tab.Errors(); len(errs) > 0 {
				t.Errorf("errors in %s: %v", pg.path, errs)
			}
			t.Logf("screenshot: %s", tab.Screenshot(fmt.Sprintf("%s-%d.png", pg.name, width)))
		}
	}
}
