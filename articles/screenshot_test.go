package articles_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/dangjian/dangjian/internal/browser"
	"github.com/dangjian/dangjian/internal/golden"
	"golang.org/x/image/draw"
)

// docsScreenshot is the picture of the first page of 「愛的傳遞」's Word document that
// docs/export.md shows; go test ./articles -run TestRealSiteDocuments -update rewrites it.
const docsScreenshot = "../docs/images/export-word.png"

// docsScreenshotWidth is the committed picture's width in pixels: enough to read the text,
// small enough for the repository.
const docsScreenshotWidth = 600

// An A4 page at 96 dots per inch, LibreOffice's default resolution for pictures of pages:
// 210 × 297 mm.
const a4Width, a4Height = 794, 1123

// checkFirstPage draws the first page of pdf, the Word document as LibreOffice lays it out,
// saves it as the test artifact name and checks that it is a page with text at its top. With
// -update it writes docsScreenshot from it, scaled down, in grey.
//
// Debian's libreoffice-writer-nogui has no PNG export (its writer_png_Export is missing, and
// the graphic export fails to write), so the page is LibreOffice's PDF, rasterized by
// Chromium's PDF viewer, which make test installs for the browser tests.
func checkFirstPage(t *testing.T, pdf, name string) {
	b := browser.New(t)
	page := browser.Serve(t, filepath.Dir(pdf)) + "/" + url.PathEscape(filepath.Base(pdf)) +
		"#page=1&toolbar=0&navpanes=0&view=Fit"
	tab := b.Open(t, page, 900)
	// The viewer fits the page into the viewport less a margin of 4 pixels above and below.
	if err := chromedp.Do(tab.Ctx, chromedp.EmulateViewport(900, a4Height+8)); err != nil {
		t.Fatal(err)
	}
	// The viewer draws the page some time after the load ends: wait until the title is on it.
	var img image.Image
	var box image.Rectangle
	browser.WaitUntil(tab, 30*time.Second, func() bool {
		shot, err := chromedp.Run(tab.Ctx, chromedp.CaptureScreenshot())
		if err != nil {
			return false
		}
		if img, err = png.Decode(bytes.NewReader(shot)); err != nil {
			return false
		}
		box = pageBox(img)
		return box.Dx() > 100 && darkPixels(img, titleArea(box)) >= minTitlePixels
	})
	if img == nil || box.Empty() {
		t.Fatalf("Chromium drew no page of %s", page)
	}
	first := image.NewRGBA(image.Rect(0, 0, box.Dx(), box.Dy()))
	draw.Draw(first, first.Bounds(), img, box.Min, draw.Src)
	var out bytes.Buffer
	if err := png.Encode(&out, first); err != nil {
		t.Fatal(err)
	}
	artifact := browser.SaveArtifact(t, name, out.Bytes())

	// The viewport makes the page 1123 pixels tall, A4's height at LibreOffice's 96 dots per
	// inch: its width tells the paper (Letter's would be 869).
	if w, h := box.Dx(), box.Dy(); abs(w-a4Width) > a4Width/20 || abs(h-a4Height) > a4Height/20 {
		t.Errorf("%s: the page is %d × %d pixels, not about %d × %d (A4 at 96 dpi)", artifact, w, h, a4Width, a4Height)
	}
	if n := darkPixels(img, titleArea(box)); n < minTitlePixels {
		t.Errorf("%s: the top of the page has %d dark pixels, fewer than the %d of a title: is it blank?", artifact, n, minTitlePixels)
	}

	if golden.Updating() {
		if err := os.MkdirAll(filepath.Dir(docsScreenshot), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(docsScreenshot, forDocs(first), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	committed, err := os.ReadFile(docsScreenshot)
	if err != nil {
		t.Fatalf("%v: run go test ./articles -run TestRealSiteDocuments -update", err)
	}
	if cfg, err := png.DecodeConfig(bytes.NewReader(committed)); err != nil || cfg.Width != docsScreenshotWidth {
		t.Errorf("%s is not a PNG %d pixels wide (%v): run go test ./articles -run TestRealSiteDocuments -update", docsScreenshot, docsScreenshotWidth, err)
	}
}

// minTitlePixels is a fifth of the dark pixels of the top of 「愛的傳遞」's first page at 96 dpi
// (2,456 with Debian's fonts): a blank page, or one that lost its title, has fewer.
const minTitlePixels = 500

// titleArea is the top fifth of the page box: the top margin and the title.
func titleArea(box image.Rectangle) image.Rectangle {
	return image.Rect(box.Min.X, box.Min.Y, box.Max.X, box.Min.Y+box.Dy()/5)
}

// forDocs scales the page down to docsScreenshotWidth in 16 greys, as a PNG of the best
// compression: the text is black on white, so grey loses nothing.
func forDocs(page image.Image) []byte {
	b := page.Bounds()
	small := image.NewGray(image.Rect(0, 0, docsScreenshotWidth, b.Dy()*docsScreenshotWidth/b.Dx()))
	draw.CatmullRom.Scale(small, small.Bounds(), page, b, draw.Src, nil)
	// 16 greys, which PNG stores in 4 bits a pixel, are enough for black text's smoothed edges.
	greys := make(color.Palette, 16)
	for i := range greys {
		greys[i] = color.Gray{Y: uint8(i * 17)}
	}
	fewer := image.NewPaletted(small.Bounds(), greys)
	draw.Draw(fewer, fewer.Bounds(), small, image.Point{}, draw.Src)
	var out bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&out, fewer); err != nil {
		panic(err) // a bytes.Buffer does not fail
	}
	return out.Bytes()
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// pageBox returns the bounds of the white page in a screenshot of the PDF viewer, whose
// background is dark grey.
func pageBox(img image.Image) image.Rectangle {
	white := func(x, y int) bool {
		r, g, b, _ := img.At(x, y).RGBA()
		return r>>8 >= 250 && g>>8 >= 250 && b>>8 >= 250
	}
	b := img.Bounds()
	box := image.Rectangle{Min: b.Max, Max: b.Min}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if white(x, y) {
				box.Min.X, box.Min.Y = min(box.Min.X, x), min(box.Min.Y, y)
				box.Max.X, box.Max.Y = max(box.Max.X, x+1), max(box.Max.Y, y+1)
			}
		}
	}
	return box
}

// darkPixels counts the pixels darker than mid-grey in r of img.
func darkPixels(img image.Image, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if luma(img, x, y) < 128 {
				n++
			}
		}
	}
	return n
}

func luma(img image.Image, x, y int) uint32 {
	r, g, b, _ := img.At(x, y).RGBA()
	return (299*(r>>8) + 587*(g>>8) + 114*(b>>8)) / 1000
}
