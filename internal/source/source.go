// Package source finds a site's files: the pages, list introductions, page-bundle resources
// and other files under content/, and the files under static/, in sorted order.
package source

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/msg"
)

// Tree lists a site's source files. Paths are slash-separated and relative to the site root,
// except Static, which is relative to static/.
type Tree struct {
	Pages   []string // content/**/*.md other than _index.md
	Indexes []string // content/**/_index.md
	// Resources maps a bundle's index.md to its other files, relative to the bundle's folder.
	Resources map[string][]string
	// Files are content files that are neither Markdown nor in a bundle; they are published
	// at their path under content/.
	Files  []string
	Static []string
	// FixTemps are the temporary files that a check --fix stopped before its rename left beside
	// site.yaml or a content file, for the next run to remove (publish.RemoveFixTemp). They are
	// hidden files, neither published nor reported.
	FixTemps []string

	contentFiles []string
}

// ContentFiles lists the files under content/ that are published as they are, the bundles'
// resources and the other files, as paths from the site's root, in order.
func (t *Tree) ContentFiles() []string { return t.contentFiles }

// Walk lists the files of the site in fsys. Hidden files, editors' backup and swap files and
// symbolic links are skipped (a link could point anywhere on the machine).
func Walk(fsys fs.FS) (*Tree, diag.List) {
	t := &Tree{Resources: map[string][]string{}}
	var problems diag.List
	var content []string
	for _, root := range []string{kinds.ContentDir, kinds.StaticDir} {
		err := fs.WalkDir(fsys, root, func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				if name == root && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				problems.Errorf(diag.Position{File: name}, msg.CannotRead, err)
				return nil
			}
			if root == kinds.ContentDir && IsFixTemp(d.Name()) {
				t.FixTemps = append(t.FixTemps, name)
			}
			if name != root && Ignored(d.Name()) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if why, bad := badName(d.Name(), d.IsDir()); bad {
				problems.Add(diag.Problem{Pos: diag.Position{File: visible(name)}, Message: why})
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			switch {
			case d.Type()&fs.ModeSymlink != 0:
				problems.Add(diag.Warningf(diag.Position{File: name}, msg.SymlinkSkipped))
			case !d.Type().IsRegular():
				// folders are walked into; devices and pipes are not site files
			case root == kinds.StaticDir:
				t.Static = append(t.Static, strings.TrimPrefix(name, root+"/"))
			default:
				content = append(content, name)
			}
			return nil
		})
		if err != nil {
			problems.Errorf(diag.Position{File: root}, msg.CannotRead, err)
		}
	}
	if entries, err := fs.ReadDir(fsys, "."); err == nil {
		for _, e := range entries {
			if IsFixTemp(e.Name()) {
				t.FixTemps = append(t.FixTemps, e.Name())
			}
		}
	}
	t.classify(content, &problems)
	return t, problems
}

// classify sorts the files under content/ into pages, list introductions, bundle resources
// and other files.
func (t *Tree) classify(content []string, problems *diag.List) {
	bundles := map[string]string{} // bundle folder → its index.md
	for _, name := range content {
		if path.Base(name) == kinds.BundleFile {
			bundles[path.Dir(name)] = name
		}
	}
	for _, name := range content {
		if bundle := bundleOf(name, bundles); bundle != "" && bundle != name {
			if strings.HasSuffix(name, ".md") {
				problems.Add(diag.Warningf(diag.Position{File: name}, msg.MarkdownInBundle, diag.Path(path.Dir(bundle))))
				continue
			}
			t.Resources[bundle] = append(t.Resources[bundle], strings.TrimPrefix(name, path.Dir(bundle)+"/"))
			t.contentFiles = append(t.contentFiles, name)
			continue
		}
		switch {
		case path.Base(name) == kinds.IndexFile:
			t.Indexes = append(t.Indexes, name)
		case strings.HasSuffix(name, ".md"):
			t.Pages = append(t.Pages, name)
		default:
			t.Files = append(t.Files, name)
			t.contentFiles = append(t.contentFiles, name)
		}
	}
	for _, r := range t.Resources {
		slices.Sort(r)
	}
}

// bundleOf returns the index.md of the bundle that holds name, or "".
func bundleOf(name string, bundles map[string]string) string {
	for dir := path.Dir(name); dir != kinds.ContentDir && dir != "."; dir = path.Dir(dir) {
		if idx, ok := bundles[dir]; ok {
			return idx
		}
	}
	return ""
}

// badName says why a file or folder name cannot be published, and whether it cannot: a name
// with a control character (a line break, a tab, any of C0, DEL and C1) or that is not UTF-8
// would be read wrongly by every list of file names, the manifest of the output among them.
func badName(name string, isDir bool) (msg.Message, bool) {
	what := msg.AFile
	if isDir {
		what = msg.AFolder
	}
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return msg.New(msg.NameNotUTF8, what, name[i], what), true
		case unicode.IsControl(r):
			return msg.New(msg.NameControl, what, r, controlNames[r], what), true
		}
		i += size
	}
	return msg.Message{}, false
}

// controlNames says which control characters a name is likely to hold.
var controlNames = map[rune]msg.Key{'\t': msg.ControlTab, '\n': msg.ControlLineBreak, '\r': msg.ControlReturn}

// visible writes a path with its control characters as escapes (\n, \t, \u0085) and the bytes
// that are not UTF-8 as \xff, so that a message naming it stays on one line.
func visible(name string) string {
	var b strings.Builder
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, name[i])
		case unicode.IsControl(r):
			b.WriteString(strings.Trim(strconv.QuoteRune(r), "'"))
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// Ignored reports whether a file or folder name is hidden or an editor's or the system's
// scratch file: .git, .DS_Store, vim's .x.swp and 4913, emacs's x~, .#x and #x#, Office's ~$x,
// and the thumbnails and folder settings Windows leaves in folders of pictures.
func Ignored(name string) bool {
	return strings.HasPrefix(name, ".") ||
		strings.EqualFold(name, "Thumbs.db") || strings.EqualFold(name, "desktop.ini") ||
		len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#") ||
		strings.HasPrefix(name, "~") ||
		strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") ||
		strings.HasSuffix(name, ".tmp") ||
		name == "4913"
}

// fixTemp marks the temporary files of a repair: .x.md.dangjian-fix-123.tmp.
const fixTemp = ".dangjian-fix-"

// FixTempPattern is the pattern of os.CreateTemp for the temporary file of a repair of the
// source file name, which IsFixTemp recognises: the walk hides such files, and the next check
// or build removes those a stopped run left.
func FixTempPattern(name string) string { return "." + name + fixTemp + "*.tmp" }

// IsFixTemp reports whether a file name is that of the temporary files in which
// publish.ReplaceSource writes a repair of a source file, which no one else makes: a dot, the
// source file's name, .dangjian-fix-, digits, .tmp.
func IsFixTemp(name string) bool {
	rest, ok := strings.CutSuffix(name, ".tmp")
	i := strings.LastIndex(rest, fixTemp)
	if !ok || i < 2 || rest[0] != '.' {
		return false
	}
	digits := rest[i+len(fixTemp):]
	return digits != "" && strings.Trim(digits, "0123456789") == ""
}
