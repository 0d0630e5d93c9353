package msg

// The messages of serve: what it prints as it starts, builds and stops, the errors of its
// address and of watching the files, its answer to a host it refuses, and the box it draws
// over a page while the build fails.
var (
	// Where the site is served.
	Serving         = def(`正在预览网站文件夹 %s：请在浏览器里打开 %s（按 Ctrl+C 停止）`, `serving %s on %s (Ctrl-C to stop)`)
	ServingNetwork  = def(`局域网里的其他电脑请打开：`, `other machines of the network open it at:`)
	VisibleToAll    = def(`警告：在 %s 上预览，局域网里的每台电脑都能看到这个网站，不只是本机；只让本机看，请用 --addr %s`, `warning: serving on %s makes the site visible to every machine of the network, not only to this one; to keep it to this machine, use --addr %s`)
	CannotOpen      = def(`警告：无法打开浏览器（%v）：请自己在浏览器中打开 %s`, `warning: cannot open the browser (%v): open %s in it`)
	PortMoved       = def(`端口 %d 已被占用，也许另一个 dangjian serve 正在用它：改用端口 %d`, `port %d is in use, perhaps by another dangjian serve: serving on port %d instead`)
	Stopped         = def(`已停止`, `stopped`)
	CannotServeOn   = def(`无法在 %s 上预览：%v；请用 --addr 换一个地址，或用 --port 换一个端口`, `cannot serve on %s: %v; choose another address with --addr, or a port with --port`)
	PortsAllInUse   = def(`无法在 %s 上预览：端口已被占用，也许另一个 dangjian serve 正在用它，后面的 %d 个端口也都被占用；请停掉其中一个，或用 --port 另选端口`, `cannot serve on %s: the address is in use, perhaps by another dangjian serve, and so are the %d ports after it; stop one of them, or choose another port with --port`)
	PortGivenInUse  = def(`无法在 %s 上预览：端口已被占用，也许另一个 dangjian serve 正在用它；请用 --port 另选端口，比如 --port %d，它是空闲的`, `cannot serve on %s: the address is in use, perhaps by another dangjian serve; choose another port with --port, e.g. --port %d, which is free`)
	TwoPorts        = def(`给了两个端口：--addr %[2]s 里的 %[1]s 和 --port %[3]d；请只给一个`, `two ports given, %s in --addr %s and --port %d: give one`)
	NotSiteFolder   = def(`无法预览 %s：%v；这是网站文件夹吗？`, `cannot serve %s: %v (is it the site's folder?)`)
	ListenedAddress = def(`看不出监听的地址 %s：%v`, `cannot tell the address listened on, %s: %v`)
	MachineAddrs    = def(`列不出本机的地址，无法判断该应答哪些 Host：%v；请在 127.0.0.1 上预览`, `cannot list this machine's addresses, to know which Host headers to answer: %v; serve on 127.0.0.1`)

	// Building, as files change.
	BuiltInMemory   = def(`已生成 %s，用时 %s%s`, `built %s in %s%s`)
	RebuiltInMemory = def(`已重新生成 %s，用时 %s%s`, `rebuilt %s in %s%s`)
	ChangedFiles    = def(`（%s）`, ` (%s)`)
	NoTextLeft      = def(`文字问题都已改正`, `no text problems left`)
	KeptLastGood    = def(`%s；浏览器里仍是上一次生成成功的网站，改正并保存后会自动更新`, `%s; still serving the last good build`)
	NothingYet      = def(`%s；改正之前没有可预览的内容`, `%s; nothing to serve until they are fixed`)
	WriteFailed     = def(`无法生成网站：%v`, `cannot build the site: %v`)
	// BuildFailed heads the box drawn over the page while the build fails.
	BuildFailed = def(`dangjian：生成失败，这里显示的是上一次成功的版本。请改正文件并保存，网页会自动刷新。`, `dangjian: the build failed; this is the last good version. Fix the file and save: the page reloads.`)

	// Watching the files.
	CannotWatchSite = def(`无法监视网站的文件：%v；请加上 --poll 1s，定时查看文件有没有改动`, `cannot watch the site's files: %v; run with --poll 1s to watch by polling`)
	WatchLimit      = def(`无法监视 %s：已达到系统可监视文件夹的数量上限（%v）；请加上 --poll 1s，定时查看文件有没有改动，或者提高上限：sudo sysctl fs.inotify.max_user_watches=524288`, `cannot watch %s: the system's limit of watched folders is reached (%v); run with --poll 1s to watch by polling, or raise the limit: sudo sysctl fs.inotify.max_user_watches=524288`)
	CannotWatch     = def(`无法监视 %s：%v`, `cannot watch %s: %v`)
	WatchWarning    = def(`dangjian：%v`, `dangjian: %v`)
	WatchingFailed  = def(`监视文件时出错：%v`, `watching the files: %v`)

	// Answers to requests that are not served.
	OpenPrinted      = def(`请用 serve 显示的地址打开网站`, `open the site at the address that serve printed`)
	NoHost           = def(`dangjian serve 不应答没有主机名的请求（它的 Host 头是空的）：%s`, `dangjian serve does not answer to a request without a host (its Host header is empty): %s`)
	OtherHost        = def(`dangjian serve 不应答主机 %q：%s`, `dangjian serve does not answer to the host %q: %s`)
	OtherHostName    = def(`dangjian serve 不应答主机 %q：%s；如果 %q 是本机的名字，请用 --host-name %s 启动 serve`, `dangjian serve does not answer to the host %q: %s, or, if %q is a name of this machine, start serve with --host-name %s`)
	HostWithPort     = def(`%q：请写不带端口的名字：%s`, `%q: give the name without its port: %s`)
	NotHostName      = def(`%q 不是主机名：请写 dell-pc、party.example.cn 这样的名字，或 192.168.1.10 这样的地址，不要带 http:// 或路径`, `%q is not a host name: give a name such as dell-pc or party.example.cn, or an address such as 192.168.1.10, without http:// or a path`)
	MethodNotAllowed = def(`不支持这种请求方法`, `method not allowed`)
	NoStreaming      = def(`无法推送事件流`, `streaming unsupported`)
)
