//go:build unix

package testenv

import (
	"os/exec"
	"syscall"
)

// inProcessGroup makes cmd's cancelling kill what it started too: soffice is a script that
// runs oosplash, which runs soffice.bin, the one that works.
func inProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
