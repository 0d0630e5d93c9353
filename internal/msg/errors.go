package msg

import (
	"context"
	"errors"
	"io/fs"
	"net"
	"os/exec"
	"strconv"
	"syscall"
)

// Err says err in p's language. An error that is a Text (a Message, a list of problems) is
// said as it says itself. An error of the operating system or of Go's library, which speaks
// English, is said in Chinese by what it means, its own words kept in brackets, so that a
// person who asks for help can quote them: 找不到文件或文件夹（open x.md: no such file or
// directory）. In English it is its own words.
func (p *Printer) Err(err error) string {
	if err == nil {
		return ""
	}
	var t Text
	if errors.As(err, &t) {
		return t.Text(p)
	}
	if p.IsEnglish() {
		return err.Error()
	}
	for _, m := range meanings {
		if m.is(err) {
			return p.Sprintf(SystemError, p.Sprintf(m.key), err.Error())
		}
	}
	return p.Sprintf(SystemError, p.Sprintf(OtherSystemError), err.Error())
}

// meanings are the errors of the system and the library said in Chinese, the first that
// matches said.
var meanings = []struct {
	is  func(error) bool
	key Key
}{
	{isErr(context.Canceled), Canceled},
	{isErr(context.DeadlineExceeded), TimedOut},
	{isErr(syscall.EADDRINUSE), AddressInUse},
	{isErr(syscall.Errno(10048)), AddressInUse}, // Windows' WSAEADDRINUSE
	{isErr(syscall.EADDRNOTAVAIL), AddressNotAvailable},
	{isErr(syscall.ECONNREFUSED), ConnectionRefused},
	{isErr(syscall.ENOSPC), DiskFull},
	{isErr(syscall.EROFS), ReadOnly},
	{isErr(syscall.ENOTDIR), NotAFolder},
	{isErr(syscall.EISDIR), IsAFolder},
	{isErr(syscall.ENOTEMPTY), FolderNotEmpty},
	{isErr(exec.ErrNotFound), ProgramNotFound},
	{isErr(fs.ErrNotExist), NotExist},
	{isErr(fs.ErrPermission), PermissionDenied},
	{isErr(fs.ErrExist), Exists},
	{func(err error) bool {
		var a *net.AddrError
		return errors.As(err, &a)
	}, BadAddress},
	{func(err error) bool {
		var n *strconv.NumError
		return errors.As(err, &n)
	}, NotANumber},
}

func isErr(target error) func(error) bool {
	return func(err error) bool { return errors.Is(err, target) }
}

var (
	SystemError         = def(`%s（%s）`, `%[1]s (%[2]s)`)
	OtherSystemError    = def(`系统报错`, `the system reported an error`)
	Canceled            = def(`已取消`, `canceled`)
	TimedOut            = def(`等待超时`, `timed out`)
	AddressInUse        = def(`端口已被其他程序占用`, `the port is in use by another program`)
	AddressNotAvailable = def(`本机没有这个地址`, `this computer has no such address`)
	ConnectionRefused   = def(`对方拒绝连接`, `connection refused`)
	DiskFull            = def(`磁盘已满`, `the disk is full`)
	ReadOnly            = def(`磁盘只能读、不能写`, `the disk is read-only`)
	NotAFolder          = def(`路径中有一项不是文件夹`, `a part of the path is not a folder`)
	IsAFolder           = def(`这是文件夹，不是文件`, `it is a folder, not a file`)
	FolderNotEmpty      = def(`文件夹不是空的`, `the folder is not empty`)
	ProgramNotFound     = def(`找不到这个程序`, `program not found`)
	NotExist            = def(`找不到文件或文件夹`, `file or folder not found`)
	PermissionDenied    = def(`没有权限`, `permission denied`)
	Exists              = def(`已经存在`, `already exists`)
	BadAddress          = def(`地址写得不对`, `bad address`)
	NotANumber          = def(`不是数字`, `not a number`)
)
