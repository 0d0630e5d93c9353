// Package config reads and validates site.yaml: the site's title, organisation, base URL,
// script, lists of allowed values, metrics, charts and export settings.
package config

import (
	"bytes"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/docx"
	"github.com/dangjian/dangjian/internal/kinds"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/search"
	"github.com/dangjian/dangjian/internal/textfile"
	"github.com/dangjian/dangjian/internal/yamlnode"
	"gopkg.in/yaml.v3"
)

// File is the name of the configuration file at the site's root.
const File = "site.yaml"

// Site is site.yaml.
type Site struct {
	Title             string   `yaml:"title"`
	Organisation      string   `yaml:"organisation"`
	BaseURL           string   `yaml:"base_url"`
	Language          string   `yaml:"language"`
	Script            string   `yaml:"script"` // one of kinds.Scripts
	PageSize          int      `yaml:"page_size"`
	Branches          []string `yaml:"branches"`
	LectureForms      []string `yaml:"lecture_forms"`
	ProjectCategories []string `yaml:"project_categories"`
	Metrics           []Metric `yaml:"metrics"`
	Charts            []Chart  `yaml:"charts"`
	Export            Export   `yaml:"export"`
	// RawHTML lets raw HTML in Markdown through; by default it is shown as text.
	RawHTML bool `yaml:"raw_html"`
	// ContentFiles says which files under content/ other than pages are published as they are:
	// ContentFilesChecked, the default, only pictures, video, audio, PDFs and office documents
	// (package media); ContentFilesAny, every file, HTML and SVG among them.
	ContentFiles string `yaml:"content_files"`
	// Characters pins the forms of characters that traditional text writes in more than one
	// way (為 or 爲, 裏 or 裡): a check --fix writes these. The forms of the others it learns
	// from the site's own text.
	Characters []string `yaml:"characters"`

	// written holds how site.yaml writes each list of allowed values, by its key.
	written map[string]listStyle
}

// List is a list of the values site.yaml allows for a front-matter key. An empty list allows
// any value.
type List struct {
	Key    string // the front-matter key whose values it lists: form
	Name   string // its own key in site.yaml: lecture_forms
	Values []string
}

// Lists returns the site's lists of allowed values.
func (s *Site) Lists() []List {
	return []List{
		{Key: "branch", Name: "branches", Values: s.Branches},
		{Key: "form", Name: "lecture_forms", Values: s.LectureForms},
		{Key: "category", Name: "project_categories", Values: s.ProjectCategories},
	}
}

// ListOf returns the list of the values allowed for a front-matter key (branch, form,
// category).
func (s *Site) ListOf(key string) List {
	lists := s.Lists()
	return lists[slices.IndexFunc(lists, func(l List) bool { return l.Key == key })]
}

// Spelling returns value as the list writes it: value when it is listed; the listed value that
// is the same word in the other script, or with other variants of its characters (節約挖潛 for
// 节约挖潜); and "" when it is neither.
func (l List) Spelling(value string) string {
	if slices.Contains(l.Values, value) {
		return value
	}
	folded := search.Fold(value)
	for _, v := range l.Values {
		if search.Fold(v) == folded {
			return v
		}
	}
	return ""
}

// Nearest returns the listed value that value most resembles, in either script, for a "did
// you mean"; "" when none is close.
func (l List) Nearest(value string) string {
	folded := make([]string, len(l.Values))
	for i, v := range l.Values {
		folded[i] = search.Fold(v)
	}
	if near := yamlnode.Nearest(search.Fold(value), folded); near != "" {
		return l.Values[slices.Index(folded, near)]
	}
	return ""
}

// listStyle is how site.yaml writes a list.
type listStyle struct {
	line int  // the line of its key
	flow bool // in brackets on the key's line: [党课, 警示教育大会]
	// last and indent are, for a list of one item a line, the line of its last item and
	// what comes before an item's "- ".
	last   int
	indent string
}

// HowToAdd says how to add value to the list in site.yaml: the line to add after its last, or,
// for a list written in brackets, its key's line as it then reads.
func (s *Site) HowToAdd(l List, value string) msg.Message {
	style, ok := s.written[l.Name]
	if ok && !style.flow {
		item := style.indent + "- " + encode(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: value})
		return msg.New(msg.AddAfterLine, l.Name, File, item, style.last)
	}
	list := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, v := range append(slices.Clip(l.Values), value) {
		list.Content = append(list.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v})
	}
	if !ok {
		return msg.New(msg.AddAsList, l.Name, File, l.Name, encode(list))
	}
	return msg.New(msg.AddToLine, l.Name, File, style.line, l.Name, encode(list))
}

// encode writes a YAML node on one line, as the editor is to type it.
func encode(n *yaml.Node) string {
	out, err := yaml.Marshal(n)
	if err != nil {
		return n.Value
	}
	return strings.TrimSuffix(string(out), "\n")
}

// The values of content_files.
const (
	ContentFilesChecked = "checked"
	ContentFilesAny     = "any"
)

// Metric is one yearly figure. Count or Sum gives a rule that computes it from pages; with
// neither, yearly report pages declare it.
type Metric struct {
	Key   string `yaml:"key"`
	Label string `yaml:"label"`
	Unit  string `yaml:"unit"`
	Count *Rule  `yaml:"count"`
	Sum   *Rule  `yaml:"sum"`
}

// Rule selects pages of a type whose fields have the given values; Field names the number
// a sum adds up.
type Rule struct {
	Type     string `yaml:"type"`
	Form     string `yaml:"form"`
	Category string `yaml:"category"`
	Status   string `yaml:"status"`
	Branch   string `yaml:"branch"`
	Field    string `yaml:"field"`
}

// RuleString writes a metric's rule as site.yaml gives it: count: {type: lecture, form: 党课}.
// It is "" for a metric without a rule.
func (m Metric) RuleString() string {
	name, r := "count", m.Count
	if r == nil {
		name, r = "sum", m.Sum
	}
	if r == nil {
		return ""
	}
	parts := []string{"type: " + r.Type}
	for _, f := range []struct{ key, value string }{{"form", r.Form}, {"category", r.Category}, {"status", r.Status}, {"branch", r.Branch}, {"field", r.Field}} {
		if f.value != "" {
			parts = append(parts, f.key+": "+f.value)
		}
	}
	return name + ": {" + strings.Join(parts, ", ") + "}"
}

// Chart groups metrics into one chart across the years.
type Chart struct {
	Key     string   `yaml:"key"`
	Title   string   `yaml:"title"`
	Type    string   `yaml:"type"` // bar, line or pie
	Metrics []string `yaml:"metrics"`
}

// Kind returns the chart's type, bar when none is given.
func (c Chart) Kind() string {
	if c.Type == "" {
		return "bar"
	}
	return c.Type
}

// Export holds the settings of the export for the civilization website, whose rules for
// submissions it checks: a title of TitleMin to TitleMax characters, news sent within
// MaxAgeDays of the event, no LocalWords.
type Export struct {
	TitleMin   int `yaml:"title_min"`
	TitleMax   int `yaml:"title_max"`
	ImageWidth int `yaml:"image_width"`
	MaxAgeDays int `yaml:"max_age_days"`
	// LocalWords are the words that speak from inside the company or its town (我公司, 我市),
	// which a reader of the website cannot place; they replace DefaultLocalWords when given.
	LocalWords []string `yaml:"local_words"`
	// Dateline starts the text of each Word document (电头): its placeholders {年} {月} {日}
	// are filled with the page's date, without leading zeros; DefaultDateline when not given.
	Dateline string `yaml:"dateline"`
	// Contributor is the unit named at the end of each Word document, （…供稿）; the
	// organisation when not given.
	Contributor string `yaml:"contributor"`
	// Fonts and Sizes are the Word documents' fonts and sizes for each kind of paragraph;
	// those not given are package docx's defaults, of Chinese official writing.
	Fonts Fonts `yaml:"fonts"`
	Sizes Fonts `yaml:"sizes"`
}

// Fonts names a font, or a size (a Chinese size such as 三号, or points), for each kind of
// paragraph of the Word documents.
type Fonts struct {
	Title    string `yaml:"title"`
	Heading1 string `yaml:"heading1"`
	Heading2 string `yaml:"heading2"`
	Heading3 string `yaml:"heading3"`
	Body     string `yaml:"body"`
	Caption  string `yaml:"caption"`
}

// A FontField is a key of Fonts and its value.
type FontField struct {
	Key   string
	Value *string
}

// Fields returns the keys of f with their values, in the order of the fields of Fonts.
func (f *Fonts) Fields() []FontField {
	return []FontField{{"title", &f.Title}, {"heading1", &f.Heading1}, {"heading2", &f.Heading2}, {"heading3", &f.Heading3}, {"body", &f.Body}, {"caption", &f.Caption}}
}

// DefaultDateline is the dateline of a site.yaml that gives none: the day of the news.
const DefaultDateline = "{月}月{日}日讯"

// datelineFields are the placeholders of a dateline, each filled with a part of the date.
var datelineFields = map[string]func(time.Time) int{
	"年": func(t time.Time) int { return t.Year() },
	"月": func(t time.Time) int { return int(t.Month()) },
	"日": func(t time.Time) int { return t.Day() },
}

// DatelineOf returns the dateline for a page of the day date: its placeholders filled.
func (e *Export) DatelineOf(date time.Time) string {
	var b strings.Builder
	rest := e.Dateline
	for {
		open := strings.IndexByte(rest, '{')
		end := strings.IndexByte(rest[max(open, 0):], '}') + max(open, 0)
		if open < 0 || end < open {
			b.WriteString(rest)
			return b.String()
		}
		b.WriteString(rest[:open])
		if f := datelineFields[rest[open+1:end]]; f != nil {
			b.WriteString(strconv.Itoa(f(date)))
		}
		rest = rest[end+1:]
	}
}

// datelineProblem says what is wrong with a dateline's placeholders, if anything.
func datelineProblem(dateline string) (msg.Message, bool) {
	depth, start := 0, 0
	for i, r := range dateline {
		switch r {
		case '{':
			if depth > 0 {
				return msg.New(msg.DatelineUnclosed, dateline[start:i]), true
			}
			depth, start = 1, i
		case '}':
			if depth == 0 {
				return msg.New(msg.DatelineStrayBrace), true
			}
			if name := dateline[start+1 : i]; datelineFields[name] == nil {
				return msg.New(msg.DatelinePlaceholder, dateline[start:i+1]), true
			}
			depth = 0
		}
	}
	if depth > 0 {
		return msg.New(msg.DatelineUnclosed, dateline[start:]), true
	}
	return msg.Message{}, false
}

// DefaultLocalWords are the words that speak from inside, as the websites' rules name them
// (我市、我县) and as party-building reports write them: the one list of them.
var DefaultLocalWords = []string{
	"我公司", "我司", "本公司", "我厂", "本厂", "我局", "我单位", "本单位", "我部门",
	"我市", "本市", "我省", "本省", "我县", "本县", "我区", "本区", "我镇", "本镇", "我乡", "我村",
}

// Defaults of the optional settings.
const (
	DefaultLanguage   = "zh-CN"
	DefaultScript     = kinds.Simplified
	DefaultPageSize   = 20
	DefaultTitleMin   = 18
	DefaultTitleMax   = 22
	DefaultImageWidth = 800
	DefaultMaxAgeDays = 3
)

// Parse reads site.yaml's bytes: checked and normalised as a page's are (package textfile),
// then decoded, given defaults and validated as a whole.
func Parse(data []byte) (*Site, diag.List) {
	data = textfile.Normalize(data)
	problems := textfile.Check(File, data)
	if problems.HasErrors() {
		return nil, problems
	}
	site := &Site{}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		problems.Add(yamlnode.SyntaxError(File, err))
		return nil, problems
	}
	if problems = yamlnode.CheckAliases(File, &doc); problems.HasErrors() {
		return nil, problems
	}
	problems = append(problems, yamlnode.Decode(File, &doc, site)...)
	top := &doc
	if len(doc.Content) == 1 {
		top = doc.Content[0]
	}
	v := validator{file: File, top: top, problems: &problems}
	site.validate(v)
	site.written = listsWritten(top, site.Lists())
	return site, problems
}

// listsWritten finds how site.yaml writes each of the lists it gives values.
func listsWritten(top *yaml.Node, lists []List) map[string]listStyle {
	written := map[string]listStyle{}
	for i := 0; top.Kind == yaml.MappingNode && i+1 < len(top.Content); i += 2 {
		key, list := top.Content[i], top.Content[i+1]
		if list.Kind != yaml.SequenceNode || len(list.Content) == 0 || !slices.ContainsFunc(lists, func(l List) bool { return l.Name == key.Value }) {
			continue
		}
		style := listStyle{line: key.Line, flow: list.Style&yaml.FlowStyle != 0}
		if !style.flow {
			style.last = list.Content[len(list.Content)-1].Line
			style.indent = strings.Repeat(" ", max(list.Content[0].Column-3, 0))
		}
		written[key.Value] = style
	}
	return written
}

// validator reports problems at the position of a top-level key when a value is wrong.
type validator struct {
	file     string
	top      *yaml.Node
	problems *diag.List
}

// errorf reports a problem at the value of the top-level key, or at the top of the file.
func (v validator) errorf(key string, message msg.Key, args ...any) {
	pos := diag.Position{File: v.file, Line: 1, Col: 1}
	if n := valueOf(v.top, key); n != nil {
		pos = yamlnode.Pos(v.file, n)
	}
	v.problems.Errorf(pos, message, args...)
}

// valueOf returns the value node of key in a mapping node; for an alias, the node it stands
// for, so that a problem in it is placed.
func valueOf(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			v := m.Content[i+1]
			if v.Kind == yaml.AliasNode && v.Alias != nil {
				return v.Alias
			}
			return v
		}
	}
	return nil
}

// item returns the node of the i-th element of the list under key.
func (v validator) item(key string, i int) validator {
	n := valueOf(v.top, key)
	if n != nil && n.Kind == yaml.SequenceNode && i < len(n.Content) {
		return validator{file: v.file, top: n.Content[i], problems: v.problems}
	}
	return v
}

func (s *Site) validate(v validator) {
	if strings.TrimSpace(s.Title) == "" {
		v.errorf("title", msg.TitleRequired)
	}
	if s.Language == "" {
		s.Language = DefaultLanguage
	}
	if s.Script == "" {
		s.Script = DefaultScript
	}
	if !slices.Contains(kinds.Scripts[:], s.Script) {
		v.errorf("script", msg.WantScript, kinds.Scripts[0], kinds.Scripts[1], s.Script)
	}
	if s.BaseURL != "" {
		u, err := url.Parse(s.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			v.errorf("base_url", msg.WantBaseURL, s.BaseURL)
		} else if !strings.HasSuffix(s.BaseURL, "/") {
			s.BaseURL += "/"
		}
	}
	switch s.ContentFiles {
	case "":
		s.ContentFiles = ContentFilesChecked
	case ContentFilesChecked, ContentFilesAny:
	default:
		v.errorf("content_files", msg.WantContentFiles, ContentFilesChecked, ContentFilesAny, s.ContentFiles)
	}
	switch {
	case s.PageSize == 0:
		s.PageSize = DefaultPageSize
	case s.PageSize < 0:
		v.errorf("page_size", msg.WantPageSize, s.PageSize)
		s.PageSize = DefaultPageSize
	}
	s.Export.validate(validator{file: v.file, top: valueOf(v.top, "export"), problems: v.problems})
	for _, list := range s.Lists() {
		for i, value := range list.Values {
			if strings.TrimSpace(value) == "" {
				v.item(list.Name, i).here(msg.EmptyValue, list.Name)
			} else if first := (List{Values: list.Values[:i]}).Spelling(value); first == value {
				v.item(list.Name, i).here(msg.ListedTwice, list.Name, value)
			} else if first != "" {
				v.item(list.Name, i).here(msg.ListedInOtherChars, list.Name, value, first)
			}
		}
	}
	s.validateCharacters(v)
	s.validateMetrics(v)
	s.validateCharts(v)
}

// validate checks the export's settings and gives the missing ones their defaults. A bound
// of the title's length that is not given yields to the other one given: title_max: 10 alone
// asks for titles of at most 10 characters, not for none.
func (e *Export) validate(v validator) {
	for _, n := range []struct {
		key   string
		value *int
		def   int
	}{{"title_min", &e.TitleMin, 0}, {"title_max", &e.TitleMax, 0}, {"image_width", &e.ImageWidth, DefaultImageWidth}, {"max_age_days", &e.MaxAgeDays, DefaultMaxAgeDays}} {
		if *n.value < 0 {
			v.errorf(n.key, msg.WantPositiveExport, n.key, *n.value)
			*n.value = 0
		}
		if *n.value == 0 {
			*n.value = n.def
		}
	}
	switch {
	case e.TitleMin == 0 && e.TitleMax == 0:
		e.TitleMin, e.TitleMax = DefaultTitleMin, DefaultTitleMax
	case e.TitleMin == 0:
		e.TitleMin = min(DefaultTitleMin, e.TitleMax)
	case e.TitleMax == 0:
		e.TitleMax = max(DefaultTitleMax, e.TitleMin)
	case e.TitleMin > e.TitleMax:
		v.errorf("title_min", msg.TitleMinOverMax, e.TitleMin, e.TitleMax)
		e.TitleMin = e.TitleMax
	}
	if e.LocalWords == nil {
		e.LocalWords = DefaultLocalWords
	}
	words := []string{}
	for i, w := range e.LocalWords {
		if strings.TrimSpace(w) == "" {
			v.item("local_words", i).here(msg.EmptyValue, "export.local_words")
			continue // it would be found everywhere
		}
		words = append(words, w)
	}
	e.LocalWords = words
	if e.Dateline == "" {
		e.Dateline = DefaultDateline
	} else if m, wrong := datelineProblem(e.Dateline); wrong {
		v.errorf("dateline", m.Key, m.Args...)
		e.Dateline = DefaultDateline
	}
	sizes := validator{file: v.file, top: valueOf(v.top, "sizes"), problems: v.problems}
	for _, f := range e.Sizes.Fields() {
		if *f.Value != "" && !validSize(*f.Value) {
			sizes.errorf(f.Key, msg.WantFontSize, f.Key, *f.Value)
			*f.Value = ""
		}
	}
}

// validSize reports whether a size is a Chinese size (三号) or a number of points from 5 to
// 100.
func validSize(size string) bool {
	if _, ok := docx.ChineseSize(size); ok {
		return true
	}
	pt, err := strconv.ParseFloat(size, 64)
	return err == nil && pt >= 5 && pt <= 100
}

// keyOnce reports the key of an item of a list (a metric, a chart) when it is missing or an
// earlier item has it; seen holds the earlier items' keys.
func (v validator) keyOnce(what msg.Key, key string, seen map[string]bool) {
	switch {
	case key == "":
		v.errorf("key", msg.KeyRequired, what)
	case seen[key]:
		v.errorf("key", msg.DeclaredTwice, what, key)
	}
	seen[key] = true
}

// here reports a problem at the validator's own node.
func (v validator) here(key msg.Key, args ...any) {
	v.problems.Errorf(yamlnode.Pos(v.file, v.top), key, args...)
}

func (s *Site) validateMetrics(v validator) {
	seen := map[string]bool{}
	for i, m := range s.Metrics {
		mv := v.item("metrics", i)
		mv.keyOnce(msg.AMetric, m.Key, seen)
		if m.Label == "" {
			mv.errorf("label", msg.LabelRequired, m.Key)
		}
		if m.Count != nil && m.Sum != nil {
			mv.errorf("sum", msg.CountOrSum, m.Key)
		}
		if m.Count != nil {
			validateRule(mv, "count", m.Count, false)
			s.validateRuleValues(mv, "count", m.Count)
		}
		if m.Sum != nil {
			validateRule(mv, "sum", m.Sum, true)
			s.validateRuleValues(mv, "sum", m.Sum)
		}
	}
}

// validateRuleValues reports a rule's value that no page may have, where the site lists the
// values pages may have: such a rule would count nothing, silently. A value that a list or
// the statuses write in other characters is taken as they write it, as a page's is.
func (s *Site) validateRuleValues(v validator, key string, r *Rule) {
	for _, f := range []struct {
		value *string
		list  List
	}{{&r.Form, s.ListOf("form")}, {&r.Category, s.ListOf("category")}, {&r.Branch, s.ListOf("branch")}} {
		if *f.value == "" || len(f.list.Values) == 0 {
			continue
		}
		if spelt := f.list.Spelling(*f.value); spelt != "" {
			*f.value = spelt
			continue
		}
		if near := f.list.Nearest(*f.value); near != "" {
			v.errorf(key, msg.RuleNotListedNear, key, f.list.Key, *f.value, msg.Items(f.list.Values), near)
		} else {
			v.errorf(key, msg.RuleNotListed, key, f.list.Key, *f.value, msg.Items(f.list.Values))
		}
	}
	if r.Status == "" {
		return
	}
	if status, ok := Status(r.Status); ok {
		r.Status = status.Key
	} else {
		v.errorf(key, msg.RuleNotAStatus, key, r.Status, StatusNames(s.Script))
	}
}

// Status returns the project's status that value names: its key, or one of its names, in
// either script and with any variants of its characters.
func Status(value string) (kinds.Status, bool) {
	var names []string
	for _, st := range kinds.ProjectStatuses {
		names = append(names, st.Key)
		for _, inScript := range st.Names {
			names = append(names, inScript...)
		}
	}
	return kinds.StatusOf((List{Values: names}).Spelling(value))
}

// StatusNames lists the names of the projects' statuses in script, and their keys: 计划中,
// 进行中 or 已完成 (planned, active, done).
func StatusNames(script string) msg.Message {
	names := make([]string, len(kinds.ProjectStatuses))
	keys := make([]string, len(kinds.ProjectStatuses))
	for i, st := range kinds.ProjectStatuses {
		names[i], keys[i] = st.NameIn(script), st.Key
	}
	return msg.New(msg.StatusChoices, msg.Items(names[:len(names)-1]), names[len(names)-1], msg.Items(keys))
}

// validateCharacters checks the pinned forms of characters: one character each, traditional
// (a simplified site has no variants to choose between), and one form of a character only.
func (s *Site) validateCharacters(v validator) {
	if len(s.Characters) > 0 && s.Script != kinds.Traditional {
		v.errorf("characters", msg.CharactersNotTraditional, kinds.Traditional)
		return
	}
	for i, c := range s.Characters {
		r, size := utf8.DecodeRuneInString(c)
		switch {
		case size == 0 || size != len(c) || !unicode.Is(unicode.Han, r):
			v.item("characters", i).here(msg.WantOneCharacter, c)
		case slices.Index(s.Characters, c) < i:
			v.item("characters", i).here(msg.ListedTwice, "characters", c)
		default:
			if j := slices.IndexFunc(s.Characters[:i], func(other string) bool { return search.Fold(other) == search.Fold(c) }); j >= 0 {
				v.item("characters", i).here(msg.FormsOfOneCharacter, s.Characters[j], c, search.Fold(c))
			}
		}
	}
}

func validateRule(v validator, key string, r *Rule, sum bool) {
	kind, _ := kinds.Named(r.Type)
	if kind.Section == "" {
		v.errorf(key, msg.RuleWantType, key, msg.Items(kinds.SectionNames()), r.Type)
		return
	}
	if sum {
		fields := kind.Sums()
		if !slices.Contains(fields, r.Field) {
			v.errorf(key, msg.RuleWantField, r.Type, msg.Items(fields), r.Field)
		}
	} else if r.Field != "" {
		v.errorf(key, msg.CountField)
	}
}

func (s *Site) validateCharts(v validator) {
	seen := map[string]bool{}
	for i, c := range s.Charts {
		cv := v.item("charts", i)
		cv.keyOnce(msg.AChart, c.Key, seen)
		if k := c.Kind(); k != "bar" && k != "line" && k != "pie" {
			cv.errorf("type", msg.WantChartType, c.Key, c.Type)
		}
		if len(c.Metrics) == 0 {
			cv.errorf("metrics", msg.ChartNoMetrics, c.Key)
		}
		for j, key := range c.Metrics {
			if s.Metric(key) == nil {
				if near := yamlnode.Nearest(key, s.MetricKeys()); near != "" {
					cv.item("metrics", j).here(msg.ChartUnknownMetricNear, c.Key, key, near)
				} else {
					cv.item("metrics", j).here(msg.ChartUnknownMetric, c.Key, key)
				}
			}
		}
	}
}

// Metric returns the metric with the given key, or nil.
func (s *Site) Metric(key string) *Metric {
	for i := range s.Metrics {
		if s.Metrics[i].Key == key {
			return &s.Metrics[i]
		}
	}
	return nil
}

// MetricKeys lists the keys of the metrics, in the order site.yaml gives them.
func (s *Site) MetricKeys() []string {
	keys := make([]string, len(s.Metrics))
	for i, m := range s.Metrics {
		keys[i] = m.Key
	}
	return keys
}
