// Command fontsubset writes the font that internal/chart draws its PNG pictures with: a subset
// of a TrueType font (npm's Noto Sans SC, installed by make deps) holding only the characters
// a chart's text is likely to need, gzipped, so that the binary carries about a megabyte and
// not the font's ten. It keeps ASCII, the common punctuation, GB2312 (the 6,763 characters of
// simplified Chinese writing) and Big5's 5,401 common traditional characters. The same font
// gives the same bytes.
//
//	go run ./internal/cmd/fontsubset -o internal/chart/fonts/chart.ttf.gz FONT.ttf
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"

	"golang.org/x/image/font/sfnt"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// run writes the subset and returns the exit status: 0 when written, 1 when it could not be,
// 2 on wrong usage.
func run(args []string, stderr io.Writer) int {
	flags := flag.NewFlagSet("fontsubset", flag.ContinueOnError)
	flags.SetOutput(stderr)
	out := flags.String("o", "", "the gzipped `subset` to write")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if *out == "" || flags.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: fontsubset -o SUBSET.ttf.gz FONT.ttf")
		flags.PrintDefaults()
		return 2
	}
	src, err := os.ReadFile(flags.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "fontsubset:", err)
		return 1
	}
	subset, err := Subset(src, Characters())
	if err != nil {
		fmt.Fprintf(stderr, "fontsubset: %s: %v\n", flags.Arg(0), err)
		return 1
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // the level is valid
	zw.Write(subset)
	zw.Close()
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintln(stderr, "fontsubset:", err)
		return 1
	}
	return 0
}

// Subset returns a TrueType font of src's outlines of chars only. Glyphs keep their numbers
// (those left out are empty), so that composite glyphs and the metrics need no renumbering;
// the tables a chart does not use (names, layout features, vertical metrics, glyph names)
// are dropped.
func Subset(src []byte, chars []rune) ([]byte, error) {
	f, err := sfnt.Parse(src)
	if err != nil {
		return nil, err
	}
	tables, err := tableDirectory(src)
	if err != nil {
		return nil, err
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "post"} {
		if tables[tag] == nil {
			return nil, fmt.Errorf("no %s table: not a TrueType font", tag)
		}
	}
	head := bytes.Clone(tables["head"])
	if len(head) != 54 {
		return nil, fmt.Errorf("a head table of %d bytes, not 54", len(head))
	}
	glyphs, err := splitGlyphs(tables["loca"], tables["glyf"], f.NumGlyphs(), u16(head[50:]) != 0)
	if err != nil {
		return nil, err
	}
	var b sfnt.Buffer
	mapping := map[rune]uint16{}
	keep := map[uint16]bool{0: true} // .notdef, drawn for a character the subset lacks
	for _, r := range chars {
		gid, err := f.GlyphIndex(&b, r)
		if err != nil || gid == 0 {
			continue
		}
		mapping[r] = uint16(gid)
		keepGlyph(glyphs, uint16(gid), keep)
	}
	var glyf, loca bytes.Buffer
	for gid, g := range glyphs {
		putU32(&loca, uint32(glyf.Len()))
		if keep[uint16(gid)] {
			glyf.Write(g)
			for glyf.Len()%4 != 0 {
				glyf.WriteByte(0)
			}
		}
	}
	putU32(&loca, uint32(glyf.Len()))
	if len(tables["post"]) < 32 {
		return nil, fmt.Errorf("a post table of %d bytes, under 32", len(tables["post"]))
	}
	post := bytes.Clone(tables["post"][:32])
	putU32At(post, 0x00030000) // version 3: no glyph names
	putU32At(head[8:], 0)      // checkSumAdjustment: no reader of ours checks it
	head[50], head[51] = 0, 1  // long offsets in loca
	return writeFont(map[string][]byte{
		"head": head, "hhea": tables["hhea"], "maxp": tables["maxp"], "hmtx": tables["hmtx"],
		"cmap": cmap(chars, mapping), "loca": loca.Bytes(), "glyf": glyf.Bytes(), "post": post,
	}), nil
}

// tableDirectory returns the tables of a TrueType font by their tags.
func tableDirectory(src []byte) (map[string][]byte, error) {
	if len(src) < 12 {
		return nil, fmt.Errorf("too short for a font")
	}
	n := int(u16(src[4:]))
	tables := map[string][]byte{}
	for i := range n {
		entry := 12 + 16*i
		if entry+16 > len(src) {
			return nil, fmt.Errorf("table directory cut short")
		}
		offset, length := int(u32(src[entry+8:])), int(u32(src[entry+12:]))
		if offset+length > len(src) || offset+length < offset {
			return nil, fmt.Errorf("table %q out of the file", src[entry:entry+4])
		}
		tables[string(src[entry:entry+4])] = src[offset : offset+length]
	}
	return tables, nil
}

// splitGlyphs returns each glyph's outline data, by glyph number, as loca places it in glyf.
func splitGlyphs(loca, glyf []byte, n int, long bool) ([][]byte, error) {
	offset := func(i int) int {
		if long {
			return int(u32(loca[4*i:]))
		}
		return 2 * int(u16(loca[2*i:]))
	}
	size := 2
	if long {
		size = 4
	}
	if len(loca) < (n+1)*size {
		return nil, fmt.Errorf("a loca table too short for %d glyphs", n)
	}
	glyphs := make([][]byte, n)
	for i := range glyphs {
		start, end := offset(i), offset(i+1)
		if start > end || end > len(glyf) {
			return nil, fmt.Errorf("glyph %d out of the glyf table", i)
		}
		glyphs[i] = glyf[start:end]
	}
	return glyphs, nil
}

// keepGlyph marks gid, and the glyphs a composite gid is made of, as kept.
func keepGlyph(glyphs [][]byte, gid uint16, keep map[uint16]bool) {
	if int(gid) >= len(glyphs) || keep[gid] {
		return
	}
	keep[gid] = true
	g := glyphs[gid]
	if len(g) < 10 || int16(u16(g)) >= 0 {
		return // empty, or a simple glyph
	}
	// A composite's components: flags, glyph, two arguments of a byte or a word each, and a
	// scale of none, one, two or four words.
	const wordArgs, scale, more, xyScale, twoByTwo = 0x0001, 0x0008, 0x0020, 0x0040, 0x0080
	for p := 10; p+4 <= len(g); {
		flags, component := u16(g[p:]), u16(g[p+2:])
		keepGlyph(glyphs, component, keep)
		p += 4 + 2
		if flags&wordArgs != 0 {
			p += 2
		}
		switch {
		case flags&scale != 0:
			p += 2
		case flags&xyScale != 0:
			p += 4
		case flags&twoByTwo != 0:
			p += 8
		}
		if flags&more == 0 {
			return
		}
	}
}

// cmap returns a cmap table of one subtable, Unicode's full repertoire (format 12), mapping
// each of chars that the font has to its glyph, in runs of consecutive characters and glyphs.
func cmap(chars []rune, mapping map[rune]uint16) []byte {
	type group struct{ first, last rune }
	var groups []group
	for _, r := range chars {
		gid, ok := mapping[r]
		if !ok {
			continue
		}
		if n := len(groups); n > 0 && groups[n-1].last == r-1 && mapping[groups[n-1].last]+1 == gid {
			groups[n-1].last = r
			continue
		}
		groups = append(groups, group{r, r})
	}
	var sub bytes.Buffer
	putU16(&sub, 12)
	putU16(&sub, 0)
	putU32(&sub, uint32(16+12*len(groups)))
	putU32(&sub, 0) // language
	putU32(&sub, uint32(len(groups)))
	for _, g := range groups {
		putU32(&sub, uint32(g.first))
		putU32(&sub, uint32(g.last))
		putU32(&sub, uint32(mapping[g.first]))
	}
	var t bytes.Buffer
	putU16(&t, 0) // version
	putU16(&t, 1) // one subtable
	putU16(&t, 3) // Windows
	putU16(&t, 10)
	putU32(&t, 12)
	t.Write(sub.Bytes())
	return t.Bytes()
}

// writeFont writes a TrueType font of tables, in the order of their tags, each padded to four
// bytes and with its checksum.
func writeFont(tables map[string][]byte) []byte {
	tags := []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "post"} // sorted, as the format asks
	var font bytes.Buffer
	putU32(&font, 0x00010000)
	putU16(&font, uint16(len(tags)))
	putU16(&font, 128) // searchRange, entrySelector and rangeShift for 8 tables
	putU16(&font, 3)
	putU16(&font, uint16(16*len(tags)-64))
	offset := 12 + 16*len(tags)
	for _, tag := range tags {
		data := tables[tag]
		font.WriteString(tag)
		putU32(&font, checksum(data))
		putU32(&font, uint32(offset))
		putU32(&font, uint32(len(data)))
		offset += (len(data) + 3) &^ 3
	}
	for _, tag := range tags {
		font.Write(tables[tag])
		for font.Len()%4 != 0 {
			font.WriteByte(0)
		}
	}
	return font.Bytes()
}

func checksum(data []byte) uint32 {
	var sum uint32
	for i := 0; i < len(data); i += 4 {
		var word [4]byte
		copy(word[:], data[i:])
		sum += u32(word[:])
	}
	return sum
}

func u16(b []byte) uint16 { return uint16(b[0])<<8 | uint16(b[1]) }

func u32(b []byte) uint32 { return uint32(u16(b))<<16 | uint32(u16(b[2:])) }

func putU16(w *bytes.Buffer, v uint16) { w.Write([]byte{byte(v >> 8), byte(v)}) }

func putU32(w *bytes.Buffer, v uint32) { putU16(w, uint16(v>>16)); putU16(w, uint16(v)) }

func putU32At(b []byte, v uint32) {
	b[0], b[1], b[2], b[3] = byte(v>>24), byte(v>>16), byte(v>>8), byte(v)
}
