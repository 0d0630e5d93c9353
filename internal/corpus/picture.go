package corpus

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
)

// picture is a small PNG of stripes whose colours follow n, so that pictures differ.
func picture(n, width int) ([]byte, error) {
	img := image.NewPaletted(image.Rect(0, 0, width, width*3/4), color.Palette{
		color.RGBA{0xc8, 0x10, 0x2e, 0xff}, color.RGBA{0xff, 0xd7, 0x00, 0xff}, color.RGBA{0xf5, 0xf5, 0xf5, 0xff},
	})
	for y := range img.Rect.Dy() {
		for x := range img.Rect.Dx() {
			img.SetColorIndex(x, y, uint8((x/8+y/8+n)%3))
		}
	}
	var b bytes.Buffer
	err := png.Encode(&b, img)
	return b.Bytes(), err
}
