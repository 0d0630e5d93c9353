package docread

import (
	"strconv"
	"strings"
)

// numbering is word/numbering.xml: the lists' definitions, and the counts reached so far in
// the body, for the numbers Word shows before its numbered paragraphs.
type numbering struct {
	nums      map[string]*num       // the lists, by numId
	abstracts map[string]*[9]*level // what they look like, by abstractNumId
	counts    map[string]*[9]int    // by abstractNumId: lists of one definition count on
	started   map[string]bool       // the numIds met, whose start overrides have restarted the count
}

// num is a list: a definition, and the levels whose count it starts again.
type num struct {
	abstract string
	starts   map[int]int
}

// level is how one level of a list numbers its paragraphs.
type level struct {
	start  int
	format string // w:numFmt: "decimal", "chineseCounting", "bullet" …
	text   string // w:lvlText: "%1、", "（%2）"
}

// levelXML is a w:lvl of a list's definition.
type levelXML struct {
	Level  string `xml:"ilvl,attr"`
	Start  *val   `xml:"start"`
	Format *val   `xml:"numFmt"`
	Text   *val   `xml:"lvlText"`
}

// readNumbering reads the numbering part name; no lists when the document has none.
func readNumbering(p *pkg, name string) (*numbering, error) {
	var doc struct {
		Abstracts []struct {
			ID     string     `xml:"abstractNumId,attr"`
			Levels []levelXML `xml:"lvl"`
		} `xml:"abstractNum"`
		Nums []struct {
			ID        string `xml:"numId,attr"`
			Abstract  val    `xml:"abstractNumId"`
			Overrides []struct {
				Level string `xml:"ilvl,attr"`
				Start *val   `xml:"startOverride"`
			} `xml:"lvlOverride"`
		} `xml:"num"`
	}
	if err := p.decode(name, &doc); err != nil {
		return nil, err
	}
	n := &numbering{nums: map[string]*num{}, abstracts: map[string]*[9]*level{}, counts: map[string]*[9]int{}, started: map[string]bool{}}
	for _, a := range doc.Abstracts {
		levels := &[9]*level{}
		for _, x := range a.Levels {
			i, err := strconv.Atoi(x.Level)
			if err != nil || i < 0 || i >= 9 {
				continue
			}
			l := &level{start: 1, format: "decimal"}
			if x.Start != nil {
				if s, err := strconv.Atoi(x.Start.Val); err == nil {
					l.start = s
				}
			}
			if x.Format != nil {
				l.format = x.Format.Val
			}
			if x.Text != nil {
				l.text = x.Text.Val
			}
			levels[i] = l
		}
		n.abstracts[a.ID] = levels
	}
	for _, x := range doc.Nums {
		nm := &num{abstract: x.Abstract.Val, starts: map[int]int{}}
		for _, o := range x.Overrides {
			i, err := strconv.Atoi(o.Level)
			if o.Start == nil || err != nil || i < 0 || i >= 9 {
				continue
			}
			if s, err := strconv.Atoi(o.Start.Val); err == nil {
				nm.starts[i] = s
			}
		}
		n.nums[x.ID] = nm
	}
	return n, nil
}

// next counts a paragraph of the list id at level lvl and returns what Word shows: whether it
// is a list at all (a numId of 0, or of no list, is none; nor is a level that shows nothing),
// whether it is numbered rather than bulleted, and its number.
func (n *numbering) next(id string, lvl int) (isList, ordered bool, label string) {
	nm, ok := n.nums[id]
	if !ok {
		return false, false, ""
	}
	levels, ok := n.abstracts[nm.abstract]
	if !ok || levels[lvl] == nil {
		return true, false, ""
	}
	l := levels[lvl]
	if l.format == "none" && !strings.Contains(l.text, "%") {
		return l.text != "", false, ""
	}
	counts, ok := n.counts[nm.abstract]
	if !ok {
		counts = &[9]int{}
		n.counts[nm.abstract] = counts
	}
	if !n.started[id] {
		n.started[id] = true
		for i := range nm.starts {
			counts[i] = 0
		}
	}
	start := func(i int) int {
		if s, ok := nm.starts[i]; ok {
			return s
		}
		if levels[i] != nil {
			return levels[i].start
		}
		return 1
	}
	if counts[lvl] == 0 {
		counts[lvl] = start(lvl)
	} else {
		counts[lvl]++
	}
	for i := lvl + 1; i < 9; i++ {
		counts[i] = 0
	}
	if l.format == "bullet" {
		return true, false, ""
	}
	var b strings.Builder
	for i := 0; i < len(l.text); i++ {
		c := l.text[i]
		if c == '%' && i+1 < len(l.text) && l.text[i+1] >= '1' && l.text[i+1] <= '9' {
			k := int(l.text[i+1] - '1')
			count := counts[k]
			if count == 0 {
				count = start(k)
			}
			format := "decimal"
			if levels[k] != nil {
				format = levels[k].format
			}
			b.WriteString(number(count, format))
			i++
			continue
		}
		b.WriteByte(c)
	}
	return true, l.format != "none", b.String()
}

// number writes n as the numbering format says, in decimal where it cannot.
func number(n int, format string) string {
	switch format {
	case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting":
		if s := chineseNumber(n); s != "" {
			return s
		}
	case "chineseLegalSimplified":
		if s := chineseNumber(n); s != "" {
			return strings.NewReplacer("一", "壹", "二", "贰", "三", "叁", "四", "肆", "五", "伍", "六", "陆", "七", "柒", "八", "捌", "九", "玖", "十", "拾", "百", "佰").Replace(s)
		}
	case "ideographTraditional":
		return cycle(n, "甲乙丙丁戊己庚辛壬癸")
	case "ideographZodiac":
		return cycle(n, "子丑寅卯辰巳午未申酉戌亥")
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if n >= 1 && n <= 20 {
			return string(rune(0x2460 + n - 1))
		}
	case "decimalEnclosedParen":
		if n >= 1 && n <= 20 {
			return string(rune(0x2474 + n - 1))
		}
	case "decimalEnclosedFullstop":
		if n >= 1 && n <= 20 {
			return string(rune(0x2488 + n - 1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		return strings.Map(func(r rune) rune { return r - '0' + '０' }, strconv.Itoa(n))
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "upperLetter", "lowerLetter":
		if n >= 1 {
			letter := string(rune('A' + (n-1)%26))
			if format == "lowerLetter" {
				letter = strings.ToLower(letter)
			}
			return strings.Repeat(letter, (n-1)/26+1)
		}
	case "upperRoman", "lowerRoman":
		if s := roman(n); s != "" {
			if format == "lowerRoman" {
				return strings.ToLower(s)
			}
			return s
		}
	}
	return strconv.Itoa(n)
}

// cycle returns the nth of the characters of signs, counting from 1 and round again after
// the last.
func cycle(n int, signs string) string {
	rs := []rune(signs)
	if n < 1 {
		return strconv.Itoa(n)
	}
	return string(rs[(n-1)%len(rs)])
}

// chineseNumber writes 1 to 9999 in Chinese numerals as counted: 十一, 二十, 一百零五; "" for
// any other number.
func chineseNumber(n int) string {
	const digits = "零一二三四五六七八九"
	digit := func(d int) string { return string([]rune(digits)[d]) }
	if n < 1 || n > 9999 {
		return ""
	}
	if n >= 10 && n < 20 {
		s := "十"
		if n > 10 {
			s += digit(n - 10)
		}
		return s
	}
	var b strings.Builder
	units := []struct {
		value int
		name  string
	}{{1000, "千"}, {100, "百"}, {10, "十"}, {1, ""}}
	zero := false
	for _, u := range units {
		d := n / u.value % 10
		switch {
		case d == 0 && b.Len() > 0:
			zero = true
		case d != 0:
			if zero {
				b.WriteString("零")
				zero = false
			}
			b.WriteString(digit(d) + u.name)
		}
	}
	return b.String()
}

// roman writes 1 to 3999 in Roman numerals; "" for any other number.
func roman(n int) string {
	if n < 1 || n > 3999 {
		return ""
	}
	values := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	signs := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range values {
		for n >= v {
			b.WriteString(signs[i])
			n -= v
		}
	}
	return b.String()
}
