// Package validate checks the documents frontmatter decoded against the site's configuration:
// values that must come from site.yaml's lists (branches, lecture forms, project categories),
// project statuses, the year and the metrics a report declares, and the URLs of publications. A value
// written in the other script, or with other variants of its characters, is the value it
// writes so (节约挖潜 is 節約挖潛; 已完成 is done): the document is given the list's spelling,
// or the status's key, and the text's slip is check's to tell and mend (package hygiene).
package validate

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/frontmatter"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/yamlnode"
)

// Doc returns the problems of one page's document.
func Doc(site *config.Site, d *frontmatter.Doc) diag.List {
	var problems diag.List
	listed(&problems, site, d, "branch", &d.Branch)
	for _, tag := range d.Tags {
		if strings.TrimSpace(tag) == "" {
			problems.Errorf(d.Pos("tags"), msg.EmptyTag)
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
			problems.Errorf(d.Pos("end"), msg.EndBeforeStart, a.End.Format("2006-01-02"), a.Start.Format("2006-01-02"))
		}
	case d.LectureHall != nil:
		for _, pub := range d.LectureHall.Published {
			if pub.URL == "" {
				continue
			}
			if u, err := url.Parse(pub.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
				problems.Errorf(d.Pos("published"), msg.PublishedURL, pub.URL)
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
	if near := list.Nearest(*value); near != "" {
		problems.Errorf(d.Pos(key), msg.NotListedNear, key, *value, msg.Items(list.Values), near, key, site.HowToAdd(list, *value))
	} else {
		problems.Errorf(d.Pos(key), msg.NotListed, key, *value, msg.Items(list.Values), key, site.HowToAdd(list, *value))
	}
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
	problems.Errorf(d.Pos("status"), msg.NotAStatus, d.Project.Status, config.StatusNames(site.Script))
}

func report(problems *diag.List, site *config.Site, d *frontmatter.Doc) {
	r := d.Report
	// The charts show a report's figures under its year: one that disagrees with the date is a
	// slip in one of them, and would put the figures under a year they are not of.
	if r.Year != 0 && r.Year != d.Year() {
		// Years as text: a printer writes numbers with a separator, 2,017.
		year, dateYear := strconv.Itoa(r.Year), strconv.Itoa(d.Year())
		problems.Errorf(d.Pos("year"), msg.YearNotDateYear, year, d.DateString(), dateYear, dateYear, year, year)
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
			problems.Errorf(d.Pos("metrics"), msg.NotAMetricNear, key, near)
		} else {
			problems.Errorf(d.Pos("metrics"), msg.NotAMetric, key)
		}
	}
}
