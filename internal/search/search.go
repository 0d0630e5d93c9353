// Package search builds the site's static search index, for Chinese text, which has no spaces
// between words. Every page's title, summary and text are folded (traditional characters to
// simplified, full-width to ASCII, upper case to lower) and cut into character unigrams and
// bigrams; the index maps each gram to the pages holding it. The browser folds a query the
// same way, takes the pages holding all its grams, and keeps those whose folded text holds the
// query itself, which drops the false hits of bigrams that occur apart.
//
// The index is split so that a query loads little of it, however large the site: grams into
// Shards files by a hash of the gram, the pages' titles, links, dates and texts into files of
// PagesPerFile pages, loaded only for candidates. Every file is a script that hands its data
// to the global dangjianSearch.add, because a page opened from disk may load scripts but may
// not fetch files. Output is deterministic: pages are numbered in the order given, keys sorted.
package search

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/msg"
)

// Output files, in the folder Dir of the output, which also holds the search page.
const (
	Dir = "search"
	// URL is the search page's, in the same folder as the index's files, which it loads.
	URL = "/" + Dir + "/"
	// Shards is the number of index files, index-00.js … index-3f.js.
	Shards = 64
	// PagesPerFile is the number of pages in each of pages-000.js, pages-001.js …
	PagesPerFile = 200
	// FoldFile holds the folding table and the word characters, for the browser.
	FoldFile = Dir + "/fold.js"
)

// Doc is a page as the search sees it.
type Doc struct {
	URL     string // the link to the page from the search page
	Title   string
	Date    string // 2016-07-15
	Summary string // the summary of the front matter, if any
	Text    string // the plain text of the body
}

// File is an output file.
type File struct {
	Name string // slash-separated, relative to the output folder
	Data []byte
}

// Files lists the output files of an index of n pages, for the claims of the site model.
func Files(n int) []string {
	names := []string{FoldFile}
	for s := range Shards {
		names = append(names, indexFile(s))
	}
	for f := range (n + PagesPerFile - 1) / PagesPerFile {
		names = append(names, pagesFile(f))
	}
	return names
}

func indexName(shard int) string { return fmt.Sprintf("index-%02x", shard) }
func indexFile(shard int) string { return Dir + "/" + indexName(shard) + ".js" }
func pagesName(file int) string  { return fmt.Sprintf("pages-%03d", file) }
func pagesFile(file int) string  { return Dir + "/" + pagesName(file) + ".js" }

// Build makes the index of docs, numbering them in the order given: give them newest first,
// and the browser ranks newer pages first by their number alone.
func Build(docs []Doc) ([]File, error) {
	f, err := theFolding()
	if err != nil {
		return nil, msg.New(msg.FoldingTable, err)
	}
	runs := f.indexRuns(docs)
	shards := byShard(runs)
	files := make([]File, 1+Shards+(len(docs)+PagesPerFile-1)/PagesPerFile)
	files[0] = File{Name: FoldFile, Data: f.script()}
	var wg sync.WaitGroup
	for s := range Shards {
		wg.Go(func() { files[1+s] = File{Name: indexFile(s), Data: indexScript(s, shards[s], runs)} })
	}
	for i := 1 + Shards; i < len(files); i++ {
		n := i - 1 - Shards
		wg.Go(func() {
			files[i] = File{Name: pagesFile(n), Data: pagesScript(n, docs[n*PagesPerFile:min((n+1)*PagesPerFile, len(docs))])}
		})
	}
	wg.Wait()
	return files, nil
}

// A gram is one or two folded characters packed into a number: the first in the high bits,
// the second (0 for a unigram) in the low 21 bits. Their order is that of the gram's text.
type gram uint64

func unigram(a rune) gram   { return gram(a) << 21 }
func bigram(a, b rune) gram { return gram(a)<<21 | gram(b) }

func (g gram) runes() []rune {
	if second := rune(g & (1<<21 - 1)); second != 0 {
		return []rune{rune(g >> 21), second}
	}
	return []rune{rune(g >> 21)}
}

// shard is the index file of a gram: a hash of its characters that search.js computes too.
func (g gram) shard() int {
	const prime = 1000003
	h := 0
	for _, r := range g.runes() {
		h = (h*31 + int(r)) % prime
	}
	return h % Shards
}

// A posting is a page number shifted left by one, with the low bit set when the page's title
// holds the gram: the browser ranks title hits first without loading any page.
type posting = uint32

// run is the index of a run of pages, made by one goroutine. Grams are numbered in the order
// found; the postings of gram i are postings[offsets[i]:offsets[i+1]], in increasing order.
type run struct {
	grams    []gram
	offsets  []int32
	postings []posting
}

// indexRuns indexes docs on as many goroutines as there are CPUs, each taking a run of pages.
func (f *folding) indexRuns(docs []Doc) []*run {
	workers := max(1, min(runtime.GOMAXPROCS(0), len(docs)/64))
	runs := make([]*run, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			from, to := w*len(docs)/workers, (w+1)*len(docs)/workers
			runs[w] = f.indexRun(docs[from:to], from)
		})
	}
	wg.Wait()
	return runs
}

// indexRun indexes a run of pages numbered from first on. It lists each page's distinct grams
// in flat chunks first, then sorts them into postings by counting, so that no gram has a
// slice of its own to grow: tens of millions of grams go through here on a large site.
func (f *folding) indexRun(docs []Doc, first int) *run {
	x := &indexer{f: f, chars: make([]int32, 0x10000), others: map[rune]int32{}, unigrams: map[rune]int32{},
		pairs: newPairTable(), chunks: [][]int32{make([]int32, 0, chunkSize)}}
	ends := make([]int, len(docs)) // where each page's list ends, counting across chunks
	for i, d := range docs {
		page := int32(i + 1)
		for k, text := range [...]string{d.Title, d.Summary, d.Text} {
			title := int32(0)
			if k == 0 {
				title = -1 << 31
			}
			prev := int32(-1)
			for _, c := range text {
				id := x.unigram(c)
				if id < 0 {
					prev = -1
					continue
				}
				x.list(id, page, title)
				if prev >= 0 {
					x.list(x.bigram(prev, id), page, title)
				}
				prev = id
			}
		}
		ends[i] = x.listed
	}
	r := &run{grams: x.grams, offsets: make([]int32, len(x.grams)+1)}
	for id, s := range x.seen {
		r.offsets[id+1] = r.offsets[id] + s.count
	}
	next := slices.Clone(r.offsets[:len(r.grams)])
	r.postings = make([]posting, x.listed)
	i, page := 0, posting(first)<<1
	at := 0
	for _, chunk := range x.chunks {
		for _, e := range chunk {
			for at == ends[i] {
				i++
				page += 2
			}
			id := e &^ (-1 << 31)
			r.postings[next[id]] = page | posting(uint32(e)>>31)
			next[id]++
			at++
		}
	}
	return r
}

const chunkSize = 1 << 16

// indexer numbers the grams of a run of pages and lists each page's distinct grams.
type indexer struct {
	f *folding
	// chars holds, for each character below U+10000 as written, 2 plus the number of its
	// folded unigram, 1 when it is no letter or number, 0 when not met yet: one look-up
	// folds a character and numbers its unigram.
	chars []int32
	// others does the same for the characters above U+10000, and unigrams numbers the
	// unigrams by their folded character.
	others, unigrams map[rune]int32
	// pairs numbers the bigrams by the numbers of their two unigrams.
	pairs *pairTable
	grams []gram
	seen  []seen
	// chunks list each page's distinct grams: the number, with bit 31 set for the title.
	chunks [][]int32
	listed int
}

// seen says of a gram the last page (from 1) that listed it, and how many did.
type seen struct{ last, count int32 }

// unigram returns the number of the unigram of a character as written, or -1 when it is no
// letter or number.
func (x *indexer) unigram(c rune) int32 {
	if c >= 0 && c < 0x10000 {
		n := x.chars[c]
		if n == 0 {
			n = x.newChar(c) + 2
			x.chars[c] = n
		}
		return n - 2
	}
	n, ok := x.others[c]
	if !ok {
		n = x.newChar(c)
		x.others[c] = n
	}
	return n
}

// newChar numbers the unigram of a character met for the first time, or returns -1.
func (x *indexer) newChar(c rune) int32 {
	folded, word := x.f.fold(c)
	if !word {
		return -1
	}
	id, ok := x.unigrams[folded] // another character may fold to the same
	if !ok {
		id = x.newGram(unigram(folded))
		x.unigrams[folded] = id
	}
	return id
}

// bigram returns the number of the bigram of two unigrams.
func (x *indexer) bigram(a, b int32) int32 {
	key := uint64(a+1)<<32 | uint64(b)
	id, ok := x.pairs.get(key)
	if !ok {
		id = x.newGram(bigram(rune(x.grams[a]>>21), rune(x.grams[b]>>21)))
		x.pairs.put(key, id)
	}
	return id
}

// list lists gram id for page, once.
func (x *indexer) list(id, page, title int32) {
	s := &x.seen[id]
	if s.last == page {
		return
	}
	s.last = page
	s.count++
	chunk := &x.chunks[len(x.chunks)-1]
	if len(*chunk) == chunkSize {
		x.chunks = append(x.chunks, make([]int32, 0, chunkSize))
		chunk = &x.chunks[len(x.chunks)-1]
	}
	*chunk = append(*chunk, id|title)
	x.listed++
}

func (x *indexer) newGram(g gram) int32 {
	x.grams = append(x.grams, g)
	x.seen = append(x.seen, seen{})
	return int32(len(x.grams) - 1)
}

// pairTable numbers pairs of numbers: a hash table with open addressing, twice as fast as a
// map here.
type pairTable struct {
	keys  []uint64 // 0 for an empty slot: no key is 0
	ids   []int32
	used  int
	shift uint // 64 minus the log2 of the table's size
}

func newPairTable() *pairTable {
	const bits = 12
	return &pairTable{keys: make([]uint64, 1<<bits), ids: make([]int32, 1<<bits), shift: 64 - bits}
}

func (t *pairTable) slot(key uint64) uint64 {
	return (key * 0x9E3779B97F4A7C15) >> t.shift
}

func (t *pairTable) get(key uint64) (int32, bool) {
	mask := uint64(len(t.keys) - 1)
	for i := t.slot(key); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case key:
			return t.ids[i], true
		case 0:
			return 0, false
		}
	}
}

func (t *pairTable) put(key uint64, id int32) {
	if 2*(t.used+1) > len(t.keys) {
		old, oldIDs := t.keys, t.ids
		t.keys, t.ids, t.shift = make([]uint64, 2*len(old)), make([]int32, 2*len(old)), t.shift-1
		t.used = 0
		for i, k := range old {
			if k != 0 {
				t.put(k, oldIDs[i])
			}
		}
	}
	mask := uint64(len(t.keys) - 1)
	i := t.slot(key)
	for t.keys[i] != 0 {
		i = (i + 1) & mask
	}
	t.keys[i], t.ids[i] = key, id
	t.used++
}

// gramRef is a gram of one run.
type gramRef struct {
	g   gram
	run int32
	id  int32
}

// byShard sorts the grams of all runs into their shards, each in the order of the grams' text
// and then of the runs, which is page order.
func byShard(runs []*run) [Shards][]gramRef {
	var shards [Shards][]gramRef
	for k, r := range runs {
		for id, g := range r.grams {
			s := g.shard()
			shards[s] = append(shards[s], gramRef{g, int32(k), int32(id)})
		}
	}
	return shards
}

// indexScript writes the index file of a shard: dangjianSearch.add("index-07",{"爱":[…],…}); each
// list holds the first posting and then the differences, which are small numbers.
func indexScript(shard int, refs []gramRef, runs []*run) []byte {
	slices.SortFunc(refs, func(a, b gramRef) int {
		if a.g != b.g {
			return cmp.Compare(a.g, b.g)
		}
		return cmp.Compare(a.run, b.run)
	})
	size := 64
	for _, ref := range refs {
		r := runs[ref.run]
		size += 10 + 3*int(r.offsets[ref.id+1]-r.offsets[ref.id])
	}
	b := make([]byte, 0, size)
	b = append(b, `dangjianSearch.add("`+indexName(shard)+`",{`...)
	var prev posting
	for i, ref := range refs {
		if i == 0 || refs[i-1].g != ref.g {
			if i > 0 {
				b = append(b, "],"...)
			}
			// A gram is letters and numbers only: nothing in it needs escaping.
			b = append(b, '"')
			for _, r := range ref.g.runes() {
				b = utf8.AppendRune(b, r)
			}
			b = append(b, `":[`...)
			prev = 0
		} else {
			b = append(b, ',')
		}
		r := runs[ref.run]
		for j, p := range r.postings[r.offsets[ref.id]:r.offsets[ref.id+1]] {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendUint(b, p-prev)
			prev = p
		}
	}
	if len(refs) > 0 {
		b = append(b, ']')
	}
	return append(b, "});\n"...)
}

// appendUint appends n in decimal; most differences of postings have one or two digits.
func appendUint(b []byte, n uint32) []byte {
	switch {
	case n < 10:
		return append(b, byte('0'+n))
	case n < 100:
		return append(b, byte('0'+n/10), byte('0'+n%10))
	}
	return strconv.AppendUint(b, uint64(n), 10)
}

// pagesScript writes a file of pages: dangjianSearch.add("pages-000",[[url,title,date,summary,text],…]).
func pagesScript(n int, docs []Doc) []byte {
	size := 64
	for _, d := range docs {
		// Line breaks, escaped, take two bytes.
		size += len(d.URL) + len(d.Title) + len(d.Date) + len(d.Summary) + len(d.Text)*17/16 + 16
	}
	b := make([]byte, 0, size)
	b = append(b, `dangjianSearch.add("`+pagesName(n)+`",[`...)
	for i, d := range docs {
		if i > 0 {
			b = append(b, ",\n"...)
		}
		b = append(b, '[')
		for k, s := range [...]string{d.URL, d.Title, d.Date, d.Summary, d.Text} {
			if k > 0 {
				b = append(b, ',')
			}
			b = appendString(b, s)
		}
		b = append(b, ']')
	}
	return append(b, "]);\n"...)
}

// script writes the folding for the browser: the pairs of characters that change, one after
// the other in a string, and the word characters as hexadecimal ranges.
func (f *folding) script() []byte {
	pairs := make([]rune, 0, 2*len(f.pairs))
	for _, p := range f.pairs {
		pairs = append(pairs, p[0], p[1])
	}
	b := []byte(`dangjianSearch.add("fold",{"pairs":`)
	b = appendString(b, string(pairs))
	b = append(b, `,"words":"`...)
	for i, r := range f.wordRanges() {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(r[0]), 16)
		if r[1] != r[0] {
			b = append(b, '-')
			b = strconv.AppendInt(b, int64(r[1]), 16)
		}
	}
	return append(b, "\"});\n"...)
}

// appendString appends s as a JSON string that is also a JavaScript string: quotes,
// backslashes, control characters and the line separators U+2028 and U+2029 escaped.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !special[c] {
			continue
		}
		if c == 0xE2 { // U+2028 and U+2029 are E2 80 A8 and E2 80 A9
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
				b = append(b, s[start:i]...)
				b = append(b, `\u202`...)
				b = append(b, "89"[s[i+2]-0xA8])
				i += 2
				start = i + 1
			}
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, `\n`...)
		case '\t':
			b = append(b, `\t`...)
		default:
			b = append(b, `\u00`...)
			b = append(b, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// special marks the bytes that appendString looks at: those it escapes, and the first byte of
// U+2028 and U+2029.
var special = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'], t[0xE2] = true, true, true
	return t
}()
