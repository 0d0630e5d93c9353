package articles

import (
	"bytes"
	"errors"
	"image"
	_ "image/gif" // decoded, and re-encoded as PNG when scaled
	"image/png"

	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/photo"
	"golang.org/x/image/draw"
)

// jpegQuality is the quality of a scaled-down JPEG: high enough that photos of people and
// banners stay sharp at the width the website shows them.
const jpegQuality = 88

// errNotImage is the error for a file that is not a JPEG, PNG or GIF image.
var errNotImage = msg.New(msg.NotImage)

// errBroken is the error for a picture whose JPEG segments or PNG chunks do not hold together.
var errBroken = msg.New(msg.BrokenImage)

// scaleDown returns an image fit to send, and the extension its format takes: upright (a
// JPEG's EXIF orientation applied), without metadata (EXIF and its GPS, XMP, comments; PNG's
// text and EXIF chunks), and no wider than maxWidth. An image that is narrow enough, seen
// upright, keeps its pixels: its metadata is cut out losslessly, and only a JPEG to be
// turned is re-encoded (photo.Clean). A wider one is scaled with its proportions kept, a JPEG
// staying a JPEG and anything else becoming a PNG; what is encoded anew carries no metadata.
func scaleDown(data []byte, maxWidth int) ([]byte, string, error) {
	conf, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, "", errNotImage
	}
	ext := map[string]string{"jpeg": ".jpg", "png": ".png", "gif": ".gif"}[format]
	if ext == "" {
		return nil, "", errNotImage
	}
	orientation := photo.Orientation(data)
	width, height := conf.Width, conf.Height
	if orientation >= 5 { // turned a quarter: its width is its height
		width, height = height, width
	}
	if width <= maxWidth {
		cleaned, err := photo.Clean(data)
		if errors.Is(err, photo.ErrBroken) {
			err = errBroken
		}
		return cleaned, ext, err
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, "", err
	}
	src = photo.Upright(src, orientation)
	height = max(1, (height*maxWidth+width/2)/width)
	dst := image.NewRGBA(image.Rect(0, 0, maxWidth, height))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	var buf bytes.Buffer
	if format == "jpeg" {
		err, ext = photo.Encode(&buf, dst, jpegQuality, data), ".jpg"
	} else {
		err, ext = png.Encode(&buf, dst), ".png"
	}
	return buf.Bytes(), ext, err
}

// forWord returns a picture of the bundle as a Word document takes it: a JPEG or PNG as it
// is, a GIF as a PNG of its first frame.
func forWord(data []byte) ([]byte, error) {
	_, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || format == "jpeg" || format == "png" {
		return data, err
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = png.Encode(&buf, img)
	return buf.Bytes(), err
}
