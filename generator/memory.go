package generator

import (
	"bytes"
	"context"
	"io/fs"
	"maps"
	"slices"
	"sync"
)

// Memory is a Sink that keeps a site's files in memory: the server serves them from there,
// never from a half-written folder, and tests compare them.
type Memory struct {
	mu    sync.RWMutex
	files map[string][]byte
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// Write implements Sink.
func (m *Memory) Write(name string, data []byte) error {
	m.mu.Lock()
	m.files[name] = data
	m.mu.Unlock()
	return nil
}

// Copy implements Sink: it reads the files, joined as the publisher joins them.
func (m *Memory) Copy(name string, src fs.FS, srcNames ...string) error {
	parts := make([][]byte, len(srcNames))
	for i, srcName := range srcNames {
		data, err := fs.ReadFile(src, srcName)
		if err != nil {
			return err
		}
		parts[i] = data
	}
	return m.Write(name, bytes.Join(parts, []byte("\n")))
}

// Get returns a file and whether there is one.
func (m *Memory) Get(name string) ([]byte, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	data, ok := m.files[name]
	return data, ok
}

// Remove forgets files.
func (m *Memory) Remove(names ...string) {
	m.mu.Lock()
	for _, name := range names {
		delete(m.files, name)
	}
	m.mu.Unlock()
}

// Names returns the paths of the files, sorted.
func (m *Memory) Names() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return slices.Sorted(maps.Keys(m.files))
}

// Paths returns the output paths of every file the site publishes.
func (s *Site) Paths() map[string]bool {
	paths := map[string]bool{}
	for _, o := range s.outputs() {
		for _, p := range o.paths() {
			paths[p] = true
		}
	}
	return paths
}

// Update brings mem from prev's files to s's after the files in changed changed: it writes
// the files the change affected and removes those s no longer has. It returns the paths it
// wrote or removed.
func (s *Site) Update(ctx context.Context, mem *Memory, prev *Site, changed []string) ([]string, error) {
	affected := s.Affected(prev, changed)
	// What is affected and not written by any output is gone.
	gone := maps.Clone(affected)
	var chosen []output
	for _, o := range s.outputs() {
		paths := o.paths()
		if slices.ContainsFunc(paths, func(p string) bool { return affected[p] }) {
			chosen = append(chosen, o)
			for _, p := range paths {
				delete(gone, p)
			}
		}
	}
	if err := write(ctx, mem, chosen, nil); err != nil {
		return nil, err
	}
	mem.Remove(slices.Collect(maps.Keys(gone))...)
	return slices.Sorted(maps.Keys(affected)), nil
}
