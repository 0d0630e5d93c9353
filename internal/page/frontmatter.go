package page

import "time"

// Common holds the front-matter keys every page may carry.
type Common struct {
	Title   string    `yaml:"title"`
	Date    time.Time `yaml:"date"`
	Type    string    `yaml:"type"`
	Slug    string    `yaml:"slug"`
	Branch  string    `yaml:"branch"`
	Tags    []string  `yaml:"tags"`
	Summary string    `yaml:"summary"`
	Cover   string    `yaml:"cover"`
	Draft   bool      `yaml:"draft"`
	Export  bool      `yaml:"export"`
	Weight  int       `yaml:"weight"`
}

// Activity is an activity (活动): a theme day, a study campaign, volunteer work.
type Activity struct {
	Theme        string    `yaml:"theme"`
	Start        time.Time `yaml:"start"`
	End          time.Time `yaml:"end"`
	Participants int       `yaml:"participants"`
}

// Lecture is a lecture: 党课, 专题知识讲座, 警示教育大会, 专题讨论, 红色党课.
type Lecture struct {
	Form       string `yaml:"form"`
	Speaker    string `yaml:"speaker"`
	Venue      string `yaml:"venue"`
	Audience   string `yaml:"audience"`
	Attendance int    `yaml:"attendance"`
}

// Project is a project led by party members.
type Project struct {
	Category string   `yaml:"category"`
	Lead     string   `yaml:"lead"`
	Members  []string `yaml:"members"`
	Status   string   `yaml:"status"` // planned, active or done
	Result   string   `yaml:"result"`
	Award    string   `yaml:"award"`
}

// ProjectStatuses are the values of Project.Status.
var ProjectStatuses = []string{"planned", "active", "done"}

// LectureHall is a moral lecture hall (道德讲堂) event.
type LectureHall struct {
	Theme      string        `yaml:"theme"`
	Venue      string        `yaml:"venue"`
	Host       string        `yaml:"host"`
	Attendance int           `yaml:"attendance"`
	Segments   []Segment     `yaml:"segments"`
	Published  []Publication `yaml:"published"`
	Promoted   []string      `yaml:"promoted"`
	Awards     []string      `yaml:"awards"`
}

// Segment is one step of a lecture hall's programme, e.g. 唱一首歌.
type Segment struct {
	Step   string `yaml:"step"`
	Title  string `yaml:"title"`
	Detail string `yaml:"detail"`
}

// Publication says where an event was published.
type Publication struct {
	Site string    `yaml:"site"`
	URL  string    `yaml:"url"`
	Date time.Time `yaml:"date"`
}

// Report is a yearly report; it declares the values of metrics that no rule computes.
type Report struct {
	Year    int                `yaml:"year"`
	Metrics map[string]float64 `yaml:"metrics"`
}

// The front matter of each page type: the common keys and the type's own. yamlnode flattens
// the embedded structs, so both sets of keys sit at the top level of the YAML.
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
)

// Type names.
const (
	TypeActivity    = "activity"
	TypeLecture     = "lecture"
	TypeProject     = "project"
	TypeLectureHall = "lecture-hall"
	TypeReport      = "report"
	// TypePage is a page outside the five sections with no type of its own, e.g. an "about" page.
	TypePage = "page"
)

// Matter returns a pointer to an empty front-matter struct for a page type, for the decoder
// to fill, and a function that stores the decoded values in a page.
func Matter(typ string) (any, func(*Page)) {
	switch typ {
	case TypeActivity:
		m := &activityMatter{}
		return m, func(p *Page) { p.Common, p.Activity = m.Common, &m.Activity }
	case TypeLecture:
		m := &lectureMatter{}
		return m, func(p *Page) { p.Common, p.Lecture = m.Common, &m.Lecture }
	case TypeProject:
		m := &projectMatter{}
		return m, func(p *Page) { p.Common, p.Project = m.Common, &m.Project }
	case TypeLectureHall:
		m := &lectureHallMatter{}
		return m, func(p *Page) { p.Common, p.LectureHall = m.Common, &m.LectureHall }
	case TypeReport:
		m := &reportMatter{}
		return m, func(p *Page) { p.Common, p.Report = m.Common, &m.Report }
	}
	m := &Common{}
	return m, func(p *Page) { p.Common = *m }
}
