package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/source"
)

// ReplaceSource writes data over the source file name: into a temporary file beside it, then
// renamed over it, keeping its permissions, so that an editor's file is never left half written.
// The temporary file of a run that was stopped before its rename is named for source.IsFixTemp.
func ReplaceSource(name string, data []byte) error {
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), source.FixTempPattern(filepath.Base(name)))
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), info.Mode().Perm())
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
		return err
	}
	return nil
}

// CreateSource writes a new source file, making its folder. It never overwrites: when name
// exists, it fails with an error that matches fs.ErrExist.
func CreateSource(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return msg.New(msg.ExistsAlready, name, fs.ErrExist)
		}
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		_ = os.Remove(name)
		return err
	}
	return f.Close()
}

// staleAfter is how old a temporary file of ReplaceSource must be to be removed: a repair
// takes a moment, and one that another dangjian is making now must be left to finish.
const staleAfter = time.Minute

// RemoveFixTemp removes the file name when source.IsFixTemp recognises it and it was last written
// more than a minute ago: what a check --fix stopped before its rename left beside a source
// file. Anything else is left alone.
func RemoveFixTemp(name string) error {
	info, err := os.Lstat(name)
	if err != nil || !source.IsFixTemp(info.Name()) || !info.Mode().IsRegular() || time.Since(info.ModTime()) < staleAfter {
		return nil
	}
	if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
