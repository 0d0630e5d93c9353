package serve

import (
	"net"
	"net/http"
	"sync"
)

// limitConns returns ln serving at most max connections at once. A connection that arrives
// when max are open takes the place of the one that has waited longest for its next request
// (kept alive, idle), which is closed: a browser opens a new one when it needs it, and sends
// again a request it had just sent on it. A connection in the middle of a request, an event
// stream, or one whose first request has not come yet, is never closed for it: when every
// connection open is so, the new one waits, accepted but not served, until one of them closes
// or goes idle, and the ones after it wait in the system's queue, first come, first served.
// The server's timeouts bound that wait, but for event streams, which last as long as their
// pages. Whoever reaches the limit is a browser opening many pages at once or a program
// holding connections; either way, a page that loads a moment late is what a user expects,
// where a refused connection shows an error page.
//
// The listener learns which connections are idle from its ConnState, which the http.Server
// must call.
func limitConns(ln net.Listener, max int) *limitListener {
	return &limitListener{
		Listener: ln,
		max:      max,
		closed:   make(chan struct{}),
		idle:     map[*limitedConn]uint64{},
		changed:  make(chan struct{}),
	}
}

type limitListener struct {
	net.Listener
	max       int
	closed    chan struct{} // closed by Close, which ends a wait for a slot
	closeOnce sync.Once

	mu      sync.Mutex
	open    int                     // the connections served and not closed
	idle    map[*limitedConn]uint64 // the idle ones, by the order in which they became idle
	idled   uint64                  // how many times a connection became idle: the next's order
	changed chan struct{}           // closed, and replaced, when a connection closes or goes idle
}

// Accept returns the next connection once it has a slot: a free one, or the slot of the
// connection idle the longest, closed for it.
func (l *limitListener) Accept() (net.Conn, error) {
	conn, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	for {
		l.mu.Lock()
		if l.open < l.max {
			l.open++
			l.mu.Unlock()
			return &limitedConn{Conn: conn, l: l}, nil
		}
		oldest := l.longestIdle()
		changed := l.changed
		l.mu.Unlock()
		if oldest != nil {
			oldest.Close() // frees its slot, taken on the next turn unless another took it
			continue
		}
		select {
		case <-changed:
		case <-l.closed:
			conn.Close()
			return nil, net.ErrClosed
		}
	}
}

// longestIdle returns the connection idle the longest, taken out of the idle ones, or nil when
// none is idle. l.mu is held.
func (l *limitListener) longestIdle() *limitedConn {
	var oldest *limitedConn
	for c, order := range l.idle {
		if oldest == nil || order < l.idle[oldest] {
			oldest = c
		}
	}
	delete(l.idle, oldest)
	return oldest
}

// ConnState follows the state of each connection, as http.Server reports it: a connection
// waiting for its next request may be closed to make room; in any other state it may not.
func (l *limitListener) ConnState(conn net.Conn, state http.ConnState) {
	c, ok := conn.(*limitedConn)
	if !ok {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if state != http.StateIdle || c.released {
		delete(l.idle, c)
		return
	}
	l.idled++
	l.idle[c] = l.idled
	l.wake()
}

// release gives c's slot back, once however often c is closed.
func (l *limitListener) release(c *limitedConn) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if c.released {
		return
	}
	c.released = true
	l.open--
	delete(l.idle, c)
	l.wake()
}

// wake ends the wait of Accept for a slot or an idle connection. l.mu is held.
func (l *limitListener) wake() {
	close(l.changed)
	l.changed = make(chan struct{})
}

func (l *limitListener) Close() error {
	l.closeOnce.Do(func() { close(l.closed) })
	return l.Listener.Close()
}

// limitedConn gives its slot back when it is closed.
type limitedConn struct {
	net.Conn
	l        *limitListener
	released bool // guarded by l.mu
}

func (c *limitedConn) Close() error {
	err := c.Conn.Close()
	c.l.release(c)
	return err
}
