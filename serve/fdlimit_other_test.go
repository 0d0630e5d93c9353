//go:build !unix

package serve

// raiseFileLimit does nothing: the systems that are not Unix have no limit of open files
// that a test of thousands of connections reaches.
func raiseFileLimit(n uint64) error { return nil }
