package msg_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/msg"
)

// docs are the documents beside README.md, which quote what dangjian says: the editors' in Chinese, the
// others in English quoting the Chinese too.
const docs = "../../docs/*.md"

// hook is git's pre-commit hook, which says in its own words the one thing dangjian cannot:
// that it is not found.
const hook = "../../hooks/pre-commit"

// TestDocsQuoteTheCatalogue: every line of dangjian's output that the documents quote
// is said by the catalogue, in its Chinese, so that an editor finds in the docs the very words
// on the screen. Quoted output is, in code spans and code blocks:
//   - a problem line, path:line:col: 错误：message, or a line of --fix, path:line:col: 已修复：…
//     (whatever starts with a position), its message one of the catalogue's;
//   - every code span in the column of a table headed 提示 (what dangjian says);
//   - a code span with Chinese and a full-width colon or semicolon that is no front matter, no
//     command and no pattern: a summary or a note, such as the drafts line;
//   - every line with Chinese of a code block marked text, or of an unmarked one that holds
//     a problem line.
//
// A message matches a Chinese text of the catalogue with its verbs matching any text: a
// value, or, where the text holds the punctuation between clauses (，：；), a message of the
// catalogue itself, as date：日期 "2016-02-30" 不存在 says one in its second verb.
func TestDocsQuoteTheCatalogue(t *testing.T) {
	c := newCatalogue()
	hookText, err := os.ReadFile(hook)
	if err != nil {
		t.Fatal(err)
	}
	c.others = hookLines.FindAllString(string(hookText), -1)
	quotes := 0
	files, err := filepath.Glob(docs)
	if err != nil || len(files) < 4 {
		t.Fatalf("only %d documents: %v", len(files), err)
	}
	for _, file := range append([]string{"../../README.md"}, files...) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range quotedOutput(string(data)) {
			quotes++
			if why := c.check(q); why != "" {
				t.Errorf("%s:%d: %s: %q", strings.TrimPrefix(file, "../../"), q.line, why, q.text)
			}
		}
	}
	if quotes < 20 {
		t.Errorf("only %d quotes of dangjian's output found in the docs", quotes)
	}
}

// A quote is a piece of output the docs show, at a line of their file. A bare quote may be a
// message alone, without its position.
type quote struct {
	text string
	line int
	bare bool
	// otherWords is a hint said in other words than dangjian's, outside a code span.
	otherWords bool
}

var (
	fence    = regexp.MustCompile("^\\s*(```+|~~~+)\\s*(\\w*)")
	codeSpan = regexp.MustCompile("(`+)(.+?)(`+)")
	// place is where a problem is: a file's path, and its line and column when it has them.
	place     = `[^\s:：` + "`" + `]+\.[A-Za-z]+(?::\d+(?::\d+)?)?`
	position  = regexp.MustCompile(`^` + place + `[:：]`)
	onlyPlace = regexp.MustCompile(`^[^\s:：]+\.[A-Za-z]+:\d+(?::\d+)?$`)
	// saidByDangjian is the start of a line that dangjian says about itself, which notOutput
	// would take for a command or a key.
	saidByDangjian = regexp.MustCompile(`^dangjian(?: [a-z]+)?：`)
	notOutput      = regexp.MustCompile(`^\s*-?\s*[A-Za-z_]+\s*[:：]|^(?:bin/|\./)?dangjian\b|^git\b|^\^|^\[|^!\[|^文件[:：]|\(\.\*\)`)
)

// quotedOutput returns the quotes of dangjian's output in a Markdown document.
func quotedOutput(doc string) []quote {
	var out []quote
	lines := strings.Split(doc, "\n")
	hint := -1 // the column of the table being read headed 提示, or -1
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if m := fence.FindStringSubmatch(line); m != nil {
			end := i + 1
			for end < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[end]), m[1]) {
				end++
			}
			block := lines[i+1 : min(end, len(lines))]
			if m[2] == "text" || (m[2] == "" && anyPosition(block)) {
				for j, l := range block {
					if hasHan(l) {
						out = append(out, quote{text: strings.TrimSpace(l), line: i + 2 + j})
					}
				}
			}
			i = end
			continue
		}
		if !strings.HasPrefix(strings.TrimSpace(line), "|") {
			hint = -1
		}
		cells := tableCells(line)
		if strings.HasPrefix(strings.TrimSpace(line), "|") && hint < 0 {
			for j, cell := range cells {
				if strings.HasPrefix(cell, "提示") {
					hint = j
				}
			}
			if hint >= 0 {
				i++ // the line under the header
				continue
			}
		}
		if hint >= 0 && hint < len(cells) {
			spans := codeSpan.FindAllStringSubmatch(cells[hint], -1)
			if rest := codeSpan.ReplaceAllString(cells[hint], ""); len(spans) == 0 || strings.ContainsAny(rest, "：；") {
				out = append(out, quote{text: cells[hint], line: i + 1, otherWords: true})
				continue
			}
			for _, s := range spans {
				if text := strings.ReplaceAll(s[2], `\|`, "|"); !onlyPlace.MatchString(text) {
					out = append(out, quote{text: text, line: i + 1, bare: true})
				}
			}
			continue
		}
		for _, s := range codeSpan.FindAllStringSubmatch(line, -1) {
			text := strings.TrimSpace(s[2])
			switch {
			case onlyPlace.MatchString(text):
			case position.MatchString(text):
				out = append(out, quote{text: text, line: i + 1})
			case hasHan(text) && strings.ContainsAny(text, "：；") && (saidByDangjian.MatchString(text) || !notOutput.MatchString(text)):
				out = append(out, quote{text: text, line: i + 1, bare: true})
			}
		}
	}
	return out
}

// tableCells returns the cells of a table's row, split at each | that is not escaped \|.
func tableCells(row string) []string {
	var cells []string
	row = strings.Trim(strings.TrimSpace(row), "|")
	start := 0
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, strings.TrimSpace(row[start:i]))
			start = i + 1
		}
	}
	return append(cells, strings.TrimSpace(row[start:]))
}

func anyPosition(lines []string) bool {
	for _, l := range lines {
		if l = strings.TrimSpace(l); position.MatchString(l) && !onlyPlace.MatchString(l) {
			return true
		}
	}
	return false
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// catalogue is the catalogue's Chinese texts as regular expressions.
type catalogue struct {
	// messages are each text twice: its verbs as long as they can be, and as short, for the
	// text a verb says to be tried both ways.
	messages [][2]*regexp.Regexp
	// placed are the lines that say a message at a place: a problem, a repair. Their first
	// verb is the place, their last the message.
	placed []*regexp.Regexp
	// wrappers are the texts of verbs and marks only, their last verb a message.
	wrappers []*regexp.Regexp
	// others are lines said by another program than dangjian: the hook's own.
	others []string
}

// hookLines are what the hook echoes in Chinese.
var hookLines = regexp.MustCompile(`pre-commit：[^"]*`)

var verb = regexp.MustCompile(`%(?:\[\d+\])?[-+# 0]*\d*(?:\.\d+)?[a-zA-Z%]`)

// pattern turns a Chinese format into a regular expression, its verbs matching arg, %% a %.
func pattern(format string, arg func(i int, verb string) string) string {
	var b strings.Builder
	last, i := 0, 0
	for _, loc := range verb.FindAllStringIndex(format, -1) {
		b.WriteString(regexp.QuoteMeta(format[last:loc[0]]))
		if format[loc[0]:loc[1]] == "%%" {
			b.WriteString("%")
		} else {
			b.WriteString(arg(i, format[loc[0]:loc[1]]))
			i++
		}
		last = loc[1]
	}
	b.WriteString(regexp.QuoteMeta(format[last:]))
	return "^" + b.String() + "$"
}

func newCatalogue() *catalogue {
	var c catalogue
	severity := "(?:" + regexp.QuoteMeta(msg.ChineseOf(msg.ErrorWord)) + "|" + regexp.QuoteMeta(msg.ChineseOf(msg.WarningWord)) + ")"
	for _, k := range []msg.Key{msg.ProblemLine, msg.FixedLine} {
		n := len(verb.FindAllString(strings.ReplaceAll(msg.ChineseOf(k), "%%", ""), -1))
		c.placed = append(c.placed, regexp.MustCompile(pattern(msg.ChineseOf(k), func(i int, _ string) string {
			switch {
			case i == 0:
				return `(` + place + `)`
			case i == n-1:
				return `(.+)`
			case k == msg.ProblemLine:
				return severity
			}
			return `.*`
		})))
	}
	for _, k := range msg.Keys() {
		zh := strings.TrimSpace(msg.ChineseOf(k)) // a quote is trimmed: a line's indent is layout
		if k == msg.ProblemLine || k == msg.FixedLine {
			continue
		}
		// A text of verbs and marks only, such as %s：%s, or with one word, %s或%s, would say
		// anything: its verbs say short words, 并 → 並, "," → "，"; a text of verbs alone
		// says nothing of its own.
		// Its last verb may say a message, date：日期 "2016-02-30" 不存在.
		words := `.*`
		switch literal := strings.TrimSpace(verb.ReplaceAllString(zh, "")); {
		case literal == "":
			continue
		case utf8.RuneCountInString(strings.Map(letters, literal)) < 2:
			words = `[^\s：；]{1,12}`
			n := len(verb.FindAllString(strings.ReplaceAll(zh, "%%", ""), -1))
			c.wrappers = append(c.wrappers, regexp.MustCompile(pattern(zh, func(i int, _ string) string {
				if i == n-1 {
					return `(.+)`
				}
				return words
			})))
		}
		var both [2]*regexp.Regexp
		for i, any := range []string{`(` + words + `)`, `(` + words + `?)`} {
			if words != `.*` {
				any = `(` + words + `)`
			}
			both[i] = regexp.MustCompile(pattern(zh, func(_ int, v string) string {
				switch {
				case strings.HasSuffix(v, "d"):
					return `(\d+)` // a count
				case strings.HasSuffix(v, "q"):
					return `("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')`
				}
				return any
			}))
		}
		c.messages = append(c.messages, both)
	}
	return &c
}

// check returns why q is not the catalogue's, "" when it is: a line said at a place, or
// any other line of output; or, when bare, a message alone.
func (c *catalogue) check(q quote) string {
	text := q.text
	if q.otherWords {
		return "a hint in other words than dangjian's: quote its line in a code span"
	}
	if position.MatchString(text) {
		for _, p := range c.placed {
			if m := p.FindStringSubmatch(text); m != nil {
				if !c.isMessage(m[len(m)-1], nesting) {
					return "the message is not in the catalogue"
				}
				return ""
			}
		}
		return "a line at a place that is neither a problem nor a repair (path:line:col: 错误：message)"
	}
	if !c.isMessage(text, nesting) {
		if q.bare {
			return "not a message of the catalogue"
		}
		return "not a line of the catalogue"
	}
	return ""
}

// nesting is how deep messages are said within messages.
const nesting = 3

// letters keeps the letters of a text.
func letters(r rune) rune {
	if unicode.IsLetter(r) {
		return r
	}
	return -1
}

// clause is the punctuation between the clauses of a message, which a value in it, a path or
// a word typed, does not hold: a verb that says it says a message of its own.
const clause = "，：；"

// saysArguments reports whether the texts said by the verbs of a message are arguments: words
// without a clause, a mark alone ("，" → "，"), a quoted value, or messages of the catalogue
// themselves.
func (c *catalogue) saysArguments(args []string, depth int) bool {
	for _, a := range args {
		if utf8.RuneCountInString(a) <= 2 || strings.HasPrefix(a, `"`) || strings.HasPrefix(a, "'") {
			continue
		}
		if strings.ContainsAny(a, clause) && (depth == 0 || !c.isMessage(a, depth-1)) {
			return false
		}
	}
	return true
}

// isMessage reports whether text is a message of the catalogue, its arguments perhaps
// messages too, depth deep.
func (c *catalogue) isMessage(text string, depth int) bool {
	if slices.Contains(c.others, text) {
		return true
	}
	for _, both := range c.messages {
		for _, re := range both {
			if m := re.FindStringSubmatch(text); m != nil && c.saysArguments(m[1:], depth) {
				return true
			}
		}
	}
	for _, w := range c.wrappers {
		if m := w.FindStringSubmatch(text); m != nil && m[1] != text && c.isMessage(m[1], depth) {
			return true
		}
	}
	return false
}

// TestDocsQuoteFindsMisquotes: the test above finds a misquoted message, an old problem line,
// a paraphrase in the hints' column, summaries that are not the catalogue's (one with words
// added where an argument goes).
func TestDocsQuoteFindsMisquotes(t *testing.T) {
	c := newCatalogue()
	zh := msg.Chinese
	unknownKey := zh.Sprintf(msg.UnknownKeyDidYouMean, "speeker", "speaker")
	summary := zh.Sprintf(msg.Checked, msg.New(msg.FilesChecked, 3), msg.New(msg.Errors, 2), msg.New(msg.Warnings, 0))
	doc := "```\n" +
		zh.Sprintf(msg.ProblemLine, "content/x.md:4:1", msg.ErrorWord, unknownKey) + "\n" +
		"content/x.md:4:1：" + zh.Sprintf(msg.ErrorWord) + "：" + unknownKey + "\n" + // the colon of old
		zh.Sprintf(msg.ProblemLine, "content/x.md:5:1", msg.ErrorWord, "不认识这个键") + "\n" +
		summary + "\n" +
		"一共" + summary + "\n" +
		strings.Replace(summary, "3", "3 个文件，一共", 1) + "\n" + // words where a verb goes
		"```\n\n" +
		"| 写错的样子 | 提示 | 怎么改 |\n|---|---|---|\n" +
		"| `x` | `content/x.md:1` 错误：大意 | 改 |\n" +
		"| `y` | `" + zh.Sprintf(msg.TitleRequired) + "` | 改 |\n\n" +
		"最后一行说 `有 2 篇草稿没有发布：a.md`。\n"
	var bad []int
	for _, q := range quotedOutput(doc) {
		if c.check(q) != "" {
			bad = append(bad, q.line)
		}
	}
	if want := []int{3, 4, 6, 7, 12, 15}; !equal(bad, want) {
		t.Errorf("misquotes found on lines %v, want %v in\n%s", bad, want, doc)
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
