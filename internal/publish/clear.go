package publish

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"syscall"

	"github.com/dangjian/dangjian/internal/msg"
)

// owned tells which files of an old output dangjian wrote.
type owned struct {
	files map[string]bool // by the old output's manifest
	// lost: that manifest was lost; then the files the new output's manifest lists, written,
	// are taken for dangjian's too (see Publisher.lost).
	lost    bool
	written map[string]bool
}

func (o owned) file(name string) bool { return o.files[name] || o.lost && o.written[name] }

// folders returns the folders that the files of the manifest are in.
func (o owned) folders() map[string]bool {
	dirs := map[string]bool{}
	for name := range o.files {
		for dir := path.Dir(name); dir != "." && !dirs[dir]; dir = path.Dir(dir) {
			dirs[dir] = true
		}
	}
	return dirs
}

// ownedIn reads what dangjian wrote of the old output set aside in dir, for the repair of an
// interrupted clearOld: its manifest, which clearOld removes last, and whether it was lost,
// which its marker says, or, from an earlier dangjian, the manifest itself.
func (p *Publisher) ownedIn(dir string) (owned, error) {
	files, state, err := readManifest(dir)
	if err != nil || state != lostManifest && marker(dir) != markOldLost {
		return owned{files: files}, err
	}
	written, _, err := readManifest(p.dest)
	return owned{files: files, lost: true, written: written}, err
}

// clearOld removes the old output that the swap set aside in dir, once the new one is in
// place: the files dangjian wrote there (own), and those carried over, which the new output
// holds too. Nothing else is removed: what is left was put into the old output while this
// build published, after the carry-over looked; it is moved to its place in the new output,
// or, where the new output has something else of that name, kept and reported, and the
// folder set aside with it. The old output's manifest and marker go last, so that the repair
// of an interrupted clearOld knows what it knew.
//
// It reads every folder of the old output once and removes its files: the work os.RemoveAll
// did here before, with no more than a look-up in the manifest for each of dangjian's files.
func (p *Publisher) clearOld(dir string, own owned) error {
	c := &clearing{p: p, old: dir, own: own, ownDirs: own.folders()}
	if err := c.folder(""); err != nil {
		return err
	}
	if len(c.kept) > 0 {
		return c.keptError()
	}
	if err := os.Remove(filepath.Join(dir, ManifestFile)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := unmark(dir); err != nil {
		return err
	}
	return os.Remove(dir)
}

// clearing is the state of one clearOld.
type clearing struct {
	p       *Publisher
	old     string // the folder set aside
	own     owned
	ownDirs map[string]bool
	kept    []string // the names left in old, where the new output has something else
}

// oldPath and newPath name the file name of the old output and of the new one.
func (c *clearing) oldPath(name string) string {
	return filepath.Join(c.old, filepath.FromSlash(name))
}

func (c *clearing) newPath(name string) string {
	return filepath.Join(c.p.dest, filepath.FromSlash(name))
}

// folder clears the folder name ("" for the old output) of all it holds.
func (c *clearing) folder(name string) error {
	full := c.oldPath(name)
	var entries []fs.DirEntry
	err := inWritable(full, func() (err error) {
		entries, err = os.ReadDir(full)
		return err
	})
	if err != nil {
		return err
	}
	for _, e := range entries {
		if name == "" && (e.Name() == ManifestFile || e.Name() == MarkerFile) {
			continue
		}
		if err := c.entry(path.Join(name, e.Name()), e); err != nil {
			return err
		}
		if name == "" && c.p.crashed("removing the old output") {
			return errCrashed
		}
	}
	return nil
}

// entry clears one file or folder of the old output.
func (c *clearing) entry(name string, e fs.DirEntry) error {
	if e.IsDir() {
		if !c.ownDirs[name] {
			// Not dangjian's: carried over, or made while this build published.
			switch info, err := os.Lstat(c.newPath(name)); {
			case errors.Is(err, fs.ErrNotExist):
				return c.move(name)
			case errors.Is(err, syscall.ENOTDIR) || err == nil && !info.IsDir():
				c.kept = append(c.kept, name)
				return nil
			case err != nil:
				return err
			}
		}
		kept := len(c.kept)
		if err := c.folder(name); err != nil || len(c.kept) > kept {
			return err
		}
		return c.remove(name)
	}
	if c.own.file(name) {
		return c.remove(name)
	}
	now, err := e.Info()
	if err != nil {
		return err
	}
	info, err := os.Lstat(c.newPath(name))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return c.move(name)
	case errors.Is(err, syscall.ENOTDIR):
	case err != nil:
		return err
	case sameFile(c.oldPath(name), now, c.newPath(name), info):
		return c.remove(name)
	}
	c.kept = append(c.kept, name)
	return nil
}

// remove removes the file or empty folder name of the old output.
func (c *clearing) remove(name string) error {
	full := c.oldPath(name)
	return inWritable(filepath.Dir(full), func() error { return os.Remove(full) })
}

// move moves name, made while the build published, to its place in the new output, making its
// folder there; when a file of the new output is in the way, it is kept.
func (c *clearing) move(name string) error {
	from, to := c.oldPath(name), c.newPath(name)
	err := os.MkdirAll(filepath.Dir(to), 0o755)
	if err == nil {
		err = inWritable(filepath.Dir(from), func() error { return renameNoReplace(from, to) })
	}
	if errors.Is(err, syscall.ENOTDIR) || errors.Is(err, fs.ErrExist) {
		c.kept = append(c.kept, name)
		return nil
	}
	return err
}

// keptError says what clearOld kept, and what to do.
func (c *clearing) keptError() error {
	errs := make([]error, len(c.kept))
	for i, name := range c.kept {
		errs[i] = msg.New(msg.PutIn, name, c.p.dest, c.newPath(name), c.oldPath(name))
	}
	return msg.New(msg.OldNotRemoved, msg.Joined(errs))
}

// sameFile reports whether the file a (its info) of the old output is the same as the file b
// of the new one, carried over: one file by two links, the same symbolic link, or, where it
// was copied, the same bytes.
func sameFile(a string, aInfo fs.FileInfo, b string, bInfo fs.FileInfo) bool {
	switch {
	case os.SameFile(aInfo, bInfo):
		return true
	case aInfo.Mode().Type() != bInfo.Mode().Type():
		return false
	case aInfo.Mode()&fs.ModeSymlink != 0:
		aTarget, aErr := os.Readlink(a)
		bTarget, bErr := os.Readlink(b)
		return aErr == nil && bErr == nil && aTarget == bTarget
	}
	return aInfo.Mode().IsRegular() && aInfo.Size() == bInfo.Size() && sameBytes(a, b)
}

// sameBytes reports whether the files a and b hold the same bytes.
func sameBytes(a, b string) bool {
	fa, err := os.Open(a)
	if err != nil {
		return false
	}
	defer fa.Close()
	fb, err := os.Open(b)
	if err != nil {
		return false
	}
	defer fb.Close()
	bufA, bufB := make([]byte, 64<<10), make([]byte, 64<<10)
	for {
		na, errA := io.ReadFull(fa, bufA)
		nb, errB := io.ReadFull(fb, bufB)
		if na != nb || !bytes.Equal(bufA[:na], bufB[:nb]) {
			return false
		}
		if errA != nil || errB != nil {
			return errA == errB && (errA == io.EOF || errA == io.ErrUnexpectedEOF)
		}
	}
}

// inWritable does op, which reads or changes the folder dir. Where op is refused, dir, if it
// is a folder made by hand without the right to read or write in it, is given it, and op is
// tried again: dangjian changes only folders it set aside.
func inWritable(dir string, op func() error) error {
	err := op()
	if !errors.Is(err, fs.ErrPermission) || !ownerMay(dir) {
		return err
	}
	return op()
}

// ownerMay gives the owner of the folder dir the right to read, write and enter it, and
// reports whether it had to and could.
func ownerMay(dir string) bool {
	info, err := os.Lstat(dir)
	if err != nil || !info.IsDir() || info.Mode().Perm()&0o700 == 0o700 {
		return false
	}
	return os.Chmod(dir, info.Mode().Perm()|0o700) == nil
}

// renameIfFree renames from to to where nothing is at to, and else fails with an error
// matching fs.ErrExist. Something may come to to between the look and the rename: where the
// system can, renameNoReplace does both in one step.
func renameIfFree(from, to string) error {
	if _, err := os.Lstat(to); err == nil {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: fs.ErrExist}
	}
	return os.Rename(from, to)
}
