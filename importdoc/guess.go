package importdoc

import (
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/dangjian/dangjian/internal/docread"
	"github.com/dangjian/dangjian/internal/hygiene"
	"github.com/dangjian/dangjian/internal/kinds"
	"golang.org/x/text/width"
)

// kindWords are the words of a title that tell its page's kind, in simplified characters, the
// first kind whose word the title holds chosen: a 道德讲堂 is no lecture.
var kindWords = []struct {
	kind  string
	words []string
}{
	{kinds.TypeLectureHall, []string{"道德讲堂"}},
	{kinds.TypeLecture, []string{"讲座", "党课", "讲课", "宣讲"}},
	{kinds.TypeProject, []string{"项目"}},
	{kinds.TypeReport, []string{"年度", "报告"}},
}

// GuessKind returns the kind of page that a document's title tells, in either script: an
// activity when it tells none.
func GuessKind(title string) string {
	title = hygiene.Convert(title, kinds.Simplified)
	for _, k := range kindWords {
		for _, word := range k.words {
			if strings.Contains(title, word) {
				return k.kind
			}
		}
	}
	return kinds.TypeActivity
}

// dateBlocks is how many paragraphs at the start of a document, and at its end, are looked
// in for its date: a report is dated under its title or under its signature.
const dateBlocks = 5

// Dates written in Chinese: 2016年6月28日, in full-width digits too, and 二〇一六年六月二十八日.
var (
	digitDate   = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	numeralDate = regexp.MustCompile(`([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日`)
)

// found is a date found in a document, with the text it was written as.
type found struct {
	date time.Time
	text string
}

// documentDate returns the first date written in the first paragraphs of the document, else
// in its last; ok false when they hold none.
func documentDate(blocks []docread.Block) (found, bool) {
	var texts []string
	for _, b := range blocks {
		switch b := b.(type) {
		case *docread.Paragraph:
			texts = append(texts, docread.Text(b.Runs))
		case *docread.Heading:
			texts = append(texts, docread.Text(b.Runs))
		}
	}
	head := texts[:min(len(texts), dateBlocks)]
	tail := texts[max(len(head), len(texts)-dateBlocks):]
	for _, text := range append(head, tail...) {
		if f, ok := dateIn(text); ok {
			return f, true
		}
	}
	return found{}, false
}

// dateIn returns the first whole date written in text.
func dateIn(text string) (found, bool) {
	folded := width.Fold.String(text)
	for _, m := range digitDate.FindAllStringSubmatch(folded, -1) {
		if d, ok := day(number(m[1]), number(m[2]), number(m[3])); ok {
			return found{d, m[0]}, true
		}
	}
	for _, m := range numeralDate.FindAllStringSubmatch(text, -1) {
		year := 0
		for _, r := range m[1] {
			year = year*10 + numeralValue(r)
		}
		if d, ok := day(year, numeral(m[2]), numeral(m[3])); ok {
			return found{d, m[0]}, true
		}
	}
	return found{}, false
}

// day returns the day, as the front matter reads one; ok false when there is no such day.
func day(year, month, d int) (time.Time, bool) {
	t := time.Date(year, time.Month(month), d, 0, 0, 0, 0, time.UTC)
	return t, t.Year() == year && int(t.Month()) == month && t.Day() == d && month > 0 && d > 0
}

func number(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// numeral returns the value of a number from 1 to 39 in Chinese numerals: 六, 十二, 二十八.
func numeral(s string) int {
	tens, units, _ := strings.Cut(s, "十")
	if !strings.Contains(s, "十") {
		return numeralValue([]rune(s)[0])
	}
	n := 10
	if tens != "" {
		n = 10 * numeralValue([]rune(tens)[0])
	}
	if units != "" {
		n += numeralValue([]rune(units)[0])
	}
	return n
}

// numeralValue returns the value of a Chinese digit.
func numeralValue(r rune) int {
	if r == '零' {
		return 0
	}
	return slices.Index([]rune("〇一二三四五六七八九"), r)
}
