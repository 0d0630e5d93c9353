package render

import (
	"slices"
	"testing"

	"github.com/dangjian/dangjian/internal/frontmatter"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/page"
)

// TestGallery checks that a bundle's gallery shows its images but its cover, in file order,
// each named by its file: dashes and underscores read as spaces.
func TestGallery(t *testing.T) {
	d := &Data{URL: "/lecture-hall/x/"}
	p := &page.Page{Doc: frontmatter.Doc{Matter: kinds.Matter{Common: kinds.Common{Cover: "cover.jpg"}}}, URL: "/lecture-hall/x/",
		Resources: []string{"cover.jpg", "现场-合影_2.JPG", "notes.pdf", "photos/签到.webp"}}
	want := []Photo{{Src: "现场-合影_2.JPG", Alt: "现场 合影 2"}, {Src: "photos/签到.webp", Alt: "签到"}}
	if got := d.Gallery(p); !slices.Equal(got, want) {
		t.Errorf("Gallery = %q, want %q", got, want)
	}
}
