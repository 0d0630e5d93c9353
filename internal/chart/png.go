package chart

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"strconv"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// The PNG picture's size: the SVG's layout, scaled to about the width of an A4 page's text
// at 150 dots an inch.
const (
	PNGWidth  = 1200
	PNGHeight = svgHeight * PNGWidth / svgWidth
	pngScale  = float64(PNGWidth) / svgWidth
)

// PNG draws spec as a PNG picture of PNGWidth by PNGHeight pixels, laid out as SVG lays it out,
// its text in the font that make embeds (never the machine's), for places that take pictures
// but not SVG, such as a Word document. The same spec gives the same bytes. A character the
// font lacks is drawn as its empty box. words, unless nil, converts each text before it is
// drawn, such as into simplified characters; the layout is the original's.
func (d *Drawer) PNG(spec Spec, words func(string) string) ([]byte, error) {
	dr, err := d.resolve(spec)
	if err != nil {
		return nil, err
	}
	f, err := chartFont()
	if err != nil {
		return nil, err
	}
	r := &raster{img: image.NewRGBA(image.Rect(0, 0, PNGWidth, PNGHeight)), font: f, faces: map[float64]font.Face{}, words: words}
	draw.Draw(r.img, r.img.Bounds(), image.White, image.Point{}, draw.Src)
	d.paint(r, spec, dr)
	var buf bytes.Buffer
	if err := png.Encode(&buf, r.img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// raster paints a chart into an image: the surface of PNG. Shapes are filled polygons, curves
// cut into short straight lines.
type raster struct {
	img   *image.RGBA
	font  *opentype.Font
	faces map[float64]font.Face // by size in pixels
	words func(string) string   // nil: the texts as they are
	path  vector.Rasterizer
}

// fill fills the polygons, each in the picture's units; a polygon running the other way
// round cuts a hole.
func (r *raster) fill(colour string, polygons ...[]point) {
	r.path.Reset(PNGWidth, PNGHeight)
	for _, poly := range polygons {
		for i, p := range poly {
			x, y := float32(p.x*pngScale), float32(p.y*pngScale)
			if i == 0 {
				r.path.MoveTo(x, y)
			} else {
				r.path.LineTo(x, y)
			}
		}
		r.path.ClosePath()
	}
	r.path.Draw(r.img, r.img.Bounds(), image.NewUniform(rgb(colour)), image.Point{})
}

func (r *raster) text(x, y float64, anchor string, st style, s string) {
	size := st.size
	if size == 0 {
		size = fontSize
	}
	face := r.face(size * pngScale)
	if r.words != nil {
		s = r.words(s)
	}
	width := font.MeasureString(face, s)
	dot := fixed.Point26_6{X: fixed.Int26_6(math.Round(x * pngScale * 64)), Y: fixed.Int26_6(math.Round(y * pngScale * 64))}
	switch anchor {
	case "middle":
		dot.X -= width / 2
	case "end":
		dot.X -= width
	}
	drawer := font.Drawer{Dst: r.img, Src: image.NewUniform(rgb(st.fill)), Face: face, Dot: dot}
	drawer.DrawString(s)
	if st.bold { // the font has one weight: a bold text is drawn twice, a little apart
		drawer.Dot = dot
		drawer.Dot.X += 48
		drawer.DrawString(s)
	}
}

// face returns the font at size pixels.
func (r *raster) face(size float64) font.Face {
	if f, ok := r.faces[size]; ok {
		return f
	}
	// The size is positive and the font parsed, the only errors NewFace returns.
	f, _ := opentype.NewFace(r.font, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	r.faces[size] = f
	return f
}

func (r *raster) rect(x, y, width, height, radius float64, fill string) {
	if radius == 0 {
		r.fill(fill, []point{{x, y}, {x + width, y}, {x + width, y + height}, {x, y + height}})
		return
	}
	var poly []point
	corners := []point{{x + width - radius, y + radius}, {x + width - radius, y + height - radius}, {x + radius, y + height - radius}, {x + radius, y + radius}}
	for i, c := range corners { // clockwise from the top right corner
		poly = append(poly, arc(c.x, c.y, radius, float64(i)*math.Pi/2, math.Pi/2)...)
	}
	r.fill(fill, poly)
}

func (r *raster) line(x1, y1, x2, y2 float64, stroke string) {
	r.fill(stroke, band(point{x1, y1}, point{x2, y2}, 1))
}

func (r *raster) polyline(runs [][]point, stroke string) {
	var polygons [][]point
	for _, run := range runs {
		for i := 1; i < len(run); i++ {
			polygons = append(polygons, band(run[i-1], run[i], 2))
		}
		for _, p := range run { // round joins and ends
			polygons = append(polygons, arc(p.x, p.y, 1, 0, 2*math.Pi))
		}
	}
	if polygons != nil {
		r.fill(stroke, polygons...)
	}
}

func (r *raster) circle(cx, cy, radius float64, fill, stroke string, width float64) {
	if stroke == "" {
		r.fill(fill, arc(cx, cy, radius, 0, 2*math.Pi))
		return
	}
	outer, inner := arc(cx, cy, radius+width/2, 0, 2*math.Pi), arc(cx, cy, radius-width/2, 0, 2*math.Pi)
	if fill != "none" {
		r.fill(fill, inner)
	}
	for i, j := 0, len(inner)-1; i < j; i, j = i+1, j-1 {
		inner[i], inner[j] = inner[j], inner[i]
	}
	r.fill(stroke, outer, inner)
}

func (r *raster) slice(cx, cy, radius, from, sweep float64, fill string) {
	r.fill(fill, append([]point{{cx, cy}}, arc(cx, cy, radius, from, sweep)...))
	for _, angle := range []float64{from, from + sweep} { // the white edges between slices
		r.fill("#ffffff", band(point{cx, cy}, onCircle(cx, cy, radius, angle), 1))
	}
}

// arc returns points along the circle of radius about cx, cy, from angle from through sweep,
// a point every two degrees or closer.
func arc(cx, cy, radius, from, sweep float64) []point {
	n := max(int(math.Ceil(sweep/(2*math.Pi/180))), 1)
	points := make([]point, n+1)
	for i := range points {
		points[i] = onCircle(cx, cy, radius, from+sweep*float64(i)/float64(n))
	}
	return points
}

// band returns the rectangle of a line from a to b, width units wide.
func band(a, b point, width float64) []point {
	length := math.Hypot(b.x-a.x, b.y-a.y)
	if length == 0 {
		return nil
	}
	nx, ny := -(b.y-a.y)/length*width/2, (b.x-a.x)/length*width/2
	return []point{{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}}
}

// rgb is the colour of #rrggbb, opaque.
func rgb(s string) color.RGBA {
	v, _ := strconv.ParseUint(s[1:], 16, 32) // the program's own colours
	return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}
