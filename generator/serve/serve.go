// Package serve is the engine of `dangjian serve`: it builds a site into memory and serves it
// on a local address, watches the site's files, rebuilds only what a change affects, and
// tells the open pages to reload, or shows them the build's problems while the last good
// build stays served.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/generator/config"
)

// DefaultAddr is where serve listens unless told otherwise: this machine only.
const DefaultAddr = "127.0.0.1:1313"

// Config says what to serve and how to watch it.
type Config struct {
	Site generator.Config // Dest is not used: the site is kept in memory
	Addr string           // host:port; default DefaultAddr
	// Poll, when set, watches the files by listing them at this interval instead of by the
	// system's change events, which do not arrive from network drives or WSL.
	Poll   time.Duration
	Stdout io.Writer // what was built
	Stderr io.Writer // the problems
}

// Serve builds the site, serves it on cfg.Addr and rebuilds it as its files change, until ctx
// is done; then it stops cleanly and returns nil.
func Serve(ctx context.Context, cfg Config) error {
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	ln, err := listen(cfg.Addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	s, err := Start(ctx, cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(cfg.Stdout, "serving %s at http://%s/ (Ctrl-C to stop)\n", cfg.Site.Source, ln.Addr())
	hs := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	// The event streams end with ctx; the other requests get a moment to finish.
	stopCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err = hs.Shutdown(stopCtx)
	<-s.stopped
	fmt.Fprintln(cfg.Stdout, "stopped")
	return err
}

// listen listens on addr, and explains the usual failure: another server holds the port.
func listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err == nil {
		return ln, nil
	}
	suggest := "127.0.0.1:1314"
	if host, port, splitErr := net.SplitHostPort(addr); splitErr == nil {
		if n, convErr := strconv.Atoi(port); convErr == nil && n < 65535 {
			suggest = net.JoinHostPort(host, strconv.Itoa(n+1))
		}
	}
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, fmt.Errorf("cannot serve on %s: the address is in use, perhaps by another dangjian serve; choose another with --addr, e.g. --addr %s", addr, suggest)
	}
	return nil, fmt.Errorf("cannot serve on %s: %w; choose another address with --addr, e.g. --addr %s", addr, err, suggest)
}

// Server is a started server: an http.Handler serving the site from memory while a goroutine
// rebuilds it as its files change.
type Server struct {
	b       *builder
	h       *handler
	stopped chan struct{} // closed when the rebuilding goroutine has returned
}

// Start builds the site and starts watching its files; it rebuilds until ctx is done. A site
// with problems is served all the same, showing them, so that fixing the file brings it up.
func Start(ctx context.Context, cfg Config) (*Server, error) {
	root, err := filepath.Abs(cfg.Site.Source)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(root, config.File)); err != nil {
		return nil, fmt.Errorf("cannot serve %s: %w (is it the site's folder?)", cfg.Site.Source, err)
	}
	// Watching starts before the first build, so that no change made during it is missed.
	var changes <-chan batch
	if cfg.Poll > 0 {
		changes = watchPolling(ctx, root, cfg.Poll)
	} else if changes, err = watchEvents(ctx, root, cfg.Stderr); err != nil {
		return nil, err
	}
	b := newBuilder(cfg.Site, cfg.Stdout, cfg.Stderr)
	b.rebuild(ctx, nil, true)
	s := &Server{b: b, h: &handler{b: b, done: ctx.Done()}, stopped: make(chan struct{})}
	go func() {
		defer close(s.stopped)
		for {
			select {
			case <-ctx.Done():
				return
			case c := <-changes:
				b.rebuild(ctx, c.files, c.rescan)
			}
		}
	}()
	return s, nil
}

// ServeHTTP serves the site's files, the live-reload script and the reload events.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.h.ServeHTTP(w, r) }
