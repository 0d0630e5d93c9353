//go:build linux

package deploy

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/sitetest"
	"github.com/dangjian/dangjian/internal/testenv"
)

// sitePath is the path the site is served under, as nginx.conf and site.yaml's base_url say.
const sitePath = "/dangjian/"

// TestNginx builds the real site, publishes it with publish.sh into a web root, serves it with
// a real nginx and nginx.conf, and follows every link of every page.
func TestNginx(t *testing.T) {
	bin := testenv.Nginx(t)
	public := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(t.Context(), generator.Config{Options: generator.Options{Source: ".."}, Dest: public}); err != nil {
		t.Fatalf("building the real site:\n%v", err)
	}
	webroot := filepath.Join(t.TempDir(), "www")
	publish(t, public, webroot, "first", nil)
	server := startNginx(t, bin, webroot)
	site := server + sitePath

	t.Run("every link of every page", func(t *testing.T) {
		fetched := crawl(t, site)
		// Every page the build wrote is reachable from the home page; only 404.html is not.
		for _, name := range sitetest.Files(t, public) {
			if strings.HasSuffix(name, ".html") && name != "404.html" && !fetched[name] {
				t.Errorf("%s: no page links to it", name)
			}
		}
		t.Logf("fetched %d pages and files", len(fetched))
	})

	t.Run("missing pages", func(t *testing.T) {
		for _, missing := range []string{"no-such-page/", "lectures/專題討論/no/such/page/", "assets/gone.css", ".dangjian-manifest"} {
			resp, body := get(t, site+missing)
			if resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "<h1>找不到頁面</h1>") {
				t.Errorf("%s: got %s, want 404 with the site's 404 page:\n%.300s", missing, resp.Status, body)
				continue
			}
			// The 404 page's own links work from wherever it is shown.
			for _, link := range links(body) {
				if target := resolve(t, site+missing, link); target != nil {
					if resp, _ := get(t, target.String()); resp.StatusCode != http.StatusOK {
						t.Errorf("404 page at %s: link %q: %s", missing, link, resp.Status)
					}
				}
			}
		}
	})

	t.Run("redirects name no host", func(t *testing.T) {
		client := &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		for from, to := range map[string]string{"/dangjian": "/dangjian/", "/dangjian/lectures": "/dangjian/lectures/"} {
			resp, err := client.Get(server + from)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != to {
				t.Errorf("%s: got %s to %q, want 301 to %q", from, resp.Status, resp.Header.Get("Location"), to)
			}
		}
	})

	t.Run("compressed style sheet", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, site+"assets/style.css", nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("style.css: Content-Encoding %q, want gzip", resp.Header.Get("Content-Encoding"))
		}
	})

	t.Run("publishing swaps atomically", func(t *testing.T) {
		// While three more builds go live, visitors keep reading: every request gets a whole page.
		stop := make(chan struct{})
		failures := make(chan string, 1)
		requests := 0
		go func() {
			defer close(failures)
			client := &http.Client{Timeout: 10 * time.Second}
			for ; requests < 5000; requests++ {
				select {
				case <-stop:
					return
				default:
				}
				for _, page := range []string{site, site + "lecture-hall/ai-de-chuan-di/", site + "assets/style.css"} {
					resp, err := client.Get(page)
					if err != nil {
						failures <- err.Error()
						return
					}
					body, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					if resp.StatusCode != http.StatusOK || len(body) == 0 {
						failures <- fmt.Sprintf("%s: %s during a publish", page, resp.Status)
						return
					}
				}
			}
		}()
		for _, label := range []string{"second", "third", "fourth"} {
			publish(t, public, webroot, label, []string{"KEEP=2"})
		}
		close(stop)
		if failure, failed := <-failures; failed {
			t.Error(failure)
		}
		if requests == 0 {
			t.Error("no request was made during the publishing")
		}
		releases, err := os.ReadDir(filepath.Join(webroot, "releases"))
		if err != nil {
			t.Fatal(err)
		}
		current, err := os.Readlink(filepath.Join(webroot, "current"))
		if err != nil {
			t.Fatal(err)
		}
		if len(releases) != 2 || !strings.HasSuffix(current, "-fourth") {
			t.Errorf("after four publishes with KEEP=2: releases %v, current → %s; want two, current the fourth", releases, current)
		}
		t.Logf("%d rounds of requests during three publishes", requests)
	})
}

// publish runs publish.sh, with env added to the environment.
func publish(t *testing.T, public, webroot, label string, env []string) {
	t.Helper()
	cmd := exec.Command("sh", "publish.sh", public, webroot, label)
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("publish.sh: %v\n%s", err, out)
	}
}

// startNginx serves webroot with nginx.conf on a free port of 127.0.0.1, as the current user,
// with its pid, logs and temporary files in a temporary folder, and stops it when the test
// ends. It returns the server's URL.
func startNginx(t *testing.T, bin, webroot string) string {
	t.Helper()
	conf, err := os.ReadFile("nginx.conf")
	if err != nil {
		t.Fatal(err)
	}
	port := freePort(t)
	site := replaceOnce(t, string(conf), "listen 80;", fmt.Sprintf("listen 127.0.0.1:%d;", port))
	site = replaceOnce(t, site, "alias /srv/www/dangjian/current/;", fmt.Sprintf("alias %q;", webroot+"/current/"))
	dir := t.TempDir()
	// mime.types is beside the nginx.conf the binary was built for (Debian: /etc/nginx/).
	mimeTypes := "/etc/nginx/mime.types"
	if out, err := exec.Command(bin, "-V").CombinedOutput(); err == nil {
		if m := regexp.MustCompile(`--conf-path=(\S+)`).FindSubmatch(out); m != nil {
			mimeTypes = filepath.Join(filepath.Dir(string(m[1])), "mime.types")
		}
	}
	// One process (master_process off): nothing is left behind if the test itself is killed.
	main := fmt.Sprintf(`daemon off;
master_process off;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log;
events { worker_connections 64; }
http {
    include %[2]s;
    default_type application/octet-stream;
    access_log %[1]s/access.log;
    client_body_temp_path %[1]s/client_body;
    proxy_temp_path %[1]s/proxy;
    fastcgi_temp_path %[1]s/fastcgi;
    uwsgi_temp_path %[1]s/uwsgi;
    scgi_temp_path %[1]s/scgi;
    include %[1]s/dangjian.conf;
}
`, dir, mimeTypes)
	writeFile(t, filepath.Join(dir, "dangjian.conf"), site)
	writeFile(t, filepath.Join(dir, "nginx.conf"), main)
	args := []string{"-p", dir, "-c", filepath.Join(dir, "nginx.conf"), "-e", filepath.Join(dir, "error.log")}
	if out, err := exec.Command(bin, append(args, "-t")...).CombinedOutput(); err != nil {
		t.Fatalf("nginx -t: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, args...)
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(exited)
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGQUIT)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
		if t.Failed() {
			log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Logf("nginx's error log:\n%s", log)
		}
	})

	server := fmt.Sprintf("http://127.0.0.1:%d", port)
	deadline := time.Now().Add(10 * time.Second)
	for {
		select {
		case <-exited:
			log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Fatalf("nginx stopped: %s\n%s", output.String(), log)
		default:
		}
		conn, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second)
		if err == nil {
			conn.Close()
			return server
		}
		if time.Now().After(deadline) {
			t.Fatalf("nginx does not answer on port %d: %v", port, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func replaceOnce(t *testing.T, s, old, replacement string) string {
	t.Helper()
	if n := strings.Count(s, old); n != 1 {
		t.Fatalf("nginx.conf holds %q %d times, want once: the test changes that line", old, n)
	}
	return strings.Replace(s, old, replacement, 1)
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// crawl fetches start and everything its pages link to on the same server, and fails the test
// for each link that does not answer 200 or leaves the site's path. It returns the files
// fetched, by path under the site (lectures/index.html).
func crawl(t *testing.T, start string) map[string]bool {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	root, _ := url.Parse(start)
	fetched := map[string]bool{}
	queued := map[string]string{start: "(start)"} // URL → the page that links to it
	queue := []string{start}
	for len(queue) > 0 && ctx.Err() == nil && len(queued) < 20000 {
		page := queue[0]
		queue = queue[1:]
		resp, body := get(t, page)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s (linked from %s): %s", page, queued[page], resp.Status)
			continue
		}
		u, _ := url.Parse(page)
		name := strings.TrimPrefix(u.Path, root.Path)
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		fetched[name] = true
		checkHeaders(t, page, resp)
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			continue
		}
		for _, link := range links(body) {
			target := resolve(t, page, link)
			if target == nil || target.Host != root.Host {
				continue // another site, or mail
			}
			if !strings.HasPrefix(target.Path, root.Path) {
				t.Errorf("%s: link %q leaves the site's path %s", page, link, root.Path)
				continue
			}
			if _, seen := queued[target.String()]; !seen {
				queued[target.String()] = page
				queue = append(queue, target.String())
			}
		}
	}
	if ctx.Err() != nil {
		t.Errorf("the crawl did not finish in time")
	}
	return fetched
}

// checkHeaders checks the caching and character set nginx.conf promises.
func checkHeaders(t *testing.T, page string, resp *http.Response) {
	t.Helper()
	contentType, cache := resp.Header.Get("Content-Type"), resp.Header.Get("Cache-Control")
	var want string
	switch {
	case strings.HasPrefix(contentType, "text/html"):
		want = "no-cache"
		if contentType != "text/html; charset=utf-8" {
			t.Errorf("%s: Content-Type %q, want text/html; charset=utf-8", page, contentType)
		}
	case strings.HasPrefix(contentType, "image/"):
		want = "public, max-age=86400"
	default:
		want = "public, max-age=3600"
	}
	if cache != want {
		t.Errorf("%s (%s): Cache-Control %q, want %q", page, contentType, cache, want)
	}
}

func get(t *testing.T, page string) (*http.Response, string) {
	t.Helper()
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(page)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

var linkAttr = regexp.MustCompile(`(?:href|src|action)="([^"]*)"`)

// links returns the links of a page's href, src and (form) action attributes, as written.
func links(body string) []string {
	var out []string
	for _, m := range linkAttr.FindAllStringSubmatch(body, -1) {
		if link := html.UnescapeString(m[1]); !slices.Contains(out, link) {
			out = append(out, link)
		}
	}
	return out
}

// resolve returns the URL a link on page points at, without its fragment; nil for a link to
// this very page's fragment.
func resolve(t *testing.T, page, link string) *url.URL {
	t.Helper()
	base, _ := url.Parse(page)
	ref, err := url.Parse(link)
	if err != nil {
		t.Errorf("%s: malformed link %q", page, link)
		return nil
	}
	if strings.HasPrefix(link, "#") || ref.Scheme == "mailto" {
		return nil
	}
	target := base.ResolveReference(ref)
	target.Fragment, target.RawFragment = "", ""
	return target
}
