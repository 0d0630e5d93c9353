// Package validate checks the documents frontmatter decoded against the site's configuration:
// values that must come from site.yaml's lists (branches, lecture forms, project categories),
// project statuses, the year and the metrics a report declares, and the URLs of publications. A value
// written in the other script, or with other variants of its characters, is the value it
// writes so (节约挖潜 is 節約挖潛; 已完成 is done): the document is given the list's spelling,
// or the status's key, and the text's slip is check's to tell and mend (package hygiene).
package validate

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/frontmatter"
	"github.com/dangjian/dangjian/internal/yamlnode"
)

// Doc returns the problems of one page's document.
func Doc(site *config.Site, d *frontmatter.Doc) diag.List {
	var problems diag.List
	listed(&problems, site, d, "branch", &d.Branch)
	for _, tag := range d.Tags {
		if strings.TrimSpace(tag) == "" {
			problems.Errorf(d.Pos("tags"), "tags: empty tag")
		}
	}
	switch {
	case d.Lecture != nil:
		listed(&problems, site, d, "form", &d.Lecture.Form)
	case d.Project != nil:
		listed(&problems, site, d, "category", &d.Project.Category)
		status(&problems, site, d)
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

// listed reports a value that is not in the list site.yaml gives for its key, and writes one
// that is as the list writes it. An empty list allows anything.
func listed(problems *diag.List, site *config.Site, d *frontmatter.Doc, key string, value *string) {
	list := site.ListOf(key)
	if *value == "" || len(list.Values) == 0 {
		return
	}
	if spelt := list.Spelling(*value); spelt != "" {
		*value = spelt
		return
	}
	msg := fmt.Sprintf("%s: %q is not one of %s; ", key, *value, strings.Join(list.Values, ", "))
	if near := list.Nearest(*value); near != "" {
		msg += fmt.Sprintf("did you mean %q? If not, and it is a new %s, ", near, key)
	} else {
		msg += fmt.Sprintf("if it is a new %s, ", key)
	}
	problems.Errorf(d.Pos(key), "%s%s", msg, site.HowToAdd(list, *value))
}

// status reports a project's status that is none of kinds.ProjectStatuses, and writes one
// that is as its key.
func status(problems *diag.List, site *config.Site, d *frontmatter.Doc) {
	if d.Project.Status == "" {
		return
	}
	if st, ok := config.Status(d.Project.Status); ok {
		d.Project.Status = st.Key
		return
	}
	problems.Errorf(d.Pos("status"), "status: %q is not a project's status: write %s", d.Project.Status, config.StatusNames(site.Script))
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
