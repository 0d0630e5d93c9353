// Package phototest makes the pictures the tests of photos need: JPEGs as a phone writes them, with EXIF orientation and GPS.
package phototest

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"
)

// Order is a byte order of EXIF: binary.LittleEndian ("II") or binary.BigEndian ("MM").
type Order interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

// Marked returns a w×h picture of blue with a red square of side w/4 in its top left
// corner, so that a test can tell where that corner went.
func Marked(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.RGBA{0, 0, 255, 255}
			if x < w/4 && y < w/4 {
				c = color.RGBA{255, 0, 0, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

// IsRed reports whether a picture's pixel at (x, y) is the red of Marked, as a JPEG keeps it.
func IsRed(img image.Image, x, y int) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	return r > 0xC000 && g < 0x4000 && b < 0x4000
}

// Latitude is the GPS latitude EXIF writes as three rationals, 39°54′27.35″, in big-endian
// order; a test looks for these bytes, or for LatitudeIn's, in a file that should not hold them.
var Latitude = [6]uint32{39, 1, 54, 1, 2735, 100}

// LatitudeIn returns the bytes of Latitude in the byte order.
func LatitudeIn(order Order) []byte {
	var b []byte
	for _, v := range Latitude {
		b = order.AppendUint32(b, v)
	}
	return b
}

// EXIF returns the payload of an APP1 segment as a phone writes it: "Exif\0\0" and a TIFF
// structure in the byte order, whose IFD0 holds the camera's make, the orientation (none when
// it is 0) and a pointer to a GPS IFD with a latitude (Latitude) north.
func EXIF(order Order, orientation int) []byte {
	type entry struct {
		tag, typ uint16
		count    uint32
		value    []byte // 4 bytes at most, else written after the IFD
	}
	short := func(v uint16) []byte { return order.AppendUint16(nil, v) }
	long := func(v uint32) []byte { return order.AppendUint32(nil, v) }
	// ifd writes the entries at offset, their longer values after them, and returns the bytes.
	ifd := func(offset int, entries []entry) []byte {
		b := order.AppendUint16(nil, uint16(len(entries)))
		extra := offset + 2 + 12*len(entries) + 4
		var tail []byte
		for _, e := range entries {
			b = order.AppendUint16(b, e.tag)
			b = order.AppendUint16(b, e.typ)
			b = order.AppendUint32(b, e.count)
			if len(e.value) <= 4 {
				b = append(b, append(e.value, make([]byte, 4-len(e.value))...)...)
			} else {
				b = order.AppendUint32(b, uint32(extra+len(tail)))
				tail = append(tail, e.value...)
			}
		}
		return append(order.AppendUint32(b, 0), tail...)
	}
	tiff := []byte("MM\x00*")
	if order == binary.LittleEndian {
		tiff = []byte("II*\x00")
	}
	tiff = order.AppendUint32(tiff, 8)
	entries := []entry{{0x010F, 2, 6, []byte("Phone\x00")}}
	if orientation != 0 {
		entries = append(entries, entry{0x0112, 3, 1, short(uint16(orientation))})
	}
	entries = append(entries, entry{0x8825, 4, 1, nil})
	gpsAt := 8 + len(ifd(8, entries))
	entries[len(entries)-1].value = long(uint32(gpsAt))
	tiff = append(tiff, ifd(8, entries)...)
	tiff = append(tiff, ifd(gpsAt, []entry{
		{0x0001, 2, 2, []byte("N\x00")},
		{0x0002, 5, 3, LatitudeIn(order)},
	})...)
	return append([]byte("Exif\x00\x00"), tiff...)
}

// Segment returns a JPEG marker segment: 0xFF, the marker, the length and the payload.
func Segment(marker byte, payload []byte) []byte {
	return append(binary.BigEndian.AppendUint16([]byte{0xFF, marker}, uint16(len(payload)+2)), payload...)
}

// The segments a phone or an editor writes besides EXIF.
var (
	JFIF  = Segment(0xE0, []byte("JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"))
	Adobe = Segment(0xEE, []byte("Adobe\x00\x64\x00\x00\x00\x00\x01"))
	XMP   = Segment(0xE1, []byte("http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta><exif:GPSLatitude>39,54.45N</exif:GPSLatitude></x:xmpmeta>"))
	Note  = Segment(0xFE, []byte("taken at the lecture hall"))
)

// ICC returns an APP2 segment of an ICC profile (a header alone) of the colour space, "RGB "
// or "GRAY".
func ICC(space string) []byte {
	header := make([]byte, 128)
	copy(header[16:], space)
	return Segment(0xE2, append([]byte("ICC_PROFILE\x00\x01\x01"), header...))
}

// Encode returns img as image/jpeg encodes it, at quality 90.
func Encode(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Insert returns a JPEG with segments inserted after its SOI, in order.
func Insert(jpg []byte, segments ...[]byte) []byte {
	out := append([]byte{}, jpg[:2]...)
	for _, s := range segments {
		out = append(out, s...)
	}
	return append(out, jpg[2:]...)
}

// Phone returns a w×h Marked picture as a phone stores it when held on its side: the JPEG
// of the picture turned a quarter anticlockwise, w high and h wide, with JFIF, EXIF in the
// byte order with orientation 6 (to be turned a quarter clockwise) and GPS, and XMP. Seen
// upright it is w×h, its red corner top left.
func Phone(t testing.TB, order Order, w, h int) []byte {
	t.Helper()
	up := Marked(w, h)
	stored := image.NewRGBA(image.Rect(0, 0, h, w))
	for y := range w {
		for x := range h {
			stored.Set(x, y, up.At(w-1-y, x))
		}
	}
	return Insert(Encode(t, stored), JFIF, Segment(0xE1, EXIF(order, 6)), XMP)
}

// PNGChunk returns a PNG chunk of the type and data, its CRC computed.
func PNGChunk(typ string, data []byte) []byte {
	c := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	c = append(append(c, typ...), data...)
	return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
}

// PNG returns img as image/png encodes it, with chunks inserted after its IHDR.
func PNG(t testing.TB, img image.Image, chunks ...[]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	const afterIHDR = 8 + 12 + 13
	out := append([]byte{}, b[:afterIHDR]...)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return append(out, b[afterIHDR:]...)
}
