package msg

// The messages of reading a Word document for import (package docread): why a file cannot be
// read, and the things in it that an import cannot carry, each said with its place.
var (
	// Files that are not read.
	DocOldFormat   = def(`这是旧格式的 Word（.doc）或 WPS（.wps）文件，或者设了打开密码：请在 Word 或 WPS 里打开它，“另存为” Word 文档（.docx），不设密码`, `an old Word (.doc) or WPS (.wps) file, or one with a password: open it in Word or WPS and save it as .docx (Word Document), without a password`)
	DocNotDocx     = def(`不是 Word 文档（.docx）：请在 Word 或 WPS 里打开它，“另存为” Word 文档（.docx）`, `not a Word document (.docx): open it in Word or WPS and save it as .docx (Word Document)`)
	DocNoBody      = def(`这个压缩包里没有 Word 文档的正文（word/document.xml），它不是 .docx 文件：请在 Word 或 WPS 里打开它，“另存为” Word 文档（.docx）`, `the zip holds no Word body (word/document.xml), so it is not a .docx: open it in Word or WPS and save it as .docx (Word Document)`)
	DocStrict      = def(`这是“Strict Open XML”格式的文档：请在 Word 里“另存为” Word 文档（.docx）`, `a Strict Open XML document: save it as .docx (Word Document) from Word`)
	DocPartTooBig  = def(`文档里的 %s 解压后超过 %d MB，不能导入：文档是不是损坏了？请在 Word 或 WPS 里打开它，压缩其中的图片，再“另存为” Word 文档（.docx）`, `the document's %s is larger than %d MB unpacked, too large to import: is the document damaged? open it in Word or WPS, compress its pictures and save it as .docx (Word Document) again`)
	DocMediaTooBig = def(`文档里的图片解压后一共超过 %d MB，不能导入：请在 Word 或 WPS 里压缩图片，再“另存为” Word 文档（.docx）`, `the document's pictures are larger than %d MB together unpacked, too large to import: compress them in Word or WPS and save it as .docx (Word Document) again`)
	DocDamaged     = def(`读不出文档里的 %s（%v）：文档可能已经损坏；请在 Word 或 WPS 里打开它，再“另存为” Word 文档（.docx）`, `cannot read the document's %s (%v): it may be damaged; open it in Word or WPS and save it as .docx (Word Document) again`)
	DocTooDeep     = def(`文档里的 %s 嵌套超过 %d 层（表格套表格？），不能导入：文档是不是损坏了？`, `the document's %s nests more than %d levels deep (tables in tables?), too deep to import: is the document damaged?`)

	// What an import cannot carry.
	DocTextBox        = def(`文本框`, `a text box`)
	DocComment        = def(`批注`, `a comment`)
	DocInsertion      = def(`修订：插入的文字（已保留）`, `a tracked insertion (kept)`)
	DocDeletion       = def(`修订：删除的文字（已去掉）`, `a tracked deletion (left out)`)
	DocField          = def(`域（保留了它显示的文字）`, `a field (the text it shows is kept)`)
	DocContents       = def(`目录（已去掉：网页不需要）`, `a table of contents (left out: a web page needs none)`)
	DocObject         = def(`嵌入的对象`, `an embedded object`)
	DocEmbeddedPart   = def(`嵌入的文档片段`, `an embedded part of another document`)
	DocSmartArt       = def(`SmartArt 图形`, `a SmartArt graphic`)
	DocChart          = def(`Word 里的图表`, `a chart made in Word`)
	DocDrawing        = def(`绘制的图形（形状、线条）`, `a drawing (shapes, lines)`)
	DocEquation       = def(`公式`, `an equation`)
	DocLinkedPicture  = def(`链接的图片（图片不在文档里）`, `a linked picture (not held in the document)`)
	DocMissingPicture = def(`图片（文档里找不到它的文件）`, `a picture whose file the document lacks`)
	DocSymbol         = def(`符号字体里的字符`, `a character of a symbol font`)
)
