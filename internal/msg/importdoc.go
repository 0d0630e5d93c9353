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

// The command import (package importdoc): its usage, and what it says it did.
var (
	UsageImport  = def(`用法：dangjian import 文档.docx [--kind 类别] [--date 日期] [-s 网站文件夹]`, `usage: dangjian import FILE.docx [--kind KIND] [--date DATE] [-s SRC]`)
	ImportStatus = def("退出状态：0 导入了；1 读不了文档或写不了网页，或者新网页检查出了错误；\n2 用法不对，或者文档里没有日期又没给 --date。", "exit status: 0 imported; 1 the document could not be read or the page written, or check\nfound errors in the new page; 2 wrong usage, or no date in the document and no --date.")
	AboutImport  = def(`把 Word 文档（.docx）导入成一篇新网页（草稿）`, `make a draft page of a Word document (.docx)`)
	FlagKind     = def("网页的`类别`（默认：按标题猜）", "the page's `KIND` (default: guessed from the title)")
	FlagDocDate  = def("网页的`日期`：如 2016-09-20（默认：文档开头或结尾几段里写的日期）", "the page's `DATE`: 2016-09-20 (default: the date written in the document's first or last paragraphs)")
	WantDocument = def(`要写一个 Word 文档（.docx）的文件名，如 import 报告.docx`, `want one Word document (.docx) to import`)
	ImportNoDate = def(`文档开头和结尾几段里没有写日期（如 2016年6月28日）：请用 --date 写上网页的日期，如 --date 2016-06-28`, `the document's first and last paragraphs give no date written in full (year, month and day): give the page's date with --date, e.g. --date 2016-06-28`)

	ImportFile        = def(`%s：%v`, `%s: %v`)
	ImportRead        = def(`读了 %s：标题 %q`, `read %s: title %q`)
	ImportKindGuessed = def(`类别：%s（按标题猜的；不对时请用 --kind 指定：%s）`, `kind: %s (guessed from the title; give --kind to choose another: %s)`)
	ImportDateFound   = def(`日期：%s（文档里写的 %q；不对时请用 --date 指定）`, `date: %s (written %q in the document; give --date to choose another)`)
	ImportWrote       = def(`新建了草稿 %s：请对照 Word 文档看一遍，填好页头；写好后改成 draft: false，再运行 dangjian check`, `wrote %s as a draft: read it beside the Word document and fill in its front matter; set draft: false when it is ready, then run dangjian check`)
	ImportPictures    = defPlural(`%d 张图片放在网页的文件夹 %s 里：`, `1 picture, in the page's folder %[2]s:`, `%d pictures, in the page's folder %s:`)
	ImportItem        = def(`  %s：%s`, `  %s: %s`)
	ImportPicture     = def(`  %s（图注：%s）`, `  %s (caption: %s)`)
	ImportNoCaption   = def(`  %s（没有图注：请在方括号里写上图片上是什么）`, `  %s (no caption: write what it shows in the brackets)`)
	ImportFixed       = defPlural(`像 check --fix 那样改正了文字里的 %d 处问题`, `repaired 1 slip in the text, as check --fix does`, `repaired %d slips in the text, as check --fix does`)
	ImportLeftOut     = def(`这些没能带到网页里，请对照 Word 文档处理：`, `what the page could not carry (see to it in the Word document):`)
	ImportLeftDetail  = def(`%s（%s）`, `%s (%s)`)
	ImportLeftText    = def(`%s：%q`, `%s: %q`)
	ImportPictureKind = def(`  图片 %s：网页显示不了这种图片（%s）；请在 Word 里把它另存为 PNG 图片，放进网页的文件夹`, `  the picture %s: a web page cannot show a picture of this kind (%s); save it from Word as a PNG picture into the page's folder`)
	ImportCheckClean  = def(`检查了新网页：没有问题`, `checked the new page: no problems`)
	ImportChecked     = def(`检查了新网页：%s，%s`, `checked the new page: %s, %s`)

	// Where in the document a thing is.
	DocParagraph     = def(`%s第 %d 段`, `%s, paragraph %d`)
	DocParagraphNear = def(`%s第 %d 段（%q 附近）`, `%s, paragraph %d (near %q)`)
	DocBody          = def(`正文`, `the body`)
	DocFootnotes     = def(`脚注`, `the footnotes`)
	DocEndnotes      = def(`尾注`, `the endnotes`)
	DocComments      = def(`批注`, `the comments`)
)
