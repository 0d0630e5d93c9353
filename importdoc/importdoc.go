// Package importdoc is the engine of import: it makes a draft page of a Word document (.docx).
//
// The document is read by docread and written as the Markdown of the site: Word's headings,
// and the paragraphs numbered as headings in their text (一、 （一）), as the page's headings;
// paragraphs with their bold; lists; tables as GFM tables; footnotes as paragraphs at the end,
// marked ① as in the text, since the site's Markdown has no footnotes; pictures beside the page
// in its folder, named after the page and numbered in order, their captions in the brackets
// that the site captions its pictures with. The page is started by newpage, so it gets the
// front matter and the name that new gives it, a page bundle when it has pictures; its title
// is the document's (Word's Title style, else its first heading), its date the one given, else
// one written in its first or last paragraphs, and its kind the one given, else one its title
// tells (GuessKind). Then its text is repaired as check --fix would (check.FixFile), which
// converts it to the site's script and forms, and it is checked with the site.
package importdoc

import (
	"context"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/dangjian/dangjian/check"
	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/docread"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/publish"
	"github.com/dangjian/dangjian/newpage"
)

// Config says what to import.
type Config struct {
	generator.Options
	File string // the Word document, a path of this machine
	// Kind is the page's kind, one of newpage.Kinds; "" guesses it from the title.
	Kind string
	// Date is the page's date; zero takes the one the document writes.
	Date time.Time
}

// Result says what Run did.
type Result struct {
	Document    string // the Word document, as Config named it
	Title       string // the document's title, as it wrote it
	Kind        string
	KindGuessed bool
	Date        time.Time
	DateText    string // the date as the document wrote it; "" when it was given
	Page        newpage.Page
	Pictures    []Picture
	// Left says what the page could not carry, each thing with its place in the document.
	Left []msg.Message
	// Fixed are the repairs made to the page's text.
	Fixed []check.Change
	// Problems are those that check finds in the new page.
	Problems diag.List
}

// Picture is a picture written beside the page.
type Picture struct {
	File    string // slash-separated, relative to the site's folder
	Caption string // as the document wrote it; "" when it had none
}

// Run imports the document. An error is a msg.Message, msg.ImportNoDate when no date is
// given or found, or, for problems in site.yaml, a diag.List.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	doc, err := read(cfg.File)
	if err != nil {
		return nil, msg.New(msg.ImportFile, cfg.File, err)
	}
	title, blocks := titleOf(doc, cfg.File)
	res := &Result{Document: cfg.File, Title: title, Kind: cfg.Kind, Date: cfg.Date}
	if res.Kind == "" {
		res.Kind, res.KindGuessed = GuessKind(res.Title), true
	}
	if res.Date.IsZero() {
		found, ok := documentDate(blocks)
		if !ok {
			return nil, msg.New(msg.ImportNoDate)
		}
		res.Date, res.DateText = found.date, found.text
	}
	name, _ := newpage.Name(res.Title, res.Date)
	w := &writer{base: name}
	body := w.body(blocks)
	res.Page, err = newpage.Create(newpage.Config{Options: cfg.Options, Kind: res.Kind, Title: res.Title, Date: res.Date,
		Body: body, Bundle: len(w.pics) > 0})
	if err != nil {
		return nil, err
	}
	for _, pic := range w.pics {
		file := path.Join(path.Dir(res.Page.File), pic.Name)
		if err := publish.CreateSource(filepath.Join(cfg.Dir(), filepath.FromSlash(file)), pic.Data); err != nil {
			return nil, err
		}
		res.Pictures = append(res.Pictures, Picture{File: file, Caption: pic.Caption})
	}
	for _, u := range doc.Unsupported {
		res.Left = append(res.Left, left(u))
	}
	for _, name := range w.left {
		res.Left = append(res.Left, msg.New(msg.ImportPictureKind, name, path.Ext(name)))
	}
	opts := cfg.Options
	if res.Fixed, err = check.FixFile(check.Config{Options: opts}, res.Page.File); err != nil {
		return nil, err
	}
	opts.Drafts = true // the new page is a draft, and is checked as the page it will be
	rep, err := check.Run(ctx, check.Config{Options: opts})
	if err != nil {
		return nil, err
	}
	for _, p := range rep.Problems {
		if res.Page.Holds(p.Pos.File) {
			res.Problems = append(res.Problems, p)
		}
	}
	return res, nil
}

// read reads the Word document file.
func read(file string) (*docread.Document, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, msg.New(msg.CannotRead, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, msg.New(msg.CannotRead, err)
	}
	return docread.Read(f, info.Size())
}

// titleOf returns the document's title and the blocks of its body: the text in Word's Title
// style, else its first heading, which leaves the body when it starts it, else the file's name.
func titleOf(doc *docread.Document, file string) (string, []docread.Block) {
	if t := strings.Join(strings.Fields(doc.Title), " "); t != "" {
		return t, doc.Blocks
	}
	i := slices.IndexFunc(doc.Blocks, func(b docread.Block) bool {
		h, ok := b.(*docread.Heading)
		return ok && strings.TrimSpace(docread.Text(h.Runs)) != ""
	})
	if i >= 0 {
		h := doc.Blocks[i].(*docread.Heading)
		blocks := doc.Blocks
		if i == 0 {
			blocks = blocks[1:]
		}
		return strings.Join(strings.Fields(docread.Text(h.Runs)), " "), blocks
	}
	return strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)), doc.Blocks
}

// parts name the parts of a document where things are found, for a person.
var parts = map[string]msg.Key{
	"word/document.xml":  msg.DocBody,
	"word/footnotes.xml": msg.DocFootnotes,
	"word/endnotes.xml":  msg.DocEndnotes,
	"word/comments.xml":  msg.DocComments,
}

// nearLength is how many characters of the text near a thing are said, enough to search for.
const nearLength = 20

// left says a thing the page could not carry, with its place.
func left(u docread.Unsupported) msg.Message {
	var part any = u.Where.Part
	if k, ok := parts[u.Where.Part]; ok {
		part = k
	}
	where := msg.New(msg.DocParagraph, part, u.Where.Paragraph)
	if u.Where.Near != "" {
		where = msg.New(msg.DocParagraphNear, part, u.Where.Paragraph, cut(u.Where.Near))
	}
	what := msg.New(u.What)
	if u.Detail != "" {
		what = msg.New(msg.ImportLeftDetail, what, u.Detail)
	}
	if text := strings.TrimSpace(u.Text); text != "" {
		what = msg.New(msg.ImportLeftText, what, cut(text))
	}
	return msg.New(msg.ImportItem, where, what)
}

// cut returns text's first characters, on one line.
func cut(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if r := []rune(text); len(r) > nearLength {
		return string(r[:nearLength]) + "…"
	}
	return text
}
