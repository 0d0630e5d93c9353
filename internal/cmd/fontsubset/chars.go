package main

import (
	"slices"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Characters returns the characters of the subset, sorted: printable ASCII, the general
// punctuation, CJK symbols and full-width forms, GB2312's characters and symbols (rows A1–F7),
// and Big5's symbols and common characters (A140–C67E).
func Characters() []rune {
	set := map[rune]bool{}
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			set[r] = true
		}
	}
	add(0x20, 0x7e)
	add(0x2010, 0x205e) // dashes, quotation marks, ellipsis, ‰
	add(0x3000, 0x303f) // 、。「」 …
	add(0xff01, 0xff5e) // ，：（）…
	decode := func(enc encoding.Encoding, lead, trail [2]byte) {
		dec := enc.NewDecoder()
		for a := lead[0]; a >= lead[0] && a <= lead[1]; a++ {
			for b := trail[0]; b >= trail[0] && b <= trail[1]; b++ {
				out, err := dec.Bytes([]byte{a, b})
				if r, n := utf8.DecodeRune(out); err == nil && n == len(out) && r != utf8.RuneError {
					set[r] = true
				}
			}
		}
	}
	decode(simplifiedchinese.GBK, [2]byte{0xa1, 0xf7}, [2]byte{0xa1, 0xfe})
	for _, trail := range [][2]byte{{0x40, 0x7e}, {0xa1, 0xfe}} {
		decode(traditionalchinese.Big5, [2]byte{0xa1, 0xc6}, trail)
	}
	chars := make([]rune, 0, len(set))
	for r := range set {
		chars = append(chars, r)
	}
	slices.Sort(chars)
	return chars
}
