package publish

import (
	"errors"
	"os"
	"runtime"
	"syscall"
)

// What is flushed to the disk, and why. A build writes thousands of pages and flushes none: a
// power cut may leave some of them empty in the new output, and the next build writes them
// all again. What the repair after a power cut reads is flushed: the manifest and the markers
// before the swap, so that no swap is on the disk without them, and the output's folder after
// it, so that a build that said it published did.

// writeSynced writes data to the file name and flushes it to the disk.
func writeSynced(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	return err
}

// syncDir flushes the entries of the folder dir to the disk. Windows cannot open a folder to
// flush it, and NTFS journals its entries; a file system that cannot flush a folder (EINVAL)
// keeps them as well as it can.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = f.Sync()
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	if errors.Is(err, syscall.EINVAL) {
		return nil
	}
	return err
}
