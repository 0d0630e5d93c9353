package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/sitetest"
	"github.com/fsnotify/fsnotify"
)

func TestSiteFile(t *testing.T) {
	tests := []struct {
		rel  string
		want bool
	}{
		{"site.yaml", true},
		{"content", true},
		{"content/lectures/a.md", true},
		{"content/lecture-hall/ai/photo.png", true},
		{"layouts/partials/footer.html", true},
		{"static/images/logo.png", true},
		{"public/index.html", false},
		{"go.mod", false},
		{".git/index", false},
		{"site.yaml~", false},
		{"content/lectures/.a.md.swp", false},
		{"content/lectures/.a.md.swx", false},
		{"content/lectures/4913", false},
		{"content/lectures/a.md~", false},
		{"content/lectures/#a.md#", false},
		{"content/lectures/.#a.md", false},
		{"content/lectures/~$报告.docx", false},
		{"content/lecture-hall/ai/Thumbs.db", false},
		{"content/lecture-hall/ai/desktop.ini", false},
		{"content/.hidden/a.md", false},
	}
	for _, tt := range tests {
		if got := siteFile(tt.rel); got != tt.want {
			t.Errorf("siteFile(%q) = %v, want %v", tt.rel, got, tt.want)
		}
	}
}

// TestCoalesce feeds events to the batching as fsnotify would: a burst is one batch, sent
// once the events pause; an overflow makes the batch a rescan; a file that came and went
// within the burst is left out.
func TestCoalesce(t *testing.T) {
	tests := []struct {
		name   string
		events []fsnotify.Event
		errs   []error
		want   batch
	}{
		{"a burst is one batch", []fsnotify.Event{
			{Name: "content/a.md", Op: fsnotify.Create},
			{Name: "content/a.md", Op: fsnotify.Write},
			{Name: "content/b.md", Op: fsnotify.Write},
			{Name: "content/.a.md.swp", Op: fsnotify.Write},
			{Name: "content/a.md", Op: fsnotify.Chmod},
		}, nil, batch{files: []string{"content/a.md", "content/b.md"}}},
		{"overflow", []fsnotify.Event{{Name: "content/a.md", Op: fsnotify.Write}}, []error{fsnotify.ErrEventOverflow},
			batch{files: []string{"content/a.md"}, rescan: true}},
		{"another error", nil, []error{errors.New("read failed")}, batch{rescan: true}},
		{"a temporary file that came and went", []fsnotify.Event{
			{Name: "content/sedX1Yz", Op: fsnotify.Create},
			{Name: "content/sedX1Yz", Op: fsnotify.Write},
			{Name: "content/sedX1Yz", Op: fsnotify.Rename},
			{Name: "content/a.md", Op: fsnotify.Create},
			{Name: "content/gone.md", Op: fsnotify.Remove},
		}, nil, batch{files: []string{"content/a.md", "content/gone.md"}}},
		{"only a temporary file", []fsnotify.Event{
			{Name: "content/sedX1Yz", Op: fsnotify.Create},
			{Name: "content/sedX1Yz", Op: fsnotify.Remove},
		}, nil, batch{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			events, errs, out := make(chan fsnotify.Event), make(chan error), make(chan batch)
			changed := func(ev fsnotify.Event) []string {
				if siteFile(ev.Name) {
					return []string{ev.Name}
				}
				return nil
			}
			exists := func(rel string) bool { return rel != "content/sedX1Yz" && rel != "content/gone.md" }
			go coalesce(ctx, events, errs, changed, exists, func(error) {}, out)
			for _, ev := range tt.events {
				events <- ev
			}
			for _, err := range tt.errs {
				errs <- err
			}
			if tt.want.files != nil || tt.want.rescan {
				select {
				case got := <-out:
					if !slices.Equal(got.files, tt.want.files) || got.rescan != tt.want.rescan {
						t.Errorf("batch %+v, want %+v", got, tt.want)
					}
				case <-time.After(5 * time.Second):
					t.Fatal("no batch")
				}
			}
			select {
			case extra := <-out:
				t.Errorf("a second batch: %+v", extra)
			case <-time.After(2 * quiet):
			}
		})
	}
}

// TestCoalesceWaitsForQuiet: events that keep coming are still reported, within maxDelay.
func TestCoalesceWaitsForQuiet(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events, out := make(chan fsnotify.Event), make(chan batch)
	always := func(string) bool { return true }
	go coalesce(ctx, events, nil, func(ev fsnotify.Event) []string { return []string{ev.Name} }, always, func(error) {}, out)
	start := time.Now()
	for i := 0; ; i++ {
		select {
		case got := <-out:
			if took := time.Since(start); took > maxDelay+quiet+200*time.Millisecond {
				t.Errorf("a steady stream of events was reported after %s", took)
			}
			if len(got.files) < 2 {
				t.Errorf("batch %v: want the events so far", got.files)
			}
			return
		case events <- fsnotify.Event{Name: fmt.Sprintf("content/%d.md", i), Op: fsnotify.Write}:
			time.Sleep(quiet / 3)
		case <-time.After(5 * time.Second):
			t.Fatal("no batch while events kept coming")
		}
	}
}

func TestWatchError(t *testing.T) {
	limit := watchError("/site/content/x", fmt.Errorf("add: %w", syscall.ENOSPC))
	for _, want := range []string{"cannot watch /site/content/x", "limit of watched folders", "--poll 1s", "fs.inotify.max_user_watches"} {
		if !strings.Contains(msg.English.Err(limit), want) {
			t.Errorf("%q does not say %q", limit, want)
		}
	}
	other := watchError("/site/content/x", syscall.EACCES)
	if strings.Contains(other.Error(), "max_user_watches") || !errors.Is(other, syscall.EACCES) {
		t.Errorf("another error: %v", other)
	}
}

// TestRescanReadsEverything: after events were lost, a rescan loads the whole site again,
// so that a change no event named is not missed; without it, a reload naming nothing
// changes nothing.
func TestRescanReadsEverything(t *testing.T) {
	s := sitetest.New(t, serveSite)
	b := newBuilder(generator.Config{Options: generator.Options{Source: s.Dir, NoGit: true}}, io.Discard, io.Discard)
	ctx := context.Background()
	if problems := b.rebuild(ctx, nil, true); problems.HasErrors() {
		t.Fatal(problems)
	}
	s.Write(editedPage, lecture("红色党课", "没有事件。"))
	html := func() string {
		data, _ := b.files.Load().Get("lectures/hongse-dangke/index.html")
		return string(data)
	}
	b.rebuild(ctx, nil, false)
	if strings.Contains(html(), "没有事件") {
		t.Fatal("a reload naming no file read the page again: the test proves nothing")
	}
	b.rebuild(ctx, nil, true)
	if !strings.Contains(html(), "没有事件") {
		t.Errorf("a rescan did not read the page again:\n%s", html())
	}
	if b.site == nil || len(b.pending) != 0 {
		t.Errorf("after the rescan: site %v, pending %v", b.site != nil, b.pending)
	}
}
