//go:build unix

package publish

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestWhatCannotBeCarriedOver: things in the output that the build may not read, or that are
// not files, stop the build with a message naming them in the output and saying what to do,
// and never hang it; a folder made by hand without the right to write in it is carried over
// as it is. The build runs as a user other than the one who made them: as nobody, when the
// test runs as root, who may do anything.
func TestWhatCannotBeCarriedOver(t *testing.T) {
	if dest := os.Getenv("DANGJIAN_PUBLISH_INTO"); dest != "" {
		// The build of the test, run as another user: twice, so that the second removes an
		// old output with what the first carried over.
		for range 2 {
			if err := publish(t, dest, Options{}, map[string]string{"index.html": "new"}); err != nil {
				fmt.Print(english(err))
				return
			}
		}
		fmt.Print("published")
		return
	}
	tests := []struct {
		name string
		// make puts into the output what the build meets there; byOther is whether another
		// user owns it, else the user the build runs as.
		make    func(t *testing.T, dest string)
		byOther bool
		want    []string // the message, in parts; none when the build succeeds
	}{
		{"a folder without the right to write in it", func(t *testing.T, dest string) {
			writeFile(t, filepath.Join(dest, "handro/f.txt"), "mine")
			chmod(t, filepath.Join(dest, "handro"), 0o555)
		}, false, nil},
		{"a folder without the right to read it", func(t *testing.T, dest string) {
			writeFile(t, filepath.Join(dest, "closed/f.txt"), "mine")
			chmod(t, filepath.Join(dest, "closed"), 0o300)
		}, false, []string{filepath.Join("DEST", "closed") + ": dangjian did not write this, and keeps it in the new output, but may not read it (permission denied): give your user the right to read it, or move it out of the output folder"}},
		{"another user's file it may not read", func(t *testing.T, dest string) {
			writeFile(t, filepath.Join(dest, "rootsecret.txt"), "secret")
			chmod(t, filepath.Join(dest, "rootsecret.txt"), 0o600)
		}, true, []string{filepath.Join("DEST", "rootsecret.txt") + ": dangjian did not write this, and keeps it in the new output, but may not read it (permission denied): give your user the right to read it, or move it out of the output folder"}},
		{"another user's named pipe", func(t *testing.T, dest string) {
			if err := unix.Mkfifo(filepath.Join(dest, "pipe"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, true, []string{filepath.Join("DEST", "pipe") + " is a named pipe (FIFO), not a file or a folder: dangjian keeps what it did not write in the output, and cannot keep this; move it out of the output folder"}},
		{"a named pipe", func(t *testing.T, dest string) {
			if err := unix.Mkfifo(filepath.Join(dest, "pipe"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, false, []string{filepath.Join("DEST", "pipe") + " is a named pipe (FIFO)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, asOther := otherUserDir(t)
			if tt.byOther && !asOther {
				t.Skip("only root can make another user's files")
			}
			dest := filepath.Join(dir, "out", "public")
			if err := publish(t, dest, Options{}, map[string]string{"index.html": "old"}); err != nil {
				t.Fatal(err)
			}
			if asOther {
				giveToOther(t, dir)
			}
			tt.make(t, dest)
			if asOther && !tt.byOther {
				giveToOther(t, dir)
			}
			before := listing(t, dest)
			got := publishAsOther(t, dir, dest, asOther)
			if tt.want == nil && got != "published" {
				t.Errorf("got %q, want it published", got)
			}
			for _, part := range tt.want {
				if part = strings.ReplaceAll(part, "DEST", dest); !strings.Contains(got, part) {
					t.Errorf("got %q, want %q in it", got, part)
				}
			}
			if after := listing(t, dest); tt.want != nil && after != before {
				t.Errorf("the refused build changed the output:\n%s\nwas\n%s", after, before)
			}
			if tt.want == nil {
				if info, err := os.Stat(filepath.Join(dest, "handro")); err != nil || info.Mode().Perm() != 0o555 {
					t.Errorf("the read-only folder made by hand: %v, %v", info, err)
				}
				if data, err := os.ReadFile(filepath.Join(dest, "handro/f.txt")); string(data) != "mine" {
					t.Errorf("the file in it: %q, %v", data, err)
				}
			}
			assertBeside(t, dest)
		})
	}
}

// otherUserDir returns a folder for the output, which another user may write when the test
// runs as root (asOther).
func otherUserDir(t *testing.T) (dir string, asOther bool) {
	// t.TempDir's folders are root's alone: another user must be able to reach this one.
	dir, err := os.MkdirTemp("", "publish-other")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := removeAll(dir); err != nil {
			t.Error(err)
		}
	})
	return dir, os.Geteuid() == 0
}

// otherUser is the user the build runs as when the test runs as root: nobody.
const otherUser = 65534

// giveToOther gives the folder dir and everything in it to otherUser.
func giveToOther(t *testing.T, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(name, otherUser, otherUser)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// publishAsOther publishes into dest twice, as TestWhatCannotBeCarriedOver's child does, and
// returns what it said: as otherUser in a process of its own when asOther, from a copy of the
// test binary in dir, else here.
func publishAsOther(t *testing.T, dir, dest string, asOther bool) string {
	t.Helper()
	if !asOther {
		for range 2 {
			if err := publish(t, dest, Options{}, map[string]string{"index.html": "new"}); err != nil {
				return english(err)
			}
		}
		return "published"
	}
	// A copy of the test binary that the other user may run.
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "publish.test")
	copyExecutable(t, self, bin)
	// The build must not hang: a minute is far more than it takes.
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-test.run=^TestWhatCannotBeCarriedOver$")
	cmd.Env = append(os.Environ(), "DANGJIAN_PUBLISH_INTO="+dest)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: otherUser, Gid: otherUser}}
	out, err := cmd.Output()
	if ctx.Err() != nil {
		t.Fatalf("the build hung: %s", out)
	}
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return strings.TrimSuffix(strings.TrimSuffix(string(out), "PASS\n"), "\n")
}

func copyExecutable(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

func chmod(t *testing.T, name string, mode fs.FileMode) {
	t.Helper()
	if err := os.Chmod(name, mode); err != nil {
		t.Fatal(err)
	}
}

// listing lists what dir holds, with each entry's type and permissions, the contents of
// folders that cannot be read aside.
func listing(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	_ = filepath.WalkDir(dir, func(name string, d fs.DirEntry, err error) error {
		if info, statErr := os.Lstat(name); statErr == nil {
			fmt.Fprintf(&b, "%s %s\n", info.Mode(), name)
		}
		return nil
	})
	return b.String()
}
