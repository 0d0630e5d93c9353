package docx

import (
	"bytes"
	"errors"
	"io"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/zipfile"
)

// keys returns the keys of the problems Check found, sorted.
func keys(t *testing.T, err error) []msg.Key {
	t.Helper()
	var errs []error
	if joined, ok := err.(interface{ Unwrap() []error }); ok && err != nil {
		if _, isMessage := err.(msg.Message); !isMessage {
			errs = joined.Unwrap()
		}
	}
	if errs == nil && err != nil {
		errs = []error{err}
	}
	var out []msg.Key
	for _, e := range errs {
		var m msg.Message
		if !errors.As(e, &m) {
			t.Fatalf("not a message: %v", e)
		}
		out = append(out, m.Key)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// replace returns a change of the part name: old becomes new, which must be there.
func replace(name, old, new string) func(t *testing.T, parts map[string][]byte) {
	return func(t *testing.T, parts map[string][]byte) {
		if !bytes.Contains(parts[name], []byte(old)) {
			t.Fatalf("%s has no %q", name, old)
		}
		parts[name] = bytes.Replace(parts[name], []byte(old), []byte(new), 1)
	}
}

// remove returns the removal of the part name.
func remove(name string) func(t *testing.T, parts map[string][]byte) {
	return func(t *testing.T, parts map[string][]byte) { delete(parts, name) }
}

// TestCheck: each kind of damage to a document that Write wrote is found, and nothing else.
func TestCheck(t *testing.T) {
	written := unzip(t, write(t, sample(t)))
	tests := []struct {
		name   string
		damage func(t *testing.T, parts map[string][]byte)
		want   msg.Key
	}{
		{"the body not well-formed", replace("word/document.xml", "</w:body>", ""), msg.DocxNotXML},
		{"a style not well-formed", replace("word/styles.xml", `w:val="Normal"`, `w:val="Normal`), msg.DocxNotXML},
		{"relationships not well-formed", replace("word/_rels/document.xml.rels", "</Relationships>", "</Relationship>"), msg.DocxNotXML},
		{"a picture missing", remove("word/media/image1.png"), msg.DocxMissingTarget},
		{"a property part missing", remove("docProps/app.xml"), msg.DocxMissingTarget},
		{"a relationship's target misspelt", replace("word/_rels/document.xml.rels", `Target="styles.xml"`, `Target="style.xml"`), msg.DocxMissingTarget},
		{"no type for an extension", replace("[Content_Types].xml", `<Default Extension="png" ContentType="image/png"/>`, ""), msg.DocxNoContentType},
		{"no type for a part", func(t *testing.T, parts map[string][]byte) {
			replace("[Content_Types].xml", `<Default Extension="xml" ContentType="application/xml"/>`, "")(t, parts)
			replace("[Content_Types].xml", `<Override PartName="/word/styles.xml"`, `<Override PartName="/word/style.xml"`)(t, parts)
		}, msg.DocxNoContentType},
		{"a part of no type added", func(t *testing.T, parts map[string][]byte) { parts["word/media/image3.gif"] = []byte("GIF89a") }, msg.DocxNoContentType},
		{"no content types", remove("[Content_Types].xml"), msg.DocxNoPart},
		{"a picture id twice", replace("word/document.xml", `id="2" name="Picture 2"`, `id="1" name="Picture 2"`), msg.DocxSamePictureID},
		{"a picture with no relationship", replace("word/document.xml", `r:embed="rId7"`, `r:embed="rId9"`), msg.DocxNoRelationship},
		{"the body's relationships missing", remove("word/_rels/document.xml.rels"), msg.DocxNoRelationship},
		{"no main document", replace("_rels/.rels", "relationships/officeDocument", "relationships/document"), msg.DocxNoMainDocument},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := maps.Clone(written)
			tt.damage(t, parts)
			files := map[string]io.Reader{}
			for name, data := range parts {
				files[name] = bytes.NewReader(data)
			}
			var buf bytes.Buffer
			if err := zipfile.Write(&buf, files, time.Time{}); err != nil {
				t.Fatal(err)
			}
			err := Check(buf.Bytes())
			if got := keys(t, err); !slices.Equal(got, []msg.Key{tt.want}) {
				t.Errorf("found %q, want %q: %v", got, tt.want, msg.English.Err(err))
			}
		})
	}
	if got := keys(t, Check([]byte("PK\x03\x04 not a zip"))); !slices.Equal(got, []msg.Key{msg.DocxNotZip}) {
		t.Errorf("not a zip: found %q", got)
	}
}
