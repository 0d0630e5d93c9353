package docx

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// The namespaces of the parts.
const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsWP  = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsCT  = "http://schemas.openxmlformats.org/package/2006/content-types"
)

// declaration begins every part.
const declaration = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// xmlText builds a part's XML, escaping every attribute's value and every text, so that no
// caller can forget to.
type xmlText struct{ strings.Builder }

// start writes the start tag of name with attrs, pairs of an attribute's name and value.
func (b *xmlText) start(name string, attrs ...string) {
	b.tag(name, attrs)
	b.WriteString(">")
}

// empty writes the empty element name with attrs.
func (b *xmlText) empty(name string, attrs ...string) {
	b.tag(name, attrs)
	b.WriteString("/>")
}

func (b *xmlText) tag(name string, attrs []string) {
	b.WriteString("<" + name)
	for i := 0; i+1 < len(attrs); i += 2 {
		b.WriteString(" " + attrs[i] + `="`)
		b.text(attrs[i+1])
		b.WriteString(`"`)
	}
}

// end writes the end tag of name.
func (b *xmlText) end(name string) { b.WriteString("</" + name + ">") }

// element writes name holding the text s.
func (b *xmlText) element(name, s string, attrs ...string) {
	b.start(name, attrs...)
	b.text(s)
	b.end(name)
}

// text writes s escaped; a character XML cannot hold becomes U+FFFD.
func (b *xmlText) text(s string) {
	_ = xml.EscapeText(&b.Builder, []byte(s)) // a strings.Builder does not fail
}

// itoa is strconv.Itoa for the lengths and ids of attributes.
func itoa[T ~int | ~int64](n T) string { return strconv.FormatInt(int64(n), 10) }
