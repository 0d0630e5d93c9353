package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/dangjian/dangjian/internal/msg"
)

// The swap and its repair. Beside the output DEST, a build uses two folders: .DEST.dangjian-new,
// the staging folder it writes, and .DEST.dangjian-old, where two renames put the old output
// while they swap. Each carries MarkerFile from the moment it is set aside until it is gone, and
// so does DEST while anything set aside is left to remove. The marker says what the folder
// holds: the new output, being made, or the old one, which the exchange of the two folders
// leaves in the staging folder's place. A crash at any point therefore leaves one of these
// states, which the next run repairs before it touches anything:
//
//   - DEST is missing and .old holds it: the old output is moved back;
//   - the old output is set aside beside DEST: it is cleared as the build does (clearOld),
//     what dangjian wrote removed and anything else moved into DEST;
//   - the staging folder (with the marker, or empty) is left: it is removed;
//   - DEST carries the marker: it is removed last.
//
// A folder of those names without the marker, and not empty, is the user's: it is never
// removed, and the build stops with a message instead.

// MarkerFile marks a folder that dangjian set aside while it publishes.
const MarkerFile = ".dangjian-staging"

// What a marker says the folder holds: the new output, or the old one, whose manifest may
// have been lost (see Publisher.lost), which the repair of its removal must know. A marker of
// an earlier dangjian says none of these, and is taken for the new output's, as that dangjian
// took it.
const (
	markNew     = "dangjian writes the new output here while it publishes; the next build removes this folder if it is left\n"
	markOld     = "dangjian set the old output aside here while it published; the next build removes what dangjian wrote here, and moves anything else into the output\n"
	markOldLost = markOld + "its manifest was lost: the files that the new output's manifest lists are taken for dangjian's\n"
)

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
// Once the swap is on the disk, the old output is cleared.
func (p *Publisher) swap() error {
	if _, err := os.Lstat(p.dest); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(p.staging, p.dest); err != nil {
			return p.fail(err)
		}
		if err := syncDir(filepath.Dir(p.dest)); err != nil {
			return err
		}
		if p.crashed("moved the new output in") {
			return errCrashed
		}
		return unmark(p.dest)
	}
	markAside := markOld
	if p.lost {
		markAside = markOldLost
	}
	if err := mark(p.dest, markAside); err != nil {
		return p.fail(err)
	}
	if p.crashed("marked the output") {
		return errCrashed
	}
	aside := p.staging
	err := errNoExchange
	if !p.opts.renamesOnly {
		err = exchange(p.staging, p.dest)
	}
	if errors.Is(err, errNoExchange) {
		aside = p.old
		err = p.renames()
	}
	if errors.Is(err, errCrashed) {
		return err
	}
	if err != nil {
		_ = unmark(p.dest)
		return p.fail(err)
	}
	if err := syncDir(filepath.Dir(p.dest)); err != nil {
		return err
	}
	if p.crashed("swapped") {
		return errCrashed
	}
	if err := p.clearOld(aside, p.owned()); err != nil {
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
			return msg.New(msg.OldKept, err, p.old)
		}
		return err
	}
	return nil
}

// recover repairs what an interrupted run left beside the output (see above).
func (p *Publisher) recover() error {
	destMarked := isMarked(p.dest)
	_, destErr := os.Lstat(p.dest)
	destMissing := errors.Is(destErr, fs.ErrNotExist)
	for _, aside := range []struct{ dir, role string }{{p.old, "old"}, {p.staging, "staging"}} {
		dir := aside.dir
		state, err := stateOf(dir)
		if err != nil {
			return err
		}
		// The old output is in .old, from two renames, or in the staging folder's place,
		// from the exchange. An output in .old without the marker but with a manifest was set
		// aside by an earlier version of dangjian, which did not mark.
		holdsOld := dir == p.old && (state == ours || state == foreign && hasManifest(dir)) ||
			dir == p.staging && state == ours && marker(dir) != markNew
		switch {
		case state == absent:
		case holdsOld && destMissing:
			// Two renames were interrupted between them, or the output was removed since.
			if err := os.Rename(dir, p.dest); err != nil {
				return err
			}
			if p.crashed("moved the old output back") {
				return errCrashed
			}
			destMarked, destMissing = state == ours, false
		case state == foreign:
			return inTheWay(dir)
		case holdsOld && !destMarked:
			return msg.New(msg.AsideNotOurs, dir, p.dest, dir)
		case holdsOld:
			own, err := p.ownedIn(dir)
			if err != nil {
				return err
			}
			if err := p.clearOld(dir, own); err != nil {
				return err
			}
		default:
			if err := p.removeSetAside(dir, aside.role); err != nil {
				return err
			}
		}
	}
	if destMarked {
		return unmark(p.dest)
	}
	return nil
}

// inTheWay is the error of a folder named as dangjian's that dangjian did not make.
func inTheWay(dir string) error {
	return msg.New(msg.InTheWay, dir)
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
		if err := removeAll(filepath.Join(dir, e.Name())); err != nil {
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

// removeAll removes name and everything in it. Folders made by hand without the right to
// write in them, carried over with their permissions, are given it first.
func removeAll(name string) error {
	err := os.RemoveAll(name)
	if !errors.Is(err, fs.ErrPermission) {
		return err
	}
	_ = filepath.WalkDir(name, func(dir string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			ownerMay(dir)
		}
		return nil
	})
	return os.RemoveAll(name)
}

// mark marks the folder dir as set aside, saying what it holds, and flushes the marker to the
// disk: a swap after a power cut must find it as it was written.
func mark(dir, holds string) error {
	return writeSynced(filepath.Join(dir, MarkerFile), []byte(holds))
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

// marker returns what the marker of the folder dir says it holds: markNew, markOld or
// markOldLost, and markNew for a marker that says none of these.
func marker(dir string) string {
	data, _ := os.ReadFile(filepath.Join(dir, MarkerFile))
	if said := string(data); said == markOld || said == markOldLost {
		return said
	}
	return markNew
}

func hasManifest(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, ManifestFile))
	return err == nil
}
