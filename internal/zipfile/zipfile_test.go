package zipfile

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"time"
)

func write(t *testing.T, modified time.Time) []byte {
	t.Helper()
	var buf bytes.Buffer
	files := map[string]io.Reader{"b.txt": strings.NewReader("乙"), "a/x.txt": strings.NewReader("甲")}
	if err := Write(&buf, files, modified); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestWrite: the entries in the order of their names, at the given time (in UTC, and not
// before 1980), and the same files give the same bytes.
func TestWrite(t *testing.T) {
	at := time.Date(2016, 9, 20, 16, 0, 0, 0, time.FixedZone("", 8*3600))
	data := write(t, at)
	if !bytes.Equal(data, write(t, at)) {
		t.Error("the same files gave other bytes")
	}
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range r.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(at) || f.Method != zip.Deflate {
			t.Errorf("%s: dated %v, method %d", f.Name, f.Modified, f.Method)
		}
	}
	if strings.Join(names, " ") != "a/x.txt b.txt" {
		t.Errorf("entries %q", names)
	}
	old := write(t, time.Unix(0, 0))
	r, _ = zip.NewReader(bytes.NewReader(old), int64(len(old)))
	if got := r.File[0].Modified; got.Year() != 1980 {
		t.Errorf("a time before 1980 is dated %v", got)
	}
}
