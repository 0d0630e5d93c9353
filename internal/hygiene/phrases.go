package hygiene

import (
	"sync"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/search"
	"github.com/longbridgeapp/opencc"
)

// phraseDict is OpenCC's dictionary of the phrases whose characters' forms in a script depend
// on the word (干部 → 幹部, 若干 → 若干), read through the trie the converter builds.
type phraseDict struct {
	// jump follows path from a node of the trie; value is the index in values of a node's
	// phrase. They are the trie's methods: the package keeps its types to itself.
	jump    func(path []byte, from int) (int, error)
	value   func(id int) (int, error)
	values  [][]string
	longest int // in characters
}

// phraseFiles name, by the script converted to, the dictionary of phrases of OpenCC's
// conversion, and the conversion.
var phraseFiles = map[string][2]string{
	kinds.Traditional: {"s2t", "STPhrases.ocd2"},
	kinds.Simplified:  {"t2s", "TSPhrases.ocd2"},
}

// phraseDicts builds each script's dictionary once, when a text first needs it: OpenCC builds
// its trie from the table embedded in its package, a tenth of a second for the 49,000
// phrases of STPhrases. Without one (the package changed), no phrase settles a word.
var phraseDicts = map[string]func() *phraseDict{
	kinds.Traditional: sync.OnceValue(func() *phraseDict { return newPhraseDict(kinds.Traditional) }),
	kinds.Simplified:  sync.OnceValue(func() *phraseDict { return newPhraseDict(kinds.Simplified) }),
}

func newPhraseDict(script string) *phraseDict {
	files := phraseFiles[script]
	cc, err := opencc.New(files[0])
	if err != nil {
		return nil
	}
	for _, group := range cc.DictChains {
		for i, file := range group.Files {
			if file != files[1] {
				continue
			}
			trie := group.Dicts[i].Trie
			d := &phraseDict{jump: trie.Jump, value: trie.Value, values: group.Dicts[i].Values}
			for _, id := range trie.PrefixPredict(nil, 0) {
				if key, err := trie.Key(id); err == nil {
					d.longest = max(d.longest, utf8.RuneCount(key))
				}
			}
			return d
		}
	}
	return nil
}

// phraseLine is a line of text whose phrases are looked up.
type phraseLine struct {
	script string
	runes  []rune
	dict   *phraseDict
	key    []byte // the line in the script of the dictionary's phrases, UTF-8, once looked up
	ends   []int  // the offset in key of each character, and the end
}

// phrasesOf readies a line, written in runes, for converting to script.
func phrasesOf(runes []rune, script string) *phraseLine {
	return &phraseLine{script: script, runes: runes}
}

// ready reads the dictionary and writes the key of the line, once: for traditional, the
// phrases are simplified, and the line is looked up folded to simplified characters.
func (l *phraseLine) ready() {
	if l.ends != nil {
		return
	}
	l.dict = phraseDicts[l.script]()
	l.ends = make([]int, 0, len(l.runes)+1)
	for _, r := range l.runes {
		l.ends = append(l.ends, len(l.key))
		if l.script == kinds.Traditional {
			r = search.FoldRune(r)
		}
		l.key = utf8.AppendRune(l.key, r)
	}
	l.ends = append(l.ends, len(l.key))
}

// phrase is a phrase of OpenCC's found in a line: where it starts, and its characters
// converted.
type phrase struct {
	start     int
	converted []rune
}

// at returns the longest phrase of the dictionary that holds the character at k, the first
// of those as long, and the character converted.
func (l *phraseLine) at(k int) (phrase, rune, bool) {
	l.ready()
	d := l.dict
	if d == nil {
		return phrase{}, 0, false
	}
	var best phrase
	for j := max(0, k-d.longest+1); j <= k; j++ {
		from := 0
		for e := j; e < len(l.runes) && e-j < d.longest; e++ {
			to, err := d.jump(l.key[l.ends[e]:l.ends[e+1]], from)
			if err != nil {
				break
			}
			from = to
			n := e - j + 1
			if e < k || n < 2 || n <= len(best.converted) {
				continue
			}
			if id, err := d.value(to); err == nil && id < len(d.values) && len(d.values[id]) > 0 {
				if converted := []rune(d.values[id][0]); len(converted) == n {
					best = phrase{start: j, converted: converted}
				}
			}
		}
	}
	if best.converted == nil {
		return phrase{}, 0, false
	}
	return best, best.converted[k-best.start], true
}
