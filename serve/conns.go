package serve

import (
	"net"
	"sync"
)

// limitConns returns ln serving at most max connections at once. A connection beyond them
// waits, not accepted, in the system's queue until one of them closes; it is not closed.
// Whoever reaches the limit is a browser opening many pages at once or a program holding
// connections; either way, a page that loads a moment late is what a user expects, where a
// refused connection shows an error page. The queue is first come, first served, and the
// server's timeouts close idle and slow connections, so a waiting page gets its turn within
// one timeout, however many connections another client keeps opening.
func limitConns(ln net.Listener, max int) net.Listener {
	return &limitListener{Listener: ln, slots: make(chan struct{}, max), closed: make(chan struct{})}
}

type limitListener struct {
	net.Listener
	slots     chan struct{} // one value per connection open
	closed    chan struct{} // closed by Close, which ends a wait for a slot
	closeOnce sync.Once
}

func (l *limitListener) Accept() (net.Conn, error) {
	select {
	case l.slots <- struct{}{}:
	case <-l.closed:
		return nil, net.ErrClosed
	}
	conn, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	return &limitedConn{Conn: conn, release: func() { <-l.slots }}, nil
}

func (l *limitListener) Close() error {
	l.closeOnce.Do(func() { close(l.closed) })
	return l.Listener.Close()
}

// limitedConn gives its slot back when it is closed, once however often it is closed.
type limitedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *limitedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}
