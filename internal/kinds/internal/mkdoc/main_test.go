package main

import (
	"os"
	"testing"
)

// TestEditorsDocUpToDate fails while docs/editors.md's keys differ from package kinds'.
func TestEditorsDocUpToDate(t *testing.T) {
	const file = "../../../../docs/editors.md"
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := keyTables()
	if err != nil {
		t.Fatal(err)
	}
	want, err := splice(string(data), keys)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != want {
		t.Error("docs/editors.md: the keys of each kind are out of date: run go generate ./internal/kinds")
	}
}
