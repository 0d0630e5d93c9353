// Package validate checks the documents frontmatter decoded against the site's configuration:
// values that must come from site.yaml's lists (branches, lecture forms, project categories),
// project statuses, the year and the metrics a report declares, and the URLs of publications.
package validate

import (
	"net/url"
	"slices"
	"strings"

	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/frontmatter"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/yamlnode"
)

// Doc returns the problems of one page's document.
func Doc(site *config.Site, d *frontmatter.Doc) diag.List {
	var problems diag.List
	oneOf(&problems, d, "branch", d.Branch, site.Branches)
	for _, tag := range d.Tags {
		if strings.TrimSpace(tag) == "" {
			problems.Errorf(d.Pos("tags"), "tags: empty tag")
		}
	}
	switch {
	case d.Lecture != nil:
		oneOf(&problems, d, "form", d.Lecture.Form, site.LectureForms)
	case d.Project != nil:
		oneOf(&problems, d, "category", d.Project.Category, site.ProjectCategories)
		oneOf(&problems, d, "status", d.Project.Status, kinds.ProjectStatuses)
	case d.Activity != nil:
		a := d.Activity
		if !a.Start.IsZero() && !a.End.IsZero() && a.End.Before(a.Start) {
			problems.Errorf(d.Pos("end"), "end %s is before start %s", a.End.Format("2006-01-02"), a.Start.Format("2006-01-02"))
		}
	case d.LectureHall != nil:
		for _, pub := range d.LectureHall.Published {
			if pub.URL == "" {
				continue
			}
			if u, err := url.Parse(pub.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
				problems.Errorf(d.Pos("published"), "published: url %q: want an absolute http or https URL", pub.URL)
			}
		}
	case d.Report != nil:
		report(&problems, site, d)
	}
	return problems
}

// oneOf reports a value that is not in the list site.yaml gives. An empty list allows anything.
func oneOf(problems *diag.List, d *frontmatter.Doc, key, value string, allowed []string) {
	if value == "" || len(allowed) == 0 || slices.Contains(allowed, value) {
		return
	}
	msg := key + ": %q is not one of " + strings.Join(allowed, ", ")
	if near := yamlnode.Nearest(value, allowed); near != "" {
		problems.Errorf(d.Pos(key), msg+"; did you mean %q?", value, near)
		return
	}
	problems.Errorf(d.Pos(key), msg, value)
}

func report(problems *diag.List, site *config.Site, d *frontmatter.Doc) {
	r := d.Report
	// The charts show a report's figures under its year: one that disagrees with the date is a
	// slip in one of them, and would put the figures under a year they are not of.
	if r.Year != 0 && r.Year != d.Year() {
		problems.Errorf(d.Pos("year"), "year %d is not the year of the date %s: write year: %d if these are %d's figures, or give a date in %d if they are %d's",
			r.Year, d.DateString(), d.Year(), d.Year(), r.Year, r.Year)
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
			problems.Errorf(d.Pos("metrics"), "metrics: %q is not a metric of site.yaml; did you mean %q?", key, near)
		} else {
			problems.Errorf(d.Pos("metrics"), "metrics: %q is not a metric of site.yaml", key)
		}
	}
}
