package serve

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/dangjian/dangjian/internal/msg"
)

// EventsPath is where open pages listen for reloads and problems (Server-Sent Events).
const EventsPath = "/__dangjian/events"

// state is what open pages are told: the version of the site served, and the problems of the
// last build when it failed.
type state struct {
	Version  string   `json:"version"`
	Changed  []string `json:"changed,omitempty"` // the source files of the last rebuild
	Problems []string `json:"problems,omitempty"`
}

// broker tells every open page when the state changes. A page that is slow to read misses
// nothing that matters: it is sent the latest state, not each step.
type broker struct {
	mu    sync.Mutex
	cur   state
	pages map[chan struct{}]bool
}

func newBroker(version string) *broker {
	return &broker{cur: state{Version: version}, pages: map[chan struct{}]bool{}}
}

// state returns the current state.
func (b *broker) state() state {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.cur
}

// publish sets the state and wakes every page.
func (b *broker) publish(s state) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.cur = s
	for page := range b.pages {
		select {
		case page <- struct{}{}:
		default: // already woken; it will read the latest state
		}
	}
}

func (b *broker) subscribe() chan struct{} {
	page := make(chan struct{}, 1)
	b.mu.Lock()
	b.pages[page] = true
	b.mu.Unlock()
	return page
}

func (b *broker) unsubscribe(page chan struct{}) {
	b.mu.Lock()
	delete(b.pages, page)
	b.mu.Unlock()
}

// serveEvents streams the state to one page until it goes away or done is closed: first a
// "hello" with the version (a page served by an older version reloads, which also covers a
// restarted server), then "reload" for each new version and "problems" while a build fails,
// and a heartbeat comment every lim.Heartbeat.
func (b *broker) serveEvents(w http.ResponseWriter, r *http.Request, lim Limits, done <-chan struct{}, pr *msg.Printer) {
	out := &stream{w: w, rc: http.NewResponseController(w), timeout: lim.WriteTimeout}
	if err := out.extend(); err != nil {
		http.Error(w, pr.Sprintf(msg.NoStreaming), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	page := b.subscribe()
	defer b.unsubscribe(page)
	heartbeat := time.NewTicker(lim.Heartbeat)
	defer heartbeat.Stop()

	sent := b.state()
	if err := out.event("hello", sent); err != nil {
		return
	}
	if len(sent.Problems) > 0 {
		if err := out.event("problems", sent); err != nil {
			return
		}
	}
	for {
		var err error
		select {
		case <-r.Context().Done():
			return
		case <-done:
			return
		case <-heartbeat.C:
			err = out.send(": heartbeat\n\n")
		case <-page:
			cur := b.state()
			switch {
			case cur.Version != sent.Version:
				err = out.event("reload", cur)
			case len(cur.Problems) > 0 && !slices.Equal(cur.Problems, sent.Problems):
				err = out.event("problems", cur)
			}
			sent = cur
		}
		if err != nil {
			return
		}
	}
}

// stream writes an event stream, each write within its own write timeout: the server's
// WriteTimeout, counted from the request, would end the stream of every open page.
type stream struct {
	w       http.ResponseWriter
	rc      *http.ResponseController
	timeout time.Duration
}

// extend gives the next write the whole timeout.
func (s *stream) extend() error { return s.rc.SetWriteDeadline(time.Now().Add(s.timeout)) }

// send writes text and sends it to the page at once.
func (s *stream) send(text string) error {
	if err := s.extend(); err != nil {
		return err
	}
	if _, err := io.WriteString(s.w, text); err != nil {
		return err
	}
	return s.rc.Flush()
}

// event sends the event name with the state s.
func (s *stream) event(name string, st state) error {
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	return s.send(fmt.Sprintf("event: %s\ndata: %s\n\n", name, data))
}
