package hygiene

import (
	"bytes"
	"path"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/textfile"
	"github.com/dangjian/dangjian/internal/yamlnode"
)

// Count returns how many findings Check returns for the file, and finds it out quickly for a
// file that has none, as nearly every file of a site has: it looks for a character that a
// check starts from, and checks only a file that holds one. A build counts the text's slips
// of every file with a Tally, for a few percent of its time.
func Count(file string, data []byte, w *Writing) int {
	t := NewTally(file, data, w.checked())
	if !t.may && !w.mixed(t.forms) {
		return 0
	}
	return len(Check(file, data, w))
}

// Tally is what a build keeps of a file to count, once every file is read, what Check finds
// in it: the file, whether it holds a character a check starts from, and how often it writes
// each character whose form the site's own text may decide.
type Tally struct {
	file  string
	data  []byte
	may   bool // see mayFind
	forms map[rune]int
}

// NewTally reads a file of a site written in script for CountAll.
func NewTally(file string, data []byte, script string) Tally {
	w := &Writing{script: script, classes: chars().classes[script]}
	return Tally{file: file, data: data, may: mayFind(file, data, w.checked()), forms: w.formCounts(data)}
}

// CountAll returns how many findings Check returns for the files of the tallies, how the site
// writes learned from them all as check learns it (Learn). Nearly always no file may hold a
// finding, and nothing is learned: that is most of the cost of learning.
func CountAll(site *config.Site, tallies []Tally) int {
	w := newWriting(site)
	tallies = slices.DeleteFunc(slices.Clone(tallies), func(t Tally) bool { return t.forms == nil }) // files not read
	for _, t := range tallies {
		for r, n := range t.forms {
			w.learned.counts[r] += n
		}
	}
	// These counts, of every line, pasted paragraphs too, are at least Learn's: a file that
	// is not mixed by them is not by Learn's.
	var checked []Tally
	for _, t := range tallies {
		if t.may || w.mixed(t.forms) {
			checked = append(checked, t)
		}
	}
	if len(checked) == 0 {
		return 0
	}
	texts := make([][]byte, len(tallies))
	for i, t := range tallies {
		texts[i] = t.data
	}
	w = Learn(site, texts...)
	n := 0
	for _, t := range checked {
		n += len(Check(t.file, t.data, w))
	}
	return n
}

// mayFind reports whether Check may find something in the file: whether it holds a character
// that one of the checks starts from. Each check reports only at such a character, or beside
// one: invisible characters, U+FFFD (and bytes that are not UTF-8), a "?" after Chinese (lost
// characters), a tone-marked letter (garbage's pinyin), a character of the other script, and
// half-width marks beside Chinese, a full-width space; and a slip of a Chinese keyboard in front matter. It never says no where Check finds something (TestCount and
// FuzzCheck hold it to that): a new check adds here what it starts from.
func mayFind(file string, data []byte, script string) bool {
	norm := textfile.Normalize(data)
	yamlEnd := len(norm) // where the YAML ends: the front matter of a Markdown file
	if path.Ext(file) == ".md" {
		yamlEnd = 0
		if src, _, bodyStart, ok := frontMatter(norm); ok {
			yamlEnd = bodyStart
			if yamlnode.MaySlip(file, src) {
				return true
			}
		}
	}
	starts := startSet(script)
	prev := '\n'
	flow := yamlEnd > 0 && flowLine(norm)
	// A bracket pair's Chinese: whether a Han character came since the outermost "(" still open.
	depth, hanInside := 0, false
	// Within a link's destination, "](…)", the text is an address, not prose: its brackets and
	// marks are not a check's.
	destination := false
	for i := 0; i < len(norm); {
		r, size := rune(norm[i]), 1
		switch {
		case r < utf8.RuneSelf:
		case r&0xF0 == 0xE0 && i+2 < len(norm) && norm[i+1]&0xC0 == 0x80 && norm[i+2]&0xC0 == 0x80:
			// Three bytes, as nearly every character of Chinese text: decoded here, as
			// utf8.DecodeRune would, for speed.
			r, size = r&0x0F<<12|rune(norm[i+1]&0x3F)<<6|rune(norm[i+2]&0x3F), 3
			if r < 0x800 || r >= 0xD800 && r <= 0xDFFF {
				r, size = utf8.DecodeRune(norm[i:])
			}
		default:
			r, size = utf8.DecodeRune(norm[i:])
		}
		switch {
		case r == '\n':
			flow = i+1 < yamlEnd && flowLine(norm[i+1:])
			destination = false
		case r >= utf8.RuneSelf:
			if r == utf8.RuneError || starts.has(r) {
				return true
			}
			if depth > 0 && !destination && unicode.Is(unicode.Han, r) {
				hanInside = true
			}
		case destination:
			destination = r != ')'
		case r == ',' && flow && i < yamlEnd: // YAML's comma between the items of a list
		case r == ',' || r == ';' || r == ':' || r == '!' || r == '.' || r == '?':
			if isCJK(prev) {
				return true
			}
		case r == '(' && prev == ']' && linkDestination(norm, i):
			destination = true
		case r == '(':
			if isCJK(prev) {
				return true
			}
			if depth == 0 {
				hanInside = false
			}
			depth++
		case r == ')':
			depth = max(0, depth-1)
			if next, _ := utf8.DecodeRune(norm[i+1:]); hanInside && isCJK(next) {
				return true
			}
		case r == '"':
			if next, _ := utf8.DecodeRune(norm[i+1:]); isCJK(prev) || isCJK(next) {
				return true
			}
		}
		prev = r
		i += size
	}
	return false
}

// linkDestination reports whether the "(" at i, after a "]", surely opens a link's destination,
// an address and no more: a "[" came before it on its line, and a ")" closes it before a space,
// the line's end, or a character that makes it something else (a nested bracket, a title's
// quotes, an escape).
func linkDestination(b []byte, i int) bool {
	start := bytes.LastIndexByte(b[:i], '\n') + 1
	end := bytes.IndexAny(b[i+1:], ") \t\n(<>\"'\\[]")
	return bytes.IndexByte(b[start:i], '[') >= 0 && end >= 0 && b[i+1+end] == ')'
}

// flowLine reports whether the line at the start of b is a key, or an item of a list, whose
// value is a flow list or mapping ([甲, 乙], {a: 1}) with no quotes: its commas are YAML's
// syntax, never prose.
func flowLine(b []byte) bool {
	line, _, _ := bytes.Cut(b, []byte("\n"))
	if bytes.ContainsAny(line, `"'`) {
		return false
	}
	if item, ok := bytes.CutPrefix(bytes.TrimLeft(line, " "), []byte("- ")); ok {
		line = bytes.TrimLeft(item, " ") // an item of a list: its value, or its first key's
		if len(line) > 0 && (line[0] == '[' || line[0] == '{') {
			return true
		}
	}
	_, value, ok := bytes.Cut(line, []byte(": "))
	value = bytes.TrimLeft(value, " ")
	return ok && len(value) > 0 && (value[0] == '[' || value[0] == '{')
}

// runeSet is a set of characters as bits, for a test as quick as reading the character.
type runeSet []uint64

func (s runeSet) has(r rune) bool {
	return int(r>>6) < len(s) && s[r>>6]&(1<<(r&63)) != 0
}

// startSet returns the characters that a check starts from wherever they are, in a site written
// in script ("" when it is not checked): invisible characters, tone-marked letters, and the
// characters that script's text has no place for, those it writes only in names among them.
func startSet(script string) runeSet { return startSets()[script] }

var startSets = sync.OnceValue(func() map[string]runeSet {
	sets := map[string]runeSet{}
	for _, script := range append(kinds.Scripts[:], "") {
		var set runeSet
		add := func(r rune) {
			for int(r>>6) >= len(set) {
				set = append(set, 0)
			}
			set[r>>6] |= 1 << (r & 63)
		}
		for r := range invisibles {
			add(r)
		}
		for r := range toneless {
			add(r)
		}
		add([]rune(wideSpace)[0]) // Word's indent of a paragraph
		if script != "" {
			// The characters the other script writes, and those this one writes mostly in
			// another form (干: 幹部, though 若干). One it writes in other forms too by the
			// word is a finding only where the site writes another form (Writing.mixed).
			for _, wrong := range []forms{chars().only[script], chars().usually[script]} {
				for r := range wrong {
					add(r)
				}
			}
			for r, f := range chars().both[script] {
				if f[0] != r {
					add(r)
				}
			}
		}
		sets[script] = set
	}
	return sets
})
