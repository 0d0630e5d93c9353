package docx

import (
	"bytes"
	"image"
	_ "image/jpeg" // the pictures' sizes
	_ "image/png"
	"strings"

	"github.com/dangjian/dangjian/internal/msg"
)

// body draws the blocks of a document into word/document.xml, and gathers on the way the
// parts that it refers to: pictures, lists' numbering, footnotes.
type body struct {
	styles Styles
	page   Page
	xml    xmlText
	media  []medium
	lists  []bool  // whether each List, top or nested, is ordered; its numbering's id is its index + 1
	notes  [][]Run // the footnotes, their ids their index + 1
}

// A medium is a picture's file in word/media/ and the id of its relationship.
type medium struct {
	name, relID string
	data        []byte
}

// The relationships of word/document.xml with the parts that are always there, or there when
// used; the pictures' come after.
const (
	relStyles    = "rId1"
	relSettings  = "rId2"
	relFontTable = "rId3"
	relNumbering = "rId4"
	relFootnotes = "rId5"
	firstMedium  = 6
)

// document draws d's blocks.
func (w *body) document(d *Document) error {
	b := &w.xml
	b.WriteString(declaration)
	b.start("w:document", "xmlns:w", nsW, "xmlns:r", nsR, "xmlns:wp", nsWP, "xmlns:a", nsA, "xmlns:pic", nsPic)
	b.start("w:body")
	b.WriteString("\n")
	for _, block := range d.Blocks {
		var err error
		switch block := block.(type) {
		case *Paragraph:
			w.paragraph(*block, false, nil)
		case *List:
			w.list(block, 0, len(w.lists)+1)
		case *Table:
			w.table(block)
		case *Image:
			err = w.image(block)
		}
		if err != nil {
			return err
		}
	}
	w.sectionProperties()
	b.end("w:body")
	b.end("w:document")
	b.WriteString("\n")
	return nil
}

// paragraph draws p, all bold when bold, with the properties that more draws after its style
// and before its alignment, as the schema orders them.
func (w *body) paragraph(p Paragraph, bold bool, more func()) {
	b := &w.xml
	b.start("w:p")
	b.start("w:pPr")
	if id, ok := styleIDs[p.Style]; ok {
		b.empty("w:pStyle", "w:val", id)
	} // else Normal, the default
	if more != nil {
		more()
	}
	if jc := alignments[p.Align]; jc != "" {
		b.empty("w:jc", "w:val", jc)
	}
	b.end("w:pPr")
	for _, r := range p.Runs {
		w.run(r, bold)
	}
	b.end("w:p")
	b.WriteString("\n")
}

// alignments are the values of w:jc.
var alignments = map[Align]string{AlignLeft: "left", AlignCenter: "center", AlignRight: "right", AlignBoth: "both"}

// run draws r's text: its line ends as breaks, its tabs as tabs, its spaces kept; and the
// mark of its footnote.
func (w *body) run(r Run, bold bool) {
	b := &w.xml
	properties := func(style string) {
		if !r.Bold && !bold && !r.Italic && style == "" {
			return
		}
		b.start("w:rPr")
		if style != "" {
			b.empty("w:rStyle", "w:val", style)
		}
		if r.Bold || bold {
			b.empty("w:b")
			b.empty("w:bCs")
		}
		if r.Italic {
			b.empty("w:i")
			b.empty("w:iCs")
		}
		b.end("w:rPr")
	}
	if r.Text != "" {
		b.start("w:r")
		properties("")
		text := strings.ReplaceAll(strings.ReplaceAll(r.Text, "\r\n", "\n"), "\r", "\n")
		for i, line := range strings.Split(text, "\n") {
			if i > 0 {
				b.empty("w:br")
			}
			for j, part := range strings.Split(line, "\t") {
				if j > 0 {
					b.empty("w:tab")
				}
				if part != "" {
					b.element("w:t", part, "xml:space", "preserve")
				}
			}
		}
		b.end("w:r")
	}
	if len(r.Note) > 0 {
		w.notes = append(w.notes, r.Note)
		b.start("w:r")
		properties("FootnoteReference")
		b.empty("w:footnoteReference", "w:id", itoa(len(w.notes)))
		b.end("w:r")
	}
}

// list draws the items of l, a list at level depth (0 at the top), numbered as the list of
// numbering.xml whose id is num. Each List has a numbering of its own, so that an ordered
// list counts from 1 whatever came before it.
func (w *body) list(l *List, depth, num int) {
	w.lists = append(w.lists, l.Ordered)
	for _, item := range l.Items {
		w.paragraph(Paragraph{Style: Plain, Runs: item.Runs}, false, func() {
			w.xml.start("w:numPr")
			w.xml.empty("w:ilvl", "w:val", itoa(depth))
			w.xml.empty("w:numId", "w:val", itoa(num))
			w.xml.end("w:numPr")
		})
		if item.Sub != nil {
			w.list(item.Sub, depth+1, len(w.lists)+1)
		}
	}
}

// table draws t across the width of the text, its columns equal, its cells bordered.
func (w *body) table(t *Table) {
	b := &w.xml
	columns := 0
	for _, row := range t.Rows {
		columns = max(columns, len(row))
	}
	if columns == 0 {
		return
	}
	width := itoa(w.page.textWidth() / Twips(columns))
	b.start("w:tbl")
	b.start("w:tblPr")
	b.empty("w:tblW", "w:w", "5000", "w:type", "pct")
	b.empty("w:jc", "w:val", "center")
	b.start("w:tblBorders")
	for _, side := range []string{"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"} {
		b.empty(side, "w:val", "single", "w:sz", "4", "w:space", "0", "w:color", "000000")
	}
	b.end("w:tblBorders")
	b.empty("w:tblLayout", "w:type", "fixed")
	b.empty("w:tblLook", "w:val", "04A0", "w:firstRow", "1", "w:lastRow", "0", "w:firstColumn", "0", "w:lastColumn", "0", "w:noHBand", "0", "w:noVBand", "1")
	b.end("w:tblPr")
	b.start("w:tblGrid")
	for range columns {
		b.empty("w:gridCol", "w:w", width)
	}
	b.end("w:tblGrid")
	b.WriteString("\n")
	for i, row := range t.Rows {
		header := t.Header && i == 0
		b.start("w:tr")
		if header {
			b.start("w:trPr")
			b.empty("w:tblHeader")
			b.end("w:trPr")
		}
		for c := range columns {
			b.start("w:tc")
			b.start("w:tcPr")
			b.empty("w:tcW", "w:w", width, "w:type", "dxa")
			b.end("w:tcPr")
			var paragraphs []Paragraph
			if c < len(row) {
				paragraphs = row[c].Paragraphs
			}
			if len(paragraphs) == 0 {
				paragraphs = []Paragraph{{Style: Plain}} // a cell holds a paragraph at least
			}
			for _, p := range paragraphs {
				if header && p.Align == AlignStyle {
					p.Align = AlignCenter
				}
				w.paragraph(p, header, nil)
			}
			b.end("w:tc")
		}
		b.end("w:tr")
		b.WriteString("\n")
	}
	b.end("w:tbl")
	b.WriteString("\n")
}

// emuPerPixel is the EMUs of a pixel at 96 pixels an inch, and emuPerTwip of a twip.
const (
	emuPerPixel = 9525
	emuPerTwip  = 635
)

// image draws im in a paragraph of its own, kept with its caption on the next line.
func (w *body) image(im *Image) error {
	config, format, err := image.DecodeConfig(bytes.NewReader(im.Data))
	if err == nil && (format != "png" && format != "jpeg" || config.Width <= 0 || config.Height <= 0) {
		err = image.ErrFormat
	}
	if err != nil {
		return msg.New(msg.DocxNotPicture, len(w.media)+1, im.Description, err)
	}
	n := len(w.media) + 1
	m := medium{name: "image" + itoa(n) + "." + format, relID: "rId" + itoa(firstMedium+len(w.media)), data: im.Data}
	w.media = append(w.media, m)

	cx, cy := EMU(config.Width)*emuPerPixel, EMU(config.Height)*emuPerPixel
	maxWidth := EMU(w.page.textWidth()) * emuPerTwip
	if im.MaxWidth > 0 {
		maxWidth = min(maxWidth, im.MaxWidth)
	}
	if cx > maxWidth {
		cx, cy = maxWidth, cy*maxWidth/cx
	}
	id := itoa(n)
	b := &w.xml
	b.start("w:p")
	b.start("w:pPr")
	b.empty("w:pStyle", "w:val", styleIDs[Plain])
	if len(im.Caption) > 0 {
		b.empty("w:keepNext")
	}
	// The text's lines are exactly so high: a picture's line must be as high as the picture.
	b.empty("w:spacing", "w:line", "240", "w:lineRule", "auto")
	b.empty("w:jc", "w:val", "center")
	b.end("w:pPr")
	b.start("w:r")
	b.start("w:drawing")
	b.start("wp:inline", "distT", "0", "distB", "0", "distL", "0", "distR", "0")
	b.empty("wp:extent", "cx", itoa(cx), "cy", itoa(cy))
	b.empty("wp:effectExtent", "l", "0", "t", "0", "r", "0", "b", "0")
	b.empty("wp:docPr", "id", id, "name", "Picture "+id, "descr", im.Description)
	b.start("wp:cNvGraphicFramePr")
	b.empty("a:graphicFrameLocks", "noChangeAspect", "1")
	b.end("wp:cNvGraphicFramePr")
	b.start("a:graphic")
	b.start("a:graphicData", "uri", nsPic)
	b.start("pic:pic")
	b.start("pic:nvPicPr")
	b.empty("pic:cNvPr", "id", "0", "name", m.name, "descr", im.Description)
	b.empty("pic:cNvPicPr")
	b.end("pic:nvPicPr")
	b.start("pic:blipFill")
	b.empty("a:blip", "r:embed", m.relID)
	b.start("a:stretch")
	b.empty("a:fillRect")
	b.end("a:stretch")
	b.end("pic:blipFill")
	b.start("pic:spPr")
	b.start("a:xfrm")
	b.empty("a:off", "x", "0", "y", "0")
	b.empty("a:ext", "cx", itoa(cx), "cy", itoa(cy))
	b.end("a:xfrm")
	b.start("a:prstGeom", "prst", "rect")
	b.empty("a:avLst")
	b.end("a:prstGeom")
	b.end("pic:spPr")
	b.end("pic:pic")
	b.end("a:graphicData")
	b.end("a:graphic")
	b.end("wp:inline")
	b.end("w:drawing")
	b.end("w:r")
	b.end("w:p")
	b.WriteString("\n")
	if len(im.Caption) > 0 {
		w.paragraph(Paragraph{Style: Caption, Runs: im.Caption}, false, nil)
	}
	return nil
}

// sectionProperties draws the page: its size, its margins, and where headers and footers
// would go.
func (w *body) sectionProperties() {
	b := &w.xml
	p := w.page
	b.start("w:sectPr")
	b.empty("w:pgSz", "w:w", itoa(p.Width), "w:h", itoa(p.Height))
	b.empty("w:pgMar", "w:top", itoa(p.Top), "w:right", itoa(p.Right), "w:bottom", itoa(p.Bottom), "w:left", itoa(p.Left),
		"w:header", "851", "w:footer", "992", "w:gutter", "0")
	b.empty("w:cols", "w:space", "425")
	b.end("w:sectPr")
	b.WriteString("\n")
}

// footnotesXML returns word/footnotes.xml: the separators Word draws above the notes, then
// the notes.
func (w *body) footnotesXML() string {
	var notes body // draws the notes' runs
	b := &notes.xml
	b.WriteString(declaration)
	b.start("w:footnotes", "xmlns:w", nsW, "xmlns:r", nsR)
	b.WriteString("\n")
	for _, sep := range []struct{ id, kind string }{{"-1", "separator"}, {"0", "continuationSeparator"}} {
		b.start("w:footnote", "w:type", sep.kind, "w:id", sep.id)
		b.start("w:p")
		b.start("w:pPr")
		b.empty("w:spacing", "w:after", "0", "w:line", "240", "w:lineRule", "auto")
		b.end("w:pPr")
		b.start("w:r")
		b.empty("w:" + sep.kind)
		b.end("w:r")
		b.end("w:p")
		b.end("w:footnote")
		b.WriteString("\n")
	}
	for i, note := range w.notes {
		b.start("w:footnote", "w:id", itoa(i+1))
		b.start("w:p")
		b.start("w:pPr")
		b.empty("w:pStyle", "w:val", "FootnoteText")
		b.end("w:pPr")
		b.start("w:r")
		b.start("w:rPr")
		b.empty("w:rStyle", "w:val", "FootnoteReference")
		b.end("w:rPr")
		b.empty("w:footnoteRef")
		b.end("w:r")
		notes.run(Run{Text: " "}, false)
		for _, r := range note {
			r.Note = nil // a note has no notes
			notes.run(r, false)
		}
		b.end("w:p")
		b.end("w:footnote")
		b.WriteString("\n")
	}
	b.end("w:footnotes")
	b.WriteString("\n")
	return b.String()
}
