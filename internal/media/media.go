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
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
)

// sniffLen is how many first bytes of a file check looks at, as net/http's sniffing does.
const sniffLen = 512

// kind is what a file is: a picture, video or audio, or a document; "" for none of these.
type kind = msg.Key

var (
	picture  = msg.APicture
	sound    = msg.VideoOrAudio
	document = msg.ADocument
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
var active = map[string]struct{ what, instead msg.Key }{
	".html":  {msg.AnHTMLPage, msg.SaveAsPDF},
	".htm":   {msg.AnHTMLPage, msg.SaveAsPDF},
	".xhtml": {msg.AnHTMLPage, msg.SaveAsPDF},
	".shtml": {msg.AnHTMLPage, msg.SaveAsPDF},
	".mht":   {msg.AWebArchive, msg.SaveAsPDF},
	".mhtml": {msg.AWebArchive, msg.SaveAsPDF},
	".svg":   {msg.AnSVGPicture, msg.ConvertToPNG},
	".svgz":  {msg.AnSVGPicture, msg.ConvertToPNG},
	".xml":   {msg.AnXMLFile, msg.SaveAsPDF},
	".xsl":   {msg.AnXMLStylesheet, msg.LeaveItOut},
	".xslt":  {msg.AnXMLStylesheet, msg.LeaveItOut},
	".js":    {msg.AScript, msg.LeaveItOut},
	".mjs":   {msg.AScript, msg.LeaveItOut},
	".swf":   {msg.AFlashFile, msg.ConvertToMP4},
}

// optIn is how site.yaml lets every file under content/ be published as it is.
var optIn = msg.ContentFilesAny

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
			problems.Errorf(diag.Position{File: name}, msg.CannotRead, err)
			continue
		}
		if why, ok := check(name, head[:n]); !ok {
			problems.Errorf(diag.Position{File: name}, msg.NotPublished, why)
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
// and whether it is.
func check(name string, head []byte) (msg.Message, bool) {
	ext := strings.ToLower(path.Ext(name))
	if a, ok := active[ext]; ok {
		return msg.New(msg.ActiveFile, a.what, a.instead, optIn), false
	}
	want, ok := extensions[ext]
	if !ok {
		return msg.New(msg.NotMedia, described(ext), optIn), false
	}
	if got, what := sniff(head); got != want {
		return msg.New(msg.NotWhatNamed, want, ext, what, optIn), false
	}
	return msg.Message{}, true
}

// described names a file by its extension.
func described(ext string) msg.Message {
	if ext == "" {
		return msg.New(msg.NoExtension)
	}
	return msg.New(msg.ExtFile, ext)
}

// sniff returns the kind of the content that starts with head, and what it is: in words, a
// msg.Key, or its MIME type.
func sniff(head []byte) (kind, any) {
	if len(head) == 0 {
		return "", msg.EmptyFile
	}
	for _, sig := range signatures {
		if len(head) >= sig.at && bytes.HasPrefix(head[sig.at:], sig.magic) {
			return sig.kind, sig.what
		}
	}
	if len(head) >= 2 && head[0] == 0xFF && head[1]&0xE0 == 0xE0 {
		return sound, msg.MPEGAudio // a frame without an ID3 tag before it: MP3, or AAC's ADTS
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
		return "", msg.AnHTMLPage
	case typ == "text/xml":
		return "", msg.MaybeSVG
	case strings.HasPrefix(typ, "text/"):
		return "", msg.AText
	case typ == "application/octet-stream":
		return "", msg.UnknownData
	}
	return "", typ
}

// signatures are the first bytes of the formats that http.DetectContentType does not know, or
// knows only in part (it takes an ftyp box for video only with an mp4 brand).
var signatures = []struct {
	at    int // the offset of magic
	magic []byte
	kind  kind
	what  msg.Key
}{
	{4, []byte("ftyp"), sound, msg.ISOMedia},
	{0, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), document, msg.OfficeDocument},
	{0, []byte(`{\rtf`), document, msg.RTFDocument},
	{0, []byte("fLaC"), sound, msg.FLACAudio},
	{0, []byte("#!AMR"), sound, msg.AMRAudio},
	{0, []byte("\x30\x26\xB2\x75\x8E\x66\xCF\x11"), sound, msg.WindowsMedia},
	{0, []byte("FLV\x01"), sound, msg.FlashVideo},
	{0, []byte("\x00\x00\x01\xBA"), sound, msg.MPEGVideo},
}

// IsPicture reports whether a file with the extension ext (".png") is a picture that the site
// publishes: what a page can show.
func IsPicture(ext string) bool { return extensions[strings.ToLower(ext)] == picture }
