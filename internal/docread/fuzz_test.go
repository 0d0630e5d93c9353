package docread

import (
	"bytes"
	"testing"

	"github.com/dangjian/dangjian/internal/wordfixture"
)

// FuzzRead: whatever the file, Read returns a document or a message, never panics, and reads
// no more than the limits (lowered here, so that the fuzzer meets them).
func FuzzRead(f *testing.F) {
	for _, tt := range blockTests[:4] {
		f.Add(zipOf(f, parts(tt.body, nil)))
	}
	f.Add(wordfixture.LibreOffice)
	f.Add(append(append([]byte{}, oleMagic...), "rest"...))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lowerLimits(t, 1<<20, 4<<20)
		readAny(t, data)
	})
}

// FuzzBody: whatever the body's XML, beside the other parts as Word writes them, Read returns
// a document or a message and never panics.
func FuzzBody(f *testing.F) {
	for _, tt := range blockTests {
		f.Add(tt.body)
	}
	f.Add(nested(maxDepth + 1))
	f.Fuzz(func(t *testing.T, body string) {
		readAny(t, zipOf(t, parts(body, nil)))
	})
}

// readAny reads data, and walks the document read, which must be whole.
func readAny(t *testing.T, data []byte) {
	doc, err := Read(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if keyOf(err) == "" {
			t.Fatalf("the error %v is no message", err)
		}
		return
	}
	_ = dump(doc.Blocks)
	_ = dumpUnsupported(doc.Unsupported)
}
