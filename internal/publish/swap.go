package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// The swap and its repair. Beside the output DEST, a build uses two folders: .DEST.dangjian-new,
// the staging folder it writes, and .DEST.dangjian-old, where two renames put the old output
// while they swap. Each carries MarkerFile from the moment it is set aside until it is gone, and
// so does DEST while anything set aside is left to remove. A crash at any point therefore
// leaves one of these states, which the next run repairs before it touches anything:
//
//   - DEST is missing and .old holds it: the old output is moved back;
//   - a folder set aside (with the marker, or empty) is left: it is removed;
//   - DEST carries the marker: it is removed last.
//
// A folder of those names without the marker, and not empty, is the user's: it is never
// removed, and the build stops with a message instead.

// MarkerFile marks a folder that dangjian set aside while it publishes.
const MarkerFile = ".dangjian-staging"

// errCrashed is returned where the tests stop the publisher.
var errCrashed = errors.New("stopped as by a crash")

// errNoExchange says that this system cannot exchange two folders in one step.
var errNoExchange = errors.New("cannot exchange folders")

// crashed reports whether the tests stop the publisher after step.
func (p *Publisher) crashed(step string) bool {
	return p.opts.crash != nil && p.opts.crash(step)
}

// swap puts the staging folder in place of the output: where the system can, by exchanging
// the two in one step (then a crash leaves one or the other in place), else by two renames.
func (p *Publisher) swap() error {
	if _, err := os.Lstat(p.dest); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(p.staging, p.dest); err != nil {
			return p.fail(err)
		}
		if p.crashed("moved the new output in") {
			return errCrashed
		}
		return unmark(p.dest)
	}
	if err := mark(p.dest); err != nil {
		return p.fail(err)
	}
	if p.crashed("marked the output") {
		return errCrashed
	}
	aside, role := p.staging, "staging"
	err := errNoExchange
	if !p.opts.renamesOnly {
		err = exchange(p.staging, p.dest)
	}
	if errors.Is(err, errNoExchange) {
		aside, role = p.old, "old"
		err = p.renames()
	}
	if errors.Is(err, errCrashed) {
		return err
	}
	if err != nil {
		_ = unmark(p.dest)
		return p.fail(err)
	}
	if p.crashed("swapped") {
		return errCrashed
	}
	if err := p.removeSetAside(aside, role); err != nil {
		return err
	}
	if p.crashed("removed the old output") {
		return errCrashed
	}
	return unmark(p.dest)
}

// renames moves the output aside and the staging folder in its place, and moves the output
// back when the second rename fails.
func (p *Publisher) renames() error {
	if err := os.Rename(p.dest, p.old); err != nil {
		return err
	}
	if p.crashed("moved the output aside") {
		return errCrashed
	}
	if err := os.Rename(p.staging, p.dest); err != nil {
		if back := os.Rename(p.old, p.dest); back != nil {
			return fmt.Errorf("%w; the old output is in %s, and the next build puts it back", err, p.old)
		}
		return err
	}
	return nil
}

// recover repairs what an interrupted run left beside the output (see above).
func (p *Publisher) recover() error {
	destMarked := isMarked(p.dest)
	old, err := stateOf(p.old)
	if err != nil {
		return err
	}
	_, destErr := os.Lstat(p.dest)
	switch {
	case old == absent:
	case errors.Is(destErr, fs.ErrNotExist) && (old == ours || old == foreign && hasManifest(p.old)):
		// Two renames were interrupted between them; a manifest without the marker is of an
		// earlier version of dangjian, which did not mark.
		if err := os.Rename(p.old, p.dest); err != nil {
			return err
		}
		if p.crashed("moved the old output back") {
			return errCrashed
		}
		destMarked = old == ours
	case old == foreign:
		return inTheWay(p.old)
	case old == ours && !destMarked:
		return fmt.Errorf("%s holds an output that an interrupted run of dangjian set aside, and %s is not the one it made: move what you need from %s, then remove it", p.old, p.dest, p.old)
	default:
		if err := p.removeSetAside(p.old, "old"); err != nil {
			return err
		}
	}
	staging, err := stateOf(p.staging)
	switch {
	case err != nil:
		return err
	case staging == foreign:
		return inTheWay(p.staging)
	case staging != absent:
		if err := p.removeSetAside(p.staging, "staging"); err != nil {
			return err
		}
	}
	if destMarked {
		return unmark(p.dest)
	}
	return nil
}

// inTheWay is the error of a folder named as dangjian's that dangjian did not make.
func inTheWay(dir string) error {
	return fmt.Errorf("%s is in the way: dangjian uses that name beside the output while it publishes, and this folder is not one it made; rename or remove it, then build again", dir)
}

// A folder's state, for recover.
type folderState int

const (
	absent  folderState = iota
	empty               // nothing to lose: removed whoever made it
	ours                // carries the marker
	foreign             // the user's, or anything but a folder
)

// stateOf tells the state of a folder that dangjian may have set aside.
func stateOf(dir string) (folderState, error) {
	info, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return absent, nil
	case err != nil:
		return 0, err
	case !info.IsDir():
		return foreign, nil
	case isMarked(dir):
		return ours, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	if len(entries) == 0 {
		return empty, nil
	}
	return foreign, nil
}

// removeSetAside removes a folder that dangjian set aside, its marker last, so that an
// interrupted removal leaves a folder still marked, or an empty one.
func (p *Publisher) removeSetAside(dir, role string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Name() == MarkerFile {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
		if p.crashed("removing the " + role + " folder") {
			return errCrashed
		}
	}
	if err := unmark(dir); err != nil {
		return err
	}
	return os.Remove(dir)
}

func mark(dir string) error {
	return os.WriteFile(filepath.Join(dir, MarkerFile), []byte("dangjian marks the folders it sets aside while it publishes; the next build removes them\n"), 0o644)
}

func unmark(dir string) error {
	if err := os.Remove(filepath.Join(dir, MarkerFile)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

func isMarked(dir string) bool {
	info, err := os.Lstat(filepath.Join(dir, MarkerFile))
	return err == nil && info.Mode().IsRegular()
}

func hasManifest(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, ManifestFile))
	return err == nil
}
