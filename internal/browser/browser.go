// Package browser drives headless Chromium for the browser tests: it serves an output folder
// on 127.0.0.1, opens pages, records every request and console error, and saves screenshots as
// test artifacts.
package browser

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/dangjian/dangjian/internal/testenv"
)

// Browser is one headless Chromium for a test.
type Browser struct {
	t   testing.TB
	ctx context.Context
}

// New starts Chromium. Pages are looked at as staff see them, their charts drawn by the real
// ECharts, so a test without Chromium or ECharts is skipped (see internal/testenv).
func New(t testing.TB) *Browser {
	t.Helper()
	path := testenv.Chromium(t)
	testenv.ECharts(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		// The machine has no network: without these Chromium keeps trying to reach its services.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		// Pages opened from disk load their scripts from disk, as staff do.
		chromedp.Flag("allow-file-access-from-files", true),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return &Browser{t: t, ctx: ctx}
}

// Serve serves dir on 127.0.0.1 until the test ends and returns its base URL.
func Serve(t testing.TB, dir string) string {
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv.URL
}

// Tab is an open page with what it requested and what went wrong in it.
type Tab struct {
	Ctx context.Context
	t   testing.TB

	mu       sync.Mutex
	requests []string
	errors   []string
}

// Open opens url in a new tab at the given viewport width, and waits for it to load. The tab
// belongs to t, the test or subtest that opened it: its failures are t's.
func (b *Browser) Open(t testing.TB, rawURL string, width int) *Tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancel() })
	tab := &Tab{Ctx: ctx, t: t}
	err := chromedp.Listen(ctx, func(ev any) {
		tab.mu.Lock()
		defer tab.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			tab.requests = append(tab.requests, ev.Request.URL)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				tab.errors = append(tab.errors, fmt.Sprintf("console.error: %v", args(ev.Args)))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			tab.errors = append(tab.errors, "exception: "+msg)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				tab.errors = append(tab.errors, fmt.Sprintf("%s: %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
			}
		}
	})
	if err == nil {
		_, err = chromedp.Call(ctx, network.Enable, network.EnableParams{})
	}
	if err == nil {
		_, err = chromedp.Call(ctx, log.Enable, cdp.Empty{})
	}
	if err == nil {
		err = chromedp.Do(ctx,
			chromedp.EmulateViewport(int64(width), 900),
			chromedp.Navigate(rawURL),
			chromedp.WaitReady("body"),
		)
	}
	if err != nil {
		t.Fatalf("opening %s: %v", rawURL, err)
	}
	return tab
}

func args(values []*runtime.RemoteObject) []string {
	var out []string
	for _, v := range values {
		if v.Value != nil {
			out = append(out, string(v.Value))
		} else {
			out = append(out, v.Description)
		}
	}
	return out
}

// Errors returns the console errors, exceptions and failed loads seen so far.
func (tab *Tab) Errors() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.errors...)
}

// Requests returns the URLs the tab has requested so far.
func (tab *Tab) Requests() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.requests...)
}

// ForeignRequests returns the requests to any host but base's, and to any scheme but base's.
func (tab *Tab) ForeignRequests(base string) []string {
	b, _ := url.Parse(base)
	tab.mu.Lock()
	defer tab.mu.Unlock()
	var foreign []string
	for _, r := range tab.requests {
		u, err := url.Parse(r)
		if err != nil || u.Scheme != b.Scheme || u.Host != b.Host {
			if u != nil && u.Scheme == "data" {
				continue
			}
			foreign = append(foreign, r)
		}
	}
	return foreign
}

// Eval evaluates a JavaScript expression in the tab's page.
func Eval[T any](tab *Tab, expr string) T {
	tab.t.Helper()
	v, err := TryEval[T](tab, expr)
	if err != nil {
		tab.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// TryEval evaluates a JavaScript expression in the tab's page, and returns its error: for
// waiting on a page that may be loading another one.
func TryEval[T any](tab *Tab, expr string) (T, error) {
	return chromedp.Run(tab.Ctx, chromedp.Evaluate[T](expr))
}

// Screenshot saves a full-page PNG as a test artifact, in $ARTIFACTS or test-artifacts/ at the
// repository root, and returns its path.
func (tab *Tab) Screenshot(name string) string {
	tab.t.Helper()
	png, err := chromedp.Run(tab.Ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tab.t.Fatalf("screenshot %s: %v", name, err)
	}
	return SaveArtifact(tab.t, name, png)
}

// SaveArtifact writes data as the test artifact name, in $ARTIFACTS or test-artifacts/ at the
// repository root, and returns its path.
func SaveArtifact(t testing.TB, name string, data []byte) string {
	t.Helper()
	dir := os.Getenv("ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(repoRoot(), "test-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// repoRoot is the folder holding go.mod, found upwards from the test's folder.
func repoRoot() string {
	dir, _ := os.Getwd()
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

// WaitUntil calls ok every 50 milliseconds until it returns true, and reports whether it did
// within timeout; it gives up early when the tab's context ends.
func WaitUntil(tab *Tab, timeout time.Duration, ok func() bool) bool {
	for deadline := time.Now().Add(timeout); ; {
		if ok() {
			return true
		}
		if time.Now().After(deadline) || tab.Ctx.Err() != nil {
			return false
		}
		Sleep(tab, 50)
	}
}

// Sleep waits ms milliseconds, or until the tab's context ends.
func Sleep(tab *Tab, ms int) {
	select {
	case <-time.After(time.Duration(ms) * time.Millisecond):
	case <-tab.Ctx.Done():
	}
}
