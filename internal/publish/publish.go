// Package publish is the only writer of a site's output folder. A build writes into a staging
// folder beside the destination and swaps it in only when everything succeeded, so a failed
// build leaves the previous output as it was; a crash at any point loses nothing, and the next
// run repairs what it left before anything else. A manifest in the output lists the files
// dangjian wrote: nothing else is ever removed. Files and folders it did not write are carried
// over to the new output, and those put into the old one while the build published are moved
// there after the swap. One run at a time writes an output folder: it holds the folder's lock,
// which the others wait for.
// It also writes the only source files dangjian writes: those check --fix repairs and new starts.
package publish

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/msg"
)

// Options say how New waits for another run writing the same output.
type Options struct {
	// Wait is how long to wait for it to finish; zero fails at once.
	Wait time.Duration
	// Waiting, when set, is told once that New waits, with a message for the user.
	Waiting func(msg.Message)
	// Site, when set, is the site's folder: the output may be neither it nor a folder that
	// holds it, which the swap would move away.
	Site string

	// For the tests: renamesOnly publishes by the two renames, as where the folders cannot be
	// exchanged; crash is told each step the publisher takes, once taken, and when it returns
	// true the publisher stops there, leaving everything as a crash there would. The tests
	// also act there, as another program may between two steps.
	renamesOnly bool
	crash       func(step string) bool
}

// Publisher writes one build's files. Write and Copy are safe for concurrent use.
type Publisher struct {
	dest    string
	staging string // .DEST.dangjian-new, where the build is written
	old     string // .DEST.dangjian-old, where the old output goes while two renames swap
	opts    Options
	lock    *os.File
	ours    map[string]bool // the files of dest that dangjian wrote, by its manifest
	// lost: dest is dangjian's, but its manifest was lost (see lostManifest). Nothing tells
	// the files dangjian wrote there from those made by hand, and only what dangjian wrote may
	// be removed: the files this build writes are taken for the last build's and replaced, and
	// every other one is kept as if made by hand, a page that the last build wrote and this one
	// does not included, until someone deletes it. The build says so (ManifestLost).
	lost bool

	mu      sync.Mutex
	written map[string]bool
	dirs    sync.Map // folders already created in staging
}

// New prepares a build into dest: it takes dest's lock, repairs what an interrupted run left,
// and makes the staging folder. It refuses a dest that exists, is not empty and holds no
// manifest: that folder was not written by dangjian, and replacing it could lose work. Abort or
// Commit releases the lock.
func New(ctx context.Context, dest string, opts Options) (*Publisher, error) {
	dest = filepath.Clean(dest)
	if err := checkDest(dest, opts.Site); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return nil, err
	}
	lock, err := takeLock(ctx, beside(dest, "lock"), dest, opts)
	if err != nil {
		return nil, err
	}
	p := &Publisher{dest: dest, staging: beside(dest, "new"), old: beside(dest, "old"), opts: opts, lock: lock, written: map[string]bool{}}
	if err := p.start(); err != nil {
		p.unlock()
		return nil, err
	}
	return p, nil
}

// checkDest refuses, before anything is made, an output that the swap cannot or must not
// replace: a root of a file system, the site's folder or a folder that holds it, and anything
// but a folder (a symbolic link would be replaced by the folder, not followed).
func checkDest(dest, site string) error {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	instead := filepath.Join(site, "public")
	if filepath.Dir(abs) == abs {
		return msg.New(msg.DestIsRoot, dest, instead)
	}
	info, err := os.Lstat(dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case info.Mode()&fs.ModeSymlink != 0:
		return msg.New(msg.DestIsLink, dest)
	case !info.IsDir():
		return msg.New(msg.DestIsFile, dest)
	}
	if site == "" {
		return nil
	}
	switch found, self := holds(info, site); {
	case self:
		return msg.New(msg.DestIsSite, dest, instead)
	case found:
		if absSite, err := filepath.Abs(site); err == nil {
			site = absSite
		}
		return msg.New(msg.DestHoldsSite, dest, site, instead)
	}
	return nil
}

// holds reports whether the folder dir (its info) is the folder site or one that holds it,
// found by following site's path up from the folder it really is, so that neither symbolic
// links nor the case of names on Windows and macOS hide it; self reports that it is site.
func holds(dir fs.FileInfo, site string) (found, self bool) {
	real, err := filepath.EvalSymlinks(site)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		return false, false // no site there: loading it fails, and says so
	}
	for up := real; ; up = filepath.Dir(up) {
		if info, err := os.Stat(up); err == nil && os.SameFile(info, dir) {
			return true, up == real
		}
		if filepath.Dir(up) == up {
			return false, false
		}
	}
}

// beside names dangjian's file or folder of a role beside the output: .public.dangjian-new.
func beside(dest, role string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".dangjian-"+role)
}

// start repairs, reads the manifest and makes the staging folder.
func (p *Publisher) start() error {
	marked := isMarked(p.dest)
	if err := p.recover(); err != nil {
		return err
	}
	ours, state, err := readManifest(p.dest)
	if err != nil {
		return err
	}
	switch {
	case state == lostManifest || state == noManifest && marked:
		p.lost = true
	case state == noManifest:
		entries, err := os.ReadDir(p.dest)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if len(entries) > 0 {
			return msg.New(msg.DestForeign, p.dest, ManifestFile)
		}
	}
	p.ours = ours
	if err := os.Mkdir(p.staging, 0o755); err != nil {
		return err
	}
	if p.crashed("made the staging folder") {
		return errCrashed
	}
	return mark(p.staging, markNew)
}

// ManifestLost reports whether the output's manifest was found empty or cut short, as a
// power cut can leave it (see Publisher.lost).
func (p *Publisher) ManifestLost() bool { return p.lost }

// Write writes data to the output file name (slash-separated, relative to the output).
func (p *Publisher) Write(name string, data []byte) error {
	full, err := p.create(name)
	if err != nil {
		return err
	}
	return os.WriteFile(full, data, 0o644)
}

// Copy copies the files srcNames of src, joined in order, to the output file name.
func (p *Publisher) Copy(name string, src fs.FS, srcNames ...string) error {
	full, err := p.create(name)
	if err != nil {
		return err
	}
	readers := make([]io.Reader, 0, len(srcNames))
	for _, srcName := range srcNames {
		in, err := src.Open(srcName)
		if err != nil {
			return err
		}
		defer in.Close()
		readers = append(readers, in, strings.NewReader("\n"))
	}
	return writeFrom(full, io.MultiReader(readers[:max(0, len(readers)-1)]...), 0o644)
}

// create records name as written and makes its folder in staging.
func (p *Publisher) create(name string) (string, error) {
	if !filepath.IsLocal(filepath.FromSlash(name)) || name != path.Clean(name) || name == ManifestFile || name == MarkerFile || !utf8.ValidString(name) {
		return "", msg.New(msg.NotPlainPath, name)
	}
	p.mu.Lock()
	dup := p.written[name]
	p.written[name] = true
	p.mu.Unlock()
	if dup {
		return "", msg.New(msg.WrittenTwice, name)
	}
	full := filepath.Join(p.staging, filepath.FromSlash(name))
	dir := filepath.Dir(full)
	if _, ok := p.dirs.Load(dir); !ok {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", err
		}
		p.dirs.Store(dir, true)
	}
	return full, nil
}

// Files returns the number of files written so far.
func (p *Publisher) Files() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.written)
}

// Abort discards the staging folder and releases the lock; the output is left as it was.
func (p *Publisher) Abort() error {
	defer p.unlock()
	return p.removeSetAside(p.staging, "staging")
}

// Commit writes the manifest, carries over the files and folders of the old output that
// dangjian did not write, swaps the new output in place of the old one, and releases the lock.
func (p *Publisher) Commit() error {
	defer p.unlock()
	if err := writeManifest(p.staging, p.written); err != nil {
		return p.fail(err)
	}
	if err := p.carryOver(); err != nil {
		return p.fail(err)
	}
	if p.crashed("staged") {
		return errCrashed
	}
	return p.swap()
}

// fail discards the staging folder after err.
func (p *Publisher) fail(err error) error {
	_ = p.removeSetAside(p.staging, "staging")
	return err
}

// unlock releases the lock; the system would, were the process to end.
func (p *Publisher) unlock() {
	if p.lock != nil {
		p.lock.Close()
		p.lock = nil
	}
}

// owned returns what dangjian wrote of the output being replaced.
func (p *Publisher) owned() owned {
	return owned{files: p.ours, lost: p.lost, written: p.written}
}

// carryOver links (or, where links fail, copies) each file of the old output that is not in
// its manifest into the staging folder, and makes each folder that no file of the manifest is
// in, empty or not, so that the swap loses nothing dangjian did not write. The old output keeps
// its files until the swap has succeeded. It never opens what is not a file: a named pipe
// would block it.
func (p *Publisher) carryOver() error {
	own := p.owned()
	ownDirs := own.folders()
	// Folders made by hand without the right to write in them are given it while they are
	// filled, and their own permissions after.
	readOnly := map[string]fs.FileMode{}
	err := filepath.WalkDir(p.dest, func(full string, d fs.DirEntry, err error) error {
		if full == p.dest {
			if errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if err != nil {
			return carryError(full, err)
		}
		rel, err := filepath.Rel(p.dest, full)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		if own.file(name) || name == ManifestFile || name == MarkerFile || d.IsDir() && ownDirs[name] {
			return nil
		}
		target := filepath.Join(p.staging, rel)
		if p.clashes(name, target, d.IsDir()) {
			return msg.New(msg.WritesForeign, full, name)
		}
		if !d.IsDir() && !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return msg.New(msg.CannotKeep, full, kindOf(d.Type()))
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return carryError(full, err)
		}
		if d.IsDir() {
			info, err := d.Info()
			if err == nil {
				err = os.Mkdir(target, info.Mode().Perm()|0o700)
			}
			if err == nil && info.Mode().Perm()&0o700 != 0o700 {
				readOnly[target] = info.Mode().Perm()
			}
			if err != nil && !errors.Is(err, fs.ErrExist) {
				return carryError(full, err)
			}
			return nil
		}
		return carryError(full, carry(full, target, d.Type()))
	})
	for dir, perm := range readOnly {
		if err == nil {
			err = os.Chmod(dir, perm)
		}
	}
	return err
}

// carry makes the file or symbolic link to a copy of from: a link to the same file where it
// can, else a new file with the same bytes, or a new symbolic link to the same target.
func carry(from, to string, mode fs.FileMode) error {
	if mode&fs.ModeSymlink != 0 {
		target, err := os.Readlink(from)
		if err != nil {
			return err
		}
		if os.Symlink(target, to) == nil {
			return nil
		}
	}
	if os.Link(from, to) == nil {
		return nil
	}
	return copyFile(from, to)
}

// carryError names the file of the output that cannot be carried over, and says what to do.
func carryError(full string, err error) error {
	var pathErr *fs.PathError
	var linkErr *os.LinkError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &pathErr):
		err = pathErr.Err
	case errors.As(err, &linkErr):
		err = linkErr.Err
	}
	if errors.Is(err, fs.ErrPermission) {
		return msg.New(msg.MayNotRead, full, err)
	}
	return msg.New(msg.CannotCarry, full, err)
}

// kindOf names what a file of this mode is.
func kindOf(mode fs.FileMode) msg.Key {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return msg.NamedPipe
	case mode&fs.ModeSocket != 0:
		return msg.Socket
	case mode&fs.ModeDevice != 0:
		return msg.Device
	}
	return msg.SpecialFile
}

// clashes reports whether the build wrote a file at name, or at a folder of it, or (for a file
// name) wrote into a folder of that name, at target in staging.
func (p *Publisher) clashes(name, target string, isDir bool) bool {
	for n := name; n != "."; n = path.Dir(n) {
		if p.written[n] {
			return true
		}
	}
	if isDir {
		return false
	}
	_, err := os.Lstat(target)
	return err == nil
}

// copyFile copies the file from to the new file to. It opens from without waiting, and copies
// it only if it is a file: what it names may have changed since it was looked at.
func copyFile(from, to string) error {
	in, err := os.OpenFile(from, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return err
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return msg.New(msg.NotAFile, kindOf(info.Mode()))
	}
	return writeFrom(to, in, info.Mode().Perm())
}

// writeFrom writes the file to with what r holds.
func writeFrom(to string, r io.Reader, perm fs.FileMode) error {
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, r); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
