// Package zipfile writes zip archives that are the same, byte for byte, for the same files: the
// entries in the order of their names, compressed, each dated at one given time.
package zipfile

import (
	"archive/zip"
	"io"
	"maps"
	"slices"
	"time"
)

// earliest is the first time a zip entry's MS-DOS date can hold.
var earliest = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Write writes to w a zip of files, each name with what its entry holds, every entry dated
// modified (1980-01-01, the earliest a zip can hold, for an earlier time such as
// SOURCE_DATE_EPOCH=0).
func Write(w io.Writer, files map[string]io.Reader, modified time.Time) error {
	modified = modified.UTC()
	if modified.Before(earliest) {
		modified = earliest
	}
	zw := zip.NewWriter(w)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified}
		h.SetMode(0o644)
		entry, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := io.Copy(entry, files[name]); err != nil {
			return err
		}
	}
	return zw.Close()
}
