package generator

import (
	"io/fs"
	"slices"
	"strings"
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
