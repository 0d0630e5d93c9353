// Package docread reads the part of a Word document (.docx) that a page of the site can hold:
// headings, paragraphs, lists, tables, pictures with their captions, footnotes, the title and
// the date, and a list of what it found and could not carry, so that nothing is lost silently.
//
// It needs only archive/zip and encoding/xml: the pure-Go .docx libraries are unserved,
// licensed for pay or young, and the subset read here is small. The XML is read as a stream of
// tokens, each part no larger than a limit, so that a damaged or hostile file costs bounded
// memory and never panics.
package docread

import (
	"strings"
	"time"

	"github.com/dangjian/dangjian/internal/msg"
)

// Document is what Read found in a Word document.
type Document struct {
	// Title is the text of the paragraphs in Word's Title style (标题), joined; "" when none.
	Title string
	// Created is when the document was made (docProps/core.xml's dcterms:created), as written
	// there (usually UTC); zero when it does not say.
	Created time.Time
	// Blocks are the body in order: *Heading, *Paragraph, *ListItem, *Table and *Image.
	Blocks []Block
	// Unsupported are the things found that the model cannot hold, in the order found.
	Unsupported []Unsupported
}

// Block is a piece of the body: *Heading, *Paragraph, *ListItem, *Table or *Image.
type Block interface{ block() }

// Heading is a paragraph in a heading style (标题 1 … 标题 9) or with an outline level.
type Heading struct {
	Level int    // 1 to 9
	Label string // the number Word puts before it when its numbering does ("一、"), else ""
	Runs  []Run
}

// Paragraph is a paragraph of text.
type Paragraph struct {
	Runs []Run
	// Indented says that the text began with full-width spaces (U+3000), the indent of
	// Chinese writing, which Runs no longer hold.
	Indented bool
	// Caption says that the paragraph is in Word's Caption style (题注) or one based on it.
	Caption bool
}

// ListItem is a paragraph that Word numbers or bullets.
type ListItem struct {
	Ordered bool
	Level   int    // 0 for the outermost list
	Label   string // the number Word shows ("1.", "（一）") when Ordered
	Runs    []Run
}

// Table is a table: rows of cells.
type Table struct {
	Rows [][]Cell
}

// Cell is a cell of a table.
type Cell struct {
	Blocks []Block // its paragraphs, and any list, picture or table in it
	Span   int     // the number of the grid's columns it spans, 1 or more
	// Merged says that the cell continues the one above it (a vertical merge): it shows
	// nothing of its own.
	Merged bool
}

// Image is a picture held in the document.
type Image struct {
	Data []byte
	Name string // its part in the package, "word/media/image1.png"
	Ext  string // ".png", ".jpg" … from its first bytes, else from Name
	Alt  string // its alternative text (Word's 可选文字), "" when none
	// Caption is the paragraph after the picture in the Caption style, or one beginning
	// with 图 such as 图1 or 图为, which the body then no longer holds.
	Caption []Run
}

// Run is a stretch of text with one formatting, or a reference to a note.
type Run struct {
	Text   string // "\n" stands for a line break, "\t" for a tab
	Bold   bool
	Italic bool
	Link   string // the address of the hyperlink around it, "" when none
	// Note is the footnote or endnote that the run refers to, its Text then "".
	Note *Note
}

// Note is a footnote or an endnote.
type Note struct {
	Endnote bool
	Blocks  []Block
}

// Unsupported is a thing found in the document that the model cannot hold.
type Unsupported struct {
	What   msg.Key // msg.DocTextBox, msg.DocComment …
	Detail string  // a field's code ("REF _Ref1 \h"), an object's program ("Excel.Sheet.12"), a symbol's font
	Text   string  // the thing's own text where it has one: a text box's, a deletion's, a comment's
	Where  Place
}

// Place says where in the document something is.
type Place struct {
	Part string // "word/document.xml", "word/footnotes.xml" …
	// Paragraph counts the body's paragraphs from 1, those of tables included; in a note,
	// the note's.
	Paragraph int
	// Near is the start of the text of that paragraph, or of the last one before it that has
	// text, for a person to search for in Word; "" when there is none.
	Near string
}

func (*Heading) block()   {}
func (*Paragraph) block() {}
func (*ListItem) block()  {}
func (*Table) block()     {}
func (*Image) block()     {}

// Text returns the text of runs, notes left out.
func Text(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return b.String()
}
