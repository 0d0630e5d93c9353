package msg

// The messages of new (package newpage).
var (
	NoSuchKind     = def(`没有 %q 这个类别：应为 %s 之一`, `unknown kind %q: want one of %s`)
	CannotReadSite = def(`读不了 %s：%s；这是网站文件夹吗？`, `cannot read %s: %s (is this the site's folder?)`)
	CannotReadNew  = def(`读不了 layouts/%s：%s`, `layouts/%s: %s`)
	BrokenTemplate = def(`模板写得不对（%v）`, `the template has a mistake: %v`)
)
