package docx

import (
	"bytes"
	"io"
	"strings"
	"time"

	"github.com/dangjian/dangjian/internal/zipfile"
)

// The types of the relationships and the content types of the parts.
const (
	relOfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relCore           = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	relApp            = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
	relOffice         = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

	typeWord = "application/vnd.openxmlformats-officedocument.wordprocessingml."
)

// A part is a file of the package, its content type, and how the main document relates to
// it, if it does.
type part struct {
	name, contentType string
	data              []byte
	relID, relType    string
}

// Write writes d to w as a .docx. The same Document gives the same bytes: the zip's entries
// are dated d.Properties.Created. It fails on a picture that is not a PNG or JPEG, or when w
// does.
func Write(w io.Writer, d *Document) error {
	page := d.Page
	if page == (Page{}) {
		page = A4
	}
	b := &body{styles: d.Styles.filled(), page: page}
	if err := b.document(d); err != nil {
		return err
	}
	parts := []part{
		{name: "docProps/core.xml", contentType: "application/vnd.openxmlformats-package.core-properties+xml", data: []byte(coreXML(d.Properties))},
		{name: "docProps/app.xml", contentType: "application/vnd.openxmlformats-officedocument.extended-properties+xml", data: []byte(appXML)},
		{name: "word/document.xml", contentType: typeWord + "document.main+xml", data: []byte(b.xml.String())},
		{name: "word/styles.xml", contentType: typeWord + "styles+xml", data: []byte(stylesXML(b.styles)), relID: relStyles, relType: "styles"},
		{name: "word/settings.xml", contentType: typeWord + "settings+xml", data: []byte(settingsXML(len(b.notes) > 0, b.styles.Body.Size)), relID: relSettings, relType: "settings"},
		{name: "word/fontTable.xml", contentType: typeWord + "fontTable+xml", data: []byte(fontTableXML(b.styles)), relID: relFontTable, relType: "fontTable"},
	}
	if len(b.lists) > 0 {
		parts = append(parts, part{name: "word/numbering.xml", contentType: typeWord + "numbering+xml", data: []byte(numberingXML(b.lists, b.styles.Body)), relID: relNumbering, relType: "numbering"})
	}
	if len(b.notes) > 0 {
		parts = append(parts, part{name: "word/footnotes.xml", contentType: typeWord + "footnotes+xml", data: []byte(b.footnotesXML()), relID: relFootnotes, relType: "footnotes"})
	}
	for _, m := range b.media {
		parts = append(parts, part{name: "word/media/" + m.name, data: m.data, relID: m.relID, relType: "image"})
	}

	files := map[string]io.Reader{
		"[Content_Types].xml": strings.NewReader(contentTypesXML(parts)),
		"_rels/.rels": strings.NewReader(relationshipsXML([]relationship{
			{"rId1", relOfficeDocument, "word/document.xml"},
			{"rId2", relCore, "docProps/core.xml"},
			{"rId3", relApp, "docProps/app.xml"},
		})),
	}
	var documentRels []relationship
	for _, p := range parts {
		files[p.name] = bytes.NewReader(p.data)
		if p.relID != "" {
			documentRels = append(documentRels, relationship{p.relID, relOffice + p.relType, strings.TrimPrefix(p.name, "word/")})
		}
	}
	files["word/_rels/document.xml.rels"] = strings.NewReader(relationshipsXML(documentRels))
	return zipfile.Write(w, files, d.Properties.Created)
}

// contentTypesXML returns [Content_Types].xml: the relationships, XML parts and pictures by
// their extension, the parts of Word by their names.
func contentTypesXML(parts []part) string {
	var b xmlText
	b.WriteString(declaration)
	b.start("Types", "xmlns", nsCT)
	b.WriteString("\n")
	for _, d := range [][2]string{
		{"jpeg", "image/jpeg"},
		{"png", "image/png"},
		{"rels", "application/vnd.openxmlformats-package.relationships+xml"},
		{"xml", "application/xml"},
	} {
		b.empty("Default", "Extension", d[0], "ContentType", d[1])
		b.WriteString("\n")
	}
	for _, p := range parts {
		if p.contentType != "" {
			b.empty("Override", "PartName", "/"+p.name, "ContentType", p.contentType)
			b.WriteString("\n")
		}
	}
	b.end("Types")
	b.WriteString("\n")
	return b.String()
}

// A relationship is one of a .rels part: its id, its type, its target.
type relationship struct{ id, kind, target string }

func relationshipsXML(rels []relationship) string {
	var b xmlText
	b.WriteString(declaration)
	b.start("Relationships", "xmlns", nsRel)
	b.WriteString("\n")
	for _, r := range rels {
		b.empty("Relationship", "Id", r.id, "Type", r.kind, "Target", r.target)
		b.WriteString("\n")
	}
	b.end("Relationships")
	b.WriteString("\n")
	return b.String()
}

// coreXML returns docProps/core.xml, the document's title, author and date.
func coreXML(p Properties) string {
	var b xmlText
	b.WriteString(declaration)
	b.start("cp:coreProperties",
		"xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
		"xmlns:dc", "http://purl.org/dc/elements/1.1/",
		"xmlns:dcterms", "http://purl.org/dc/terms/",
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
	b.WriteString("\n")
	if p.Title != "" {
		b.element("dc:title", p.Title)
		b.WriteString("\n")
	}
	if p.Creator != "" {
		b.element("dc:creator", p.Creator)
		b.WriteString("\n")
	}
	b.element("dc:language", "zh-CN")
	b.WriteString("\n")
	if !p.Created.IsZero() {
		at := p.Created.UTC().Format(time.RFC3339)
		b.element("dcterms:created", at, "xsi:type", "dcterms:W3CDTF")
		b.element("dcterms:modified", at, "xsi:type", "dcterms:W3CDTF")
		b.WriteString("\n")
	}
	b.end("cp:coreProperties")
	b.WriteString("\n")
	return b.String()
}

// appXML is docProps/app.xml, the application that wrote the document, without its version,
// which would change the bytes from one release to the next.
const appXML = declaration + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>dangjian</Application></Properties>` + "\n"

// settingsXML returns word/settings.xml: the tab stops two characters of the text apart, the
// punctuation of Chinese compressed, the footnotes' separators when there are footnotes, and
// the compatibility of Word 2013 and later, so that Word does not open the document in its
// compatibility mode.
func settingsXML(footnotes bool, text Size) string {
	var b xmlText
	b.WriteString(declaration)
	b.start("w:settings", "xmlns:w", nsW)
	b.empty("w:zoom", "w:percent", "100")
	b.empty("w:defaultTabStop", "w:val", itoa(int(text)*20))
	b.empty("w:characterSpacingControl", "w:val", "compressPunctuation")
	if footnotes {
		b.start("w:footnotePr")
		b.empty("w:footnote", "w:id", "-1")
		b.empty("w:footnote", "w:id", "0")
		b.end("w:footnotePr")
	}
	b.start("w:compat")
	b.empty("w:compatSetting", "w:name", "compatibilityMode", "w:uri", "http://schemas.microsoft.com/office/word", "w:val", "15")
	b.end("w:compat")
	b.empty("w:themeFontLang", "w:val", "en-US", "w:eastAsia", "zh-CN")
	b.end("w:settings")
	b.WriteString("\n")
	return b.String()
}
