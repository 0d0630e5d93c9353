package photo

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"testing"

	"github.com/dangjian/dangjian/internal/phototest"
)

var orders = []phototest.Order{binary.LittleEndian, binary.BigEndian}

func TestOrientation(t *testing.T) {
	base := phototest.Encode(t, phototest.Marked(16, 8))
	for _, order := range orders {
		for o := range 9 {
			jpg := phototest.Insert(base, phototest.JFIF, phototest.Segment(0xE1, phototest.EXIF(order, o)))
			want := max(o, 1)
			if got := Orientation(jpg); got != want {
				t.Errorf("%v, orientation %d: read %d", order, o, got)
			}
		}
		if got := Orientation(phototest.Insert(base, phototest.Segment(0xE1, phototest.EXIF(order, 9)))); got != 1 {
			t.Errorf("%v, orientation 9, out of range: read %d, want 1", order, got)
		}
	}
	for name, data := range map[string][]byte{
		"no EXIF":        base,
		"XMP alone":      phototest.Insert(base, phototest.XMP),
		"a PNG":          phototest.PNG(t, phototest.Marked(4, 4)),
		"EXIF after SOS": append(bytes.Clone(base[:len(base)-2]), append(phototest.Segment(0xE1, phototest.EXIF(binary.BigEndian, 6)), 0xFF, 0xD9)...),
		"nothing":        nil,
	} {
		if got := Orientation(data); got != 1 {
			t.Errorf("%s: read %d, want 1", name, got)
		}
	}
}

// TestUpright checks each orientation against the EXIF standard's table: where the stored
// picture's 0th row and 0th column are seen.
func TestUpright(t *testing.T) {
	const w, h = 5, 3
	// Bounds not at the origin; a grey picture takes a way of its own.
	colour, grey := image.NewRGBA(image.Rect(10, 20, 10+w, 20+h)), image.NewGray(image.Rect(10, 20, 10+w, 20+h))
	for y := range h {
		for x := range w {
			colour.Set(10+x, 20+y, color.RGBA{uint8(x), uint8(y), 0, 255})
			grey.Set(10+x, 20+y, color.Gray{uint8(16*x + y)})
		}
	}
	// rowSide and colSide: the side the stored 0th row and 0th column are seen on.
	table := map[int][2]string{
		1: {"top", "left"}, 2: {"top", "right"}, 3: {"bottom", "right"}, 4: {"bottom", "left"},
		5: {"left", "top"}, 6: {"right", "top"}, 7: {"right", "bottom"}, 8: {"left", "bottom"},
	}
	for o, sides := range table {
		for _, src := range []image.Image{colour, grey} {
			checkUpright(t, src, o, sides)
		}
	}
	if _, ok := Upright(grey, 6).(*image.Gray); !ok {
		t.Errorf("a grey picture turned is no longer grey")
	}
}

// checkUpright checks that src stood upright from orientation o shows its stored
// 0th row and 0th column on sides.
func checkUpright(t *testing.T, src image.Image, o int, sides [2]string) {
	t.Helper()
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	opposite := map[string]string{"top": "bottom", "bottom": "top", "left": "right", "right": "left"}
	up := Upright(src, o)
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	if b := up.Bounds(); b.Dx() != dw || b.Dy() != dh {
		t.Errorf("orientation %d, %T: %v, want %dx%d", o, src, b, dw, dh)
		return
	}
	// at is the corner of the upright picture on both sides.
	at := func(a, b string) image.Point {
		var p image.Point
		for _, side := range []string{a, b} {
			switch side {
			case "bottom":
				p.Y = dh - 1
			case "right":
				p.X = dw - 1
			}
		}
		return p.Add(up.Bounds().Min)
	}
	row, col := sides[0], sides[1]
	for _, c := range []struct {
		x, y int
		at   image.Point
	}{
		{0, 0, at(row, col)},
		{w - 1, 0, at(row, opposite[col])},
		{0, h - 1, at(opposite[row], col)},
		{w - 1, h - 1, at(opposite[row], opposite[col])},
	} {
		if got, want := up.At(c.at.X, c.at.Y), src.At(b.Min.X+c.x, b.Min.Y+c.y); got != want {
			t.Errorf("orientation %d, %T: stored (%d,%d) not at %v: found %v", o, src, c.x, c.y, c.at, got)
		}
	}
}

// TestCleanTurns checks a phone's photo held on its side: upright, without EXIF or GPS.
func TestCleanTurns(t *testing.T) {
	for _, order := range orders {
		phone := phototest.Phone(t, order, 64, 32)
		if !bytes.Contains(phone, phototest.LatitudeIn(order)) {
			t.Fatalf("%v: the test's photo holds no GPS latitude", order)
		}
		out, err := Clean(phone)
		if err != nil {
			t.Fatal(err)
		}
		assertClean(t, order.String(), out, order)
		img, err := jpeg.Decode(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != 64 || b.Dy() != 32 {
			t.Errorf("%v: %v, want 64x32", order, b)
		}
		if !phototest.IsRed(img, 4, 4) || phototest.IsRed(img, 60, 4) || phototest.IsRed(img, 4, 28) {
			t.Errorf("%v: the red corner is not top left", order)
		}
	}
}

// assertClean fails when a JPEG holds EXIF, the GPS latitude, XMP or a comment.
func assertClean(t *testing.T, name string, data []byte, order phototest.Order) {
	t.Helper()
	for what, b := range map[string][]byte{
		"EXIF": []byte("Exif\x00"), "GPS": phototest.LatitudeIn(order), "XMP": []byte("xmpmeta"), "a comment": []byte("lecture hall"),
	} {
		if bytes.Contains(data, b) {
			t.Errorf("%s: still holds %s", name, what)
		}
	}
	if Orientation(data) != 1 {
		t.Errorf("%s: not upright", name)
	}
}

// TestCleanUprightIsLossless checks that an upright JPEG keeps its bytes but the segments
// of metadata, and whatever followed its end (a phone's previews, with EXIF of their own).
func TestCleanUprightIsLossless(t *testing.T) {
	base := phototest.Encode(t, phototest.Marked(40, 24))
	rgb := phototest.ICC("RGB ")
	for _, order := range orders {
		for _, o := range []int{0, 1} {
			exif := phototest.Segment(0xE1, phototest.EXIF(order, o))
			preview := phototest.Insert(base, exif)
			mpf := phototest.Segment(0xE2, []byte("MPF\x00II*\x00"))
			in := append(phototest.Insert(base, phototest.JFIF, exif, phototest.XMP, mpf, rgb, phototest.Note, phototest.Adobe), preview...)
			out, err := Clean(in)
			if err != nil {
				t.Fatal(err)
			}
			if want := phototest.Insert(base, phototest.JFIF, rgb, phototest.Adobe); !bytes.Equal(out, want) {
				t.Errorf("%v, orientation %d: %d bytes, want the %d of the picture and its colour segments", order, o, len(out), len(want))
			}
			assertClean(t, order.String(), out, order)
		}
	}
	if out, err := Clean(base); err != nil || !bytes.Equal(out, base) {
		t.Errorf("a JPEG without metadata is not kept as it is (%v)", err)
	}
	// Restart markers and stuffed bytes in the scan, and a progressive JPEG's segments
	// between its scans, are walked over.
	restart := []byte{0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xFF, 0xC4, 0x00, 0x02, 0xFF, 0xDA, 0x00, 0x02, 0x78, 0xFF, 0xD9}
	between := append(append(bytes.Clone(restart[:13]), phototest.Note...), restart[13:]...)
	if out, err := Strip(between); err != nil || !bytes.Equal(out, restart) {
		t.Errorf("scans: %x (%v), want %x", out, err, restart)
	}
}

func TestCleanPNG(t *testing.T) {
	plain := phototest.PNG(t, phototest.Marked(8, 8))
	for _, order := range orders {
		in := phototest.PNG(t, phototest.Marked(8, 8),
			phototest.PNGChunk("eXIf", phototest.EXIF(order, 1)[6:]),
			phototest.PNGChunk("tEXt", []byte("Comment\x00lecture hall")),
			phototest.PNGChunk("iTXt", []byte("XML:com.adobe.xmp\x00\x00\x00\x00\x00<x:xmpmeta/>")),
			phototest.PNGChunk("zTXt", []byte("Author\x00\x00x\x9c\x03\x00\x00\x00\x00\x01")),
		)
		out, err := Clean(append(in, "trailing"...))
		if err != nil || !bytes.Equal(out, plain) {
			t.Errorf("%v: %d bytes (%v), want the %d of the PNG without its text and EXIF", order, len(out), err, len(plain))
		}
	}
}

func TestBroken(t *testing.T) {
	base := phototest.Encode(t, phototest.Marked(8, 8))
	for name, data := range map[string][]byte{
		"JPEG cut in a segment":  base[:20],
		"JPEG with a bad length": {0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x01},
		"JPEG with no marker":    {0xFF, 0xD8, 0x12},
		"PNG cut short":          phototest.PNG(t, phototest.Marked(4, 4))[:30],
	} {
		if _, err := Strip(data); err != ErrBroken {
			t.Errorf("%s: %v, want ErrBroken", name, err)
		}
	}
	if out, err := Strip([]byte("GIF89a")); err != nil || string(out) != "GIF89a" {
		t.Errorf("a GIF is not returned as it is")
	}
}

// TestProfileCarried checks that a photo turned keeps its ICC profile when it is RGB.
func TestProfileCarried(t *testing.T) {
	for space, kept := range map[string]bool{"RGB ": true, "CMYK": false} {
		in := phototest.Insert(phototest.Phone(t, binary.BigEndian, 16, 8), phototest.ICC(space))
		out, err := Clean(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := bytes.Contains(out, phototest.ICC(space)); got != kept {
			t.Errorf("%q profile: kept %v, want %v", space, got, kept)
		}
	}
}

// TestDeterministic checks that a photo turned twice gives the same bytes.
func TestDeterministic(t *testing.T) {
	phone := phototest.Phone(t, binary.LittleEndian, 48, 16)
	a, _ := Clean(phone)
	b, _ := Clean(phone)
	if !bytes.Equal(a, b) {
		t.Errorf("two cleanings of a photo differ")
	}
}

// FuzzEXIF checks that reading an orientation, or stripping, never panics, and that what
// Strip returns has no more to strip.
func FuzzEXIF(f *testing.F) {
	base := phototest.Encode(f, phototest.Marked(8, 8))
	for _, order := range orders {
		f.Add(phototest.Insert(base, phototest.Segment(0xE1, phototest.EXIF(order, 6))))
		f.Add(phototest.EXIF(order, 3))
	}
	f.Add(phototest.PNG(f, phototest.Marked(2, 2), phototest.PNGChunk("tEXt", []byte("a\x00b"))))
	f.Fuzz(func(t *testing.T, data []byte) {
		o := Orientation(data)
		if o < 1 || o > 8 {
			t.Fatalf("orientation %d", o)
		}
		if len(data) > 6 {
			_ = orientation(data[6:])
		}
		out, err := Strip(data)
		if err != nil {
			return
		}
		if again, err := Strip(out); err != nil || !bytes.Equal(again, out) {
			t.Fatalf("Strip is not idempotent: %v", err)
		}
	})
}
