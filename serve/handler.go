package serve

import (
	"bytes"
	_ "embed"
	"html"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/page"
)

// ScriptPath is the live-reload script that serve adds to every HTML page; it listens to the
// events through the worker at WorkerPath.
const (
	ScriptPath = "/__dangjian/live.js"
	WorkerPath = "/__dangjian/worker.js"
)

var (
	//go:embed live.js
	liveScript []byte
	//go:embed worker.js
	workerScript []byte
)

// handler serves the site from the builder's memory, and nothing else: a URL is looked up by
// name among the files the build produced, never on disk.
type handler struct {
	b      *builder
	limits Limits
	done   <-chan struct{} // closed when the server stops, to end the event streams
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, h.b.cfg.Printer.Sprintf(msg.MethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	switch r.URL.Path {
	case EventsPath:
		h.b.events.serveEvents(w, r, h.limits, h.done, h.b.cfg.Printer)
		return
	case ScriptPath, WorkerPath:
		script := liveScript
		if r.URL.Path == WorkerPath {
			script = workerScript
		}
		w.Header().Set("Cache-Control", "no-cache")
		serveContent(w, r, r.URL.Path, script)
		return
	}
	// The version is read before the files: a page then never claims a newer version than
	// its content, at worst an older one, which only makes it reload once more.
	version := h.b.events.state().Version
	files := h.b.files.Load()
	name, ok := siteName(r.URL.Path)
	if !ok {
		h.notFound(w, r, version)
		return
	}
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	data, found := files.Get(name)
	if !found {
		if _, isFolder := files.Get(name + "/index.html"); isFolder {
			// Relative links in the page work only from the folder's own URL. Not a
			// permanent redirect: the name may become a file of the site later.
			target := r.URL.Path + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusFound)
			return
		}
		h.notFound(w, r, version)
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	if isHTML(name) {
		data = h.withScript(data, version)
	}
	serveContent(w, r, name, data)
}

// notFound answers with the site's 404 page and status 404.
func (h *handler) notFound(w http.ResponseWriter, r *http.Request, version string) {
	data, ok := h.b.files.Load().Get(page.NotFoundFile)
	if !ok {
		// No build has succeeded yet: a bare page, which still shows the problems.
		data = []byte("<!DOCTYPE html>\n<title>404</title>\n<body><p>404: " + html.EscapeString(r.URL.Path) + "</p></body>\n")
	}
	w.Header().Set("Content-Type", contentType(page.NotFoundFile))
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		_, _ = w.Write(h.withScript(data, version))
	}
}

// siteName returns the name in memory of a URL path, and false for a path that no file of a
// site has: one with "." or ".." segments (decoded, so %2e%2e too), doubled slashes,
// backslashes or NUL bytes. Memory holds only the site's files, so nothing outside the site
// can be served; refusing such paths outright keeps it obvious.
func siteName(urlPath string) (string, bool) {
	if !strings.HasPrefix(urlPath, "/") || strings.ContainsAny(urlPath, "\\\x00") {
		return "", false
	}
	clean := path.Clean(urlPath)
	if strings.HasSuffix(urlPath, "/") && clean != "/" {
		clean += "/"
	}
	if clean != urlPath {
		return "", false
	}
	return urlPath[1:], true
}

// serveContent answers with data, typed by name's extension; ServeContent handles HEAD and
// ranges.
func serveContent(w http.ResponseWriter, r *http.Request, name string, data []byte) {
	w.Header().Set("Content-Type", contentType(name))
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
}

// siteTypes are the types of the files the generator writes, fixed here because the system's
// table differs between machines (Windows's registry has served .js as text/plain).
var siteTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".xml":  "application/xml; charset=utf-8",
	".txt":  "text/plain; charset=utf-8",
	".png":  "image/png",
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".gif":  "image/gif",
	".webp": "image/webp",
	".pdf":  "application/pdf",
}

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := siteTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

func isHTML(name string) bool { return strings.EqualFold(path.Ext(name), ".html") }

// withScript adds the live-reload script before the page's last </body> (as the layouts
// write it), or at its end. The page's version tells the script whether it is out of date;
// the heading of the box it shows while a build fails is in the language of messages.
func (h *handler) withScript(doc []byte, version string) []byte {
	tag := `<script src="` + ScriptPath + `" data-version="` + html.EscapeString(version) +
		`" data-failed="` + html.EscapeString(h.b.cfg.Printer.Sprintf(msg.BuildFailed)) + "\"></script>\n"
	at := bytes.LastIndex(doc, []byte("</body>"))
	if at < 0 {
		at = len(doc)
	}
	out := make([]byte, 0, len(doc)+len(tag))
	out = append(out, doc[:at]...)
	out = append(out, tag...)
	return append(out, doc[at:]...)
}
