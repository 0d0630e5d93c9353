// Package media tells which files under content/ a site publishes as they are: pictures,
// video and audio, PDFs and office documents, each known by its extension and by its first
// bytes (net/http's content sniffing, and the signatures it lacks: ISO media's ftyp box, the
// compound file of the old Office formats and of WPS, RTF, FLAC, MPEG audio frames, ASF,
// FLV, MPEG). HTML, SVG and whatever else a browser could run are not among them: a page's
// raw HTML is escaped unless site.yaml opts in, and a file beside it must not undo that.
package media

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/dangjian/dangjian/internal/diag"
)

// sniffLen is how many first bytes of a file check looks at, as net/http's sniffing does.
const sniffLen = 512

// kind is what a file is: a picture, video or audio, or a document.
type kind string

const (
	picture  kind = "a picture"
	sound    kind = "video or audio"
	document kind = "a document"
)

// extensions are the names the published files may have, each with the kind it promises.
var extensions = func() map[string]kind {
	exts := map[string]kind{}
	for k, names := range map[kind]string{
		picture:  "jpg jpeg png gif webp bmp ico",
		sound:    "mp4 m4v mov 3gp webm mkv ogv avi wmv flv mpg mpeg mp3 m4a aac wav ogg oga opus flac wma amr",
		document: "pdf doc docx xls xlsx ppt pptx wps et dps odt ods odp rtf ofd",
	} {
		for _, ext := range strings.Fields(names) {
			exts["."+ext] = k
		}
	}
	return exts
}()

// active names the files a browser runs or renders with scripts, and what to make of each
// instead.
var active = map[string]struct{ what, instead string }{
	".html":  {"an HTML page", "save it as PDF"},
	".htm":   {"an HTML page", "save it as PDF"},
	".xhtml": {"an HTML page", "save it as PDF"},
	".shtml": {"an HTML page", "save it as PDF"},
	".mht":   {"a web archive", "save it as PDF"},
	".mhtml": {"a web archive", "save it as PDF"},
	".svg":   {"an SVG picture", "convert it to PNG"},
	".svgz":  {"an SVG picture", "convert it to PNG"},
	".xml":   {"an XML file", "save it as PDF"},
	".xsl":   {"an XML stylesheet", "leave it out"},
	".xslt":  {"an XML stylesheet", "leave it out"},
	".js":    {"a script", "leave it out"},
	".mjs":   {"a script", "leave it out"},
	".swf":   {"a Flash file", "convert it to MP4"},
}

// optIn is how site.yaml lets every file under content/ be published as it is.
const optIn = "or set content_files: any in site.yaml to publish every file under content/ as it is"

// CheckFiles reports each of the files names of fsys, slash-separated paths under content/, that
// is not published: what it is, and what to do instead.
func CheckFiles(fsys fs.FS, names []string) diag.List {
	var problems diag.List
	head := make([]byte, sniffLen)
	for _, name := range names {
		n, err := readHead(fsys, name, head)
		if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
			err = pe.Err // the position names the file
		}
		if err != nil {
			problems.Errorf(diag.Position{File: name}, "cannot read: %v", err)
			continue
		}
		if why := check(name, head[:n]); why != "" {
			problems.Errorf(diag.Position{File: name}, "not published: %s", why)
		}
	}
	return problems
}

// readHead reads the first bytes of the file name into head, and returns how many it read.
func readHead(fsys fs.FS, name string, head []byte) (int, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n, err := io.ReadFull(f, head)
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		err = nil
	}
	return n, err
}

// check says why the file name, whose first bytes (up to sniffLen) are head, is not published,
// or returns "" when it is.
func check(name string, head []byte) string {
	ext := strings.ToLower(path.Ext(name))
	if a, ok := active[ext]; ok {
		return fmt.Sprintf("%s can run scripts in readers' browsers (raw_html in site.yaml does not cover files): %s, %s", a.what, a.instead, optIn)
	}
	want, ok := extensions[ext]
	if !ok {
		return fmt.Sprintf("files under content/ are published when they are pictures, video, audio, PDFs or office documents, and %s is none of these: save it as PDF, %s", described(ext), optIn)
	}
	if got, what := sniff(head); got != want {
		return fmt.Sprintf("named as %s (%s), but it holds %s: save it again from the program that made it, %s", want, ext, what, optIn)
	}
	return ""
}

// described names a file by its extension.
func described(ext string) string {
	if ext == "" {
		return "a file without an extension"
	}
	return "a " + ext + " file"
}

// sniff returns the kind of the content that starts with head, and what it is in words.
func sniff(head []byte) (kind, string) {
	if len(head) == 0 {
		return "", "nothing: it is empty"
	}
	for _, sig := range signatures {
		if len(head) >= sig.at && bytes.HasPrefix(head[sig.at:], sig.magic) {
			return sig.kind, sig.what
		}
	}
	if len(head) >= 2 && head[0] == 0xFF && head[1]&0xE0 == 0xE0 {
		return sound, "MPEG audio" // a frame without an ID3 tag before it: MP3, or AAC's ADTS
	}
	mime := http.DetectContentType(head)
	typ, _, _ := strings.Cut(mime, ";")
	switch {
	case strings.HasPrefix(typ, "image/"):
		return picture, typ
	case strings.HasPrefix(typ, "video/"), strings.HasPrefix(typ, "audio/"), typ == "application/ogg":
		return sound, typ
	case typ == "application/pdf", typ == "application/zip":
		return document, typ
	case typ == "text/html":
		return "", "an HTML page"
	case typ == "text/xml":
		return "", "XML (an SVG picture, perhaps)"
	case strings.HasPrefix(typ, "text/"):
		return "", "text"
	case typ == "application/octet-stream":
		return "", "data of a kind dangjian does not know"
	}
	return "", typ
}

// signatures are the first bytes of the formats that http.DetectContentType does not know, or
// knows only in part (it takes an ftyp box for video only with an mp4 brand).
var signatures = []struct {
	at    int // the offset of magic
	magic []byte
	kind  kind
	what  string
}{
	{4, []byte("ftyp"), sound, "ISO media (MP4, MOV, M4A, 3GP)"},
	{0, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), document, "an Office or WPS document"},
	{0, []byte(`{\rtf`), document, "an RTF document"},
	{0, []byte("fLaC"), sound, "FLAC audio"},
	{0, []byte("#!AMR"), sound, "AMR audio"},
	{0, []byte("\x30\x26\xB2\x75\x8E\x66\xCF\x11"), sound, "Windows Media"},
	{0, []byte("FLV\x01"), sound, "Flash video"},
	{0, []byte("\x00\x00\x01\xBA"), sound, "MPEG video"},
}
