//go:build unix

package serve

import (
	"fmt"
	"syscall"
)

// raiseFileLimit makes room for n open files in this process: the soft limit (1024 where Go
// did not raise it to the hard limit already) is raised to n, and the hard limit too where it
// is below n and may be raised (as root, with the capability).
func raiseFileLimit(n uint64) error {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return fmt.Errorf("the limit of open files: %w", err)
	}
	if lim.Cur >= n {
		return nil
	}
	raised := syscall.Rlimit{Cur: n, Max: max(lim.Max, n)}
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &raised); err != nil {
		return fmt.Errorf("%d open files are needed; the limit is %d (hard %d) and cannot be raised: %w; raise it with ulimit -Hn %d", n, lim.Cur, lim.Max, err, n)
	}
	return nil
}
