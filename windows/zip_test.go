package windows

import (
	"archive/zip"
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestWriteZip: the zip holds exactly the exe, the start file and the readme, under ASCII
// names, in the order of their names, each with its bytes and the given time (1980 at the
// earliest), and the same input gives the same bytes.
func TestWriteZip(t *testing.T) {
	exe := []byte("MZ\x90\x00 not really a program")
	start, readme := readFile(t, Start), readFile(t, Readme)
	for _, tt := range []struct {
		name           string
		modified, want time.Time
	}{
		{"a release's date", time.Date(2016, 9, 20, 8, 0, 0, 0, time.UTC), time.Date(2016, 9, 20, 8, 0, 0, 0, time.UTC)},
		{"in another zone", time.Date(2016, 9, 20, 16, 0, 0, 0, time.FixedZone("CST", 8*3600)), time.Date(2016, 9, 20, 8, 0, 0, 0, time.UTC)},
		{"SOURCE_DATE_EPOCH=0", time.Unix(0, 0), time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var first, second bytes.Buffer
			if err := WriteZip(&first, bytes.NewReader(exe), tt.modified); err != nil {
				t.Fatal(err)
			}
			if err := WriteZip(&second, bytes.NewReader(exe), tt.modified); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Error("two zips of the same input differ")
			}
			r, err := zip.NewReader(bytes.NewReader(first.Bytes()), int64(first.Len()))
			if err != nil {
				t.Fatal(err)
			}
			want := []struct {
				name string
				data []byte
			}{{"README.txt", readme}, {"dangjian-start.bat", start}, {"dangjian.exe", exe}}
			if len(r.File) != len(want) {
				t.Fatalf("%d entries, want %d", len(r.File), len(want))
			}
			for i, f := range r.File {
				if f.Name != want[i].name {
					t.Errorf("entry %d is %q, want %q", i, f.Name, want[i].name)
				}
				if !f.Modified.Equal(tt.want) || f.Method != zip.Deflate {
					t.Errorf("%s: modified %v, method %d; want %v, deflated", f.Name, f.Modified, f.Method, tt.want)
				}
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				var data bytes.Buffer
				if _, err := data.ReadFrom(rc); err != nil {
					t.Fatal(err)
				}
				rc.Close()
				if !bytes.Equal(data.Bytes(), want[i].data) {
					t.Errorf("%s: the zip holds other bytes than the file", f.Name)
				}
			}
		})
	}
}

// TestStartFile: the .bat reads right in cmd.exe on a Chinese Windows (see the package's doc):
// CRLF line ends, GBK text (and not UTF-8), nothing but ASCII before the line that sets code
// page 936; it runs the zip's exe with serve --open, checks for site.yaml, and ends waiting for
// a key, so that its window stays open to be read.
func TestStartFile(t *testing.T) {
	data := readFile(t, Start)
	crlfOnly(t, Start, data)
	text, err := simplifiedchinese.GBK.NewDecoder().Bytes(data)
	if err != nil {
		t.Fatal(err)
	}
	again, err := simplifiedchinese.GBK.NewEncoder().Bytes(text)
	if err != nil || !bytes.Equal(again, data) || utf8.Valid(data) {
		t.Fatalf("%s is not GBK (is it UTF-8?): save it as GBK, which cmd.exe reads under code page 936", Start)
	}
	before, _, found := strings.Cut(string(text), "chcp 936 >nul\r\n")
	if !found {
		t.Fatalf("%s does not set code page 936", Start)
	}
	for i, r := range before {
		if r >= utf8.RuneSelf {
			t.Errorf("%s: %q at byte %d, before chcp 936: only ASCII reads right before it", Start, r, i)
		}
	}
	for _, want := range []string{`.\` + Exe + " serve --open\r\n", `if not exist "site.yaml" goto`} {
		if !strings.Contains(string(text), want) {
			t.Errorf("%s does not hold %q", Start, want)
		}
	}
	if !strings.HasSuffix(string(text), "\r\npause\r\n") {
		t.Errorf("%s does not end with pause, so its window closes before the editor reads it", Start)
	}
}

// TestReadme: the readme is UTF-8 with a byte-order mark and CRLF line ends, for Notepad, and
// names each file of the zip.
func TestReadme(t *testing.T) {
	data := readFile(t, Readme)
	crlfOnly(t, Readme, data)
	text, bom := bytes.CutPrefix(data, []byte("\uFEFF"))
	if !bom || !utf8.Valid(text) {
		t.Errorf("%s: byte-order mark %v, valid UTF-8 %v; want both", Readme, bom, utf8.Valid(text))
	}
	for _, name := range []string{Exe, Start, Readme} {
		if !bytes.Contains(text, []byte(name)) {
			t.Errorf("%s does not name %s", Readme, name)
		}
	}
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// crlfOnly fails the test unless every line of data ends with CRLF, the last one too.
func crlfOnly(t *testing.T, name string, data []byte) {
	t.Helper()
	lf, crlf := bytes.Count(data, []byte("\n")), bytes.Count(data, []byte("\r\n"))
	if lf == 0 || lf != crlf || bytes.Count(data, []byte("\r")) != crlf || !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Errorf("%s: %d line ends, %d of them CRLF, %d CRs; want every line to end with CRLF", name, lf, crlf, bytes.Count(data, []byte("\r")))
	}
}
