package generator

import (
	"io/fs"
	"slices"
	"strings"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
)

// ReadFile returns a file that the site publishes as it is (a page bundle's file, a file of
// static/ or content/, an asset of the layouts) by its slash-separated path in the output, for
// the commands that republish a page's images elsewhere.
func (s *Site) ReadFile(out string) ([]byte, error) {
	if src, ok := s.copies[out]; ok && len(src.names) == 1 {
		return fs.ReadFile(src.fsys, src.names[0])
	}
	for _, p := range s.model.Pages {
		if r, ok := strings.CutPrefix(out, p.URL[1:]); ok && slices.Contains(p.Resources, r) {
			return fs.ReadFile(s.fsys, p.ResourceFile(r))
		}
	}
	return nil, &fs.PathError{Op: "open", Path: out, Err: fs.ErrNotExist}
}

// draftsNamed is how many drafts DraftsNote names before it only counts the rest, so that the
// note stays one line however many there are.
const draftsNamed = 3

// DraftsNote is the line that build and check end with when they left drafts out, in p's
// language: how many, and the first of them; "" when there are none.
func DraftsNote(p *msg.Printer, drafts []string) string {
	if len(drafts) == 0 {
		return ""
	}
	names := make([]string, 0, draftsNamed)
	for _, d := range drafts[:min(len(drafts), draftsNamed)] {
		names = append(names, diag.Path(d))
	}
	list := p.List(names)
	if more := len(drafts) - len(names); more > 0 {
		list = p.Sprintf(msg.AndMore, list, more)
	}
	return p.Sprintf(msg.DraftsLeftOut, len(drafts), list)
}
