package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/sitetest"
)

// serveSite is a small site with lists and tags, so that a change shows on several pages.
const serveSite = `
-- site.yaml --
title: 测试党建
lecture_forms: [党课, 专题讨论]
-- content/lectures/_index.md --
---
title: 党课与讲座
---
-- content/lectures/hongse-dangke.md --
---
title: 红色党课
date: 2016-06-01
form: 党课
tags: [红色]
---
正文第一版。
-- content/lectures/jingshi.md --
---
title: 警示教育
date: 2016-05-01
form: 党课
tags: [红色]
---
警示。
-- content/activities/liangxue.md --
---
title: 两学一做
date: 2016-04-01
---
学习。
-- static/site.css --
body { color: black; }
-- layouts/partials/.keep --
`

// within is how soon a reload must reach the open pages after a save.
const within = time.Second

// event is one Server-Sent Event as a page receives it.
type event struct {
	name string
	state
}

// harness is a served site with one open page listening to its events.
type harness struct {
	t          testing.TB
	site       *sitetest.Site
	srv        *Server
	url        string
	conns      *connCounter // the connections the server accepted
	events     <-chan event
	heartbeats atomic.Int64 // the comments received on the event streams
	log        *sitetest.SyncBuffer
}

// start serves the site s (polling when poll is set) and opens the event stream; it returns
// once the stream said hello. It speaks English, the stable language of the messages of the
// other stages that its tests read in the log.
func start(t *testing.T, s *sitetest.Site, poll time.Duration) *harness {
	t.Helper()
	return startWith(t, s, Config{Options: generator.Options{Printer: msg.English}, Poll: poll})
}

// startWith serves the site s with cfg, whose Site and output it sets, as Serve does, on
// 127.0.0.1, and opens the event stream; it returns once the stream said hello. Its language
// is cfg's.
func startWith(t *testing.T, s *sitetest.Site, cfg Config) *harness {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	conns := &connCounter{Listener: ln}
	hosts, err := NewHostPolicy(ln.Addr(), nil, cfg.Printer)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	log := &sitetest.SyncBuffer{}
	cfg.Options = generator.Options{Source: s.Dir, NoGit: true, Printer: cfg.Printer}
	cfg.Stdout, cfg.Stderr = log, log
	srv, err := Start(ctx, cfg)
	if err != nil {
		cancel()
		ln.Close()
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.serve(ctx, conns, hosts) }()
	t.Cleanup(func() {
		cancel()
		if err := <-served; err != nil {
			t.Errorf("serve: %v", err)
		}
		if t.Failed() {
			t.Logf("server log:\n%s", log.String())
		}
	})
	h := &harness{t: t, site: s, srv: srv, url: "http://" + ln.Addr().String(), conns: conns, log: log}
	h.events = h.listen()
	if ev := h.next(); ev.name != "hello" {
		t.Fatalf("first event: %q, want hello", ev.name)
	}
	return h
}

// listen opens the event stream as a page's script does.
func (h *harness) listen() <-chan event {
	h.t.Helper()
	resp, err := http.Get(h.url + EventsPath)
	if err != nil {
		h.t.Fatal(err)
	}
	h.t.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		h.t.Fatalf("events: Content-Type %q", ct)
	}
	events := make(chan event, 16)
	go func() {
		defer close(events)
		var ev event
		lines := bufio.NewScanner(resp.Body)
		for lines.Scan() {
			line := lines.Text()
			switch {
			case strings.HasPrefix(line, ":"):
				h.heartbeats.Add(1)
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				_ = json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev.state)
			case line == "" && ev.name != "":
				events <- ev
				ev = event{}
			}
		}
	}()
	return events
}

// next returns the next event, failing the test when none comes within five seconds.
func (h *harness) next() event {
	h.t.Helper()
	select {
	case ev, ok := <-h.events:
		if !ok {
			h.t.Fatal("the event stream ended")
		}
		return ev
	case <-time.After(5 * time.Second):
		h.t.Fatalf("no event within 5s")
	}
	return event{}
}

// saved waits for the reload after a save made at start, and checks that it came in time.
func (h *harness) saved(start time.Time, files ...string) event {
	h.t.Helper()
	ev := h.next()
	if ev.name != "reload" {
		h.t.Fatalf("after the save: event %q %v, want reload", ev.name, ev.Problems)
	}
	if took := time.Since(start); took > within {
		h.t.Errorf("the reload came %s after the save, want within %s", took, within)
	}
	if files != nil && !slices.Equal(ev.Changed, files) {
		h.t.Errorf("the reload was for %q, want %q", ev.Changed, files)
	}
	return ev
}

// drain reads the events of a burst of changes until none comes for a while, so that the
// next save is told apart from them.
func (h *harness) drain() {
	for {
		select {
		case <-h.events:
		case <-time.After(5 * quiet):
			return
		}
	}
}

// waitLog waits until the server's log holds text n times.
func (h *harness) waitLog(text string, n int) {
	h.t.Helper()
	for deadline := time.Now().Add(5 * time.Second); strings.Count(h.log.String(), text) < n; {
		if time.Now().After(deadline) {
			h.t.Fatalf("the log does not hold %q %d times:\n%s", text, n, h.log)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// get fetches a path of the site and returns its status and body.
func (h *harness) get(path string) (int, string) {
	h.t.Helper()
	resp, err := http.Get(h.url + path)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		h.t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// assertPage checks a page's status and that it holds each of matches ("! x": not x).
func (h *harness) assertPage(path string, status int, matches ...string) {
	h.t.Helper()
	code, body := h.get(path)
	if code != status {
		h.t.Errorf("GET %s: %d, want %d", path, code, status)
	}
	for _, m := range matches {
		if not, ok := strings.CutPrefix(m, "! "); ok {
			if strings.Contains(body, not) {
				h.t.Errorf("GET %s holds %q, and should not", path, not)
			}
		} else if !strings.Contains(body, m) {
			h.t.Errorf("GET %s does not hold %q:\n%s", path, m, body)
		}
	}
}

// inMemory returns a file of the served site as the memory holds it.
func (h *harness) inMemory(name string) (string, bool) {
	data, ok := h.srv.b.files.Load().Get(name)
	return string(data), ok
}

const editedPage = "content/lectures/hongse-dangke.md"

func lecture(title, body string) string {
	return "---\ntitle: " + title + "\ndate: 2016-06-01\nform: 党课\ntags: [红色]\n---\n" + body + "\n"
}

func TestEditReloads(t *testing.T) {
	h := start(t, sitetest.New(t, serveSite), 0)
	h.assertPage("/lectures/hongse-dangke/", 200, "正文第一版", `<script src="/__dangjian/live.js"`)
	saved := time.Now()
	h.site.Write(editedPage, lecture("红色党课（修订）", "正文第二版。"))
	h.saved(saved, editedPage)
	if html, _ := h.inMemory("lectures/hongse-dangke/index.html"); !strings.Contains(html, "正文第二版") {
		t.Errorf("the page in memory was not rebuilt:\n%s", html)
	}
	h.assertPage("/lectures/hongse-dangke/", 200, "正文第二版", "! 正文第一版")
	// The lists that show the page show its new title.
	h.assertPage("/lectures/", 200, "红色党课（修订）")
}

// TestBrokenPageShowsProblems breaks a page's front matter, edits another page while the build
// is broken, then fixes the first: the open page is shown the problem with its position while
// the last good site is served, and the fix brings in both changes.
func TestBrokenPageShowsProblems(t *testing.T) {
	h := start(t, sitetest.New(t, serveSite), 0)
	h.site.Write(editedPage, "---\ntitle: 红色党课\ndate: 2016-06-01\nform: 党课\nspeeker: 张三\n---\n坏了。\n")
	ev := h.next()
	if ev.name != "problems" {
		t.Fatalf("after breaking the page: event %q, want problems", ev.name)
	}
	want := filepath.FromSlash(editedPage) + `:5:1: error: unknown key "speeker"; did you mean "speaker"?`
	if !slices.Contains(ev.Problems, want) {
		t.Errorf("problems %q, want %q among them", ev.Problems, want)
	}
	h.assertPage("/lectures/hongse-dangke/", 200, "正文第一版", "! 坏了")
	// A page opened now is told the problems as soon as it connects.
	late := h.listen()
	for _, name := range []string{"hello", "problems"} {
		select {
		case ev := <-late:
			if ev.name != name {
				t.Errorf("a page opened while broken got %q, want %q", ev.name, name)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("a page opened while broken got no %q", name)
		}
	}

	// Still broken: another edit is kept for when the build works again. Its build fails
	// with the same problems, which the pages are not told again; the log says it failed.
	h.site.Write("content/activities/liangxue.md", "---\ntitle: 两学一做（新）\ndate: 2016-04-01\n---\n学习。\n")
	h.waitLog("still serving the last good build", 2)

	saved := time.Now()
	h.site.Write(editedPage, lecture("红色党课", "修好了。"))
	ev = h.saved(saved)
	if !slices.Contains(ev.Changed, "content/activities/liangxue.md") {
		t.Errorf("the reload after the fix does not bring the edit made while broken: %q", ev.Changed)
	}
	if p := h.srv.b.events.state().Problems; len(p) > 0 {
		t.Errorf("problems left after the fix: %q", p)
	}
	h.assertPage("/lectures/hongse-dangke/", 200, "修好了")
	h.assertPage("/activities/liangxue/", 200, "两学一做（新）")
	h.assertPage("/activities/", 200, "两学一做（新）")
}

// TestChineseByDefault: without a language, what serve says is Chinese: the lines of its log,
// the problems it shows the open pages, and the heading of the box they are shown in.
func TestChineseByDefault(t *testing.T) {
	h := startWith(t, sitetest.New(t, serveSite), Config{})
	if built := regexp.MustCompile(`^已生成 \d+ 个文件，用时 \S+\n`); !built.MatchString(h.log.String()) {
		t.Errorf("the log %q does not begin with %s", h.log.String(), built)
	}
	h.assertPage("/lectures/", 200, `data-failed="`+html.EscapeString(msg.Chinese.Sprintf(msg.BuildFailed))+`"`)
	h.site.Write(editedPage, "---\ntitle: 红色党课\ndate: 2016-06-01\nform: 党课\nspeeker: 张三\n---\n坏了。\n")
	ev := h.next()
	if ev.name != "problems" || len(ev.Problems) != 1 || !strings.HasPrefix(ev.Problems[0], filepath.FromSlash(editedPage)+":5:1: 错误：") {
		t.Errorf("event %q, problems %q: want the problem in Chinese", ev.name, ev.Problems)
	}
	h.waitLog(msg.Chinese.Sprintf(msg.KeptLastGood, msg.New(msg.Errors, 1))+"\n", 1)
	if words := msg.EnglishIn(h.log.String()); words != "" {
		t.Errorf("English in the log: %q\n%s", words, h.log.String())
	}
}

// TestTextProblemsTold: serve says how many slips check finds in the text after the first
// build, and again when a save changes how many there are.
func TestTextProblemsTold(t *testing.T) {
	s := sitetest.New(t, serveSite)
	s.Write("content/activities/liangxue.md", "---\ntitle: 两学一做\ndate: 2016-04-01\n---\n学习,讨论.\n")
	h := start(t, s, 0)
	h.waitLog("2 text problems: run dangjian check to see where\n", 1)
	saved := time.Now()
	h.site.Write(editedPage, lecture("红色党课", "正文第二版。"))
	h.saved(saved, editedPage)
	saved = time.Now()
	h.site.Write("content/activities/liangxue.md", "---\ntitle: 两学一做\ndate: 2016-04-01\n---\n学习，讨论。\n")
	h.saved(saved, "content/activities/liangxue.md")
	h.waitLog("no text problems left\n", 1)
	if n := strings.Count(h.log.String(), "text problems: run dangjian check"); n != 1 {
		t.Errorf("the count was told %d times, want once: a save that does not change it is not told", n)
	}
}

// TestNewFolder: a folder made while serving is watched, and a folder made with a page
// already in it is picked up.
func TestNewFolder(t *testing.T) {
	h := start(t, sitetest.New(t, serveSite), 0)
	dir := filepath.Join(h.site.Dir, "content", "lectures", "专题讨论")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	h.saved(time.Now(), "content/lectures/专题讨论")
	// Written after the folder was made: only a watch on the new folder sees it.
	saved := time.Now()
	h.site.Write("content/lectures/专题讨论/讲政治.md", "---\ntitle: 讲政治\ndate: 2016-03-01\nform: 专题讨论\n---\n讨论。\n")
	h.saved(saved, "content/lectures/专题讨论/讲政治.md")
	h.assertPage("/lectures/专题讨论/讲政治/", 200, "讨论。")
	h.assertPage("/lectures/", 200, "讲政治")

	// A folder that comes with its page, as a copy or a checkout brings it.
	h.site.Write("content/activities/2016/下半年/三会一课.md", "---\ntitle: 三会一课\ndate: 2016-09-01\n---\n开会。\n")
	deadline := time.Now().Add(5 * time.Second)
	for code, _ := h.get("/activities/2016/下半年/三会一课/"); code != 200; code, _ = h.get("/activities/2016/下半年/三会一课/") {
		if time.Now().After(deadline) {
			t.Fatalf("a page in a new folder tree is not served: %d", code)
		}
		h.next()
	}
	h.drain()
	// Its folder is watched too.
	saved = time.Now()
	h.site.Write("content/activities/2016/下半年/三会一课.md", "---\ntitle: 三会一课\ndate: 2016-09-01\n---\n又开会。\n")
	h.saved(saved, "content/activities/2016/下半年/三会一课.md")
	h.assertPage("/activities/2016/下半年/三会一课/", 200, "又开会")
}

func TestDeleteAndRename(t *testing.T) {
	h := start(t, sitetest.New(t, serveSite), 0)
	h.assertPage("/tags/红色/", 200, "红色党课")
	saved := time.Now()
	h.site.Remove(editedPage)
	h.saved(saved, editedPage)
	if _, ok := h.inMemory("lectures/hongse-dangke/index.html"); ok {
		t.Error("the deleted page's output is still in memory")
	}
	h.assertPage("/lectures/hongse-dangke/", 404, "! 正文第一版")
	h.assertPage("/lectures/", 200, "警示教育", "! 红色党课")
	h.assertPage("/tags/红色/", 200, "警示教育", "! 红色党课")
	h.assertPage("/", 200, "! 红色党课")

	saved = time.Now()
	old, renamed := "content/lectures/jingshi.md", "content/lectures/jingshi-jiaoyu.md"
	if err := os.Rename(filepath.Join(h.site.Dir, old), filepath.Join(h.site.Dir, renamed)); err != nil {
		t.Fatal(err)
	}
	h.saved(saved, renamed, old) // sorted
	h.assertPage("/lectures/jingshi/", 404)
	h.assertPage("/lectures/jingshi-jiaoyu/", 200, "警示。")
}

// TestEditorSaves: an atomic save (a temporary file renamed over the page) rebuilds the page,
// whatever the temporary file's name; vim's swap, backup and test files rebuild nothing, and
// its save (rename the page to a backup, write it anew, remove the backup) rebuilds the page.
func TestEditorSaves(t *testing.T) {
	h := start(t, sitetest.New(t, serveSite), 0)
	full := filepath.Join(h.site.Dir, filepath.FromSlash(editedPage))
	dir := filepath.Dir(full)

	saved := time.Now()
	tmp := filepath.Join(dir, ".hongse-dangke.md.tmp4711")
	if err := os.WriteFile(tmp, []byte(lecture("红色党课", "原子保存。")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, full); err != nil {
		t.Fatal(err)
	}
	h.saved(saved, editedPage)
	h.assertPage("/lectures/hongse-dangke/", 200, "原子保存")

	// sed -i and some editors name their temporary file plainly: it came and went within
	// the save, and is no change.
	saved = time.Now()
	tmp = filepath.Join(dir, "sedAbC123")
	if err := os.WriteFile(tmp, []byte(lecture("红色党课", "sed 保存。")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, full); err != nil {
		t.Fatal(err)
	}
	h.saved(saved, editedPage)
	h.assertPage("/lectures/hongse-dangke/", 200, "sed 保存")

	// Scratch files alone: were any of them taken for a change, it would be in this batch
	// or in one before it.
	for _, name := range []string{".hongse-dangke.md.swp", ".hongse-dangke.md.swx", "4913", "hongse-dangke.md~", "#hongse-dangke.md#", ".#hongse-dangke.md"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("scratch"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Remove(filepath.Join(dir, "4913")); err != nil {
		t.Fatal(err)
	}
	saved = time.Now()
	backup := full + "~"
	if err := os.Rename(full, backup); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(lecture("红色党课", "vim 保存。")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(backup); err != nil {
		t.Fatal(err)
	}
	h.saved(saved, editedPage)
	h.assertPage("/lectures/hongse-dangke/", 200, "vim 保存")
}

func TestPollingSeesAnEdit(t *testing.T) {
	h := start(t, sitetest.New(t, serveSite), 20*time.Millisecond)
	saved := time.Now()
	h.site.Write(editedPage, lecture("红色党课", "轮询看到了。"))
	h.saved(saved, editedPage)
	h.assertPage("/lectures/hongse-dangke/", 200, "轮询看到了")
	saved = time.Now()
	h.site.Remove("static/site.css")
	h.saved(saved, "static/site.css")
	h.assertPage("/site.css", 404)
}

func TestLayoutChangeRebuildsEverything(t *testing.T) {
	h := start(t, sitetest.New(t, serveSite), 0)
	saved := time.Now()
	h.site.Write("layouts/partials/footer.html", "<footer>新的页脚</footer>\n")
	h.saved(saved, "layouts/partials/footer.html")
	for _, path := range []string{"/", "/lectures/", "/lectures/hongse-dangke/", "/tags/红色/"} {
		h.assertPage(path, 200, "新的页脚")
	}
}

// TestServedFiles: folder URLs, redirects, content types, the live-reload script only in
// HTML, and 404s with the site's page.
func TestServedFiles(t *testing.T) {
	h := start(t, sitetest.New(t, serveSite), 0)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	tests := []struct {
		path     string
		status   int
		typ      string
		location string
		script   bool
	}{
		{"/", 200, "text/html; charset=utf-8", "", true},
		{"/index.html", 200, "text/html; charset=utf-8", "", true},
		{"/lectures/", 200, "text/html; charset=utf-8", "", true},
		{"/lectures", 302, "", "/lectures/", false},
		{"/lectures?page=2", 302, "", "/lectures/?page=2", false},
		{"/lectures/hongse-dangke", 302, "", "/lectures/hongse-dangke/", false},
		{"/%E6%A0%87%E7%AD%BE", 404, "text/html; charset=utf-8", "", true},
		{"/tags/%E7%BA%A2%E8%89%B2/", 200, "text/html; charset=utf-8", "", true},
		{"/site.css", 200, "text/css; charset=utf-8", "", false},
		{"/assets/style.css", 200, "text/css; charset=utf-8", "", false},
		{"/robots.txt", 200, "text/plain; charset=utf-8", "", false},
		{"/assets/favicon.svg", 200, "image/svg+xml", "", false},
		{ScriptPath, 200, "text/javascript; charset=utf-8", "", false},
		{WorkerPath, 200, "text/javascript; charset=utf-8", "", false},
		{"/nowhere/", 404, "text/html; charset=utf-8", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, err := client.Get(h.url + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
			if got := resp.Header.Get("Content-Type"); tt.typ != "" && got != tt.typ {
				t.Errorf("Content-Type %q, want %q", got, tt.typ)
			}
			if got := resp.Header.Get("Location"); got != tt.location {
				t.Errorf("Location %q, want %q", got, tt.location)
			}
			if got := bytes.Contains(body, []byte(`src="`+ScriptPath+`"`)); got != tt.script {
				t.Errorf("live-reload script: %v, want %v", got, tt.script)
			}
			if tt.status == 404 && !bytes.Contains(body, []byte(`class="not-found"`)) {
				t.Errorf("a 404 without the site's 404 page:\n%s", body)
			}
		})
	}
}

// TestMethods: HEAD is answered as GET is; any other method is refused.
func TestMethods(t *testing.T) {
	h := start(t, sitetest.New(t, serveSite), 0)
	for _, tt := range []struct {
		method, path string
		status       int
	}{
		{http.MethodHead, "/lectures/", 200},
		{http.MethodHead, "/nowhere/", 404},
		{http.MethodPost, "/lectures/", 405},
		{http.MethodPut, "/site.css", 405},
	} {
		req, err := http.NewRequest(tt.method, h.url+tt.path, nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("%s %s: %d, want %d", tt.method, tt.path, resp.StatusCode, tt.status)
		}
		if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s %s: X-Content-Type-Options %q, want nosniff", tt.method, tt.path, got)
		}
		if tt.status == 405 && resp.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s %s: Allow %q, want GET, HEAD", tt.method, tt.path, resp.Header.Get("Allow"))
		}
	}
}

// TestNothingOutsideTheSite asks for files outside the site's output, as a browser would
// never send them (raw request lines): each one is the site's 404.
func TestNothingOutsideTheSite(t *testing.T) {
	s := sitetest.New(t, serveSite)
	s.Write("go.mod", "module secret\n")
	if err := os.Symlink(filepath.Join(s.Dir, "go.mod"), filepath.Join(s.Dir, "static", "linked.txt")); err != nil {
		t.Fatal(err)
	}
	h := start(t, s, 0)
	for _, target := range []string{
		"/go.mod",
		"/site.yaml",
		"/content/lectures/hongse-dangke.md",
		"/../go.mod",
		"/../../../../etc/passwd",
		"/%2e%2e/go.mod",
		"/%2E%2E/go.mod",
		"/%2e%2e%2fgo.mod",
		"/..%2fgo.mod",
		"/lectures/../../go.mod",
		"/lectures/%2e%2e/%2e%2e/go.mod",
		"/./go.mod",
		"//go.mod",
		"/..\\go.mod",
		"/%5c..%5cgo.mod",
		"/lectures/..%5c..%5cgo.mod",
		"/linked.txt",
		"/%00/go.mod",
	} {
		t.Run(target, func(t *testing.T) {
			status, body := rawGet(t, h.url, target)
			if status != http.StatusNotFound {
				t.Errorf("GET %s: %d, want 404", target, status)
			}
			if strings.Contains(body, "module secret") {
				t.Errorf("GET %s served a file outside the site", target)
			}
			if !strings.Contains(body, `class="not-found"`) {
				t.Errorf("GET %s: not the site's 404 page:\n%s", target, body)
			}
		})
	}
}

// rawGet sends a request line as it is, which an HTTP client would clean up first.
func rawGet(t *testing.T, base, target string) (int, string) {
	t.Helper()
	return rawRequest(t, base, target, "localhost")
}

// rawRequest sends a GET of target with the Host header host, both as they are.
func rawRequest(t *testing.T, base, target, host string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second)) // should the answer be an event stream
	if _, err := io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: "+host+"\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestPortInUse: a port given that another program holds is an error naming a free one.
func TestPortInUse(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	s := sitetest.New(t, serveSite)
	port := taken.Addr().(*net.TCPAddr).Port
	for _, cfg := range []Config{{Addr: taken.Addr().String()}, {Port: port}, {Addr: strconv.Itoa(port)}} {
		cfg.Options, cfg.Stdout, cfg.Stderr = generator.Options{Source: s.Dir, NoGit: true}, io.Discard, io.Discard
		err = Serve(context.Background(), cfg)
		if err == nil {
			t.Fatalf("serving on a port in use (%+v) did not fail", cfg)
		}
		want := regexp.MustCompile(`^cannot serve on 127\.0\.0\.1:\d+: the address is in use, perhaps by another dangjian serve; choose another port with --port, e\.g\. --port \d+, which is free$`)
		if said := msg.English.Err(err); !want.MatchString(said) {
			t.Errorf("error %q, want it to match %s", said, want)
		}
		if zh := msg.Chinese.Err(err); !strings.HasPrefix(zh, "无法在 127.0.0.1:") || msg.EnglishIn(zh) != "" {
			t.Errorf("error in Chinese %q", zh)
		}
	}
}

// TestPortInUseMoves: when the port was not given and another program holds it, serve takes
// the next free one, and says so.
func TestPortInUseMoves(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	port := taken.Addr().(*net.TCPAddr).Port
	for _, addr := range []string{"", "127.0.0.1", "localhost"} {
		var out bytes.Buffer
		ln, got, err := listenOn(addr, 0, taken.Addr().String(), &out, msg.English)
		if err != nil {
			t.Fatalf("listenOn(%q): %v", addr, err)
		}
		ln.Close()
		moved := ln.Addr().(*net.TCPAddr).Port
		if moved <= port || moved > port+mostMoves || !strings.HasSuffix(got, ":"+strconv.Itoa(moved)) {
			t.Errorf("listenOn(%q) listened on %s, said %s; want a port after %d", addr, ln.Addr(), got, port)
		}
		if want := fmt.Sprintf("port %d is in use, perhaps by another dangjian serve: serving on port %d instead\n", port, moved); out.String() != want {
			t.Errorf("listenOn(%q) said %q, want %q", addr, out.String(), want)
		}
	}
}

// TestResolveAddr: what --addr and --port say, the default's host and port filling in the rest.
func TestResolveAddr(t *testing.T) {
	tests := []struct {
		addr  string
		port  int
		want  string
		given bool
		err   string
	}{
		{"", 0, "127.0.0.1:1313", false, ""},
		{"18082", 0, "127.0.0.1:18082", true, ""},
		{"0", 0, "127.0.0.1:0", true, ""},
		{"", 18082, "127.0.0.1:18082", true, ""},
		{"0.0.0.0", 0, "0.0.0.0:1313", false, ""},
		{"0.0.0.0", 18082, "0.0.0.0:18082", true, ""},
		{"localhost:", 0, "localhost:1313", false, ""},
		{"192.168.1.10:1314", 0, "192.168.1.10:1314", true, ""},
		{":1314", 0, ":1314", true, ""},
		{"::1", 0, "[::1]:1313", false, ""},
		{"[::1]", 1314, "[::1]:1314", true, ""},
		{"[::1]:1314", 1314, "[::1]:1314", true, ""},
		{"127.0.0.1:1314", 1315, "", false, "two ports given, 1314 in --addr 127.0.0.1:1314 and --port 1315: give one"},
	}
	for _, tt := range tests {
		got, given, err := resolveAddr(tt.addr, tt.port, DefaultAddr)
		if got != tt.want || given != tt.given || (err == nil) != (tt.err == "") || err != nil && msg.English.Err(err) != tt.err {
			t.Errorf("resolveAddr(%q, %d) = %q, %v, %v; want %q, %v, %q", tt.addr, tt.port, got, given, err, tt.want, tt.given, tt.err)
		}
	}
}

// TestOpen: with Open, the site is opened in the browser once it is served, at the address a
// browser of this machine opens; the browser that cannot be started is a warning.
func TestOpen(t *testing.T) {
	opened := make(chan string, 1)
	defer func(was func(string) error) { openBrowser = was }(openBrowser)
	openBrowser = func(url string) error {
		opened <- url
		return errors.New("no browser")
	}
	s := sitetest.New(t, serveSite)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := &sitetest.SyncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, Config{Options: generator.Options{Source: s.Dir, NoGit: true, Printer: msg.English}, Addr: "0.0.0.0:0", Open: true, Stdout: out, Stderr: out})
	}()
	var url string
	select {
	case url = <-opened:
	case err := <-done:
		t.Fatalf("Serve: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("the browser was not opened")
	}
	if !regexp.MustCompile(`^http://127\.0\.0\.1:\d+/$`).MatchString(url) {
		t.Errorf("opened %q, want the site at 127.0.0.1", url)
	}
	resp, err := http.Get(url + "lectures/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET %slectures/: %d", url, resp.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve: %v", err)
	}
	sitetest.AssertHolds(t, "the output", out.String(), "warning: cannot open the browser (no browser): open "+url+" in it\n")
}

// TestBrowserCommand: the command that opens a URL, on each system, hands the URL over as
// one argument, & and all.
func TestBrowserCommand(t *testing.T) {
	const url = "http://127.0.0.1:1313/?a=1&b=2"
	for goos, want := range map[string][]string{
		"windows": {"rundll32", "url.dll,FileProtocolHandler", url},
		"darwin":  {"open", url},
		"linux":   {"xdg-open", url},
		"freebsd": {"xdg-open", url},
	} {
		if got := browserCommand(goos, url).Args; !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", goos, got, want)
		}
	}
}

// TestServeStops: Serve returns when its context is cancelled (Ctrl-C), with a page still
// listening to the events.
func TestServeStops(t *testing.T) {
	s := sitetest.New(t, serveSite)
	probe, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := probe.Addr().String()
	probe.Close()
	ctx, cancel := context.WithCancel(context.Background())
	out := &sitetest.SyncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, Config{Options: generator.Options{Source: s.Dir, NoGit: true}, Addr: addr, Stdout: out, Stderr: out})
	}()
	var resp *http.Response
	for deadline := time.Now().Add(5 * time.Second); ; {
		if resp, err = http.Get("http://" + addr + EventsPath); err == nil {
			break
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("the server did not come up: %v", err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	defer resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after its context was cancelled")
	}
	// In Chinese, the default.
	sitetest.AssertHolds(t, "the output", out.String(), "正在预览网站文件夹 "+s.Dir+"：请在浏览器里打开 http://"+addr+"/（按 Ctrl+C 停止）\n", "已停止\n", "! 警告")
}
