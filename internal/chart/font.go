package chart

import (
	"bytes"
	"compress/gzip"
	"embed"
	"io"
	"sync"

	"github.com/dangjian/dangjian/internal/msg"
	"golang.org/x/image/font/opentype"
)

// fonts holds the font of the PNG pictures, which make deps writes (fonts/README.md), and its
// licence; before that, the readme alone.
//
//go:embed fonts
var fonts embed.FS

// FontFile is the font in fonts, gzipped.
const FontFile = "fonts/chart.ttf.gz"

// chartFont is the embedded font, parsed once; never a font of the machine, so that a chart
// gives the same PNG everywhere.
var chartFont = sync.OnceValues(func() (*opentype.Font, error) {
	gz, err := fonts.ReadFile(FontFile)
	if err != nil {
		return nil, msg.New(msg.ChartFontMissing)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	ttf, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	return opentype.Parse(ttf)
})

// HasFont reports whether this build carries the font of the PNG pictures.
func HasFont() bool {
	_, err := chartFont()
	return err == nil
}
