// Command mkdoc writes the keys of each page kind into docs/editors.md, between the lines
// begin and end, from package kinds: each key with its label, type and help. Run it with go
// generate ./internal/kinds; a test fails while the document differs from what it would write.
package main

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"time"

	"github.com/dangjian/dangjian/internal/kinds"
)

// The lines between which the keys are written.
const (
	begin = "<!-- The keys of each kind: written by go generate ./internal/kinds from internal/kinds; edit them there. -->"
	end   = "<!-- End of the keys of each kind. -->"
)

// doc is docs/editors.md, from the folder of package kinds, where go generate runs.
const doc = "../../docs/editors.md"

func main() {
	if err := run(doc); err != nil {
		fmt.Fprintln(os.Stderr, "mkdoc:", err)
		os.Exit(1)
	}
}

func run(file string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	keys, err := keyTables()
	if err != nil {
		return err
	}
	out, err := splice(string(data), keys)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return os.WriteFile(file, []byte(out), 0o644)
}

// splice puts text between the markers of doc, in place of what is there.
func splice(doc, text string) (string, error) {
	before, rest, ok := strings.Cut(doc, begin+"\n")
	_, after, ok2 := strings.Cut(rest, end+"\n")
	if !ok || !ok2 {
		return "", fmt.Errorf("no lines %q and %q to write the keys between", begin, end)
	}
	return before + begin + "\n" + text + end + "\n" + after, nil
}

// keyTables writes the tables of the keys: those every page has, then each section kind's own.
func keyTables() (string, error) {
	var b strings.Builder
	all := kinds.All
	page := all[len(all)-1] // the plain page: the keys every page has
	b.WriteString("\n每种网页都可以有下面这些键；每一类再加上自己的键，见后面各表。不在各类文件夹里的网页\n")
	fmt.Fprintf(&b, "（如 `content/about.md`）属于 `%s` 类，只有这些键。\n\n", page.Name)
	common := map[string]bool{}
	for _, f := range page.Fields() {
		common[f.Key] = true
	}
	if err := table(&b, page.Fields()); err != nil {
		return "", err
	}
	for _, k := range all[:len(all)-1] {
		fmt.Fprintf(&b, "\n### %s（`%s`），写在 `%s/%s/`\n\n", k.TitleIn(kinds.Simplified), k.Name, kinds.ContentDir, k.Section)
		var own []kinds.Field
		for _, f := range k.Fields() {
			if !common[f.Key] {
				own = append(own, f)
			}
		}
		if err := table(&b, own); err != nil {
			return "", err
		}
		if sums := k.Sums(); len(sums) > 0 {
			fmt.Fprintf(&b, "\n`site.yaml` 里指标的 `sum:` 规则可以把各页的 `%s` 加起来。\n", strings.Join(sums, "`、`"))
		}
	}
	b.WriteString("\n")
	return b.String(), nil
}

// table writes the keys as a Markdown table, each list item's keys after its list's.
func table(b *strings.Builder, fields []kinds.Field) error {
	b.WriteString("| 键 | 名称 | 值 | 怎么写 |\n|---|---|---|---|\n")
	var row func(prefix string, f kinds.Field) error
	row = func(prefix string, f kinds.Field) error {
		typ, err := describe(f)
		if err != nil {
			return err
		}
		fmt.Fprintf(b, "| %s`%s` | %s | %s | %s |\n", prefix, f.Key, cell(f.Label), typ, cell(f.Help))
		for _, item := range f.Fields {
			if err := row(prefix+"`"+f.Key+"` › ", item); err != nil {
				return err
			}
		}
		return nil
	}
	for _, f := range fields {
		if err := row("", f); err != nil {
			return err
		}
	}
	return nil
}

// describe says in words what a key's value is.
func describe(f kinds.Field) (string, error) {
	if f.Fields != nil {
		keys := make([]string, len(f.Fields))
		for i, item := range f.Fields {
			keys[i] = "`" + item.Key + "`"
		}
		return "列表，每项有 " + strings.Join(keys, "、"), nil
	}
	words, err := words(f.Type)
	if err != nil {
		return "", fmt.Errorf("key %s: %w", f.Key, err)
	}
	return words, nil
}

var timeType = reflect.TypeFor[time.Time]()

// words names a type as an editor knows it, in Chinese, as docs/editors.md is written.
func words(t reflect.Type) (string, error) {
	switch {
	case t == timeType:
		return "日期", nil
	case t.Kind() == reflect.String:
		return "文字", nil
	case t.Kind() == reflect.Int:
		return "整数", nil
	case t.Kind() == reflect.Float64:
		return "数字", nil
	case t.Kind() == reflect.Bool:
		return "true 或 false", nil
	case t.Kind() == reflect.Slice:
		item, err := words(t.Elem())
		return item + "的列表", err
	case t.Kind() == reflect.Map && t.Key().Kind() == reflect.String:
		item, err := words(t.Elem())
		return "若干键，每个一个" + item, err
	}
	return "", fmt.Errorf("no words for the type %s: add them to mkdoc", t)
}

// cell escapes what would end a table's cell.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
