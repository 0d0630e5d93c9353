package convert

import (
	"net/url"
	"path"
	"strings"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/page"
)

// linkResolver checks the links and images of one page against the site and rewrites them as
// relative URLs. Links may be written root-relative (/lectures/x/), as the path of a source
// file (../lectures/x.md), or relative to the page's own folder (cover.png in a bundle).
type linkResolver struct {
	site *page.Site
	page *page.Page
}

// Resolve implements markdown.Resolver.
func (r linkResolver) Resolve(dest string) (string, error) {
	target, suffix, err := r.target(dest)
	if err != nil || target == "" {
		return dest, err
	}
	return page.Rel(r.page.URL, target) + suffix, nil
}

// target returns the root-relative path that dest points at, with its query or fragment
// apart; "" when dest is left as written (another site, mail, a fragment of this page).
func (r linkResolver) target(dest string) (target, suffix string, err error) {
	if strings.TrimSpace(dest) == "" {
		return "", "", msg.New(msg.EmptyLink)
	}
	u, err := url.Parse(dest)
	if err != nil {
		return "", "", msg.New(msg.MalformedLink, dest)
	}
	if u.Scheme != "" || u.Host != "" || strings.HasPrefix(dest, "#") {
		return "", "", nil
	}
	rawPath := dest
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		rawPath, suffix = dest[:i], dest[i:]
	}
	p, err := url.PathUnescape(rawPath)
	if err != nil {
		return "", "", msg.New(msg.MalformedLink, dest)
	}
	switch {
	case strings.HasSuffix(p, ".md"):
		target, err = r.sourceTarget(dest, p)
	case strings.HasPrefix(p, "/"):
		target = cleanURL(p)
	default:
		base := "/" + r.page.Dir + "/"
		if r.page.IsBundle() {
			base = r.page.URL
		}
		target = path.Join(base, p) + trailingSlash(p)
	}
	if err != nil {
		return "", "", err
	}
	if !r.site.Exists(target) {
		if !strings.HasSuffix(target, "/") && r.site.Exists(target+"/") {
			return target + "/", suffix, nil
		}
		if draft := r.site.DraftAt(target); draft != "" {
			return "", "", msg.New(msg.LinkToDraft, dest, diag.Path(draft))
		}
		return "", "", msg.New(msg.LinkNowhere, dest, target)
	}
	return target, suffix, nil
}

// sourceTarget resolves a link written as the path of a Markdown file.
func (r linkResolver) sourceTarget(dest, p string) (string, error) {
	file := path.Join(path.Dir(r.page.File), p)
	if strings.HasPrefix(p, "/") {
		file = path.Join(kinds.ContentDir, p)
	}
	if target := r.site.BySource(file); target != nil {
		return target.URL, nil
	}
	return "", msg.New(msg.LinkNotPage, dest, diag.Path(file))
}

// cleanURL cleans a root-relative path, keeping a final slash.
func cleanURL(p string) string {
	return path.Clean(p) + trailingSlash(p)
}

func trailingSlash(p string) string {
	if strings.HasSuffix(p, "/") && p != "/" {
		return "/"
	}
	return ""
}
