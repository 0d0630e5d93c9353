package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/dangjian/dangjian/internal/config"
)

// fileStamp is what polling compares to notice a change: a save changes the size or the
// modification time.
type fileStamp struct {
	size    int64
	modTime time.Time
}

// watchPolling watches the site in root by listing its files every interval, for folders
// where change events do not arrive (network drives, WSL's Windows folders). The files are
// listed once before it returns.
func watchPolling(ctx context.Context, root string, interval time.Duration) <-chan batch {
	out := make(chan batch)
	last := stamps(root)
	go func() {
		ticker := time.NewTicker(interval)
		defer ticker.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
			}
			cur := stamps(root)
			changed := diffStamps(last, cur)
			last = cur
			if len(changed) == 0 {
				continue
			}
			select {
			case <-ctx.Done():
				return
			case out <- batch{files: changed}:
			}
		}
	}()
	return out
}

// stamps lists the site's files in root with their stamps, by slash-separated relative path.
func stamps(root string) map[string]fileStamp {
	files := map[string]fileStamp{}
	if info, err := os.Lstat(filepath.Join(root, config.File)); err == nil && info.Mode().IsRegular() {
		files[config.File] = fileStamp{info.Size(), info.ModTime()}
	}
	for _, dir := range watchedRoots {
		_ = filepath.WalkDir(filepath.Join(root, dir), func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // missing or unreadable now: the next round looks again
			}
			rel, ok := siteRel(root, name)
			if !ok || !siteFile(rel) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				if info, err := d.Info(); err == nil {
					files[rel] = fileStamp{info.Size(), info.ModTime()}
				}
			}
			return nil
		})
	}
	return files
}

// diffStamps returns the files added, removed or changed between two listings, sorted.
func diffStamps(before, after map[string]fileStamp) []string {
	var changed []string
	for name, s := range after {
		if old, ok := before[name]; !ok || old.size != s.size || !old.modTime.Equal(s.modTime) {
			changed = append(changed, name)
		}
	}
	for name := range before {
		if _, ok := after[name]; !ok {
			changed = append(changed, name)
		}
	}
	slices.Sort(changed)
	return changed
}
