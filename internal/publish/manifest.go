package publish

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/dangjian/dangjian/internal/msg"
)

// ManifestFile lists the files dangjian wrote into an output folder: a header line, then each
// file's slash-separated path as a JSON string, one a line, so that any name is kept exactly,
// line breaks and all.
const ManifestFile = ".dangjian-manifest"

// manifestHeader is the first line of a manifest. A manifest without it is of the first
// format, one plain path a line, which is read once and then written anew.
const manifestHeader = `{"dangjian-manifest":2}`

// writeManifest writes the manifest of names into the folder dir, and flushes it to the disk:
// the swap that follows must not outlive it in a power cut (see lostManifest).
func writeManifest(dir string, names map[string]bool) error {
	buf := make([]byte, 0, 64*len(names))
	buf = append(buf, manifestHeader+"\n"...)
	for _, name := range slices.Sorted(maps.Keys(names)) {
		buf = appendQuoted(buf, name)
		buf = append(buf, '\n')
	}
	return writeSynced(filepath.Join(dir, ManifestFile), buf)
}

// appendQuoted appends name as a JSON string. Names with nothing to escape, nearly all, are
// copied as they are.
func appendQuoted(buf []byte, name string) []byte {
	if strings.IndexFunc(name, func(r rune) bool { return r < ' ' || r == '"' || r == '\\' }) < 0 {
		buf = append(buf, '"')
		buf = append(buf, name...)
		return append(buf, '"')
	}
	quoted, _ := json.Marshal(name) // a string always encodes
	return append(buf, quoted...)
}

// A manifest as read, by readManifest.
type manifestState int

const (
	noManifest manifestState = iota
	wholeManifest
	// lostManifest: the manifest is there, but empty, or cut short (its last line unfinished,
	// or zero bytes in it): what a power cut leaves of a file that was written and not yet
	// flushed, in an output that an earlier dangjian, which did not flush it, swapped in. Which
	// files dangjian wrote is then unknown (see Publisher.lost).
	lostManifest
)

// readManifest returns the files listed in the manifest of the folder dir, and what it found.
func readManifest(dir string) (map[string]bool, manifestState, error) {
	files := map[string]bool{}
	name := filepath.Join(dir, ManifestFile)
	data, err := os.ReadFile(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return files, noManifest, nil
	case err != nil:
		return nil, 0, err
	case len(data) == 0 || data[len(data)-1] != '\n' || bytes.IndexByte(data, 0) >= 0:
		return files, lostManifest, nil
	}
	rest, ok := bytes.CutPrefix(data, []byte(manifestHeader+"\n"))
	if !ok {
		for line := range strings.SplitSeq(string(data), "\n") {
			if line != "" {
				files[line] = true
			}
		}
		return files, wholeManifest, nil
	}
	lineNo := 1
	for line := range bytes.Lines(rest) {
		lineNo++
		file, err := unquote(bytes.TrimSuffix(line, []byte("\n")))
		if err != nil {
			return nil, 0, msg.New(msg.ManifestBad, name, strconv.Itoa(lineNo), err, dir)
		}
		files[file] = true
	}
	return files, wholeManifest, nil
}

// unquote reads a line of the manifest: a JSON string.
func unquote(line []byte) (string, error) {
	if inner, ok := bytes.CutPrefix(line, []byte(`"`)); ok {
		if inner, ok := bytes.CutSuffix(inner, []byte(`"`)); ok && !bytes.ContainsAny(inner, `"\`) {
			return string(inner), nil
		}
	}
	var name string
	err := json.Unmarshal(line, &name)
	return name, err
}
