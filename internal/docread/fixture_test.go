package docread

import (
	"archive/zip"
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// The fixtures are written as Word and WPS write their documents: the namespaces of Word 2016,
// a Chinese Word's style ids ("1" for heading 1, "a3" for Title), runs split mid-word.

const documentOpen = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" mc:Ignorable="w14 wp14"><w:body>`

const documentClose = `<w:sectPr w:rsidR="00A77B3E"><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr></w:body></w:document>`

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`

const packageRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`

const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/><Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image2.jpeg"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://www.wenming.cn/" TargetMode="External"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://example.com/x.png" TargetMode="External"/><Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/gone.png"/></Relationships>`

// The styles of a Chinese Word: ids "a" (正文), "1" and "2" (标题 1, 2), "a3" (标题, the
// Title), "a5" (题注); a character style "a7" (要点, bold); a style of WPS named in Chinese; a
// style based on heading 1; a loop of styles based on each other.
const stylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia"/><w:kern w:val="2"/><w:sz w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:latentStyles w:defLockedState="0"><w:lsdException w:name="heading 1" w:uiPriority="9" w:qFormat="1"/></w:latentStyles>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:link w:val="10"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="340" w:after="330" w:line="578" w:lineRule="auto"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/><w:kern w:val="44"/><w:sz w:val="44"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:pPr><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="caption"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:rPr><w:sz w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="a6"><w:name w:val="图片说明"/><w:basedOn w:val="a5"/></w:style>
<w:style w:type="character" w:styleId="a7"><w:name w:val="Strong"/><w:basedOn w:val="a0"/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="a0"><w:name w:val="Default Paragraph Font"/></w:style>
<w:style w:type="paragraph" w:styleId="30"><w:name w:val="标题 3"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="a8"><w:name w:val="我的标题"/><w:basedOn w:val="1"/></w:style>
<w:style w:type="paragraph" w:styleId="a9"><w:name w:val="Numbered Heading"/><w:basedOn w:val="1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="b1"><w:name w:val="List Bullet"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="x1"><w:name w:val="loop one"/><w:basedOn w:val="x2"/></w:style>
<w:style w:type="paragraph" w:styleId="x2"><w:name w:val="loop two"/><w:basedOn w:val="x1"/></w:style>
</w:styles>`

// Lists: 1 numbers 一、 （一） 1. (Chinese official writing's levels); 2 bullets; 3 is the
// first's definition restarted; 4 has no definition; 5 numbers ① and 1) and A.
const numberingXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings" w:hint="default"/></w:rPr></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2)"/></w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%3."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>`

const footnotesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="ab"/></w:pPr><w:r><w:rPr><w:rStyle w:val="aa"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 见《中国共产党</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>章程</w:t></w:r><w:r><w:t>》。</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>未引用的脚注。</w:t></w:r></w:p></w:footnote>
</w:footnotes>`

const endnotesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:endnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t>尾注的文字。</w:t></w:r></w:p></w:endnote>
</w:endnotes>`

const commentsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:comment w:id="0" w:author="张三" w:date="2016-06-28T10:00:00Z" w:initials="ZS"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>请核对人数</w:t></w:r></w:p></w:comment>
</w:comments>`

const coreXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title></dc:title><dc:creator>党委办公室</dc:creator><cp:lastModifiedBy>user</cp:lastModifiedBy><cp:revision>3</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">2016-06-28T01:20:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2016-06-29T08:00:00Z</dcterms:modified></cp:coreProperties>`

// pngBytes and jpegBytes begin as their formats do; the JPEG is stored under a .png name in
// one test, to be known by its bytes.
var (
	pngBytes  = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR fixture")
	jpegBytes = []byte("\xff\xd8\xff\xe0\x00\x10JFIF fixture")
)

// parts returns the parts of a document whose body holds body, every other part as Word
// writes it, each of extra replacing or adding a part (an empty one taking it away).
func parts(body string, extra map[string]string) map[string]string {
	ps := map[string]string{
		"[Content_Types].xml":          contentTypes,
		"_rels/.rels":                  packageRels,
		"docProps/core.xml":            coreXML,
		"word/_rels/document.xml.rels": documentRels,
		"word/document.xml":            documentOpen + body + documentClose,
		"word/styles.xml":              stylesXML,
		"word/numbering.xml":           numberingXML,
		"word/footnotes.xml":           footnotesXML,
		"word/endnotes.xml":            endnotesXML,
		"word/comments.xml":            commentsXML,
		"word/media/image1.png":        string(pngBytes),
		"word/media/image2.jpeg":       string(jpegBytes),
	}
	for name, data := range extra {
		if data == "" {
			delete(ps, name)
			continue
		}
		ps[name] = data
	}
	return ps
}

// zipOf returns a zip of the parts, in the order of their names.
func zipOf(t testing.TB, ps map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range slices.Sorted(maps.Keys(ps)) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(ps[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// read reads a document whose body holds body.
func read(t *testing.T, body string, extra map[string]string) *Document {
	t.Helper()
	return readBytes(t, zipOf(t, parts(body, extra)))
}

// dump writes blocks one a line, for tests to compare: H2 一、 for a heading of level 2 with
// its number, P for a paragraph (P> indented, P~ a caption), L1. and L1* for a numbered and
// a bulleted item at level 1, T for a table ([cell|cell] a row; +2 a span, ^ merged), I for a
// picture (its name, extension, alternative text and caption); in runs, **bold**, _italic_,
// [text](link) and ^[note].
func dump(blocks []Block) string {
	var lines []string
	for _, b := range blocks {
		lines = append(lines, dumpBlock(b))
	}
	return strings.Join(lines, "\n")
}

func dumpBlock(b Block) string {
	switch b := b.(type) {
	case *Heading:
		return fmt.Sprintf("H%d %s%s", b.Level, b.Label, dumpRuns(b.Runs))
	case *Paragraph:
		mark := "P"
		if b.Indented {
			mark += ">"
		}
		if b.Caption {
			mark += "~"
		}
		return mark + " " + dumpRuns(b.Runs)
	case *ListItem:
		mark := "*"
		if b.Ordered {
			mark = "."
		}
		return fmt.Sprintf("L%d%s %s%s", b.Level, mark, b.Label, dumpRuns(b.Runs))
	case *Table:
		var rows []string
		for _, row := range b.Rows {
			var cells []string
			for _, c := range row {
				s := strings.ReplaceAll(dump(c.Blocks), "\n", " / ")
				if c.Span > 1 {
					s += fmt.Sprintf(" +%d", c.Span)
				}
				if c.Merged {
					s += " ^"
				}
				cells = append(cells, s)
			}
			rows = append(rows, "["+strings.Join(cells, "|")+"]")
		}
		return "T " + strings.Join(rows, "")
	case *Image:
		s := fmt.Sprintf("I %s %s %d bytes", b.Name, b.Ext, len(b.Data))
		if b.Alt != "" {
			s += " alt " + b.Alt
		}
		if b.Caption != nil {
			s += " caption " + dumpRuns(b.Caption)
		}
		return s
	}
	return fmt.Sprintf("%T", b)
}

func dumpRuns(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		text := r.Text
		if r.Note != nil {
			kind := "^"
			if r.Note.Endnote {
				kind = "^e"
			}
			text = kind + "[" + strings.ReplaceAll(dump(r.Note.Blocks), "\n", " / ") + "]"
		}
		if r.Italic {
			text = "_" + text + "_"
		}
		if r.Bold {
			text = "**" + text + "**"
		}
		if r.Link != "" {
			text = "[" + text + "](" + r.Link + ")"
		}
		b.WriteString(text)
	}
	return b.String()
}

// same fails t when the dump got of what is not the one wanted.
func same(t *testing.T, what, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s:\n%s\nwant\n%s", what, got, want)
	}
}

// dumpUnsupported writes the unsupported things one a line: what (in English), the detail,
// the text, and the place.
func dumpUnsupported(us []Unsupported) string {
	var lines []string
	for _, u := range us {
		line := string(u.What)
		if u.Detail != "" {
			line += " {" + u.Detail + "}"
		}
		if u.Text != "" {
			line += " " + strings.ReplaceAll(u.Text, "\n", "/")
		}
		line += fmt.Sprintf(" @%s:%d %s", u.Where.Part, u.Where.Paragraph, u.Where.Near)
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
