package articles

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/page"
)

// localWords speak from inside the company or its town. On the civilization website the
// reader is not inside, and needs the name instead. They are matched in simplified text.
var localWords = []string{
	"我公司", "我司", "本公司", "我厂", "本厂", "我局", "我单位", "本单位", "我部门",
	"我市", "本市", "我省", "本省", "我县", "本县", "我区", "我镇",
}

// fullWidth gives the full-width mark for each half-width punctuation mark of a Chinese title.
var fullWidth = map[rune]string{
	',': "，", '.': "。", ';': "；", ':': "：", '?': "？", '!': "！",
	'(': "（", ')': "）", '[': "【", ']': "】", '"': "“”", '\'': "‘’",
}

// check returns the warnings a publicity editor wants before sending a page: a title longer
// than the website takes, half-width punctuation in the title, and local-perspective words.
func (b *batch) check(p *page.Page, title string) diag.List {
	var problems diag.List
	if n, most := utf8.RuneCountInString(title), b.conf.Export.TitleMax; n > most {
		problems.Add(diag.Warningf(p.Pos("title"), msg.TitleTooLong, n, most))
	}
	if marks := halfWidth(p.Title); len(marks) > 0 {
		problems.Add(diag.Warningf(p.Pos("title"), msg.HalfWidthTitle, marks))
	}
	for _, field := range []struct{ key, value string }{{"title", p.Title}, {"summary", p.Summary}} {
		for _, w := range b.localWordsIn(field.value) {
			problems.Add(diag.Warningf(p.Pos(field.key), msg.LocalWordIn, field.key, w.word))
		}
	}
	for i, line := range strings.Split(string(p.Body), "\n") {
		for _, w := range b.localWordsIn(line) {
			pos := diag.Position{File: p.File, Line: p.BodyLine + i, Col: w.col}
			problems.Add(diag.Warningf(pos, msg.LocalWord, w.word))
		}
	}
	return problems
}

type localWord struct {
	word string
	col  int // in characters, from 1
}

// localWordsIn finds the local-perspective words of a line, in order. 自我省察 and the like are
// not 我省: a word right after 自 is part of 自我.
func (b *batch) localWordsIn(line string) []localWord {
	simplified := b.text.clean(line)
	var found []localWord
	for start := 0; start < len(simplified); {
		at, word := -1, ""
		for _, w := range localWords {
			if i := strings.Index(simplified[start:], w); i >= 0 && (at < 0 || start+i < at) {
				at, word = start+i, w
			}
		}
		if at < 0 {
			break
		}
		if !strings.HasSuffix(simplified[:at], "自") {
			found = append(found, localWord{word: word, col: utf8.RuneCountInString(simplified[:at]) + 1})
		}
		start = at + len(word)
	}
	return found
}

// halfWidth lists the half-width punctuation marks of a Chinese title, each with its
// full-width form. Points and colons between digits (3.5, 10:30) and commas in numbers are
// part of the number.
func halfWidth(title string) msg.Texts {
	if !hasHan(title) {
		return nil
	}
	runes := []rune(title)
	var found msg.Texts
	seen := map[rune]bool{}
	for i, r := range runes {
		full, ok := fullWidth[r]
		if !ok || seen[r] {
			continue
		}
		if (r == '.' || r == ':' || r == ',') && i > 0 && i+1 < len(runes) && unicode.IsDigit(runes[i-1]) && unicode.IsDigit(runes[i+1]) {
			continue
		}
		seen[r] = true
		found = append(found, msg.New(msg.TitleMark, r, full))
	}
	return found
}
