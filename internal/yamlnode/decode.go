// Package yamlnode decodes YAML nodes into typed structs strictly: an unknown key, a value of the
// wrong type or an impossible date is a problem at the node's own line and column, with a
// suggestion for a misspelt key, and every problem of a document is reported, not only the first.
//
// Before decoding, Read reads YAML text as its writer meant it where a Chinese keyboard slipped
// (a full-width colon after a key, tabs or full-width spaces as indentation, full-width digits
// in a date), and names each slip at its place instead of YAML's error; the decoder names the
// slips it sees by the type a key wants (a title starting with "[", a list in 【】).
//
// It reads struct fields through their `yaml:"name"` tags. Embedded structs share their
// parent's keys. Supported field types: string, bool, int, float64, time.Time, slices and
// maps of those, structs, pointers to structs (nil when the key is absent), and slices of
// structs.
package yamlnode

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
	"gopkg.in/yaml.v3"
)

// maxNodes bounds the work of one document: aliases can make a small file expand into a
// huge tree (the "billion laughs"), and a bad file must not stall the build.
const maxNodes = 1 << 20

// Decode decodes node into v, a pointer to a struct, and returns every problem found. file
// names the source in the problems' positions.
func Decode(file string, node *yaml.Node, v any) diag.List {
	d := &decoder{file: file}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.Elem().Kind() != reflect.Struct {
		panic("yamlnode.Decode: v must be a pointer to a struct") // a programming error, not bad input
	}
	d.value(node, rv.Elem(), "")
	return d.problems
}

// CheckAliases reports the alias at which the document, its aliases expanded, would hold
// more than a decoder goes through: an alias of a list of aliases multiplies them (the
// "billion laughs"), and a file of a few lines can stand for billions of values. Decoding
// such a document would stop part way, with problems that name no cause; call this first.
func CheckAliases(file string, doc *yaml.Node) diag.List {
	var problems diag.List
	sizes := map[*yaml.Node]int{}
	total := 0
	var walk func(n *yaml.Node) bool
	walk = func(n *yaml.Node) bool {
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			if total += expandedSize(n.Alias, sizes); total > maxNodes {
				problems.Errorf(Pos(file, n), msg.TooManyAliases, n.Value, maxNodes)
				return false
			}
			return true
		}
		total++
		for _, c := range n.Content {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	walk(doc)
	return problems
}

// expandedSize counts the nodes of n with its aliases expanded, up to just past maxNodes,
// remembering the count of each node in sizes.
func expandedSize(n *yaml.Node, sizes map[*yaml.Node]int) int {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if size, ok := sizes[n]; ok {
		return size
	}
	sizes[n] = maxNodes + 1 // an alias inside its own anchor expands without end
	size := 1
	for _, c := range n.Content {
		size = min(size+expandedSize(c, sizes), maxNodes+1)
	}
	sizes[n] = size
	return size
}

type decoder struct {
	file     string
	problems diag.List
	visited  int
}

// Pos returns the position of node in file.
func Pos(file string, node *yaml.Node) diag.Position {
	return diag.Position{File: file, Line: node.Line, Col: node.Column}
}

// SyntaxError turns a YAML parse error into a problem. yaml.v3 gives no structured position
// for syntax errors, only a "yaml: line N: ..." message, so the line is read from it.
func SyntaxError(file string, err error) diag.Problem {
	said := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(said, "line "); ok {
		if n, after, ok := strings.Cut(rest, ": "); ok {
			if _, scanErr := fmt.Sscanf(n, "%d", &line); scanErr == nil {
				said = after
			}
		}
	}
	if line == 0 {
		line = 1
	}
	return diag.Errorf(diag.Position{File: file, Line: line}, msg.InvalidYAML, said)
}

func (d *decoder) errorf(node *yaml.Node, key msg.Key, args ...any) {
	d.problems.Errorf(Pos(d.file, node), key, args...)
}

var timeType = reflect.TypeFor[time.Time]()

// value decodes node into v. key names the value in messages ("" at the top).
func (d *decoder) value(node *yaml.Node, v reflect.Value, key string) {
	d.visited++
	if d.visited > maxNodes {
		if d.visited == maxNodes+1 {
			d.errorf(node, msg.DocumentTooLarge)
		}
		return
	}
	if node.Kind == yaml.AliasNode {
		node = node.Alias
	}
	if node.Kind == yaml.DocumentNode && len(node.Content) == 1 {
		node = node.Content[0]
	}
	if isNull(node) {
		return // an empty value leaves the zero value; required keys are checked by the caller
	}
	if v.Type() == timeType {
		d.time(node, v, key)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		// An optional part, such as a metric's count rule: nil when absent.
		v.Set(reflect.New(v.Type().Elem()))
		d.value(node, v.Elem(), key)
	case reflect.Struct:
		d.mapping(node, v, key)
	case reflect.Slice:
		d.sequence(node, v, key)
	case reflect.Map:
		d.mapOf(node, v, key)
	case reflect.String:
		if s, ok := d.scalar(node, key, msg.AText); ok {
			v.SetString(s)
		}
	case reflect.Bool:
		if s, ok := d.scalar(node, key, msg.TrueOrFalse); ok {
			b, err := strconv.ParseBool(s)
			if err != nil || node.Tag != "!!bool" {
				d.errorf(node, msg.WantTrueOrFalse, name(key), s)
				return
			}
			v.SetBool(b)
		}
	case reflect.Int:
		if s, ok := d.scalar(node, key, msg.AWholeNumber); ok {
			n, err := strconv.ParseInt(strings.ReplaceAll(s, "_", ""), 0, 64)
			if err != nil || node.Tag != "!!int" || n > math.MaxInt32 || n < math.MinInt32 {
				if !d.quotedValue(node, key, s, msg.ANumber, isWhole) {
					d.errorf(node, msg.WantWhole, name(key), s)
				}
				return
			}
			v.SetInt(n)
		}
	case reflect.Float64:
		if s, ok := d.scalar(node, key, msg.ANumber); ok {
			f, err := strconv.ParseFloat(s, 64)
			if err != nil || (node.Tag != "!!int" && node.Tag != "!!float") || math.IsNaN(f) || math.IsInf(f, 0) {
				if !d.quotedValue(node, key, s, msg.ANumber, isNumber) {
					d.errorf(node, msg.WantNumber, name(key), s)
				}
				return
			}
			v.SetFloat(f)
		}
	default:
		panic("yamlnode: unsupported field type " + v.Type().String())
	}
}

// name names the value of key in a message: the key, or "value" at the top.
func name(key string) any {
	if key == "" {
		return msg.TheValue
	}
	return key
}

func isNull(node *yaml.Node) bool {
	return node.Kind == yaml.ScalarNode && node.Tag == "!!null"
}

// scalar returns the text of a scalar node, or reports that want was expected.
func (d *decoder) scalar(node *yaml.Node, key string, want msg.Key) (string, bool) {
	if node.Kind != yaml.ScalarNode {
		if text, ok := flowText(node); ok && want == msg.AText {
			d.errorf(node, msg.StartsWithBracket, name(key), name(key), Quote(text))
			return "", false
		}
		d.errorf(node, msg.WantGot, name(key), want, kindName(node))
		return "", false
	}
	return node.Value, true
}

// flowText returns a list written on one line in brackets, [通知], as it was written: a value
// that YAML read as a list because it starts with "[".
func flowText(node *yaml.Node) (string, bool) {
	if node.Kind != yaml.SequenceNode || node.Style&yaml.FlowStyle == 0 {
		return "", false
	}
	items := make([]string, len(node.Content))
	for i, item := range node.Content {
		if item.Kind != yaml.ScalarNode || item.Line != node.Line {
			return "", false
		}
		items[i] = item.Value
	}
	return "[" + strings.Join(items, ", ") + "]", true
}

// wideBrackets returns the items of a value written in full-width brackets, 【甲，乙】 or ［甲, 乙］,
// where a list was wanted.
func wideBrackets(s string) ([]string, bool) {
	inner, ok := strings.CutPrefix(s, "【")
	if !ok {
		inner, ok = strings.CutPrefix(s, "［")
	}
	if !ok {
		return nil, false
	}
	for _, closing := range []string{"】", "］", "]"} {
		if items, closed := strings.CutSuffix(inner, closing); closed {
			fields := strings.FieldsFunc(items, func(r rune) bool { return strings.ContainsRune(",，、", r) })
			for i, f := range fields {
				fields[i] = strings.Trim(f, " \t\u3000")
			}
			return fields, true
		}
	}
	return nil, false
}

// chineseQuoted returns the text inside Chinese quotation marks, “…” or ‘…’, that wrap s.
func chineseQuoted(s string) (string, bool) {
	for _, marks := range [][2]string{{"“", "”"}, {"‘", "’"}} {
		if inner, ok := strings.CutPrefix(s, marks[0]); ok {
			if inner, ok := strings.CutSuffix(inner, marks[1]); ok {
				return inner, true
			}
		}
	}
	return "", false
}

// ends returns the first and the last character of s: the brackets or quotation marks that
// wrap it.
func ends(s string) string {
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return string(first) + string(last)
}

// quotedValue reports a value wrapped in Chinese quotation marks that is valid without them, a
// date or a number: the writer meant YAML's quotes, which such a value does not need. It
// reports whether it did.
func (d *decoder) quotedValue(node *yaml.Node, key, s string, what msg.Key, valid func(string) bool) bool {
	inner, ok := chineseQuoted(s)
	if !ok || !valid(inner) {
		return false
	}
	d.errorf(node, msg.ChineseQuotesValue, ends(s), name(key), what, name(key), inner)
	return true
}

// kindName says what node is: a map of keys, a list, or the text it holds.
func kindName(node *yaml.Node) any {
	switch node.Kind {
	case yaml.MappingNode:
		return msg.AMapOfKeys
	case yaml.SequenceNode:
		return msg.AList
	}
	return msg.New(msg.QuotedText, node.Value)
}

// DateLayouts are the forms a date may take: a day, or an RFC 3339 time.
var DateLayouts = []string{"2006-01-02", time.RFC3339}

// ParseDate parses a date in one of DateLayouts. A day has no zone: it is taken as UTC so
// that the same source gives the same output on every machine.
func ParseDate(s string) (time.Time, error) {
	for _, layout := range DateLayouts {
		t, err := time.Parse(layout, s)
		if err == nil {
			return t, nil
		}
		// time.Parse says "day out of range" for 2016-02-30: the form is right, the day is not.
		if pe, ok := err.(*time.ParseError); ok && strings.Contains(pe.Message, "out of range") {
			return time.Time{}, msg.New(msg.ImpossibleDate, s, strings.TrimPrefix(pe.Message, ": "))
		}
	}
	return time.Time{}, msg.New(msg.WantDate, s)
}

func isDate(s string) bool {
	_, err := ParseDate(s)
	return err == nil
}

func isWhole(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

func (d *decoder) time(node *yaml.Node, v reflect.Value, key string) {
	s, ok := d.scalar(node, key, msg.ADate)
	if !ok {
		return
	}
	t, err := ParseDate(s)
	if err != nil {
		if !d.quotedValue(node, key, s, msg.ADate, isDate) {
			d.errorf(node, msg.KeyProblem, name(key), err)
		}
		return
	}
	v.Set(reflect.ValueOf(t))
}

func (d *decoder) sequence(node *yaml.Node, v reflect.Value, key string) {
	if node.Kind != yaml.SequenceNode {
		if items, ok := wideBrackets(node.Value); ok && node.Kind == yaml.ScalarNode {
			d.errorf(node, msg.WideBrackets, ends(node.Value), name(key), name(key), strings.Join(items, ", "))
			return
		}
		d.errorf(node, msg.WantList, name(key), kindName(node))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(node.Content), len(node.Content))
	for i, item := range node.Content {
		d.value(item, s.Index(i), fmt.Sprintf("%s[%d]", key, i))
	}
	v.Set(s)
}

func (d *decoder) mapOf(node *yaml.Node, v reflect.Value, key string) {
	if node.Kind != yaml.MappingNode {
		d.errorf(node, msg.WantMap, name(key), kindName(node))
		return
	}
	m := reflect.MakeMapWithSize(v.Type(), len(node.Content)/2)
	for i := 0; i+1 < len(node.Content); i += 2 {
		k, val := node.Content[i], node.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, msg.KeysOfPlainText, name(key))
			continue
		}
		if m.MapIndex(reflect.ValueOf(k.Value)).IsValid() {
			d.errorf(k, msg.KeyOfTwice, name(key), k.Value)
			continue
		}
		elem := reflect.New(v.Type().Elem()).Elem()
		d.value(val, elem, key+"."+k.Value)
		m.SetMapIndex(reflect.ValueOf(k.Value), elem)
	}
	v.Set(m)
}

func (d *decoder) mapping(node *yaml.Node, v reflect.Value, key string) {
	if node.Kind != yaml.MappingNode {
		d.errorf(node, msg.WantMap, name(key), kindName(node))
		return
	}
	fields := Fields(v.Type())
	seen := make(map[string]bool, len(node.Content)/2)
	for i := 0; i+1 < len(node.Content); i += 2 {
		k, val := node.Content[i], node.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, msg.KeysPlainText)
			continue
		}
		if seen[k.Value] {
			d.errorf(k, msg.KeyTwice, k.Value)
			continue
		}
		seen[k.Value] = true
		index, ok := fields[k.Value]
		if !ok {
			d.problems.Add(diag.Problem{Pos: Pos(d.file, k), Message: unknownKey(k.Value, fields)})
			continue
		}
		d.value(val, v.FieldByIndex(index), k.Value)
	}
}

// fieldCache holds Fields' answer per struct type: a build decodes the same few types
// thousands of times.
var fieldCache sync.Map // reflect.Type → map[string][]int

// Fields maps the YAML keys of a struct type to field indexes, flattening embedded structs.
// The map is shared: do not change it.
func Fields(t reflect.Type) map[string][]int {
	if cached, ok := fieldCache.Load(t); ok {
		return cached.(map[string][]int)
	}
	fields := map[string][]int{}
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() || f.Anonymous {
			continue
		}
		tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if tag == "" || tag == "-" {
			continue
		}
		fields[tag] = f.Index
	}
	fieldCache.Store(t, fields)
	return fields
}

// unknownKey says that key is not one of fields, with the nearest known key as a suggestion.
func unknownKey(key string, fields map[string][]int) msg.Message {
	known := make([]string, 0, len(fields))
	for k := range fields {
		known = append(known, k)
	}
	if near := Nearest(key, known); near != "" {
		return msg.New(msg.UnknownKeyDidYouMean, key, near)
	}
	return msg.New(msg.UnknownKey, key)
}

// Nearest returns the candidate closest to word by edit distance, when it is close enough to
// be a likely misspelling, and "" otherwise. Ties go to the alphabetically first candidate.
func Nearest(word string, candidates []string) string {
	best, bestDist := "", math.MaxInt
	w := []rune(strings.ToLower(word))
	for _, c := range candidates {
		dist := editDistance(w, []rune(strings.ToLower(c)))
		if dist < bestDist || (dist == bestDist && c < best) {
			best, bestDist = c, dist
		}
	}
	// Close enough: a third of the word may differ, and at least one character must match.
	if bestDist < len(w) && bestDist <= max(1, len(w)/3) {
		return best
	}
	return ""
}

// editDistance counts the insertions, deletions, substitutions and swaps of neighbours that
// turn a into b (the optimal string alignment distance): "titel" is one swap from "title".
func editDistance(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}
