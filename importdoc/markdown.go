package importdoc

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/docread"
	"github.com/dangjian/dangjian/internal/media"
)

// picture is a picture of the document that the page shows, in the page's folder.
type picture struct {
	Name    string // its file's name: the page's name and its number, page-1.png
	Caption string
	Data    []byte
}

// writer writes a document's blocks as the Markdown of a page.
type writer struct {
	b     strings.Builder
	base  string // the page's name, which its pictures' names start with
	pics  []picture
	notes []*docread.Note // in the order of their marks
	// left are the pictures of kinds that a page cannot show, as their parts' names.
	left []string
	// list holds the numbers of the ordered list items written, one a level, while a list
	// goes on.
	list []int
}

// body returns the Markdown of blocks: blank lines between blocks, none between the items of
// a list; the footnotes last, as paragraphs marked as their references are (①): the site's
// Markdown has no footnotes.
func (w *writer) body(blocks []docread.Block) string {
	for _, b := range blocks {
		w.block(b)
	}
	for i, n := range w.notes {
		w.para(noteMark(i+1) + " " + w.inlines(n.Blocks))
	}
	return w.b.String()
}

// para starts a block with text, after a blank line.
func (w *writer) para(text string) {
	w.list = nil
	if w.b.Len() > 0 {
		w.b.WriteString("\n")
	}
	w.b.WriteString(text + "\n")
}

func (w *writer) block(b docread.Block) {
	switch b := b.(type) {
	case *docread.Heading:
		w.heading(min(b.Level+1, 6), b.Label+docread.Text(b.Runs))
	case *docread.Paragraph:
		if level := textHeading(docread.Text(b.Runs)); level > 0 && !b.Caption {
			w.heading(level, docread.Text(b.Runs))
			return
		}
		for _, line := range lines(b.Runs) {
			if s := w.runs(line); s != "" {
				w.para(s)
			}
		}
	case *docread.ListItem:
		w.item(b)
	case *docread.Table:
		w.table(b)
	case *docread.Image:
		if s := w.image(b); s != "" {
			w.para(s)
		}
	}
}

// heading writes a heading of the level, its text plain: the site's headings are not bold.
func (w *writer) heading(level int, text string) {
	text = strings.Join(strings.Fields(strings.ReplaceAll(text, "\u3000", " ")), " ")
	if text != "" {
		w.para(strings.Repeat("#", level) + " " + escape(text))
	}
}

// The numbers written as text that start a heading of Chinese writing, 一、 and （一）, with the
// level of the page's heading each becomes.
var textHeadings = []struct {
	re    *regexp.Regexp
	level int
}{
	{regexp.MustCompile(`^[一二三四五六七八九十]+、`), 2},
	{regexp.MustCompile(`^[（(][一二三四五六七八九十]+[）)]`), 3},
}

// maxHeading is how many characters a paragraph numbered as a heading may have and still be
// one: a numbered paragraph of a list of points runs longer.
const maxHeading = 40

// textHeading returns the level of the heading that a paragraph is, numbered as one in its
// text (一、 or （一）), short, and with no sentence ended in it; 0 when it is none.
func textHeading(text string) int {
	text = strings.TrimSpace(text)
	if utf8.RuneCountInString(text) > maxHeading || strings.ContainsAny(text, "。！？；\n") {
		return 0
	}
	for _, h := range textHeadings {
		if h.re.MatchString(text) {
			return h.level
		}
	}
	return 0
}

// item writes an item of a list, four spaces a level, the ordered ones numbered in order, at
// most one level deeper than the item before it.
func (w *writer) item(li *docread.ListItem) {
	list := w.list
	level := min(li.Level, len(list)) // a level skipped would indent the item into code
	if w.b.Len() > 0 && list == nil {
		w.b.WriteString("\n")
	}
	list = append(list[:min(len(list), level+1)], make([]int, max(0, level+1-len(list)))...)
	mark := "-"
	if li.Ordered {
		list[level]++
		mark = fmt.Sprintf("%d.", list[level])
	}
	w.b.WriteString(strings.Repeat("    ", level) + mark + " " + w.runs(li.Runs) + "\n")
	w.list = list
}

// table writes a GFM table, its first row the header: Markdown's tables have one.
func (w *writer) table(t *docread.Table) {
	var rows [][]string
	width := 0
	for _, r := range t.Rows {
		var row []string
		for _, c := range r {
			text := ""
			if !c.Merged {
				text = strings.ReplaceAll(w.inlines(c.Blocks), "|", `\|`)
			}
			row = append(row, text)
			for range max(c.Span, 1) - 1 {
				row = append(row, "")
			}
		}
		rows = append(rows, row)
		width = max(width, len(row))
	}
	if width == 0 {
		return
	}
	var b strings.Builder
	for i, row := range rows {
		row = append(row, make([]string, width-len(row))...)
		b.WriteString("| " + strings.Join(row, " | ") + " |\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat(" --- |", width) + "\n")
		}
	}
	w.para(strings.TrimSuffix(b.String(), "\n"))
}

// inlines returns blocks as text on one line, those with text parted by a space.
func (w *writer) inlines(blocks []docread.Block) string {
	var parts []string
	for _, b := range blocks {
		if s := w.inline(b); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

// inline returns a block as text on one line: for a cell of a table, or a note.
func (w *writer) inline(b docread.Block) string {
	switch b := b.(type) {
	case *docread.Heading:
		return escape(b.Label + docread.Text(b.Runs))
	case *docread.Paragraph:
		return w.runs(b.Runs)
	case *docread.ListItem:
		return escape(b.Label) + w.runs(b.Runs)
	case *docread.Image:
		return w.image(b)
	case *docread.Table:
		var parts []string
		for _, r := range b.Rows {
			for _, c := range r {
				for _, cb := range c.Blocks {
					parts = append(parts, w.inline(cb))
				}
			}
		}
		return strings.Join(parts, " ")
	}
	return ""
}

// image takes a picture for the page and returns its Markdown, captioned as the site's
// pictures are, in the brackets; "" for a picture that a page cannot show, which is left.
func (w *writer) image(img *docread.Image) string {
	if !media.IsPicture(img.Ext) {
		w.left = append(w.left, img.Name)
		return ""
	}
	caption := captionText(docread.Text(img.Caption))
	if caption == "" {
		caption = strings.TrimSpace(img.Alt)
	}
	name := fmt.Sprintf("%s-%d%s", w.base, len(w.pics)+1, img.Ext)
	w.pics = append(w.pics, picture{Name: name, Caption: caption, Data: img.Data})
	return "![" + escape(caption) + "](" + name + ")"
}

// captionLabel is the number that Word's captions start with, 图 1 or 圖2：, which a web page's
// caption, beside its picture, does without.
var captionLabel = regexp.MustCompile(`^[图圖]\s*[0-9０-９一二三四五六七八九十]+[\s：:.．、-]*`)

// captionText returns a caption without its number, on one line.
func captionText(caption string) string {
	caption = strings.Join(strings.Fields(strings.ReplaceAll(caption, "\u3000", " ")), " ")
	if rest := captionLabel.ReplaceAllString(caption, ""); rest != "" {
		return rest
	}
	return caption
}

// lines splits runs at their line breaks: a line break in a Word paragraph most often ends a
// paragraph written with Shift+Enter.
func lines(runs []docread.Run) [][]docread.Run {
	out := [][]docread.Run{nil}
	for _, r := range runs {
		for i, part := range strings.Split(r.Text, "\n") {
			if i > 0 {
				out = append(out, nil)
			}
			if part != "" || r.Note != nil && i == 0 {
				r.Text = part
				out[len(out)-1] = append(out[len(out)-1], r)
			}
		}
	}
	return out
}

// runs returns the Markdown of runs on one line: bold and italic marked, links written as
// links, notes as their marks, the indent and the ends' spaces dropped.
func (w *writer) runs(runs []docread.Run) string {
	var b strings.Builder
	for i := 0; i < len(runs); {
		r := runs[i]
		if r.Note != nil {
			w.notes = append(w.notes, r.Note)
			b.WriteString(noteMark(len(w.notes)))
			i++
			continue
		}
		text := r.Text
		for i++; i < len(runs) && runs[i].Note == nil && runs[i].Bold == r.Bold && runs[i].Italic == r.Italic && runs[i].Link == r.Link; i++ {
			text += runs[i].Text
		}
		text = strings.NewReplacer("\t", " ", "\n", " ").Replace(text)
		if b.Len() == 0 {
			text = strings.TrimLeft(text, " \u3000")
		}
		s := emphasis(text, r.Bold, r.Italic)
		if r.Link != "" && strings.TrimSpace(text) != "" {
			s = "[" + s + "](" + destination(r.Link) + ")"
		}
		b.WriteString(s)
	}
	return strings.TrimRight(b.String(), " \u3000")
}

// emphasis returns text escaped and marked bold or italic. The marks go inside the spaces and
// punctuation at its ends: CommonMark does not take ** after a letter and before a mark such
// as “ for the start of bold, and Chinese has no spaces to put around it.
func emphasis(text string, bold, italic bool) string {
	mark := ""
	if bold {
		mark += "**"
	}
	if italic {
		mark += "*"
	}
	loose := func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) }
	inner := strings.TrimFunc(text, loose)
	if mark == "" || inner == "" {
		return escape(text)
	}
	start := strings.Index(text, inner)
	return escape(text[:start]) + mark + escape(inner) + mark + escape(text[start+len(inner):])
}

// destination writes a link's address as Markdown reads it: in angle brackets when it has
// spaces or brackets.
func destination(link string) string {
	if strings.ContainsAny(link, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(link) + ">"
	}
	return link
}

// markdownChars are the characters that mean something to Markdown inside a line.
var markdownChars = strings.NewReplacer(`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`, `<`, `\<`)

// lineStart is what starts a block of Markdown at the start of a line.
var lineStart = regexp.MustCompile(`^([#>+=-]|\d+[.)])`)

// escape returns text with what Markdown would read as syntax escaped, so that it shows as
// written.
func escape(text string) string {
	text = markdownChars.Replace(text)
	if m := lineStart.FindStringIndex(text); m != nil {
		text = text[:m[1]-1] + `\` + text[m[1]-1:]
	}
	return text
}

// noteMark is the mark of the note numbered n: ① to ⑳, then 〔21〕, as Chinese writing marks
// its notes.
func noteMark(n int) string {
	if n <= 20 {
		return string(rune('①' + n - 1))
	}
	return fmt.Sprintf("〔%d〕", n)
}
