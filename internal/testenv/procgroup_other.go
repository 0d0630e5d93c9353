//go:build !unix

package testenv

import "os/exec"

// inProcessGroup leaves cmd as it is: cancelling kills soffice alone.
func inProcessGroup(*exec.Cmd) {}
