// Package textfile readies the bytes of a file that people edit, a page or site.yaml: it drops
// a byte-order mark and CRLF line ends, and reports what is not text, at its position.
package textfile

import (
	"bytes"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
)

var bom = []byte("\uFEFF")

// Normalize drops a byte-order mark at the start and turns CRLF line ends into LF, so that
// files saved on Windows read like any other.
func Normalize(data []byte) []byte {
	data = bytes.TrimPrefix(data, bom)
	if bytes.Contains(data, []byte("\r\n")) {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	return data
}

// Check reports what in a normalised file's bytes is not text: the first byte that is not
// UTF-8, and the first NUL byte, each at its position. YAML would name neither's line, and
// Markdown would show a NUL as U+FFFD without a word.
func Check(file string, data []byte) diag.List {
	var problems diag.List
	if !utf8.Valid(data) {
		problems.Errorf(position(file, data, firstInvalidUTF8(data)), msg.InvalidUTF8)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		if n := bytes.Count(data[i+1:], []byte{0}); n > 0 {
			problems.Errorf(position(file, data, i), msg.NulBytesMore, n)
		} else {
			problems.Errorf(position(file, data, i), msg.NulByte)
		}
	}
	return problems
}

// firstInvalidUTF8 returns the offset of the first byte of data that is not UTF-8.
func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// position returns the position of the byte at offset in data, its column counted in
// characters, a byte that is not UTF-8 counting as one.
func position(file string, data []byte, offset int) diag.Position {
	before := data[:offset]
	start := bytes.LastIndexByte(before, '\n') + 1
	return diag.Position{File: file, Line: 1 + bytes.Count(before, []byte("\n")), Col: 1 + utf8.RuneCount(before[start:])}
}
