package serve

import (
	"cmp"
	"net"
	"net/http"
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"github.com/dangjian/dangjian/internal/msg"
)

// HostPolicy says which Host headers the server answers to: the names and addresses a
// browser uses to reach this machine on the server's port. It is the one check that keeps a
// page of another site from reading or (with the planned browser editor) writing through the
// server by DNS rebinding: a name of the attacker's, made to resolve to this machine, arrives
// as that name in the Host header, and is refused. Whatever the server serves, the site and
// any editor, sits behind Guard; an editor that writes should also check a request's Origin
// with Allows.
//
// Always allowed: localhost, 127.0.0.1 and [::1]; the address listened on; the names given
// (--host-name, and the host of --addr as it was written). When listening on another address than loopback, or on all of them
// (0.0.0.0, ::), also each address of this machine's network interfaces, as they were at the
// start. A Host may come with the server's port or without one (the form a browser sends for
// port 80, or a proxy in front); with another port it is refused.
type HostPolicy struct {
	pr    *msg.Printer // says a refusal
	port  string
	names map[string]bool // lower case
	addrs map[netip.Addr]bool
	// network are the addresses of this machine that other machines open the site at, IPv4
	// first: those allowed but loopback and link-local ones, which a browser cannot open.
	network []netip.Addr
}

var loopback4 = netip.AddrFrom4([4]byte{127, 0, 0, 1})

// NewHostPolicy returns the policy of a server listening at addr, which also answers to
// names (checked by CheckHostName), and says its refusals with pr.
func NewHostPolicy(addr net.Addr, names []string, pr *msg.Printer) (*HostPolicy, error) {
	return newHostPolicy(addr, names, net.InterfaceAddrs, pr)
}

// newHostPolicy is NewHostPolicy, listing this machine's addresses with interfaceAddrs.
func newHostPolicy(addr net.Addr, names []string, interfaceAddrs func() ([]net.Addr, error), pr *msg.Printer) (*HostPolicy, error) {
	listening, err := netip.ParseAddrPort(addr.String())
	if err != nil {
		return nil, msg.New(msg.ListenedAddress, addr.String(), err)
	}
	p := &HostPolicy{
		pr:    pr,
		port:  strconv.Itoa(int(listening.Port())),
		names: map[string]bool{"localhost": true},
		addrs: map[netip.Addr]bool{},
	}
	for _, a := range []netip.Addr{loopback4, netip.IPv6Loopback(), listening.Addr()} {
		p.addrs[canonical(a)] = true
	}
	if !listening.Addr().IsLoopback() {
		machine, err := interfaceAddrs()
		if err != nil {
			return nil, msg.New(msg.MachineAddrs, err)
		}
		for _, a := range machine {
			if prefix, err := netip.ParsePrefix(a.String()); err == nil {
				a := canonical(prefix.Addr())
				if a.IsGlobalUnicast() && !p.addrs[a] {
					p.network = append(p.network, a)
				}
				p.addrs[a] = true
			}
		}
		slices.SortStableFunc(p.network, func(a, b netip.Addr) int { return cmp.Compare(a.BitLen(), b.BitLen()) })
	}
	for _, name := range names {
		if err := CheckHostName(name); err != nil {
			return nil, err
		}
		if a, ok := hostAddr(name); ok {
			p.addrs[canonical(a)] = true
		} else {
			p.names[strings.ToLower(name)] = true
		}
	}
	return p, nil
}

// Allows reports whether the server answers to host, a Host header or an Origin's host
// ("localhost:1313", "[::1]:1313", "192.168.1.10").
func (p *HostPolicy) Allows(host string) bool {
	name, port, err := net.SplitHostPort(host)
	if err != nil {
		name, port = host, "" // no port, or not a host at all: then no name below matches
	}
	if port != "" && port != p.port {
		return false
	}
	if a, ok := hostAddr(name); ok {
		return p.addrs[canonical(a)]
	}
	return p.names[strings.ToLower(name)]
}

// Guard returns next behind the policy: a request whose Host is not allowed is answered 421
// Misdirected Request, and next never sees it.
func (p *HostPolicy) Guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !p.Allows(r.Host) {
			http.Error(w, refusal(r.Host).Text(p.pr), http.StatusMisdirectedRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// refusal says why a request for host is not answered, and what to do: --host-name only
// where host names something it takes.
func refusal(host string) msg.Message {
	if host == "" {
		return msg.New(msg.NoHost, msg.OpenPrinted)
	}
	name, _, err := net.SplitHostPort(host)
	if err != nil {
		name = host
	}
	if CheckHostName(name) != nil {
		return msg.New(msg.OtherHost, host, msg.OpenPrinted)
	}
	return msg.New(msg.OtherHostName, host, msg.OpenPrinted, name, name)
}

// CheckHostName returns an error unless name can be a name the server answers to: a host
// name or an IP address, without a port, scheme or path.
func CheckHostName(name string) error {
	if _, ok := hostAddr(name); ok {
		return nil
	}
	if host, port, err := net.SplitHostPort(name); err == nil && CheckHostName(host) == nil && strings.Trim(port, "0123456789") == "" {
		return msg.New(msg.HostWithPort, name, host)
	}
	if name == "" || strings.Trim(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._") != "" ||
		strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".") || strings.Contains(name, "..") {
		return msg.New(msg.NotHostName, name)
	}
	return nil
}

// hostAddr returns the IP address a host names, if it is one: "127.0.0.1", "[::1]", "::1".
func hostAddr(host string) (netip.Addr, bool) {
	if inner, ok := strings.CutPrefix(host, "["); ok {
		host, ok = strings.CutSuffix(inner, "]")
		if !ok {
			return netip.Addr{}, false
		}
	}
	a, err := netip.ParseAddr(host)
	return a, err == nil
}

// canonical returns a as it is compared: an IPv4 address written as IPv6 is the IPv4 address,
// and a zone does not matter.
func canonical(a netip.Addr) netip.Addr { return a.Unmap().WithZone("") }
