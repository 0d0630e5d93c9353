package articles_test

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"image"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dangjian/dangjian/articles"
	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/phototest"
	"github.com/dangjian/dangjian/internal/sitetest"
)

// photoSite has phones' photos: two held on their side (orientation 6), one narrow enough
// to keep its size and one wider than the site allows once upright, though not as it is
// stored; an upright one with EXIF; a PNG with EXIF and text. All of them carry GPS.
const photoSite = `
-- site.yaml --
title: 测试党建
organisation: 测试公司
export: {image_width: 400}
-- content/activities/photos/index.md --
---
title: 照片活动
date: 2016-05-04
export: true
---
![侧放的照片](side.jpg "侧放的照片")

![宽的侧放照片](wide.jpg "宽的侧放照片")

![正的照片](upright.jpg "正的照片")

![带定位的图](gps.png "带定位的图")
`

func TestPhotosUprightWithoutMetadata(t *testing.T) {
	s := sitetest.New(t, photoSite)
	upright := phototest.Encode(t, phototest.Marked(48, 24))
	png := phototest.PNG(t, phototest.Marked(16, 16))
	s.Write("content/activities/photos/side.jpg", string(phototest.Phone(t, binary.LittleEndian, 64, 32)))
	s.Write("content/activities/photos/wide.jpg", string(phototest.Phone(t, binary.BigEndian, 600, 300)))
	s.Write("content/activities/photos/upright.jpg", string(phototest.Insert(upright,
		phototest.JFIF, phototest.Segment(0xE1, phototest.EXIF(binary.LittleEndian, 1)), phototest.XMP, phototest.Note)))
	s.Write("content/activities/photos/gps.png", string(phototest.PNG(t, phototest.Marked(16, 16),
		phototest.PNGChunk("eXIf", phototest.EXIF(binary.BigEndian, 1)[len("Exif\x00\x00"):]),
		phototest.PNGChunk("tEXt", []byte("Comment\x00lecture hall")))))

	rep := run(t, articles.Config{Options: generator.Options{Source: s.Dir}})
	dir := filepath.Join(rep.Out, "2016-05-04-photos")
	files := map[string][]byte{}
	for _, name := range []string{"1.jpg", "2.jpg", "3.jpg", "4.png"} {
		data := []byte(read(t, filepath.Join(dir, name)))
		if again := read(t, filepath.Join(dir, articles.ImagesFolder, name)); again != string(data) {
			t.Errorf("images/%s differs from the article's %s", name, name)
		}
		files[name] = data
		assertNoMetadata(t, name, data)
	}
	// The photos held on their side are upright: their sizes turned, the red corner top left.
	for name, size := range map[string][2]int{"1.jpg": {64, 32}, "2.jpg": {400, 200}} {
		img, _, err := image.Decode(bytes.NewReader(files[name]))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		w, h := size[0], size[1]
		if b := img.Bounds(); b.Dx() != w || b.Dy() != h {
			t.Errorf("%s: %v, want %dx%d upright", name, b, w, h)
			continue
		}
		if !phototest.IsRed(img, 2, 2) || phototest.IsRed(img, w-3, 2) || phototest.IsRed(img, 2, h-3) || phototest.IsRed(img, w-3, h-3) {
			t.Errorf("%s: the red corner is not top left", name)
		}
	}
	// The upright photo and the PNG keep their bytes but the metadata's: nothing re-encoded.
	if want := phototest.Insert(upright, phototest.JFIF); !bytes.Equal(files["3.jpg"], want) {
		t.Errorf("3.jpg: %d bytes, want the original's %d without its metadata", len(files["3.jpg"]), len(want))
	}
	if !bytes.Equal(files["4.png"], png) {
		t.Errorf("4.png: %d bytes, want the original's %d without its metadata", len(files["4.png"]), len(png))
	}

	// The Word document's pictures are the same files.
	docs, _ := filepath.Glob(filepath.Join(dir, "*.docx"))
	if len(docs) != 1 {
		t.Fatalf("documents: %v", docs)
	}
	zr, err := zip.OpenReader(docs[0])
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	media := 0
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "word/media/") {
			continue
		}
		media++
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		assertNoMetadata(t, f.Name, data)
		found := false
		for _, exported := range files {
			found = found || bytes.Equal(data, exported)
		}
		if !found {
			t.Errorf("%s is none of the exported pictures", f.Name)
		}
	}
	if media != len(files) {
		t.Errorf("the document holds %d pictures, want %d", media, len(files))
	}

	// The same photos export to the same bytes.
	again := run(t, articles.Config{Options: generator.Options{Source: s.Dir}})
	for name, data := range files {
		if read(t, filepath.Join(again.Out, "2016-05-04-photos", name)) != string(data) {
			t.Errorf("%s differs from one export to the next", name)
		}
	}
}

// assertNoMetadata fails when a picture holds EXIF, the GPS latitude (in either byte
// order), XMP or a text.
func assertNoMetadata(t *testing.T, name string, data []byte) {
	t.Helper()
	for what, b := range map[string][]byte{
		"EXIF": []byte("Exif\x00"), "an eXIf chunk": []byte("eXIf"), "XMP": []byte("xmpmeta"), "a text": []byte("lecture hall"),
		"GPS": phototest.LatitudeIn(binary.BigEndian), "GPS, little-endian": phototest.LatitudeIn(binary.LittleEndian),
	} {
		if bytes.Contains(data, b) {
			t.Errorf("%s still holds %s", name, what)
		}
	}
}

// TestBrokenPhoto checks that a JPEG cut short after its header, which decodes far enough
// to tell its size, stops the export with the catalogue's words.
func TestBrokenPhoto(t *testing.T) {
	s := sitetest.New(t, photoSite)
	jpg := phototest.Insert(phototest.Encode(t, phototest.Marked(16, 16)), phototest.JFIF) // JFIF: the header ends at SOF
	dht := bytes.Index(jpg, []byte{0xFF, 0xC4})
	for _, name := range []string{"wide.jpg", "upright.jpg"} {
		s.Write("content/activities/photos/"+name, string(jpg))
	}
	s.Write("content/activities/photos/gps.png", string(phototest.PNG(t, phototest.Marked(4, 4))))
	s.Write("content/activities/photos/side.jpg", string(jpg[:dht+6]))
	problems := fails(t, articles.Config{Options: generator.Options{Source: s.Dir}})
	assertProblems(t, problems, `image "side.jpg": the picture's file is cut short or damaged`)
}
