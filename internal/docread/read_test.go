package docread

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// Pieces of body written as Word writes them.
const (
	drawingOpen  = `<w:r><w:rPr><w:noProof/></w:rPr><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="5274310" cy="3516207"/><wp:effectExtent l="0" t="0" r="2540" b="1905"/>`
	drawingClose = `</wp:inline></w:drawing></w:r>`
)

// picture is a run holding the picture of the relationship id, with alternative text alt.
func picture(id, alt string) string {
	return drawingOpen + `<wp:docPr id="1" name="图片 1" descr="` + alt + `"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="IMG_0001.JPG"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="` + id + `" cstate="print"><a:extLst><a:ext uri="{28A0092B-C50C-407E-A947-70E740481C1C}"><a14:useLocalDpi xmlns:a14="http://schemas.microsoft.com/office/drawing/2010/main" val="0"/></a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5274310" cy="3516207"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>` + drawingClose
}

// p is a paragraph of style (none when "") holding content.
func p(style, content string) string {
	pPr := ""
	if style != "" {
		pPr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p w:rsidR="00C54F5B" w:rsidRDefault="00C54F5B">` + pPr + content + `</w:p>`
}

// r is a run of text.
func r(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

// numbered is a paragraph of the list num at level lvl.
func numbered(num, lvl, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="a"/><w:numPr><w:ilvl w:val="` + lvl + `"/><w:numId w:val="` + num + `"/></w:numPr><w:ind w:firstLineChars="0"/></w:pPr>` + r(text) + `</w:p>`
}

// fieldXML is a complex field of code showing result.
func fieldXML(code, result string) string {
	return `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ` + code + ` </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + result + `<w:r><w:fldChar w:fldCharType="end"/></w:r>`
}

// TestBlocks reads each construct as Word writes it into the blocks it makes.
func TestBlocks(t *testing.T) {
	for _, tt := range blockTests {
		t.Run(tt.name, func(t *testing.T) {
			same(t, "blocks", dump(read(t, tt.body, nil).Blocks), tt.want)
		})
	}
}

// blockTests are the constructs of TestBlocks, and seeds of FuzzBody.
var blockTests = []struct {
	name, body, want string
}{
	{"runs split mid-word, bold merged across them, the noise between them left out",
		`<w:p w:rsidR="00A1" w:rsidRDefault="00A1" w:rsidP="00B2"><w:pPr><w:ind w:firstLineChars="200" w:firstLine="560"/><w:rPr><w:rFonts w:ascii="仿宋" w:eastAsia="仿宋"/></w:rPr></w:pPr><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:rPr><w:rFonts w:hint="eastAsia"/><w:b/></w:rPr><w:t>党</w:t></w:r><w:proofErr w:type="spellStart"/><w:r w:rsidR="00B2"><w:rPr><w:rFonts w:hint="eastAsia"/><w:b/><w:bCs/></w:rPr><w:t>建</w:t></w:r><w:proofErr w:type="spellEnd"/><w:bookmarkEnd w:id="0"/><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>工作</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>要</w:t></w:r><w:r><w:rPr><w:i w:val="1"/></w:rPr><w:t>点</w:t></w:r></w:p>`,
		`P **党建**工作_要点_`},
	{"bold switched off, and bold from a character style",
		p("", `<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>不粗</w:t></w:r><w:r><w:rPr><w:b w:val="false"/></w:rPr><w:t>也不粗</w:t></w:r><w:r><w:rPr><w:rStyle w:val="a7"/></w:rPr><w:t>要点</w:t></w:r><w:r><w:rPr><w:rStyle w:val="a7"/><w:b w:val="0"/></w:rPr><w:t>直接格式</w:t></w:r>`),
		`P 不粗也不粗**要点**直接格式`},
	{"full-width indent taken off and said; white space at the ends trimmed; empty paragraphs dropped",
		p("", r("　　2016年6月28日，")+r("党委召开会议。  ")) + p("", "") + p("", r("　 ")) + p("", r("不缩进")),
		"P> 2016年6月28日，党委召开会议。\nP 不缩进"},
	{"line breaks, tabs, page breaks",
		p("", r("第一行")+`<w:r><w:br/></w:r>`+r("第二行")+`<w:r><w:tab/></w:r>`+r("末")+`<w:r><w:br w:type="page"/></w:r>`),
		"P 第一行\n第二行\t末"},
	{"headings by a Chinese Word's ids, by name, by inheritance, by outline level, and the heading style's bold not emphasis",
		p("1", r("一级标题")) + p("2", r("二级标题")) + p("30", r("WPS 的标题 3")) + p("a8", r("基于标题 1")) + p("Heading4", r("未定义的样式 Heading4")) +
			`<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr>` + r("大纲级别 3") + `</w:p>` +
			`<w:p><w:pPr><w:pStyle w:val="1"/><w:outlineLvl w:val="9"/></w:pPr>` + r("正文级别") + `</w:p>` +
			p("1", `<w:r><w:rPr><w:b/></w:rPr><w:t>加粗</w:t></w:r>`),
		"H1 一级标题\nH2 二级标题\nH3 WPS 的标题 3\nH1 基于标题 1\nH4 未定义的样式 Heading4\nH3 大纲级别 3\nP 正文级别\nH1 **加粗**"},
	{"lists: Chinese levels counted, bullets, a list restarted, no numbering, a list never defined",
		numbered("1", "0", "甲") + numbered("1", "1", "乙") + numbered("1", "1", "丙") + numbered("1", "2", "丁") + numbered("1", "0", "戊") + numbered("1", "1", "己") +
			numbered("2", "0", "项") + p("b1", r("样式里的项目符号")) +
			numbered("3", "0", "重新开始") + numbered("0", "0", "不编号") + numbered("4", "0", "没有定义的列表") +
			numbered("5", "0", "圈") + numbered("5", "1", "括") + numbered("5", "2", "字母"),
		"L0. 一、甲\nL1. （一）乙\nL1. （二）丙\nL2. 一.1.丁\nL0. 二、戊\nL1. （一）己\nL0* 项\nL0* 样式里的项目符号\nL0. 一、重新开始\nP 不编号\nP 没有定义的列表\nL0. ①圈\nL1. 1)括\nL2. A.字母"},
	{"a numbered heading style: a heading with its number",
		p("a9", r("总体要求")) + p("a9", r("主要任务")),
		"H1 一、总体要求\nH1 二、主要任务"},
	{"a table: spans, vertical merges, cells of several paragraphs and a list",
		`<w:tbl><w:tblPr><w:tblStyle w:val="ac"/><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="2765"/><w:gridCol w:w="2765"/></w:tblGrid>` +
			`<w:tr w:rsidR="00C1"><w:tc><w:tcPr><w:tcW w:w="5530" w:type="dxa"/><w:gridSpan w:val="2"/></w:tcPr>` + p("", r("支部")) + `</w:tc></w:tr>` +
			`<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>` + p("", r("第一")) + `</w:tc><w:tc>` + p("", r("甲")) + p("", `<w:r><w:rPr><w:b/></w:rPr><w:t>乙</w:t></w:r>`) + `</w:tc></w:tr>` +
			`<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>` + numbered("2", "0", "丙") + `</w:tc></w:tr></w:tbl>`,
		"T [P 支部 +2][P 第一|P 甲 / P **乙**][ ^|L0* 丙]"},
	{"pictures: known by their bytes, with alternative text, a caption in the Caption style, one beginning with 图, one after a line break",
		p("", picture("rId6", "")) + p("a5", r("图 1 ")+r("主题党日活动现场")) +
			p("", picture("rId7", "合影")) + p("", r("图2：全体党员合影")) +
			p("", picture("rId6", "")+`<w:r><w:br/></w:r>`+r("图为党员志愿者在社区服务")) +
			p("", picture("rId6", "")) + p("", r("图书室的新书")),
		"I word/media/image1.png .png 24 bytes caption 图 1 主题党日活动现场\n" +
			"I word/media/image2.jpeg .jpg 18 bytes alt 合影 caption 图2：全体党员合影\n" +
			"I word/media/image1.png .png 24 bytes caption 图为党员志愿者在社区服务\n" +
			"I word/media/image1.png .png 24 bytes\nP 图书室的新书"},
	{"a caption style based on Caption, and a picture between the text of its paragraph",
		p("", r("前")+picture("rId6", "")+r("后")) + p("", picture("rId6", "")) + p("a6", r("说明")),
		"P 前\nI word/media/image1.png .png 24 bytes\nP 后\nI word/media/image1.png .png 24 bytes caption 说明"},
	{"footnotes and endnotes with their text, an unreferenced one unread",
		p("", r("依照党章")+`<w:r><w:rPr><w:rStyle w:val="ab"/></w:rPr><w:footnoteReference w:id="1"/></w:r>`+r("规定")+`<w:r><w:endnoteReference w:id="1"/></w:r>`),
		"P 依照党章^[P 见《中国共产党**章程**》。]规定^e[P 尾注的文字。]"},
	{"hyperlinks, by relationship and by field; a link to a bookmark is text",
		p("", r("见")+`<w:hyperlink r:id="rId8" w:history="1"><w:r><w:rPr><w:rStyle w:val="ad"/></w:rPr><w:t>中国文明</w:t></w:r><w:r><w:t>网</w:t></w:r></w:hyperlink>`+r("和")+
			fieldXML(`HYPERLINK "http://www.12371.cn/"`, r("共产党员网"))+`<w:hyperlink w:anchor="_Toc1"><w:r><w:t>第二节</w:t></w:r></w:hyperlink>`),
		"P 见[中国文明网](http://www.wenming.cn/)和[共产党员网](http://www.12371.cn/)第二节"},
	{"content controls, smart tags, custom XML, ruby and alternate content looked through",
		`<w:sdt><w:sdtPr><w:alias w:val="标题"/><w:tag w:val="t"/><w:id w:val="1"/></w:sdtPr><w:sdtEndPr/><w:sdtContent>` + p("", r("控件里的段落")) + `</w:sdtContent></w:sdt>` +
			p("", r("在")+`<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="chsdate"><w:smartTagPr><w:attr w:name="Year" w:val="2016"/></w:smartTagPr>`+r("2016年6月28日")+`</w:smartTag>`+
				`<w:customXml w:element="place"><w:customXmlPr/>`+r("北京")+`</w:customXml>`+
				`<w:sdt><w:sdtPr><w:date/></w:sdtPr><w:sdtContent>`+r("召开")+`</w:sdtContent></w:sdt>`+
				`<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="distributeSpace"/></w:rubyPr><w:rt><w:r><w:t>dǎng</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>党</w:t></w:r></w:rubyBase></w:ruby></w:r>`+
				`<mc:AlternateContent><mc:Choice Requires="w14">`+r("会")+`</mc:Choice><mc:Fallback>`+r("会")+`</mc:Fallback></mc:AlternateContent>`),
		"P 控件里的段落\nP 在2016年6月28日北京召开党会"},
	{"fields: page numbers dropped, a caption's number kept, a reference's text kept, a simple field's result kept",
		p("", r("第")+fieldXML("PAGE", r("3"))+r("页，共")+fieldXML("NUMPAGES", r("9"))+r("页")) +
			p("", picture("rId6", "")) + p("a5", r("图 ")+fieldXML(`SEQ 图 \* ARABIC`, r("1"))+r(" 活动")) +
			p("", r("见")+fieldXML(`REF _Ref123 \h`, r("表1"))+`<w:fldSimple w:instr=" DATE \@ &quot;yyyy年M月d日&quot; "><w:r><w:t>2016年6月28日</w:t></w:r></w:fldSimple>`),
		"P 第页，共页\nI word/media/image1.png .png 24 bytes caption 图 1 活动\nP 见表12016年6月28日"},
	{"a table of contents left out",
		`<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>` +
			`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-3" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:hyperlink w:anchor="_Toc1"><w:r><w:t>一、总体要求</w:t></w:r><w:r><w:tab/></w:r>` + fieldXML(`PAGEREF _Toc1 \h`, r("1")) + `</w:hyperlink></w:p>` +
			`<w:p><w:r><w:t>二、主要任务</w:t></w:r></w:p><w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:sdtContent></w:sdt>` + p("1", r("一、总体要求")),
		"H1 一、总体要求"},
	{"a field whose code a damaged document never ends hides only its own paragraph",
		p("", r("前")+`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>MERGEFIELD 姓名</w:instrText></w:r>`+r("隐")) + p("", r("后")),
		"P 前\nP 后"},
	{"tracked changes: insertions kept, deletions left out",
		p("", r("参加")+`<w:del w:id="1" w:author="张三" w:date="2016-06-28T10:00:00Z"><w:r><w:delText>30</w:delText></w:r></w:del><w:ins w:id="2" w:author="张三"><w:r><w:t>32</w:t></w:r></w:ins>`+r("人")),
		"P 参加32人"},
}

// TestTitleAndDate: the Title style's text is the document's title, not a block; the date
// is the core properties' dcterms:created.
func TestTitleAndDate(t *testing.T) {
	doc := read(t, p("a3", r("公司党委")+`<w:r><w:rPr><w:b/></w:rPr><w:t>召开</w:t></w:r>`+r("专题会议"))+p("", r("正文")), nil)
	if doc.Title != "公司党委召开专题会议" {
		t.Errorf("title %q", doc.Title)
	}
	if got := dump(doc.Blocks); got != "P 正文" {
		t.Errorf("blocks %q", got)
	}
	if want := time.Date(2016, 6, 28, 1, 20, 0, 0, time.UTC); !doc.Created.Equal(want) {
		t.Errorf("created %v, want %v", doc.Created, want)
	}
	bare := read(t, p("", r("正文")), map[string]string{"docProps/core.xml": "", "word/styles.xml": ""})
	if bare.Title != "" || !bare.Created.IsZero() {
		t.Errorf("a document without title or date: %q, %v", bare.Title, bare.Created)
	}
}

// TestUnsupported: what the model cannot hold is reported with its text and its place, the
// paragraph counted in its part and the text near it.
func TestUnsupported(t *testing.T) {
	textBox := `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:docPr id="2" name="文本框 2"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:txbx><w:txbxContent>` +
		p("", r("文本框里的")+r("话")) + p("", r("第二段")) + `</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id="文本框 2" type="#_x0000_t202"><v:textbox><w:txbxContent>` + p("", r("文本框里的话")) + `</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
	smartArt := drawingOpen + `<wp:docPr id="3" name="图示 3"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram"><dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" r:dm="rId20" r:lo="rId21" r:qs="rId22" r:cs="rId23"/></a:graphicData></a:graphic>` + drawingClose
	chart := drawingOpen + `<wp:docPr id="4" name="图表 4"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId24"/></a:graphicData></a:graphic>` + drawingClose
	object := `<w:r><w:object w:dxaOrig="1520" w:dyaOrig="960"><v:shape id="_x0000_i1025" type="#_x0000_t75" style="width:76pt;height:48pt" o:ole=""><v:imagedata r:id="rId6" o:title=""/></v:shape><o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="_x0000_i1025" DrawAspect="Icon" ObjectID="_1530000000" r:id="rId25"/></w:object></w:r>`
	line := `<w:r><w:pict><v:line id="_x0000_s1026" from="0,0" to="100pt,0"/></w:pict></w:r>`
	linked := drawingOpen + `<wp:docPr id="5" name="图片 5"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:link="rId9"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>` + drawingClose
	body := p("", r("第一段")) +
		p("", r("有批注的")+`<w:commentRangeStart w:id="0"/>`+r("人数")+`<w:commentRangeEnd w:id="0"/><w:r><w:rPr><w:rStyle w:val="ae"/></w:rPr><w:commentReference w:id="0"/></w:r>`) +
		p("", textBox+r("文本框旁")) +
		p("", r("参加")+`<w:del w:id="1" w:author="张三"><w:r><w:delText>30</w:delText></w:r></w:del><w:ins w:id="2" w:author="张三"><w:r><w:t>32</w:t></w:r></w:ins>`+r("人")) +
		p("", smartArt) + p("", chart) + p("", object) + p("", line) + p("", linked) + p("", picture("rId10", "")) + p("", picture("rId99", "")) +
		p("", r("见")+fieldXML(`REF _Ref123 \h`, r("表1"))) +
		`<w:tbl><w:tr><w:tc>` + p("", r("表里")+`<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>`) + `</w:tc></w:tr></w:tbl>` +
		p("", r("面积")+`<m:oMath><m:r><m:t>S=πr</m:t></m:r><m:sSup><m:e/><m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup></m:oMath>`) +
		`<w:altChunk r:id="rId26"/>` +
		p("", fieldXML(`TOC \o "1-3"`, ""))
	doc := read(t, body, nil)
	want := strings.Join([]string{
		"a comment 请核对人数 @word/document.xml:2 有批注的人数",
		"a text box 文本框里的话/第二段 @word/document.xml:3 文本框旁",
		"a tracked deletion (left out) 30 @word/document.xml:4 参加32人",
		"a tracked insertion (kept) 32 @word/document.xml:4 参加32人",
		"a SmartArt graphic @word/document.xml:5 参加32人",
		"a chart made in Word @word/document.xml:6 参加32人",
		"an embedded object {Excel.Sheet.12} @word/document.xml:7 参加32人",
		"a drawing (shapes, lines) @word/document.xml:8 参加32人",
		"a linked picture (not held in the document) @word/document.xml:9 参加32人",
		"a picture whose file the document lacks {word/media/gone.png} @word/document.xml:10 参加32人",
		"a picture whose file the document lacks @word/document.xml:11 参加32人",
		"a field (the text it shows is kept) {REF _Ref123 \\h} @word/document.xml:12 见表1",
		"a character of a symbol font {Wingdings} @word/document.xml:13 表里",
		"an equation S=πr2 @word/document.xml:14 面积",
		"an embedded part of another document @word/document.xml:14 面积",
		"a table of contents (left out: a web page needs none) {TOC \\o \"1-3\"} @word/document.xml:15 面积",
	}, "\n")
	same(t, "unsupported", dumpUnsupported(doc.Unsupported), want)
	same(t, "blocks", dump(doc.Blocks), "P 第一段\nP 有批注的人数\nP 文本框旁\nP 参加32人\nP 见表1\nT [P 表里]\nP 面积")
}

// TestUnsupportedInNotes: a thing in a footnote is placed in the footnotes' part.
func TestUnsupportedInNotes(t *testing.T) {
	notes := strings.Replace(footnotesXML, `<w:t>》。</w:t></w:r>`, `<w:t>》。</w:t></w:r><w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r>`, 1)
	doc := read(t, p("", r("正文")+`<w:r><w:footnoteReference w:id="1"/></w:r>`), map[string]string{"word/footnotes.xml": notes})
	if got, want := dumpUnsupported(doc.Unsupported), "a character of a symbol font {Symbol} @word/footnotes.xml:1 见《中国共产党章程》。"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

// TestPictureOnce: a picture shown twice is read once, its bytes shared.
func TestPictureOnce(t *testing.T) {
	doc := read(t, p("", picture("rId6", ""))+p("", picture("rId6", "")), nil)
	a, b := doc.Blocks[0].(*Image), doc.Blocks[1].(*Image)
	if &a.Data[0] != &b.Data[0] || !bytes.Equal(a.Data, pngBytes) {
		t.Error("the picture shown twice was read twice, or wrongly")
	}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		n      int
		format string
		want   string
	}{
		{1, "chineseCounting", "一"}, {10, "chineseCounting", "十"}, {11, "chineseCounting", "十一"},
		{20, "chineseCountingThousand", "二十"}, {105, "chineseCounting", "一百零五"}, {110, "chineseCounting", "一百一十"},
		{1001, "chineseCounting", "一千零一"}, {12, "chineseLegalSimplified", "拾贰"}, {3, "ideographTraditional", "丙"},
		{11, "ideographTraditional", "甲"}, {2, "ideographZodiac", "丑"}, {21, "decimalEnclosedCircle", "21"},
		{3, "decimalEnclosedParen", "⑶"}, {12, "decimalFullWidth", "１２"}, {7, "decimalZero", "07"},
		{28, "lowerLetter", "bb"}, {1994, "upperRoman", "MCMXCIV"}, {4, "lowerRoman", "iv"}, {5, "unknownFormat", "5"},
		{0, "chineseCounting", "0"},
	}
	for _, tt := range tests {
		if got := number(tt.n, tt.format); got != tt.want {
			t.Errorf("number(%d, %s) = %q, want %q", tt.n, tt.format, got, tt.want)
		}
	}
}

func TestExtension(t *testing.T) {
	emf := append(make([]byte, 40), " EMF"...)
	tests := []struct {
		data []byte
		name string
		want string
	}{
		{pngBytes, "word/media/image1.jpeg", ".png"},
		{jpegBytes, "word/media/image1.png", ".jpg"},
		{[]byte("GIF89a..."), "x", ".gif"},
		{[]byte("RIFF\x00\x00\x00\x00WEBPVP8 "), "x", ".webp"},
		{emf, "word/media/image3.emf", ".emf"},
		{[]byte("\xd7\xcd\xc6\x9a\x00\x00"), "x.bin", ".wmf"},
		{[]byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`), "x", ".svg"},
		{[]byte("??"), "word/media/image9.TIFF", ".tiff"},
	}
	for _, tt := range tests {
		if got := extension(tt.data, tt.name); got != tt.want {
			t.Errorf("extension of %q (%s) = %q, want %q", tt.data[:min(8, len(tt.data))], tt.name, got, tt.want)
		}
	}
}
