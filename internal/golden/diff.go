package golden

import (
	"fmt"
	"slices"
	"strings"
)

// context is how many unchanged lines a hunk shows around a change.
const context = 3

// maxEdits bounds the work of the shortest edit script: past that many inserted and deleted
// lines, the lines between the common start and end are shown as all deleted, then all
// inserted, which is still a true diff, only not the shortest one.
const maxEdits = 1000

// Diff returns the difference of got from want as a unified diff of lines, each change with
// three lines of context, or "" when they are equal. A line holds its line end, so that a
// missing last line end, or a \r, is a difference too; the first is marked as diff marks it.
func Diff(want, got string) string {
	if want == got {
		return ""
	}
	a, b := lines(want), lines(got)
	var out strings.Builder
	for _, h := range hunks(edits(a, b)) {
		h.write(&out, a, b)
	}
	return out.String()
}

// lines splits s after each \n; a last line without one is a line too.
func lines(s string) []string {
	l := strings.SplitAfter(s, "\n")
	if l[len(l)-1] == "" {
		l = l[:len(l)-1]
	}
	return l
}

// An edit is one line of the diff: kept (in both), deleted (only in want) or inserted (only
// in got), with its index in want and in got (the index it would have, for an insertion or a
// deletion).
type edit struct {
	kind byte // ' ', '-' or '+'
	a, b int
}

// edits returns the edit script of a into b: their common start and end kept, and between
// them the shortest script (Myers, "An O(ND) difference algorithm and its variations", 1986)
// while it is at most maxEdits long.
func edits(a, b []string) []edit {
	start := 0
	for start < len(a) && start < len(b) && a[start] == b[start] {
		start++
	}
	end := 0
	for end < len(a)-start && end < len(b)-start && a[len(a)-1-end] == b[len(b)-1-end] {
		end++
	}
	var script []edit
	for i := range start {
		script = append(script, edit{' ', i, i})
	}
	script = append(script, middle(a[start:len(a)-end], b[start:len(b)-end], start)...)
	for i := end; i > 0; i-- {
		script = append(script, edit{' ', len(a) - i, len(b) - i})
	}
	return script
}

// middle returns the shortest edit script of a into b, whose lines are at offset in the whole.
func middle(a, b []string, offset int) []edit {
	n, m := len(a), len(b)
	// x[k] is the furthest line of a that a path of d edits reaches on diagonal k (x-y = k),
	// stored at k+bound; trace keeps x as each round d began, over diagonals -d..d.
	bound := min(n+m, maxEdits)
	x := make([]int, 2*bound+2)
	var trace [][]int
	for d := 0; d <= bound; d++ {
		trace = append(trace, append([]int(nil), x[bound-d:bound+d+1]...))
		for k := -d; k <= d; k += 2 {
			var i int
			if k == -d || (k != d && x[bound+k-1] < x[bound+k+1]) {
				i = x[bound+k+1] // down from diagonal k+1: insert b's line
			} else {
				i = x[bound+k-1] + 1 // right from diagonal k-1: delete a's line
			}
			j := i - k
			for i < n && j < m && a[i] == b[j] {
				i, j = i+1, j+1
			}
			x[bound+k] = i
			if i >= n && j >= m {
				return backtrack(trace, n, m, offset)
			}
		}
	}
	var script []edit
	for i := range n {
		script = append(script, edit{'-', offset + i, offset})
	}
	for j := range m {
		script = append(script, edit{'+', offset + n, offset + j})
	}
	return script
}

// backtrack walks the rounds of trace back from the ends of a (n lines) and b (m lines) to
// their starts, and returns the edits of the path, first to last.
func backtrack(trace [][]int, n, m, offset int) []edit {
	var rev []edit
	keep := func(i, j, toI int) { // the common lines that end at i, j, back to line toI of a
		for i > toI {
			i, j = i-1, j-1
			rev = append(rev, edit{' ', offset + i, offset + j})
		}
	}
	i, j := n, m
	for d := len(trace) - 1; d > 0; d-- {
		x := func(k int) int { return trace[d][k+d] }
		k := i - j
		if k == -d || (k != d && x(k-1) < x(k+1)) {
			pi := x(k + 1) // came down from diagonal k+1: b's line pi-(k+1) inserted
			pj := pi - (k + 1)
			keep(i, j, pi)
			rev = append(rev, edit{'+', offset + pi, offset + pj})
			i, j = pi, pj
		} else {
			pi := x(k - 1) // came right from diagonal k-1: a's line pi deleted
			pj := pi - (k - 1)
			keep(i, j, pi+1)
			rev = append(rev, edit{'-', offset + pi, offset + pj})
			i, j = pi, pj
		}
	}
	keep(i, j, 0)
	slices.Reverse(rev)
	return rev
}

// A hunk is a run of the edit script: changes with the kept lines around them.
type hunk []edit

// hunks groups the changes of script with context kept lines either side; changes closer
// than twice that share a hunk.
func hunks(script []edit) []hunk {
	var hs []hunk
	for i := 0; i < len(script); {
		if script[i].kind == ' ' {
			i++
			continue
		}
		end := i // past the last change of the hunk
		for end < len(script) {
			next := end
			for next < len(script) && script[next].kind == ' ' {
				next++
			}
			if next == len(script) || next-end > 2*context {
				break
			}
			end = next + 1
		}
		hs = append(hs, script[max(0, i-context):min(len(script), end+context)])
		i = end
	}
	return hs
}

// write writes the hunk, its header @@ -line,count +line,count @@ and its lines.
func (h hunk) write(out *strings.Builder, a, b []string) {
	var inA, inB int
	for _, e := range h {
		inA += boolInt(e.kind != '+')
		inB += boolInt(e.kind != '-')
	}
	fmt.Fprintf(out, "@@ -%s +%s @@\n", lineRange(h[0].a, inA), lineRange(h[0].b, inB))
	for _, e := range h {
		var line string
		if e.kind == '+' {
			line = b[e.b]
		} else {
			line = a[e.a]
		}
		text, ended := strings.CutSuffix(line, "\n")
		out.WriteString(string(e.kind) + text + "\n")
		if !ended {
			out.WriteString("\\ No newline at end of file\n")
		}
	}
}

// lineRange writes the lines from index start, count of them, as diff does: numbered from 1,
// the count left out when it is 1, and an empty range after the line it follows.
func lineRange(start, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprint(start + 1)
	}
	return fmt.Sprintf("%d,%d", start+1, count)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
