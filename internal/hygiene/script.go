package hygiene

import (
	_ "embed"
	"hash/maphash"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/config"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/search"
)

//go:generate go run ./internal/mkchars

// charsTable lists the characters that only one script uses, with their forms in the other:
// "s 并 並 併" (simplified only; traditional 並 or 併), "t 據 据"; marked "s?" and "t?", a few
// that the other script writes too, but only in names or old senses (党, 於); marked "s=" and
// "t=", those both scripts write that the other also writes in other forms (干: 幹, 乾, and 干
// in 若干); and marked "v", the variants of a traditional character (爲 為). It is made by
// mkchars from OpenCC's dictionaries.
//
//go:embed chars.txt
var charsTable string

// forms maps a character to its forms in a script, most usual first.
type forms map[rune][]rune

// table is charsTable read. Each map of forms is by the script the forms are in.
type table struct {
	only     map[string]forms // the characters only the other script writes
	usually  map[string]forms // those the script itself writes only in names or old senses
	both     map[string]forms // those both write, the other also in other forms
	variants map[rune][]rune  // a traditional character → its variants, OpenCC's form first
	// classes are, by script, what each character is to its text: the maps above read for
	// every character of a site's text at the cost of one look-up.
	classes map[string]*classes
}

// class says what a character is to a script's text, a bit each.
type class uint8

const (
	theirs    class = 1 << iota // only the other script writes it (only)
	ours                        // only this script writes it
	names                       // this script writes it only in names (usually)
	shared                      // both write it, this one also in other forms (both)
	variant                     // a variant of a traditional character
	evidenced                   // a form of a character whose form depends on the word
)

// classes holds the class of every character.
type classes struct {
	bmp    [0x10000]class
	astral map[rune]class
}

func (c *classes) of(r rune) class {
	if r >= 0 && r < 0x10000 {
		return c.bmp[r]
	}
	return c.astral[r]
}

func (c *classes) add(r rune, cl class) {
	if r >= 0 && r < 0x10000 {
		c.bmp[r] |= cl
	} else {
		c.astral[r] |= cl
	}
}

var chars = sync.OnceValue(func() table {
	t := table{variants: map[rune][]rune{}}
	for _, m := range []*map[string]forms{&t.only, &t.usually, &t.both} {
		*m = map[string]forms{kinds.Simplified: {}, kinds.Traditional: {}}
	}
	scripts := map[string]string{"s": kinds.Traditional, "t": kinds.Simplified} // the script of the forms
	for line := range strings.Lines(charsTable) {
		fields := strings.Fields(line)
		if len(fields) < 2 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		runes := []rune(strings.Join(fields[1:], ""))
		if fields[0] == "v" {
			for _, c := range runes {
				t.variants[c] = runes
			}
			continue
		}
		kind := map[string]map[string]forms{"": t.only, "?": t.usually, "=": t.both}[fields[0][1:]]
		if script, ok := scripts[fields[0][:1]]; ok && kind != nil && len(runes) > 1 {
			kind[script][runes[0]] = runes[1:]
		}
	}
	t.classes = map[string]*classes{}
	for _, script := range kinds.Scripts {
		cl := &classes{astral: map[rune]class{}}
		t.classes[script] = cl
		for _, m := range []struct {
			forms forms
			class class
		}{{t.only[script], theirs}, {t.only[other(script)], ours}, {t.usually[script], names}, {t.both[script], shared}} {
			for c, f := range m.forms {
				cl.add(c, m.class)
				if m.class != ours && (len(f) > 1 || f[0] == c) {
					for _, r := range f {
						cl.add(r, evidenced)
					}
				}
			}
		}
		for c := range t.both[script] {
			cl.add(c, evidenced)
		}
		if script == kinds.Traditional {
			for c := range t.variants {
				cl.add(c, variant)
			}
		}
	}
	return t
})

// other returns the script that is not script.
func other(script string) string {
	if script == kinds.Traditional {
		return kinds.Simplified
	}
	return kinds.Traditional
}

// Writing is how a site writes: its script, and what its own text shows of it. Of the
// characters that traditional text writes in more than one form (為 or 爲, 裏 or 裡), it
// writes the form site.yaml's characters: pins, or else the one its text writes most; of a
// character whose form depends on the word (并: 並 or 併), the form its text writes beside the
// same neighbours, or its only one; and the values site.yaml lists as the list writes them.
// A check of the script converts to these, on top of OpenCC's phrases. A file is no evidence
// for itself: a page pasted whole from elsewhere, writing 干部 throughout, says nothing of how
// the site writes.
type Writing struct {
	script  string
	classes *classes               // of script
	pinned  []string               // site.yaml's characters
	words   map[string]listedValue // a listed value, folded → as it is listed
	learned *evidence              // what the texts show
	own     *evidence              // what the text being checked adds to learned, or nil
	forms   map[rune]rune          // a variant → the form the site writes
	// texts holds the hashes of the texts learned from, whose evidence a check of one of
	// them takes away.
	texts map[uint64]bool
}

// evidence is what texts show of how they write: how often they write each character that
// is a variant or a form of a character whose form depends on the word, and beside what.
type evidence struct {
	counts map[rune]int
	beside map[besideKey]int
}

// besideKey is a form written beside neighbours.
type besideKey struct {
	neighbours
	form rune
}

// neighbours are a character and the one before or after it (noRune for the other side), all
// folded (search.FoldRune), so that either script's text is evidence for the other's.
type neighbours struct{ before, char, after rune }

// noRune stands for the side of neighbours that is not looked at.
const noRune = -1

// listedValue is a value site.yaml lists, and where.
type listedValue struct {
	value string
	list  msg.Message
}

// Learn returns how the site writes, from its site.yaml and its own text: texts are the
// files, site.yaml and the pages. Lines mostly in the other script than the site's (a
// pasted paragraph) are not evidence.
func Learn(site *config.Site, texts ...[]byte) *Writing {
	w := newWriting(site)
	for _, text := range texts {
		w.learn(w.learned, text)
		w.texts[maphash.Bytes(textSeed, text)] = true
	}
	w.forms = w.chooseForms(nil)
	return w
}

// newWriting returns how the site writes before any text is learned from.
func newWriting(site *config.Site) *Writing {
	w := &Writing{script: site.Script, classes: chars().classes[site.Script], pinned: site.Characters, words: map[string]listedValue{},
		learned: newEvidence(), texts: map[uint64]bool{}}
	for _, l := range site.Lists() {
		for _, v := range l.Values {
			if _, ok := w.words[search.Fold(v)]; !ok {
				w.words[search.Fold(v)] = listedValue{v, msg.New(msg.SiteYAMLList, l.Name)}
			}
		}
	}
	for _, st := range kinds.ProjectStatuses {
		for _, name := range st.Names[max(kinds.ScriptIndex(site.Script), 0)] {
			w.words[search.Fold(name)] = listedValue{name, msg.New(msg.ProjectStatus)}
		}
	}
	return w
}

// textSeed hashes the texts a Writing learned from, for apart.
var textSeed = maphash.MakeSeed()

func newEvidence() *evidence {
	return &evidence{counts: map[rune]int{}, beside: map[besideKey]int{}}
}

// learn adds what text shows to e.
func (w *Writing) learn(e *evidence, text []byte) {
	if w.checked() == "" {
		return
	}
	var runes []rune
	for line := range strings.Lines(string(text)) {
		runes = runes[:0]
		for _, r := range strings.TrimRight(line, "\r\n") {
			runes = append(runes, r)
		}
		if w.inOtherScript(runes) {
			continue
		}
		for k, r := range runes {
			cl := w.classes.of(r)
			if cl&(variant|evidenced) != 0 {
				e.counts[r]++
			}
			if cl&evidenced == 0 {
				continue
			}
			for _, n := range neighboursAt(runes, k) {
				e.beside[besideKey{n, r}]++
			}
		}
	}
}

// chooseForms returns the form the site writes of each variant: the one site.yaml pins, or
// the one its text writes most, OpenCC's when it writes none. families limits the choice to
// those of these characters, all when nil.
func (w *Writing) chooseForms(families []rune) map[rune]rune {
	forms := map[rune]rune{}
	if w.script != kinds.Traditional {
		return forms
	}
	choose := func(family []rune) {
		form := family[0]
		for _, f := range family {
			if slices.Contains(w.pinned, string(f)) {
				form = f
				break
			}
			if w.count(f) > w.count(form) {
				form = f
			}
		}
		for _, f := range family {
			forms[f] = form
		}
	}
	if families == nil {
		for c, family := range chars().variants {
			if family[0] == c {
				choose(family)
			}
		}
	}
	for _, c := range families {
		choose(chars().variants[c])
	}
	return forms
}

// apart returns how the site writes as a check of text sees it: without what text itself
// shows, when it is one of the texts learned from.
func (w *Writing) apart(text []byte) *Writing {
	if !w.texts[maphash.Bytes(textSeed, text)] {
		return w
	}
	own := newEvidence()
	w.learn(own, text)
	v := *w
	v.own = own
	var touched []rune
	for r := range own.counts {
		if w.classes.of(r)&variant != 0 {
			touched = append(touched, r)
		}
	}
	if len(touched) > 0 {
		v.forms = maps.Clone(w.forms)
		maps.Copy(v.forms, v.chooseForms(touched))
	}
	return &v
}

// checked returns the script of the site whose text is checked, "" when it is not: with no
// Writing, or one of a script that is none of kinds.Scripts, of which site.yaml's error tells.
func (w *Writing) checked() string {
	if w == nil || !slices.Contains(kinds.Scripts[:], w.script) {
		return ""
	}
	return w.script
}

// mixed reports whether a text, by how often it writes each character whose form the site's
// text may decide (forms), writes a character both scripts write that the site's own text
// writes in another form too by the word (志, 雜誌): whether it may be a finding there. Of the
// other characters, a finding is in the start set of mayFind, or on a line with one.
func (w *Writing) mixed(forms map[rune]int) bool {
	if w.checked() == "" {
		return false
	}
	for r := range forms {
		if w.classes.of(r)&shared == 0 {
			continue
		}
		for _, f := range chars().both[w.script][r] {
			for _, v := range variantsOf(f) {
				if v != r && w.learned.counts[v] > 0 {
					return true
				}
			}
		}
	}
	return false
}

// formCounts returns how often text writes each character whose form the site's text may decide,
// on every line: a quick count, at least Learn's.
func (w *Writing) formCounts(text []byte) map[rune]int {
	counts := map[rune]int{}
	if w.checked() == "" {
		return counts
	}
	for _, r := range string(text) {
		if w.classes.of(r)&(variant|evidenced) != 0 {
			counts[r]++
		}
	}
	return counts
}

// count returns how often the site writes r.
func (w *Writing) count(r rune) int {
	n := w.learned.counts[r]
	if w.own != nil {
		n -= w.own.counts[r]
	}
	return n
}

// wroteBeside reports whether the site writes f, or a variant of it, beside n.
func (w *Writing) wroteBeside(n neighbours, f rune) bool {
	for _, v := range variantsOf(f) {
		count := w.learned.beside[besideKey{n, v}]
		if w.own != nil {
			count -= w.own.beside[besideKey{n, v}]
		}
		if count > 0 {
			return true
		}
	}
	return false
}

// variantsOf returns the variants of r, r among them.
func variantsOf(r rune) []rune {
	if family, ok := chars().variants[r]; ok {
		return family
	}
	return []rune{r}
}

// form returns the form the site writes of r: itself unless r is a variant.
func (w *Writing) form(r rune) rune {
	if f, ok := w.forms[r]; ok {
		return f
	}
	return r
}

// neighboursAt returns the neighbours of the character at k of runes, before and after.
func neighboursAt(runes []rune, k int) [2]neighbours {
	before, after := utf8.RuneError, utf8.RuneError
	if k > 0 {
		before = search.FoldRune(runes[k-1])
	}
	if k+1 < len(runes) {
		after = search.FoldRune(runes[k+1])
	}
	c := search.FoldRune(runes[k])
	return [2]neighbours{{before, c, noRune}, {noRune, c, after}}
}

// inOtherScript reports whether more characters of runes belong only to the other script
// than only to the site's: a paragraph pasted from a text in the other script.
func (w *Writing) inOtherScript(runes []rune) bool {
	n := 0
	for _, r := range runes {
		switch cl := w.classes.of(r); {
		case cl&theirs != 0:
			n++
		case cl&ours != 0:
			n--
		}
	}
	return n > 0
}

// evidence returns the one of forms that the site writes beside the neighbours of the
// character at k of runes, when it writes one: beside either, or else beside both.
func (w *Writing) evidence(runes []rune, k int, forms []rune) (rune, bool) {
	n := neighboursAt(runes, k)
	var either, both []rune
	for _, f := range forms {
		before, after := w.wroteBeside(n[0], f), w.wroteBeside(n[1], f)
		if before || after {
			either = append(either, f)
		}
		if before && after {
			both = append(both, f)
		}
	}
	switch {
	case len(either) == 1:
		return either[0], true
	case len(both) == 1:
		return both[0], true
	}
	return 0, false
}

// writesBeside reports whether the site writes f beside a neighbour of the character at k.
func (w *Writing) writesBeside(runes []rune, k int, f rune) bool {
	n := neighboursAt(runes, k)
	return w.wroteBeside(n[0], f) || w.wroteBeside(n[1], f)
}

func appendOnce(s []rune, r rune) []rune {
	if slices.Contains(s, r) {
		return s
	}
	return append(s, r)
}

// decision is what the script check makes of a character of the other script.
type decision struct {
	to rune // its form in the site's script, when settled
	// options are its forms in the site's script; more than one and no to when the word
	// decides, and nothing tells which.
	options []rune
	// phrase is the phrase of OpenCC's that settled it, if one did.
	phrase *phrase
}

// decide works out the form in the site's script of the character at k of runes, which the
// other script writes: as the site writes it beside the same neighbours; else as the phrase
// of OpenCC's that holds it converts it (干部 → 幹部); else its one form, or its own when it
// is the usual one (只); else the one of its forms that the site writes. A character that
// none of these settles (个: 個 or 箇, in a site that writes neither) has options and no to.
// Every form is the site's of its variants.
func (w *Writing) decide(runes []rune, k int, phrases *phraseLine) decision {
	c := runes[k]
	raw := chars().only[w.script][c]
	if raw == nil {
		raw = chars().usually[w.script][c]
	}
	if raw == nil {
		raw = chars().both[w.script][c]
	}
	if raw == nil {
		raw = []rune{c} // a variant only
	}
	d := decision{}
	if raw[0] != c {
		raw = slices.DeleteFunc(slices.Clone(raw), func(f rune) bool { return f == c })
	}
	for _, f := range raw {
		d.options = appendOnce(d.options, w.form(f))
	}
	candidates := d.options
	if w.classes.of(c)&theirs == 0 {
		candidates = appendOnce(slices.Clone(candidates), w.form(c))
	}
	if f, ok := w.evidence(runes, k, candidates); ok {
		d.to = f
		return d
	}
	if p, to, ok := phrases.at(k); ok {
		d.to, d.phrase = w.form(to), &p
		return d
	}
	if raw[0] == c || len(d.options) == 1 {
		d.to = d.options[0]
		return d
	}
	var wrote []rune
	for _, f := range d.options {
		if slices.ContainsFunc(variantsOf(f), func(v rune) bool { return w.count(v) > 0 }) {
			wrote = append(wrote, f)
		}
	}
	if len(wrote) == 1 {
		d.to = wrote[0]
	}
	return d
}

// Convert writes the characters of text that script has no place for in its most usual form,
// character by character. Without the phrases that full conversion weighs, it is right for
// short text chosen to convert well, such as the comments of a page template, and not for an
// editor's prose.
func Convert(text, script string) string {
	return strings.Map(func(r rune) rune { return usualForm(r, script) }, text)
}

// usualForm returns r in its most usual form in script, when script has no place for it.
func usualForm(r rune, script string) rune {
	f, ok := chars().only[script][r]
	if !ok {
		f, ok = chars().usually[script][r]
	}
	if ok {
		r = f[0]
	}
	return r
}

// mostShown bounds the characters one finding lists; the rest are counted.
const mostShown = 8

// script finds, in prose, what the site's way of writing has no place for: a value site.yaml
// lists written otherwise than it lists it (节约挖潜 for 節約挖潛), repaired to the list's
// spelling; and, in each line, the characters of the other script, an error repaired as
// decide settles them, each unsettled one an error of its own. In a line mostly in the other
// script (a pasted paragraph), the characters both scripts write are converted too (里 →
// 裏, 筑 → 築), as are variants to the site's forms. Elsewhere such a character is a slip
// where a phrase of OpenCC's writes it otherwise: always when its usual form in the site's
// script is another (干部 → 幹部: 干 is mostly 幹), and when it is itself (布 in 發布, which
// OpenCC writes 發佈) only if the site writes the phrase's form beside the same neighbours. A
// character the site's script writes only in names is warned of when no phrase settles it.
// values are the spans of prose that are whole YAML values.
func (t *text) script(prose, values []span) {
	w := t.writing
	respelled := t.respell(values)
	type line struct {
		start, end int
		// other counts the characters of its prose that only the other script writes, less
		// those only the site's does; candidates are the offsets of those that may be slips.
		other      int
		candidates []int
	}
	var lines []*line
	t.eachRune(prose, func(i int, r rune) {
		cl := w.classes.of(r)
		if cl == 0 || slices.ContainsFunc(respelled, func(s span) bool { return s.start <= i && i < s.end }) {
			return
		}
		if len(lines) == 0 || i >= lines[len(lines)-1].end {
			start := t.lineStart(i)
			lines = append(lines, &line{start: start, end: t.lineEnd(start)})
		}
		l := lines[len(lines)-1]
		switch {
		case cl&theirs != 0:
			l.other++
		case cl&ours != 0:
			l.other--
		}
		if cl&(theirs|names|shared|variant) != 0 {
			l.candidates = append(l.candidates, i)
		}
	})
	for _, l := range lines {
		if len(l.candidates) > 0 {
			t.scriptLine(l.start, l.candidates, l.other > 0)
		}
	}
}

// lineAsRepaired returns the characters of the line that starts at offset start as --fix
// leaves them, garbage and invisible characters deleted and garbled runs read in step, so
// that the words a repair joins are seen; and the offset of each, -1 for those of a run.
func (t *text) lineAsRepaired(start int) (runes []rune, offsets []int) {
	end := t.lineEnd(start)
	runes, offsets = make([]rune, 0, end-start), make([]int, 0, end-start)
	for i := start; i < end; {
		if run, ok := t.runAt(i, func(run *misreadRun) int { return run.at }); ok && run.repair != "" {
			for _, r := range run.repair {
				runes, offsets = append(runes, r), append(offsets, -1)
			}
			i = run.end
			continue
		}
		if s, ok := t.skipped(i); ok {
			i = s.end
			continue
		}
		r, size := utf8.DecodeRune(t.norm[i:end])
		runes, offsets = append(runes, r), append(offsets, i)
		i += size
	}
	return runes, offsets
}

// change is a character of a line that the script check writes otherwise.
type change struct {
	k int // its place in the line
	verdict
}

// verdict is what the script check makes of a character.
type verdict struct {
	to      rune   // the form to write instead, when it is to be written otherwise
	options []rune // its forms in the site's script
	// unsettled says that nothing settles which of its options it takes (个: 個 or 箇).
	unsettled bool
	// word is the phrase that settled a character both scripts write, which a finding
	// lists for it (干部 → 幹部): the word says why.
	word *phrase
	name bool // the site's script writes it only in names, and no phrase settles it
}

// mostlyOther reports whether c, which both scripts write, is in the site's script usually
// another character: 干 (幹), 里 (裏), 后 (後); not 只, nor 群 (a variant of 羣).
func (w *Writing) mostlyOther(c rune) bool {
	f := chars().both[w.script][c]
	return f[0] != c && w.form(f[0]) != w.form(c)
}

// judge returns what the check of the script makes of the character at k of runes; inOther
// says the line is mostly in the other script.
func (w *Writing) judge(runes []rune, k int, phrases *phraseLine, inOther bool) verdict {
	c := runes[k]
	cl := w.classes.of(c)
	only, usually, both := cl&theirs != 0, cl&names != 0, cl&shared != 0
	switch {
	case only || inOther && (usually || both || w.form(c) != c):
		d := w.decide(runes, k, phrases)
		v := verdict{options: d.options, unsettled: d.to == 0}
		if d.to != c {
			v.to = d.to
		}
		if !only {
			v.word = d.phrase
		}
		return v
	case both && w.mostlyOther(c):
		return w.judge(runes, k, phrases, true)
	case usually:
		p, to, ok := phrases.at(k)
		if ok && w.form(to) != w.form(c) {
			return verdict{to: w.form(to), word: &p}
		}
		return verdict{name: !ok}
	case both && w.writesOtherBeside(runes, k): // looked at first: phrases cost more
		if p, to, ok := phrases.at(k); ok && w.form(to) != w.form(c) && w.writesBeside(runes, k, w.form(to)) {
			return verdict{to: w.form(to), word: &p}
		}
	}
	return verdict{}
}

// item lists a change to the character at k of runes, as the line was written: 并 → 並 or 併,
// or by the word that settled it, in the site's forms: 干部 → 幹部.
func (w *Writing) item(runes []rune, k int, v verdict) respelling {
	if v.word == nil {
		return respelling{string(runes[k]), choices(v.options)}
	}
	p := v.word
	converted := make([]rune, len(p.converted))
	for i, r := range p.converted {
		converted[i] = w.form(r)
	}
	return respelling{string(runes[p.start : p.start+len(p.converted)]), []string{string(converted)}}
}

// writesOtherBeside reports whether the site writes another form than the character at k
// of runes, which both scripts write, beside one of its neighbours.
func (w *Writing) writesOtherBeside(runes []rune, k int) bool {
	c := runes[k]
	return slices.ContainsFunc(chars().both[w.script][c], func(f rune) bool {
		return w.form(f) != w.form(c) && w.writesBeside(runes, k, w.form(f))
	})
}

// scriptLine checks the characters of the line that starts at start whose offsets are
// candidates, sorted; inOther says the line is mostly in the other script.
func (t *text) scriptLine(start int, candidates []int, inOther bool) {
	w := t.writing
	runes, offsets := t.lineAsRepaired(start)
	var at []int // the places in the line of the candidates
	for k, j := 0, 0; k < len(runes) && j < len(candidates); k++ {
		for j < len(candidates) && candidates[j] < offsets[k] {
			j++
		}
		if j < len(candidates) && candidates[j] == offsets[k] {
			at = append(at, k)
		}
	}
	var changes []change
	var names []respelling // characters the site's script writes only in names, listed
	namesAt := 0
	for i, v := range w.judgeAll(runes, at, inOther) {
		k := at[i]
		c := runes[k]
		switch {
		case v.to != 0:
			changes = append(changes, change{k, v})
		case v.unsettled:
			t.report(diag.Errorf(diag.Position{}, w.inOther(msg.SimplifiedUnsettled, msg.TraditionalUnsettled), c, alternatives(choices(v.options))),
				offsets[k], msg.Message{})
		case v.name:
			if len(names) == 0 {
				namesAt = offsets[k]
			}
			if item := (respelling{string(c), choices(chars().usually[w.script][c])}); !slices.ContainsFunc(names, item.same) {
				names = append(names, item)
			}
		}
	}
	if len(changes) > 0 {
		t.reportChanges(runes, offsets, changes)
	}
	if len(names) > 0 {
		t.report(diag.Warningf(diag.Position{}, w.inOther(msg.SimplifiedNames, msg.TraditionalNames), shown(names)), namesAt, msg.Message{})
	}
}

// mostPasses bounds the passes of judgeAll over a line: a change that settles another is
// rare, and one that settles one more that settles another rarer.
const mostPasses = 8

// judgeAll returns the verdicts on the characters at the places at of runes, as they read
// once the changes are made: a change may settle another, a neighbour written in the site's
// script making a phrase (麺 → 麪, and then 干麪 is 乾麪).
func (w *Writing) judgeAll(runes []rune, at []int, inOther bool) []verdict {
	current := slices.Clone(runes)
	verdicts := make([]verdict, len(at))
	for pass, changed := 0, true; changed && pass < mostPasses; pass++ {
		changed = false
		phrases := phrasesOf(slices.Clone(current), w.script)
		for i, k := range at {
			if verdicts[i].to != 0 {
				continue
			}
			if verdicts[i] = w.judge(current, k, phrases, inOther); verdicts[i].to != 0 {
				current[k], changed = verdicts[i].to, true
			}
		}
	}
	return verdicts
}

// reportChanges reports the characters of a line to write in the site's script, at the first
// of them, with the edits that write them; none when the line lost a character, which may
// have garbled those after it.
func (t *text) reportChanges(runes []rune, offsets []int, changes []change) {
	var items []respelling
	var done msg.Texts
	var edits []Edit
	told := map[string]bool{}
	for _, ch := range changes {
		if item := t.writing.item(runes, ch.k, ch.verdict); !slices.ContainsFunc(items, item.same) {
			items = append(items, item)
		}
		if d := (respelling{string(runes[ch.k]), alternatives{string(ch.to)}}); !told[d.from+d.to[0]] {
			done, told[d.from+d.to[0]] = append(done, d), true
		}
		at := offsets[ch.k]
		edits = append(edits, Edit{Start: at, End: at + utf8.RuneLen(runes[ch.k]), New: string(ch.to)})
	}
	first := offsets[changes[0].k]
	said := msg.New(msg.Said, done)
	if t.lostOn[t.lineStart(first)] {
		said, edits = msg.Message{}, nil
	}
	t.report(diag.Errorf(diag.Position{}, t.writing.inOther(msg.SimplifiedCharacters, msg.TraditionalCharacters), shown(items)),
		first, said, edits...)
}

// respell reports the values that fold to one site.yaml lists, or to a project's status,
// but are written otherwise, with the edit that writes them as listed; and returns their spans.
func (t *text) respell(values []span) []span {
	var respelled []span
	for _, v := range values {
		text := string(t.norm[v.start:v.end])
		listed, ok := t.writing.words[search.Fold(text)]
		if !ok || listed.value == text {
			continue
		}
		t.report(diag.Errorf(diag.Position{}, msg.Respelled, text, listed.value, listed.list),
			v.start, msg.New(msg.Rewritten, text, listed.value), Edit{Start: v.start, End: v.end, New: listed.value})
		respelled = append(respelled, v)
	}
	return respelled
}

// inOther returns the message for characters of the simplified script, or of the traditional
// one, the other script than the site's.
func (w *Writing) inOther(simplified, traditional msg.Key) msg.Key {
	if other(w.script) == kinds.Simplified {
		return simplified
	}
	return traditional
}

// shown lists the items of a finding, at most mostShown of them, the rest counted.
func shown(items []respelling) msg.Text {
	l := make(msg.Texts, min(len(items), mostShown))
	for i := range l {
		l[i] = items[i]
	}
	if more := len(items) - mostShown; more > 0 {
		return msg.New(msg.AndMore, l, more)
	}
	return l
}

// respelling is an item of a finding: a character or a word as written, and the forms to
// write instead, one or a choice: 干部 → 幹部, 并 → 並 or 併.
type respelling struct {
	from string
	to   alternatives
}

func (r respelling) Text(p *msg.Printer) string { return r.from + " → " + r.to.Text(p) }

func (r respelling) same(o respelling) bool { return r.from == o.from && slices.Equal(r.to, o.to) }

// alternatives are the forms to choose from: 並 or 併.
type alternatives []string

func (a alternatives) Text(p *msg.Printer) string {
	if len(a) == 0 {
		return ""
	}
	s := a[0]
	for _, f := range a[1:] {
		s = p.Sprintf(msg.Or, s, f)
	}
	return s
}

// choices returns characters as the forms to choose from.
func choices(runes []rune) alternatives {
	s := make(alternatives, len(runes))
	for i, r := range runes {
		s[i] = string(r)
	}
	return s
}

// characters lists characters: 。、＃、埃.
func characters(runes []rune) msg.Texts {
	l := make(msg.Texts, len(runes))
	for i, r := range runes {
		l[i] = alternatives{string(r)}
	}
	return l
}

// convert returns s, which is to stand in a text of the site's script, with what the check
// of the script repairs repaired; false when it finds a character that it cannot settle.
func (w *Writing) convert(s string) (string, bool) {
	runes := []rune(s)
	at := make([]int, len(runes))
	for k := range at {
		at[k] = k
	}
	settled := true
	for k, v := range w.judgeAll(runes, at, false) {
		if v.to != 0 {
			runes[k] = v.to
		}
		settled = settled && !v.unsettled
	}
	return string(runes), settled
}
