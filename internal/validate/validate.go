// Package validate checks decoded pages against the site's configuration: values that must
// come from site.yaml's lists (branches, lecture forms, project categories), project statuses,
// the metrics a report declares, and the URLs of publications.
package validate

import (
	"net/url"
	"slices"
	"strings"

	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/page"
	"github.com/dangjian/dangjian/internal/yamlnode"
)

// Page returns the problems of one page.
func Page(site *config.Site, p *page.Page) diag.List {
	var problems diag.List
	oneOf(&problems, p, "branch", p.Branch, site.Branches)
	for _, tag := range p.Tags {
		if strings.TrimSpace(tag) == "" {
			problems.Errorf(p.Pos("tags"), "tags: empty tag")
		}
	}
	switch {
	case p.Lecture != nil:
		oneOf(&problems, p, "form", p.Lecture.Form, site.LectureForms)
	case p.Project != nil:
		oneOf(&problems, p, "category", p.Project.Category, site.ProjectCategories)
		oneOf(&problems, p, "status", p.Project.Status, kinds.ProjectStatuses)
	case p.Activity != nil:
		a := p.Activity
		if !a.Start.IsZero() && !a.End.IsZero() && a.End.Before(a.Start) {
			problems.Errorf(p.Pos("end"), "end %s is before start %s", a.End.Format("2006-01-02"), a.Start.Format("2006-01-02"))
		}
	case p.LectureHall != nil:
		for _, pub := range p.LectureHall.Published {
			if pub.URL == "" {
				continue
			}
			if u, err := url.Parse(pub.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
				problems.Errorf(p.Pos("published"), "published: url %q: want an absolute http or https URL", pub.URL)
			}
		}
	case p.Report != nil:
		report(&problems, site, p)
	}
	return problems
}

// oneOf reports a value that is not in the list site.yaml gives. An empty list allows anything.
func oneOf(problems *diag.List, p *page.Page, key, value string, allowed []string) {
	if value == "" || len(allowed) == 0 || slices.Contains(allowed, value) {
		return
	}
	msg := key + ": %q is not one of " + strings.Join(allowed, ", ")
	if near := yamlnode.Nearest(value, allowed); near != "" {
		problems.Errorf(p.Pos(key), msg+"; did you mean %q?", value, near)
		return
	}
	problems.Errorf(p.Pos(key), msg, value)
}

func report(problems *diag.List, site *config.Site, p *page.Page) {
	r := p.Report
	if r.Year != 0 && r.Year != p.Year() {
		problems.Add(diag.Warningf(p.Pos("year"), "year %d differs from the year of the date, %d", r.Year, p.Year()))
	}
	keys := make([]string, 0, len(r.Metrics))
	for key := range r.Metrics {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	known := site.MetricKeys()
	for _, key := range keys {
		if site.Metric(key) != nil {
			continue
		}
		if near := yamlnode.Nearest(key, known); near != "" {
			problems.Errorf(p.Pos("metrics"), "metrics: %q is not a metric of site.yaml; did you mean %q?", key, near)
		} else {
			problems.Errorf(p.Pos("metrics"), "metrics: %q is not a metric of site.yaml", key)
		}
	}
}
