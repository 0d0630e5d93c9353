package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"testing"

	"github.com/dangjian/dangjian/internal/testenv"
	"golang.org/x/image/font/sfnt"
)

// TestSubset subsets npm's Noto Sans SC, as make deps does: the subset is a font that sfnt
// reads, maps the characters of simplified and traditional writing, and no others, to glyphs
// with outlines, and comes out the same twice.
func TestSubset(t *testing.T) {
	src, err := os.ReadFile("../../../node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf")
	if errors.Is(err, fs.ErrNotExist) {
		testenv.Missing(t, "npm's @expo-google-fonts/noto-sans-sc", "deps")
	} else if err != nil {
		t.Fatal(err)
	}
	chars := Characters()
	subset, err := Subset(src, chars)
	if err != nil {
		t.Fatal(err)
	}
	f, err := sfnt.Parse(subset)
	if err != nil {
		t.Fatalf("the subset is not a font: %v", err)
	}
	var b sfnt.Buffer
	for _, tt := range []struct {
		r    rune
		want bool
	}{{'党', true}, {'黨', true}, {'传', true}, {'傳', true}, {'A', true}, {'，', true}, {'…', true}, {'鿏', false}, {'〡', true}} {
		gid, err := f.GlyphIndex(&b, tt.r)
		if err != nil {
			t.Fatal(err)
		}
		if (gid != 0) != tt.want {
			t.Errorf("%q: glyph %d, want a glyph: %v", tt.r, gid, tt.want)
			continue
		}
		if segments, err := f.LoadGlyph(&b, gid, 1000, nil); tt.want && tt.r != ' ' && (err != nil || len(segments) == 0) {
			t.Errorf("%q: glyph %d has no outline (%v)", tt.r, gid, err)
		}
	}
	if len(chars) < 9000 || len(subset) > len(src)/2 {
		t.Errorf("%d characters in %d bytes, from a font of %d", len(chars), len(subset), len(src))
	}
	again, _ := Subset(src, Characters())
	if !bytes.Equal(again, subset) {
		t.Errorf("two subsets of the same font differ")
	}
}
