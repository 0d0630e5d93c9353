package generator_test

import (
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/browser"
	"github.com/dangjian/dangjian/internal/corpus"
	"github.com/dangjian/dangjian/internal/sitetest"
)

// searchResults is what the search page shows: its status line, then the title and link of
// each result, as "title → link".
const searchResults = `[(document.getElementById("search-status") || {textContent: ""}).textContent].concat(
	Array.from(document.querySelectorAll("#search-results li h2 a")).map(function (a) {
		return a.textContent + " → " + a.getAttribute("href");
	}))`

// typeQuery types query into the search box of the tab's page, presses Enter, and returns
// what the page shows once it has stopped loading.
func typeQuery(t *testing.T, tab *browser.Tab, box chromedp.CSS, query string) []string {
	t.Helper()
	browser.Eval[bool](tab, `(document.querySelector("`+string(box)+`").value = "", true)`)
	if err := chromedp.Do(tab.Ctx, chromedp.SendKeys(box, query+kb.Enter)); err != nil {
		t.Fatalf("typing %q: %v", query, err)
	}
	return waitForResults(t, tab)
}

// waitForResults waits until the search page has finished a search, and returns what it shows.
// The page may be loading meanwhile: Enter sends the form when the search script has not yet
// taken it over, and the page then searches the query in its address.
func waitForResults(t *testing.T, tab *browser.Tab) []string {
	t.Helper()
	var shown []string
	var err error
	finished := func() bool {
		shown, err = browser.TryEval[[]string](tab, searchResults)
		return err == nil && shown[0] != "" && !strings.Contains(shown[0], "……")
	}
	if !browser.WaitUntil(tab, 10*time.Second, finished) {
		t.Fatalf("the search did not finish: %q, %v", shown, err)
	}
	return shown
}

// TestSearchInBrowser types Chinese queries into the real site's search page, served from
// 127.0.0.1 and opened from disk, and checks the results: traditional pages found by
// traditional and simplified queries, title hits first.
func TestSearchInBrowser(t *testing.T) {
	dest := buildRealSite(t)
	b := browser.New(t)
	served := browser.Serve(t, dest)
	for _, site := range []struct{ name, base string }{
		{"server", served},
		{"disk", "file://" + filepath.ToSlash(dest)},
	} {
		t.Run(site.name, func(t *testing.T) {
			tab := b.Open(t, site.base+"/search/index.html", 1280)
			for _, q := range []struct {
				query string
				first string // the first result
				also  []string
			}{
				{"愛的", "「愛的傳遞」道德講堂 → ../lecture-hall/ai-de-chuan-di/index.html",
					[]string{"../lecture-hall/fen-dou-de-qing-chun-zui-mei-li/index.html", "../reports/2016/index.html"}},
				{"爱的传递", "「愛的傳遞」道德講堂 → ../lecture-hall/ai-de-chuan-di/index.html", nil},
				{"警示教育", "2016年黨支部警示教育大會（12次） → ../lectures/jingshi-jiaoyu-dahui-2016/index.html",
					[]string{"../reports/2016/index.html"}},
			} {
				shown := typeQuery(t, tab, "#search-query", q.query)
				if len(shown) < 2 || shown[1] != q.first {
					t.Errorf("%s: want first %q, got %q", q.query, q.first, shown)
					continue
				}
				for _, link := range q.also {
					if !slices.ContainsFunc(shown, func(s string) bool { return strings.HasSuffix(s, " → "+link) }) {
						t.Errorf("%s: no result %s in %q", q.query, link, shown)
					}
				}
				marked := browser.Eval[[]string](tab, `Array.from(document.querySelectorAll("#search-results mark")).map(function (m) { return m.textContent; })`)
				if len(marked) == 0 {
					t.Errorf("%s: no match highlighted", q.query)
				}
			}
			if shown := typeQuery(t, tab, "#search-query", "沒有這樣的詞語"); len(shown) != 1 || !strings.Contains(shown[0], "沒有找到") {
				t.Errorf("a query without results shows %q", shown)
			}
			if errs := tab.Errors(); len(errs) > 0 {
				t.Errorf("errors: %v", errs)
			}
			if site.name == "server" {
				if foreign := tab.ForeignRequests(site.base); len(foreign) > 0 {
					t.Errorf("requests to other hosts: %v", foreign)
				}
			}

			// The search box in the header of every page leads to the results.
			page := b.Open(t, site.base+"/lecture-hall/ai-de-chuan-di/index.html", 390)
			if err := chromedp.Do(page.Ctx, chromedp.SendKeys(chromedp.CSS(".site-search input"), "警示教育"+kb.Enter)); err != nil {
				t.Fatal(err)
			}
			// A server may drop the index.html of the address.
			waitForURL(t, page, "/search/")
			if shown := waitForResults(t, page); len(shown) < 2 || !strings.Contains(shown[1], "jingshi-jiaoyu-dahui-2016") {
				t.Errorf("the header's search shows %q", shown)
			}
			if errs := page.Errors(); len(errs) > 0 {
				t.Errorf("errors: %v", errs)
			}
		})
	}
}

// waitForURL waits until the tab's address holds part.
func waitForURL(t *testing.T, tab *browser.Tab, part string) {
	t.Helper()
	arrived := func() bool {
		loc, err := browser.TryEval[string](tab, "window.location.href")
		return err == nil && strings.Contains(loc, part)
	}
	if !browser.WaitUntil(tab, 10*time.Second, arrived) {
		t.Fatalf("the address never held %q: %s", part, browser.Eval[string](tab, "window.location.href"))
	}
}

// TestSearchFolding checks, in a small site, that the browser folds and cuts a query as the
// index does (full-width letters, upper case and traditional characters alike), that the
// substring check drops a page that holds all of a query's pairs but not the query, and that
// a query given in the address (as the header's form sends it) is searched on arrival.
func TestSearchFolding(t *testing.T) {
	s := sitetest.New(t, `
-- site.yaml --
title: 测试
-- content/activities/a.md --
---
title: ABC党课
date: 2016-01-02
---
甲乙、乙丙。
-- content/activities/b.md --
---
title: 另一页
date: 2016-01-01
summary: 讲到甲乙丙的一页
---
正文。
`)
	s.Build()
	b := browser.New(t)
	tab := b.Open(t, "file://"+filepath.ToSlash(s.Dir)+"/public/search/index.html?q="+url.QueryEscape("ａｂｃ黨課"), 1280)
	if shown := waitForResults(t, tab); len(shown) != 2 || shown[1] != "ABC党课 → ../activities/a/index.html" {
		t.Errorf("ａｂｃ黨課 shows %q", shown)
	}
	// Page a holds 甲乙 and 乙丙, but only b holds 甲乙丙.
	if shown := typeQuery(t, tab, "#search-query", "甲乙丙"); len(shown) != 2 || shown[1] != "另一页 → ../activities/b/index.html" {
		t.Errorf("甲乙丙 shows %q", shown)
	}
	if snippet := browser.Eval[string](tab, `document.querySelector("#search-results li p:last-child").innerHTML`); snippet != "讲到<mark>甲乙丙</mark>的一页" {
		t.Errorf("snippet %q", snippet)
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("errors: %v", errs)
	}
}

// TestCorpusSearch searches a large site from disk: the 1,000-page synthetic site of
// internal/corpus. A query finds its pages, title hits first, loads a few of the index's files
// only, and finds more on demand.
func TestCorpusSearch(t *testing.T) {
	b := browser.New(t)
	site, dest := t.TempDir(), filepath.Join(t.TempDir(), "public")
	if err := corpus.Write(site, 1000, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := generator.Build(t.Context(), generator.Config{Options: generator.Options{Source: site}, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	tab := b.Open(t, "file://"+filepath.ToSlash(dest)+"/search/index.html", 1280)
	shown := typeQuery(t, tab, "#search-query", "警示教育大會")
	if len(shown) < 2 || !strings.Contains(shown[1], "警示教育大会") {
		t.Fatalf("警示教育大會 shows %q", shown)
	}
	var index, pages int
	for _, r := range tab.Requests() {
		switch name := path.Base(r); {
		case strings.HasPrefix(name, "index-"):
			index++
		case strings.HasPrefix(name, "pages-"):
			pages++
		}
	}
	t.Logf("%d results, from %d index files and %d files of pages", len(shown)-1, index, pages)
	// Five pairs of characters: at most five index files.
	if index == 0 || index > 5 || pages == 0 || pages > 3 {
		t.Errorf("the query loaded %d index files and %d files of pages", index, pages)
	}
	if more := browser.Eval[bool](tab, `!document.getElementById("search-more").hidden`); more {
		if err := chromedp.Do(tab.Ctx, chromedp.Click(chromedp.CSS("#search-more"))); err != nil {
			t.Fatal(err)
		}
		if after := waitForResults(t, tab); len(after) <= len(shown) {
			t.Errorf("more results: %d, before %d", len(after)-1, len(shown)-1)
		}
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("errors: %v", errs)
	}
}

// TestSearchWaitsForInputMethod types as Chinese users do, through an input method: while it
// composes, the box holds pinyin, which the page must not search for; the chosen characters
// are searched when the composition ends.
func TestSearchWaitsForInputMethod(t *testing.T) {
	s := sitetest.New(t, "-- site.yaml --\ntitle: 测试\n-- content/activities/a.md --\n---\ntitle: 警示教育\ndate: 2016-01-02\n---\n正文。\n")
	s.Build()
	b := browser.New(t)
	tab := b.Open(t, "file://"+filepath.ToSlash(s.Dir)+"/public/search/index.html", 1280)
	if err := chromedp.Do(tab.Ctx, chromedp.Focus(chromedp.CSS("#search-query"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tab.Ctx, input.ImeSetComposition, input.ImeSetCompositionParams{Text: "jingshi", SelectionStart: 7, SelectionEnd: 7}); err != nil {
		t.Fatal(err)
	}
	browser.Sleep(tab, 600)
	if status := browser.Eval[string](tab, `document.getElementById("search-status").textContent`); status != "" {
		t.Errorf("while composing, the page searched: %q", status)
	}
	if _, err := chromedp.Call(tab.Ctx, input.InsertText, input.InsertTextParams{Text: "警示"}); err != nil {
		t.Fatal(err)
	}
	if shown := waitForResults(t, tab); len(shown) != 2 || shown[1] != "警示教育 → ../activities/a/index.html" {
		t.Errorf("after composing 警示: %q", shown)
	}
}
