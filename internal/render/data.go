package render

import (
	"cmp"
	"html/template"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dangjian/dangjian/internal/chart"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/page"
	"github.com/dangjian/dangjian/internal/search"
)

// Data is what a layout sees: the site, the page or list being rendered, and methods that
// make links relative to it.
type Data struct {
	r     *Renderer
	Site  *page.Site
	URL   string // root-relative URL of the page being rendered
	Title string
	// Section is the first folder of the URL ("" on the home page) and Depth the number of
	// its folders: together they fix every link of the site's menu, for partialCached.
	Section string
	Depth   int
	// L holds the words of the layouts in the site's script: {{ .L.home }} is 首页 or 首頁.
	L map[string]string
	// Page is the page, or the list's _index.md; nil for a list without one.
	Page        *page.Page
	Content     template.HTML
	Description string         // the page's summary, for its meta description
	Facts       []Fact         // what the page's front matter says (see facts.go)
	Prev, Next  *Link          // the neighbouring pages of the section
	List        *page.List     // lists only
	Pager       *page.Pager    // lists only
	Entries     []Entry        // the pager's pages, lists only
	YearGroups  []YearGroup    // the pager's pages by year, for the lecture-hall index
	Taxonomy    *page.Taxonomy // a taxonomy's index only
	Crumbs      []Crumb

	// shows is what the page shows of others: what the builders and methods give the layout.
	shows Shows
	// base, when set, makes links absolute paths from it rather than relative to URL.
	base string
}

// Crumb is one step of the breadcrumbs; the last has no link.
type Crumb struct {
	Title string
	Href  string
}

func (r *Renderer) data(url, title string, shows Shows) *Data {
	dirs := strings.Split(strings.Trim(url, "/"), "/")
	d := &Data{r: r, Site: r.site, URL: url, Title: title, L: r.labels, Section: dirs[0], Depth: len(dirs), shows: shows}
	if dirs[0] == "" {
		d.Depth = 0
	}
	return d
}

// setPage sets the page being rendered, or the list's _index.md, with its body and summary.
func (d *Data) setPage(p *page.Page) {
	c := d.r.pages.Of(p)
	d.Page, d.Content, d.Description = p, c.Body, c.Summary
}

// Rel returns the link from this page to a root-relative path.
func (d *Data) Rel(target string) string {
	if d.base != "" {
		return d.base + strings.TrimPrefix(target, "/")
	}
	return page.Rel(d.URL, target)
}

// Asset returns the link to a file of the layouts' assets.
func (d *Data) Asset(name string) string { return d.Rel("/" + AssetsDir + "/" + name) }

// Menu lists the sections, for the site's menu.
func (d *Data) Menu() []*page.List {
	if !d.shows.Has(Titles) {
		return nil
	}
	return d.Site.Home.Children
}

// IsCurrent reports whether l is the current list or holds the current page.
func (d *Data) IsCurrent(l *page.List) bool {
	return l.URL != "/" && strings.HasPrefix(d.URL, l.URL)
}

// Cover returns the link to a page's cover image, or "".
func (d *Data) Cover(p *page.Page) string {
	if cover := d.r.pages.Of(p).Cover; cover != "" {
		return d.Rel(cover)
	}
	return ""
}

// Summary returns a page's summary: its summary key, or the start of its first paragraph.
func (d *Data) Summary(p *page.Page) string { return d.r.pages.Of(p).Summary }

// TermLink returns the link to the page of a taxonomy's term (e.g. "tags", "两学一做"), or ""
// when there is none.
func (d *Data) TermLink(key, value string) string {
	if term := d.Site.Term(key, value); term != nil {
		return d.Rel(term.URL)
	}
	return ""
}

// YearLink returns the link to the archive of a page's year.
func (d *Data) YearLink(p *page.Page) string {
	return d.TermLink(page.TaxonomyYears, strconv.Itoa(p.Year()))
}

// HasFeed reports whether the site has an Atom feed (it needs site.yaml's base_url).
func (d *Data) HasFeed() bool { return d.Site.Config.BaseURL != "" }

// Photo is an image of a page bundle, for the page's gallery.
type Photo struct {
	Src string // relative to the page
	Alt string
}

// imageExtensions are the files of a bundle shown in its gallery.
var imageExtensions = []string{".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"}

// fileWords reads the dashes and underscores of a file's name as the spaces between its words.
var fileWords = strings.NewReplacer("-", " ", "_", " ")

// Gallery returns the images of a page bundle other than its cover, in file order. Their alt
// text is the file's name, which editors write in Chinese: 现场合影.jpg shows as 现场合影.
func (d *Data) Gallery(p *page.Page) []Photo {
	var photos []Photo
	for _, r := range p.Resources {
		ext := strings.ToLower(path.Ext(r))
		if !slices.Contains(imageExtensions, ext) || r == p.Cover {
			continue
		}
		alt := fileWords.Replace(strings.TrimSuffix(path.Base(r), path.Ext(r)))
		photos = append(photos, Photo{Src: d.Rel(p.URL + r), Alt: alt})
	}
	return photos
}

// relatedWindow is how many pages on each side of a page, in date order, Related considers:
// comparing every page with every other would make a large section quadratic.
const relatedWindow = 40

// Nearby returns the pages of p's section nearest to it in date order, p among them and
// relatedWindow on each side: those Related chooses from, and so those whose related pages
// may change when p does.
func Nearby(site *page.Site, p *page.Page) []*page.Page {
	l := site.List(p.Section)
	if l == nil {
		return nil
	}
	at, _ := slices.BinarySearchFunc(l.Pages, p, page.Newest)
	return l.Pages[max(0, at-relatedWindow):min(len(l.Pages), at+relatedWindow+1)]
}

// Related returns up to n other pages of the same section most like p, among the pages
// nearest to it in time: those sharing its theme or tags first, then the nearest.
func (d *Data) Related(p *page.Page, n int) []*page.Page {
	if !d.shows.Has(Related) {
		return nil
	}
	type candidate struct {
		p      *page.Page
		shared int
		apart  time.Duration
	}
	var cands []candidate
	for _, other := range Nearby(d.Site, p) {
		if other == p {
			continue
		}
		shared := 0
		for _, tag := range other.Tags {
			if slices.Contains(p.Tags, tag) {
				shared++
			}
		}
		if p.LectureHall != nil && other.LectureHall != nil && p.LectureHall.Theme != "" && p.LectureHall.Theme == other.LectureHall.Theme {
			shared += 2
		}
		apart := p.Date.Sub(other.Date)
		cands = append(cands, candidate{other, shared, max(apart, -apart)})
	}
	slices.SortStableFunc(cands, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(b.shared, a.shared), cmp.Compare(a.apart, b.apart))
	})
	related := make([]*page.Page, 0, n)
	for _, c := range cands[:min(n, len(cands))] {
		related = append(related, c.p)
	}
	return related
}

// YearGroup is the entries of one year, for lists grouped by year.
type YearGroup struct {
	Year    int
	Entries []Entry
}

// byYear groups pages, newest first, by year, as entries under each year's heading.
func (d *Data) byYear(pages []*page.Page) ([]YearGroup, error) {
	var groups []YearGroup
	for start := 0; start < len(pages); {
		year := pages[start].Year()
		end := start
		for end < len(pages) && pages[end].Year() == year {
			end++
		}
		entries, err := d.entries(pages[start:end], 3)
		if err != nil {
			return nil, err
		}
		groups = append(groups, YearGroup{Year: year, Entries: entries})
		start = end
	}
	return groups, nil
}

// Entry is a page as a list shows it, with what the list prints worked out beforehand: a
// list page shows twenty of them, and fields cost a layout far less than calls.
type Entry struct {
	Page    *page.Page
	Title   string
	Branch  string
	Href    string // from the list, through the site's root: the same at any list of its depth
	Date    string // 2016年9月20日
	ISODate string // 2016-09-20
	Summary string
	Level   int // of its heading: 2 under the list's title, 3 under a year's heading
	// HTML is the entry drawn by partials/entry.html. A page shows in many lists (its section,
	// its year, its tags …) and is drawn once for all the lists at one depth.
	HTML template.HTML
}

// entry returns a page as an entry of the list at d, without its HTML.
func (d *Data) entry(p *page.Page, level int) Entry {
	return Entry{Page: p, Title: p.Title, Branch: p.Branch, Href: strings.Repeat("../", d.Depth) + page.OutputPath(p.URL),
		Date: chineseDate(p.Date), ISODate: p.DateString(), Summary: d.Summary(p), Level: level}
}

// entries returns pages as entries of the list at d, with headings of the given level.
func (d *Data) entries(pages []*page.Page, level int) ([]Entry, error) {
	out := make([]Entry, len(pages))
	for i, p := range pages {
		e := d.entry(p, level)
		html, err := d.r.cached("partials/entry.html", e, p.File, d.Depth, level)
		if err != nil {
			return nil, err
		}
		e.HTML = html
		out[i] = e
	}
	return out, nil
}

// Recent returns at most n pages of a list, newest first, for the home page, which shows them
// in a layout of its own (their HTML is not drawn).
func (d *Data) Recent(l *page.List, n int) []Entry {
	if !d.shows.Has(Recent) {
		return nil
	}
	recent := make([]Entry, min(n, len(l.Pages)))
	for i := range recent {
		recent[i] = d.entry(l.Pages[i], 3)
	}
	return recent
}

// ListCharts draws the charts a list shows above its pages: every chart of site.yaml on the
// home page (Dashboard), the lecture hall's events and attendance on its index (HallCharts).
func (d *Data) ListCharts() ([]template.HTML, error) {
	if d.List != nil && d.List.IsHome() {
		return d.Dashboard()
	}
	return d.HallCharts()
}

// Dashboard draws every chart of site.yaml across all years, for the home page.
func (d *Data) Dashboard() ([]template.HTML, error) { return d.siteCharts(nil) }

// YearCharts draws every chart of site.yaml for one year, for that year's report page.
func (d *Data) YearCharts(year int) ([]template.HTML, error) { return d.siteCharts([]int{year}) }

func (d *Data) siteCharts(years []int) ([]template.HTML, error) {
	if !d.shows.Has(SiteCharts) {
		return nil, nil
	}
	var figs []template.HTML
	for i, spec := range chart.SiteSpecs(d.Site.Config.Charts, years) {
		fig, err := d.r.charts.Draw(spec)
		if err != nil {
			return nil, msg.New(msg.ChartOf, d.Site.Config.Charts[i].Key, err)
		}
		figs = append(figs, fig)
	}
	return figs, nil
}

// HallCharts draws the lecture-hall events and their attendance per year, for the
// lecture-hall index.
func (d *Data) HallCharts() ([]template.HTML, error) {
	if !d.shows.Has(HallCharts) {
		return nil, nil
	}
	events, err := d.r.hall.Draw(chart.Spec{ID: "chart-hall-events", Title: d.L["hallEvents"], Kind: "bar", Metrics: []string{"events"}})
	if err != nil {
		return nil, err
	}
	attendance, err := d.r.hall.Draw(chart.Spec{ID: "chart-hall-attendance", Title: d.L["attendance"], Kind: "line", Metrics: []string{"attendance"}})
	if err != nil {
		return nil, err
	}
	return []template.HTML{events, attendance}, nil
}

// SearchIndex describes the search index to the search page's script.
type SearchIndex struct {
	Shards, PagesPerFile int
}

// SearchIndex returns the layout of the search index's files.
func (d *Data) SearchIndex() SearchIndex {
	return SearchIndex{Shards: search.Shards, PagesPerFile: search.PagesPerFile}
}

// SearchLink returns the link to the search page.
func (d *Data) SearchLink() string { return d.Rel(search.URL) }

// IsSearchPage reports whether this is the search page, whose header needs no search box.
func (d *Data) IsSearchPage() bool { return d.URL == search.URL }

// NeedsCharts reports whether the page holds a chart, in its body or drawn by its layout: then
// it needs the script that draws charts. It is known before the layout runs, from what the
// page shows and from its body's chart blocks.
func (d *Data) NeedsCharts() bool {
	return d.shows.Has(HallCharts) || d.shows.Has(SiteCharts) && len(d.Site.Config.Charts) > 0 ||
		d.Page != nil && len(d.r.pages.Of(d.Page).Charts) > 0
}

// labels are the words of the default layouts, in each script.
var labels = map[string][len(kinds.Scripts)]string{ // in the order of kinds.Scripts: simplified, traditional
	"home":           {"首页", "首頁"},
	"prev":           {"上一篇", "上一篇"},
	"next":           {"下一篇", "下一篇"},
	"more":           {"更多", "更多"},
	"pages":          {"篇", "篇"},
	"page":           {"页", "頁"},
	"prevPage":       {"上一页", "上一頁"},
	"nextPage":       {"下一页", "下一頁"},
	"date":           {"日期", "日期"},
	"branch":         {"党支部", "黨支部"},
	"tags":           {"标签", "標籤"},
	"theme":          {"主题", "主題"},
	"period":         {"时间", "時間"},
	"people":         {"参加人数", "參加人數"},
	"form":           {"形式", "形式"},
	"speaker":        {"主讲", "主講"},
	"venue":          {"地点", "地點"},
	"audience":       {"对象", "對象"},
	"attendance":     {"参加人次", "參加人次"},
	"category":       {"类别", "類別"},
	"lead":           {"负责人", "負責人"},
	"members":        {"成员", "成員"},
	"status":         {"状态", "狀態"},
	"result":         {"成效", "成效"},
	"award":          {"获奖", "獲獎"},
	"host":           {"主持", "主持"},
	"programme":      {"活动流程", "活動流程"},
	"published":      {"刊发", "刊發"},
	"promoted":       {"推广", "推廣"},
	"awards":         {"荣誉", "榮譽"},
	"year":           {"年度", "年度"},
	"metrics":        {"年度指标", "年度指標"},
	"groups":         {"分类", "分類"},
	"menu":           {"栏目", "欄目"},
	"empty":          {"暂无内容。", "暫無內容。"},
	"breadcrumb":     {"当前位置", "當前位置"},
	"skip":           {"跳到正文", "跳到正文"},
	"total":          {"合计", "合計"},
	"dashboard":      {"年度数据", "年度數據"},
	"tax-tags":       {"标签", "標籤"},
	"tax-branches":   {"党支部", "黨支部"},
	"tax-forms":      {"党课形式", "黨課形式"},
	"tax-categories": {"项目类别", "項目類別"},
	"tax-years":      {"年度归档", "年度歸檔"},
	"browse":         {"分类浏览", "分類瀏覽"},
	"photos":         {"活动照片", "活動照片"},
	"related":        {"相关活动", "相關活動"},
	"close":          {"关闭", "關閉"},
	"yearSuffix":     {"年", "年"},
	"hallEvents":     {"道德讲堂场次", "道德講堂場次"},
	"hallEventsUnit": {"场", "場"},
	"attendanceUnit": {"人次", "人次"},
	"lastmod":        {"最后更新", "最後更新"},
	"notFound":       {"找不到页面", "找不到頁面"},
	"missing":        {"您要找的页面不存在，可能已经移动或删除。", "您要找的頁面不存在，可能已經移動或刪除。"},
	"backHome":       {"返回首页", "返回首頁"},
	"search":         {"搜索", "搜索"},
	"searchLabel":    {"搜索本站", "搜索本站"},
	"searchHint":     {"输入字词，如：警示教育", "輸入字詞，如：警示教育"},
	"searchNoScript": {"搜索需要浏览器启用 JavaScript。", "搜索需要瀏覽器啟用 JavaScript。"},
	"searchLoading":  {"正在查找……", "正在查找……"},
	"searchFound":    {"找到 %d 篇", "找到 %d 篇"},
	"searchFoundYet": {"已找到 %d 篇，还可以继续查找", "已找到 %d 篇，還可以繼續查找"},
	"searchNone":     {"没有找到包含“%s”的页面。", "沒有找到包含「%s」的頁面。"},
	"searchNoWords":  {"请输入要查找的文字或数字。", "請輸入要查找的文字或數字。"},
	"searchFailed":   {"无法读取搜索索引：%s", "無法讀取搜索索引：%s"},
	"searchMore":     {"继续查找", "繼續查找"},
}

// MetricRow is one declared figure of a report.
type MetricRow struct {
	Key, Label, Unit string
	Value            float64
}

// ReportMetrics returns the figures a report declares, in the order site.yaml lists the metrics.
func (d *Data) ReportMetrics(p *page.Page) []MetricRow {
	if p.Report == nil {
		return nil
	}
	var rows []MetricRow
	for _, m := range d.Site.Config.Metrics {
		if v, ok := p.Report.Metrics[m.Key]; ok {
			rows = append(rows, MetricRow{Key: m.Key, Label: m.Label, Unit: m.Unit, Value: v})
		}
	}
	return rows
}
