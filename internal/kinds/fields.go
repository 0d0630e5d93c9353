package kinds

import (
	"cmp"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Field is a front-matter key, read from its struct field's tags.
type Field struct {
	Key   string
	Label string // in simplified characters
	Help  string
	Type  reflect.Type // string, int, time.Time, []string, []Segment …
	// Sum says that a metric's sum: rule may add the number up.
	Sum bool
	// Fact is the place of the key among the facts an article states (see Matter.Facts), from
	// 1; 0 for a key that is not one.
	Fact int
	// Fields are the keys of each item of a list of structs, such as segments:.
	Fields []Field

	index []int
}

// Fields lists the front-matter keys of the kind's pages: those every page has, then the
// kind's own, each in the order of its struct.
func (k Kind) Fields() []Field {
	return fieldsOf(reflect.TypeOf(k.decoding()).Elem())
}

// Sums lists the keys of the numbers of the kind's pages that a metric's sum: rule may add up.
func (k Kind) Sums() []string {
	var keys []string
	for _, f := range k.Fields() {
		if f.Sum {
			keys = append(keys, f.Key)
		}
	}
	return keys
}

// Sum returns the number at key of the page's own keys, when the key is one that a sum may
// add up.
func (m *Matter) Sum(key string) (float64, bool) {
	v := reflect.ValueOf(m).Elem()
	for i := range v.NumField() {
		own := v.Field(i)
		if own.Kind() != reflect.Pointer || own.IsNil() {
			continue
		}
		for _, f := range fieldsOf(own.Type().Elem()) {
			if f.Key == key && f.Sum {
				return float64(own.Elem().FieldByIndex(f.index).Int()), true
			}
		}
	}
	return 0, false
}

// A Fact is a key of a page that an article states, with its label, and its value: a
// string, an int, a time.Time or a []Segment, never empty.
type Fact struct {
	Key, Label string
	Value      any
}

// Facts returns what the page's keys say that a news article states, in the order a reader
// expects it: when (日期), where (地点), who spoke or hosted (主讲人, 主持人), how many came
// (参加人次), what was done (活动流程); the keys marked fact: in the structs. Keys left empty
// are left out.
func (m *Matter) Facts() []Fact {
	type placed struct {
		Fact
		place int
	}
	var found []placed
	v := reflect.ValueOf(m).Elem()
	for i := range v.NumField() {
		own := v.Field(i)
		switch {
		case own.Kind() == reflect.Pointer && !own.IsNil():
			own = own.Elem()
		case own.Kind() != reflect.Struct:
			continue
		}
		for _, f := range fieldsOf(own.Type()) {
			value := own.FieldByIndex(f.index)
			if f.Fact > 0 && !value.IsZero() && !(value.Kind() == reflect.Slice && value.Len() == 0) {
				found = append(found, placed{Fact{Key: f.Key, Label: f.Label, Value: value.Interface()}, f.Fact})
			}
		}
	}
	slices.SortStableFunc(found, func(a, b placed) int { return cmp.Compare(a.place, b.place) })
	facts := make([]Fact, len(found))
	for i, f := range found {
		facts[i] = f.Fact
	}
	return facts
}

// fieldCache holds fieldsOf's answer per struct type: metrics ask for thousands of pages.
var fieldCache sync.Map // reflect.Type → []Field

// fieldsOf reads the keys of a struct type from its fields' tags, flattening embedded structs.
func fieldsOf(t reflect.Type) []Field {
	if cached, ok := fieldCache.Load(t); ok {
		return cached.([]Field)
	}
	var fields []Field
	for _, sf := range reflect.VisibleFields(t) {
		key, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		if !sf.IsExported() || sf.Anonymous || key == "" || key == "-" {
			continue
		}
		fact, _ := strconv.Atoi(sf.Tag.Get("fact"))
		f := Field{Key: key, Label: sf.Tag.Get("label"), Help: sf.Tag.Get("help"), Type: sf.Type, Sum: sf.Tag.Get("sum") != "", Fact: fact, index: sf.Index}
		if sf.Type.Kind() == reflect.Slice && sf.Type.Elem().Kind() == reflect.Struct {
			f.Fields = fieldsOf(sf.Type.Elem())
		}
		fields = append(fields, f)
	}
	fieldCache.Store(t, fields)
	return fields
}
