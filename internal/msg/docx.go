package msg

// The messages of the Word documents that export writes (package docx): a picture it cannot
// hold, and what its check of a document's structure finds.
var (
	DocxNotPicture = def(`第 %d 张图片（%q）不是 PNG 或 JPEG 图片（%v）：Word 文档里只能放这两种`, `picture %d (%q) is not a PNG or JPEG image (%v): a Word document holds only these`)

	DocxNotZip         = def(`不是 Word 文档（.docx）：它不是 zip 文件（%v）`, `not a Word document (.docx): not a zip archive (%v)`)
	DocxNotXML         = def(`%s 不是格式正确的 XML（%v）`, `%s is not well-formed XML (%v)`)
	DocxNoPart         = def(`文档里没有 %s`, `the document has no %s`)
	DocxNoContentType  = def(`%s 没有内容类型：[Content_Types].xml 里既没有它的 Override，也没有扩展名 %q 的 Default`, `%s has no content type: [Content_Types].xml has no Override for it and no Default for the extension %q`)
	DocxMissingTarget  = def(`%s 的关系 %s 指向 %s，文档里没有这个文件`, `%s: the relationship %s points to %s, which is not in the document`)
	DocxNoRelationship = def(`%s 用了关系 %s，%s 里没有它`, `%s refers to the relationship %s, which %s does not hold`)
	DocxSamePictureID  = def(`%s：图片编号 %s（wp:docPr id）用了不止一次`, `%s: the picture id %s (wp:docPr id) is used more than once`)
	DocxNoMainDocument = def(`_rels/.rels 里没有指向文档正文的关系（officeDocument）`, `_rels/.rels has no relationship to the main document (officeDocument)`)
)
