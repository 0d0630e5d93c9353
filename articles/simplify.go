package articles

import (
	"strings"
	"sync"
	"unicode"

	"github.com/dangjian/dangjian/internal/hygiene"
	"github.com/longbridgeapp/opencc"
)

// t2s is OpenCC's traditional-to-simplified converter, made once: it builds its dictionaries
// from the tables embedded in the package.
var t2s = sync.OnceValues(func() (*opencc.OpenCC, error) { return opencc.New("t2s") })

// cleaner turns the site's text into the civilization website's: the 字(pīnyīn) garbage
// removed, then traditional characters converted to simplified, and the corner brackets of
// traditional writing made the quotation marks of simplified. It keeps the first error of
// the converter, so that callers can convert many strings and check once.
type cleaner struct {
	cc  *opencc.OpenCC
	err error
}

func newCleaner() (*cleaner, error) {
	cc, err := t2s()
	if err != nil {
		return nil, err
	}
	return &cleaner{cc: cc}, nil
}

// clean returns s without garbage, in simplified characters.
func (c *cleaner) clean(s string) string {
	if c.err != nil {
		return s
	}
	if !hasHan(s) {
		return cornerQuotes.Replace(s)
	}
	out, err := c.cc.Convert(hygiene.RemoveGarbage(s))
	if err != nil {
		c.err = err
		return s
	}
	return cornerQuotes.Replace(out)
}

// cornerQuotes turns 「」 and 『』, the quotation marks of traditional writing, which OpenCC
// keeps, into “” and ‘’, those of simplified (GB/T 15834), as the websites print them. Each
// mark stays one character, so a column counted in the converted text is the page's.
var cornerQuotes = strings.NewReplacer("「", "“", "」", "”", "『", "‘", "』", "’")

// cleanAll cleans each string of a list.
func (c *cleaner) cleanAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = c.clean(s)
	}
	return out
}

// hasHan reports whether s holds a Chinese character: most text nodes of a page are the
// white space between its blocks, and need no conversion.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
