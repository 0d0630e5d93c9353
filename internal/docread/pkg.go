package docread

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"net/url"
	"path"
	"strings"

	"github.com/dangjian/dangjian/internal/msg"
)

// limits bound what a document may cost: each XML part and each picture unpacked, and all the
// pictures together; at most about ten XML parts are read. A part the zip says is larger is
// refused unread, and reading stops one byte past the limit, whatever the zip says (a zip bomb
// lies). Tests lower them.
var limits = struct {
	part, media int64
}{part: 32 << 20, media: 256 << 20}

// maxDepth bounds how deeply the XML's elements that docread descends into may nest.
const maxDepth = 256

// oleMagic begins an OLE compound file: Word's .doc, WPS's .wps, and a .docx with a password.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// The namespaces read, and the relationships' types, by the end of their URIs.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsA       = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsWP      = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsV       = "urn:schemas-microsoft-com:vml"
	nsO       = "urn:schemas-microsoft-com:office:office"
	nsM       = "http://schemas.openxmlformats.org/officeDocument/2006/math"

	relDocument  = "/officeDocument"
	relCore      = "/core-properties"
	relStyles    = "/styles"
	relNumbering = "/numbering"
	relFootnotes = "/footnotes"
	relEndnotes  = "/endnotes"
	relComments  = "/comments"
	relImage     = "/image"
	relLink      = "/hyperlink"
)

// pkg is the zip of a document: its parts by name, and what of them was read.
type pkg struct {
	parts map[string]*zip.File // by lower-case name: part names ignore case
	media map[string][]byte    // the pictures read, each once however often it is shown
	spent int64                // the bytes of media read
}

// open opens the zip of a .docx, refusing an older Word or WPS file and anything else.
func open(r io.ReaderAt, size int64) (*pkg, error) {
	head := make([]byte, len(oleMagic))
	n, _ := r.ReadAt(head, 0)
	if bytes.Equal(head[:n], oleMagic) {
		return nil, msg.New(msg.DocOldFormat)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, msg.New(msg.DocNotDocx)
	}
	p := &pkg{parts: map[string]*zip.File{}, media: map[string][]byte{}}
	for _, f := range zr.File {
		p.parts[strings.ToLower(f.Name)] = f
	}
	return p, nil
}

// has reports whether the package holds the part name.
func (p *pkg) has(name string) bool {
	_, ok := p.parts[strings.ToLower(name)]
	return ok
}

// read returns the part name unpacked, refusing it past limit bytes.
func (p *pkg) read(name string, limit int64) ([]byte, error) {
	f, ok := p.parts[strings.ToLower(name)]
	if !ok {
		return nil, msg.New(msg.DocDamaged, name, fs.ErrNotExist)
	}
	tooBig := msg.New(msg.DocPartTooBig, name, limit>>20)
	if f.UncompressedSize64 > uint64(limit) {
		return nil, tooBig
	}
	rc, err := f.Open()
	if err != nil {
		return nil, msg.New(msg.DocDamaged, name, err)
	}
	defer rc.Close()
	// The size the zip gives is no more than limit: room for it, and reading stops past it
	// (the zip's reader fails when a part is longer than it said).
	buf := bytes.NewBuffer(make([]byte, 0, int(f.UncompressedSize64)+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(rc, limit+1))
	switch {
	case err != nil:
		return nil, msg.New(msg.DocDamaged, name, err)
	case int64(buf.Len()) > limit:
		return nil, tooBig
	}
	return buf.Bytes(), nil
}

// picture returns the picture of the part name, read once, counted against the limit of all
// the pictures.
func (p *pkg) picture(name string) ([]byte, error) {
	if data, ok := p.media[name]; ok {
		return data, nil
	}
	limit := min(limits.part, limits.media-p.spent)
	data, err := p.read(name, limit)
	if err != nil {
		var m msg.Message
		if errors.As(err, &m) && m.Key == msg.DocPartTooBig && limit < limits.part {
			return nil, msg.New(msg.DocMediaTooBig, limits.media>>20)
		}
		return nil, err
	}
	p.spent += int64(len(data))
	p.media[name] = data
	return data, nil
}

// decode unmarshals the XML part name into v; nothing when the document lacks the part.
func (p *pkg) decode(name string, v any) error {
	if name == "" || !p.has(name) {
		return nil
	}
	data, err := p.read(name, limits.part)
	if err != nil {
		return err
	}
	if err := xml.Unmarshal(data, v); err != nil {
		return msg.New(msg.DocDamaged, name, err)
	}
	return nil
}

// rel is a relationship of a part: where it points and of what type.
type rel struct {
	Type     string
	Target   string // a part's name, or an address when External
	External bool
}

// rels reads the relationships of the part name (the package's own for ""), by id; a part
// without them has none.
func (p *pkg) rels(name string) (map[string]rel, error) {
	dir, file := path.Split(name)
	relsName := dir + "_rels/" + file + ".rels"
	var doc struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := p.decode(relsName, &doc); err != nil {
		return nil, err
	}
	out := map[string]rel{}
	for _, r := range doc.Rels {
		if r.Mode == "External" {
			out[r.ID] = rel{Type: r.Type, Target: r.Target, External: true}
			continue
		}
		out[r.ID] = rel{Type: r.Type, Target: resolve(dir, r.Target)}
	}
	return out, nil
}

// resolve returns the part a relationship's target names from the folder dir: relative to
// it, or from the package's root when it begins with a slash.
func resolve(dir, target string) string {
	if t, err := url.PathUnescape(target); err == nil {
		target = t
	}
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Join("/"+dir, target), "/")
}

// ofType returns the target of the first of rels (in the order of their ids) whose type ends
// with suffix, "" when none.
func ofType(rels map[string]rel, suffix string) string {
	best := ""
	for id, r := range rels {
		if !r.External && strings.HasSuffix(r.Type, suffix) && (best == "" || id < best) {
			best = id
		}
	}
	if best == "" {
		return ""
	}
	return rels[best].Target
}
