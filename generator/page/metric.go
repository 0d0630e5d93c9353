package page

import "github.com/dangjian/dangjian/generator/config"

// Computed returns what a metric's rule gives for a year from the published pages: the number
// of pages its count rule selects, or the sum of a number over the pages its sum rule selects.
// ok is false for a metric without a rule, whose values report pages declare.
func (s *Site) Computed(m *config.Metric, year int) (value float64, ok bool) {
	rule := m.Count
	if rule == nil {
		rule = m.Sum
	}
	if rule == nil {
		return 0, false
	}
	for _, p := range s.Pages {
		if p.Year() != year || !selects(rule, p) {
			continue
		}
		if m.Count != nil {
			value++
		} else {
			value += p.number(rule.Field)
		}
	}
	return value, true
}

// selects reports whether a rule selects a page: its type, and each value the rule gives.
func selects(r *config.Rule, p *Page) bool {
	switch {
	case p.Kind != r.Type,
		r.Branch != "" && p.Branch != r.Branch,
		r.Form != "" && (p.Lecture == nil || p.Lecture.Form != r.Form),
		r.Category != "" && (p.Project == nil || p.Project.Category != r.Category),
		r.Status != "" && (p.Project == nil || p.Project.Status != r.Status):
		return false
	}
	return true
}

// number returns the number a sum rule adds up; the fields config allows for each type.
func (p *Page) number(field string) float64 {
	switch {
	case field == "participants" && p.Activity != nil:
		return float64(p.Activity.Participants)
	case field == "attendance" && p.Lecture != nil:
		return float64(p.Lecture.Attendance)
	case field == "attendance" && p.LectureHall != nil:
		return float64(p.LectureHall.Attendance)
	}
	return 0
}
