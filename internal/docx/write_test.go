package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dangjian/dangjian/internal/golden"
	"github.com/dangjian/dangjian/internal/msg"
)

// picture returns a w × h picture, PNG or JPEG, drawn the same each time.
func picture(t testing.TB, w, h int, format string) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			img.Set(x, y, color.RGBA{uint8(200 * x / w), 30, uint8(200 * y / h), 255})
		}
	}
	var buf bytes.Buffer
	var err error
	if format == "jpeg" {
		err = jpeg.Encode(&buf, img, nil)
	} else {
		err = png.Encode(&buf, img)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sample is a small report with a block of each kind.
func sample(t testing.TB) *Document {
	return &Document{
		Properties: Properties{Title: "党支部开展“爱的传递”主题党日活动", Creator: "机关党委", Created: time.Date(2016, 6, 28, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))},
		Blocks: []Block{
			&Paragraph{Style: Title, Runs: []Run{{Text: "党支部开展“爱的传递”主题党日活动"}}},
			&Paragraph{Runs: []Run{{Text: "文明风6月28日讯（通讯员 张三）", Bold: true}, {Text: "6月28日，党支部在三楼会议室开展主题党日活动。", Note: []Run{{Text: "主题党日每月一次。"}}}}},
			&Paragraph{Style: Heading1, Runs: []Run{{Text: "一、学习党章"}}},
			&Paragraph{Runs: []Run{{Text: "全体党员  重温入党誓词，"}, {Text: "“不忘初心”", Italic: true}, {Text: "。\n第二行\t在制表符后；A&B <c>"}}},
			&Paragraph{Style: Heading2, Runs: []Run{{Text: "（一）活动流程"}}},
			&List{Ordered: true, Items: []ListItem{
				{Runs: []Run{{Text: "集体学习"}}},
				{Runs: []Run{{Text: "交流发言"}}, Sub: &List{Items: []ListItem{{Runs: []Run{{Text: "支部书记发言"}}}, {Runs: []Run{{Text: "党员代表发言"}}}}}},
				{Runs: []Run{{Text: "重温誓词"}}},
			}},
			&Paragraph{Style: Heading3, Runs: []Run{{Text: "1.参加人员"}}},
			&Table{Header: true, Rows: [][]Cell{
				{{Paragraphs: []Paragraph{{Style: Plain, Runs: []Run{{Text: "支部"}}}}}, {Paragraphs: []Paragraph{{Style: Plain, Runs: []Run{{Text: "参加人次"}}}}}},
				{{Paragraphs: []Paragraph{{Style: Plain, Runs: []Run{{Text: "第一党支部"}}}}}, {Paragraphs: []Paragraph{{Style: Plain, Align: AlignRight, Runs: []Run{{Text: "23"}}}}}},
				{{Paragraphs: []Paragraph{{Style: Plain, Runs: []Run{{Text: "第二党支部"}}}}}},
			}},
			&Image{Data: picture(t, 64, 48, "png"), Description: "党员重温入党誓词", Caption: []Run{{Text: "图为党员重温入党誓词"}}},
			&Image{Data: picture(t, 32, 32, "jpeg"), Description: "合影"},
			&Paragraph{Align: AlignRight, Runs: []Run{{Text: "（机关党委供稿）"}}},
		},
	}
}

// write returns d written.
func write(t testing.TB, d *Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// unzip returns the parts of a package by their names.
func unzip(t testing.TB, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name], err = io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
	}
	return parts
}

// TestGolden: the XML of the sample's body, styles and numbering.
func TestGolden(t *testing.T) {
	parts := unzip(t, write(t, sample(t)))
	for _, name := range []string{"word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml", "[Content_Types].xml", "word/_rels/document.xml.rels", "docProps/core.xml"} {
		golden.Check(t, "testdata/"+strings.NewReplacer("/", "_", "[", "", "]", "").Replace(name), parts[name])
	}
}

// TestSameBytes: the same document gives the same bytes, its entries dated when it was
// created.
func TestSameBytes(t *testing.T) {
	first := write(t, sample(t))
	if !bytes.Equal(first, write(t, sample(t))) {
		t.Fatal("the same document gave other bytes")
	}
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if !f.Modified.Equal(sample(t).Properties.Created) {
			t.Errorf("%s dated %v", f.Name, f.Modified)
		}
	}
}

// TestWriteChecks: what Write writes passes Check, with and without the optional parts.
func TestWriteChecks(t *testing.T) {
	for name, d := range map[string]*Document{
		"sample": sample(t),
		"empty":  {},
		"text":   {Blocks: []Block{&Paragraph{Runs: []Run{{Text: "正文"}}}}, Styles: Styles{Title: Font{Name: "黑体"}}},
	} {
		if err := Check(write(t, d)); err != nil {
			t.Errorf("%s: %v", name, msg.English.Err(err))
		}
	}
}

// TestNotPicture: a picture that is not a PNG or JPEG is refused, with its number and text.
func TestNotPicture(t *testing.T) {
	gif := []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;")
	d := &Document{Blocks: []Block{&Image{Data: picture(t, 2, 2, "png")}, &Image{Data: gif, Description: "动图"}}}
	err := Write(io.Discard, d)
	var m msg.Message
	if !errors.As(err, &m) || m.Key != msg.DocxNotPicture || m.Args[0] != 2 || m.Args[1] != "动图" {
		t.Errorf("got %v", err)
	}
}

// extent finds the size a picture is drawn at.
var extent = regexp.MustCompile(`<wp:extent cx="(\d+)" cy="(\d+)"/>`)

// TestPictureSize: a picture is drawn at 96 pixels an inch, made smaller, its sides in
// proportion, where it is wider than the text or than its MaxWidth.
func TestPictureSize(t *testing.T) {
	text := EMU(11906-Millimetres(28)-Millimetres(26)) * 635
	tests := []struct {
		w, h     int
		maxWidth EMU
		want     string
	}{
		{100, 50, 0, "952500 476250"},
		{2000, 1000, 0, itoa(text) + " " + itoa(text/2)},
		{100, 50, 476250, "476250 238125"},
		{100, 50, 10 * text, "952500 476250"},
	}
	for _, tt := range tests {
		d := &Document{Blocks: []Block{&Image{Data: picture(t, tt.w, tt.h, "png"), MaxWidth: tt.maxWidth}}}
		m := extent.FindSubmatch(unzip(t, write(t, d))["word/document.xml"])
		if m == nil {
			t.Fatal("no extent")
		}
		if got := string(m[1]) + " " + string(m[2]); got != tt.want {
			t.Errorf("%d×%d, at most %d: drawn %s, want %s", tt.w, tt.h, tt.maxWidth, got, tt.want)
		}
	}
}

// TestStylesFilled: a field left zero is the default's; a font given keeps what it says.
func TestStylesFilled(t *testing.T) {
	got := Styles{Title: Font{Name: "黑体", Bold: true}, Body: Font{Name: "宋体", Size: Points(12)}}.filled()
	want := DefaultStyles
	want.Title = Font{Name: "黑体", Bold: true, Size: DefaultStyles.Title.Size}
	want.Body = Font{Name: "宋体", Size: 24}
	if got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if s, ok := ChineseSize("三号"); !ok || s != Points(16) {
		t.Errorf("三号: %d %v", s, ok)
	}
	if _, ok := ChineseSize("三"); ok {
		t.Error("三 is a size")
	}
}
