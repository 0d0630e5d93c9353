package windows

import (
	"bytes"
	"embed"
	"io"
	"time"

	"github.com/dangjian/dangjian/internal/zipfile"
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

// WriteZip writes the Windows zip to w: exe as dangjian.exe, the start file and the readme,
// each dated modified (see zipfile.Write), so that the same exe and time give the same bytes.
func WriteZip(w io.Writer, exe io.Reader, modified time.Time) error {
	files := map[string]io.Reader{Exe: exe}
	for _, name := range []string{Start, Readme} {
		data, err := kit.ReadFile(name)
		if err != nil {
			return err
		}
		files[name] = bytes.NewReader(data)
	}
	return zipfile.Write(w, files, modified)
}
