package docread

import (
	"encoding/xml"
	"io"
	"strings"
	"time"

	"github.com/dangjian/dangjian/internal/msg"
)

// Read reads the Word document of size bytes that r holds. An error is a msg.Message: the file
// is an older Word or WPS file (or has a password), is no .docx, is damaged, or is larger than
// docread reads.
func Read(r io.ReaderAt, size int64) (*Document, error) {
	p, err := open(r, size)
	if err != nil {
		return nil, err
	}
	pkgRels, err := p.rels("")
	if err != nil {
		return nil, err
	}
	body := ofType(pkgRels, relDocument)
	if body == "" || !p.has(body) {
		body = "word/document.xml"
	}
	if !p.has(body) {
		return nil, msg.New(msg.DocNoBody)
	}
	rels, err := p.rels(body)
	if err != nil {
		return nil, err
	}
	st, err := readStyles(p, ofType(rels, relStyles))
	if err != nil {
		return nil, err
	}
	num, err := readNumbering(p, ofType(rels, relNumbering))
	if err != nil {
		return nil, err
	}
	core := ofType(pkgRels, relCore)
	if core == "" {
		core = "docProps/core.xml"
	}
	doc := &Document{Created: created(p, core)}
	shared := &parser{pkg: p, styles: st, num: num, doc: doc, notes: &notes{byID: map[string]*Note{}}}
	bp, err := shared.open(body)
	if err != nil {
		return nil, err
	}
	if err := bp.body(); err != nil {
		return nil, bp.errDamaged(err)
	}
	for _, part := range []struct {
		rel     string
		endnote bool
	}{{relFootnotes, false}, {relEndnotes, true}} {
		if err := shared.notesPart(ofType(rels, part.rel), part.endnote); err != nil {
			return nil, err
		}
	}
	if len(bp.comments) > 0 {
		if err := shared.commentsPart(ofType(rels, relComments), bp.comments); err != nil {
			return nil, err
		}
	}
	return doc, nil
}

// open returns a parser of the part name.
func (p *parser) open(name string) (*parser, error) {
	data, err := p.pkg.read(name, limits.part)
	if err != nil {
		return nil, err
	}
	rels, err := p.pkg.rels(name)
	if err != nil {
		return nil, err
	}
	return newParser(data, name, rels, p), nil
}

// body reads the document's body into the document's blocks.
func (p *parser) body() error {
	root, err := p.root()
	switch {
	case err != nil:
		return err
	case root.Name.Space == nsWStrict:
		return msg.New(msg.DocStrict)
	case !is(root, "document"):
		return msg.New(msg.DocNoBody)
	}
	return p.each(func(se xml.StartElement) error {
		if is(se, "body") {
			return p.blockList(&p.doc.Blocks, nil)
		}
		return p.d.Skip()
	})
}

// notesPart reads the footnotes or endnotes part name into the notes the body refers to.
func (p *parser) notesPart(name string, endnote bool) error {
	prefix, element := "f", "footnote"
	if endnote {
		prefix, element = "e", "endnote"
	}
	wanted := false
	for key := range p.notes.byID {
		wanted = wanted || strings.HasPrefix(key, prefix)
	}
	if !wanted {
		return nil
	}
	return p.eachIn(name, func(np *parser, se xml.StartElement) error {
		note, ok := p.notes.byID[prefix+attr(se, nsW, "id")]
		if !is(se, element) || !ok {
			return np.d.Skip()
		}
		np.paragraphs, np.near = 0, ""
		return np.blockList(&note.Blocks, nil)
	})
}

// commentsPart reads the comments part name for the text of the comments reported, whose
// ids which gives by their index in the document's Unsupported.
func (p *parser) commentsPart(name string, which map[int]string) error {
	texts := map[string]string{}
	err := p.eachIn(name, func(cp *parser, se xml.StartElement) error {
		if !is(se, "comment") {
			return cp.d.Skip()
		}
		text, err := cp.plainText()
		texts[attr(se, nsW, "id")] = text
		return err
	})
	for i, id := range which {
		p.doc.Unsupported[i].Text = texts[id]
	}
	return err
}

// eachIn calls f with each element under the root of the part name, read by a parser of its
// own; nothing when the document lacks the part.
func (p *parser) eachIn(name string, f func(*parser, xml.StartElement) error) error {
	if name == "" || !p.pkg.has(name) {
		return nil
	}
	np, err := p.open(name)
	if err != nil {
		return err
	}
	if _, err := np.root(); err != nil {
		return np.errDamaged(err)
	}
	return np.errDamaged(np.each(func(se xml.StartElement) error { return f(np, se) }))
}

// created reads when the document was made from the core properties part name; zero when it
// cannot tell. The date is only a fallback, so a damaged part is no error.
func created(p *pkg, name string) time.Time {
	var core struct {
		Created string `xml:"created"`
	}
	if p.decode(name, &core) != nil {
		return time.Time{}
	}
	s := strings.TrimSpace(core.Created)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
