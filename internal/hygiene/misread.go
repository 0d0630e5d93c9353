package hygiene

import (
	"bytes"
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/msg"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// misread finds text that was read from GBK one byte out of step. A GBK character is two
// bytes; when a reader loses the first byte of one (a buffer that ends between them, or the
// pinyin garbage written into the middle of one), it writes "?" for it and pairs the rest
// wrongly until an ASCII byte brings it back in step. 確保“兩學 comes out as 確?!皟蓪W: 保 is
// B1 A3, and A3 A1 B0 83 C9 8C 57 read from A3 are ！皟蓪W, where they were 保“兩學 read
// from B1. Encoding the run again and reading it in step gives back every character but the
// lost one, of which only the second byte is known; it is the one of the 126 characters with
// that byte that the file writes beside the same neighbour (確保 elsewhere), or, when the
// garbage was written in, the one that its pinyin leaves. Unless all of it is certain, the
// run is reported with what it reads and left alone.
//
// misread finds the runs, which a "?" or U+FFFD after a Chinese character starts, and
// reports a U+FFFD that starts none; a "?" is left to punctuation. A line where a character
// was lost without a run that tells it is marked: its characters are not certain enough to
// convert. tellMisread tells what the runs stand for.
func (t *text) misread() {
	for i := 0; i < len(t.norm); {
		j := bytes.IndexAny(t.norm[i:], "?\uFFFD")
		if j < 0 {
			return
		}
		i += j
		r, size := utf8.DecodeRune(t.norm[i:])
		if run := t.misreadAt(i, size); run != nil {
			t.runs = append(t.runs, run)
			i = run.end
			continue
		}
		if r == utf8.RuneError && size == 3 {
			t.report(diag.Errorf(diag.Position{}, msg.ReplacementCharacter), i, msg.Message{})
		}
		if prev, _ := t.beforeGarbage(i); (r != '?' || t.lostAt(i)) && isCJK(prev) {
			t.lostOn[t.lineStart(i)] = true
		}
		i += size
	}
}

// tellMisread works out what the garbled runs that misread found stand for, and reports them.
// A repair is evidence for the others (確保 told, 確保 is written), so the evidence is counted
// in the file as --fix leaves it, and telling goes on until the repairs tell no more runs: a
// second --fix then sees what the first did. It comes after the garbage is found, which
// would hide words from the evidence (確(què)保).
func (t *text) tellMisread() {
	for told := len(t.runs) > 0 && len(t.runs) <= mostRuns; told; {
		told = false
		evidence := bigrams(t.repaired())
		for _, run := range t.runs {
			if run.repair == "" {
				if c, ok := run.choose(evidence); ok {
					if repair, settled := t.inSiteScript(string(c) + run.text); settled {
						run.repair, told = repair, true
					}
				}
			}
		}
	}
	for _, run := range t.runs {
		garbled := string(t.norm[run.at:run.end])
		if run.repair == "" {
			reads, _ := t.inSiteScript(run.text)
			t.report(diag.Errorf(diag.Position{}, msg.MisreadUntold, garbled, run.prev, reads, listed(run.lost)), run.at, msg.Message{})
			continue
		}
		t.report(diag.Errorf(diag.Position{}, msg.Misread, garbled, run.prev, run.repair),
			run.at, msg.New(msg.Rewritten, garbled, run.repair), Edit{Start: run.at, End: run.end, New: run.repair})
	}
}

// misreadRun is a garbled run in the file.
type misreadRun struct {
	inStep
	at, end  int    // its offsets in the file, from the lost character's mark
	prev     rune   // the character before it
	syllable string // the pinyin of garbage written into it, or ""
	lost     []rune // the characters that may have been lost
	repair   string // the text it stands for, once that is certain
}

// first and last return the run's first and last characters as they will read in step, which
// its neighbours see. Which character was lost is not known yet, but all that may have been
// are Chinese.
func (run *misreadRun) first() rune { return run.lost[0] }

func (run *misreadRun) last() rune {
	if r, _ := utf8.DecodeLastRuneInString(run.text); r != utf8.RuneError {
		return r
	}
	return run.lost[0]
}

// runAt returns the garbled run whose start or end, as edge gives it, is offset. The runs
// are found in order and do not overlap, so both are sorted.
func (t *text) runAt(offset int, edge func(*misreadRun) int) (*misreadRun, bool) {
	i, found := slices.BinarySearchFunc(t.runs, offset, func(run *misreadRun, offset int) int { return edge(run) - offset })
	if !found {
		return nil, false
	}
	return t.runs[i], true
}

// mostRuns bounds the garbled runs of a file that are told: a file with more is no text that
// lost a few characters, and reading it again for each one told would take long.
const mostRuns = 64

// longestMisread bounds the characters a garbled run is looked for in; the runs that GBK
// text makes end at its first ASCII letter, and Chinese text has one every few dozen bytes.
const longestMisread = 24

// misreadAt returns the garbled run after the lost character's mark at offset at, size bytes
// long, if there is one, and marks it so that nothing else reports inside it.
func (t *text) misreadAt(at, size int) *misreadRun {
	prev, markAt := t.beforeGarbage(at)
	if full, ok := fullWidth[prev]; ok && prev != '?' {
		// A half-width mark after Chinese is made full-width when the run after it reads as
		// Chinese (確!?!皟 is 確！?!皟): the run is looked for as --fix leaves the mark, so that
		// a second --fix finds nothing new.
		if before, _ := t.beforeGarbage(markAt); isCJK(before) {
			prev, _ = utf8.DecodeRuneInString(full)
		}
	}
	if !isCJK(prev) {
		return nil
	}
	syllable, from := t.pinyinTail(at + size)
	run, ok := readInStep(t.norm[from:min(len(t.norm), t.lineEnd(from))])
	if !ok || syllable == "" && !run.rare {
		return nil
	}
	lost := lostCandidates(run.trail, prev, syllable)
	if len(lost) == 0 {
		return nil
	}
	end := from + run.size
	t.addSkip(span{at, end})
	return &misreadRun{inStep: run, at: at, end: end, prev: prev, syllable: syllable, lost: lost}
}

// beforeGarbage is beforeAt, looking past garbage too, which is found after the garbled runs
// (確(què)?!皟蓪W, 確(què)!?!皟蓪W): misread sees the text as --fix leaves it.
func (t *text) beforeGarbage(offset int) (rune, int) {
	for {
		r, at := t.beforeAt(offset)
		if r != ')' && r != '）' {
			return r, at
		}
		open, ok := garbageBefore(t.norm, at+utf8.RuneLen(r))
		if !ok {
			return r, at
		}
		offset = open
	}
}

// repaired returns the file as --fix will leave it, as far as the evidence for a lost
// character goes: without garbage and invisible characters, and with the runs repaired that
// are told.
func (t *text) repaired() []byte {
	var b bytes.Buffer
	from, k := 0, 0
	for _, s := range t.skip {
		b.Write(t.norm[from:s.start])
		from = s.end
		for ; k < len(t.runs) && t.runs[k].at < s.end; k++ { // a skipped range may hold runs and garbage
			if run := t.runs[k]; run.repair != "" {
				b.WriteString(run.repair)
			} else {
				b.Write(t.norm[run.at:run.end])
			}
		}
	}
	b.Write(t.norm[from:])
	return b.Bytes()
}

// bigrams counts the pairs of characters in text, folded to simplified characters so that
// either script's text is evidence for the other's.
func bigrams(text []byte) map[[2]rune]int {
	counts := map[[2]rune]int{}
	prev := utf8.RuneError
	for _, r := range string(text) {
		r = usualForm(r, kinds.Simplified)
		counts[[2]rune{prev, r}]++
		prev = r
	}
	return counts
}

// inSiteScript returns s with the characters that the site's script has no place for
// converted, and whether each was settled; the run read in step is in the script of the text
// it was converted from.
func (t *text) inSiteScript(s string) (string, bool) {
	if t.writing == nil {
		return s, true
	}
	return t.writing.convert(s)
}

// pinyinTail returns the syllable of the garbage that stands at offset i without its opening
// bracket, which the reader took for the lost character's second byte (或?qū)9榻M), and the
// offset after it; or "" and i.
func (t *text) pinyinTail(i int) (string, int) {
	for _, pair := range brackets {
		if end, ok := pinyinAt(t.norm, i-len(pair[0]), pair); ok {
			return string(t.norm[i : end-len(pair[1])]), end
		}
	}
	return "", i
}

// inStep is a garbled run read again in step.
type inStep struct {
	trail byte   // the lost character's second byte, with which the run starts
	text  string // the characters after the lost one
	size  int    // the bytes of the garbled run in the file
	rare  bool   // whether the garbled run holds a character that Big5 and GB2312 lack
}

// readInStep encodes the garbled characters at the start of b to GBK until reading them in
// step, one byte later, comes back to the same place: at an ASCII letter or sign, which the
// reader out of step took as a character of its own and the reader in step as the second
// byte of one. A full-width form comes out of the reader as its half-width one (！ as !),
// so half-width digits and marks inside the run are encoded as full-width. Pinyin garbage
// inside is passed over.
func readInStep(b []byte) (inStep, bool) {
	var run inStep
	var encoded []byte
	for n := 0; n < longestMisread && run.size < len(b); n++ {
		if end, ok := garbageAt(b, run.size); ok {
			run.size = end // written in after the conversion: not the run's bytes
			continue
		}
		r, size := utf8.DecodeRune(b[run.size:])
		run.size += size
		switch {
		case r >= '@' && r <= '~':
			back := append(encoded, byte(r))
			if text, ok := decodeInStep(back); ok {
				run.text, run.trail = text, back[0]
				return run, true
			}
			encoded = append(encoded, 0xA3, byte(r)+0x80) // a full-width letter, then
		case r >= '!' && r < '@':
			encoded = append(encoded, 0xA3, byte(r)+0x80)
		default:
			pair, ok := gbkPair(r)
			if !ok {
				return run, false
			}
			encoded = append(encoded, pair[:]...)
			run.rare = run.rare || !common(r, pair)
		}
	}
	return run, false
}

// decodeInStep reads b in step from its second byte, in pairs, each one a common character.
func decodeInStep(b []byte) (string, bool) {
	if len(b) == 0 || b[0] < 0x40 || b[0] == 0x7F || b[0] == 0xFF {
		return "", false // not a second byte
	}
	var s strings.Builder
	for i := 1; i+1 < len(b); i += 2 {
		r, ok := gbkRune(b[i], b[i+1])
		if !ok || !common(r, [2]byte{b[i], b[i+1]}) || !isCJK(r) {
			return "", false
		}
		s.WriteRune(r)
	}
	return s.String(), len(b)%2 == 1
}

// lostCandidates returns the common Chinese characters whose second byte is trail. With a
// pinyin syllable, only those are kept whose first byte, read with prev's second, is a
// character with that reading that conversion to traditional characters writes: the one the
// garbage was written after (驅 for 或專, whose bytes are BB F2 8C A3). Marks and the most used
// characters, GB2312's first level, come first.
func lostCandidates(trail byte, prev rune, syllable string) []rune {
	var prevTrail byte
	if syllable != "" {
		pair, ok := gbkPair(prev)
		if !ok {
			return nil
		}
		prevTrail = pair[1]
	}
	var frequent, rest []rune
	for lead := 0x81; lead <= 0xFE; lead++ {
		r, ok := gbkRune(byte(lead), trail)
		if !ok || !isCJK(r) || !common(r, [2]byte{byte(lead), trail}) {
			continue
		}
		if syllable != "" {
			carrier, ok := gbkRune(prevTrail, byte(lead))
			if _, converted := chars().only[kinds.Simplified][carrier]; !ok || !converted || !readsAs(carrier, syllable) {
				continue
			}
		}
		if lead >= 0xA1 && lead <= 0xD7 {
			frequent = append(frequent, r)
		} else {
			rest = append(rest, r)
		}
	}
	return append(frequent, rest...)
}

// readingsTable lists the readings of the characters only traditional text writes, which are
// those that conversion writes garbage after: "驅 qū". It is made by mkchars from go-pinyin.
//
//go:embed readings.txt
var readingsTable string

// readings maps each character of readingsTable to its readings.
var readings = sync.OnceValue(func() map[rune][]string {
	m := map[rune][]string{}
	for line := range strings.Lines(readingsTable) {
		fields := strings.Fields(line)
		if len(fields) < 2 || fields[0] == "#" {
			continue
		}
		c, _ := utf8.DecodeRuneInString(fields[0])
		m[c] = fields[1:]
	}
	return m
})

// readsAs reports whether syllable is one of the readings of r.
func readsAs(r rune, syllable string) bool {
	return slices.Contains(readings()[r], syllable)
}

// choose picks the lost character of the run: the only one, when the garbage's pinyin left
// one; otherwise the only one that the file, counted in evidence, writes beside the
// character before the run or the first one read in step.
func (run *misreadRun) choose(evidence map[[2]rune]int) (rune, bool) {
	if run.syllable != "" && len(run.lost) == 1 {
		return run.lost[0], true
	}
	next, _ := utf8.DecodeRuneInString(run.text)
	best, bestCount, tied := rune(0), 0, false
	for _, c := range run.lost {
		n := evidence[[2]rune{usualForm(run.prev, kinds.Simplified), usualForm(c, kinds.Simplified)}]
		if next != utf8.RuneError {
			n += evidence[[2]rune{usualForm(c, kinds.Simplified), usualForm(next, kinds.Simplified)}]
		}
		switch {
		case n > bestCount:
			best, bestCount, tied = c, n, false
		case n == bestCount && n > 0:
			tied = true
		}
	}
	return best, bestCount > 0 && !tied
}

// listed names a few of the candidates for a lost character.
func listed(candidates []rune) msg.Text {
	const shown = 6
	if len(candidates) <= shown {
		return characters(candidates)
	}
	return msg.New(msg.OrOneOfOthers, characters(candidates[:shown]), len(candidates)-shown)
}

// gbkPair returns r's two bytes in GBK.
func gbkPair(r rune) ([2]byte, bool) {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(string(r)))
	if err != nil || len(b) != 2 {
		return [2]byte{}, false
	}
	return [2]byte{b[0], b[1]}, true
}

// gbkRune returns the character that the bytes lead and trail are in GBK.
func gbkRune(lead, trail byte) (rune, bool) {
	if lead < 0x81 || lead == 0xFF || trail < 0x40 || trail == 0x7F || trail == 0xFF {
		return 0, false
	}
	b, err := simplifiedchinese.GBK.NewDecoder().Bytes([]byte{lead, trail})
	if err != nil {
		return 0, false
	}
	r, size := utf8.DecodeRune(b)
	if r == utf8.RuneError || size != len(b) || unicode.Is(unicode.Co, r) {
		return 0, false
	}
	return r, true
}

// common reports whether r, whose GBK bytes are pair, is in GB2312 or in Big5: the characters
// and marks that Chinese text is written with, where the rest of GBK is rare characters that
// out-of-step reading turns up (皟, 皧).
func common(r rune, pair [2]byte) bool {
	if pair[0] >= 0xA1 && pair[0] <= 0xF7 && pair[1] >= 0xA1 {
		return true
	}
	_, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(string(r)))
	return err == nil
}
