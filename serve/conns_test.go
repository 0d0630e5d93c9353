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
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
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

// TestLimitStops: closing the listener ends a wait for a free connection, so that the server
// stops while connections wait their turn.
func TestLimitStops(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	limited := limitConns(ln, 1)
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
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

// connCounter is a listener that counts the connections open on the server's side, and the
// most at once. A connection is counted closed before it closes, so a client that sees its
// end sees it counted.
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
	l.mu.Lock()
	l.open++
	l.peak = max(l.peak, l.open)
	l.mu.Unlock()
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
	l    *connCounter
	once sync.Once
}

func (c *countedConn) Close() error {
	c.once.Do(func() {
		c.l.mu.Lock()
		c.l.open--
		c.l.mu.Unlock()
	})
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
