package articles

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/page"
)

// The checks of this file are the civilization websites' rules for submissions (福建文明风's
// 信息登载来稿规范, and the like): a title of 18 to 22 characters with no comma, full stop or
// semicolon, its colons and quotation marks full-width and its Latin letters half-width; the
// name of the unit or place, not 我市 or 我公司; each picture captioned; news sent within
// three days of the event. The numbers are site.yaml's export settings.

// fullWidth gives the full-width mark for each half-width punctuation mark of a Chinese title.
var fullWidth = map[rune]string{
	':': "：", '?': "？", '!': "！", '(': "（", ')': "）", '[': "【", ']': "】", '"': "“”", '\'': "‘’",
}

// pauses are the marks a title may not have, in either width.
const pauses = "，。；,.;"

// placeEnds are the last characters of the local words that name a place (我市, 本县), not the
// company: their reader needs the place's name, not the organisation's.
const placeEnds = "省市县区镇乡村州旗"

// check returns the warnings a publicity editor wants before sending a page: what breaks the
// rules in its title, its summary and its body, and a date too old for news.
func (b *batch) check(p *page.Page, title string) diag.List {
	var problems diag.List
	at := p.Pos("title")
	switch n, e := utf8.RuneCountInString(title), b.conf.Export; {
	case n > e.TitleMax:
		problems.Add(diag.Warningf(at, msg.TitleTooLong, n, e.TitleMax))
	case n < e.TitleMin:
		problems.Add(diag.Warningf(at, msg.TitleTooShort, n, e.TitleMin))
	}
	marks := titleMarks(p.Title)
	if len(marks.pauses) > 0 {
		problems.Add(diag.Warningf(at, msg.TitlePause, marks.pauses))
	}
	if len(marks.halfWidth) > 0 {
		problems.Add(diag.Warningf(at, msg.HalfWidthTitle, marks.halfWidth))
	}
	if len(marks.fullWidth) > 0 {
		problems.Add(diag.Warningf(at, msg.FullWidthInTitle, marks.fullWidth))
	}
	for _, field := range []struct{ key, value string }{{"title", p.Title}, {"summary", p.Summary}} {
		for _, w := range b.localWordsIn(field.value) {
			problems.Add(diag.Warningf(p.Pos(field.key), msg.LocalWordIn, field.key, w.word, b.nameFor(w.word)))
		}
	}
	for i, line := range strings.Split(string(p.Body), "\n") {
		for _, w := range b.localWordsIn(line) {
			pos := diag.Position{File: p.File, Line: p.BodyLine + i, Col: w.col}
			problems.Add(diag.Warningf(pos, msg.LocalWord, w.word, b.nameFor(w.word)))
		}
	}
	if days, most := daysBetween(p.Date, b.today), b.conf.Export.MaxAgeDays; days > most {
		problems.Add(diag.Warningf(p.Pos("date"), msg.TooOld, p.DateString(), days, b.today.Format(time.DateOnly), most))
	}
	return problems
}

// daysBetween counts the days from the day of date, as written, to the day of today, where
// the export runs.
func daysBetween(date, today time.Time) int {
	day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }
	return int(day(today).Sub(day(date)).Hours() / 24)
}

// nameFor says what to write instead of a local word: the organisation's name, as site.yaml
// writes it, or the place's.
func (b *batch) nameFor(word string) msg.Message {
	last, _ := utf8.DecodeLastRuneInString(word)
	switch {
	case strings.ContainsRune(placeEnds, last):
		return msg.New(msg.WritePlaceName)
	case b.conf.Organisation == "":
		return msg.New(msg.WriteTheName)
	}
	return msg.New(msg.WriteOrganisation, b.conf.Organisation)
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
		for _, w := range b.localWords {
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

// marks are the marks of a title that the rules do not take, each listed once.
type marks struct {
	pauses    msg.Items // commas, full stops, semicolons
	halfWidth msg.Texts // half-width punctuation, each with its full-width form
	fullWidth msg.Texts // full-width Latin letters and digits, each with its half-width form
}

// titleMarks finds the marks of a Chinese title that the rules do not take. Points, colons and
// commas between digits (3.5, 10:30, 1,000) are part of a number.
func titleMarks(title string) marks {
	var found marks
	if !hasHan(title) {
		return found
	}
	runes := []rune(title)
	seen := map[rune]bool{}
	for i, r := range runes {
		inNumber := i > 0 && i+1 < len(runes) && unicode.IsDigit(runes[i-1]) && unicode.IsDigit(runes[i+1])
		if seen[r] || (inNumber && strings.ContainsRune(".,:", r)) {
			continue
		}
		seen[r] = true
		switch full, half := fullWidth[r], halfOf(r); {
		case strings.ContainsRune(pauses, r):
			found.pauses = append(found.pauses, fmt.Sprintf("%q", r))
		case full != "":
			found.halfWidth = append(found.halfWidth, msg.New(msg.TitleMark, r, full))
		case half != 0:
			found.fullWidth = append(found.fullWidth, msg.New(msg.TitleMark, r, string(half)))
		}
	}
	return found
}

// halfOf returns the half-width form of a full-width Latin letter or digit, or 0.
func halfOf(r rune) rune {
	if ('Ａ' <= r && r <= 'Ｚ') || ('ａ' <= r && r <= 'ｚ') || ('０' <= r && r <= '９') {
		return r - 'Ａ' + 'A'
	}
	return 0
}
