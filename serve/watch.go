package serve

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/source"
	"github.com/fsnotify/fsnotify"
)

// batch is what changed in the site's folder during one burst of events.
type batch struct {
	files  []string // slash-separated, relative to the site's folder, sorted
	rescan bool     // events were lost: load everything again
}

// The watcher waits this long after the last event of a burst before it reports it, so that
// an editor's save (temporary file, rename, chmod) or a git checkout is one rebuild; and at
// most maxDelay after the first, so that a steady stream of events still shows.
const (
	quiet    = 60 * time.Millisecond
	maxDelay = 500 * time.Millisecond
)

// watchedRoots are the folders of a site whose files make the site; site.yaml is the other.
var watchedRoots = []string{kinds.ContentDir, "layouts", kinds.StaticDir}

// siteFile reports whether rel, a slash-separated path relative to the site's folder, is a
// file or folder the site is made of: site.yaml, or under content/, layouts/ or static/, with
// no hidden or scratch name (vim's swap files, backups) anywhere in it.
func siteFile(rel string) bool {
	top, _, _ := strings.Cut(rel, "/")
	if top != config.File && !slices.Contains(watchedRoots, top) {
		return false
	}
	for part := range strings.SplitSeq(rel, "/") {
		if source.Ignored(part) {
			return false
		}
	}
	return true
}

// notifyWatcher watches a site's folders with fsnotify, one watch per folder, since not every
// system watches a tree recursively; folders created later are added as they appear.
type notifyWatcher struct {
	root    string
	w       *fsnotify.Watcher
	folders map[string]bool // the folders watched, absolute
	warn    func(error)     // says a problem that does not stop the watching
}

// watchEvents starts watching the site in root. The folders are watched once it returns:
// a change made after that is reported on the channel, in batches, until ctx is done.
func watchEvents(ctx context.Context, root string, warn func(error)) (<-chan batch, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, msg.New(msg.CannotWatchSite, err)
	}
	nw := &notifyWatcher{root: root, w: w, folders: map[string]bool{}, warn: warn}
	// The site's folder itself, for site.yaml and for content/, layouts/ and static/
	// appearing later; then each of those trees.
	if err := nw.add(root); err != nil {
		_ = w.Close()
		return nil, err
	}
	for _, dir := range watchedRoots {
		if _, err := nw.addTree(filepath.Join(root, dir)); err != nil {
			_ = w.Close()
			return nil, err
		}
	}
	out := make(chan batch)
	go func() {
		defer w.Close()
		coalesce(ctx, w.Events, w.Errors, nw.changed, nw.exists, warn, out)
	}()
	return out, nil
}

// add watches one folder.
func (nw *notifyWatcher) add(dir string) error {
	if err := nw.w.Add(dir); err != nil {
		return watchError(dir, err)
	}
	nw.folders[dir] = true
	return nil
}

// watchError explains an error from adding a watch; running out of inotify watches is common
// on big sites and has two remedies.
func watchError(dir string, err error) error {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE) {
		return msg.New(msg.WatchLimit, dir, err)
	}
	return msg.New(msg.CannotWatch, dir, err)
}

// addTree watches dir and every folder under it, and returns the site files found in it: a
// folder created while serving may hold files made before its watch was set up (mkdir -p,
// an unzipped folder, a checkout). A dir that does not exist is no error.
func (nw *notifyWatcher) addTree(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if name == dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			return nil // gone meanwhile: its removal is an event of its own
		}
		rel, ok := siteRel(nw.root, name)
		if !ok || !siteFile(rel) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
			return nw.add(name)
		case d.Type().IsRegular():
			files = append(files, rel)
		}
		return nil
	})
	return files, err
}

// siteRel returns the slash-separated path of name relative to the site's folder root.
func siteRel(root, name string) (string, bool) {
	rel, err := filepath.Rel(root, name)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// exists reports whether a site file is there.
func (nw *notifyWatcher) exists(rel string) bool {
	_, err := os.Lstat(filepath.Join(nw.root, filepath.FromSlash(rel)))
	return err == nil
}

// changed returns the site files an event names: the file or folder itself, and what a new
// folder holds. Folders that went away or were renamed stop being watched: a folder renamed
// within the site is watched again under its new name when its Create event comes.
func (nw *notifyWatcher) changed(ev fsnotify.Event) []string {
	rel, ok := siteRel(nw.root, ev.Name)
	if !ok || !siteFile(rel) {
		return nil
	}
	names := []string{rel}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		for dir := range nw.folders {
			if dir == ev.Name || strings.HasPrefix(dir, ev.Name+string(filepath.Separator)) {
				_ = nw.w.Remove(dir) // already gone when the system removed it
				delete(nw.folders, dir)
			}
		}
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
			files, err := nw.addTree(ev.Name)
			if err != nil {
				nw.warn(err)
			}
			names = append(names, files...)
		}
	}
	return names
}

// coalesce gathers the files that events name into batches: one when the events pause, sent
// when the receiver is ready, while new events keep adding to it. An overflow of the event
// queue turns the batch into a rescan.
func coalesce(ctx context.Context, events <-chan fsnotify.Event, errs <-chan error, changed func(fsnotify.Event) []string, exists func(rel string) bool, warn func(error), out chan<- batch) {
	var (
		pending = map[string]bool{} // name → whether its first event in this burst created it
		rescan  bool
		first   time.Time // when the burst's first event came
		ready   bool      // the burst is over: next is to be sent
		next    batch
		timer   = time.NewTimer(time.Hour)
	)
	timer.Stop()
	defer timer.Stop()
	// touched starts or extends the quiet period after an event; a batch that was ready
	// waits for it again, so that it is not sent halfway through a save.
	touched := func() {
		now := time.Now()
		if first.IsZero() {
			first = now
		}
		ready = false
		timer.Reset(max(0, min(quiet, maxDelay-now.Sub(first))))
	}
	for {
		var sendTo chan<- batch
		if ready {
			sendTo = out
		}
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-events:
			if !ok {
				return
			}
			names := changed(ev)
			if len(names) == 0 {
				continue
			}
			for _, name := range names {
				if _, seen := pending[name]; !seen {
					pending[name] = ev.Has(fsnotify.Create)
				}
			}
			touched()
		case err, ok := <-errs:
			if !ok {
				return
			}
			if !errors.Is(err, fsnotify.ErrEventOverflow) {
				warn(msg.New(msg.WatchingFailed, err))
			}
			// Any error may have cost events: load everything again rather than go stale.
			rescan = true
			touched()
		case <-timer.C:
			next = settled(pending, rescan, exists)
			ready = len(next.files) > 0 || next.rescan
			if !ready {
				pending, first = map[string]bool{}, time.Time{}
			}
		case sendTo <- next:
			pending, rescan, ready, first = map[string]bool{}, false, false, time.Time{}
		}
	}
}

// settled returns a burst's batch, without the files that came and went within it (sed's and
// some editors' temporary files): they changed nothing.
func settled(pending map[string]bool, rescan bool, exists func(rel string) bool) batch {
	var files []string
	for name, created := range pending {
		if !created || exists(name) {
			files = append(files, name)
		}
	}
	slices.Sort(files)
	return batch{files: files, rescan: rescan}
}
