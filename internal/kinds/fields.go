package kinds

import (
	"reflect"
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
		f := Field{Key: key, Label: sf.Tag.Get("label"), Help: sf.Tag.Get("help"), Type: sf.Type, Sum: sf.Tag.Get("sum") != "", index: sf.Index}
		if sf.Type.Kind() == reflect.Slice && sf.Type.Elem().Kind() == reflect.Struct {
			f.Fields = fieldsOf(sf.Type.Elem())
		}
		fields = append(fields, f)
	}
	fieldCache.Store(t, fields)
	return fields
}
