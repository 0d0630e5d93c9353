package setup

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// machine is a fake Debian machine: a folder of stand-ins that is the whole PATH.
type machine struct {
	t   *testing.T
	bin string
	log string // what apt-get and sudo were asked to do, a line each
}

// What sudo does for the user.
type sudoing int

const (
	noSudo      sudoing = iota // not installed
	sudoServes                 // runs what the user asks
	sudoRefuses                // installed, but the user is not among those it serves
)

// newMachine makes a machine whose user is root or not, with the sudo given, with the Debian
// packages installed and the commands on PATH.
func newMachine(t *testing.T, root bool, sudo sudoing, installed []string, commands ...string) *machine {
	t.Helper()
	m := &machine{t: t, bin: t.TempDir(), log: filepath.Join(t.TempDir(), "log")}
	uid := "1000"
	if root {
		uid = "0"
	}
	m.stub("id", `echo `+uid)
	m.stub("dpkg-query", `for a; do asked=$a; done; for p in `+strings.Join(installed, " ")+`; do [ "$p" = "$asked" ] && { printf 'install ok installed'; exit 0; }; done; exit 1`)
	m.stub("apt-get", `echo "apt-get $* (DEBIAN_FRONTEND=$DEBIAN_FRONTEND)" >>`+m.log)
	switch sudo {
	case sudoServes:
		m.stub("sudo", `case $1 in -n|-v) exit 0;; esac; echo "sudo $*" >>`+m.log+`; exec "$@"`)
	case sudoRefuses:
		m.stub("sudo", `echo "Sorry, user may not run sudo." >&2; exit 1`)
	}
	for _, c := range commands {
		m.stub(c, "exit 0")
	}
	// The real programs the recipe and make need besides the stand-ins.
	for _, real := range []string{"sh", "env", "make", "date"} {
		path, err := exec.LookPath(real)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(path, filepath.Join(m.bin, real)); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

func (m *machine) stub(name, script string) {
	m.t.Helper()
	if err := os.WriteFile(filepath.Join(m.bin, name), []byte("#!/bin/sh\n"+script+"\n"), 0o755); err != nil {
		m.t.Fatal(err)
	}
}

// run runs a command in the repository's root with only the machine's folder on PATH, and
// returns its exit status, what it printed and what apt-get and sudo were asked to do.
func (m *machine) run(name string, args ...string) (code int, stdout, stderr, log string) {
	m.t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = ".."
	cmd.Env = []string{"PATH=" + m.bin, "HOME=" + m.t.TempDir()}
	var out, errs strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errs
	err := cmd.Run()
	if exit, ok := err.(*exec.ExitError); ok {
		code = exit.ExitCode()
	} else if err != nil {
		m.t.Fatal(err)
	}
	data, _ := os.ReadFile(m.log)
	return code, out.String(), errs.String(), string(data)
}

func (m *machine) recipe(why string, specs ...string) (int, string, string, string) {
	return m.run(filepath.Join(m.bin, "sh"), append([]string{"setup/debian-packages.sh", why}, specs...)...)
}

func TestDebianPackages(t *testing.T) {
	const why = "for the browser tests"
	tests := []struct {
		name      string
		root      bool
		sudo      sudoing
		installed []string
		commands  []string
		specs     []string
		code      int
		stdout    string
		stderr    string
		log       string
	}{
		{
			name: "nothing missing", root: true, installed: []string{"chromium", "fonts-wqy-microhei"},
			specs: []string{"chromium", "fonts-wqy-microhei"},
		},
		{
			name: "root", root: true, installed: []string{"fonts-wqy-microhei"},
			specs:  []string{"chromium", "fonts-wqy-microhei"},
			stdout: "installing the Debian packages chromium for the browser tests: apt-get install -y chromium\n",
			log:    "apt-get update -qq (DEBIAN_FRONTEND=noninteractive)\napt-get install -y -qq chromium (DEBIAN_FRONTEND=noninteractive)\n",
		},
		{
			name: "a user with sudo", sudo: sudoServes,
			specs:  []string{"chromium", "fonts-wqy-microhei"},
			stdout: "installing the Debian packages chromium fonts-wqy-microhei for the browser tests: sudo apt-get install -y chromium fonts-wqy-microhei\n",
			log: "sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq\napt-get update -qq (DEBIAN_FRONTEND=noninteractive)\n" +
				"sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei\napt-get install -y -qq chromium fonts-wqy-microhei (DEBIAN_FRONTEND=noninteractive)\n",
		},
		{
			name:  "a user without sudo",
			specs: []string{"chromium", "java=default-jre-headless"}, code: 1,
			stderr: "the Debian packages chromium default-jre-headless are needed for the browser tests, and only root can install them: have an administrator run   apt-get install -y chromium default-jre-headless   then run make again\n",
		},
		{
			name: "a user whom sudo refuses", sudo: sudoRefuses,
			specs: []string{"chromium"}, code: 1,
			stderr: "the Debian packages chromium are needed for the browser tests, and only root can install them: have an administrator run   apt-get install -y chromium   then run make again\n",
		},
		{
			name: "a command from elsewhere will do", root: true, commands: []string{"java"},
			specs: []string{"java=default-jre-headless"},
		},
		{
			name: "the command missing", root: true, installed: []string{"java"},
			specs:  []string{"java=default-jre-headless"},
			stdout: "installing the Debian packages default-jre-headless for the browser tests: apt-get install -y default-jre-headless\n",
			log:    "apt-get update -qq (DEBIAN_FRONTEND=noninteractive)\napt-get install -y -qq default-jre-headless (DEBIAN_FRONTEND=noninteractive)\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newMachine(t, tt.root, tt.sudo, tt.installed, tt.commands...)
			code, stdout, stderr, log := m.recipe(why, tt.specs...)
			if code != tt.code || stdout != tt.stdout || stderr != tt.stderr || log != tt.log {
				t.Errorf("exit %d\nstdout %q\nstderr %q\nlog %q\nwant exit %d\nstdout %q\nstderr %q\nlog %q",
					code, stdout, stderr, log, tt.code, tt.stdout, tt.stderr, tt.log)
			}
		})
	}
}

// TestNoAptGet: on another distribution, the recipe names what to install and fails.
func TestNoAptGet(t *testing.T) {
	m := newMachine(t, true, noSudo, nil)
	if err := os.Remove(filepath.Join(m.bin, "apt-get")); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr, _ := m.recipe("for make test", "chromium")
	if code != 1 || stdout != "" || stderr != "the Debian packages chromium are needed for make test, and this machine has no apt-get: install their equivalents with its own package manager, then run make again\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestMakeTestDeps runs make's target on a machine without Chromium, nginx, Java and
// LibreOffice: as root and as a user with sudo it installs them in one apt-get; a user
// without sudo is told what to install, and make stops. A LibreOffice from elsewhere, its
// soffice on PATH, will do.
func TestMakeTestDeps(t *testing.T) {
	installed := []string{"fonts-wqy-microhei"}
	const (
		why     = "for make test's browser tests, Nu HTML Checker, page dates, deployment test and Word tests"
		missing = "chromium default-jre-headless nginx libreoffice-writer-nogui"
	)
	for _, tt := range []struct {
		name     string
		root     bool
		sudo     sudoing
		commands []string
		code     int
		out, log string
	}{
		{"root", true, noSudo, nil, 0, "installing the Debian packages " + missing + " " + why + ": apt-get install -y " + missing + "\n", "apt-get install -y -qq " + missing + " (DEBIAN_FRONTEND=noninteractive)\n"},
		{"a user with sudo", false, sudoServes, nil, 0, ": sudo apt-get install -y " + missing + "\n", "sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq " + missing + "\n"},
		{"a user without sudo", false, noSudo, nil, 2, "are needed " + why + ", and only root can install them: have an administrator run   apt-get install -y " + missing + "   then run make again\n", ""},
		{"a LibreOffice from elsewhere", true, noSudo, []string{"soffice"}, 0, ": apt-get install -y chromium default-jre-headless nginx\n", "apt-get install -y -qq chromium default-jre-headless nginx (DEBIAN_FRONTEND=noninteractive)\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := newMachine(t, tt.root, tt.sudo, installed, append([]string{"git"}, tt.commands...)...)
			code, stdout, stderr, log := m.run(filepath.Join(m.bin, "make"), "--no-print-directory", "test-deps")
			if code != tt.code || !strings.Contains(stdout+stderr, tt.out) || !strings.Contains(log, tt.log) || (tt.log == "" && log != "") {
				t.Errorf("exit %d\nstdout %q\nstderr %q\nlog %q", code, stdout, stderr, log)
			}
		})
	}
}

// TestOneInstallRecipe: only the recipe calls apt-get; the Makefile's targets go through it.
func TestOneInstallRecipe(t *testing.T) {
	makefile, err := os.ReadFile("../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(makefile), "apt-get") {
		t.Error("the Makefile runs apt-get itself: install Debian packages through $(DEBIAN_PACKAGES)")
	}
}

// TestStandsAlone: a person who clones the repository has it alone, so nothing needed to
// build, test or read the product may name a path outside it, such as the folder of shared
// material the project was started from. (docs/performance.md may name where its Hugo figures
// came from.)
func TestStandsAlone(t *testing.T) {
	outside := regexp.MustCompile(`\.\./(\.\./)*` + `shared\b`)
	err := filepath.WalkDir("..", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch name := d.Name(); {
		case d.IsDir() && path != ".." && (strings.HasPrefix(name, ".") && name != ".ci" || name == "node_modules" || name == "public" || name == "content"):
			return filepath.SkipDir
		case d.IsDir() || path == filepath.Join("..", "docs", "performance.md"):
			return nil
		case name == "Makefile" || name == "run" || strings.HasSuffix(name, ".go") || strings.HasSuffix(name, ".sh") || strings.HasSuffix(name, ".md") || strings.HasSuffix(name, ".yaml"):
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if loc := outside.FindIndex(data); loc != nil {
				line := 1 + strings.Count(string(data[:loc[0]]), "\n")
				t.Errorf("%s:%d names %q, which a clone of the repository does not have", path, line, data[loc[0]:loc[1]])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
