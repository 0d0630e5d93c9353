// Package photo makes pictures fit to publish: upright, and without what a camera writes about them (EXIF, GPS, comments).
package photo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/jpeg"
	"io"
)

// Quality is the JPEG quality of a photo re-encoded to stand it upright. Turning a JPEG
// costs a generation of loss (Go has no lossless turn of the DCT blocks, as jpegtran does);
// at 90 that loss is not visible at full size, and the file stays about the size a phone
// writes (phones encode at 85–95), where a higher quality would double it for nothing seen.
const Quality = 90

// ErrBroken is the error for a JPEG or PNG whose structure does not hold together.
var ErrBroken = errors.New("broken JPEG or PNG structure")

var (
	jpegSOI = []byte{0xFF, 0xD8}
	pngSig  = []byte("\x89PNG\r\n\x1a\n")
	exifID  = []byte("Exif\x00\x00")
	iccID   = []byte("ICC_PROFILE\x00")
)

// Clean returns a JPEG or PNG upright and without metadata. A JPEG whose EXIF orientation
// turns or mirrors it is decoded, stood upright and re-encoded at Quality, its colour profile
// (ICC) carried over and nothing else; any other JPEG and every PNG lose their metadata
// losslessly, their pictures' bytes untouched (see Strip). Anything else comes back as it is.
func Clean(data []byte) ([]byte, error) {
	if o := Orientation(data); o != 1 {
		img, err := jpeg.Decode(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		err = Encode(&buf, Upright(img, o), Quality, data)
		return buf.Bytes(), err
	}
	return Strip(data)
}

// Strip removes a picture's metadata without decoding it, so that it loses no quality. Of a
// JPEG it keeps only the application segments that say how to read its colours (JFIF's APP0,
// the ICC profile's APP2, Adobe's APP14) and drops the others (EXIF and its GPS, XMP, IPTC,
// MPF and its previews, …), the comments and whatever follows the end of the image. Of a PNG
// it drops the chunks of text and EXIF (tEXt, zTXt, iTXt, eXIf). Anything else comes back as
// it is. The bytes kept are the original's, in order.
func Strip(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, jpegSOI):
		return stripJPEG(data)
	case bytes.HasPrefix(data, pngSig):
		return stripPNG(data)
	}
	return data, nil
}

// segment is a marker segment of a JPEG: its marker, its payload (after the length), and
// where it starts (at its first 0xFF, fill bytes included) and ends in the file.
type segment struct {
	marker     byte
	payload    []byte
	start, end int
}

// walk calls fn for each marker segment of a JPEG, in order, from the one after SOI; the
// entropy-coded data after SOS is part of the SOS segment's span (but not its payload). It
// stops after EOI, when fn returns false, or at the end of the data, where a scan cut short
// ends the walk quietly (decoders show what there is) and a marker cut short is ErrBroken.
func walk(data []byte, fn func(segment) bool) error {
	n, i := len(data), len(jpegSOI)
	for i < n {
		start := i
		if data[i] != 0xFF {
			return ErrBroken
		}
		for i < n && data[i] == 0xFF {
			i++
		}
		if i >= n {
			return ErrBroken
		}
		m := data[i]
		i++
		switch {
		case m == 0xD9: // EOI
			fn(segment{marker: m, start: start, end: i})
			return nil
		case m >= 0xD0 && m <= 0xD7 || m == 0x01: // RSTn and TEM stand alone
			if !fn(segment{marker: m, start: start, end: i}) {
				return nil
			}
			continue
		case m == 0x00 || m == 0xD8:
			return ErrBroken
		}
		if i+2 > n {
			return ErrBroken
		}
		length := int(binary.BigEndian.Uint16(data[i:]))
		if length < 2 || i+length > n {
			return ErrBroken
		}
		seg := segment{marker: m, payload: data[i+2 : i+length], start: start, end: i + length}
		if m == 0xDA { // SOS: the scan runs to the next marker that is neither RSTn nor a stuffed 0xFF00
			j := seg.end
			for ; j+1 < n; j++ {
				if next := data[j+1]; data[j] == 0xFF && next != 0x00 && (next < 0xD0 || next > 0xD7) {
					break
				}
			}
			if j+1 >= n {
				j = n
			}
			seg.end = j
		}
		if !fn(seg) {
			return nil
		}
		i = seg.end
	}
	return nil
}

// keep reports whether a JPEG's segment is kept by Strip: any that is not an application
// segment or a comment, and the application segments of colour.
func keep(s segment) bool {
	switch {
	case s.marker == 0xFE: // COM
		return false
	case s.marker < 0xE0 || s.marker > 0xEF:
		return true
	case s.marker == 0xE0:
		return bytes.HasPrefix(s.payload, []byte("JFIF\x00"))
	case s.marker == 0xE2:
		return bytes.HasPrefix(s.payload, iccID)
	case s.marker == 0xEE:
		return bytes.HasPrefix(s.payload, []byte("Adobe"))
	}
	return false
}

func stripJPEG(data []byte) ([]byte, error) {
	out := make([]byte, 0, len(data))
	out = append(out, jpegSOI...)
	err := walk(data, func(s segment) bool {
		if keep(s) {
			out = append(out, data[s.start:s.end]...)
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func stripPNG(data []byte) ([]byte, error) {
	out := append(make([]byte, 0, len(data)), pngSig...)
	for i := len(pngSig); i < len(data); {
		if i+12 > len(data) {
			return nil, ErrBroken
		}
		length := binary.BigEndian.Uint32(data[i:])
		if uint64(length) > uint64(len(data)-i-12) {
			return nil, ErrBroken
		}
		end := i + 12 + int(length)
		switch string(data[i+4 : i+8]) {
		case "tEXt", "zTXt", "iTXt", "eXIf":
		case "IEND": // whatever follows it is not the picture's
			return append(out, data[i:end]...), nil
		default:
			out = append(out, data[i:end]...)
		}
		i = end
	}
	return out, nil
}

// Orientation returns a JPEG's EXIF orientation, 1 to 8: 1 upright, 2 mirrored, 3 turned
// half round, 4 flipped, 5 transposed, 6 to be turned a quarter clockwise, 7 transversed, 8
// to be turned a quarter anticlockwise. It is 1 for anything else: no JPEG, no EXIF, no
// orientation in its first IFD, or a value out of range.
func Orientation(data []byte) int {
	if !bytes.HasPrefix(data, jpegSOI) {
		return 1
	}
	o := 1
	_ = walk(data, func(s segment) bool {
		if s.marker == 0xDA {
			return false
		}
		if s.marker == 0xE1 && bytes.HasPrefix(s.payload, exifID) {
			o = orientation(s.payload[len(exifID):])
			return false
		}
		return true
	})
	return o
}

// orientation reads the tag 0x0112 of IFD0 in a TIFF structure, little- or big-endian.
func orientation(tiff []byte) int {
	if len(tiff) < 8 {
		return 1
	}
	var order binary.ByteOrder
	switch string(tiff[:4]) {
	case "II*\x00":
		order = binary.LittleEndian
	case "MM\x00*":
		order = binary.BigEndian
	default:
		return 1
	}
	ifd := order.Uint32(tiff[4:])
	if uint64(ifd)+2 > uint64(len(tiff)) {
		return 1
	}
	count := int(order.Uint16(tiff[ifd:]))
	entries := tiff[ifd+2:]
	for k := 0; k < count && 12*k+12 <= len(entries); k++ {
		e := entries[12*k:]
		if order.Uint16(e) != 0x0112 {
			continue
		}
		if typ, n := order.Uint16(e[2:]), order.Uint32(e[4:]); typ != 3 || n != 1 {
			return 1
		}
		if v := int(order.Uint16(e[8:])); v >= 1 && v <= 8 {
			return v
		}
		return 1
	}
	return 1
}

// Upright returns img as it is to be seen with the given EXIF orientation: turned, mirrored
// or both; img itself when the orientation is 1 or out of range. A grey picture stays grey;
// any other becomes RGBA.
func Upright(img image.Image, o int) image.Image {
	if o < 2 || o > 8 {
		return img
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	// from gives the picture's point shown at (x, y) of the upright one.
	from := func(x, y int) (int, int) {
		switch o {
		case 2:
			return w - 1 - x, y
		case 3:
			return w - 1 - x, h - 1 - y
		case 4:
			return x, h - 1 - y
		case 5:
			return y, x
		case 6:
			return y, h - 1 - x
		case 7:
			return w - 1 - y, h - 1 - x
		default: // 8
			return w - 1 - y, x
		}
	}
	if g, ok := img.(*image.Gray); ok {
		dst := image.NewGray(image.Rect(0, 0, dw, dh))
		for y := range dh {
			for x := range dw {
				sx, sy := from(x, y)
				dst.Pix[y*dst.Stride+x] = g.Pix[g.PixOffset(b.Min.X+sx, b.Min.Y+sy)]
			}
		}
		return dst
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := range dh {
		for x := range dw {
			sx, sy := from(x, y)
			dst.Set(x, y, img.At(b.Min.X+sx, b.Min.Y+sy))
		}
	}
	return dst
}

// Encode writes img as a JPEG of the given quality, with no metadata but the colour profile
// (ICC) of original, the JPEG img was decoded from (nil for none), when the profile is of
// the colour space the picture is written in (RGB, or grey for a grey picture): the pixels
// keep their values, so the profile still says what they mean.
func Encode(w io.Writer, img image.Image, quality int, original []byte) error {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality}); err != nil {
		return err
	}
	space := "RGB "
	if _, grey := img.(*image.Gray); grey {
		space = "GRAY"
	}
	profile := profileSegments(original, space)
	out := buf.Bytes()
	if len(profile) == 0 {
		_, err := w.Write(out)
		return err
	}
	_, err := w.Write(append(append(append([]byte{}, out[:2]...), profile...), out[2:]...))
	return err
}

// profileSegments returns the APP2 segments of a JPEG's ICC profile, as they are in it,
// when the profile's colour space is space; nil otherwise.
func profileSegments(data []byte, space string) []byte {
	if !bytes.HasPrefix(data, jpegSOI) {
		return nil
	}
	var segs []byte
	first := true
	ok := false
	_ = walk(data, func(s segment) bool {
		if s.marker == 0xDA {
			return false
		}
		if s.marker == 0xE2 && bytes.HasPrefix(s.payload, iccID) {
			// The payload: the identifier, the chunk's number and the number of chunks
			// (a byte each), then the profile's bytes; the first chunk holds its header, whose
			// colour space is at bytes 16 to 20.
			body := s.payload[len(iccID):]
			if first && len(body) >= 2+20 {
				ok = string(body[2+16:2+20]) == space
			}
			first = false
			segs = append(segs, data[s.start:s.end]...)
		}
		return true
	})
	if !ok {
		return nil
	}
	return segs
}
