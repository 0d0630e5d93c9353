// Package publish is the only writer of a site's output folder. A build writes into a staging
// folder beside the destination and swaps it in only when everything succeeded, so a failed
// build leaves the previous output as it was. A manifest in the output lists the files
// dangjian wrote; files it did not write are carried over to the new output, never deleted.
// It also writes the only source files dangjian writes: those check --fix repairs and new starts.
package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// ManifestFile lists, one slash-separated path a line, the files dangjian wrote into an
// output folder.
const ManifestFile = ".dangjian-manifest"

// Publisher writes one build's files. Write and Copy are safe for concurrent use.
type Publisher struct {
	dest    string
	staging string
	ours    map[string]bool // the files of dest that dangjian wrote, by its manifest

	mu      sync.Mutex
	written map[string]bool
	dirs    sync.Map // folders already created in staging
}

// New prepares a build into dest. It refuses a dest that exists, is not empty and holds no
// manifest: that folder was not written by dangjian, and replacing it could lose work.
func New(dest string) (*Publisher, error) {
	dest = filepath.Clean(dest)
	ours, err := readManifest(dest)
	if err != nil {
		return nil, err
	}
	staging := filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".dangjian-new")
	// A staging folder left by a build that was killed is ours to remove.
	if err := os.RemoveAll(staging); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(staging, 0o755); err != nil {
		return nil, err
	}
	return &Publisher{dest: dest, staging: staging, ours: ours, written: map[string]bool{}}, nil
}

// readManifest returns the files listed in dest's manifest. A missing or empty dest has an
// empty manifest; a dest with files but no manifest is an error.
func readManifest(dest string) (map[string]bool, error) {
	files := map[string]bool{}
	data, err := os.ReadFile(filepath.Join(dest, ManifestFile))
	if errors.Is(err, fs.ErrNotExist) {
		entries, dirErr := os.ReadDir(dest)
		switch {
		case errors.Is(dirErr, fs.ErrNotExist) || (dirErr == nil && len(entries) == 0):
			return files, nil
		case dirErr != nil:
			return nil, dirErr
		}
		return nil, fmt.Errorf("%s holds files that dangjian did not write (it has no %s): empty it or choose another output folder", dest, ManifestFile)
	}
	if err != nil {
		return nil, err
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if line != "" {
			files[line] = true
		}
	}
	return files, nil
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
	if !filepath.IsLocal(filepath.FromSlash(name)) || name != path.Clean(name) || name == ManifestFile {
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

// Abort discards the staging folder; the output is left as it was.
func (p *Publisher) Abort() error { return os.RemoveAll(p.staging) }

// Commit writes the manifest, carries over the files of the old output that dangjian did not
// write, and swaps the new output in place of the old one.
func (p *Publisher) Commit() error {
	var manifest bytes.Buffer
	for _, name := range slices.Sorted(maps.Keys(p.written)) {
		manifest.WriteString(name + "\n")
	}
	if err := os.WriteFile(filepath.Join(p.staging, ManifestFile), manifest.Bytes(), 0o644); err != nil {
		return p.fail(err)
	}
	if err := p.carryOver(); err != nil {
		return p.fail(err)
	}
	old := filepath.Join(filepath.Dir(p.dest), "."+filepath.Base(p.dest)+".dangjian-old")
	if err := os.RemoveAll(old); err != nil {
		return p.fail(err)
	}
	if err := os.Rename(p.dest, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return p.fail(err)
	}
	if err := os.Rename(p.staging, p.dest); err != nil {
		_ = os.Rename(old, p.dest)
		return p.fail(err)
	}
	return os.RemoveAll(old)
}

func (p *Publisher) fail(err error) error {
	_ = p.Abort()
	return err
}

// carryOver links (or, where links fail, copies) each file of the old output that is not in
// its manifest into the staging folder, so that the swap loses nothing dangjian did not write.
// The old output keeps its files until the swap has succeeded.
func (p *Publisher) carryOver() error {
	if _, err := os.Stat(p.dest); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return filepath.WalkDir(p.dest, func(full string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(p.dest, full)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		if p.ours[name] || name == ManifestFile {
			return nil
		}
		if p.written[name] {
			return fmt.Errorf("%s: this build writes a file that dangjian did not write before; move it away first", full)
		}
		target := filepath.Join(p.staging, rel)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if os.Link(full, target) == nil {
			return nil
		}
		return copyFile(full, target)
	})
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
