package corpus

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// field is a front-matter key and its value: a string, int, bool, time.Time (a date at
// midnight UTC, else a time with its zone), a list
// of strings, a list of records ([][]field) or a map of numbers ([]field). A nil value
// leaves the key out.
type field struct {
	key   string
	value any
}

// frontMatter writes fields between --- lines, in the block style editors write.
func frontMatter(fields []field) string {
	var b strings.Builder
	b.WriteString("---\n")
	writeFields(&b, fields, "")
	b.WriteString("---\n")
	return b.String()
}

func writeFields(b *strings.Builder, fields []field, indent string) {
	for _, f := range fields {
		switch v := f.value.(type) {
		case nil:
		case []string:
			quoted := make([]string, len(v))
			for i, s := range v {
				quoted[i] = scalar(s)
			}
			fmt.Fprintf(b, "%s%s: [%s]\n", indent, f.key, strings.Join(quoted, ", "))
		case [][]field:
			if len(v) == 0 {
				fmt.Fprintf(b, "%s%s: []\n", indent, f.key)
				continue
			}
			fmt.Fprintf(b, "%s%s:\n", indent, f.key)
			for _, record := range v {
				var item strings.Builder
				writeFields(&item, record, indent+"    ")
				b.WriteString(indent + "  - " + strings.TrimPrefix(item.String(), indent+"    "))
			}
		case []field:
			fmt.Fprintf(b, "%s%s:\n", indent, f.key)
			writeFields(b, v, indent+"  ")
		default:
			fmt.Fprintf(b, "%s%s: %s\n", indent, f.key, value(v))
		}
	}
}

func value(v any) string {
	switch v := v.(type) {
	case string:
		return scalar(v)
	case time.Time:
		if v.Location() == time.UTC && v.Equal(v.Truncate(24*time.Hour)) {
			return v.Format(time.DateOnly)
		}
		return v.Format(time.RFC3339)
	}
	return fmt.Sprint(v)
}

// scalar writes a string plain where YAML reads it back as the same string, quoted elsewhere.
func scalar(s string) string {
	if s == "" || strings.ContainsAny(s, ":#[]{},&*!|>'\"%@`") || strings.TrimSpace(s) != s {
		return strconv.Quote(s)
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return strconv.Quote(s)
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "~":
		return strconv.Quote(s)
	}
	return s
}
