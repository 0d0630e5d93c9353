//go:build !linux

package publish

// exchange returns errNoExchange: Windows and macOS are published by two renames.
func exchange(a, b string) error { return errNoExchange }
