package docread

import (
	"bytes"
	"encoding/xml"
	"errors"
	"strconv"
	"strings"
	"unicode"

	"github.com/dangjian/dangjian/internal/msg"
)

// parser reads the blocks of one part of the document (the body, the footnotes) as a stream
// of XML tokens.
type parser struct {
	d      *xml.Decoder
	part   string
	pkg    *pkg
	rels   map[string]rel // the part's relationships: pictures, hyperlinks
	styles *styles
	num    *numbering
	doc    *Document // where the title and the unsupported things go
	notes  *notes

	depth      int
	fields     []*field // the fields open, the innermost last
	paragraphs int      // the part's paragraphs so far
	inPara     bool
	near       string         // the start of the last paragraph's text that had text
	comments   map[int]string // the comments reported, by their index in the document's Unsupported: their ids
}

// notes are the footnotes and endnotes that the body refers to, made as it refers to them and
// filled from their parts afterwards.
type notes struct {
	byID map[string]*Note // by "f" or "e" and the note's id
}

// get returns the note the reference names, made at its first reference.
func (n *notes) get(endnote bool, id string) *Note {
	key := "f" + id
	if endnote {
		key = "e" + id
	}
	if note, ok := n.byID[key]; ok {
		return note
	}
	note := &Note{Endnote: endnote}
	n.byID[key] = note
	return note
}

// field is a Word field: its code, and what becomes of the text it shows.
type field struct {
	code      strings.Builder
	separated bool   // its code has ended, its result begun
	seen      bool   // its code has been read (at its separator or end)
	hide      bool   // its result is not carried: page numbers, a table of contents
	link      string // a HYPERLINK field's address
}

// item is a piece of a paragraph: a run, or a picture.
type item struct {
	run   Run
	image *Image
}

// inline is what the elements around a run say of it.
type inline struct {
	link    string
	deleted *strings.Builder // inside a tracked deletion: where its text goes
	format  format
}

type format struct{ bold, italic bool }

// newParser returns a parser of the part name of the document, which data holds.
func newParser(data []byte, name string, rels map[string]rel, shared *parser) *parser {
	p := *shared
	p.d = xml.NewDecoder(bytes.NewReader(data))
	p.part, p.rels = name, rels
	p.depth, p.fields, p.paragraphs, p.near, p.comments = 0, nil, 0, "", map[int]string{}
	return &p
}

// is reports whether se is the WordprocessingML element local.
func is(se xml.StartElement, local string) bool {
	return se.Name.Space == nsW && se.Name.Local == local
}

// attr returns the value of se's attribute space:local.
func attr(se xml.StartElement, space, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && a.Name.Space == space {
			return a.Value
		}
	}
	return ""
}

// root reads up to the part's first element and returns it.
func (p *parser) root() (xml.StartElement, error) {
	for {
		tok, err := p.d.Token()
		if err != nil {
			return xml.StartElement{}, err
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se, nil
		}
	}
}

// each reads the children of the element just begun up to its end, calling f with each child
// element, which f reads or skips to its end. The wrappers that only hold content are looked
// through: a content control's content (w:sdt), custom XML, smart tags, and of the
// alternatives of mc:AlternateContent, the first.
func (p *parser) each(f func(xml.StartElement) error) error {
	if p.depth++; p.depth > maxDepth {
		return msg.New(msg.DocTooDeep, p.part, maxDepth)
	}
	defer func() { p.depth-- }()
	for {
		tok, err := p.d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if err := p.child(t, f); err != nil {
				return err
			}
		}
	}
}

// child hands the element se to f, or looks through it when it is a wrapper.
func (p *parser) child(se xml.StartElement, f func(xml.StartElement) error) error {
	switch {
	case is(se, "sdt"):
		return p.each(func(c xml.StartElement) error {
			if is(c, "sdtContent") {
				return p.each(f)
			}
			return p.d.Skip()
		})
	case is(se, "customXml") || is(se, "smartTag"):
		return p.each(func(c xml.StartElement) error {
			if is(c, "customXmlPr") || is(c, "smartTagPr") {
				return p.d.Skip()
			}
			return f(c)
		})
	case se.Name.Space == nsMC && se.Name.Local == "AlternateContent":
		chosen := false
		return p.each(func(c xml.StartElement) error {
			if c.Name.Space == nsMC && c.Name.Local == "Choice" && !chosen {
				chosen = true
				return p.each(f)
			}
			return p.d.Skip()
		})
	}
	return f(se)
}

// report notes an unsupported thing at the current place; its Near is filled when the
// paragraph it is in ends.
func (p *parser) report(what msg.Key, detail, text string) int {
	u := Unsupported{What: what, Detail: detail, Text: text, Where: Place{Part: p.part, Paragraph: p.paragraphs}}
	if !p.inPara {
		u.Where.Near = p.near
	}
	p.doc.Unsupported = append(p.doc.Unsupported, u)
	return len(p.doc.Unsupported) - 1
}

// blocks returns the reader of the block-level elements that go into out.
func (p *parser) blocks(out *[]Block) func(xml.StartElement) error {
	return func(se xml.StartElement) error {
		switch {
		case is(se, "p"):
			return p.paragraph(out)
		case is(se, "tbl"):
			return p.table(out)
		case is(se, "altChunk"):
			p.report(msg.DocEmbeddedPart, "", "")
		case se.Name.Space == nsM && se.Name.Local == "oMathPara":
			text, err := p.plainText()
			p.report(msg.DocEquation, "", text)
			return err
		}
		return p.d.Skip()
	}
}

// blockList reads the block-level children of the element just begun into out, each
// picture's caption taken into it.
func (p *parser) blockList(out *[]Block, more func(xml.StartElement) (bool, error)) error {
	read := p.blocks(out)
	err := p.each(func(se xml.StartElement) error {
		if more != nil {
			if done, err := more(se); done || err != nil {
				return err
			}
		}
		return read(se)
	})
	*out = captions(*out)
	return err
}

// table reads a table into out.
func (p *parser) table(out *[]Block) error {
	t := &Table{}
	*out = append(*out, t)
	return p.each(func(se xml.StartElement) error {
		if !is(se, "tr") {
			return p.d.Skip()
		}
		var row []Cell
		err := p.each(func(se xml.StartElement) error {
			if !is(se, "tc") {
				return p.d.Skip()
			}
			cell := Cell{Span: 1}
			err := p.blockList(&cell.Blocks, func(se xml.StartElement) (bool, error) {
				if !is(se, "tcPr") {
					return false, nil
				}
				return true, p.each(func(se xml.StartElement) error {
					switch {
					case is(se, "gridSpan"):
						if n, err := strconv.Atoi(attr(se, nsW, "val")); err == nil && n > 1 && n <= 64 {
							cell.Span = n
						}
					case is(se, "vMerge"):
						cell.Merged = attr(se, nsW, "val") != "restart"
					}
					return p.d.Skip()
				})
			})
			row = append(row, cell)
			return err
		})
		t.Rows = append(t.Rows, row)
		return err
	})
}

// paraProps are the properties of a paragraph that docread reads.
type paraProps struct {
	style   string
	num     *numPrXML
	outline *int
}

// paragraph reads a paragraph into out: one block, or several when pictures divide its text.
func (p *parser) paragraph(out *[]Block) error {
	p.paragraphs++
	p.inPara = true
	defer func() { p.inPara = false }()
	first := len(p.doc.Unsupported)
	var props paraProps
	var items []item
	err := p.each(func(se xml.StartElement) error {
		if is(se, "pPr") {
			return p.paraProps(&props)
		}
		return p.inline(se, inline{}, &items)
	})
	if err != nil {
		return err
	}
	// A field's code never spans paragraphs (its result may): one still open is damaged,
	// and would hide the text after it.
	for n := len(p.fields); n > 0 && !p.fields[n-1].separated; n-- {
		p.end()
	}
	var text strings.Builder
	for _, it := range items {
		text.WriteString(it.run.Text)
	}
	if t := strings.TrimSpace(text.String()); t != "" {
		p.near = string([]rune(t)[:min(len([]rune(t)), 20)])
	}
	for i := first; i < len(p.doc.Unsupported); i++ {
		p.doc.Unsupported[i].Where.Near = p.near
	}
	p.place(props, items, out)
	return nil
}

// paraProps reads a paragraph's w:pPr.
func (p *parser) paraProps(props *paraProps) error {
	return p.each(func(se xml.StartElement) error {
		switch {
		case is(se, "pStyle"):
			props.style = attr(se, nsW, "val")
		case is(se, "outlineLvl"):
			if n, err := strconv.Atoi(attr(se, nsW, "val")); err == nil {
				props.outline = &n
			}
		case is(se, "numPr"):
			props.num = &numPrXML{}
			return p.each(func(se xml.StartElement) error {
				v := &val{Val: attr(se, nsW, "val")}
				switch {
				case is(se, "numId"):
					props.num.ID = v
				case is(se, "ilvl"):
					props.num.Level = v
				}
				return p.d.Skip()
			})
		}
		return p.d.Skip()
	})
}

// place puts a paragraph's items into out as the blocks its properties make them: the
// title's text goes to the document; pictures become blocks of their own, between the
// paragraph's pieces of text.
func (p *parser) place(props paraProps, items []item, out *[]Block) {
	style := props.style
	if style == "" {
		style = p.styles.defaultPara
	}
	level := p.styles.level(style)
	if props.outline != nil {
		level = outlineLevel(*props.outline)
	}
	ref := p.styles.num(style)
	if props.num != nil {
		ref = props.num.ref(ref)
	}
	isList, ordered, label := false, false, ""
	if ref != nil && ref.id != "" && ref.id != "0" {
		isList, ordered, label = p.num.next(ref.id, ref.level)
	}
	title := p.styles.isTitle(style)
	caption := p.styles.isCaption(style)
	var runs []Run
	flush := func() {
		runs, indented := trim(runs)
		if len(runs) == 0 {
			return
		}
		switch {
		case title:
			p.doc.Title += Text(runs)
		case level > 0:
			*out = append(*out, &Heading{Level: level, Label: label, Runs: runs})
		case isList:
			*out = append(*out, &ListItem{Ordered: ordered, Level: ref.level, Label: label, Runs: runs})
		default:
			*out = append(*out, &Paragraph{Runs: runs, Indented: indented, Caption: caption})
		}
	}
	for _, it := range items {
		if it.image != nil {
			flush()
			runs = nil
			*out = append(*out, it.image)
			continue
		}
		runs = append(runs, it.run)
	}
	flush()
}

// trim takes the white space from both ends of runs, says whether it began with full-width
// spaces, and joins the runs that differ in nothing but their text.
func trim(runs []Run) ([]Run, bool) {
	indented := false
	for len(runs) > 0 && runs[0].Note == nil {
		t := strings.TrimLeftFunc(runs[0].Text, unicode.IsSpace)
		indented = indented || strings.ContainsRune(runs[0].Text[:len(runs[0].Text)-len(t)], '\u3000')
		if t != "" {
			runs = append([]Run{{Text: t, Bold: runs[0].Bold, Italic: runs[0].Italic, Link: runs[0].Link}}, runs[1:]...)
			break
		}
		runs = runs[1:]
	}
	for len(runs) > 0 && runs[len(runs)-1].Note == nil {
		last := &runs[len(runs)-1]
		if last.Text = strings.TrimRightFunc(last.Text, unicode.IsSpace); last.Text != "" {
			break
		}
		runs = runs[:len(runs)-1]
	}
	var joined []Run
	for _, r := range runs {
		if n := len(joined); n > 0 && r.Note == nil && joined[n-1].Note == nil && r.Bold == joined[n-1].Bold && r.Italic == joined[n-1].Italic && r.Link == joined[n-1].Link {
			joined[n-1].Text += r.Text
			continue
		}
		joined = append(joined, r)
	}
	return joined, indented
}

// captions takes into each picture of blocks its caption, the paragraph after it in the
// Caption style or beginning like one.
func captions(blocks []Block) []Block {
	out := blocks[:0]
	for i := 0; i < len(blocks); i++ {
		out = append(out, blocks[i])
		img, ok := blocks[i].(*Image)
		if !ok || i+1 == len(blocks) {
			continue
		}
		if para, ok := blocks[i+1].(*Paragraph); ok && (para.Caption || isCaptionText(Text(para.Runs))) {
			img.Caption = para.Runs
			i++
		}
	}
	return out
}

// isCaptionText reports whether text begins as a picture's caption does: 图 and a number,
// a colon or a space, or 图为 ("the picture shows").
func isCaptionText(text string) bool {
	rest, ok := strings.CutPrefix(text, "图")
	if !ok || rest == "" {
		return false
	}
	r := []rune(rest)[0]
	return unicode.IsDigit(r) || unicode.IsSpace(r) || strings.ContainsRune("一二三四五六七八九十:：.．-—、为（(", r)
}

// inline reads an element of a paragraph's content into items.
func (p *parser) inline(se xml.StartElement, c inline, items *[]item) error {
	switch {
	case is(se, "r"):
		return p.run(c, items)
	case is(se, "hyperlink"):
		if r, ok := p.rels[attr(se, nsR, "id")]; ok && r.External {
			c.link = r.Target
		}
	case is(se, "fldSimple"):
		f := p.begin()
		f.code.WriteString(attr(se, nsW, "instr"))
		p.separate(f)
		defer p.end()
	case is(se, "ins") || is(se, "moveTo"):
		if c.deleted != nil {
			break
		}
		from := len(*items)
		err := p.each(func(se xml.StartElement) error { return p.inline(se, c, items) })
		var text strings.Builder
		for _, it := range (*items)[from:] {
			text.WriteString(it.run.Text)
		}
		p.report(msg.DocInsertion, "", text.String())
		return err
	case is(se, "del") || is(se, "moveFrom"):
		if c.deleted != nil {
			break
		}
		c.deleted = &strings.Builder{}
		err := p.each(func(se xml.StartElement) error { return p.inline(se, c, items) })
		p.report(msg.DocDeletion, "", c.deleted.String())
		return err
	case is(se, "bdo") || is(se, "dir"):
	case se.Name.Space == nsM && (se.Name.Local == "oMath" || se.Name.Local == "oMathPara"):
		text, err := p.plainText()
		p.report(msg.DocEquation, "", text)
		return err
	default:
		return p.d.Skip()
	}
	return p.each(func(se xml.StartElement) error { return p.inline(se, c, items) })
}

// run reads a run into items.
func (p *parser) run(c inline, items *[]item) error {
	add := func(text string) {
		switch {
		case c.deleted != nil:
			c.deleted.WriteString(text)
		case p.showing():
			link := c.link
			if len(p.fields) > 0 && p.fields[len(p.fields)-1].link != "" {
				link = p.fields[len(p.fields)-1].link
			}
			*items = append(*items, item{run: Run{Text: text, Bold: c.format.bold, Italic: c.format.italic, Link: link}})
		}
	}
	return p.each(func(se xml.StartElement) error {
		switch {
		case is(se, "rPr"):
			return p.runProps(&c.format)
		case is(se, "t"), is(se, "delText") && c.deleted != nil:
			text, err := p.text()
			add(text)
			return err
		case is(se, "instrText"):
			text, err := p.text()
			if n := len(p.fields); n > 0 && !p.fields[n-1].separated && c.deleted == nil {
				p.fields[n-1].code.WriteString(text)
			}
			return err
		case is(se, "fldChar") && c.deleted == nil:
			if err := p.fieldChar(attr(se, nsW, "fldCharType")); err != nil {
				return err
			}
		case is(se, "tab"), is(se, "ptab"):
			add("\t")
		case is(se, "br"):
			if t := attr(se, nsW, "type"); t == "" || t == "textWrapping" {
				add("\n")
			}
		case is(se, "cr"):
			add("\n")
		case is(se, "noBreakHyphen"):
			add("-")
		case is(se, "sym"):
			p.report(msg.DocSymbol, attr(se, nsW, "font"), "")
		case is(se, "drawing"), is(se, "pict"), is(se, "object"):
			if c.deleted == nil {
				return p.graphic(is(se, "object"), items)
			}
		case is(se, "footnoteReference"), is(se, "endnoteReference"):
			if c.deleted == nil && p.showing() {
				note := p.notes.get(is(se, "endnoteReference"), attr(se, nsW, "id"))
				*items = append(*items, item{run: Run{Note: note}})
			}
		case is(se, "commentReference"):
			p.comments[p.report(msg.DocComment, "", "")] = attr(se, nsW, "id")
		case is(se, "ruby"):
			return p.each(func(se xml.StartElement) error {
				if is(se, "rubyBase") {
					return p.each(func(se xml.StartElement) error { return p.inline(se, c, items) })
				}
				return p.d.Skip()
			})
		}
		return p.d.Skip()
	})
}

// runProps reads a run's w:rPr: its character style, then its own bold and italic over it.
func (p *parser) runProps(f *format) error {
	var bold, italic *bool
	style := ""
	err := p.each(func(se xml.StartElement) error {
		v := &val{Val: attr(se, nsW, "val")}
		switch {
		case is(se, "rStyle"):
			style = v.Val
		case is(se, "b"):
			bold = toggle(v)
		case is(se, "i"):
			italic = toggle(v)
		}
		return p.d.Skip()
	})
	f.bold, f.italic = p.styles.format(style)
	if bold != nil {
		f.bold = *bold
	}
	if italic != nil {
		f.italic = *italic
	}
	return err
}

// text reads the text of the element just begun, up to its end.
func (p *parser) text() (string, error) {
	var b strings.Builder
	depth := 1
	for depth > 0 {
		tok, err := p.d.Token()
		if err != nil {
			return b.String(), err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if depth == 1 {
				b.Write(t)
			}
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return b.String(), nil
}

// plainText reads the text of the element just begun, up to its end, whatever holds it: its
// paragraphs one a line.
func (p *parser) plainText() (string, error) {
	var b strings.Builder
	depth, inText := 1, 0
	for depth > 0 {
		tok, err := p.d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if inText > 0 {
				b.Write(t)
			}
		case xml.StartElement:
			depth++
			if t.Name.Local == "t" || t.Name.Local == "delText" {
				inText++
			}
		case xml.EndElement:
			depth--
			switch {
			case t.Name.Local == "t" || t.Name.Local == "delText":
				inText--
			case t.Name.Space == nsW && t.Name.Local == "p":
				b.WriteString("\n")
			}
		}
	}
	return strings.TrimSpace(b.String()), nil
}

// graphic reads a picture, a drawing, a text box or an embedded object (w:drawing, w:pict,
// w:object) into items, and reports what of it is not a picture. An object's own picture is
// only its preview: it is reported, not shown.
func (p *parser) graphic(object bool, items *[]item) error {
	var found struct {
		pictures         []string // the relationships of the pictures
		linked           int
		textBoxes        []string
		smartArt, chart  bool
		program, altText string
	}
	depth := 1
	for depth > 0 {
		tok, err := p.d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			depth--
		case xml.StartElement:
			depth++
			switch {
			case is(t, "txbxContent"):
				text, err := p.plainText()
				if err != nil {
					return err
				}
				depth--
				found.textBoxes = append(found.textBoxes, text)
			case t.Name.Space == nsMC && t.Name.Local == "Fallback":
				if err := p.d.Skip(); err != nil {
					return err
				}
				depth--
			case t.Name.Space == nsA && t.Name.Local == "blip", t.Name.Space == nsV && t.Name.Local == "imagedata":
				id := attr(t, nsR, "embed")
				if t.Name.Space == nsV {
					id = attr(t, nsR, "id")
				}
				if id != "" {
					found.pictures = append(found.pictures, id)
				} else if attr(t, nsR, "link") != "" || attr(t, nsO, "href") != "" {
					found.linked++
				}
			case t.Name.Space == nsA && t.Name.Local == "graphicData":
				uri := attr(t, "", "uri")
				found.smartArt = found.smartArt || strings.HasSuffix(uri, "/diagram")
				found.chart = found.chart || strings.Contains(uri, "chart")
			case t.Name.Space == nsWP && t.Name.Local == "docPr":
				found.altText = attr(t, "", "descr")
			case t.Name.Space == nsO && t.Name.Local == "OLEObject":
				found.program = attr(t, "", "ProgID")
			}
		}
	}
	if object {
		p.report(msg.DocObject, found.program, "")
		return nil
	}
	for _, id := range found.pictures {
		img, err := p.image(id, found.altText)
		if err != nil {
			return err
		}
		if img != nil {
			*items = append(*items, item{image: img})
		}
	}
	for range found.linked {
		p.report(msg.DocLinkedPicture, "", "")
	}
	for _, text := range found.textBoxes {
		p.report(msg.DocTextBox, "", text)
	}
	switch {
	case found.smartArt:
		p.report(msg.DocSmartArt, "", "")
	case found.chart:
		p.report(msg.DocChart, "", "")
	case len(found.pictures)+found.linked+len(found.textBoxes) == 0:
		p.report(msg.DocDrawing, "", "")
	}
	return nil
}

// image returns the picture of the relationship id, nil when the document lacks it (which is
// reported).
func (p *parser) image(id, alt string) (*Image, error) {
	r, ok := p.rels[id]
	switch {
	case ok && r.External:
		p.report(msg.DocLinkedPicture, r.Target, "")
		return nil, nil
	case !ok || !p.pkg.has(r.Target):
		p.report(msg.DocMissingPicture, r.Target, "")
		return nil, nil
	}
	data, err := p.pkg.picture(r.Target)
	if err != nil {
		return nil, err
	}
	return &Image{Data: data, Name: r.Target, Ext: extension(data, r.Target), Alt: alt}, nil
}

// begin opens a field.
func (p *parser) begin() *field {
	f := &field{}
	p.fields = append(p.fields, f)
	return f
}

// end closes the innermost field, reporting it if its code has not been read yet.
func (p *parser) end() {
	n := len(p.fields)
	if n == 0 {
		return
	}
	if !p.fields[n-1].seen {
		p.separate(p.fields[n-1])
	}
	p.fields = p.fields[:n-1]
}

// fieldChar reads a w:fldChar: a field begins, its result begins, or it ends.
func (p *parser) fieldChar(kind string) error {
	switch kind {
	case "begin":
		if len(p.fields) >= maxDepth {
			return msg.New(msg.DocTooDeep, p.part, maxDepth)
		}
		p.begin()
	case "separate":
		if n := len(p.fields); n > 0 {
			p.separate(p.fields[n-1])
		}
	case "end":
		p.end()
	}
	return nil
}

// separate ends the code of the field f and decides what becomes of its result: page
// numbers are dropped, a table of contents is dropped and reported, a hyperlink is kept as
// one, a caption's number (SEQ) is kept, and any other field's text is kept and the field
// reported.
func (p *parser) separate(f *field) {
	f.separated = true
	if f.seen {
		return
	}
	f.seen = true
	code := strings.TrimSpace(f.code.String())
	words := strings.Fields(code)
	if len(words) == 0 {
		return
	}
	switch strings.ToUpper(words[0]) {
	case "PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION":
		f.hide = true
	case "TOC":
		f.hide = true
		p.report(msg.DocContents, code, "")
	case "SEQ":
	case "HYPERLINK":
		if len(words) > 1 && !strings.Contains(code, `\l`) {
			f.link = strings.Trim(words[1], `"`)
		}
	default:
		p.report(msg.DocField, code, "")
	}
}

// showing reports whether the text read now is shown: inside no field's code, nor in the
// result of a field that is dropped.
func (p *parser) showing() bool {
	for _, f := range p.fields {
		if !f.separated || f.hide {
			return false
		}
	}
	return true
}

// errDamaged says err as the part's damage, unless it already is a message of its own.
func (p *parser) errDamaged(err error) error {
	var m msg.Message
	if err == nil || errors.As(err, &m) {
		return err
	}
	return msg.New(msg.DocDamaged, p.part, err)
}
