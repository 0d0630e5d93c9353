package generator_test

import (
	"testing"

	"github.com/dangjian/dangjian/internal/sitetest"
)

func TestSearchPageAndIndex(t *testing.T) {
	s := sitetest.New(t, basicSite)
	s.Build()
	s.AssertExists("public/search/index.html", "public/search/fold.js", "public/search/index-00.js",
		"public/search/index-3f.js", "public/search/pages-000.js", "! public/search/pages-001.js",
		"public/assets/search.js")
	s.AssertFile("public/search/index.html", "<h1>搜索</h1>", `data-shards="64"`, `<script src="../assets/search.js"></script>`)
	// Every page's header holds a search box that sends its query to the search page.
	s.AssertFile("public/lectures/专题讨论/讲政治/index.html", `<form class="site-search" role="search" action="../../../search/index.html" method="get">`)
	// Pages are numbered newest first.
	s.AssertFile("public/search/pages-000.js", `dangjianSearch.add("pages-000",[["../reports/2016/index.html","2016年度报告","2016-12-31","","报告。"],`)
}

func TestSearchClash(t *testing.T) {
	s := sitetest.New(t, basicSite)
	s.Write("static/search/index-07.js", "// mine")
	s.Write("content/search/_index.md", "---\ntitle: 查找\n---\n")
	sitetest.AssertProblems(t, s.BuildFails(),
		"static/search/index-07.js:1:1: URL /search/index-07.js is also the search/index-07.js page that dangjian writes",
		"content/search/_index.md:1:1: URL /search/ is also the search/index.html page that dangjian writes")
}
