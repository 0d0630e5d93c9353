package msg

// The messages of check, and of the text's slips it finds (package hygiene).
var (
	ByHandInCode = def(`%s（请手工改正：--fix 不改代码里的文字）`, `%s (by hand: --fix leaves code as written)`)
	// Said is a text said alike in both languages, such as the repairs of characters listed
	// (確 → 确、嗎 → 吗), their list joined in the printer's language.
	Said = def(`%s`, `%s`)
	// Rewritten is what a repair did that wrote one text for another: "," → "，".
	Rewritten = def(`%q → %q`, `%q → %q`)
	// Or joins two forms a character may take: 並 or 併.
	Or = def(`%s或%s`, `%s or %s`)
	// AndMore ends a list of which only the first items are shown.
	AndMore = def(`%s，还有 %d 个`, `%s and %d more`)
)

// Invisible characters, and their names.
var (
	Invisible                = def(`看不见的字符 U+%04X（%s）：请删掉它`, `invisible character U+%04X (%s); delete it`)
	DeletedInvisible         = def(`删除了看不见的字符 U+%04X（%s）`, `deleted the invisible U+%04X (%s)`)
	SoftHyphen               = def(`软连字符`, `soft hyphen`)
	MongolianVowelSeparator  = def(`蒙古文元音分隔符`, `Mongolian vowel separator`)
	ZeroWidthSpace           = def(`零宽空格`, `zero-width space`)
	ZeroWidthNonJoiner       = def(`零宽不连字符`, `zero-width non-joiner`)
	ZeroWidthJoiner          = def(`零宽连字符`, `zero-width joiner`)
	LeftToRightMark          = def(`从左到右标记`, `left-to-right mark`)
	RightToLeftMark          = def(`从右到左标记`, `right-to-left mark`)
	LeftToRightEmbedding     = def(`从左到右嵌入符`, `left-to-right embedding`)
	RightToLeftEmbedding     = def(`从右到左嵌入符`, `right-to-left embedding`)
	PopDirectionalFormatting = def(`方向格式结束符`, `pop directional formatting`)
	LeftToRightOverride      = def(`从左到右强制符`, `left-to-right override`)
	RightToLeftOverride      = def(`从右到左强制符`, `right-to-left override`)
	WordJoiner               = def(`连词符`, `word joiner`)
	LeftToRightIsolate       = def(`从左到右隔离符`, `left-to-right isolate`)
	RightToLeftIsolate       = def(`从右到左隔离符`, `right-to-left isolate`)
	FirstStrongIsolate       = def(`首强字符隔离符`, `first strong isolate`)
	PopDirectionalIsolate    = def(`方向隔离结束符`, `pop directional isolate`)
	ByteOrderMark            = def(`字节顺序标记 BOM`, `byte-order mark`)
)

// The garbage of machine conversion, and characters lost in an encoding conversion.
var (
	Garbage              = def(`转换留下的拼音：%[2]c 后面的 %[1]s：请删掉它`, `conversion garbage: pinyin %s after %c; delete it`)
	DeletedGarbage       = def(`删除了 %[2]c 后面的 %[1]s`, `deleted %s after %c`)
	ReplacementCharacter = def(`替换字符 U+FFFD：这里有一个字在转换中丢失了：请照原文重新输入这个字`,
		`replacement character U+FFFD: a character was lost in a conversion; retype it from the original`)
	LostAtQuestionMark = def(`%c 后面的 "?"：这里有一个字在编码转换中丢失了：请照原文重新输入这个字（如果本来就是问号，请写全角的 "？"）`,
		`"?" after %c: a character was lost here in an encoding conversion; retype the words from the original (a question mark is written "？")`)
	MisreadUntold = def(`%[2]c 后面的 %[1]q 是按 GBK 错开一个字节读出的乱码：正确读出是 "□%[3]s"，□ 是转换中丢失的字（%[4]s）；请照原文重新输入`,
		`%q after %c is text read from GBK one byte out of step: it reads "□%s", where □ is a character lost in the conversion (%s); retype it from the original`)
	Misread       = def(`%[2]c 后面的 %[1]q 是按 GBK 错开一个字节读出的乱码：请改为 %[3]q`, `%q after %c is text read from GBK one byte out of step; write %q`)
	OrOneOfOthers = def(`%s或其他 %d 个字之一`, `%s or one of %d others`)
)

// Punctuation: half-width marks in Chinese sentences.
var (
	HalfWidthMark   = def(`中文里用了半角的 %q：请改为 %q`, `half-width %q in Chinese text; write %q`)
	HalfWidthPeriod = def(`中文里用了半角的 "."：句末请写 "。"，序号后请写 "、"`,
		`half-width "." in Chinese text; write "。" at the end of a sentence, or "、" after a numeral`)
	HalfWidthQuote    = def(`中文里用了半角引号 '"'：请改为 “” 或 「」`, `half-width quote '"' in Chinese text; write “” or 「」`)
	HalfWidthBrackets = def(`中文外面用了半角括号 "(…)"：请改为 "（…）"`, `half-width brackets "(…)" around Chinese text; write "（…）"`)
	DeletedIndent     = def(`删除了缩进 "%s"`, `deleted the indent "%s"`)
)

// The script: characters of the other script than site.yaml's, and values spelled otherwise
// than the site lists them.
var (
	SimplifiedUnsettled = def(`这个网站用繁体字（site.yaml 的 script），这里却有简体字 %c：按词义可能是 %s，OpenCC 的词典和本网站的网页都定不了这里是哪一个：请写上您要的字`,
		`simplified character %c in a site written in traditional ones (site.yaml script): it is %s by the word, and neither OpenCC's phrases nor this site's pages tell which here; write the one meant`)
	TraditionalUnsettled = def(`这个网站用简体字（site.yaml 的 script），这里却有繁体字 %c：按词义可能是 %s，OpenCC 的词典和本网站的网页都定不了这里是哪一个：请写上您要的字`,
		`traditional character %c in a site written in simplified ones (site.yaml script): it is %s by the word, and neither OpenCC's phrases nor this site's pages tell which here; write the one meant`)
	SimplifiedNames = def(`这个网站用繁体字（site.yaml 的 script），这里却有简体字（如果是名称的一部分，可以不改）：%s`,
		`simplified characters in a site written in traditional ones (site.yaml script), unless they are part of a name: %s`)
	TraditionalNames = def(`这个网站用简体字（site.yaml 的 script），这里却有繁体字（如果是名称的一部分，可以不改）：%s`,
		`traditional characters in a site written in simplified ones (site.yaml script), unless they are part of a name: %s`)
	SimplifiedCharacters = def(`这个网站用繁体字（site.yaml 的 script），这里却有简体字：%s`,
		`simplified characters in a site written in traditional ones (site.yaml script): %s`)
	TraditionalCharacters = def(`这个网站用简体字（site.yaml 的 script），这里却有繁体字：%s`,
		`traditional characters in a site written in simplified ones (site.yaml script): %s`)
	Respelled     = def(`%q 在本网站写作 %q（%s）`, `%q is written %q in this site (%s)`)
	SiteYAMLList  = def(`site.yaml 的 %s`, `site.yaml's %s`)
	ProjectStatus = def(`项目的状态`, `a project's status`)
)

// What check says: its repairs, its summary, and what only an editor needs to hear.
var (
	FixedLine     = def(`%s: 已修复：%s`, `%s: fixed: %s`)
	FixedIn       = def(`修复了 %[2]s中的 %[1]s`, `fixed %s in %s`)
	CheckedClean  = def(`检查了 %s：没有问题`, `checked %s: no problems`)
	Checked       = def(`检查了 %s：%s，%s`, `checked %s: %s, %s`)
	ProblemsFixed = defPlural(`%d 处问题`, `1 problem`, `%d problems`)
	FilesChecked  = defPlural(`%d 个文件`, `1 file`, `%d files`)
	RepairFailed  = def(`无法修复 %s：%s`, `repairing %s: %s`)
	FutureDate    = def(`日期 %s 还没到（今天是 %s），这篇网页却已发布：想到那天再发布，请写 draft: true`,
		`date %s is in the future (today is %s), yet the page is published; set draft: true to hold it back`)
	EmptyListTitle = def(`title 是空的，列表因此叫作 %q：请写上标题，或者删掉 title 这一行`,
		`title is empty, so the list is called %q: write its title, or leave the key out`)
)
