package serve

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dangjian/dangjian/internal/browser"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/sitetest"
)

// TestLiveReloadInBrowser opens a long page in Chromium, scrolls down, and saves the page's
// file: the page reloads by itself at the same place. A broken save shows the problem over
// the page, under a heading in Chinese, the default language; fixing it takes the overlay away.
func TestLiveReloadInBrowser(t *testing.T) {
	long := strings.Repeat("这一段文字很长，用来让页面可以向下滚动。\n\n", 150)
	h := startWith(t, sitetest.New(t, serveSite), Config{})
	h.site.Write(editedPage, lecture("红色党课", "第一版。\n\n"+long))
	h.next()
	b := browser.New(t)
	tab := b.Open(t, h.url+"/lectures/hongse-dangke/", 1280)
	const y = 1500
	if got := browser.Eval[float64](tab, "window.scrollTo(0, 1500); window.scrollY"); got != y {
		t.Fatalf("the page does not scroll to %d: %v", y, got)
	}

	h.site.Write(editedPage, lecture("红色党课", "第二版。\n\n"+long))
	waitFor(t, tab, `document.body.textContent.includes("第二版")`)
	// The script restores the position once the page has loaded.
	waitFor(t, tab, `document.readyState === "complete" && Math.abs(window.scrollY - 1500) < 2`)

	h.site.Write(editedPage, "---\ntitle: 红色党课\ndate: 2016-06-01\nform: 党课\nspeeker: 张三\n---\n坏了。\n")
	box := `(document.getElementById("dangjian-problems") || {}).textContent`
	waitFor(t, tab, box+`.includes(`+strconv.Quote(msg.Chinese.Sprintf(msg.BuildFailed))+`)`)
	// The problem, said by the stage that found it, at its place.
	waitFor(t, tab, box+`.includes(`+strconv.Quote(editedPage+":5:1")+`) && `+box+`.includes("speeker")`)
	if !browser.Eval[bool](tab, `document.body.textContent.includes("第二版")`) {
		t.Error("the last good page is not shown under the problems")
	}
	t.Logf("screenshot: %s", tab.Screenshot("serve-problems.png"))

	h.site.Write(editedPage, lecture("红色党课", "修好了。\n\n"+long))
	waitFor(t, tab, `document.body.textContent.includes("修好了") && !document.getElementById("dangjian-problems")`)

	// More pages open than a browser keeps connections to one server: they share one event
	// stream, so each still loads, and each reloads.
	tabs := []*browser.Tab{tab}
	for range 8 {
		tabs = append(tabs, b.Open(t, h.url+"/lectures/", 800))
	}
	h.site.Write(editedPage, lecture("红色党课（九个标签页）", "再改。\n\n"+long))
	for _, open := range tabs {
		waitFor(t, open, `document.body.textContent.includes("九个标签页")`)
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("errors in the page: %v", errs)
	}
	if foreign := tab.ForeignRequests(h.url); len(foreign) > 0 {
		t.Errorf("requests to other hosts: %v", foreign)
	}
}

// waitFor waits until a JavaScript condition holds in the tab's page, for five seconds at most.
// An evaluation may fail while the page reloads: it is tried again.
func waitFor(t *testing.T, tab *browser.Tab, cond string) {
	t.Helper()
	expr := "(function () { try { return !!(" + cond + "); } catch (e) { return false; } })()"
	if !browser.WaitUntil(tab, 5*time.Second, func() bool {
		ok, err := browser.TryEval[bool](tab, expr)
		return err == nil && ok
	}) {
		t.Fatalf("still not true after 5s: %s", cond)
	}
}
