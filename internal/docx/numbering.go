package docx

import "strings"

// A level is how a list numbers its items at one depth: the format of the number, its text
// (%N the number of level N, from 1), and how many characters wide it hangs left of the text.
type level struct {
	format, text string
	hanging      int
}

// The levels of ordered and bulleted lists, for depth 0, 1, 2 and again from 3: 1. （1） ①;
// ● ○ ■, which Chinese fonts have.
var (
	orderedLevels  = []level{{"decimal", "%N.", 2}, {"decimal", "（%N）", 3}, {"decimalEnclosedCircle", "%N", 2}}
	bulletedLevels = []level{{"bullet", "●", 2}, {"bullet", "○", 2}, {"bullet", "■", 2}}
)

// depths is how deep a list can nest in WordprocessingML.
const depths = 9

// numberingXML returns word/numbering.xml: for each list, ordered when ordered[i], an abstract
// numbering and the numbering of id i + 1 that takes it. Each level's number starts two
// characters in, as a paragraph's first line does, two characters right of its parent's.
func numberingXML(ordered []bool, body Font) string {
	char := int(body.Size) * 10 // the width of a Chinese character in twips
	var b xmlText
	b.WriteString(declaration)
	b.start("w:numbering", "xmlns:w", nsW)
	b.WriteString("\n")
	for i, o := range ordered {
		levels := bulletedLevels
		if o {
			levels = orderedLevels
		}
		b.start("w:abstractNum", "w:abstractNumId", itoa(i+1))
		b.empty("w:multiLevelType", "w:val", "hybridMultilevel")
		for depth := range depths {
			l := levels[depth%len(levels)]
			b.start("w:lvl", "w:ilvl", itoa(depth))
			b.empty("w:start", "w:val", "1")
			b.empty("w:numFmt", "w:val", l.format)
			b.empty("w:lvlText", "w:val", strings.ReplaceAll(l.text, "%N", "%"+itoa(depth+1)))
			b.empty("w:lvlJc", "w:val", "left")
			b.start("w:pPr")
			b.empty("w:ind", "w:left", itoa((2+2*depth+l.hanging)*char), "w:hanging", itoa(l.hanging*char))
			b.end("w:pPr")
			b.end("w:lvl")
		}
		b.end("w:abstractNum")
		b.WriteString("\n")
	}
	for i := range ordered {
		b.start("w:num", "w:numId", itoa(i+1))
		b.empty("w:abstractNumId", "w:val", itoa(i+1))
		b.end("w:num")
		b.WriteString("\n")
	}
	b.end("w:numbering")
	b.WriteString("\n")
	return b.String()
}
