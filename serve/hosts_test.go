package serve

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/sitetest"
)

// TestOtherHostsRefused: a request for a host the server does not answer to (a page of
// another site that made its name resolve to this machine: DNS rebinding) is refused, the
// event stream too; the names and addresses of this machine on the server's port are served.
func TestOtherHostsRefused(t *testing.T) {
	h := start(t, sitetest.New(t, serveSite), 0)
	_, port, err := net.SplitHostPort(strings.TrimPrefix(h.url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		host   string
		status int
	}{
		{"localhost:" + port, http.StatusOK},
		{"127.0.0.1:" + port, http.StatusOK},
		{"[::1]:" + port, http.StatusOK},
		{"LocalHost:" + port, http.StatusOK},
		{"localhost", http.StatusOK},
		{"127.0.0.1", http.StatusOK},
		{"[::1]", http.StatusOK},
		{"evil.example", http.StatusMisdirectedRequest},
		{"evil.example:" + port, http.StatusMisdirectedRequest},
		{"127.0.0.1.evil.example:" + port, http.StatusMisdirectedRequest},
		{"localhost.evil.example:" + port, http.StatusMisdirectedRequest},
		{"localhost:1", http.StatusMisdirectedRequest},
		{"192.0.2.1:" + port, http.StatusMisdirectedRequest},
		{"", http.StatusMisdirectedRequest},
	} {
		for _, path := range []string{"/lectures/", EventsPath} {
			if tt.status == http.StatusOK && path == EventsPath {
				continue // a stream does not end
			}
			t.Run(tt.host+path, func(t *testing.T) {
				status, body := rawRequest(t, h.url, path, tt.host)
				if status != tt.status {
					t.Errorf("Host %q: %d, want %d", tt.host, status, tt.status)
				} else if refused := strings.HasPrefix(body, "dangjian serve does not answer to "); refused != (tt.status != http.StatusOK) {
					t.Errorf("Host %q: body %q", tt.host, body)
				}
			})
		}
	}
}

// TestRefusal: the message of a refused host says what to do, and suggests --host-name only
// with a name that it takes.
func TestRefusal(t *testing.T) {
	hosts, err := NewHostPolicy(&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1313}, nil, msg.English)
	if err != nil {
		t.Fatal(err)
	}
	guard := hosts.Guard(http.NotFoundHandler())
	const open = "open the site at the address that serve printed"
	for _, tt := range []struct{ host, want string }{
		{"dell-pc:1313", `dangjian serve does not answer to the host "dell-pc:1313": ` + open + `, or, if "dell-pc" is a name of this machine, start serve with --host-name dell-pc`},
		{"dell-pc", `dangjian serve does not answer to the host "dell-pc": ` + open + `, or, if "dell-pc" is a name of this machine, start serve with --host-name dell-pc`},
		{"[fe80::2]:1313", `dangjian serve does not answer to the host "[fe80::2]:1313": ` + open + `, or, if "fe80::2" is a name of this machine, start serve with --host-name fe80::2`},
		{"", "dangjian serve does not answer to a request without a host (its Host header is empty): " + open},
		{"user@dell-pc:1313", `dangjian serve does not answer to the host "user@dell-pc:1313": ` + open},
		{"dell-pc:1313:1313", `dangjian serve does not answer to the host "dell-pc:1313:1313": ` + open},
	} {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Host = tt.host
		w := httptest.NewRecorder()
		guard.ServeHTTP(w, r)
		if w.Code != http.StatusMisdirectedRequest || w.Body.String() != tt.want+"\n" {
			t.Errorf("Host %q: %d\n%s\nwant %d\n%s", tt.host, w.Code, w.Body, http.StatusMisdirectedRequest, tt.want)
		}
	}
}

// TestRefusalInChinese: the refusal is said in the server's language, Chinese by default.
func TestRefusalInChinese(t *testing.T) {
	hosts, err := NewHostPolicy(&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1313}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	r.Host = "dell-pc:1313"
	w := httptest.NewRecorder()
	hosts.Guard(http.NotFoundHandler()).ServeHTTP(w, r)
	want := `dangjian serve 不应答主机 "dell-pc:1313"：请用 serve 显示的地址打开网站；如果 "dell-pc" 是本机的名字，请用 --host-name dell-pc 启动 serve` + "\n"
	if w.Body.String() != want {
		t.Errorf("%q, want %q", w.Body, want)
	}
}

// TestHostPolicy: the hosts allowed, listening on loopback, on one address of the network,
// or on all of them, with names given.
func TestHostPolicy(t *testing.T) {
	machine := func() ([]net.Addr, error) {
		return []net.Addr{
			&net.IPNet{IP: net.IPv4(127, 0, 0, 1), Mask: net.CIDRMask(8, 32)},
			&net.IPNet{IP: net.IPv4(10, 1, 2, 3), Mask: net.CIDRMask(24, 32)},
			&net.IPNet{IP: net.ParseIP("fe80::1"), Mask: net.CIDRMask(64, 128)},
		}, nil
	}
	loopback := []string{"localhost:1313", "localhost", "localhost:", "LOCALHOST:1313", "127.0.0.1:1313", "127.0.0.1", "[::1]:1313", "[::1]", "[0:0:0:0:0:0:0:1]:1313", "[::ffff:127.0.0.1]:1313"}
	foreign := []string{"", "evil.example", "evil.example:1313", "localhost:1314", "127.0.0.1:80", "localhost.evil.example:1313", "127.0.0.2:1313", "[::1]:1314", "[::1", "::1]:1313", "localhost:1313:1313", "user@localhost:1313"}
	tests := []struct {
		listen         string
		names          []string
		allows, denies []string
	}{
		{"127.0.0.1:1313", nil, loopback, append([]string{"10.1.2.3:1313", "dell-pc:1313"}, foreign...)},
		{"[::1]:1313", nil, loopback, append([]string{"10.1.2.3:1313"}, foreign...)},
		{"127.0.0.1:1313", []string{"dangjian.test"}, append([]string{"dangjian.test:1313", "DangJian.Test"}, loopback...), foreign},
		{"0.0.0.0:1313", []string{"dell-pc", "party.example.cn", "203.0.113.7"},
			append([]string{"10.1.2.3:1313", "10.1.2.3", "[fe80::1]:1313", "dell-pc:1313", "DELL-PC", "party.example.cn:1313", "203.0.113.7:1313", "0.0.0.0:1313"}, loopback...),
			append([]string{"10.1.2.4:1313", "dell-pc:80", "dell-pc.evil.example:1313", "example.cn:1313"}, foreign...)},
		{"[::]:1313", nil, append([]string{"10.1.2.3:1313", "[fe80::1]:1313", "[::]:1313"}, loopback...), append([]string{"dell-pc:1313"}, foreign...)},
		{"10.1.2.3:1313", nil, append([]string{"10.1.2.3:1313", "[fe80::1]:1313"}, loopback...), foreign},
	}
	for _, tt := range tests {
		t.Run(tt.listen+" "+strings.Join(tt.names, ","), func(t *testing.T) {
			addr, err := net.ResolveTCPAddr("tcp", tt.listen)
			if err != nil {
				t.Fatal(err)
			}
			p, err := newHostPolicy(addr, tt.names, machine, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, host := range tt.allows {
				if !p.Allows(host) {
					t.Errorf("Allows(%q) = false, want true", host)
				}
			}
			for _, host := range tt.denies {
				if p.Allows(host) {
					t.Errorf("Allows(%q) = true, want false", host)
				}
			}
		})
	}
}

// TestHostPolicyOfThisMachine: listening on every address, each address of this machine is
// allowed.
func TestHostPolicyOfThisMachine(t *testing.T) {
	p, err := NewHostPolicy(&net.TCPAddr{IP: net.IPv4zero, Port: 1313}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range addrs {
		ip := a.(*net.IPNet).IP
		if host := net.JoinHostPort(ip.String(), "1313"); !p.Allows(host) {
			t.Errorf("Allows(%q) = false, want true: an address of this machine", host)
		}
	}
}

func TestCheckHostName(t *testing.T) {
	for _, tt := range []struct{ name, err string }{
		{"dell-pc", ""},
		{"party.example.cn", ""},
		{"DELL_PC", ""},
		{"192.168.1.10", ""},
		{"::1", ""},
		{"[::1]", ""},
		{"dell-pc:1313", `"dell-pc:1313": give the name without its port: dell-pc`},
		{"[::1]:1313", `"[::1]:1313": give the name without its port: ::1`},
		{"", `"" is not a host name`},
		{"http://dell-pc/", `"http://dell-pc/" is not a host name`},
		{"dell pc", `"dell pc" is not a host name`},
		{"*.example.cn", `"*.example.cn" is not a host name`},
		{"a..cn", `"a..cn" is not a host name`},
		{".cn", `".cn" is not a host name`},
		{"党建", `"党建" is not a host name`},
	} {
		err := CheckHostName(tt.name)
		if tt.err == "" && err != nil {
			t.Errorf("CheckHostName(%q): %v", tt.name, err)
		}
		if tt.err != "" && (err == nil || !strings.HasPrefix(msg.English.Err(err), tt.err)) {
			t.Errorf("CheckHostName(%q): %v, want %s…", tt.name, err, tt.err)
		}
	}
}

// TestAnnounce: the address served on is printed as it was given, with the port listened on;
// every address of the machine (0.0.0.0, ::), which a browser does not open, is printed as
// 127.0.0.1 for this machine and the machine's network addresses for the others; anything but
// loopback is warned about.
func TestAnnounce(t *testing.T) {
	const warning = "warning: serving on %s makes the site visible to every machine of the network, not only to this one; to keep it to this machine, use --addr 127.0.0.1:%s\n"
	machine := func() ([]net.Addr, error) {
		return []net.Addr{
			&net.IPNet{IP: net.IPv4(127, 0, 0, 1), Mask: net.CIDRMask(8, 32)},
			&net.IPNet{IP: net.ParseIP("fe80::1"), Mask: net.CIDRMask(64, 128)},
			&net.IPNet{IP: net.ParseIP("2001:db8::5"), Mask: net.CIDRMask(64, 128)},
			&net.IPNet{IP: net.IPv4(192, 168, 1, 10), Mask: net.CIDRMask(24, 32)},
			&net.IPNet{IP: net.IPv4(169, 254, 0, 9), Mask: net.CIDRMask(16, 32)},
			&net.IPNet{IP: net.IPv4(10, 1, 2, 3), Mask: net.CIDRMask(8, 32)},
			&net.IPNet{IP: net.IPv4(192, 168, 1, 10), Mask: net.CIDRMask(24, 32)},
		}, nil
	}
	everywhere := func(port string) string {
		return "serving site on http://127.0.0.1:" + port + "/ (Ctrl-C to stop)\n" +
			"other machines of the network open it at:\n" +
			"  http://192.168.1.10:" + port + "/\n" +
			"  http://10.1.2.3:" + port + "/\n" +
			"  http://[2001:db8::5]:" + port + "/\n"
	}
	at := func(hostPort string) string { return "serving site on http://" + hostPort + "/ (Ctrl-C to stop)\n" }
	for _, tt := range []struct {
		given, listening string
		stdout           string
		warned, port     string
	}{
		{"", "127.0.0.1:1313", at("127.0.0.1:1313"), "", ""},
		{"127.0.0.1:0", "127.0.0.1:40123", at("127.0.0.1:40123"), "", ""},
		{"localhost:1313", "127.0.0.1:1313", at("localhost:1313"), "", ""},
		{"[::1]:1313", "[::1]:1313", at("[::1]:1313"), "", ""},
		{"0.0.0.0:1313", "[::]:1313", everywhere("1313"), "0.0.0.0:1313", "1313"},
		{"0.0.0.0:8080", "0.0.0.0:8080", everywhere("8080"), "0.0.0.0:8080", "8080"},
		{":1313", "[::]:1313", everywhere("1313"), "[::]:1313", "1313"},
		{"[::]:1313", "[::]:1313", everywhere("1313"), "[::]:1313", "1313"},
		{"192.168.1.10:8080", "192.168.1.10:8080", at("192.168.1.10:8080"), "192.168.1.10:8080", "8080"},
	} {
		t.Run(tt.given, func(t *testing.T) {
			listening, err := net.ResolveTCPAddr("tcp", tt.listening)
			if err != nil {
				t.Fatal(err)
			}
			hosts, err := newHostPolicy(listening, nil, machine, msg.English)
			if err != nil {
				t.Fatal(err)
			}
			var stdout, stderr strings.Builder
			announce(&stdout, &stderr, msg.English, "site", tt.given, listening, hosts)
			if stdout.String() != tt.stdout {
				t.Errorf("stdout\n%s\nwant\n%s", stdout.String(), tt.stdout)
			}
			want := ""
			if tt.warned != "" {
				want = fmt.Sprintf(warning, tt.warned, tt.port)
			}
			if stderr.String() != want {
				t.Errorf("stderr %q, want %q", stderr.String(), want)
			}
		})
	}
}
