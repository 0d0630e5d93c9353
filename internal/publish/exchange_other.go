//go:build !linux

package publish

// exchange returns errNoExchange: Windows and macOS are published by two renames.
func exchange(a, b string) error { return errNoExchange }

// renameNoReplace renames from to to, and fails with an error matching fs.ErrExist where to
// exists.
func renameNoReplace(from, to string) error { return renameIfFree(from, to) }
