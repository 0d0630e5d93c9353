package serve

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dangjian/dangjian/internal/sitetest"
)

// The clients of TestIdleConnectionsClosed: so many connections, each closed by the server
// after idleTimeout with no request.
const (
	idleConns   = 3000
	idleTimeout = time.Second
	// idleClientsEnv, set to the server's address, makes the test binary the clients.
	idleClientsEnv = "DANGJIAN_TEST_IDLE_CLIENTS"
)

// TestMain runs the test binary as the clients of TestIdleConnectionsClosed when that test
// starts it so.
func TestMain(m *testing.M) {
	if addr := os.Getenv(idleClientsEnv); addr != "" {
		os.Exit(idleClients(addr))
	}
	os.Exit(m.Run())
}

// TestIdleConnectionsClosed: 3,000 connections kept open after a request each are closed by
// the server after its idle timeout, while a page's event stream, older than every timeout,
// stays open, gets heartbeats, and still gets the reload after a save. The clients are
// another process, so that neither needs more than 3,000 open files.
func TestIdleConnectionsClosed(t *testing.T) {
	if err := raiseFileLimit(idleConns + 200); err != nil {
		t.Fatal(err)
	}
	lim := Limits{
		ReadHeaderTimeout: 200 * time.Millisecond,
		ReadTimeout:       200 * time.Millisecond,
		WriteTimeout:      200 * time.Millisecond,
		IdleTimeout:       idleTimeout,
		Heartbeat:         50 * time.Millisecond,
		MaxConns:          idleConns + 10,
	}
	h := startWith(t, sitetest.New(t, serveSite), Config{Limits: lim})
	clients := exec.Command(os.Args[0])
	clients.Env = append(os.Environ(), idleClientsEnv+"="+strings.TrimPrefix(h.url, "http://"))
	out, err := clients.CombinedOutput()
	if err != nil {
		t.Fatalf("the clients: %v\n%s", err, out)
	}
	t.Logf("%s(at most %d connections open at once on the server's side)", out, h.conns.peakSoFar())
	// Each was counted closed before its client saw its end: only the stream is left.
	if open := h.conns.openNow(); open != 1 {
		t.Errorf("%d connections open on the server's side, want 1: the event stream", open)
	}

	// The stream has outlived every timeout; it still beats, and a save still reaches it.
	beats := h.heartbeats.Load()
	for stop := time.Now().Add(5 * time.Second); h.heartbeats.Load() == beats; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(stop) {
			t.Fatalf("no heartbeat on the event stream within 5s (%d before)", beats)
		}
	}
	if beats == 0 {
		t.Error("no heartbeat on the event stream while the idle connections were open")
	}
	saved := time.Now()
	h.site.Write(editedPage, lecture("红色党课", "三千个连接之后。"))
	h.saved(saved, editedPage)
}

// TestConnectionCap: more connections than the cap, each asking for a page and closed once
// answered. The server serves at most the cap at once (the event stream among them); the
// others wait their turn, and each is answered.
func TestConnectionCap(t *testing.T) {
	const most, clients = 3, 12
	h := startWith(t, sitetest.New(t, serveSite), Config{Limits: Limits{MaxConns: most}})
	addr := strings.TrimPrefix(h.url, "http://")
	type result struct {
		i   int
		err error
	}
	results := make(chan result, clients)
	conns := make([]net.Conn, clients)
	for i := range conns {
		c := dial(t, addr)
		conns[i] = c
		if _, err := io.WriteString(c, "GET /lectures/ HTTP/1.1\r\nHost: "+addr+"\r\n\r\n"); err != nil {
			t.Fatal(err)
		}
		go func() {
			resp, err := http.ReadResponse(bufio.NewReader(c), nil)
			if err == nil {
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					err = errors.New(resp.Status)
				}
			}
			results <- result{i, err}
		}()
	}
	for n := range clients {
		select {
		case res := <-results:
			if res.err != nil {
				t.Fatalf("connection %d: %v", res.i+1, res.err)
			}
			conns[res.i].Close()
		case <-time.After(10 * time.Second):
			t.Fatalf("%d of %d connections answered; the others are not served", n, clients)
		}
	}
	if peak := h.conns.peakSoFar(); peak > most {
		t.Errorf("%d connections served at once, want at most %d", peak, most)
	}
}

// TestIdleConnectionsMakeRoom: more clients than the cap, one after the other, each keeping
// its connection open after its answer, as a browser does (or a program holding the server's
// connections). Each is answered at once, not after the idle timeout: a new connection takes
// the place of the one idle the longest. The page's event stream keeps its place.
func TestIdleConnectionsMakeRoom(t *testing.T) {
	const most, clients = 8, 24
	lim := Limits{IdleTimeout: time.Minute, MaxConns: most}
	h := startWith(t, sitetest.New(t, serveSite), Config{Limits: lim})
	addr := strings.TrimPrefix(h.url, "http://")
	// Far more than serving takes, far less than the idle timeout that frees a connection
	// where none makes room.
	answered := lim.IdleTimeout / 3
	ask := func(c net.Conn) (*http.Response, error) {
		if _, err := io.WriteString(c, "GET /lectures/ HTTP/1.1\r\nHost: "+addr+"\r\n\r\n"); err != nil {
			return nil, err
		}
		_ = c.SetReadDeadline(time.Now().Add(answered))
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			return nil, err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp, err
	}
	conns := make([]net.Conn, clients)
	for i := range conns {
		c := dial(t, addr)
		conns[i] = c
		if resp, err := ask(c); err != nil {
			t.Fatalf("connection %d, with %d kept open before it (cap %d): %v; want an answer well within the idle timeout, %s", i+1, i, most, err, lim.IdleTimeout)
		} else if resp.StatusCode != http.StatusOK {
			t.Fatalf("connection %d: %s", i+1, resp.Status)
		}
	}
	// Each connection but the stream's was idle when a new one came: the cap's worth of the
	// last ones still answer, the others were closed to make room.
	var open int
	for _, c := range conns {
		if _, err := ask(c); err == nil {
			open++
		}
	}
	if want := most - 1; open != want {
		t.Errorf("%d of the %d connections still answer, want %d: the cap of %d less the event stream", open, clients, want, most)
	}
	if peak := h.conns.peakSoFar(); peak > most {
		t.Errorf("%d connections served at once, want at most %d", peak, most)
	}
	saved := time.Now()
	h.site.Write(editedPage, lecture("红色党课", "连接让位之后。"))
	h.saved(saved, editedPage)
}

// TestLimitStops: closing the listener ends a wait for a free connection, so that the server
// stops while connections wait their turn.
func TestLimitStops(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	limited := limitConns(ln, 1)
	dial(t, ln.Addr().String())
	dial(t, ln.Addr().String())
	first, err := limited.Accept()
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	accepted := make(chan error, 1)
	go func() {
		_, err := limited.Accept()
		accepted <- err
	}()
	limited.Close()
	select {
	case err := <-accepted:
		if !errors.Is(err, net.ErrClosed) {
			t.Errorf("Accept after Close: %v, want %v", err, net.ErrClosed)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Accept still waits for a free connection after Close")
	}
}

// TestLimitMakesRoom: at the cap, a new connection takes the slot of the one idle the
// longest, which is closed; never that of one in the middle of a request or not yet asked,
// and when none is idle it waits until one is, or closes.
func TestLimitMakesRoom(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	limited := limitConns(ln, 3)
	defer limited.Close()
	var served []net.Conn
	// arrive dials a connection, and returns the channel of its acceptance.
	arrive := func() <-chan net.Conn {
		dial(t, ln.Addr().String())
		accepted := make(chan net.Conn, 1)
		go func() {
			s, err := limited.Accept()
			if err != nil {
				t.Error(err)
			}
			accepted <- s
		}()
		return accepted
	}
	accept := func(accepted <-chan net.Conn) {
		t.Helper()
		select {
		case s := <-accepted:
			if s == nil {
				t.FailNow()
			}
			t.Cleanup(func() { s.Close() })
			served = append(served, s)
		case <-time.After(10 * time.Second):
			t.Fatalf("connection %d not accepted", len(served)+1)
		}
	}
	// closed checks which of the served connections the listener closed.
	closed := func(want ...int) {
		t.Helper()
		for i, s := range served {
			_, err := s.Write([]byte{0})
			if got := errors.Is(err, net.ErrClosed); got != slices.Contains(want, i) {
				t.Errorf("connection %d closed: %v, want %v", i+1, got, !got)
			}
		}
	}
	for range 3 {
		accept(arrive())
	}
	limited.ConnState(served[0], http.StateActive)
	limited.ConnState(served[1], http.StateIdle)
	limited.ConnState(served[2], http.StateIdle)
	accept(arrive())
	closed(1)
	limited.ConnState(served[3], http.StateNew)
	limited.ConnState(served[2], http.StateActive)

	// Nothing is idle: the fifth waits, until the third has answered its request.
	fifth := arrive()
	select {
	case <-fifth:
		t.Fatal("a connection was accepted beyond the cap, with none idle to make room")
	default:
	}
	limited.ConnState(served[2], http.StateIdle)
	accept(fifth)
	closed(1, 2)

	// A connection closed gives its slot back: the sixth closes no other.
	served[0].Close()
	accept(arrive())
	closed(0, 1, 2)
}

// dial opens a connection to addr, closed when the test ends.
func dial(t *testing.T, addr string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// connCounter is a listener that counts the connections open on the server's side, and the
// most at once. A connection is counted from the server's first read of it (one accepted but
// waiting for a slot is not served), and counted closed before it closes, so a client that
// sees its end sees it counted.
type connCounter struct {
	net.Listener
	mu         sync.Mutex
	open, peak int
}

func (l *connCounter) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &countedConn{Conn: c, l: l}, nil
}

func (l *connCounter) openNow() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.open
}

func (l *connCounter) peakSoFar() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.peak
}

type countedConn struct {
	net.Conn
	l              *connCounter
	served, closed bool // guarded by l.mu
}

func (c *countedConn) Read(p []byte) (int, error) {
	c.l.mu.Lock()
	if !c.served && !c.closed {
		c.served = true
		c.l.open++
		c.l.peak = max(c.l.peak, c.l.open)
	}
	c.l.mu.Unlock()
	return c.Conn.Read(p)
}

func (c *countedConn) Close() error {
	c.l.mu.Lock()
	if c.served && !c.closed {
		c.l.open--
	}
	c.closed = true
	c.l.mu.Unlock()
	return c.Conn.Close()
}

// idleClients opens idleConns connections to the server at addr and asks for a file on each,
// then waits for the server to close each one; it reports on stdout and returns the exit
// status: 0 when the server closed every connection.
func idleClients(addr string) int {
	if err := raiseFileLimit(idleConns + 100); err != nil {
		fmt.Println(err)
		return 2
	}
	conns := make([]net.Conn, idleConns)
	for i := range conns {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			fmt.Printf("connection %d: %v\n", i+1, err)
			return 2
		}
		defer c.Close()
		conns[i] = c
		if _, err := io.WriteString(c, "GET /site.css HTTP/1.1\r\nHost: "+addr+"\r\n\r\n"); err != nil {
			fmt.Printf("connection %d: %v\n", i+1, err)
			return 2
		}
	}
	// A read tells the end of a connection. The deadline only ends the wait where the server
	// never closes them.
	deadline := time.Now().Add(idleTimeout + 30*time.Second)
	type result struct {
		open time.Duration // from the answer to the close
		err  error
	}
	results := make(chan result, idleConns)
	for _, c := range conns {
		go func() {
			_ = c.SetReadDeadline(deadline)
			r := bufio.NewReader(c)
			resp, err := http.ReadResponse(r, nil)
			if err != nil {
				results <- result{err: fmt.Errorf("no answer: %w", err)}
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			answered := time.Now()
			if _, err := r.ReadByte(); !errors.Is(err, io.EOF) {
				results <- result{err: fmt.Errorf("after the answer (%s): %v, want the end of the connection", resp.Status, err)}
				return
			}
			results <- result{open: time.Since(answered)}
		}()
	}
	var failed int
	var longest time.Duration
	for range idleConns {
		res := <-results
		longest = max(longest, res.open)
		if res.err != nil {
			if failed++; failed <= 3 {
				fmt.Println(res.err)
			}
		}
	}
	if failed > 0 {
		fmt.Printf("%d of %d idle connections were not closed by the server\n", failed, idleConns)
		return 1
	}
	fmt.Printf("the server closed the %d idle connections at most %s after their answer (idle timeout %s)\n", idleConns, longest.Round(time.Millisecond), idleTimeout)
	return 0
}
