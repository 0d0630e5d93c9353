package page

import "strings"

// Rel returns the relative link from the page at URL from (a folder URL such as /a/b/) to
// target, a root-relative path that may end in a fragment. Folder targets get index.html, so
// that the link works in a site opened from disk as well as from any server path.
func Rel(from, target string) string {
	suffix := ""
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		target, suffix = target[:i], target[i:]
	}
	if target == "" || strings.HasSuffix(target, "/") {
		target += "index.html"
	}
	fromDirs := splitDirs(from)
	to := strings.Split(strings.TrimPrefix(target, "/"), "/")
	toDirs, file := to[:len(to)-1], to[len(to)-1]
	common := 0
	for common < len(fromDirs) && common < len(toDirs) && fromDirs[common] == toDirs[common] {
		common++
	}
	var b strings.Builder
	// Layouts ask for dozens of links a page: the link is written into one allocation.
	b.Grow(3*(len(fromDirs)-common) + len(target) + len(suffix))
	for range len(fromDirs) - common {
		b.WriteString("../")
	}
	for _, d := range toDirs[common:] {
		b.WriteString(d)
		b.WriteByte('/')
	}
	b.WriteString(file)
	b.WriteString(suffix)
	return b.String()
}

// splitDirs returns the folders of a folder URL: /a/b/ → [a b]; / → [].
func splitDirs(url string) []string {
	url = strings.Trim(url, "/")
	if url == "" {
		return nil
	}
	return strings.Split(url, "/")
}
