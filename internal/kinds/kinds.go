// Package kinds is the one table of what a site's source is made of: the kinds of page, each
// with its folder under content/, its front-matter keys with their labels and help, the numbers
// a metric may add up, its template for new pages and its section's title in each script; the
// scripts a site may be written in; and the folders and files of a site's source. It imports
// nothing of dangjian, and every other package reads these names here.
package kinds

import "slices"

//go:generate go run ./internal/mkdoc

// The kinds' names, as a page's type: key and site.yaml's rules write them.
const (
	TypeActivity    = "activity"
	TypeLecture     = "lecture"
	TypeProject     = "project"
	TypeLectureHall = "lecture-hall"
	TypeReport      = "report"
	// TypePage is a page outside the five sections with no keys of its own, e.g. an "about" page.
	TypePage = "page"
)

// The scripts, as site.yaml's script: names them.
const (
	Simplified  = "simplified"
	Traditional = "traditional"
)

// Scripts are the scripts a site may be written in, the default first.
var Scripts = [...]string{Simplified, Traditional}

// The folders and files of a site's source.
const (
	// ContentDir and StaticDir are the folders of a site's pages and of the files copied as is.
	ContentDir = "content"
	StaticDir  = "static"
	// IndexFile is the file of a list's own title and introduction.
	IndexFile = "_index.md"
	// BundleFile is the page file of a page bundle.
	BundleFile = "index.md"
)

// Kind is a kind of page.
type Kind struct {
	Name string
	// Section is the folder under content/ that holds the kind's pages; "" for TypePage.
	Section string
	// Title names the section, in each of Scripts, when no _index.md gives it a title.
	Title [len(Scripts)]string
	// Bundled says that new starts the kind's pages as page bundles, NAME/index.md, whose
	// folder takes the pictures published with the page: an event's photos.
	Bundled bool
	// decoding returns an empty struct of the front-matter keys of the kind's pages.
	decoding func() decodable
}

// All are the kinds, the plain page last.
var All = []Kind{
	{Name: TypeActivity, Section: "activities", Title: [...]string{"活动", "活動"},
		decoding: func() decodable { return &activityMatter{} }},
	{Name: TypeLecture, Section: "lectures", Title: [...]string{"党课与讲座", "黨課與講座"},
		decoding: func() decodable { return &lectureMatter{} }},
	{Name: TypeProject, Section: "projects", Title: [...]string{"项目", "項目"},
		decoding: func() decodable { return &projectMatter{} }},
	{Name: TypeLectureHall, Section: "lecture-hall", Title: [...]string{"道德讲堂", "道德講堂"}, Bundled: true,
		decoding: func() decodable { return &lectureHallMatter{} }},
	{Name: TypeReport, Section: "reports", Title: [...]string{"年度报告", "年度報告"},
		decoding: func() decodable { return &reportMatter{} }},
	{Name: TypePage, decoding: func() decodable { return &pageMatter{} }},
}

// Named returns the kind called name and true; for a name that is no kind's, the plain page's
// kind and false.
func Named(name string) (Kind, bool) {
	i := slices.IndexFunc(All, func(k Kind) bool { return k.Name == name })
	if i < 0 {
		return All[len(All)-1], false
	}
	return All[i], true
}

// InSection returns the kind of the pages of a section folder: the plain page's for a folder
// that is no section.
func InSection(folder string) Kind {
	for _, k := range All {
		if k.Section != "" && k.Section == folder {
			return k
		}
	}
	return All[len(All)-1]
}

// Names lists the kinds' names, the plain page's last.
func Names() []string {
	names := make([]string, len(All))
	for i, k := range All {
		names[i] = k.Name
	}
	return names
}

// SectionNames lists the names of the kinds that have a section: those a page is started as,
// and a metric counts.
func SectionNames() []string {
	var names []string
	for _, k := range All {
		if k.Section != "" {
			names = append(names, k.Name)
		}
	}
	return names
}

// TitleIn returns the section's title in a script; "" for the plain page, or a script that is
// none of Scripts.
func (k Kind) TitleIn(script string) string {
	if i := ScriptIndex(script); i >= 0 {
		return k.Title[i]
	}
	return ""
}

// ScriptIndex is the place of a script in Scripts, by which a table of words in each script
// is read; -1 for a script that is none of them.
func ScriptIndex(script string) int { return slices.Index(Scripts[:], script) }

// Template is the file name of the kind's template for new pages, under layouts/new/.
func (k Kind) Template() string { return k.Name + ".md" }

// NewMatter returns a pointer to an empty struct of the front-matter keys of the kind's pages,
// for the decoder to fill, and a function that returns what it holds.
func (k Kind) NewMatter() (v any, decoded func() Matter) {
	m := k.decoding()
	return m, m.matter
}
