package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// body writes a page's Markdown: paragraphs under second- and third-level headings, a list,
// emphasis, the page's links, its pictures and, for some, a table.
func body(r *rand.Rand, p *plannedPage) string {
	var b strings.Builder
	b.WriteString("\n" + paragraph(r) + "\n\n")
	for i, h := range pickSome(r, headings, 2+r.IntN(3)) {
		fmt.Fprintf(&b, "## %s\n\n", h)
		for range 1 + r.IntN(3) {
			b.WriteString(paragraph(r) + "\n\n")
		}
		switch {
		case i == 0 && len(p.links) > 0:
			b.WriteString(linksParagraph(r, p) + "\n\n")
		case i == 1:
			for j, item := range pickSome(r, listItems, 2+r.IntN(3)) {
				fmt.Fprintf(&b, "%d. %s。\n", j+1, item)
			}
			b.WriteString("\n")
		case i == 2 && r.IntN(2) == 0:
			fmt.Fprintf(&b, "### %s\n\n%s\n\n", pick(r, activityActs), paragraph(r))
		}
	}
	for i := 1; i < p.photos; i++ {
		fmt.Fprintf(&b, "![%s现场照片之%d](%s)\n\n", p.section.title, i, photoName(i))
	}
	if p.table {
		b.WriteString(table(r, p))
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// paragraph is two to five sentences, one of them perhaps in bold.
func paragraph(r *rand.Rand) string {
	sentences := make([]string, 2+r.IntN(4))
	for i := range sentences {
		sentences[i] = sentence(r)
	}
	if r.IntN(4) == 0 {
		i := r.IntN(len(sentences))
		sentences[i] = "**" + strings.TrimSuffix(sentences[i], "。") + "**。"
	}
	return strings.Join(sentences, "")
}

func sentence(r *rand.Rand) string {
	return pick(r, sentenceOpenings) + "，" + pick(r, sentenceSubjects) + pick(r, sentencePredicates) + "，" + pick(r, sentenceEndings) + "。"
}

// linksParagraph links to the pages p links to, half root-relative, half by source path.
func linksParagraph(r *rand.Rand, p *plannedPage) string {
	var b strings.Builder
	b.WriteString("相关情况还可参阅")
	for i, to := range p.links {
		if i > 0 {
			b.WriteString("、")
		}
		target := to.url()
		if r.IntN(2) == 0 {
			target = to.pathFrom(p)
		}
		fmt.Fprintf(&b, "[%s](%s)", to.title, target)
	}
	b.WriteString("。")
	return b.String()
}

// table is a report's declared figures, or a small table of figures by quarter.
func table(r *rand.Rand, p *plannedPage) string {
	var b strings.Builder
	b.WriteString("| 项目 | 数量 | 说明 |\n|---|---:|---|\n")
	for _, f := range p.fields {
		if declared, ok := f.value.([]field); ok {
			for _, d := range declared {
				fmt.Fprintf(&b, "| %s | %v | 报告数 |\n", d.key, d.value)
			}
			return b.String()
		}
	}
	for q := 1; q <= 4; q++ {
		fmt.Fprintf(&b, "| 第%d季度 | %d | %s |\n", q, r.IntN(50), pick(r, sentenceEndings))
	}
	return b.String()
}
