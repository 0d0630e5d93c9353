// Package msg is the catalogue of what dangjian says to the people who use it, each message in
// simplified Chinese and in English, and the printer that says it in the language chosen.
//
// A message is declared once, in the file of its area (build.go, serve.go …), with def: its
// Chinese text and its English text, which is also its key, as golang.org/x/text/message's
// catalogues key messages. Code passes the key and the arguments (diag.Problem, Message) and
// a Printer says them where they are printed. Arguments that are messages themselves, keys,
// and errors are said in the printer's language too.
package msg

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Key is a message's identity: its English text, a format of package fmt. Tests compare keys,
// not text.
type Key string

// chinese holds the Chinese text of every key, filled by the declarations of the package.
var chinese = map[Key]string{}

// def declares a message: its Chinese text, and its English text, its key. The Chinese may
// index its verbs (%[2]s) where its words come in another order.
func def(zh, en string) Key {
	k := Key(en)
	if _, ok := chinese[k]; ok {
		panic("msg: declared twice: " + en) // a programming error, found by any test
	}
	chinese[k] = zh
	return k
}

// englishOne holds the English text of the plural keys for a count of one, "1 error", beside
// the key's "%d errors". Chinese has no plural.
var englishOne = map[Key]string{}

// defPlural declares a message that counts: its Chinese text, and its English text for one and
// for any other number, the key. The count is the first argument.
func defPlural(zh, one, other string) Key {
	k := def(zh, other)
	englishOne[k] = one
	return k
}

// Keys returns every key of the catalogue, sorted: for tests.
func Keys() []Key {
	keys := make([]Key, 0, len(chinese))
	for k := range chinese {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

// ChineseOf returns the Chinese text of k, "" when it is not in the catalogue: for tests.
func ChineseOf(k Key) string { return chinese[k] }

// catalogue is x/text's catalogue of the messages, built when first printed.
var catalogue = sync.OnceValue(func() catalog.Catalog {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for k, zh := range chinese {
		// Errors are not possible: the texts are plain strings.
		_ = b.SetString(language.SimplifiedChinese, string(k), zh)
		if one, ok := englishOne[k]; ok {
			_ = b.Set(language.English, string(k), plural.Selectf(1, "%d", "=1", one, "other", string(k)))
			continue
		}
		_ = b.SetString(language.English, string(k), string(k))
	}
	return b
})

// Printer says messages in one language. A nil *Printer says them in Chinese.
type Printer struct {
	tag language.Tag
}

// The two languages.
var (
	Chinese = &Printer{tag: language.SimplifiedChinese}
	English = &Printer{tag: language.English}
)

func (p *Printer) printer() *message.Printer {
	if p == nil {
		p = Chinese
	}
	printers.once.Do(func() {
		printers.zh = message.NewPrinter(language.SimplifiedChinese, message.Catalog(catalogue()))
		printers.en = message.NewPrinter(language.English, message.Catalog(catalogue()))
	})
	if p.tag == language.English {
		return printers.en
	}
	return printers.zh
}

var printers struct {
	once   sync.Once
	zh, en *message.Printer
}

// IsEnglish reports whether p says messages in English.
func (p *Printer) IsEnglish() bool { return p != nil && p.tag == language.English }

// Sprintf says the message k with args.
func (p *Printer) Sprintf(k Key, args ...any) string {
	if p == nil {
		p = Chinese
	}
	return p.printer().Sprintf(string(k), p.args(k, args)...)
}

// Fprintln writes the message k with args to w, and a line end.
func (p *Printer) Fprintln(w io.Writer, k Key, args ...any) {
	_, _ = io.WriteString(w, p.Sprintf(k, args...)+"\n")
}

// args says the arguments that are messages, keys and errors in p's language, and keeps the
// numbers as written: x/text's printer would group their digits, 2016 as "2,016".
func (p *Printer) args(k Key, args []any) []any {
	out, copied := args, false
	for i, a := range args {
		var said any
		switch a := a.(type) {
		case Key:
			said = p.Sprintf(a)
		case Text:
			said = a.Text(p)
		case error:
			said = p.Err(a)
		case int, int64, uint, uint64, int32:
			if i == 0 && englishOne[k] != "" && p.IsEnglish() {
				continue // the count that chooses the plural's form
			}
			said = plain{a}
		default:
			continue
		}
		if !copied {
			out, copied = append([]any(nil), args...), true
		}
		out[i] = said
	}
	return out
}

// plain is a number printed as package fmt prints it.
type plain struct{ v any }

func (n plain) Format(s fmt.State, verb rune) {
	format := fmt.FormatString(s, verb)
	fmt.Fprintf(s, format, n.v)
}

// Text is what a printer can say: a message and its arguments, a problem, a list of them.
type Text interface {
	Text(p *Printer) string
}

// Message is a message with its arguments, said when it is printed. It is an error, its Error
// in Chinese; a Printer says it in its language.
type Message struct {
	Key  Key
	Args []any
}

// New returns the message k with args.
func New(k Key, args ...any) Message { return Message{Key: k, Args: args} }

// Text says the message in p's language.
func (m Message) Text(p *Printer) string { return p.Sprintf(m.Key, m.Args...) }

func (m Message) Error() string { return m.Text(Chinese) }

// Unwrap returns the errors among the arguments, so that errors.Is sees through the message.
func (m Message) Unwrap() []error {
	var errs []error
	for _, a := range m.Args {
		if err, ok := a.(error); ok {
			errs = append(errs, err)
		}
	}
	return errs
}

// String says the message in Chinese, for %v.
func (m Message) String() string { return m.Error() }

// List joins items in p's language: "甲、乙" or "a, b".
func (p *Printer) List(items []string) string {
	if p.IsEnglish() {
		return strings.Join(items, ", ")
	}
	return strings.Join(items, "、")
}

// Items are words said as a list in the printer's language: 甲、乙 or a, b.
type Items []string

// Text says the items in p's language.
func (l Items) Text(p *Printer) string { return p.List(l) }

// Texts are texts said as a list in the printer's language, each in it too.
type Texts []Text

func (l Texts) Text(p *Printer) string {
	said := make([]string, len(l))
	for i, t := range l {
		said[i] = t.Text(p)
	}
	return p.List(said)
}
