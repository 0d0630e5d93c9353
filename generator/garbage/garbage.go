// Package garbage removes the conversion garbage that machine conversion to traditional
// characters leaves in text: a character followed by its pinyin in brackets, as in 根據(jù)
// or 發(fā)電, which stands for 根據 and 發電.
package garbage

import "regexp"

// pinyin is one or more bracketed pinyin syllables after a Chinese character. A syllable is at
// most six letters and carries a tone mark, so that an English word in brackets, 微信(wechat),
// is left alone; half-width and full-width brackets are both seen in pasted text.
var pinyin = regexp.MustCompile(`(\p{Han})(?:[(（]` + syllable + `[)）])+`)

const (
	toneMarked = `āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ`
	syllable   = `[a-zü]{0,5}[` + toneMarked + `][a-zü` + toneMarked + `]{0,5}`
)

// Remove returns text without the bracketed pinyin that follows Chinese characters.
func Remove(text string) string {
	return pinyin.ReplaceAllString(text, "$1")
}
