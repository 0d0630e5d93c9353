package wordfixture

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"io/fs"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dangjian/dangjian/internal/testenv"
)

var update = flag.Bool("update", false, "convert testdata/libreoffice.fodt with LibreOffice into testdata/libreoffice.docx")

const (
	fodt = "testdata/libreoffice.fodt"
	docx = "testdata/libreoffice.docx"
)

// dated is when every entry of the committed .docx is dated: the earliest a zip can hold.
var dated = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// TestLibreOfficeMakesTheDocx converts the .fodt with LibreOffice: with -update into the
// committed .docx; else, when this is the LibreOffice that made the committed one (its name
// and version in docProps/app.xml), the bytes must be the same, so that the .docx is what the
// .fodt says and a refresh changes nothing the .fodt did not.
func TestLibreOfficeMakesTheDocx(t *testing.T) {
	converted := testenv.ConvertWithLibreOffice(t, fodt, "docx", t.TempDir())
	data, err := os.ReadFile(converted)
	if err != nil {
		t.Fatal(err)
	}
	got, err := redate(data, dated)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(docx, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(docx)
	if err != nil {
		t.Fatal(err)
	}
	gotApp, wantApp := part(t, got, "docProps/app.xml"), part(t, want, "docProps/app.xml")
	if gotApp != wantApp {
		t.Logf("%s was made by another LibreOffice than this one, so not compared:\n%s\nthis one:\n%s", docx, wantApp, gotApp)
		return
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not what LibreOffice converts %s to: run go test ./internal/wordfixture -update, and review the diff", docx, fodt)
	}
}

// TestLibreOfficeDocx: the committed .docx is a zip dated as -update dates it, its parts
// well-formed XML, holding two pictures and what the import tests look for in the document.
func TestLibreOfficeDocx(t *testing.T) {
	data, err := os.ReadFile(docx)
	if err != nil {
		t.Fatal(err)
	}
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var media []string
	for _, f := range r.File {
		if !f.Modified.Equal(dated) {
			t.Errorf("%s: %s is dated %s, not %s: make it with go test ./internal/wordfixture -update", docx, f.Name, f.Modified, dated)
		}
		switch {
		case strings.HasPrefix(f.Name, "word/media/"):
			media = append(media, f.Name)
			if png := part(t, data, f.Name); !strings.HasPrefix(png, "\x89PNG\r\n\x1a\n") {
				t.Errorf("%s: %s is not a PNG", docx, f.Name)
			}
		case strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels"):
			if err := wellFormed(part(t, data, f.Name)); err != nil {
				t.Errorf("%s: %s: %v", docx, f.Name, err)
			}
		}
	}
	if len(media) != 2 {
		t.Errorf("%s holds the pictures %q, want two", docx, media)
	}
	part(t, data, "[Content_Types].xml")
	if !strings.Contains(part(t, data, "word/footnotes.xml"), "學黨章黨規") {
		t.Errorf("%s: word/footnotes.xml lacks the footnote", docx)
	}
	document := part(t, data, "word/document.xml")
	for _, want := range []string{
		`<w:pStyle w:val="Title"/>`, "國電靖遠發電有限公司扎實推進“兩學一做”學習教育",
		`<w:pStyle w:val="Heading1"/>`, "基本做法",
		"一、強化支部主體作用", "（一）“三張清單”強作為",
		`<w:t>　　`,
		`<w:r><w:rPr><w:b/></w:rPr><w:t>堅持統籌</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>謀劃</w:t></w:r>`,
		"<w:footnoteReference", "<w:tbl>",
		`<w:pStyle w:val="Caption"/>`, "SEQ 图", "黨員志願者在社區開展服務", "知識競賽現場",
		"根據</w:t>", "(jù)", "確</w:t>", "?!", "皟蓪", "確保安全",
	} {
		if !strings.Contains(document, want) {
			t.Errorf("%s: word/document.xml lacks %s", docx, want)
		}
	}
}

// part returns the part name of the .docx data.
func part(t *testing.T, data []byte, name string) string {
	t.Helper()
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	content, err := fs.ReadFile(r, name)
	if err != nil {
		t.Fatal(err)
	}
	return string(content)
}

func wellFormed(doc string) error {
	d := xml.NewDecoder(strings.NewReader(doc))
	for {
		if _, err := d.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// redate returns the zip data with every entry dated when, written into the MS-DOS date and
// time of its local and central headers where the zip has them: the compressed data and
// everything else stay as the zip's maker wrote them. (A zip with extended timestamps, or
// zip64, would need more; LibreOffice writes neither.)
func redate(data []byte, when time.Time) ([]byte, error) {
	const (
		endSize     = 22
		centralSize = 46
		localSize   = 30
	)
	data = bytes.Clone(data)
	end := bytes.LastIndex(data, []byte("PK\x05\x06"))
	if end < 0 || len(data)-end < endSize {
		return nil, errors.New("not a zip: no end of central directory")
	}
	le := binary.LittleEndian
	dosDate := uint16((when.Year()-1980)<<9 | int(when.Month())<<5 | when.Day())
	dosTime := uint16(when.Hour()<<11 | when.Minute()<<5 | when.Second()/2)
	p := int(le.Uint32(data[end+16:]))
	for range le.Uint16(data[end+10:]) {
		if p+centralSize > len(data) || le.Uint32(data[p:]) != 0x02014b50 {
			return nil, errors.New("a central directory header out of place")
		}
		local := int(le.Uint32(data[p+42:]))
		if local+localSize > len(data) || le.Uint32(data[local:]) != 0x04034b50 {
			return nil, errors.New("a local header out of place")
		}
		for _, at := range []int{p + 12, local + 10} {
			le.PutUint16(data[at:], dosTime)
			le.PutUint16(data[at+2:], dosDate)
		}
		p += centralSize + int(le.Uint16(data[p+28:])) + int(le.Uint16(data[p+30:])) + int(le.Uint16(data[p+32:]))
	}
	return data, nil
}

// TestRedate redates the committed .docx: every entry has the new date and what it held.
func TestRedate(t *testing.T) {
	data, err := os.ReadFile(docx)
	if err != nil {
		t.Fatal(err)
	}
	when := time.Date(2016, 6, 28, 9, 30, 44, 0, time.UTC)
	got, err := redate(data, when)
	if err != nil {
		t.Fatal(err)
	}
	r, err := zip.NewReader(bytes.NewReader(got), int64(len(got)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.File {
		if !f.Modified.Equal(when) {
			t.Errorf("%s dated %s, want %s", f.Name, f.Modified, when)
		}
		if part(t, got, f.Name) != part(t, data, f.Name) {
			t.Errorf("%s changed", f.Name)
		}
	}
	if _, err := redate([]byte("PK\x03\x04 not a zip"), when); err == nil {
		t.Error("redate took a file without a central directory")
	}
}
