// Package gittest makes real git repositories for tests, with commits at known dates.
package gittest

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/testenv"
)

// Init makes dir a git repository. The machine's own git settings (signing, hooks, the default
// branch) play no part in the test.
func Init(t testing.TB, dir string) {
	t.Helper()
	testenv.Git(t)
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	Git(t, dir, "init", "-q")
}

// Git runs git in dir and returns what it printed.
func Git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// Commit commits everything in dir's working tree, authored at author and committed at
// committer, both RFC 3339 dates.
func Commit(t testing.TB, dir, author, committer string) {
	t.Helper()
	Git(t, dir, "add", "-A")
	cmd := exec.Command("git", "-C", dir, "commit", "-q", "-m", "change")
	cmd.Env = append(os.Environ(),
		"GIT_AUTHOR_NAME=编辑", "GIT_AUTHOR_EMAIL=editor@example.com", "GIT_AUTHOR_DATE="+author,
		"GIT_COMMITTER_NAME=服务器", "GIT_COMMITTER_EMAIL=ci@example.com", "GIT_COMMITTER_DATE="+committer)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git commit: %v\n%s", err, out)
	}
}
