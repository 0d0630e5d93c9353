package serve

import "golang.org/x/sys/windows"

// errAddrInUse is the error of listening on an address that another program holds: Windows's
// own WSAEADDRINUSE, which syscall.EADDRINUSE (a number Go gives it on Windows) is not.
var errAddrInUse error = windows.WSAEADDRINUSE
