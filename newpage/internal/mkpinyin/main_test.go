package main

import (
	"os"
	"testing"
)

// TestFresh fails while newpage's pinyin.txt differs from what mkpinyin writes: after go-pinyin
// is updated, or the file is edited by hand.
func TestFresh(t *testing.T) {
	got, err := os.ReadFile("../../pinyin.txt")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != table() {
		t.Error("newpage/pinyin.txt is not what mkpinyin writes: run go generate ./newpage")
	}
}
