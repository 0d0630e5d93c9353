package generator

import (
	"github.com/dangjian/dangjian/internal/page"
	"github.com/dangjian/dangjian/internal/search"
)

// SearchIndex builds the files of the search index of every published page.
func (s *Site) SearchIndex() ([]search.File, error) {
	docs := make([]search.Doc, len(s.model.Pages))
	for i, p := range s.model.Pages {
		docs[i] = search.Doc{URL: page.Rel(search.URL, p.URL), Title: p.Title, Date: p.DateString(), Summary: p.Summary, Text: s.pages.Of(p).Text}
	}
	return search.Build(docs)
}

// writeSearch writes the search page and the files of its index.
func (s *Site) writeSearch(pub Sink) error {
	html, err := s.renderer.Search()
	if err != nil {
		return err
	}
	if err := pub.Write(page.OutputPath(search.URL), html); err != nil {
		return err
	}
	files, err := s.SearchIndex()
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := pub.Write(f.Name, f.Data); err != nil {
			return err
		}
	}
	return nil
}

// searchFileNames lists the files writeSearch writes for a site of so many published pages;
// the search page is last.
func searchFileNames(published int) []string {
	return append(search.Files(published), page.OutputPath(search.URL))
}
