package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"sync"
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
// restarted server), then "reload" for each new version and "problems" while a build fails.
func (b *broker) serveEvents(w http.ResponseWriter, r *http.Request, done <-chan struct{}) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	page := b.subscribe()
	defer b.unsubscribe(page)

	sent := b.state()
	if err := sendEvent(w, "hello", sent); err != nil {
		return
	}
	if len(sent.Problems) > 0 {
		if err := sendEvent(w, "problems", sent); err != nil {
			return
		}
	}
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-done:
			return
		case <-page:
		}
		cur := b.state()
		var err error
		switch {
		case cur.Version != sent.Version:
			err = sendEvent(w, "reload", cur)
		case len(cur.Problems) > 0 && !slices.Equal(cur.Problems, sent.Problems):
			err = sendEvent(w, "problems", cur)
		}
		if err != nil {
			return
		}
		flusher.Flush()
		sent = cur
	}
}

func sendEvent(w http.ResponseWriter, name string, s state) error {
	data, err := json.Marshal(s)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "event: %s\ndata: %s\n\n", name, data)
	return err
}
