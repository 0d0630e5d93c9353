//go:build !windows

package serve

import "syscall"

// errAddrInUse is the error of listening on an address that another program holds.
var errAddrInUse error = syscall.EADDRINUSE
