package check

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/msg"
)

// WriteText writes, in pr's language, the changes a repair made, then the problems, one a
// line as path:line:col: 错误：message, then the drafts left out and a summary line.
func (r *Report) WriteText(w io.Writer, pr *msg.Printer) error {
	b := bufio.NewWriter(w)
	for _, c := range r.Fixed {
		fmt.Fprintln(b, c.Text(pr))
	}
	if len(r.Fixed) > 0 {
		pr.Fprintln(b, msg.FixedIn, msg.New(msg.ProblemsFixed, len(r.Fixed)), msg.New(msg.FilesChecked, r.fixedFiles()))
	}
	for _, p := range r.Problems {
		fmt.Fprintln(b, p.Text(pr))
	}
	if note := generator.DraftsNote(pr, r.Drafts); note != "" {
		fmt.Fprintln(b, note)
	}
	files := msg.New(msg.FilesChecked, r.Files)
	if errors, warnings := r.Problems.Counts(); errors+warnings == 0 {
		pr.Fprintln(b, msg.CheckedClean, files)
	} else {
		pr.Fprintln(b, msg.Checked, files, msg.New(msg.Errors, errors), msg.New(msg.Warnings, warnings))
	}
	return b.Flush()
}

func (r *Report) fixedFiles() int {
	files := map[string]bool{}
	for _, c := range r.Fixed {
		files[c.Pos.File] = true
	}
	return len(files)
}

// jsonReport is the report as --format json writes it, for editors' tools.
type jsonReport struct {
	Files    int           `json:"files"`
	Errors   int           `json:"errors"`
	Warnings int           `json:"warnings"`
	Problems []jsonProblem `json:"problems"`
	Fixed    []jsonChange  `json:"fixed"`
	Drafts   []string      `json:"drafts"`
}

type jsonProblem struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

type jsonChange struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Col    int    `json:"col"`
	Change string `json:"change"`
}

// WriteJSON writes the report as one JSON object: files, errors, warnings, problems (file,
// line, col, severity, message), fixed (file, line, col, change) and drafts (the files of the
// drafts left out). Severities are the English words, for tools; messages and changes are
// said in pr's language.
func (r *Report) WriteJSON(w io.Writer, pr *msg.Printer) error {
	out := jsonReport{Files: r.Files, Problems: []jsonProblem{}, Fixed: []jsonChange{}, Drafts: []string{}}
	out.Drafts = append(out.Drafts, r.Drafts...)
	out.Errors, out.Warnings = r.Problems.Counts()
	for _, p := range r.Problems {
		out.Problems = append(out.Problems, jsonProblem{p.Pos.File, p.Pos.Line, p.Pos.Col, p.Severity.String(), p.Msg(pr)})
	}
	for _, c := range r.Fixed {
		out.Fixed = append(out.Fixed, jsonChange{c.Pos.File, c.Pos.Line, c.Pos.Col, c.Done.Text(pr)})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
