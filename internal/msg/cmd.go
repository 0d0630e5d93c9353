package msg

// The command line's usage: dangjian's own, and each command's line and notes.
var (
	Usage         = def(`用法：dangjian 命令 [选项]`, `usage: dangjian COMMAND [flags]`)
	CommandsTitle = def(`命令：`, `commands:`)
	UsageHint     = def(`想看一个命令的选项，运行 dangjian 命令 -h（如 dangjian build -h）；加 --lang en 用英文显示提示。`, `Run 'dangjian COMMAND -h' for a command's flags, and add --lang en for English.`)
	UsageBuild    = def(`用法：dangjian build [-s 网站文件夹] [-d 输出文件夹] [--base-url 网址] [--drafts] [--no-git] [--wait 时长] [--quiet] [--verbose]`, `usage: dangjian build [-s SRC] [-d DEST] [--base-url URL] [--drafts] [--no-git] [--wait DURATION] [--quiet] [--verbose]`)
	UsageCheck    = def(`用法：dangjian check [-s 网站文件夹] [--fix] [--format text|json] [--drafts] [--no-git]`, `usage: dangjian check [-s SRC] [--fix] [--format text|json] [--drafts] [--no-git]`)
	UsageNew      = def(`用法：dangjian new 类别 标题 [--date 日期] [-s 网站文件夹]`, `usage: dangjian new KIND TITLE [--date DATE] [-s SRC]`)
	UsageExport   = def(`用法：dangjian export [-s 网站文件夹] [-o 导出文件夹] [--since 日期] [--today 日期] [--drafts] [--no-git] [网页…]`, `usage: dangjian export [-s SRC] [-o OUT] [--since DATE] [--today DATE] [--drafts] [--no-git] [PAGE...]`)
	UsageServe    = def(`用法：dangjian serve [-s 网站文件夹] [--addr 127.0.0.1:1313] [--port 端口] [--open] [--poll 时长] [--drafts] [--no-git]`, `usage: dangjian serve [-s SRC] [--addr 127.0.0.1:1313] [--port N] [--open] [--poll DURATION] [--drafts] [--no-git]`)
	UsageVersion  = def(`用法：dangjian version`, `usage: dangjian version`)
	ExportPages   = def("网页：网页的文件（content/…/x.md）、页面文件夹或网页的网址；\n不写网页时，导出所有写了 export: true 的网页。", "PAGE is a page's file (content/…/x.md), its bundle's folder or its URL; without PAGE,\nevery page with export: true is exported.")
	NewKinds      = def(`类别是以下之一：%s。`, `KIND is one of %s.`)
	FlagsTitle    = def(`选项：`, `flags:`)
	FlagDefault   = def(`（默认 %s）`, ` (default %s)`)
)

// What each command does, in dangjian's usage.
var (
	AboutBuild   = def(`生成网站，写到输出文件夹（默认：网站文件夹里的 public）`, `build the site into DEST (default SRC/public)`)
	AboutExport  = def(`把文章打包，发给文明网`, `make article bundles for the civilization website`)
	AboutCheck   = def(`找出网站的所有问题；加 --fix 时改正有把握的`, `report every problem of the site, and with --fix repair what is certain`)
	AboutNew     = def(`按模板新建一篇网页：new 类别 标题`, `start a page of a KIND from its template: new KIND TITLE`)
	AboutServe   = def(`在本机预览网站：每次改动后重新生成，并刷新浏览器`, `serve the site, rebuild it on every change and reload the browser`)
	AboutVersion = def(`显示版本`, `print the version`)
)

// The help of each flag. The word in backquotes names the flag's value in the list of flags.
var (
	FlagLang      = def("提示信息的`语言`：zh（中文，默认）或 en（英文）", "the `language` of messages: zh (Chinese, the default) or en (English)")
	FlagSource    = def("网站的`文件夹`，即放 site.yaml 的文件夹（默认：当前文件夹，或它上面最近的有 site.yaml 的文件夹）", "the site's `folder`, holding site.yaml (default: the working folder, or the nearest folder above it that holds site.yaml)")
	FlagDrafts    = def(`把草稿也当作发布的网页`, `treat drafts as published`)
	FlagNoGit     = def(`网页的修改日期取文件的修改时间，不查 git 的记录`, `date pages by their files' modification times, not by git history`)
	FlagDest      = def("生成网站的`文件夹`（默认：网站文件夹里的 public）", "the output `folder` (default SRC/public)")
	FlagBaseURL   = def("网站的完整`网址`，用于网站地图和订阅（默认：site.yaml 的 base_url）", "the site's absolute `URL`, for the sitemap and feed (default: site.yaml's base_url)")
	FlagQuiet     = def(`只显示问题，别的都不显示`, `print nothing but problems`)
	FlagVerbose   = def(`同时显示每一步用了多长时间`, `also print how long each stage took`)
	FlagWait      = def("另一个 dangjian 正在写输出文件夹时，最多等多久（`时长`，如 30s、10m；0 表示不等）", "how long to wait for another run of dangjian that is writing DEST (`DURATION`, e.g. 30s, 10m; 0: not at all)")
	FlagFix       = def(`直接改正有把握的问题（转换留下的乱码、看不见的字符、不会弄错的标点），并列出每一处改动`, `repair in place what is certain (conversion garbage, invisible characters, unambiguous punctuation) and print each change`)
	FlagPreCommit = def(`像 git 的 pre-commit 钩子那样检查：发现错误时，说明这次提交被拒绝，以及接下来怎么做`, `check as git's pre-commit hook does: on an error, say that the commit is refused and what to do next`)
	CommitRefused = def(`pre-commit：这次提交被拒绝。请改正上面的错误（dangjian check --fix 能改正其中一部分），再 git add，然后重新提交`, `pre-commit: the commit is refused; mend the errors above (dangjian check --fix repairs some of them), git add, and commit again`)
	FlagFormat    = def("输出的`格式`：text（文字），或 json（给其他程序用）", "the output's `format`: text, or json for other tools")
	FlagOut       = def("导出的`文件夹`（默认：网站文件夹里的 export）", "the bundle's `folder` (default SRC/export)")
	FlagSince     = def("只导出这个`日期`当天及以后的网页（如 2016-09-20）", "export only pages dated on or after `DATE` (2016-09-20)")
	FlagToday     = def("把这个`日期`当作导出的日子，算网页的消息过了几天（默认今天）", "count the age of each page's news from `DATE`, the day of the export (default today)")
	FlagDate      = def("网页的`日期`：如 2016-09-20，或 2016-09-20T09:30:00+08:00（默认今天）", "the page's `DATE`: 2016-09-20, or 2016-09-20T09:30:00+08:00 (default today)")
	FlagAddr      = def("预览用的`主机:端口`；只写端口时，只有本机能打开（默认 127.0.0.1:1313；这个端口被占用时，用下一个空闲的端口）", "the `host:port` to serve on, or a port alone on this machine (default 127.0.0.1:1313, or the next free port when that one is in use)")
	FlagPort      = def("预览用的`端口`，如 8080（主机仍按 --addr）", "serve on the port `N`, at --addr's host")
	FlagOpen      = def(`网站启动后，用默认的浏览器打开它`, `open the site in the default browser once it is served`)
	FlagHostName  = def("别人打开网站时用的本机`名字`，serve 也应答它（配合 --addr 0.0.0.0:1313）；可写多次，或用逗号隔开", "also answer to `NAME`, a name of this machine that others open the site by (with --addr 0.0.0.0:1313); repeatable, or a comma list")
	FlagPoll      = def("每隔一段`时长`（如 1s）查看一次文件有没有改动：用在收不到改动通知的地方，如网络盘、WSL", "watch the files by listing them every `DURATION` (e.g. 1s), where change events do not arrive: network drives, WSL")
)

// Wrong usage: the flag package's errors, said by their kind (the English is the flag package's
// own), and the commands' own.
var (
	ErrorLine        = def(`dangjian：%s`, `dangjian: %s`)
	CommandErrorLine = def(`dangjian %s：%s`, `dangjian %s: %s`)
	UnknownCommand   = def(`没有 %q 这个命令`, `unknown command %q`)
	UnknownCommandOr = def(`没有 %q 这个命令；是不是 %q？`, `unknown command %q; did you mean %q?`)
	UnknownFlag      = def(`没有这个选项：%s`, `flag provided but not defined: %s`)
	FlagNeedsValue   = def(`选项 %s 后面要写一个值`, `flag needs an argument: %s`)
	BadFlagSyntax    = def(`选项写得不对：%s`, `bad flag syntax: %s`)
	BadFlagValue     = def(`选项 -%[2]s 的值 %[1]q 不对：%[3]s`, `invalid value %q for flag -%s: %s`)
	BadBoolValue     = def(`选项 -%[2]s 的值 %[1]q 不对：%[3]s`, `invalid boolean value %q for -%s: %s`)
	WantBool         = def(`应为 true 或 false`, `want true or false`)
	StrayArgument    = def(`多余的参数 %q`, `unexpected argument %q`)
	NotADuration     = def(`不是时长：请写 30s（30 秒）、5m（5 分钟）或 0`, `not a duration; write 30s, 5m or 0`)
	WantPort         = def(`端口应为 1 到 65535 之间的数字`, `want a port number from 1 to 65535`)
	WantFormat       = def(`选项 -format 的值 %q 不对：应为 text 或 json`, `-format: want text or json, got %q`)
	WantKindAndTitle = def(`要写类别和标题，如 new lecture 红色党课（标题中有空格时，用半角引号把它括起来）`, `want a KIND and a TITLE (quote a title that has spaces)`)
	UnknownKind      = def(`没有 %q 这个类别`, `unknown kind %q`)
	UnknownKindOr    = def(`没有 %q 这个类别；是不是 %q？`, `unknown kind %q; did you mean %q?`)
)

// What the commands say when they are done, and on the way.
var (
	Built          = defPlural(`生成了 %d 个网页、%d 个文件，用时 %s → %s`, `built 1 page, %[2]d files in %[3]s → %[4]s`, `built %d pages, %d files in %s → %s`)
	NothingWritten = defPlural(`%d 个错误，什么文件也没有写；请先改正上面的错误`, `1 error; nothing was written`, `%d errors; nothing was written`)
	Exported       = defPlural(`导出了 %d 篇文章到文件夹 %s：请发送 %s`, `exported 1 article into %[2]s; send %[3]s`, `exported %d articles into %s; send %s`)
	NamedByDate    = def(`标题 %q 里没有能拼成文件名的汉字、字母或数字，所以用日期作文件名；想要好读的网址，请在页头里写 slug:`, `the title %q has no Chinese characters, letters or digits to spell a name with, so the file is named after the date; set slug: in it for a readable address`)
	WroteDraft     = def(`新建了草稿 %s：请填好页头，在第二条 --- 下面写正文；写好后改成 draft: false，再运行 dangjian check`, `wrote %s as a draft: fill in its front matter and write the text below it; set draft: false when it is ready, then run dangjian check`)
	WroteBundle    = def(`新建了草稿 %s，它在自己的文件夹 %s 里，照片也放进这个文件夹：请填好页头，在第二条 --- 下面写正文；写好后改成 draft: false，再运行 dangjian check`, `wrote %s as a draft, in a folder of its own that takes its photos (%s): fill in its front matter and write the text below it; set draft: false when it is ready, then run dangjian check`)
	Version        = def(`dangjian %s%s%s（%s，%s/%s）`, `dangjian %s%s%s %s %s/%s`)
	VersionCommit  = def(`，提交 %.12s`, ` commit %.12s`)
	VersionBuilt   = def(`，构建于 %s`, ` built %s`)
)
