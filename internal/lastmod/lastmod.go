// Package lastmod finds when each source file of a site last changed. In a git checkout the
// date is the author date of the last commit that touched the file, read from one `git log`
// pass over the whole site, so that the same commit builds the same pages on every machine.
// Outside git, for files git does not know yet, and when git is not to be used, it is the
// file's modification time, which changes whenever the file is touched or copied.
package lastmod

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
)

// commitMark starts the line git prints for each commit, telling it from a file name.
const commitMark = "\x01"

// Find returns the last-change time of each of files, slash-separated paths relative to the
// site's folder root. With useGit, dates come from git when root is inside a git checkout;
// a file that cannot be dated at all is left out. The problems are warnings.
func Find(ctx context.Context, root string, files []string, useGit bool) (map[string]time.Time, diag.List) {
	dates := make(map[string]time.Time, len(files))
	var problems diag.List
	if useGit {
		problems = gitDates(ctx, root, files, dates)
	}
	for _, name := range files {
		if _, ok := dates[name]; ok {
			continue
		}
		if info, err := os.Stat(filepath.Join(root, filepath.FromSlash(name))); err == nil {
			dates[name] = info.ModTime()
		}
	}
	return dates, problems
}

// gitDates fills dates from the history of the git checkout that holds root, if any. It runs
// git twice whatever the number of files: once to ask whether root is in a checkout, once for
// the log, which it stops reading as soon as every file has its date.
func gitDates(ctx context.Context, root string, files []string, dates map[string]time.Time) diag.List {
	var problems diag.List
	if len(files) == 0 {
		return nil
	}
	// HEAD fails in a checkout without commits yet, where there is no history to read either.
	out, err := git(ctx, root, "rev-parse", "--is-shallow-repository", "HEAD").Output()
	if err != nil {
		return nil // not a checkout, or no git: the files' own dates will do
	}
	if shallow, _, _ := strings.Cut(string(out), "\n"); shallow == "true" {
		problems.Add(diag.Warningf(diag.Position{File: root}, msg.ShallowCheckout))
	}
	wanted := make(map[string]bool, len(files))
	var tops []string // the top folders of the files, as pathspecs
	for _, name := range files {
		wanted[name] = true
		top, _, _ := strings.Cut(name, "/")
		if !slices.Contains(tops, top) {
			tops = append(tops, top)
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// --relative gives names relative to root when root is a folder inside the checkout; -z
	// gives them unquoted, Chinese included. Merges list no files, so each file is dated by the
	// last commit that changed it.
	args := append([]string{"log", "--relative", "--no-renames", "-z", "--name-only", "--format=" + commitMark + "%aI", "--"}, tops...)
	cmd := git(ctx, root, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err == nil {
		err = cmd.Start()
	}
	if err != nil {
		problems.Add(diag.Warningf(diag.Position{File: root}, msg.NoGitHistory, err))
		return problems
	}
	parseErr := parseLog(stdout, wanted, dates, cancel)
	if parseErr != nil {
		cancel() // git may be blocked writing what is no longer read
	}
	waitErr := cmd.Wait()
	switch {
	case parseErr != nil:
		problems.Add(diag.Warningf(diag.Position{File: root}, msg.NoGitHistory, parseErr))
	case waitErr != nil && ctx.Err() == nil:
		problems.Add(diag.Warningf(diag.Position{File: root}, msg.NoGitHistorySaid, waitErr, strings.TrimSpace(stderr.String())))
	}
	return problems
}

// parseLog reads git log -z --name-only output: for each commit, its marked date, then the
// names of the files it changed, each ended by a NUL. The first date seen for a file, the
// newest commit's, wins. It calls done once every wanted file has a date.
func parseLog(r io.Reader, wanted map[string]bool, dates map[string]time.Time, done func()) error {
	left := len(wanted)
	var commit time.Time
	in := bufio.NewReader(r)
	for left > 0 {
		field, err := in.ReadString(0)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		field = strings.TrimPrefix(strings.TrimSuffix(field, "\x00"), "\n")
		if date, ok := strings.CutPrefix(field, commitMark); ok {
			if commit, err = time.Parse(time.RFC3339, date); err != nil {
				return err
			}
			continue
		}
		if field == "" || !wanted[field] {
			continue
		}
		if _, seen := dates[field]; !seen {
			dates[field] = commit
			left--
		}
	}
	done()
	return nil
}

// git returns the command git args run in dir. The variables that point git at another
// repository are dropped: a site is dated by the checkout it is in, even when dangjian runs
// from a git hook, which sets GIT_DIR.
func git(ctx context.Context, dir string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-c", "log.showSignature=false", "-c", "log.follow=false", "-C", dir}, args...)...)
	for _, v := range os.Environ() {
		name, _, _ := strings.Cut(v, "=")
		switch name {
		case "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_NAMESPACE":
			continue
		}
		cmd.Env = append(cmd.Env, v)
	}
	return cmd
}
