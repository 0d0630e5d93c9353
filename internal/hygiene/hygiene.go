// Package hygiene finds the slips in a source file's text that a build does not notice: the
// 字(pīnyīn) garbage that machine conversion leaves (根據(jù)), characters lost in an encoding
// conversion, characters of the other script than site.yaml declares, half-width punctuation
// inside Chinese sentences, and invisible characters. It finds too, to repair them, the slips
// of a Chinese keyboard in front matter and the full-width indents of paragraphs, which the
// build reports in the same words (packages yamlnode and markdown say what they are). Each
// finding has its exact position and, when the repair is certain, the edit that makes it;
// applying the edits changes nothing else in the file, byte for byte (a CRLF file stays CRLF,
// a byte-order mark at its start stays).
//
// Garbage and invisible characters are looked for everywhere in a file. Punctuation and script
// are looked at only in prose, where they are the writer's choice: the text of Markdown, not its
// syntax, code or link targets; and YAML values written on one line, not keys or list commas.
// Code (code blocks, fenced or indented, and code spans) is never edited: a slip found there
// is told without a repair.
package hygiene

import (
	"bytes"
	"cmp"
	"path"
	"slices"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/frontmatter"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/textfile"
)

// Finding is one slip in a file.
type Finding struct {
	diag.Problem
	// Edits repair the slip when the repair is certain; nil otherwise.
	Edits []Edit
	// Done says what the edits did, for the list of changes: `deleted "(jù)" after 據`; its
	// Key is "" when there are none.
	Done msg.Message
}

// Edit replaces the bytes [Start, End) of the file, as it was given, with New.
type Edit struct {
	Start, End int
	New        string
}

// Check returns the slips in the file named file, whose bytes are data, sorted by position.
// w is how the site writes (Learn); nil skips the check of the script. A Markdown file (.md)
// is front matter and body, a YAML file (.yaml, .yml) is all YAML. A file that is not UTF-8,
// or too large to be a page, gives nothing: the build reports it.
func Check(file string, data []byte, w *Writing) []Finding {
	if len(data) > frontmatter.MaxFileSize || !utf8.Valid(data) {
		return nil
	}
	t := newText(file, data)
	if w.checked() != "" {
		t.writing = w.apart(data)
	}
	t.invisible()
	t.misread()
	t.garbage()
	t.tellMisread()
	c := t.clean()
	if t.keyboard(c) {
		c = t.clean()
	}
	prose, code, indents, values := t.regions(c)
	t.indents(indents)
	t.punctuation(prose)
	if w.checked() != "" {
		t.script(prose, values)
	}
	t.leaveCode(code)
	slices.SortStableFunc(t.found, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
	return t.found
}

// leaveCode takes the edits from the findings in code, which stays as written: the slip is
// still told, for the writer to mend by hand if it is one.
func (t *text) leaveCode(code []span) {
	for i := range t.found {
		f := &t.found[i]
		if len(f.Edits) > 0 && slices.ContainsFunc(f.Edits, func(e Edit) bool {
			return slices.ContainsFunc(code, func(s span) bool { return e.Start < t.raw(s.end) && t.raw(s.start) < e.End })
		}) {
			f.Edits, f.Done = nil, msg.Message{}
			f.Message = msg.New(msg.ByHandInCode, f.Message)
		}
	}
}

// Apply returns data with the edits of the findings made. Edits that overlap an earlier one
// are left out; Check never makes such edits.
func Apply(data []byte, findings []Finding) []byte {
	var edits []Edit
	for _, f := range findings {
		edits = append(edits, f.Edits...)
	}
	slices.SortStableFunc(edits, func(a, b Edit) int { return a.Start - b.Start })
	var out bytes.Buffer
	out.Grow(len(data))
	done := 0
	for _, e := range edits {
		if e.Start < done || e.End < e.Start || e.End > len(data) {
			continue
		}
		out.Write(data[done:e.Start])
		out.WriteString(e.New)
		done = e.End
	}
	out.Write(data[done:])
	return out.Bytes()
}

// text is one file being checked. Offsets are into norm, the file with its byte-order mark
// and CRLF line ends taken away, as the rest of dangjian reads it; edits are moved back to
// the file's own bytes when they are made.
type text struct {
	file string
	// writing is how the site writes, or nil when the script is not checked.
	writing *Writing
	isMD    bool
	norm    []byte
	bom     int   // the length of the byte-order mark taken from the start
	crlf    []int // offsets in norm of the line ends that were CRLF
	lines   []int // offsets in norm at which lines start
	// skip holds the ranges of garbage and invisible characters, sorted: punctuation looks
	// past them for its neighbours, so that one --fix leaves nothing for the next.
	skip []span
	// repairs are the edits that mend the keyboard's slips of the front matter, in norm's
	// offsets: the front matter's values are read as they will be.
	repairs []Edit
	// becomes holds the full-width marks that half-width ones at these offsets are replaced
	// with, so that their neighbours see them as they will be.
	becomes map[int]rune
	handled map[int]bool // the offsets of the marks reported
	runs    []*misreadRun
	lostOn  map[int]bool // the starts of lines where a character was lost untold
	found   []Finding
	last    lastPos
}

// span is a range [start, end) of offsets in norm.
type span struct{ start, end int }

func newText(file string, data []byte) *text {
	t := &text{
		file:    file,
		isMD:    path.Ext(file) == ".md",
		norm:    textfile.Normalize(data),
		bom:     len(data) - len(bytes.TrimPrefix(data, []byte("\uFEFF"))),
		lines:   []int{0},
		becomes: map[int]rune{},
		handled: map[int]bool{},
		lostOn:  map[int]bool{},
		last:    lastPos{line: -1},
	}
	raw := data[t.bom:]
	for i, removed := 0, 0; i < len(raw); i++ {
		if raw[i] != '\n' {
			continue
		}
		if i > 0 && raw[i-1] == '\r' {
			removed++
			t.crlf = append(t.crlf, i-removed)
		}
		t.lines = append(t.lines, i-removed+1)
	}
	return t
}

// raw returns the offset in the file's own bytes of an offset in norm.
func (t *text) raw(offset int) int {
	before, _ := slices.BinarySearch(t.crlf, offset)
	return t.bom + offset + before
}

// pos returns the position of an offset in norm: its line, and its column in characters.
// Findings come mostly in order, so counting goes on from the last position on the same line.
func (t *text) pos(offset int) diag.Position {
	line, found := slices.BinarySearch(t.lines, offset)
	if !found {
		line--
	}
	var col int
	switch last := t.last; {
	case last.line == line && last.offset <= offset:
		col = last.col + utf8.RuneCount(t.norm[last.offset:offset])
	case last.line == line: // brackets are also looked at from the end of a line back
		col = last.col - utf8.RuneCount(t.norm[offset:last.offset])
	default:
		col = 1 + utf8.RuneCount(t.norm[t.lines[line]:offset])
	}
	t.last = lastPos{line, offset, col}
	return diag.Position{File: t.file, Line: line + 1, Col: col}
}

// lastPos is the last position pos worked out.
type lastPos struct{ line, offset, col int }

// lineStart returns the offset of the start of the line holding offset.
func (t *text) lineStart(offset int) int {
	line, found := slices.BinarySearch(t.lines, offset)
	if !found {
		line--
	}
	return t.lines[line]
}

// lineEnd returns the offset of the end of the line holding offset: its newline, or the end.
func (t *text) lineEnd(offset int) int {
	line, found := slices.BinarySearch(t.lines, offset)
	if found {
		line++
	}
	if line < len(t.lines) {
		return t.lines[line] - 1
	}
	return len(t.norm)
}

// report records a finding at offset. edits are in norm's offsets; report moves them to the file's.
func (t *text) report(p diag.Problem, offset int, done msg.Message, edits ...Edit) {
	t.handled[offset] = true
	p.Pos = t.pos(offset)
	for i := range edits {
		edits[i].Start, edits[i].End = t.raw(edits[i].Start), t.raw(edits[i].End)
	}
	t.found = append(t.found, Finding{Problem: p, Edits: edits, Done: done})
}

// skipped returns the range of skip that holds offset, if any.
func (t *text) skipped(offset int) (span, bool) {
	i, _ := slices.BinarySearchFunc(t.skip, offset, func(s span, o int) int {
		switch {
		case s.end <= o:
			return -1
		case s.start > o:
			return 1
		}
		return 0
	})
	if i < len(t.skip) && t.skip[i].start <= offset && offset < t.skip[i].end {
		return t.skip[i], true
	}
	return span{}, false
}

// addSkip records a range that punctuation looks past. Ranges that touch are joined, so that
// looking past a run of garbage (發(fā)(fā)…) is one step.
func (t *text) addSkip(s span) {
	i, _ := slices.BinarySearchFunc(t.skip, s.start, func(a span, start int) int { return a.start - start })
	if i < len(t.skip) && t.skip[i].start == s.end {
		s.end = t.skip[i].end
		t.skip = slices.Delete(t.skip, i, i+1)
	}
	if i > 0 && t.skip[i-1].end == s.start {
		t.skip[i-1].end = s.end
		return
	}
	t.skip = slices.Insert(t.skip, i, s)
}

// before returns the character before offset on its line, looking past skipped ranges, and
// utf8.RuneError at the start of the line. A mark that is being replaced reads as its
// replacement, and a garbled run as it reads in step.
func (t *text) before(offset int) rune {
	r, _ := t.beforeAt(offset)
	return r
}

// beforeAt is before, with the offset of the character (of the run) it returns, or of the
// line's start.
func (t *text) beforeAt(offset int) (rune, int) {
	start := t.lineStart(offset)
	for offset > start {
		if run, ok := t.runAt(offset, func(run *misreadRun) int { return run.end }); ok {
			return run.last(), run.at
		}
		r, size := utf8.DecodeLastRune(t.norm[start:offset])
		if s, ok := t.skipped(offset - size); ok {
			offset = max(s.start, start)
			continue
		}
		if full, ok := t.becomes[offset-size]; ok {
			return full, offset - size
		}
		return r, offset - size
	}
	return utf8.RuneError, start
}

// after returns the character at offset, looking past skipped ranges (and spaces, when
// spaces is true), with its offset; utf8.RuneError and the line's end at the end of the line.
// A garbled run reads as it does in step.
func (t *text) after(offset int, spaces bool) (rune, int) {
	end := t.lineEnd(offset)
	for offset < end {
		if run, ok := t.runAt(offset, func(run *misreadRun) int { return run.at }); ok {
			return run.first(), offset
		}
		if s, ok := t.skipped(offset); ok {
			offset = s.end
			continue
		}
		r, size := utf8.DecodeRune(t.norm[offset:end])
		if spaces && (r == ' ' || r == '\t') {
			offset += size
			continue
		}
		if full, ok := t.becomes[offset]; ok {
			return full, offset
		}
		return r, offset
	}
	return utf8.RuneError, end
}
