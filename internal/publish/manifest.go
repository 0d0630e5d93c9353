package publish

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ManifestFile lists the files dangjian wrote into an output folder: a header line, then each
// file's slash-separated path as a JSON string, one a line, so that any name is kept exactly,
// line breaks and all.
const ManifestFile = ".dangjian-manifest"

// manifestHeader is the first line of a manifest. A manifest without it is of the first
// format, one plain path a line, which is read once and then written anew.
const manifestHeader = `{"dangjian-manifest":2}`

// writeManifest writes the manifest of names into the folder dir.
func writeManifest(dir string, names map[string]bool) error {
	buf := make([]byte, 0, 64*len(names))
	buf = append(buf, manifestHeader+"\n"...)
	for _, name := range slices.Sorted(maps.Keys(names)) {
		buf = appendQuoted(buf, name)
		buf = append(buf, '\n')
	}
	return os.WriteFile(filepath.Join(dir, ManifestFile), buf, 0o644)
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

// readManifest returns the files listed in dest's manifest. A missing or empty dest has an
// empty manifest; a dest with files but no manifest is an error.
func readManifest(dest string) (map[string]bool, error) {
	files := map[string]bool{}
	name := filepath.Join(dest, ManifestFile)
	data, err := os.ReadFile(name)
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
	rest, ok := bytes.CutPrefix(data, []byte(manifestHeader+"\n"))
	if !ok {
		for line := range strings.SplitSeq(string(data), "\n") {
			if line != "" {
				files[line] = true
			}
		}
		return files, nil
	}
	lineNo := 1
	for line := range bytes.Lines(rest) {
		lineNo++
		file, err := unquote(bytes.TrimSuffix(line, []byte("\n")))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: damaged (%v): move the folder %s away and build again", name, lineNo, err, dest)
		}
		files[file] = true
	}
	return files, nil
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
