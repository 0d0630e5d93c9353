package yamlnode

import (
	"bytes"
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
	"gopkg.in/yaml.v3"
)

// Slip is a slip of a Chinese keyboard in YAML text, where it was typed: a full-width colon
// after a key, a full-width space or a tab as indentation, full-width digits in a date.
type Slip struct {
	diag.Problem
	Offset int // the byte offset in the text of what was typed
	// Edits repair the slip when the repair is certain; nil when only the writer can tell.
	Edits []Edit
	// Done says what the edits do, for the list of changes: `"：" → ": "`; its Key is ""
	// when there are none.
	Done msg.Message
}

// Edit replaces the bytes [Start, End) of the text with New.
type Edit struct {
	Start, End int
	New        string
}

// Read reads src, YAML text whose lines are the file's (front matter has an empty line in
// place of its opening ---), as its writer meant it: with the certain repairs of its slips
// made, so that a full-width colon after a key still gives the key, and full-width digits a
// date. The problems are the slips, each at the place it was typed and in its own words, and
// YAML's own error when no slip explains why the text cannot be read. The document is nil
// when YAML cannot read the text, or when a slip that only the writer can mend is in it; its
// nodes' positions are src's, the repairs undone.
func Read(file string, src []byte) (*yaml.Node, diag.List) {
	r := read(file, src)
	var problems diag.List
	for _, s := range r.slips {
		problems.Add(s.Problem)
	}
	if r.err != nil {
		problems.Add(SyntaxError(file, r.err))
	}
	return r.doc, problems
}

// Slips returns the slips in src, as Read finds them, with their repairs: for a --fix.
func Slips(file string, src []byte) []Slip { return read(file, src).slips }

// MaySlip reports whether src may hold a slip: whether the scan that Slips starts with finds
// one. It does not read the YAML, so it is quick for the text of nearly every file, which has
// none.
func MaySlip(file string, src []byte) bool { return len(scan(file, src).slips) > 0 }

// reading is what read makes of a text.
type reading struct {
	doc   *yaml.Node // nil when YAML cannot read the text, repaired
	slips []Slip
	err   error // YAML's, when no slip explains it
}

// read finds the slips of src and reads it with their certain repairs made. Tabs used as
// indentation are slips only where YAML refuses them, and their repair is certain only when
// YAML then reads the text.
func read(file string, src []byte) reading {
	s := scan(file, src)
	doc, err := parse(src, s.edits(false))
	if err == nil {
		s.slips = slices.DeleteFunc(s.slips, func(sl slip) bool { return sl.tab })
	} else if slices.ContainsFunc(s.slips, func(sl slip) bool { return sl.tab }) {
		if doc, err = parse(src, s.edits(true)); err != nil {
			for i := range s.slips {
				if s.slips[i].tab {
					s.slips[i].Edits, s.slips[i].Done = nil, msg.Message{}
				}
			}
		}
	}
	if slices.ContainsFunc(s.slips, func(sl slip) bool { return sl.Severity == diag.Error && sl.Edits == nil }) {
		// A slip left to the writer is why YAML fails, or what it read is not what was meant:
		// a key indented with full-width spaces is a key "　　date".
		doc, err = nil, nil
	}
	out := reading{doc: doc, err: err}
	for _, sl := range s.slips {
		out.slips = append(out.slips, sl.Slip)
	}
	return out
}

// parse reads src with edits made, the positions of its nodes put back to src's.
func parse(src []byte, edits []Edit) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(apply(src, edits), &doc); err != nil {
		return nil, err
	}
	if len(edits) > 0 {
		unshift(&doc, src, edits)
	}
	return &doc, nil
}

// apply returns src with edits, sorted and apart, made.
func apply(src []byte, edits []Edit) []byte {
	if len(edits) == 0 {
		return src
	}
	var b bytes.Buffer
	done := 0
	for _, e := range edits {
		b.Write(src[done:e.Start])
		b.WriteString(e.New)
		done = e.End
	}
	b.Write(src[done:])
	return b.Bytes()
}

// unshift moves the columns of the nodes of doc, read from src with edits made, back to src's:
// an edit that writes more or fewer characters than it replaces moves what follows it on its
// line. Edits hold no line ends, so lines stay where they are.
func unshift(doc *yaml.Node, src []byte, edits []Edit) {
	type moved struct{ from, by int } // from this column of the edited line on, by this many
	lines := map[int][]moved{}
	line, lineStart, at := 1, 0, 0
	for _, e := range edits {
		for ; at < e.Start; at++ {
			if src[at] == '\n' {
				line, lineStart = line+1, at+1
			}
		}
		shifts := lines[line]
		by := 0
		if len(shifts) > 0 {
			by = shifts[len(shifts)-1].by
		}
		from := utf8.RuneCount(src[lineStart:e.Start]) + 1 + by + utf8.RuneCountInString(e.New)
		lines[line] = append(shifts, moved{from, by + utf8.RuneCountInString(e.New) - utf8.RuneCount(src[e.Start:e.End])})
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for _, m := range slices.Backward(lines[n.Line]) {
			if n.Column >= m.from {
				n.Column -= m.by
				break
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(doc)
}

// slip is a Slip as the scanner finds it; a tab used as indentation is one only where YAML
// refuses it.
type slip struct {
	Slip
	tab bool
}

// scanner finds the slips of a YAML text line by line. It reads the shape of each line (its
// indentation, a key, a value) as a writer lays it out, not YAML's grammar, so that it can
// say what a slip is where YAML only fails; the text of block scalars (| and >) is passed by.
type scanner struct {
	file      string
	src       []byte
	slips     []slip
	unit      int // the spaces a tab used as indentation stands for
	line      int // the line being scanned, from 1
	lineStart int // its offset
}

func scan(file string, src []byte) *scanner {
	s := &scanner{file: file, src: src, unit: indentUnit(src), line: 1}
	block := -1 // the column beyond which the lines of a block scalar are indented; -1 outside one
	for start := 0; start <= len(src); s.line++ {
		end := len(src)
		if i := bytes.IndexByte(src[start:], '\n'); i >= 0 {
			end = start + i
		}
		s.lineStart = start
		s.scanLine(end, &block)
		start = end + 1
	}
	return s
}

// indentUnit returns the fewest spaces that indent a line of src, or 2: what a tab used as
// indentation stands for.
func indentUnit(src []byte) int {
	unit := 0
	for line := range bytes.Lines(src) {
		n := len(line) - len(bytes.TrimLeft(line, " "))
		if n > 0 && n < len(bytes.TrimRight(line, "\n")) && (unit == 0 || n < unit) {
			unit = n
		}
	}
	return cmp.Or(unit, 2)
}

const (
	wideSpace = "\u3000" // the full-width space of a Chinese input method, and of Word's indents
	wideColon = "："
)

// scanLine looks at the line from s.lineStart to end: its indentation, then a key and its value.
func (s *scanner) scanLine(end int, block *int) {
	src, i := s.src, s.lineStart
	for i < end && src[i] == ' ' {
		i++
	}
	if *block >= 0 {
		if i == end || i-s.lineStart > *block {
			return // a line of the block scalar's text
		}
		*block = -1
	}
	wide, wides := -1, 0
	var tabs []int
indentation:
	for i < end {
		switch {
		case src[i] == ' ':
			i++
		case src[i] == '\t':
			tabs = append(tabs, i)
			i++
		case bytes.HasPrefix(src[i:end], []byte(wideSpace)):
			if wide < 0 {
				wide = i
			}
			wides++
			i += len(wideSpace)
		default:
			break indentation
		}
	}
	if i == end || src[i] == '#' {
		return // a blank line or a comment
	}
	if wide >= 0 {
		s.add(diag.Error, wide, msg.WideIndent, strings.Repeat(wideSpace, wides))
	}
	if len(tabs) > 0 {
		s.tabs(tabs)
	}
	for i+1 < end && src[i] == '-' && src[i+1] == ' ' {
		for i += 2; i < end && src[i] == ' '; i++ {
		}
	}
	keyStart := i
	for i < end && isKeyByte(src[i], i == keyStart) {
		i++
	}
	if i == keyStart || i == end {
		return // no key: an item of a list, or a line of a value written on several
	}
	key, column := string(src[keyStart:i]), utf8.RuneCount(src[s.lineStart:keyStart])
	switch {
	case src[i] == ':':
		i++
		switch r, _ := utf8.DecodeRune(src[i:end]); {
		case i == end || r == ' ' || r == '\t':
		case r == '\u3000':
			s.add(diag.Error, i, msg.WideSpaceAfterColon, key)
			s.repair(s.wideSpaces(i, end)...)
		case r >= utf8.RuneSelf:
			s.add(diag.Error, i-1, msg.NoSpaceAfterColon, key)
			s.repair(Edit{i - 1, i, ": "})
		default:
			return // a word with a colon in it, such as a time or a web address
		}
	case bytes.HasPrefix(src[i:end], []byte(wideColon)):
		colon := i
		i += len(wideColon)
		s.add(diag.Error, colon, msg.WideColon, key)
		switch r, _ := utf8.DecodeRune(src[i:end]); {
		case i == end || r == ' ' || r == '\t':
			s.repair(Edit{colon, i, ":"})
		case r == '\u3000':
			s.repair(append([]Edit{{colon, i, ":"}}, s.wideSpaces(i, end)...)...)
		default:
			s.repair(Edit{colon, i, ": "})
		}
	default:
		return
	}
	for i < end && (src[i] == ' ' || src[i] == '\t') || bytes.HasPrefix(src[i:end], []byte(wideSpace)) {
		_, size := utf8.DecodeRune(src[i:end])
		i += size
	}
	if i < end && (src[i] == '|' || src[i] == '>') {
		*block = column
		return
	}
	s.value(key, i, end)
}

// isKeyByte reports whether b may be in a key as dangjian's are written: title, lecture_forms.
func isKeyByte(b byte, first bool) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_' || !first && (b >= '0' && b <= '9' || b == '-')
}

// tabs records the tabs of a line's indentation as one slip.
func (s *scanner) tabs(tabs []int) {
	var edits []Edit
	for _, t := range tabs {
		edits = append(edits, Edit{t, t + 1, strings.Repeat(" ", s.unit)})
	}
	s.add(diag.Error, tabs[0], msg.TabIndent)
	s.repair(edits...)
	sl := &s.slips[len(s.slips)-1]
	sl.tab = true
	sl.Done = msg.New(msg.TabsDone, msg.New(msg.Tabs, len(tabs)), msg.New(msg.Spaces, len(tabs)*s.unit))
}

// shiftEdits returns edits moved by offset.
func shiftEdits(edits []Edit, offset int) []Edit {
	moved := make([]Edit, len(edits))
	for i, e := range edits {
		moved[i] = Edit{e.Start + offset, e.End + offset, e.New}
	}
	return moved
}

// wideSpaces returns the edits that turn the full-width spaces from start into one space.
func (s *scanner) wideSpaces(start, end int) []Edit {
	var edits []Edit
	for i, space := start, " "; bytes.HasPrefix(s.src[i:end], []byte(wideSpace)); i, space = i+len(wideSpace), "" {
		edits = append(edits, Edit{i, i + len(wideSpace), space})
	}
	return edits
}

// add records a slip at offset on the line being scanned.
func (s *scanner) add(severity diag.Severity, offset int, key msg.Key, args ...any) {
	pos := diag.Position{File: s.file, Line: s.line, Col: utf8.RuneCount(s.src[s.lineStart:offset]) + 1}
	s.slips = append(s.slips, slip{Slip: Slip{Problem: diag.Problem{Pos: pos, Severity: severity, Message: msg.New(key, args...)}, Offset: offset}})
}

// repair gives the last slip recorded its edits, sorted and on one line, and says what they do.
func (s *scanner) repair(edits ...Edit) {
	sl := &s.slips[len(s.slips)-1]
	first, last := edits[0].Start, edits[len(edits)-1].End
	sl.Edits = edits
	sl.Done = msg.New(msg.Replaced, string(s.src[first:last]), string(apply(s.src[first:last], shiftEdits(edits, -first))))
}

// edits returns the repairs of the slips found, sorted; those of tabs only when tabs is true.
func (s *scanner) edits(tabs bool) []Edit {
	var edits []Edit
	for _, sl := range s.slips {
		if !sl.tab || tabs {
			edits = append(edits, sl.Edits...)
		}
	}
	slices.SortFunc(edits, func(a, b Edit) int { return a.Start - b.Start })
	return edits
}

// value looks at the value of key, from start to the line's end.
func (s *scanner) value(key string, start, end int) {
	v := s.src[start:end]
	switch {
	case len(v) == 0, bytes.ContainsAny(v[:1], "{&*!"): // a map, an anchor, an alias, a tag: YAML's own
	case v[0] == '[':
		s.flowList(key, start, end)
	case v[0] == '"' || v[0] == '\'':
		s.quoted(key, start, end)
	case !s.chineseQuotes(key, start, end):
		s.plain(key, start, end)
	}
}

// valueEnd returns the end of a plain value from start: before a comment and trailing spaces.
func (s *scanner) valueEnd(start, end int) int {
	v := s.src[start:end]
	for i := 1; i < len(v); i++ {
		if v[i] == '#' && (v[i-1] == ' ' || v[i-1] == '\t') {
			v = v[:i]
			break
		}
	}
	return start + len(bytes.TrimRight(v, " \t"))
}

// plain looks at a value written without quotes: a half-width ": " inside Chinese words, which
// YAML reads as a key, and full-width digits.
func (s *scanner) plain(key string, start, end int) {
	end = s.valueEnd(start, end)
	v := s.src[start:end]
	for i := 1; i < len(v); i++ {
		if v[i] == ':' && (i+1 == len(v) || v[i+1] == ' ' || v[i+1] == '\t') {
			if before, _ := utf8.DecodeLastRune(v[:i]); before >= utf8.RuneSelf {
				s.add(diag.Error, start+i, msg.ColonInValue, key, key, Quote(string(v)))
				return
			}
		}
	}
	s.digits(key, start, end)
}

// quoted looks at a value that opens with a half-width quotation mark: closed by a Chinese one,
// or holding full-width digits.
func (s *scanner) quoted(key string, start, end int) {
	v := s.src[start:end]
	mark := v[0]
	for i := 1; i < len(v); i++ {
		switch {
		case mark == '"' && v[i] == '\\':
			i++
		case v[i] == mark && mark == '\'' && i+1 < len(v) && v[i+1] == '\'':
			i++
		case v[i] == mark:
			s.digits(key, start+1, start+i)
			return
		}
	}
	closing := map[byte]string{'"': "”", '\'': "’"}[mark]
	if trimmed := bytes.TrimRight(v, " \t"); bytes.HasSuffix(trimmed, []byte(closing)) {
		s.add(diag.Error, start+len(trimmed)-len(closing), msg.ChineseQuoteCloses, closing, key, rune(mark), rune(mark))
	}
}

// chineseQuotes reports a value wrapped in Chinese quotation marks that needed YAML's: one that
// holds a ": ", which YAML reads as a key. It reports whether it did.
func (s *scanner) chineseQuotes(key string, start, end int) bool {
	v := string(s.src[start:s.valueEnd(start, end)])
	inner, ok := chineseQuoted(v)
	if !ok || !strings.Contains(inner, ": ") {
		return false
	}
	s.add(diag.Error, start, msg.ChineseQuotesKey, ends(v), key, Quote(inner))
	return true
}

// flowList looks at a value that opens with "[": a list, or a title such as [通知]关于….
func (s *scanner) flowList(key string, start, end int) {
	v := s.src[start:end]
	depth, quote := 0, byte(0)
	var commas []int // the full-width commas between the items
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[':
			depth++
		case c == ']':
			if depth--; depth > 0 {
				continue
			}
			if rest := bytes.TrimSpace(v[i+1:]); len(rest) > 0 && rest[0] != '#' {
				text := s.src[start:s.valueEnd(start, end)]
				s.add(diag.Error, start, msg.StartsWithBracket, key, key, Quote(string(text)))
				return
			}
			for _, at := range commas {
				r, _ := utf8.DecodeRune(v[at:])
				s.add(diag.Warning, start+at, msg.WideComma, commaNames[r], r, key)
			}
			return
		case depth == 1 && (bytes.HasPrefix(v[i:], []byte("，")) || bytes.HasPrefix(v[i:], []byte("、"))):
			commas = append(commas, i)
		}
	}
	trimmed := bytes.TrimRight(v, " \t")
	for _, closing := range []string{"】", "］"} {
		if depth > 0 && bytes.HasSuffix(trimmed, []byte(closing)) {
			s.add(diag.Error, start+len(trimmed)-len(closing), msg.WideBracketCloses, closing, key)
		}
	}
}

// commaNames names the commas of a Chinese keyboard.
var commaNames = map[rune]msg.Key{'，': msg.FullWidthComma, '、': msg.EnumerationComma}

// Quote writes text as a YAML string in double quotes, or in single quotes when it holds a
// double quote or a backslash.
func Quote(text string) string {
	if !strings.ContainsAny(text, `"\`) {
		return `"` + text + `"`
	}
	return "'" + strings.ReplaceAll(text, "'", "''") + "'"
}

// numberOrDate matches a number or a date as YAML and the decoder read them.
var numberOrDate = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$|^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9:.]+([Zz]|[+-][0-9:]+)?)?$`)

// digits reports a value from start to end that is a number or a date typed in full-width
// characters (２０１７-０６-２８), and makes each of them half-width.
func (s *scanner) digits(key string, start, end int) {
	v := s.src[start:end]
	if !bytes.ContainsFunc(v, func(r rune) bool { return r >= '０' && r <= '９' }) {
		return
	}
	var edits []Edit
	var narrow []byte
	for i := 0; i < len(v); {
		r, size := utf8.DecodeRune(v[i:])
		if r >= '！' && r <= '～' { // the full-width forms of ASCII's ! to ~
			r -= '！' - '!'
			edits = append(edits, Edit{start + i, start + i + size, string(r)})
		}
		narrow = utf8.AppendRune(narrow, r)
		i += size
	}
	if !numberOrDate.Match(narrow) {
		return
	}
	s.add(diag.Warning, start, msg.WideDigits, string(v), key, string(narrow))
	s.repair(edits...)
}
