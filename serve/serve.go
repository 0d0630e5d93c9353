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
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/msg"
)

// DefaultAddr is where serve listens unless told otherwise: this machine only. When its port
// is in use, serve takes the next free one (see listenOn).
const DefaultAddr = "127.0.0.1:1313"

// Config says what to serve and how to watch it.
type Config struct {
	generator.Options
	// Addr is where to serve: host:port; a port alone (18082), on this machine only; a host
	// alone (0.0.0.0), on Port or DefaultAddr's port. "" is DefaultAddr.
	Addr string
	// Port, when not 0, is the port to serve on, at Addr's host.
	Port int
	// Open opens the site in the system's default browser once it is served.
	Open bool
	// Poll, when set, watches the files by listing them at this interval instead of by the
	// system's change events, which do not arrive from network drives or WSL.
	Poll time.Duration
	// HostNames are names of this machine that the server answers to besides its addresses
	// (see HostPolicy), each checked by CheckHostName.
	HostNames []string
	Limits    Limits
	Stdout    io.Writer // what was built
	Stderr    io.Writer // the problems
}

// Limits bound what a client can hold of the server, so that no program, nor a page of
// another site, can keep connections open without end. A field zero or less takes its
// default.
type Limits struct {
	ReadHeaderTimeout time.Duration // to send a request's header
	ReadTimeout       time.Duration // to send a whole request
	// WriteTimeout is the time to take an answer; an event stream has it for each event, so
	// that it lasts as long as the page is open, and a page that stopped reading is let go.
	WriteTimeout time.Duration
	IdleTimeout  time.Duration // a connection kept open with no request is closed after it
	// Heartbeat is how often an event stream sends a comment, which keeps proxies and
	// firewalls from taking it for idle, and finds out a page that is gone.
	Heartbeat time.Duration
	MaxConns  int // connections served at once; see limitConns for what a new one beyond them does
}

// defaultLimits are generous for a browser on this machine or the office network: the largest
// file of a site (a PDF of tens of megabytes) is sent well within the write timeout.
var defaultLimits = Limits{
	ReadHeaderTimeout: 10 * time.Second,
	ReadTimeout:       30 * time.Second,
	WriteTimeout:      60 * time.Second,
	IdleTimeout:       60 * time.Second,
	Heartbeat:         15 * time.Second,
	MaxConns:          256,
}

// orDefaults returns l with the default for each field zero or less.
func (l Limits) orDefaults() Limits {
	d := defaultLimits
	orDefault(&l.ReadHeaderTimeout, d.ReadHeaderTimeout)
	orDefault(&l.ReadTimeout, d.ReadTimeout)
	orDefault(&l.WriteTimeout, d.WriteTimeout)
	orDefault(&l.IdleTimeout, d.IdleTimeout)
	orDefault(&l.Heartbeat, d.Heartbeat)
	orDefault(&l.MaxConns, d.MaxConns)
	return l
}

func orDefault[T ~int | ~int64](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}

// Serve builds the site, serves it on cfg.Addr and rebuilds it as its files change, until ctx
// is done; then it stops cleanly and returns nil.
func Serve(ctx context.Context, cfg Config) error {
	ln, addr, err := listenOn(cfg.Addr, cfg.Port, DefaultAddr, cfg.Stdout, cfg.Printer)
	if err != nil {
		return err
	}
	defer ln.Close()
	cfg.Addr = addr
	// The host of the address, as given, is printed: it must open the site.
	names := cfg.HostNames
	if host, _, err := net.SplitHostPort(cfg.Addr); err == nil && host != "" {
		names = append(slices.Clip(names), host)
	}
	hosts, err := NewHostPolicy(ln.Addr(), names, cfg.Printer)
	if err != nil {
		return err
	}
	s, err := Start(ctx, cfg)
	if err != nil {
		return err
	}
	return s.serve(ctx, ln, hosts)
}

// serve serves s on ln to the hosts the policy allows, until ctx is done.
func (s *Server) serve(ctx context.Context, ln net.Listener, hosts *HostPolicy) error {
	pr := s.cfg.Printer
	url := announce(s.cfg.Stdout, s.cfg.Stderr, pr, s.cfg.Dir(), s.cfg.Addr, ln.Addr(), hosts)
	if s.cfg.Open {
		// The listener takes connections already: the browser's waits for Serve below.
		if err := openBrowser(url); err != nil {
			pr.Fprintln(s.cfg.Stderr, msg.CannotOpen, err, url)
		}
	}
	lim := s.cfg.Limits
	limited := limitConns(ln, lim.MaxConns)
	hs := &http.Server{
		Handler:           hosts.Guard(s),
		ConnState:         limited.ConnState,
		ReadHeaderTimeout: lim.ReadHeaderTimeout,
		ReadTimeout:       lim.ReadTimeout,
		WriteTimeout:      lim.WriteTimeout,
		IdleTimeout:       lim.IdleTimeout,
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(limited) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	// The event streams end with ctx; the other requests get a moment to finish.
	stopCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := hs.Shutdown(stopCtx)
	<-s.stopped
	pr.Fprintln(s.cfg.Stdout, msg.Stopped)
	return err
}

// announce says where the site is served, and warns when that is not this machine only. The
// address is shown as given (localhost, 192.168.1.10), with the port listened on; when it is
// every address of the machine (0.0.0.0, ::), which a browser does not open, the site is shown
// at 127.0.0.1 for this machine and at the machine's network addresses for the others. It
// returns the URL it shows for this machine.
func announce(stdout, stderr io.Writer, pr *msg.Printer, source, given string, listening net.Addr, hosts *HostPolicy) string {
	shown := listening.String()
	if host, _, err := net.SplitHostPort(given); err == nil && host != "" {
		if _, port, err := net.SplitHostPort(shown); err == nil {
			shown = net.JoinHostPort(host, port)
		}
	}
	ap, err := netip.ParseAddrPort(listening.String())
	everywhere := err == nil && ap.Addr().IsUnspecified()
	open := shown
	if everywhere {
		open = netip.AddrPortFrom(loopback4, ap.Port()).String()
	}
	url := "http://" + open + "/"
	pr.Fprintln(stdout, msg.Serving, source, url)
	if everywhere && len(hosts.network) > 0 {
		pr.Fprintln(stdout, msg.ServingNetwork)
		for _, a := range hosts.network {
			fmt.Fprintf(stdout, "  http://%s/\n", netip.AddrPortFrom(a, ap.Port()))
		}
	}
	if err == nil && !ap.Addr().IsLoopback() {
		pr.Fprintln(stderr, msg.VisibleToAll, shown, netip.AddrPortFrom(loopback4, ap.Port()))
	}
	return url
}

// listenOn listens where addr and port say (see Config), def being the address when they
// say nothing. It returns the address asked for, as host:port. When the port was not given
// and another program holds it, the next free one is taken, and stdout told: an editor who
// starts serve twice gets a second site, not an error. A port given is a promise (a bookmark,
// a colleague's browser, a firewall's rule): its being in use is an error, which names a free
// port to choose instead.
func listenOn(addr string, port int, def string, stdout io.Writer, pr *msg.Printer) (net.Listener, string, error) {
	addr, given, err := resolveAddr(addr, port, def)
	if err != nil {
		return nil, "", err
	}
	ln, err := net.Listen("tcp", addr)
	if err == nil {
		return ln, addr, nil
	}
	host, p, _ := net.SplitHostPort(addr)
	n, convErr := strconv.Atoi(p)
	if !errors.Is(err, errAddrInUse) || convErr != nil {
		return nil, "", msg.New(msg.CannotServeOn, addr, err)
	}
	free, ln, ok := nextFree(host, n)
	switch {
	case !ok:
		return nil, "", msg.New(msg.PortsAllInUse, addr, mostMoves)
	case given:
		ln.Close()
		return nil, "", msg.New(msg.PortGivenInUse, addr, free)
	}
	pr.Fprintln(stdout, msg.PortMoved, n, free)
	return ln, net.JoinHostPort(host, strconv.Itoa(free)), nil
}

// mostMoves bounds the ports after one in use that listenOn tries.
const mostMoves = 20

// nextFree listens on the first free port of the mostMoves after port, at host.
func nextFree(host string, port int) (int, net.Listener, bool) {
	for next := port + 1; next <= min(port+mostMoves, 65535); next++ {
		if ln, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(next))); err == nil {
			return next, ln, true
		}
	}
	return 0, nil, false
}

// resolveAddr returns the host:port that addr and port say (see Config), def being the
// address when they say nothing, and whether the port was given.
func resolveAddr(addr string, port int, def string) (string, bool, error) {
	host, p, _ := net.SplitHostPort(def)
	given := false
	switch h, hp, err := net.SplitHostPort(addr); {
	case addr == "":
	case isPort(addr):
		p, given = addr, true
	case err != nil: // a host alone: localhost, 0.0.0.0, ::1, [::1]
		host = strings.TrimSuffix(strings.TrimPrefix(addr, "["), "]")
	default:
		host = h
		if hp != "" {
			p, given = hp, true
		}
	}
	if port != 0 {
		if given && p != strconv.Itoa(port) {
			return "", false, msg.New(msg.TwoPorts, p, addr, port)
		}
		p, given = strconv.Itoa(port), true
	}
	return net.JoinHostPort(host, p), given, nil
}

// isPort reports whether s is a port number alone (0: any free port).
func isPort(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 0 && n <= 65535 && s[0] != '+'
}

// Server is a started server: an http.Handler serving the site from memory while a goroutine
// rebuilds it as its files change.
type Server struct {
	cfg     Config // with the defaults filled in
	b       *builder
	h       *handler
	stopped chan struct{} // closed when the rebuilding goroutine has returned
}

// Start builds the site and starts watching its files; it rebuilds until ctx is done. A site
// with problems is served all the same, showing them, so that fixing the file brings it up.
func Start(ctx context.Context, cfg Config) (*Server, error) {
	cfg.Limits = cfg.Limits.orDefaults()
	root, err := filepath.Abs(cfg.Dir())
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(root, config.File)); err != nil {
		return nil, msg.New(msg.NotSiteFolder, cfg.Dir(), err)
	}
	// Watching starts before the first build, so that no change made during it is missed.
	var changes <-chan batch
	if cfg.Poll > 0 {
		changes = watchPolling(ctx, root, cfg.Poll)
	} else if changes, err = watchEvents(ctx, root, func(err error) { cfg.Printer.Fprintln(cfg.Stderr, msg.WatchWarning, err) }); err != nil {
		return nil, err
	}
	b := newBuilder(generator.Config{Options: cfg.Options, CountTextProblems: true}, cfg.Stdout, cfg.Stderr)
	b.rebuild(ctx, nil, true)
	s := &Server{cfg: cfg, b: b, h: &handler{b: b, limits: cfg.Limits, done: ctx.Done()}, stopped: make(chan struct{})}
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
