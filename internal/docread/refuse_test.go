package docread

import (
	"bytes"
	"encoding/binary"
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/msg"
)

// keyOf returns the key of the message err is, "" when it is none.
func keyOf(err error) msg.Key {
	var m msg.Message
	if errors.As(err, &m) {
		return m.Key
	}
	return ""
}

// lowerLimits sets the limits for one test.
func lowerLimits(t *testing.T, part, media int64) {
	saved := limits
	limits.part, limits.media = part, media
	t.Cleanup(func() { limits = saved })
}

// nested returns n tables each in the cell of the one before.
func nested(n int) string {
	return strings.Repeat(`<w:tbl><w:tr><w:tc>`, n) + p("", r("深")) + strings.Repeat(`</w:tc></w:tr></w:tbl>`, n)
}

// TestRefused: what is not a .docx docread can read is refused with a message saying what to do.
func TestRefused(t *testing.T) {
	ole := append(append([]byte{}, oleMagic...), make([]byte, 504)...)
	tests := []struct {
		name string
		data []byte
		want msg.Key
	}{
		{"a .doc, a .wps, or a .docx with a password", ole, msg.DocOldFormat},
		{"a text file", []byte("党建工作总结"), msg.DocNotDocx},
		{"an empty file", nil, msg.DocNotDocx},
		{"a zip of something else", zipOf(t, map[string]string{"xl/workbook.xml": "<workbook/>"}), msg.DocNoBody},
		{"a document part that is no Word body", zipOf(t, parts("", map[string]string{"word/document.xml": `<html/>`})), msg.DocNoBody},
		{"Strict Open XML", zipOf(t, parts("", map[string]string{"word/document.xml": `<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body/></w:document>`})), msg.DocStrict},
		{"a body cut short", zipOf(t, parts("", map[string]string{"word/document.xml": documentOpen + `<w:p><w:r><w:t>半`})), msg.DocDamaged},
		{"tags that do not match", zipOf(t, parts(`<w:p><w:r></w:p>`, nil)), msg.DocDamaged},
		{"damaged styles", zipOf(t, parts("", map[string]string{"word/styles.xml": `<w:styles><w:style>`})), msg.DocDamaged},
		{"damaged relationships", zipOf(t, parts("", map[string]string{"word/_rels/document.xml.rels": `<Relationships`})), msg.DocDamaged},
		{"damaged footnotes", zipOf(t, parts(p("", `<w:r><w:footnoteReference w:id="1"/></w:r>`), map[string]string{"word/footnotes.xml": `<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1">`})), msg.DocDamaged},
		{"tables nested too deep", zipOf(t, parts(nested(maxDepth), nil)), msg.DocTooDeep},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(bytes.NewReader(tt.data), int64(len(tt.data)))
			if got := keyOf(err); got != tt.want {
				t.Errorf("error %v (%q), want %q; document %v", err, got, tt.want, doc)
			}
			if err != nil && msg.English.Err(err) == "" {
				t.Error("the error says nothing")
			}
		})
	}
	if _, err := Read(bytes.NewReader(zipOf(t, parts(nested(50), nil))), int64(len(zipOf(t, parts(nested(50), nil))))); err != nil {
		t.Errorf("tables nested 50 deep: %v", err)
	}
}

// TestLimits: a part, a picture or all the pictures larger than the limits are refused, and a
// zip bomb costs no more memory than the limit, whether its sizes are honest or lie.
func TestLimits(t *testing.T) {
	lowerLimits(t, 1<<20, 2<<20)
	big := strings.Repeat("党", 1<<20)
	for _, tt := range []struct {
		name  string
		parts map[string]string
		want  msg.Key
	}{
		{"a large body", parts(p("", r(big)), nil), msg.DocPartTooBig},
		{"a large picture", parts(p("", picture("rId6", "")), map[string]string{"word/media/image1.png": string(pngBytes) + big}), msg.DocPartTooBig},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := zipOf(t, tt.parts)
			_, err := Read(bytes.NewReader(data), int64(len(data)))
			if got := keyOf(err); got != tt.want {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
	three := parts(p("", picture("rId6", ""))+p("", picture("rId7", ""))+p("", picture("rId11", "")), map[string]string{
		"word/_rels/document.xml.rels": strings.Replace(documentRels, "</Relationships>", `<Relationship Id="rId11" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image3.png"/></Relationships>`, 1),
		"word/media/image1.png":        string(pngBytes) + strings.Repeat("x", 900<<10),
		"word/media/image2.jpeg":       string(jpegBytes) + strings.Repeat("x", 900<<10),
		"word/media/image3.png":        string(pngBytes) + strings.Repeat("x", 900<<10),
	})
	data := zipOf(t, three)
	if _, err := Read(bytes.NewReader(data), int64(len(data))); keyOf(err) != msg.DocMediaTooBig {
		t.Errorf("three pictures of 0.9 MB with a limit of 2 MB: %v", err)
	}

	bomb := zipOf(t, parts(p("", r(strings.Repeat("0", 64<<20))), nil))
	if len(bomb) > 1<<20 {
		t.Fatalf("the bomb is %d bytes packed", len(bomb))
	}
	liar := lie(t, bomb, "word/document.xml", 4096)
	for name, data := range map[string][]byte{"honest": bomb, "lying": liar} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := Read(bytes.NewReader(data), int64(len(data)))
		runtime.ReadMemStats(&after)
		if err == nil {
			t.Errorf("%s zip bomb read", name)
		}
		if spent := after.TotalAlloc - before.TotalAlloc; spent > 4<<20 {
			t.Errorf("%s zip bomb of 64 MB cost %d bytes with a limit of 1 MB: %v", name, spent, err)
		}
	}
}

// lie returns the zip data with the size of the part name unpacked said to be size in its
// central directory, which Go's reader believes.
func lie(t *testing.T, data []byte, name string, size uint32) []byte {
	t.Helper()
	out := append([]byte{}, data...)
	header := append([]byte("PK\x01\x02"), make([]byte, 42)...)
	for i := 0; i+46 <= len(out); i++ {
		if !bytes.Equal(out[i:i+4], header[:4]) {
			continue
		}
		n := int(binary.LittleEndian.Uint16(out[i+28:]))
		if i+46+n <= len(out) && string(out[i+46:i+46+n]) == name {
			binary.LittleEndian.PutUint32(out[i+24:], size)
			return out
		}
	}
	t.Fatalf("no entry %s", name)
	return nil
}
