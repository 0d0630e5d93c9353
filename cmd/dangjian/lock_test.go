package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/internal/publish"
	"github.com/dangjian/dangjian/internal/sitetest"
)

// dangjian returns a command that runs the test binary as dangjian with args.
func dangjian(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(self, args...)
	cmd.Env = append(os.Environ(), "DANGJIAN_AS_MAIN=1")
	return cmd
}

// TestTwoProcessesBuildAtOnce: two dangjian processes build one site into one output at once,
// as an editor's build and the git server's pipeline might: the second waits for the first,
// both succeed, and the output is whole, with the files made by hand in it.
func TestTwoProcessesBuildAtOnce(t *testing.T) {
	site := t.TempDir()
	write(t, site, "site.yaml", "title: 测试\n")
	for i := range 300 {
		write(t, site, fmt.Sprintf("content/activities/a%03d.md", i), "---\ntitle: 甲\ndate: 2016-01-01\n---\n正文\n")
	}
	alone := filepath.Join(t.TempDir(), "public")
	if out, err := dangjian(t, "build", "-s", site, "-d", alone, "--no-git").CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	dest := filepath.Join(t.TempDir(), "public")
	if out, err := dangjian(t, "build", "-s", site, "-d", dest, "--no-git").CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	write(t, dest, "mine.txt", "mine")
	want := sitetest.Tree(t, alone)
	want["mine.txt"] = sitetest.Tree(t, dest)["mine.txt"]

	var outs [2]bytes.Buffer
	var cmds [2]*exec.Cmd
	for i := range cmds {
		cmds[i] = dangjian(t, "build", "-s", site, "-d", dest, "--no-git", "--wait", "1m")
		cmds[i].Stdout, cmds[i].Stderr = &outs[i], &outs[i]
		if err := cmds[i].Start(); err != nil {
			t.Fatal(err)
		}
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("build %d: %v\n%s", i, err, &outs[i])
		}
	}
	got := sitetest.Tree(t, dest)
	for name, sum := range want {
		if got[name] != sum {
			t.Errorf("%s: not as a build alone writes it", name)
		}
	}
	if len(got) != len(want) {
		t.Errorf("the output holds %d files, want %d", len(got), len(want))
	}
}

// TestBusyExitStatus: a build whose output another run is writing waits as long as --wait
// says, then fails with exit status 3, naming that run.
func TestBusyExitStatus(t *testing.T) {
	site := t.TempDir()
	write(t, site, "site.yaml", "title: 测试\n")
	dest := filepath.Join(t.TempDir(), "public")
	held, err := publish.New(context.Background(), dest, publish.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Abort()
	self := "process " + strconv.Itoa(os.Getpid())
	tests := []struct {
		wait   string
		stderr string
	}{
		{"0", "dangjian: another run of dangjian (" + self + ") is writing " + dest + ": try again when it has finished, or stop it\n"},
		{"10ms", "waiting for another run of dangjian (" + self + ") to finish writing " + dest + " …\n" +
			"dangjian: another run of dangjian (" + self + ") is writing " + dest + " and did not finish within 10ms: try again when it has finished, or stop it\n"},
	}
	for _, tt := range tests {
		var stderr strings.Builder
		cmd := dangjian(t, "build", "-s", site, "-d", dest, "--no-git", "--wait", tt.wait)
		cmd.Stderr = &stderr
		err := cmd.Run()
		if code := cmd.ProcessState.ExitCode(); code != exitBusy || stderr.String() != tt.stderr {
			t.Errorf("--wait %s: exit %d (%v), stderr:\n%s\nwant exit %d, stderr:\n%s", tt.wait, code, err, &stderr, exitBusy, tt.stderr)
		}
	}
	if _, err := os.Stat(dest); err == nil {
		t.Error("a build that did not get the lock wrote the output")
	}
}
