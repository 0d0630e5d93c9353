package testenv

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestMissing runs a test that misses a program in a child process: skipped, naming the make
// target; failed when NoSkipEnv is set.
func TestMissing(t *testing.T) {
	if os.Getenv("TESTENV_CHILD") == "1" {
		Missing(t, "a program", "test-deps")
		return
	}
	env := slices.DeleteFunc(os.Environ(), func(v string) bool { return strings.HasPrefix(v, NoSkipEnv+"=") })
	for _, tt := range []struct {
		env  []string
		want string
	}{
		{nil, "--- SKIP: TestMissing"},
		{[]string{NoSkipEnv + "=1"}, "--- FAIL: TestMissing"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestMissing$", "-test.v")
		cmd.Env = append(append(slices.Clone(env), "TESTENV_CHILD=1"), tt.env...)
		out, _ := cmd.CombinedOutput()
		if !strings.Contains(string(out), tt.want) || !strings.Contains(string(out), "this test needs a program: make test-deps installs it") {
			t.Errorf("with %q:\n%s", tt.env, out)
		}
	}
}
