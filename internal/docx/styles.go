package docx

// Size is a font's size in half-points, WordprocessingML's unit of type.
type Size int

// Points returns pt as a Size.
func Points(pt float64) Size { return Size(pt*2 + 0.5) }

// chineseSizes are the named sizes of Chinese type (字号) in half-points.
var chineseSizes = map[string]Size{
	"初号": 84, "小初": 72, "一号": 52, "小一": 48, "二号": 44, "小二": 36, "三号": 32, "小三": 30,
	"四号": 28, "小四": 24, "五号": 21, "小五": 18, "六号": 15, "小六": 13, "七号": 11, "八号": 10,
}

// ChineseSize returns the Size a Chinese size name says, 三号 16 points, and whether it is one.
func ChineseSize(name string) (Size, bool) {
	s, ok := chineseSizes[name]
	return s, ok
}

// A Font is the type of a kind of paragraph: its Chinese font, the font to take where that
// one is not installed, its size, and whether it is bold.
type Font struct {
	Name     string // 仿宋_GB2312
	Fallback string // 仿宋: written in the font table as the font's other name
	Size     Size
	Bold     bool
}

// Styles are the fonts of the kinds of paragraph, the font of Latin letters and digits, and
// the exact spacing of lines. The zero value of a field is the default's; a Font with no Name
// is the default's Font, one with no Size the default's size.
type Styles struct {
	Latin       string
	LineSpacing Twips
	Title       Font
	Heading1    Font
	Heading2    Font
	Heading3    Font
	Body        Font // also of Plain paragraphs, lists and tables
	Caption     Font
	Quote       Font
}

// DefaultStyles are those of Chinese official writing (GB/T 9704-2012 and common practice):
// the title in 方正小标宋简体 二号, headings in 黑体, 楷体 and bold 仿宋 三号, the text in
// 仿宋_GB2312 三号, lines 28 points apart, Latin letters in Times New Roman.
var DefaultStyles = Styles{
	Latin:       "Times New Roman",
	LineSpacing: 28 * 20,
	Title:       Font{Name: "方正小标宋简体", Fallback: "黑体", Size: chineseSizes["二号"]},
	Heading1:    Font{Name: "黑体", Size: chineseSizes["三号"]},
	Heading2:    Font{Name: "楷体_GB2312", Fallback: "楷体", Size: chineseSizes["三号"]},
	Heading3:    Font{Name: "仿宋_GB2312", Fallback: "仿宋", Size: chineseSizes["三号"], Bold: true},
	Body:        Font{Name: "仿宋_GB2312", Fallback: "仿宋", Size: chineseSizes["三号"]},
	Caption:     Font{Name: "楷体_GB2312", Fallback: "楷体", Size: chineseSizes["四号"]},
	Quote:       Font{Name: "楷体_GB2312", Fallback: "楷体", Size: chineseSizes["三号"]},
}

// filled returns s with its zero fields the default's.
func (s Styles) filled() Styles {
	d := DefaultStyles
	if s.Latin == "" {
		s.Latin = d.Latin
	}
	if s.LineSpacing == 0 {
		s.LineSpacing = d.LineSpacing
	}
	for _, f := range []struct{ font, def *Font }{
		{&s.Title, &d.Title}, {&s.Heading1, &d.Heading1}, {&s.Heading2, &d.Heading2},
		{&s.Heading3, &d.Heading3}, {&s.Body, &d.Body}, {&s.Caption, &d.Caption}, {&s.Quote, &d.Quote},
	} {
		if f.font.Name == "" {
			*f.font = *f.def
		}
		if f.font.Size == 0 {
			f.font.Size = f.def.Size
		}
	}
	return s
}

// The ids of the styles in styles.xml; Plain paragraphs take Normal, the default.
var styleIDs = map[Style]string{
	Body: "BodyText", Title: "Title", Heading1: "Heading1", Heading2: "Heading2",
	Heading3: "Heading3", Caption: "Caption", Plain: "Normal", Quote: "Quote",
}

// footnoteSize is the size of a footnote's text, 小四.
const footnoteSize Size = 24

// styles returns word/styles.xml. The names of the built-in styles are Word's own (heading 1,
// caption), so that Word and LibreOffice take them for their built-in styles: headings make
// the outline and a table of contents.
func stylesXML(s Styles) string {
	var b xmlText
	b.WriteString(declaration)
	b.start("w:styles", "xmlns:w", nsW)
	b.WriteString("\n")
	b.start("w:docDefaults")
	b.start("w:rPrDefault")
	b.start("w:rPr")
	fonts(&b, s.Latin, s.Body.Name)
	b.empty("w:kern", "w:val", "2")
	size(&b, s.Body.Size)
	b.empty("w:lang", "w:val", "en-US", "w:eastAsia", "zh-CN", "w:bidi", "ar-SA")
	b.end("w:rPr")
	b.end("w:rPrDefault")
	b.start("w:pPrDefault")
	b.start("w:pPr")
	b.empty("w:jc", "w:val", "both")
	b.end("w:pPr")
	b.end("w:pPrDefault")
	b.end("w:docDefaults")
	b.WriteString("\n")

	type style struct {
		id, name, basedOn, next string
		outline                 int // the heading's level, 0 for none
		indent, center, inset   bool
		font                    Font
	}
	line := itoa(s.LineSpacing)
	for _, st := range []style{
		{id: "Normal", name: "Normal", font: s.Body},
		{id: "BodyText", name: "Body Text", basedOn: "Normal", indent: true, font: s.Body},
		{id: "Title", name: "Title", basedOn: "Normal", next: "BodyText", center: true, font: s.Title},
		{id: "Heading1", name: "heading 1", basedOn: "Normal", next: "BodyText", outline: 1, indent: true, font: s.Heading1},
		{id: "Heading2", name: "heading 2", basedOn: "Normal", next: "BodyText", outline: 2, indent: true, font: s.Heading2},
		{id: "Heading3", name: "heading 3", basedOn: "Normal", next: "BodyText", outline: 3, indent: true, font: s.Heading3},
		{id: "Caption", name: "caption", basedOn: "Normal", next: "BodyText", center: true, font: s.Caption},
		{id: "Quote", name: "Quote", basedOn: "Normal", next: "BodyText", indent: true, inset: true, font: s.Quote},
	} {
		attrs := []string{"w:type", "paragraph", "w:styleId", st.id}
		if st.id == "Normal" {
			attrs = append(attrs, "w:default", "1")
		}
		b.start("w:style", attrs...)
		b.empty("w:name", "w:val", st.name)
		if st.basedOn != "" {
			b.empty("w:basedOn", "w:val", st.basedOn)
		}
		if st.next != "" {
			b.empty("w:next", "w:val", st.next)
		}
		b.empty("w:qFormat")
		b.start("w:pPr")
		if st.outline > 0 || st.id == "Title" {
			b.empty("w:keepNext")
		}
		switch st.id {
		case "Normal":
			b.empty("w:spacing", "w:line", line, "w:lineRule", "exact")
		case "Title":
			// The title stands apart from the text by a line.
			b.empty("w:spacing", "w:after", line, "w:line", itoa(max(s.LineSpacing, Twips(st.font.Size)*12)), "w:lineRule", "atLeast")
		}
		switch {
		case st.inset:
			// A quotation stands two characters in on both sides, its first line two more.
			chars := itoa(int(st.font.Size) * 20)
			b.empty("w:ind", "w:leftChars", "200", "w:left", chars, "w:rightChars", "200", "w:right", chars, "w:firstLineChars", "200", "w:firstLine", chars)
		case st.indent:
			// Two characters: firstLineChars for Word and LibreOffice, firstLine in twips
			// (a half-point is ten twips) for a reader that only knows that.
			b.empty("w:ind", "w:firstLineChars", "200", "w:firstLine", itoa(int(st.font.Size)*20))
		}
		if st.center {
			b.empty("w:jc", "w:val", "center")
		}
		if st.outline > 0 {
			b.empty("w:outlineLvl", "w:val", itoa(st.outline-1))
		}
		b.end("w:pPr")
		b.start("w:rPr")
		fonts(&b, s.Latin, st.font.Name)
		if st.font.Bold {
			b.empty("w:b")
			b.empty("w:bCs")
		}
		size(&b, st.font.Size)
		b.end("w:rPr")
		b.end("w:style")
		b.WriteString("\n")
	}

	b.start("w:style", "w:type", "paragraph", "w:styleId", "FootnoteText")
	b.empty("w:name", "w:val", "footnote text")
	b.empty("w:basedOn", "w:val", "Normal")
	b.start("w:pPr")
	b.empty("w:spacing", "w:line", "240", "w:lineRule", "auto")
	b.end("w:pPr")
	b.start("w:rPr")
	size(&b, footnoteSize)
	b.end("w:rPr")
	b.end("w:style")
	b.WriteString("\n")
	b.start("w:style", "w:type", "character", "w:styleId", "FootnoteReference")
	b.empty("w:name", "w:val", "footnote reference")
	b.start("w:rPr")
	b.empty("w:vertAlign", "w:val", "superscript")
	b.end("w:rPr")
	b.end("w:style")
	b.WriteString("\n")
	b.end("w:styles")
	b.WriteString("\n")
	return b.String()
}

// fonts writes the rFonts of Latin and Chinese text: the hint says that the characters both
// could draw, such as “”, are Chinese.
func fonts(b *xmlText, latin, chinese string) {
	b.empty("w:rFonts", "w:ascii", latin, "w:eastAsia", chinese, "w:hAnsi", latin, "w:cs", latin, "w:hint", "eastAsia")
}

// size writes the size of a run, of its Latin and its complex-script text.
func size(b *xmlText, s Size) {
	b.empty("w:sz", "w:val", itoa(s))
	b.empty("w:szCs", "w:val", itoa(s))
}

// fontTableXML returns word/fontTable.xml: each font of s, the Chinese ones with their
// fallback as their other name (w:altName), which Word and LibreOffice look for when the
// font is not installed.
func fontTableXML(s Styles) string {
	var b xmlText
	b.WriteString(declaration)
	b.start("w:fonts", "xmlns:w", nsW)
	b.WriteString("\n")
	b.start("w:font", "w:name", s.Latin)
	b.empty("w:charset", "w:val", "00")
	b.empty("w:family", "w:val", "roman")
	b.empty("w:pitch", "w:val", "variable")
	b.end("w:font")
	b.WriteString("\n")
	seen := map[string]bool{s.Latin: true}
	for _, f := range []Font{s.Title, s.Heading1, s.Heading2, s.Heading3, s.Body, s.Caption, s.Quote} {
		if seen[f.Name] {
			continue
		}
		seen[f.Name] = true
		b.start("w:font", "w:name", f.Name)
		if f.Fallback != "" {
			b.empty("w:altName", "w:val", f.Fallback)
		}
		b.empty("w:charset", "w:val", "86") // GB2312
		b.empty("w:family", "w:val", "auto")
		b.empty("w:pitch", "w:val", "variable")
		b.end("w:font")
		b.WriteString("\n")
	}
	b.end("w:fonts")
	b.WriteString("\n")
	return b.String()
}
