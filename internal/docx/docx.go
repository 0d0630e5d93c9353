// Package docx writes Word documents (.docx): the subset of WordprocessingML that export
// needs — styled paragraphs, lists, tables, pictures with captions, footnotes — and checks a
// document's structure, as Word and LibreOffice will need it to be.
//
// The model is small types that carry data, a Document and its blocks, and one writer, Write,
// that draws them; as goldmark keeps its nodes apart from its renderers. The writer draws the
// XML itself and packs it with internal/zipfile, so the same Document gives the same bytes:
// nothing is dated now, numbered at random or taken from a map's order.
//
// Why not a library: of the pure-Go ones, baliance.com/gooxml is no longer served at its
// import path, its successor unioffice needs a paid licence, and the other forks are young
// and have no releases. None promises the same bytes for the same input, and each brings
// the whole of OOXML for the few parts used here, which this package writes in a few hundred
// lines of archive/zip and XML, and whose structure Check verifies.
package docx

import "time"

// A Document is a Word document: its properties, its page, the look of its kinds of
// paragraph, and its blocks in order.
type Document struct {
	Properties Properties
	Page       Page   // the zero Page is A4 with the margins of Chinese official documents
	Styles     Styles // each zero field is the default's
	Blocks     []Block
}

// Properties are the document's core properties, which Word shows under File → Info.
type Properties struct {
	Title   string
	Creator string    // the author
	Created time.Time // given, never now, so that the bytes stay the same; zero: left out
}

// A Block is what the body holds, one after the other: *Paragraph, *List, *Table, *Image.
type Block interface{ block() }

func (*Paragraph) block() {}
func (*List) block()      {}
func (*Table) block()     {}
func (*Image) block()     {}

// A Paragraph is a paragraph of a style, aligned as its style says or as Align says.
type Paragraph struct {
	Style Style
	Align Align
	Runs  []Run
}

// A Run is text of one look. A line end in Text is a line break within the paragraph, a tab
// a tab. A Note that is not empty adds after the text the mark of a footnote that says it.
type Run struct {
	Text         string
	Bold, Italic bool
	Note         []Run
}

// Style is the kind of a paragraph, which says how it looks.
type Style int

// The styles. Body, the zero Style, is the text's paragraph, its first line indented by two
// characters; Plain is a paragraph of the body's font without the indent (a table's cells, a
// list's items, a closing line); Quote is a quotation, set off by its indent and its font.
const (
	Body Style = iota
	Title
	Heading1
	Heading2
	Heading3
	Caption
	Plain
	Quote
)

// Align is where the lines of a paragraph go; the zero Align keeps its style's.
type Align int

// The alignments.
const (
	AlignStyle Align = iota
	AlignLeft
	AlignCenter
	AlignRight
	AlignBoth // justified
)

// A List is a list of items, numbered 1. 2. 3. when Ordered, else bulleted.
type List struct {
	Ordered bool
	Items   []ListItem
}

// A ListItem is an item's text, and the list nested under it, if any.
type ListItem struct {
	Runs []Run
	Sub  *List
}

// A Table is rows of cells; with Header, its first row heads its columns, bold, and is
// repeated at the top of each page the table runs onto. A row shorter than the longest is
// filled with empty cells.
type Table struct {
	Header bool
	Rows   [][]Cell
}

// A Cell is the paragraphs of one cell of a table.
type Cell struct {
	Paragraphs []Paragraph
}

// An Image is a picture, PNG or JPEG, in its own centred paragraph, followed by its caption
// when it has one. It is drawn at 96 pixels an inch, made smaller to fit the width of the
// text or MaxWidth.
type Image struct {
	Data        []byte
	Description string // the alternative text, for a reader that does not see it
	Caption     []Run
	MaxWidth    EMU // zero: the width of the text
}

// EMU is a length in English Metric Units, DrawingML's: 914400 an inch, 360000 a centimetre.
type EMU int64

// Twips is a length in twentieths of a point, WordprocessingML's unit of page and indent.
type Twips int

// Millimetres returns mm as Twips.
func Millimetres(mm float64) Twips { return Twips(mm*1440/25.4 + 0.5) }

// Page is the size of the paper and its margins.
type Page struct {
	Width, Height            Twips
	Top, Right, Bottom, Left Twips
}

// A4 is the paper of Chinese official documents, with their margins (GB/T 9704-2012: top
// 37 mm, bottom 35 mm, left 28 mm, right 26 mm), the default Page.
var A4 = Page{
	Width: Millimetres(210), Height: Millimetres(297),
	Top: Millimetres(37), Right: Millimetres(26), Bottom: Millimetres(35), Left: Millimetres(28),
}

// textWidth is the width between the margins.
func (p Page) textWidth() Twips { return p.Width - p.Left - p.Right }
