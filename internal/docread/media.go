package docread

import (
	"bytes"
	"path"
	"strings"
)

// signatures are the first bytes of the kinds of picture a Word document holds, with their
// extension: those of the web, and the Windows metafiles that Word keeps of drawings pasted
// from other programs.
var signatures = []struct {
	offset int
	magic  string
	ext    string
}{
	{0, "\x89PNG\r\n\x1a\n", ".png"},
	{0, "\xff\xd8\xff", ".jpg"},
	{0, "GIF87a", ".gif"},
	{0, "GIF89a", ".gif"},
	{0, "BM", ".bmp"},
	{0, "II*\x00", ".tif"},
	{0, "MM\x00*", ".tif"},
	{8, "WEBP", ".webp"},
	{40, " EMF", ".emf"},
	{0, "\xd7\xcd\xc6\x9a", ".wmf"},
	{0, "\x01\x00\x09\x00", ".wmf"},
	{0, "\x02\x00\x09\x00", ".wmf"},
}

// extension returns the extension of the picture data from its first bytes, else that of its
// part's name, in lower case.
func extension(data []byte, name string) string {
	for _, s := range signatures {
		if len(data) >= s.offset+len(s.magic) && string(data[s.offset:s.offset+len(s.magic)]) == s.magic {
			return s.ext
		}
	}
	if head := bytes.TrimSpace(data[:min(len(data), 512)]); bytes.HasPrefix(head, []byte("<svg")) || bytes.HasPrefix(head, []byte("<?xml")) && bytes.Contains(head, []byte("<svg")) {
		return ".svg"
	}
	return strings.ToLower(path.Ext(name))
}
