package articles

import (
	"bytes"
	"image"
	_ "image/gif" // decoded, and re-encoded as PNG when scaled
	"image/jpeg"
	"image/png"

	"github.com/dangjian/dangjian/internal/msg"
	"golang.org/x/image/draw"
)

// jpegQuality is the quality of a scaled-down JPEG: high enough that photos of people and
// banners stay sharp at the width the website shows them.
const jpegQuality = 88

// errNotImage is the error for a file that is not a JPEG, PNG or GIF image.
var errNotImage = msg.New(msg.NotImage)

// scaleDown returns an image no wider than maxWidth, and the extension its format takes. An
// image that is narrow enough is returned as it is; a wider one is scaled with its proportions
// kept, a JPEG staying a JPEG and anything else becoming a PNG.
func scaleDown(data []byte, maxWidth int) ([]byte, string, error) {
	conf, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, "", errNotImage
	}
	ext := map[string]string{"jpeg": ".jpg", "png": ".png", "gif": ".gif"}[format]
	if ext == "" {
		return nil, "", errNotImage
	}
	if conf.Width <= maxWidth {
		return data, ext, nil
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, "", err
	}
	height := max(1, (conf.Height*maxWidth+conf.Width/2)/conf.Width)
	dst := image.NewRGBA(image.Rect(0, 0, maxWidth, height))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	var buf bytes.Buffer
	if format == "jpeg" {
		err, ext = jpeg.Encode(&buf, dst, &jpeg.Options{Quality: jpegQuality}), ".jpg"
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
