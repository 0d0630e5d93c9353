package importdoc

import (
	"bufio"
	"fmt"
	"io"
	"path"
	"time"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/newpage"
)

// WriteText writes, in p's language, what the import did: the document's title, the kind and
// the date when they were guessed or found, the page written and its pictures, the repairs
// made to its text, what it could not carry, and the problems that check finds in it.
func (r *Result) WriteText(w io.Writer, p *msg.Printer) error {
	b := bufio.NewWriter(w)
	p.Fprintln(b, msg.ImportRead, r.Document, r.Title)
	if r.KindGuessed {
		p.Fprintln(b, msg.ImportKindGuessed, r.Kind, msg.Items(newpage.Kinds()))
	}
	if r.DateText != "" {
		p.Fprintln(b, msg.ImportDateFound, r.Date.Format(time.DateOnly), r.DateText)
	}
	p.Fprintln(b, msg.ImportWrote, diag.Path(r.Page.File))
	if len(r.Pictures) > 0 {
		p.Fprintln(b, msg.ImportPictures, len(r.Pictures), diag.Path(path.Dir(r.Page.File)))
	}
	for _, pic := range r.Pictures {
		if pic.Caption == "" {
			p.Fprintln(b, msg.ImportNoCaption, path.Base(pic.File))
			continue
		}
		p.Fprintln(b, msg.ImportPicture, path.Base(pic.File), pic.Caption)
	}
	if len(r.Fixed) > 0 {
		p.Fprintln(b, msg.ImportFixed, len(r.Fixed))
	}
	if len(r.Left) > 0 {
		p.Fprintln(b, msg.ImportLeftOut)
	}
	for _, l := range r.Left {
		fmt.Fprintln(b, l.Text(p))
	}
	for _, prob := range r.Problems {
		fmt.Fprintln(b, prob.Text(p))
	}
	if errors, warnings := r.Problems.Counts(); errors+warnings == 0 {
		p.Fprintln(b, msg.ImportCheckClean)
	} else {
		p.Fprintln(b, msg.ImportChecked, msg.New(msg.Errors, errors), msg.New(msg.Warnings, warnings))
	}
	return b.Flush()
}
