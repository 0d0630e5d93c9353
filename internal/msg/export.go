package msg

// The messages of export (package articles): the pages chosen, the bundle made of each, and
// what a publicity editor wants to know before sending it.
var (
	// Choosing the pages.
	NotAPage         = def(`这是栏目的介绍，不是文章：它没有日期，不导出`, `the introduction of a list, not a page: it has no date and is not exported`)
	NotPublishedPage = def(`这篇网页没有发布（是草稿吗？）：要导出草稿，请加 --drafts`, `not a published page (is it a draft?)`)
	NoSuchPage       = def(`网站里没有这篇网页：请写 content/ 下网页的文件或网页的网址`, `no such page in the site; name a page's file under content/ or its URL`)
	NoSuchPageNear   = def(`网站里没有这篇网页：请写 content/ 下网页的文件或网页的网址；是不是 %s？`, `no such page in the site; name a page's file under content/ or its URL; did you mean %s?`)
	BeforeSince      = def(`写了要导出它，但它的日期 %s 早于 --since %s：请去掉 --since，或者写更早的日期`, `named for export, but dated %s, before --since %s`)
	NothingToExport  = def(`没有可导出的网页：没有网页写了 export: true；请在网页的页头里写上 export: true，或者在命令后面写出要导出的网页`, `nothing to export: no page has export: true; mark pages with export: true or name them on the command line`)
	NothingSince     = def(`没有可导出的网页：没有网页写了 export: true 而且日期在 %s 或之后；请在网页的页头里写上 export: true，或者在命令后面写出要导出的网页`, `nothing to export: no page has export: true and a date on or after %s; mark pages with export: true or name them on the command line`)
	SameExportFolder = def(`导出到文件夹 %s，和 %s 相同：请给其中一篇换一个 slug`, `exports to the folder %s, as %s does: give one of them another slug`)

	// Making the bundle.
	MetaFailed        = def(`meta.json：%v`, `meta.json: %v`)
	SimplifyFailed    = def(`转换为简体字时出错：%v`, `converting to simplified characters: %v`)
	NoOrganisation    = def(`site.yaml 没有写 organisation：meta.json 里没有来源；请在 site.yaml 里写上 organisation: 和单位名称`, `organisation is not set: meta.json gives no source (来源)`)
	NoBaseURL         = def(`site.yaml 没有写 base_url：meta.json 里每篇网页的网址只从网站根目录写起；请在 site.yaml 里写上 base_url: 和网站的完整网址`, `base_url is not set: meta.json gives each page's URL from the site's root only`)
	ChartsFailed      = def(`图表：%v`, `charts: %v`)
	CannotWriteHTML   = def(`无法写出文章：%v`, `cannot write the article: %v`)
	CannotReadHTML    = def(`无法读取网页的 HTML：%v`, `cannot read the page's HTML: %v`)
	ImageNotInSite    = def(`图片 %q 不是网站里的文件：不导出它`, `image %q is not a file of the site: it is left out`)
	ImageMissing      = def(`图片 %q：网站里没有这个文件`, `image %q: no such file in the site`)
	ImageFailed       = def(`图片 %q：%v`, `image %q: %v`)
	NotImage          = def(`不是 JPEG、PNG 或 GIF 图片`, `not a JPEG, PNG or GIF image`)
	BrokenImage       = def(`图片文件不完整或已损坏（JPEG 的段或 PNG 的块对不上）：请重新保存或重新拷贝这张图片`, `the picture's file is cut short or damaged (its JPEG segments or PNG chunks do not hold together): save or copy it again`)
	DocxFailed        = def(`无法写出 Word 文档：%v`, `cannot write the Word document: %v`)
	ChartScript       = def(`图表 %q：它的 SVG 图片可能运行脚本：%v`, `chart %q: its SVG image could run a script: %v`)
	SVGNotXML         = def(`它不是格式正确的 XML（%v），无法判断`, `it is not well-formed XML (%v), so it cannot be judged`)
	SVGDoctype        = def(`它有 DOCTYPE 或其他声明`, `it has a DOCTYPE or other declaration`)
	SVGProcInst       = def(`它有处理指令 <?%s?>`, `it has the processing instruction <?%s?>`)
	SVGElement        = def(`它有 <%s> 元素`, `it has a <%s> element`)
	SVGEventAttribute = def(`<%s> 有事件属性 %s`, `<%s> has the event attribute %s`)
	SVGScriptURL      = def(`<%s> 的 %s 里有脚本网址`, `<%s> has a script URL in %s`)
	SVGAnimatesLink   = def(`<%s> 会改变链接`, `<%s> animates a link`)

	// What to mend before sending: the civilization websites' rules for submissions.
	TitleTooLong      = def(`标题有 %d 个字，超过了 site.yaml 的 export.title_max 规定的 %d 个：请缩短标题`, `title has %d characters, more than the %d of site.yaml's export.title_max: shorten it`)
	TitleTooShort     = def(`标题只有 %d 个字，少于 site.yaml 的 export.title_min 规定的 %d 个：请把标题写完整，写出单位和做了什么`, `title has %d characters, fewer than the %d of site.yaml's export.title_min: write a fuller title, naming who did what`)
	TitlePause        = def(`标题里有 %s：文明网的来稿规范不许标题用逗号、句号、分号；请改用全角空格 "　" 隔开，或者改写标题`, `title has %s: the civilization websites' rules allow no comma, full stop or semicolon in a title; part it with a full-width space "　" or reword it`)
	HalfWidthTitle    = def(`标题里有半角标点 %s`, `title has half-width punctuation %s`)
	FullWidthInTitle  = def(`标题里有全角的字母或数字 %s：文明网要求标题里的字母和数字用半角`, `title has full-width letters or digits %s: the civilization websites want them half-width in a title`)
	TitleMark         = def(`%q（请用 %s）`, `%q (use %s)`)
	LocalWord         = def(`%q 是从内部说的，文明网的读者不知道指的是谁、是哪里：%s`, `%q speaks from inside: readers of the civilization website cannot tell who or where; %s`)
	LocalWordIn       = def(`%s：%q 是从内部说的，文明网的读者不知道指的是谁、是哪里：%s`, `%s: %q speaks from inside: readers of the civilization website cannot tell who or where; %s`)
	WriteOrganisation = def(`请写单位的名称 %q`, `write the name, %q`)
	WriteTheName      = def(`请写出单位的名称（也可以写在 site.yaml 的 organisation 里）`, `write the name (site.yaml's organisation can hold it)`)
	WritePlaceName    = def(`请写出地方的全称，如 "白银市"、"靖远县"`, `write the place's full name, such as "白银市" or "靖远县"`)
	NoCaption         = def(`图片 %q（导出为 %s）没有说明文字：文明网要求图片配说明；请在方括号里写上图片上是什么，如 ![2016年7月15日，道德讲堂现场](…)`, `picture %q (exported as %s) has no caption: the civilization websites want each picture captioned; write what it shows between the brackets, such as ![2016年7月15日，道德讲堂现场](…)`)
	TooOld            = def(`日期是 %[1]s，到导出的这天 %[3]s 已经过了 %[2]d 天：文明网只收 %[4]d 天内的消息（site.yaml 的 export.max_age_days）；请尽快投稿，或先问文明网的编辑还收不收；如果日期写错了，请改正 date`, `dated %s, %d days before the export on %s: the civilization websites take news within %d days of the event (site.yaml's export.max_age_days); send it at once or ask the website's editors first; if the date is wrong, correct date`)
)
