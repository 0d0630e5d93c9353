package render

import (
	"strconv"
	"strings"
	"time"

	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/page"
)

// Fact is one line of a page's facts: a label and its values, each maybe a link.
type Fact struct {
	Label string
	Items []FactItem
}

// FactItem is one value of a fact.
type FactItem struct {
	Text     string
	Href     string // relative; "" for plain text
	DateTime string // set when Text is a date
}

// Link is a titled relative link.
type Link struct {
	Title, Href string
}

// facts lists what a page's front matter says, by type, with the words of the site's script
// and links to the taxonomy pages. It is worked out here rather than in the layout because a
// layout pays for each field and call by reflection, thousands of pages over.
func (d *Data) facts(p *page.Page) []Fact {
	var facts []Fact
	text := func(label, value string) {
		if value != "" {
			facts = append(facts, Fact{Label: d.L[label], Items: []FactItem{{Text: value}}})
		}
	}
	number := func(label string, n int) {
		if n != 0 {
			text(label, strconv.Itoa(n))
		}
	}
	term := func(label, taxonomy, value string) {
		if value != "" {
			facts = append(facts, Fact{Label: d.L[label], Items: []FactItem{{Text: value, Href: d.TermLink(taxonomy, value)}}})
		}
	}
	facts = append(facts, Fact{Label: d.L["date"], Items: []FactItem{{Text: chineseDate(p.Date), Href: d.YearLink(p), DateTime: p.DateString()}}})
	term("branch", page.TaxonomyBranches, p.Branch)
	switch {
	case p.Activity != nil:
		a := p.Activity
		text("theme", a.Theme)
		if !a.Start.IsZero() {
			text("period", period(a.Start, a.End))
		}
		number("people", a.Participants)
	case p.Lecture != nil:
		l := p.Lecture
		term("form", page.TaxonomyForms, l.Form)
		text("speaker", l.Speaker)
		text("venue", l.Venue)
		text("audience", l.Audience)
		number("attendance", l.Attendance)
	case p.Project != nil:
		pr := p.Project
		term("category", page.TaxonomyCategories, pr.Category)
		text("lead", pr.Lead)
		text("members", strings.Join(pr.Members, "、"))
		if status, ok := kinds.StatusOf(pr.Status); ok {
			text("status", status.NameIn(d.Site.Config.Script))
		}
		text("result", pr.Result)
		text("award", pr.Award)
	case p.LectureHall != nil:
		h := p.LectureHall
		text("theme", h.Theme)
		text("venue", h.Venue)
		text("host", h.Host)
		number("attendance", h.Attendance)
	case p.Report != nil:
		number("year", p.Report.Year)
	}
	if len(p.Tags) > 0 {
		tags := Fact{Label: d.L["tags"]}
		for _, tag := range p.Tags {
			tags.Items = append(tags.Items, FactItem{Text: tag, Href: d.TermLink(page.TaxonomyTags, tag)})
		}
		facts = append(facts, tags)
	}
	return facts
}

// period writes a span of days: 2016年9月20日 – 2016年9月22日, or one day.
func period(start, end time.Time) string {
	if end.IsZero() || end.Equal(start) {
		return chineseDate(start)
	}
	return chineseDate(start) + " – " + chineseDate(end)
}

// neighbour returns the link to a page, or nil.
func (d *Data) neighbour(p *page.Page) *Link {
	if p == nil {
		return nil
	}
	return &Link{Title: p.Title, Href: d.Rel(p.URL)}
}
