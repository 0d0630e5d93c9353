package chart

import (
	"bytes"
	"image"
	"image/png"
	"path/filepath"
	"testing"

	"github.com/dangjian/dangjian/internal/golden"
	"github.com/dangjian/dangjian/internal/testenv"
)

// TestPNGGolden keeps a PNG of each kind under testdata/ for a reviewer to look at: the same
// spec draws the same bytes, from a table computed anew too.
func TestPNGGolden(t *testing.T) {
	testenv.ChartFont(t, HasFont)
	for _, kind := range Kinds {
		t.Run(kind, func(t *testing.T) {
			spec := Spec{ID: "chart-1", Title: "教育培训", Kind: kind, Metrics: threeMetrics}
			data, err := threeYears(t).PNG(spec, nil)
			if err != nil {
				t.Fatal(err)
			}
			img := decodePNG(t, data)
			if b := img.Bounds(); b.Dx() != PNGWidth || b.Dy() != PNGHeight {
				t.Errorf("a picture of %v, want %d×%d", b, PNGWidth, PNGHeight)
			}
			golden.Check(t, filepath.Join("testdata", kind+".png"), data)
			again, _ := threeYears(t).PNG(spec, nil)
			if !bytes.Equal(again, data) {
				t.Errorf("two drawings of the same spec differ")
			}
		})
	}
}

// TestPNGText checks that the title is drawn in the font's own glyphs: ink in the title's
// band, and other characters drawing other ink (a missing glyph draws the same empty box).
func TestPNGText(t *testing.T) {
	testenv.ChartFont(t, HasFont)
	d := threeYears(t)
	band := func(title string) []byte {
		data, err := d.PNG(Spec{Title: title, Kind: "bar", Metrics: threeMetrics}, nil)
		if err != nil {
			t.Fatal(err)
		}
		img := decodePNG(t, data)
		var ink []byte
		top, bottom := float64(margin)*pngScale, float64(margin+titleSize+6)*pngScale
		for y := int(top); y < int(bottom); y++ {
			for x := range PNGWidth {
				r, g, b, _ := img.At(x, y).RGBA()
				ink = append(ink, byte(r>>8), byte(g>>8), byte(b>>8))
			}
		}
		return ink
	}
	simplified, traditional := band("教育培训"), band("黨的建設")
	inked := inkOf(simplified)
	if inked < 500 {
		t.Errorf("the title 教育培训 left %d dark bytes in the title's band, want 500 or more", inked)
	}
	if bytes.Equal(simplified, traditional) {
		t.Errorf("the titles 教育培训 and 黨的建設 draw the same ink: the font lacks their glyphs")
	}
}

// inkOf counts the dark bytes of a band.
func inkOf(band []byte) int {
	n := 0
	for _, v := range band {
		if v < 0x80 {
			n++
		}
	}
	return n
}

func decodePNG(t *testing.T, data []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	return img
}
