// Package diag holds the problems found in a site's source: each one a message at a position,
// printed as path:line:col, collected and sorted so that a run reports all of them at once.
package diag

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dangjian/dangjian/internal/msg"
)

// Position is a place in a source file. Line and Col count from 1; Col counts characters, not
// bytes, so that it matches what an editor shows for Chinese text. A zero Line means the whole file.
type Position struct {
	File string // slash-separated, relative to the site's root
	Line int
	Col  int
}

// String prints the position as path:line:col, the path written the way the user's system
// writes paths (content\lectures\x.md on Windows), so that it can be pasted into an editor.
func (p Position) String() string {
	file := Path(p.File)
	switch {
	case p.Line == 0:
		return file
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", file, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Col)
}

// Path writes a slash-separated path of the site the way the user's system writes paths, for
// messages that name another file. The model keeps slash-separated paths throughout.
func Path(name string) string { return nativePath(name, filepath.Separator) }

// nativePath replaces the slashes of name by sep.
func nativePath(name string, sep rune) string {
	if sep == '/' {
		return name
	}
	return strings.ReplaceAll(name, "/", string(sep))
}

// Severity says whether a problem fails the build.
type Severity int

const (
	Error Severity = iota
	Warning
)

// String is the severity's English word, as JSON reports give it.
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Word is the severity's word, "错误" or "警告".
func (s Severity) Word() msg.Key {
	if s == Warning {
		return msg.WarningWord
	}
	return msg.ErrorWord
}

// Problem is one thing wrong with the source: a message of the catalogue, said when printed.
type Problem struct {
	Pos      Position
	Severity Severity
	msg.Message
}

// Text says the problem as a line in p's language: path:line:col: 错误：message.
func (p Problem) Text(pr *msg.Printer) string {
	return pr.Sprintf(msg.ProblemLine, p.Pos.String(), p.Severity.Word(), p.Message)
}

// Msg says the message alone, in p's language.
func (p Problem) Msg(pr *msg.Printer) string { return p.Message.Text(pr) }

// String says the problem in Chinese.
func (p Problem) String() string { return p.Text(msg.Chinese) }

// Errorf returns an error-severity problem at pos: the message key with args.
func Errorf(pos Position, key msg.Key, args ...any) Problem {
	return Problem{Pos: pos, Severity: Error, Message: msg.New(key, args...)}
}

// Warningf returns a warning at pos.
func Warningf(pos Position, key msg.Key, args ...any) Problem {
	return Problem{Pos: pos, Severity: Warning, Message: msg.New(key, args...)}
}

// List is a set of problems. It is an error value when it holds at least one error.
type List []Problem

// Add appends a problem.
func (l *List) Add(p Problem) { *l = append(*l, p) }

// Errorf appends an error at pos.
func (l *List) Errorf(pos Position, key msg.Key, args ...any) {
	l.Add(Errorf(pos, key, args...))
}

// HasErrors reports whether any problem is an error rather than a warning.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(p Problem) bool { return p.Severity == Error })
}

// Counts returns the number of errors and of warnings.
func (l List) Counts() (errors, warnings int) {
	for _, p := range l {
		if p.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Sort orders the problems by file, line, column and message, and drops exact repeats. Each
// message is said once, not at every comparison.
func (l List) Sort() List {
	type said struct {
		Problem
		text string
	}
	s := make([]said, len(l))
	for i, p := range l {
		s[i] = said{p, p.Msg(msg.Chinese)}
	}
	slices.SortFunc(s, func(a, b said) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.text, b.text),
		)
	})
	s = slices.CompactFunc(s, func(a, b said) bool {
		return a.Pos == b.Pos && a.Severity == b.Severity && a.text == b.text
	})
	for i, p := range s {
		l[i] = p.Problem
	}
	clear(l[len(s):])
	return l[:len(s)]
}

// Text says the problems in p's language, one a line.
func (l List) Text(p *msg.Printer) string {
	var b strings.Builder
	for i, pr := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(pr.Text(p))
	}
	return b.String()
}

// Error says the problems in Chinese, one a line.
func (l List) Error() string { return l.Text(msg.Chinese) }

// Err returns the list as an error when it holds errors, and nil otherwise.
func (l List) Err() error {
	if l.HasErrors() {
		return l.Sort()
	}
	return nil
}
