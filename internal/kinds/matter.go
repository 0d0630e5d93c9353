package kinds

import (
	"slices"
	"time"
)

// The front-matter structs. Each key's field carries, beside its yaml: key, its label: (the
// word the templates of new pages and the site write for it, in simplified characters) and its
// help: (what to write, briefly); a number that a metric's sum: rule may add up is marked sum:;
// a fact that an article states is marked fact: with its place among them (see Facts).
// Fields reads them, so that no second list of keys is kept anywhere.

// Common holds the front-matter keys every page may carry.
type Common struct {
	Title   string    `yaml:"title" label:"标题" help:"必填：页面的标题"`
	Date    time.Time `yaml:"date" fact:"1" label:"日期" help:"必填：如 2016-09-20，或带上时间 2016-09-20T09:30:00+08:00"`
	Type    string    `yaml:"type" label:"类型" help:"不填就由页面所在的文件夹决定"`
	Slug    string    `yaml:"slug" label:"网址中的名字" help:"不填就用文件名"`
	Branch  string    `yaml:"branch" label:"党支部" help:"site.yaml 的 branches 所列的党支部之一"`
	Tags    []string  `yaml:"tags" label:"标签" help:"如 [两学一做, 学习教育]"`
	Summary string    `yaml:"summary" label:"摘要" help:"不填就用正文的第一段"`
	Cover   string    `yaml:"cover" label:"封面图片" help:"如 /images/封面.jpg，或本页文件夹中的图片"`
	Draft   bool      `yaml:"draft" label:"草稿" help:"true：草稿，不发布"`
	Export  bool      `yaml:"export" label:"导出" help:"true：导出给甘肃文明网"`
	Weight  int       `yaml:"weight" label:"排序" help:"同一天的页面，数字小的在前"`
}

// Activity is an activity (活动): a theme day, a study campaign, volunteer work.
type Activity struct {
	Theme        string    `yaml:"theme" label:"主题" help:"如 两学一做"`
	Start        time.Time `yaml:"start" label:"开始日期" help:"如 2016-04-01"`
	End          time.Time `yaml:"end" label:"结束日期" help:"只有一天的活动不填"`
	Participants int       `yaml:"participants" fact:"4" label:"参加人数" help:"一个数字，不知道就不填" sum:"yes"`
}

// Lecture is a lecture: 党课, 专题知识讲座, 警示教育大会, 专题讨论, 红色党课.
type Lecture struct {
	Form       string `yaml:"form" label:"形式" help:"site.yaml 的 lecture_forms 所列的形式之一"`
	Speaker    string `yaml:"speaker" fact:"3" label:"主讲人" help:"讲课的人"`
	Venue      string `yaml:"venue" fact:"2" label:"地点" help:"举办的地方"`
	Audience   string `yaml:"audience" label:"对象" help:"为谁讲的，如 全体党员"`
	Attendance int    `yaml:"attendance" fact:"4" label:"参加人次" help:"一个数字，不知道就不填" sum:"yes"`
}

// Project is a project led by party members.
type Project struct {
	Category string   `yaml:"category" label:"类别" help:"site.yaml 的 project_categories 所列的类别之一"`
	Lead     string   `yaml:"lead" label:"负责人" help:"牵头的党员"`
	Members  []string `yaml:"members" label:"成员" help:"如 [张三, 李四]"`
	Status   string   `yaml:"status" label:"状态" help:"计划中、进行中或已完成（也可写 planned、active、done）"` // a name of one of ProjectStatuses
	Result   string   `yaml:"result" label:"成效" help:"项目取得的成效"`
	Award    string   `yaml:"award" label:"获奖" help:"没有就不填"`
}

// Status is a state of a project. Its key is what site.yaml's rules and the model write;
// a page may write the key or any of its names, in either script.
type Status struct {
	Key string
	// Names are its names in each of Scripts, the first the one a page shows.
	Names [len(Scripts)][]string
}

// ProjectStatuses are the states of a project, in the order they come.
var ProjectStatuses = []Status{
	{Key: "planned", Names: [...][]string{{"计划中", "计划"}, {"計劃中", "計劃"}}},
	{Key: "active", Names: [...][]string{{"进行中"}, {"進行中"}}},
	{Key: "done", Names: [...][]string{{"已完成"}, {"已完成"}}},
}

// StatusOf returns the state that value names: its key, or one of its names in either script.
func StatusOf(value string) (Status, bool) {
	for _, s := range ProjectStatuses {
		if value == s.Key || slices.ContainsFunc(s.Names[:], func(names []string) bool { return slices.Contains(names, value) }) {
			return s, true
		}
	}
	return Status{}, false
}

// NameIn returns the name a page shows of the state, in script; its key for a script that is
// none of Scripts.
func (s Status) NameIn(script string) string {
	if i := ScriptIndex(script); i >= 0 {
		return s.Names[i][0]
	}
	return s.Key
}

// LectureHall is a moral lecture hall (道德讲堂) event.
type LectureHall struct {
	Theme      string        `yaml:"theme" label:"主题" help:"如 爱的传递"`
	Venue      string        `yaml:"venue" fact:"2" label:"地点" help:"举办的地方"`
	Host       string        `yaml:"host" fact:"3" label:"主持人" help:"主持这一场的人"`
	Attendance int           `yaml:"attendance" fact:"4" label:"参加人次" help:"一个数字，不知道就不填" sum:"yes"`
	Segments   []Segment     `yaml:"segments" fact:"5" label:"活动流程" help:"按顺序，每步一行"`
	Published  []Publication `yaml:"published" label:"刊发" help:"刊发的网站：每个一行"`
	Promoted   []string      `yaml:"promoted" label:"推广" help:"如 [在白银市推广]"`
	Awards     []string      `yaml:"awards" label:"荣誉" help:"获得的荣誉，如 [获评靖远公司第一]"`
}

// Segment is one step of a lecture hall's programme, e.g. 唱一首歌.
type Segment struct {
	Step   string `yaml:"step" label:"环节" help:"如 唱一首歌"`
	Title  string `yaml:"title" label:"节目" help:"如 歌名"`
	Detail string `yaml:"detail" label:"说明" help:"这一步是怎样进行的"`
}

// Publication says where an event was published.
type Publication struct {
	Site string    `yaml:"site" label:"网站" help:"如 甘肃文明网"`
	URL  string    `yaml:"url" label:"网址" help:"完整的网址，以 https:// 或 http:// 开头"`
	Date time.Time `yaml:"date" label:"日期" help:"刊发的日期，如 2016-07-20"`
}

// Report is a yearly report; it declares the values of metrics that no rule computes.
type Report struct {
	Year    int                `yaml:"year" label:"年度" help:"报告所说的年份：不填就用日期的年份"`
	Metrics map[string]float64 `yaml:"metrics" label:"年度指标" help:"本年度的数字：site.yaml 中没有计算规则的指标，每个一行，如 party_members: 300"`
}

// Matter is what a page's front matter says: the keys every page has, and those of its kind in
// the one of the others that the kind sets (none for TypePage).
type Matter struct {
	Common
	Activity    *Activity
	Lecture     *Lecture
	Project     *Project
	LectureHall *LectureHall
	Report      *Report
}

// decodable is the struct a kind's front matter is decoded into: the common keys and the kind's
// own, both at the top level of the YAML (the decoder flattens embedded structs).
type decodable interface {
	matter() Matter
}

type (
	activityMatter struct {
		Common
		Activity
	}
	lectureMatter struct {
		Common
		Lecture
	}
	projectMatter struct {
		Common
		Project
	}
	lectureHallMatter struct {
		Common
		LectureHall
	}
	reportMatter struct {
		Common
		Report
	}
	pageMatter struct {
		Common
	}
)

func (m *activityMatter) matter() Matter {
	return Matter{Common: m.Common, Activity: &m.Activity}
}

func (m *lectureMatter) matter() Matter {
	return Matter{Common: m.Common, Lecture: &m.Lecture}
}

func (m *projectMatter) matter() Matter {
	return Matter{Common: m.Common, Project: &m.Project}
}

func (m *lectureHallMatter) matter() Matter {
	return Matter{Common: m.Common, LectureHall: &m.LectureHall}
}

func (m *reportMatter) matter() Matter {
	return Matter{Common: m.Common, Report: &m.Report}
}

func (m *pageMatter) matter() Matter { return Matter{Common: m.Common} }
