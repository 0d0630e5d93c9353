package msg

// The messages of reading a site's source: the bytes of its files (package textfile), their
// YAML and the slips of a Chinese keyboard in it (yamlnode), front matter (frontmatter),
// site.yaml (config), the values pages give (validate), the metrics (metric), the files under
// content/ and static/ (source, media) and the git history (lastmod).

// The bytes of a text file.
var (
	InvalidUTF8  = def(`文件不是 UTF-8 编码：请把文件另存为 UTF-8`, `invalid UTF-8: save the file as UTF-8`)
	NulByte      = def(`这里有一个空字符 NUL（U+0000），常是从别的程序复制时出错留下的：请删掉它`, `a NUL byte (U+0000), often left by a broken copy from another program: delete it`)
	NulBytesMore = def(`这里有一个空字符 NUL（U+0000），常是从别的程序复制时出错留下的：请删掉它（文件里还有 %d 个）`, `a NUL byte (U+0000), often left by a broken copy from another program: delete it (the file holds %d more)`)
)

// YAML that cannot be read, or that stands for too much.
var (
	InvalidYAML      = def(`YAML 写法有误，读不出来（%s）：请检查这一行和它附近的冒号、括号、引号和缩进，它们都要用半角`, `invalid YAML: %s`)
	TooManyAliases   = def(`别名太多：*%s 连同前面的内容展开后超过 %d 个值（列表的别名再被别名引用，个数会成倍增长）；请把值直接写出来`, `too many aliases: *%s expands too far, to more than %d values with those before it (an alias of a list of aliases multiplies them); write the values out instead`)
	DocumentTooLarge = def(`内容太多，或别名套得太深`, `document too large or too deeply aliased`)
)

// A value of the wrong type, and what a key wants: the phrases are arguments of WantGot.
var (
	WantGot         = def(`%s：应为%s，实为%s`, `%s: want %s, got %s`)
	WantTrueOrFalse = def(`%s：应为 true 或 false，实为 %q`, `%s: want true or false, got %q`)
	WantWhole       = def(`%s：应为整数，实为 %q`, `%s: want a whole number, got %q`)
	WantNumber      = def(`%s：应为数字，实为 %q`, `%s: want a number, got %q`)
	WantList        = def(`%s：应为列表，实为%s`, `%s: want a list, got %s`)
	WantMap         = def(`%s：应为一组“键: 值”，实为%s`, `%s: want a map of keys, got %s`)
	KeyProblem      = def(`%s：%s`, `%s: %s`)
	TheValue        = def(`值`, `value`)
	AText           = def(`文字`, `text`)
	TrueOrFalse     = def(`true 或 false`, `true or false`)
	AWholeNumber    = def(`整数`, `a whole number`)
	ANumber         = def(`数字`, `a number`)
	ADate           = def(`日期`, `a date`)
	AMapOfKeys      = def(`一组“键: 值”`, `a map of keys`)
	AList           = def(`列表`, `a list`)
	TheText         = def(`文字 %q`, `the text %q`)
	// QuotedText is a text where a value's kind is said: in English the text itself.
	QuotedText     = def(`文字 %q`, `%q`)
	SomethingElse  = def(`别的内容`, `something else`)
	ImpossibleDate = def(`日期 %q 不存在（%s）：请写一个存在的日期`, `impossible date %q: %s`)
	WantDate       = def(`应为日期，如 2016-09-20 或 2016-09-20T09:30:00+08:00，实为 %q`, `want a date like 2016-09-20 or 2016-09-20T09:30:00+08:00, got %q`)
)

// The keys of a mapping.
var (
	KeysPlainText        = def(`键只能是普通文字`, `keys must be plain text`)
	KeysOfPlainText      = def(`%s：键只能是普通文字`, `%s: keys must be plain text`)
	KeyTwice             = def(`键 %q 写了两次：请删掉其中一个`, `key %q given twice`)
	KeyOfTwice           = def(`%s：键 %q 写了两次：请删掉其中一个`, `%s: key %q given twice`)
	UnknownKey           = def(`不认识的键 %q：请改正它的拼写，或者删掉这一行`, `unknown key %q`)
	UnknownKeyDidYouMean = def(`不认识的键 %q；是不是要写 %q？`, `unknown key %q; did you mean %q?`)
)

// The slips of a Chinese keyboard in YAML, and what --fix did about them.
var (
	WideIndent          = def(`这一行用全角空格 "%s" 缩进，YAML 会把它当成文字：请用半角空格 " " 缩进，顶层的键不要缩进`, `full-width spaces "%s" indent the line, and YAML takes them for text: indent with half-width spaces " ", or not at all for a key of the top level`)
	WideSpaceAfterColon = def(`%s 的冒号后是全角空格 "　"：请改为半角空格 " "`, `full-width space "　" after the colon of %s: type a half-width space " "`)
	NoSpaceAfterColon   = def(`%s 的冒号后没有空格：请在 ":" 后加一个空格`, `no space after the colon of %s: type a space after ":"`)
	WideColon           = def(`键 %s 后面是全角冒号 "："：请改为半角冒号 ":"`, `full-width colon "：" after the key %s: type a half-width colon ":"`)
	TabIndent           = def(`用 Tab 键缩进了：请用半角空格缩进`, `tab used as indentation: indent with half-width spaces`)
	ColonInValue        = def(`%[1]s 的值里有半角 ": "，YAML 会把它当成另一个键：中文里请用全角 "："，或者给值加上引号，写成 %[2]s: %[3]s`, `half-width ": " inside the value of %s, which YAML reads as another key: type a full-width "：" in Chinese text, or put the value in quotes, %s: %s`)
	ChineseQuoteCloses  = def(`%[2]s 的值以半角 '%[3]c' 开头，却以中文引号 "%[1]s" 结尾：请改为半角 '%[4]c'`, `Chinese quotation mark "%s" closes the value of %s, which opens with a half-width '%c': type a half-width '%c'`)
	ChineseQuotesKey    = def(`中文引号 "%s" 在 YAML 里不算引号，里面的 ": " 会被当成键：请改用半角引号，写成 %s: %s`, `Chinese quotation marks "%s" do not quote a value in YAML, so the ": " inside is read as a key: type half-width quotation marks, %s: %s`)
	ChineseQuotesValue  = def(`%[2]s 的值两边是中文引号 "%[1]s"：%[3]s不用加引号，请写成 %[4]s: %[5]s`, `Chinese quotation marks "%s" around the value of %s: %s needs no quotation marks; type %s: %s`)
	StartsWithBracket   = def(`%[1]s 的值以 "[" 开头，YAML 会把它当成列表的开始：请给值加上引号，写成 %[2]s: %[3]s`, `the value of %s starts with "[", which YAML reads as the start of a list: put the value in quotes, %s: %s`)
	WideBrackets        = def(`%[2]s 的列表用了全角括号 "%[1]s"：请改用半角括号，写成 %[3]s: [%[4]s]`, `full-width brackets "%s" around the list of %s: type half-width brackets, %s: [%s]`)
	WideBracketCloses   = def(`%[2]s 的列表以半角 "[" 开头，却以全角 "%[1]s" 结尾：请改为半角 "]"`, `full-width "%s" closes the list of %s, which opens with a half-width "[": type a half-width "]"`)
	WideComma           = def(`%[3]s 的各项之间用了%[1]s "%[2]c"：请改为半角逗号 ","`, `%s "%c" between the items of %s: type a half-width comma ","`)
	FullWidthComma      = def(`全角逗号`, `full-width comma`)
	EnumerationComma    = def(`顿号`, `enumeration comma`)
	WideDigits          = def(`%[2]s 的值里有全角数字 "%[1]s"：请改为半角 "%[3]s"`, `full-width digits "%s" in the value of %s: type half-width "%s"`)
	// Replaced is what --fix did: what was typed, and what it wrote instead.
	Replaced = def(`"%s" → "%s"`, `"%s" → "%s"`)
	TabsDone = def(`%s → %s`, `%s → %s`)
	Tabs     = defPlural(`%d 个 Tab`, `1 tab`, `%d tabs`)
	Spaces   = defPlural(`%d 个空格`, `1 space`, `%d spaces`)
)

// Front matter.
var (
	FileTooLarge         = def(`文件有 %d 字节，一篇网页最多 %d 字节：请把贴进来的图片或日志移出去`, `file is %d bytes; a page may have at most %d`)
	NoFrontMatter        = def(`没有页头：网页的第一行写 ---，接着写 title: 和 date:，再写一行 ---`, `no front matter: a page starts with a --- line, then title: and date:, then another --- line`)
	FrontMatterNotClosed = def(`页头没有结束：请在它后面加一行 ---`, `front matter not closed: add a --- line after it`)
	UnknownType          = def(`type：应为 %s 之一，实为 %q`, `type: want one of %s, got %q`)
	FrontMatterNotKeys   = def(`页头：应为 title:、date: 这样的键，实为%s`, `front matter: want keys such as title: and date:, got %s`)
	TitleRequired        = def(`缺少 title（标题）：请写上 title: 和标题`, `title is required`)
	DateRequired         = def(`缺少 date（日期）：请写上 date: 和日期，如 date: 2016-09-20`, `date is required`)
)

// The values of a page, against site.yaml.
var (
	EmptyTag        = def(`tags：有一个标签是空的：请删掉空的那一项`, `tags: empty tag`)
	EndBeforeStart  = def(`结束日期 end %s 早于开始日期 start %s：请改正其中一个日期`, `end %s is before start %s`)
	PublishedURL    = def(`published：url %q 应为以 http:// 或 https:// 开头的完整网址`, `published: url %q: want an absolute http or https URL`)
	NotListed       = def(`%[1]s：%[2]q 不是 %[3]s 之一；如果这是 %[4]s 的一个新值，%[5]s`, `%s: %q is not one of %s; if it is a new %s, %s`)
	NotListedNear   = def(`%[1]s：%[2]q 不是 %[3]s 之一；是不是要写 %[4]q？如果不是，而是 %[5]s 的一个新值，%[6]s`, `%s: %q is not one of %s; did you mean %q? If not, and it is a new %s, %s`)
	AddAfterLine    = def(`请把它加到 %[2]s 的 %[1]s 里：在第 %[4]d 行后加一行 %[3]q`, `add it to %s in %s: the line %q after line %d`)
	AddAsList       = def(`请把它加到 %[2]s 的 %[1]s 里：%[3]s: %[4]s`, `add it to %s in %s: %s: %s`)
	AddToLine       = def(`请把它加到 %[2]s 的 %[1]s 里，把第 %[3]d 行改成：%[4]s: %[5]s`, `add it to %s in %s, so that line %d reads: %s: %s`)
	NotAStatus      = def(`status：%q 不是项目的状态：请写 %s`, `status: %q is not a project's status: write %s`)
	StatusChoices   = def(`%s或%s（%s）`, `%s or %s (%s)`)
	YearNotDateYear = def(`year %[1]s 与日期 %[2]s 的年份不符：如果这是 %[4]s 年的数字，请写 year: %[3]s；如果是 %[5]s 年的，请把日期改到 %[6]s 年`, `year %s is not the year of the date %s: write year: %s if these are %s's figures, or give a date in %s if they are %s's`)
	NotAMetric      = def(`metrics：%q 不是 site.yaml 里的指标：请写 site.yaml 里指标的 key，或者先在 site.yaml 里加上这个指标`, `metrics: %q is not a metric of site.yaml`)
	NotAMetricNear  = def(`metrics：%q 不是 site.yaml 里的指标；是不是要写 %q？`, `metrics: %q is not a metric of site.yaml; did you mean %q?`)
	MetricTwice     = def(`%[2]s 年的指标 %[1]s 声明了两次：%[3]s 里也有`, `metric %s for %s is declared twice: also by %s`)
	MetricDisagrees = def(`%[2]s 年的指标 %[1]s：报告写的是 %[3]s，但按规则 %[4]s 算得 %[5]s（来自 %[6]s）；网站显示 %[7]s`, `metric %s for %s: declared %s, but its rule %s counts %s from %s; the site shows %s`)
	NoPageOf        = def(`%s 年的网页，一篇也没有`, `no page of %s`)
)

// site.yaml.
var (
	WantScript               = def(`script：应为 %s 或 %s，实为 %q`, `script: want %s or %s, got %q`)
	WantBaseURL              = def(`base_url：应为以 http:// 或 https:// 开头的完整网址，实为 %q`, `base_url: want an absolute http or https URL, got %q`)
	WantContentFiles         = def(`content_files：应为 %s（只发布图片、视频、音频、PDF 和办公文档）或 %s（发布所有文件，包括 HTML 和 SVG），实为 %q`, `content_files: want %s (pictures, video, audio, PDFs and office documents only) or %s (every file, HTML and SVG among them), got %q`)
	WantPageSize             = def(`page_size：应为正数，实为 %d`, `page_size: want a positive number, got %d`)
	WantPositiveExport       = def(`export：%s：应为正数，实为 %d；不写它就用默认值`, `export: %s: want a positive number, got %d; leave it out for the default`)
	TitleMinOverMax          = def(`export：title_min %d 大于 title_max %d：没有标题能同时满足两者；请改小 title_min 或改大 title_max`, `export: title_min %d is more than title_max %d: no title could meet both; lower title_min or raise title_max`)
	DatelinePlaceholder      = def(`export：dateline：%s 不是可以填写的日期：请写 {年}、{月} 或 {日}`, `export: dateline: %s is not a part of the date: write {年}, {月} or {日}`)
	DatelineUnclosed         = def(`export：dateline：%q 缺少右括号 }`, `export: dateline: %q has no closing }`)
	DatelineStrayBrace       = def(`export：dateline：有右括号 } 却没有左括号 {：日期写作 {年}、{月}、{日}`, `export: dateline: a } without its {: the date's parts are written {年}, {月}, {日}`)
	WantFontSize             = def(`export：sizes：%s：应为字号（如 三号、小四）或 5 到 100 的磅数，实为 %q`, `export: sizes: %s: want a Chinese size such as 三号 or 小四, or points from 5 to 100, got %q`)
	EmptyValue               = def(`%s：有一个值是空的`, `%s: empty value`)
	ListedTwice              = def(`%s：%q 列了两次`, `%s: %q listed twice`)
	ListedInOtherChars       = def(`%s：%q 就是前面列过的 %q，只是用字不同：只列一次`, `%s: %q is %q, listed before, in other characters: list it once`)
	KeyRequired              = def(`%s：缺少 key`, `%s: key is required`)
	DeclaredTwice            = def(`%s %q 声明了两次`, `%s %q declared twice`)
	AMetric                  = def(`指标`, `metric`)
	AChart                   = def(`图表`, `chart`)
	LabelRequired            = def(`指标 %q：缺少 label`, `metric %q: label is required`)
	CountOrSum               = def(`指标 %q：count 和 sum 只能写一个`, `metric %q: give count or sum, not both`)
	RuleNotListed            = def(`%s：%s：%q 不是 %s 之一`, `%s: %s: %q is not one of %s`)
	RuleNotListedNear        = def(`%s：%s：%q 不是 %s 之一；是不是要写 %q？`, `%s: %s: %q is not one of %s; did you mean %q?`)
	RuleNotAStatus           = def(`%s：status：%q 不是项目的状态：请写 %s`, `%s: status: %q is not a project's status: write %s`)
	RuleWantType             = def(`%s：type：应为 %s 之一，实为 %q`, `%s: type: want one of %s, got %q`)
	RuleWantField            = def(`sum：field：type 为 %s 的网页能加总的数字有 %s，实为 %q`, `sum: field: pages of type %s have the numbers %s, got %q`)
	CountField               = def(`count：field 只用于 sum`, `count: field is only for sum`)
	CharactersNotTraditional = def(`characters：只有用繁体字写的网站（script: %s）才要选定异体字的写法`, `characters: only a site written in traditional characters (script: %s) chooses between their variants`)
	WantOneCharacter         = def(`characters：%q：应为一个汉字，如 為`, `characters: %q: want one Chinese character, such as 為`)
	FormsOfOneCharacter      = def(`characters：%q 和 %q 是同一个字（%s）的不同写法：只留网站用的那一个`, `characters: %q and %q are forms of one character (%s): keep the one the site writes`)
	WantChartType            = def(`图表 %q：type：应为 bar、line 或 pie，实为 %q`, `chart %q: type: want bar, line or pie, got %q`)
	ChartNoMetrics           = def(`图表 %q：metrics：至少写一个指标`, `chart %q: metrics: name at least one metric`)
	ChartUnknownMetric       = def(`图表 %q：没有指标 %q`, `chart %q: unknown metric %q`)
	ChartUnknownMetricNear   = def(`图表 %q：没有指标 %q；是不是要写 %q？`, `chart %q: unknown metric %q; did you mean %q?`)
)

// The files of the site.
var (
	NameNotUTF8      = def(`这个%s的名字不是 UTF-8 文字（含有字节 %#x）：请给这个%s改名`, `this %s's name is not UTF-8 text (it has the byte %#x): rename the %s`)
	NameControl      = def(`这个%s的名字里有看不见的控制字符 %U%s：请去掉它，重新给这个%s命名`, `this %s's name holds the invisible control character %U%s: rename the %s without it`)
	AFile            = def(`文件`, `file`)
	AFolder          = def(`文件夹`, `folder`)
	ControlTab       = def(`（Tab）`, ` (a tab)`)
	ControlLineBreak = def(`（换行）`, ` (a line break)`)
	ControlReturn    = def(`（回车）`, ` (a carriage return)`)
	SymlinkSkipped   = def(`跳过了符号链接：请改为复制文件本身`, `symbolic link skipped: copy the file instead`)
	MarkdownInBundle = def(`页面文件夹 %s 里的 Markdown 文件不算网页：请把它移出这个文件夹`, `Markdown file inside the page bundle %s is not a page: move it out of the bundle's folder`)
)

// The git history, which dates the pages.
var (
	ShallowCheckout  = def(`git 仓库是浅克隆：最早一次提交之前改过的网页，都显示那次提交的日期（请克隆完整的历史，或加 --no-git 生成）`, `the git checkout is shallow: pages last changed before its oldest commit show that commit's date (clone the whole history, or build with --no-git)`)
	NoGitHistory     = def(`读不了 git 历史，改用文件自己的日期：%v`, `cannot read the git history, using the files' own dates: %v`)
	NoGitHistorySaid = def(`读不了 git 历史，改用文件自己的日期：%v（%s）`, `cannot read the git history, using the files' own dates: %v: %s`)
)

// The files under content/ that are not pages, published as they are or not.
var (
	NotPublished    = def(`不发布：%s`, `not published: %s`)
	ActiveFile      = def(`%s能在读者的浏览器里运行脚本（site.yaml 的 raw_html 管不到文件）：请%s，%s`, `%s can run scripts in readers' browsers (raw_html in site.yaml does not cover files): %s, %s`)
	NotMedia        = def(`content/ 下只发布图片、视频、音频、PDF 和办公文档，%s不在其中：请另存为 PDF，%s`, `files under content/ are published when they are pictures, video, audio, PDFs or office documents, and %s is none of these: save it as PDF, %s`)
	NotWhatNamed    = def(`文件名表明它是%s（%s），内容却是 %s：请用做它的程序重新保存，%s`, `named as %s (%s), but it holds %s: save it again from the program that made it, %s`)
	ContentFilesAny = def(`或者在 site.yaml 里写 content_files: any，原样发布 content/ 下的所有文件`, `or set content_files: any in site.yaml to publish every file under content/ as it is`)
	NoExtension     = def(`没有扩展名的文件`, `a file without an extension`)
	ExtFile         = def(`%s 文件`, `a %s file`)
	APicture        = def(`图片`, `a picture`)
	VideoOrAudio    = def(`视频或音频`, `video or audio`)
	ADocument       = def(`文档`, `a document`)
	AnHTMLPage      = def(`HTML 网页`, `an HTML page`)
	AWebArchive     = def(`网页存档`, `a web archive`)
	AnSVGPicture    = def(`SVG 图片`, `an SVG picture`)
	AnXMLFile       = def(`XML 文件`, `an XML file`)
	AnXMLStylesheet = def(`XML 样式表`, `an XML stylesheet`)
	AScript         = def(`脚本`, `a script`)
	AFlashFile      = def(`Flash 文件`, `a Flash file`)
	SaveAsPDF       = def(`另存为 PDF`, `save it as PDF`)
	ConvertToPNG    = def(`转成 PNG`, `convert it to PNG`)
	ConvertToMP4    = def(`转成 MP4`, `convert it to MP4`)
	LeaveItOut      = def(`不要放它`, `leave it out`)
	EmptyFile       = def(`空的，什么也没有`, `nothing: it is empty`)
	MPEGAudio       = def(`MPEG 音频`, `MPEG audio`)
	MaybeSVG        = def(`XML（也许是 SVG 图片）`, `XML (an SVG picture, perhaps)`)
	UnknownData     = def(`dangjian 不认识的数据`, `data of a kind dangjian does not know`)
	ISOMedia        = def(`ISO 媒体（MP4、MOV、M4A、3GP）`, `ISO media (MP4, MOV, M4A, 3GP)`)
	OfficeDocument  = def(`Office 或 WPS 文档`, `an Office or WPS document`)
	RTFDocument     = def(`RTF 文档`, `an RTF document`)
	FLACAudio       = def(`FLAC 音频`, `FLAC audio`)
	AMRAudio        = def(`AMR 音频`, `AMR audio`)
	WindowsMedia    = def(`Windows 媒体文件`, `Windows Media`)
	FlashVideo      = def(`Flash 视频`, `Flash video`)
	MPEGVideo       = def(`MPEG 视频`, `MPEG video`)
)
