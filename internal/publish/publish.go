// Package publish is the only writer of a site's output folder. A build writes into a staging
// folder beside the destination and swaps it in only when everything succeeded, so a failed
// build leaves the previous output as it was; a crash at any point loses nothing, and the next
// run repairs what it left before anything else. A manifest in the output lists the files
// dangjian wrote; files and folders it did not write are carried over to the new output, never
// deleted. One run at a time writes an output folder: it holds the folder's lock, which the
// others wait for.
// It also writes the only source files dangjian writes: those check --fix repairs and new starts.
package publish

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Options say how New waits for another run writing the same output.
type Options struct {
	// Wait is how long to wait for it to finish; zero fails at once.
	Wait time.Duration
	// Waiting, when set, is told once that New waits, with a message for the user.
	Waiting func(msg string)

	// For the tests: renamesOnly publishes by the two renames, as where the folders cannot be
	// exchanged; crash, when it returns true, stops the publisher after the step it names,
	// leaving everything as a crash there would.
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
	if err := checkDest(dest); err != nil {
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

// checkDest refuses an output that is not a folder: a symbolic link would be replaced by the
// folder, not followed.
func checkDest(dest string) error {
	info, err := os.Lstat(dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case info.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%s is a symbolic link: dangjian replaces the output folder when it publishes, and would replace the link; give the real folder with -d, or remove the link", dest)
	case !info.IsDir():
		return fmt.Errorf("%s is a file, not a folder: give another output folder with -d, or move the file away", dest)
	}
	return nil
}

// beside names dangjian's file or folder of a role beside the output: .public.dangjian-new.
func beside(dest, role string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".dangjian-"+role)
}

// start repairs, reads the manifest and makes the staging folder.
func (p *Publisher) start() error {
	if err := p.recover(); err != nil {
		return err
	}
	ours, err := readManifest(p.dest)
	if err != nil {
		return err
	}
	p.ours = ours
	if err := os.Mkdir(p.staging, 0o755); err != nil {
		return err
	}
	if p.crashed("made the staging folder") {
		return errCrashed
	}
	return mark(p.staging)
}

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
		return "", fmt.Errorf("refusing to write %q: not a plain path inside the output", name)
	}
	p.mu.Lock()
	dup := p.written[name]
	p.written[name] = true
	p.mu.Unlock()
	if dup {
		return "", fmt.Errorf("%s written twice", name)
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

// carryOver links (or, where links fail, copies) each file of the old output that is not in
// its manifest into the staging folder, and makes each folder that no file of the manifest is
// in, empty or not, so that the swap loses nothing dangjian did not write. The old output keeps
// its files until the swap has succeeded.
func (p *Publisher) carryOver() error {
	ourDirs := map[string]bool{}
	for name := range p.ours {
		for dir := path.Dir(name); dir != "." && !ourDirs[dir]; dir = path.Dir(dir) {
			ourDirs[dir] = true
		}
	}
	return filepath.WalkDir(p.dest, func(full string, d fs.DirEntry, err error) error {
		if full == p.dest {
			if errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(p.dest, full)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		if p.ours[name] || name == ManifestFile || name == MarkerFile || d.IsDir() && ourDirs[name] {
			return nil
		}
		target := filepath.Join(p.staging, rel)
		if p.clashes(name, target, d.IsDir()) {
			return fmt.Errorf("%s: this build writes %s, where dangjian did not write before; move it away first", full, name)
		}
		if d.IsDir() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			return os.MkdirAll(target, info.Mode().Perm())
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if os.Link(full, target) == nil {
			return nil
		}
		return copyFile(full, target)
	})
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

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return err
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
