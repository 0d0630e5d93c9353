package msg

import "strings"

// The messages of a build: turning the pages into the site (packages generator, markdown,
// convert, chart, page, render, publish, search).

// The build's own: the site's folder, the stages, what it ends with.
var (
	NoSite = def(`在 %[2]s 及其上级文件夹中都找不到 %[1]s：请在网站文件夹（放 %[3]s 的那个）或其中的子文件夹里运行 dangjian，或用 -s 指定网站文件夹`,
		`no %s in %s nor in any folder above it: run dangjian in the site's folder (the one holding %s) or in a folder inside it, or name the site's folder with -s`)
	CannotReadConfig = def(`读不了网站的配置：%v；%s 是网站文件夹吗？请用 -s 指定放 site.yaml 的文件夹`, `cannot read the site's configuration: %v (is %s the site's folder?)`)
	CannotRead       = def(`读不了这个文件：%v`, `cannot read: %v`)
	CannotRemoveTemp = def(`删不掉这个临时文件（中途停下的 check --fix 留下的）：%v；请手工删掉它`,
		`cannot remove this temporary file, which a check --fix that was stopped left: %v; delete it`)
	EChartsMissing = def(`这个 dangjian 里缺少 ECharts：请运行 make，它从 npm 装好 ECharts 并重新生成 bin/dangjian`,
		`ECharts is missing from this build of dangjian: run make, which installs it from npm and rebuilds bin/dangjian`)
	BuildCancelled = def(`生成已取消`, `build cancelled`)
	ManifestLost   = def(`这份文件清单是空的或不完整（断电可能造成这种情况）：本次生成的文件替换了同名的文件，%s 里的其他文件都当作手工放入的而保留；不再需要的请删除`,
		`empty or cut short, as a power cut can leave it: the files this build writes replaced those of the same names, and every other file of %s was kept as if made by hand; delete those that should no longer be there`)
	WritingSite = def(`写入网站时出错：%v`, `writing the site: %v`)
	// TextProblems is the line build and serve end with: the slips check would report.
	TextProblems = defPlural(`%d 处文字问题：运行 dangjian check 查看位置`,
		`1 text problem: run dangjian check to see where`, `%d text problems: run dangjian check to see where`)
	// DraftsLeftOut is the line build and check end with: the drafts left out, the first named.
	DraftsLeftOut = defPlural(`%d 篇草稿没有发布：%s；要发布哪一篇，就把它的 draft: true 改成 draft: false`,
		`1 draft not published: %[2]s; set draft: false in a page to publish it`, `%d drafts not published: %s; set draft: false in a page to publish it`)
)

// The stages of a build, as its progress and --verbose name them.
var (
	StageLoading    = def(`读取`, `loading`)
	StageWaiting    = def(`等待`, `waiting`)
	StageWriting    = def(`写入`, `writing`)
	StagePublishing = def(`发布`, `publishing`)
	FilesOf         = def(`%s：%d/%d 个文件`, `%s %d/%d files`)
)

// The Markdown of a page's body.
var (
	TooDeep = def(`列表、引用或强调从这里开始嵌套超过 %d 层：浏览器嵌套到几百层就不再嵌套，导出也读不了这篇网页；请去掉多余的层`,
		`lists, quotes or emphasis nested more than %d deep, from here: a browser stops nesting at a few hundred and the export cannot read the page; take levels out`)
	CannotRender    = def(`无法转换 Markdown：%v`, `cannot render Markdown: %v`)
	FullWidthIndent = def(`段首有全角空格 "%s"（Word 的首行缩进）：网页上会在第一个字前显示一块空白；请删掉它（段和段之间空一行就能分段）`,
		`paragraph indented with full-width spaces "%s", as Word indents one: the page shows them as a blank before the first word; delete them (a blank line sets paragraphs apart)`)
	NoAltText = def(`图片 %q 没有说明文字：请在方括号里写上图片上是什么，如 ![…](%s)`,
		`image %q has no alt text: say what it shows between the brackets, ![…](%s)`)
)

// Links and images, in the body and in cover:.
var (
	CoverLink     = def(`cover：%v`, `cover: %v`)
	BadLink       = def(`链接有误：%v`, `bad link: %v`)
	EmptyLink     = def(`链接是空的：请在圆括号里写上网址或文件名`, `empty link`)
	MalformedLink = def(`链接 %q 写得不对，读不出网址：请改正它的写法`, `malformed link %q`)
	LinkToDraft   = def(`链接 %q 指向草稿 %s，它没有发布：请先发布那篇网页（draft: false），或者等它发布后再加链接`, `link %q points to the draft %s, which is not published`)
	LinkNowhere   = def(`链接 %q 指向的地方不存在：没有哪篇网页或哪个文件的网址是 %s；请改正链接`, `link %q points nowhere: no page or file has the URL %s`)
	LinkNotPage   = def(`链接 %q 指向的地方不存在：%s 不是发布的网页；请改正文件的路径（从这篇网页所在的文件夹算起）`, `link %q points nowhere: %s is not a published page`)
)

// The chart blocks of a body, and the drawing of charts.
var (
	ChartProblem        = def(`图表：%s`, `chart: %s`)
	ChartType           = def(`图表：type 应为 bar、line 或 pie，实为 %q`, `chart: type: want bar, line or pie, got %q`)
	ChartBlockNoMetrics = def(`图表：metrics 中请至少写一个 site.yaml 里的指标`, `chart: metrics: name at least one metric of site.yaml`)
	ChartUnknown        = def(`图表：没有指标 %q`, `chart: unknown metric %q`)
	ChartUnknownNear    = def(`图表：没有指标 %q；是不是 %q？`, `chart: unknown metric %q; did you mean %q?`)
	ChartToBeforeFrom   = def(`图表：to %s 早于 from %s：请改正其中一个年份`, `chart: to %s is before from %s`)
	UnknownMetric       = def(`没有指标 %q`, `unknown metric %q`)
	ChartNotDrawn       = def(`画不出这个图表（go-echarts：%v）`, `go-echarts: %v`)
	ChartFontMissing    = def(`这个 dangjian 里缺少画图表图片的字体：请运行 make，它从 npm 装好字体并重新生成 bin/dangjian`, `this dangjian has no font to draw the charts' pictures with: make installs it from npm and builds bin/dangjian again`)
	ChartOf             = def(`图表 %s：%v`, `chart %s: %v`)
)

// The pages' addresses (slug) and the files that claim them.
var (
	SlugEmpty    = def(`slug 是空的：请写一个名字，或者删掉这一行`, `slug: empty`)
	SlugNotAName = def(`slug %q 不能用作名字：请用字母、数字、- 或汉字写一个名字`, `slug %q: not a name`)
	SlugBadChar  = def(`slug %q 里不能有 / \ ? # %% : * " < > |：请用字母、数字、- 或汉字写一个名字`, `slug %q: may not contain / \ ? # %% : * " < > |`)
	SlugDot      = def(`slug %q 不能以点开头：请去掉开头的 .`, `slug %q: may not start with a dot`)
	SlugHTML     = def(`slug %q：网页的网址是一个文件夹，dangjian 把网页写成其中的 index.html；请去掉扩展名：slug: %s`,
		`slug %q: a page's address is a folder, which dangjian writes the page into as index.html; leave out the extension: slug: %s`)
	SlugSpace      = def(`slug %q 里不能有空格或控制字符：请用 - 代替空格`, `slug %q: may not contain spaces or control characters`)
	FolderIsFile   = def(`网址 %s 需要是文件夹，但文件 %s 已发布在这个位置%s：请给网页换一个 slug`, `URL %s would be a folder, where the file %s is published%s: give the page another slug`)
	ByFile         = def(`（来自 %s）`, ` (by %s)`)
	FileIsFolder   = def(`%s 发布为文件，而 %s（来自 %s）需要一个同名的文件夹：请给其中一个改名`, `%s is published as a file, where %s (of %s) needs a folder of that name: rename the one or the other`)
	ClaimedTwice   = def(`%[2]s 已经用了%[1]s：请给其中一个换个文件名或 slug`, `%s is claimed twice: also by %s`)
	URLOf          = def(`网址 /%s`, `URL /%s`)
	URLOfCase      = def(`网址 /%s（与 /%s 只差大小写）`, `URL /%s (as /%s, differing only in case)`)
	GeneratedClash = def(`网址 /%s 已经是 dangjian 自动生成的%s：请给这个文件夹或网页改名`, `URL /%s is also the %s page that dangjian writes: rename this folder or page`)
)

// The layouts.
var (
	LayoutBroken    = def(`模板有误：%s`, `the layout has a mistake: %s`)
	LayoutMissing   = def(`缺少这个模板文件`, `layout missing`)
	PartialNoLayout = def(`片段 %s：没有模板`, `partial %s: no layouts`)
	ListFailed      = def(`列表 %s：%v`, `list %s: %v`)
	LayoutFailed    = def(`%s：模板 %s 出错：%s`, `%s: the layout %s failed: %s`)
	TaxonomyPages   = def(`按 %s 分类的列表页`, `the %s of the pages`)
	SearchPage      = def(`搜索页`, `the search page`)
)

// The search index's folding of the scripts.
var (
	FoldingShort   = def(`OpenCC 的 %s 只有 %d 个字`, `opencc's %s holds only %d characters`)
	FoldingMissing = def(`OpenCC 的繁转简转换里没有 %s`, `opencc's t2s conversion has no %s`)
	FoldingTable   = def(`搜索：繁简对照表有误：%v`, `search: the folding table: %v`)
)

// Writing the output folder: its lock, its checks, its swap.
var (
	Busy        = def(`另一个 dangjian（%s）正在写 %s：请等它写完再试，或者停掉它`, `another run of dangjian (%s) is writing %s: try again when it has finished, or stop it`)
	BusyWaited  = def(`另一个 dangjian（%s）正在写 %s，等了 %s 还没写完：请等它写完再试，或者停掉它`, `another run of dangjian (%s) is writing %s and did not finish within %s: try again when it has finished, or stop it`)
	WaitingFor  = def(`正在等另一个 dangjian（%s）写完 %s……`, `waiting for another run of dangjian (%s) to finish writing %s …`)
	Process     = def(`进程 %s`, `process %s`)
	ProcessOn   = def(`%[2]s 上的进程 %[1]s`, `process %s on %s`)
	ProcessWho  = def(`不明进程`, `process unknown`)
	CannotLock  = def(`无法锁定 %s：%v`, `cannot lock %s: %v`)
	ManifestBad = def(`%s:%s：已损坏（%v）：请把文件夹 %s 移走，再重新生成`, `%s:%s: damaged (%v): move the folder %s away and build again`)
	DestIsRoot  = def(`%s 是磁盘的根目录，不能被替换：dangjian 发布时会替换整个输出文件夹；请用 -d 指定一个专用的文件夹，如 %s`,
		`%s is the root of a file system, which cannot be replaced: dangjian replaces the output folder when it publishes; give a folder of its own with -d, such as %s`)
	DestIsLink = def(`%s 是符号链接：dangjian 发布时会替换整个输出文件夹，也就会替换这个链接；请用 -d 指定真正的文件夹，或者删掉这个链接`,
		`%s is a symbolic link: dangjian replaces the output folder when it publishes, and would replace the link; give the real folder with -d, or remove the link`)
	DestIsFile = def(`%s 是文件，不是文件夹：请用 -d 指定别的输出文件夹，或者把这个文件移走`,
		`%s is a file, not a folder: give another output folder with -d, or move the file away`)
	DestIsSite = def(`%s 就是网站文件夹：dangjian 发布时会替换整个输出文件夹，会把网站移走；请用 -d 指定一个专用的文件夹，如 %s`,
		`%s is the site's folder: dangjian replaces the output folder when it publishes, and would move the site away; give a folder of its own with -d, such as %s`)
	DestHoldsSite = def(`%s 里面有网站文件夹 %s：dangjian 发布时会替换整个输出文件夹，会把网站一起移走；请用 -d 指定一个专用的文件夹，如 %s`,
		`%s holds the site's folder %s: dangjian replaces the output folder when it publishes, and would move the site away with it; give a folder of its own with -d, such as %s`)
	DestForeign = def(`%s 里有不是 dangjian 写的文件（其中没有 %s）：请清空它，或者换一个输出文件夹`,
		`%s holds files that dangjian did not write (it has no %s): empty it or choose another output folder`)
	NotPlainPath  = def(`拒绝写入 %q：它不是输出文件夹里的普通路径`, `refusing to write %q: not a plain path inside the output`)
	WrittenTwice  = def(`%s 被写了两次`, `%s written twice`)
	WritesForeign = def(`%s：本次生成要写 %s，而 dangjian 以前没有写过那里；请先把它移走`, `%s: this build writes %s, where dangjian did not write before; move it away first`)
	CannotKeep    = def(`%s 是%s，不是文件或文件夹：dangjian 会保留输出文件夹里不是它写的东西，但保留不了这个；请把它移出输出文件夹`,
		`%s is %s, not a file or a folder: dangjian keeps what it did not write in the output, and cannot keep this; move it out of the output folder`)
	MayNotRead = def(`%s：这不是 dangjian 写的，要保留到新的输出里，但没有权限读它（%v）：请给自己的用户读它的权限，或者把它移出输出文件夹`,
		`%s: dangjian did not write this, and keeps it in the new output, but may not read it (%v): give your user the right to read it, or move it out of the output folder`)
	CannotCarry   = def(`%s：这不是 dangjian 写的，无法把它带到新的输出里：%v`, `%s: dangjian did not write this, and cannot carry it over into the new output: %v`)
	NotAFile      = def(`它是%s，不是文件`, `it is %s, not a file`)
	NamedPipe     = def(`命名管道（FIFO）`, `a named pipe (FIFO)`)
	Socket        = def(`套接字`, `a socket`)
	Device        = def(`设备`, `a device`)
	SpecialFile   = def(`特殊文件`, `a special file`)
	ExistsAlready = def(`%s 已经存在：%v`, `%s exists already: %v`)
	OldKept       = def(`%v；旧的输出在 %s，下次生成时会放回去`, `%v; the old output is in %s, and the next build puts it back`)
	AsideNotOurs  = def(`%s 里是一次中断的 dangjian 放在一边的输出，而 %s 不是它生成的那个：请从 %s 取出需要的东西，再删掉它`,
		`%s holds an output that an interrupted run of dangjian set aside, and %s is not the one it made: move what you need from %s, then remove it`)
	InTheWay = def(`%s 挡路了：dangjian 发布时要在输出文件夹旁边用这个名字，而这个文件夹不是它建的；请改名或删除，再重新生成`,
		`%s is in the way: dangjian uses that name beside the output while it publishes, and this folder is not one it made; rename or remove it, then build again`)
	PutIn = def(`dangjian 发布期间有人把 %s 放进了 %s，而新的输出里也有 %s：它保存为 %s；请把它移到想放的地方，再重新生成`,
		`%s was put into %s while dangjian published it, where the new output has %s too: it is kept as %s; move it where you want it, then build again`)
	OldNotRemoved = def(`新的输出已经就位，但旧的没能全部删掉：
%v`, `the new output is in place, but not all of the old one could be removed:
%v`)
)

// Joined is several errors as one, each said on a line of its own in the printer's language
// (errors.Join says them in Chinese only).
type Joined []error

// Text says each error in p's language, one a line.
func (j Joined) Text(p *Printer) string {
	lines := make([]string, len(j))
	for i, err := range j {
		lines[i] = p.Err(err)
	}
	return strings.Join(lines, "\n")
}

func (j Joined) Error() string { return j.Text(Chinese) }

// Unwrap returns the errors, for errors.Is and errors.As.
func (j Joined) Unwrap() []error { return j }
