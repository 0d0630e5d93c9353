package page

import (
	"cmp"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Taxonomy groups pages by one of their values: tags, branch (党支部), lecture form, project
// category, or year. Each value is a Term, itself a list of pages.
type Taxonomy struct {
	Key   string // tags, branches, forms, categories, years: also its URL's folder
	URL   string
	Terms []*List
	terms map[string]*List
}

// Taxonomy keys.
const (
	TaxonomyTags       = "tags"
	TaxonomyBranches   = "branches"
	TaxonomyForms      = "forms"
	TaxonomyCategories = "categories"
	TaxonomyYears      = "years"
)

// taxonomyValues says, for each taxonomy, the values a page has in it.
var taxonomyValues = []struct {
	key    string
	values func(p *Page) []string
}{
	{TaxonomyYears, func(p *Page) []string { return []string{strconv.Itoa(p.Year())} }},
	{TaxonomyBranches, func(p *Page) []string { return nonEmpty(p.Branch) }},
	{TaxonomyForms, func(p *Page) []string {
		if p.Lecture != nil {
			return nonEmpty(p.Lecture.Form)
		}
		return nil
	}},
	{TaxonomyCategories, func(p *Page) []string {
		if p.Project != nil {
			return nonEmpty(p.Project.Category)
		}
		return nil
	}},
	{TaxonomyTags, func(p *Page) []string { return p.Tags }},
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// buildTaxonomies groups the published pages (already newest first) by each taxonomy. Terms
// come in a useful order: years newest first; branches, forms and categories in site.yaml's
// order; tags most used first.
func (s *Site) buildTaxonomies() {
	for _, tv := range taxonomyValues {
		tax := &Taxonomy{Key: tv.key, URL: "/" + tv.key + "/", terms: map[string]*List{}}
		terms := tax.terms
		for _, p := range s.Pages {
			for _, v := range tv.values(p) {
				term, ok := terms[v]
				if !ok {
					term = &List{Title: v, URL: tax.URL + TermSlug(v) + "/", Taxonomy: tax}
					terms[v] = term
				}
				if len(term.Pages) == 0 || term.Pages[len(term.Pages)-1] != p { // a tag given twice
					term.Pages = append(term.Pages, p)
				}
			}
		}
		tax.Terms = slices.Collect(maps.Values(terms))
		order := s.termOrder(tv.key)
		slices.SortFunc(tax.Terms, func(a, b *List) int {
			if tv.key == TaxonomyYears {
				return cmp.Compare(b.Title, a.Title)
			}
			return cmp.Or(
				cmp.Compare(rank(order, a.Title), rank(order, b.Title)),
				cmp.Compare(len(b.Pages), len(a.Pages)),
				cmp.Compare(a.Title, b.Title),
			)
		})
		if len(tax.Terms) > 0 { // no page to list: no page of the taxonomy, and nothing links to one
			s.Taxonomies = append(s.Taxonomies, tax)
		}
	}
}

// termOrder returns site.yaml's list of the taxonomy's values, or nil.
func (s *Site) termOrder(key string) []string {
	switch key {
	case TaxonomyBranches:
		return s.Config.Branches
	case TaxonomyForms:
		return s.Config.LectureForms
	case TaxonomyCategories:
		return s.Config.ProjectCategories
	}
	return nil
}

// rank is a value's place in order, with values not in it after all that are.
func rank(order []string, v string) int {
	if i := slices.Index(order, v); i >= 0 {
		return i
	}
	return len(order)
}

// TermSlug is the URL folder of a term: the term itself where it is a plain name (Chinese
// included), with characters a path cannot hold replaced by "-".
func TermSlug(term string) string {
	slug := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\?#%:*"<>|`, r) || r <= ' ' {
			return '-'
		}
		return r
	}, strings.TrimSpace(term))
	if slug == "" || slug == "." || slug == ".." || strings.HasPrefix(slug, ".") {
		slug = "-" + slug
	}
	return slug
}

// Taxonomy returns the taxonomy of a key, or nil.
func (s *Site) Taxonomy(key string) *Taxonomy {
	for _, t := range s.Taxonomies {
		if t.Key == key {
			return t
		}
	}
	return nil
}

// Term returns the list of a taxonomy's term, or nil.
func (s *Site) Term(key, value string) *List {
	if t := s.Taxonomy(key); t != nil {
		return t.terms[value]
	}
	return nil
}
