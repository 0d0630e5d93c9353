package windows

import (
	"archive/zip"
	"bytes"
	"embed"
	"io"
	"slices"
	"time"
)

// The names of the zip's entries. They are ASCII: Windows' own "Extract All" reads a name in
// the system's code page unless the zip flags it as UTF-8, which older versions ignore.
const (
	Exe    = "dangjian.exe"
	Start  = "dangjian-start.bat"
	Readme = "README.txt"
)

//go:embed dangjian-start.bat README.txt
var kit embed.FS

// earliest is the first time a zip entry's MS-DOS date can hold.
var earliest = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// WriteZip writes the Windows zip to w: exe as dangjian.exe, the start file and the readme,
// in the order of their names and each dated modified (or 1980-01-01, the earliest a zip can
// hold, for an earlier time such as SOURCE_DATE_EPOCH=0), so that the same exe and time give
// the same bytes.
func WriteZip(w io.Writer, exe io.Reader, modified time.Time) error {
	modified = modified.UTC()
	if modified.Before(earliest) {
		modified = earliest
	}
	names := []string{Exe, Start, Readme}
	slices.Sort(names)
	zw := zip.NewWriter(w)
	for _, name := range names {
		body := exe
		if name != Exe {
			data, err := kit.ReadFile(name)
			if err != nil {
				return err
			}
			body = bytes.NewReader(data)
		}
		entry, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return err
		}
		if _, err := io.Copy(entry, body); err != nil {
			return err
		}
	}
	return zw.Close()
}
