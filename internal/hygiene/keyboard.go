package hygiene

import (
	"bytes"
	"strings"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/frontmatter"
	"github.com/dangjian/dangjian/internal/markdown"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/yamlnode"
)

// keyboard finds the slips of a Chinese keyboard in a page's front matter (yamlnode.Slips says
// which): the loader reports them too, in the same words, and reads the front matter as if
// repaired; here they come with their repairs. It reads the front matter as it is without the
// skipped ranges, so that a slip behind an invisible character is found in the same run, and
// records the repairs, so that the front matter's values are read as they will be. It reports
// whether it found a repair.
func (t *text) keyboard(c *cleaned) bool {
	if !t.isMD {
		return false
	}
	src, from, _, ok := frontMatter(c.text)
	if !ok {
		return false
	}
	repaired := false
	for _, s := range yamlnode.Slips(t.file, src) {
		edits := make([]Edit, len(s.Edits))
		for i, e := range s.Edits {
			edits[i] = Edit{Start: c.norm(from+e.Start, false), End: c.norm(from+e.End, true), New: e.New}
		}
		t.repairs = append(t.repairs, edits...)
		repaired = repaired || len(edits) > 0
		t.report(s.Problem, c.norm(from+s.Offset, false), s.Done, edits...)
	}
	return repaired
}

// frontMatter returns the front matter of a Markdown text as YAML whose lines are the file's:
// the newline that ends the opening --- stands in its place, as the loader reads it. from is
// the offset in text of that newline, and bodyStart that of the body; ok is false when the
// text has no front matter.
func frontMatter(text []byte) (src []byte, from, bodyStart int, ok bool) {
	matter, body, _, ok := frontmatter.Split(text)
	if !ok || matter == nil {
		return nil, 0, 0, false
	}
	from = bytes.IndexByte(text, '\n')
	return text[from : from+1+len(matter)], from, len(text) - len(body), true
}

// indent is the full-width spaces that start a paragraph of the body, as Word indents one.
type indent struct {
	spaces    []span // each of them, in norm: a character taken out between them is not theirs
	deletable bool   // the paragraph stays one without them
}

// indents reports the full-width indents of paragraphs, and deletes those that can go.
func (t *text) indents(indents []indent) {
	for _, in := range indents {
		spaces := strings.Repeat(wideSpace, len(in.spaces))
		var edits []Edit
		var done msg.Message
		if in.deletable {
			for _, s := range in.spaces {
				edits = append(edits, Edit{Start: s.start, End: s.end})
			}
			done = msg.New(msg.DeletedIndent, spaces)
		}
		t.report(markdown.IndentWarning(diag.Position{}, []byte(spaces)), in.spaces[0].start, done, edits...)
	}
}

// wideSpace is the full-width space, U+3000.
const wideSpace = "\u3000"
