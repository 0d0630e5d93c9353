package corpus

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/dangjian/dangjian/internal/kinds"
)

// planPage decides an activity, lecture, project or lecture-hall event: where its file goes,
// its title and every front-matter key of its kind.
func planPage(r *rand.Rand, p *plannedPage) {
	p.date = day(FirstYear+r.IntN(LastYear-FirstYear+1), time.Month(1+r.IntN(12)), 1+r.IntN(28))
	p.draft = r.IntN(100) == 0
	p.table = r.IntN(10) == 0
	if r.IntN(20) == 0 {
		p.photos = 1 + r.IntN(3)
	}
	p.folder = p.section.folder
	branch := pick(r, branches)

	var own []field
	var slugWord string
	switch p.section.kind {
	case kinds.TypeActivity:
		theme, act := pick(r, themes), pick(r, activityActs)
		p.title = branch + "开展“" + theme + "”" + act
		slugWord = "huodong"
		own = []field{
			{"theme", theme},
			{"start", p.date},
			{"end", p.date.AddDate(0, 0, r.IntN(30))},
			{"participants", 10 + r.IntN(200)},
		}
	case kinds.TypeLecture:
		form := pick(r, lectureForms)
		if form == "专题讨论" {
			p.folder += "/" + GroupFolder
		}
		p.title = fmt.Sprintf("%s%s：%s", branch, form, pick(r, themes))
		slugWord = "dangke"
		own = []field{
			{"form", form},
			{"speaker", person(r)},
			{"venue", pick(r, venues)},
			{"audience", pick(r, audiences)},
			{"attendance", 20 + r.IntN(300)},
		}
	case kinds.TypeProject:
		subject := pick(r, projectSubjects)
		p.title = subject + "攻关项目"
		slugWord = "xiangmu"
		members := make([]string, 2+r.IntN(4))
		for i := range members {
			members[i] = person(r)
		}
		own = []field{
			{"category", pick(r, projectCategories)},
			{"lead", person(r)},
			{"members", members},
			{"status", pick(r, projectStatuses).Key},
			{"result", pick(r, projectResults)},
			{"award", pick(r, projectAwards)},
		}
	case kinds.TypeLectureHall:
		theme := pick(r, themes)
		p.title = branch + "道德讲堂“" + theme + "”"
		slugWord = "jiangtang"
		own = lectureHallFields(r, p, theme)
	}
	p.name = fmt.Sprintf("%s-%05d", p.date.Format("2006-01-02"), p.number)
	if r.IntN(20) == 0 { // a Chinese file name and no slug: the URL is Chinese
		p.name = fmt.Sprintf("%s%05d", p.section.title, p.number)
	} else {
		p.slug = fmt.Sprintf("%s-%05d", slugWord, p.number)
	}

	cover := "/images/" + p.section.kind + ".png"
	if p.photos > 0 {
		cover = photoName(0)
	}
	var slug any // no key at all when the file name gives the URL
	if p.slug != "" {
		slug = p.slug
	}
	date := p.date
	if r.IntN(5) == 0 { // with a time of day, in China's time zone
		date = date.Add(time.Duration(r.IntN(10)) * time.Hour).In(time.FixedZone("", 8*3600))
	}
	p.fields = append([]field{
		{"title", p.title},
		{"date", date},
		{"slug", slug},
		{"branch", branch},
		{"tags", pickSome(r, tags, 1+r.IntN(3))},
		{"summary", sentence(r)},
		{"cover", cover},
		{"draft", p.draft},
		{"export", r.IntN(10) == 0},
		{"weight", r.IntN(3)},
	}, own...)
}

func lectureHallFields(r *rand.Rand, p *plannedPage, theme string) []field {
	steps := 3 + r.IntN(len(hallSteps)-2)
	segments := make([][]field, steps)
	for i, step := range hallSteps[:steps] {
		segments[i] = []field{{"step", step}, {"title", hallStepTitle(r, step, theme)}, {"detail", hallDetails[i]}}
	}
	var published [][]field
	for i, pub := range pickSome(r, publishers, 1+r.IntN(2)) {
		published = append(published, []field{
			{"site", pub.name},
			{"url", fmt.Sprintf("https://%s/%d/%05d.html", pub.host, p.date.Year(), p.number)},
			{"date", p.date.AddDate(0, 0, 1+i)},
		})
	}
	return []field{
		{"theme", theme},
		{"venue", pick(r, venues)},
		{"host", person(r)},
		{"attendance", 40 + r.IntN(300)},
		{"segments", segments},
		{"published", published},
		{"promoted", pickSome(r, promotions, r.IntN(3))},
		{"awards", pickSome(r, hallAwards, r.IntN(2))},
	}
}

// hallStepTitle names what a step of the programme presents.
func hallStepTitle(r *rand.Rand, step, theme string) string {
	switch step {
	case "唱一首歌":
		return pick(r, hallSongs)
	case "诵一段经典":
		return pick(r, hallClassics)
	case "讲一个故事":
		return "《" + pick(r, hallStories) + "》"
	case "看一部短片":
		return "《" + theme + "》专题片"
	}
	return step
}

// planReport decides the report of a year: it declares the metrics that no rule counts and
// is dated in the last days of its year.
func planReport(r *rand.Rand, p *plannedPage, year int) {
	p.date = day(year, time.December, 20+r.IntN(12))
	p.folder = p.section.folder
	p.name = fmt.Sprint(year)
	p.title = fmt.Sprintf("%d年度党建工作报告", year)
	p.table = true
	var declared []field
	for _, m := range metrics {
		if m.rule == "" {
			declared = append(declared, field{m.key, m.declared(r, year)})
		}
	}
	p.fields = []field{
		{"title", p.title},
		{"date", p.date},
		{"tags", []string{"基层组织"}},
		{"summary", fmt.Sprintf("%d年公司党委的主要工作和年度指标。", year)},
		{"cover", "/images/" + kinds.TypeReport + ".png"},
		{"export", true},
		{"year", year},
		{"metrics", declared},
	}
}

func person(r *rand.Rand) string { return pick(r, surnames) + pick(r, givenNames) }

func pick[T any](r *rand.Rand, from []T) T { return from[r.IntN(len(from))] }

// pickSome picks n different elements, in the order of from.
func pickSome[T any](r *rand.Rand, from []T, n int) []T {
	chosen := r.Perm(len(from))[:min(n, len(from))]
	var some []T
	for i, v := range from {
		for _, c := range chosen {
			if c == i {
				some = append(some, v)
			}
		}
	}
	return some
}
