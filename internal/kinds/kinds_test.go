package kinds_test

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/dangjian/dangjian/internal/hygiene"
	"github.com/dangjian/dangjian/internal/kinds"
)

// TestEveryKeyHasALabelAndHelp looks at every key of every kind, the keys of list items among
// them: each has a label and help, in simplified characters.
func TestEveryKeyHasALabelAndHelp(t *testing.T) {
	var check func(kind string, fields []kinds.Field)
	check = func(kind string, fields []kinds.Field) {
		for _, f := range fields {
			if f.Label == "" || f.Help == "" {
				t.Errorf("%s: key %s has label %q and help %q: give its struct field both tags, label:\"…\" help:\"…\"", kind, f.Key, f.Label, f.Help)
			}
			for _, text := range []string{f.Label, f.Help} {
				if simplified := hygiene.Convert(text, kinds.Simplified); simplified != text {
					t.Errorf("%s: key %s: %q is not in simplified characters: %q", kind, f.Key, text, simplified)
				}
			}
			check(kind, f.Fields)
		}
	}
	for _, k := range kinds.All {
		if len(k.Fields()) == 0 {
			t.Errorf("%s has no keys", k.Name)
		}
		check(k.Name, k.Fields())
	}
}

// TestKeysOnce checks that no kind has a key twice: its own keys and the common ones differ.
func TestKeysOnce(t *testing.T) {
	for _, k := range kinds.All {
		seen := map[string]bool{}
		for _, f := range k.Fields() {
			if seen[f.Key] {
				t.Errorf("%s: key %s twice", k.Name, f.Key)
			}
			seen[f.Key] = true
		}
	}
}

func TestSums(t *testing.T) {
	want := map[string][]string{
		kinds.TypeActivity:    {"participants"},
		kinds.TypeLecture:     {"attendance"},
		kinds.TypeLectureHall: {"attendance"},
	}
	for _, k := range kinds.All {
		if got := k.Sums(); !slices.Equal(got, want[k.Name]) {
			t.Errorf("%s sums %v, want %v", k.Name, got, want[k.Name])
		}
		for _, f := range k.Fields() {
			if f.Sum && f.Type.Kind() != reflect.Int {
				t.Errorf("%s: key %s is marked sum: but is a %s, not a whole number", k.Name, f.Key, f.Type)
			}
		}
	}
	m := kinds.Matter{Common: kinds.Common{Weight: 3}, LectureHall: &kinds.LectureHall{Attendance: 200}}
	for _, tc := range []struct {
		key  string
		want float64
		ok   bool
	}{{"attendance", 200, true}, {"weight", 0, false}, {"participants", 0, false}, {"segments", 0, false}} {
		if got, ok := m.Sum(tc.key); got != tc.want || ok != tc.ok {
			t.Errorf("Sum(%q) = %v, %v; want %v, %v", tc.key, got, ok, tc.want, tc.ok)
		}
	}
}

// TestTable checks the table's shape: names and sections once each, every section titled in
// every script, the plain page last and without a section, and the look-ups finding each.
func TestTable(t *testing.T) {
	names, sections := map[string]bool{}, map[string]bool{}
	for i, k := range kinds.All {
		last := i == len(kinds.All)-1
		if names[k.Name] || (k.Section != "" && sections[k.Section]) {
			t.Errorf("%s: name or section %q given twice", k.Name, k.Section)
		}
		names[k.Name], sections[k.Section] = true, true
		if last != (k.Name == kinds.TypePage) || last != (k.Section == "") {
			t.Errorf("%s (section %q) at %d: the plain page, and it alone, comes last without a section", k.Name, k.Section, i)
		}
		for j, script := range kinds.Scripts {
			if got := k.TitleIn(script); got != k.Title[j] || (got == "") != last {
				t.Errorf("%s: title in %s is %q", k.Name, script, got)
			}
		}
		if got, ok := kinds.Named(k.Name); !ok || got.Name != k.Name {
			t.Errorf("Named(%q) = %s, %v", k.Name, got.Name, ok)
		}
		if got := kinds.InSection(k.Section); got.Name != k.Name {
			t.Errorf("InSection(%q) = %s, want %s", k.Section, got.Name, k.Name)
		}
	}
	if got, ok := kinds.Named("lectures"); ok || got.Name != kinds.TypePage {
		t.Errorf(`Named("lectures") = %s, %v; want the plain page, false`, got.Name, ok)
	}
	if got := kinds.InSection("about"); got.Name != kinds.TypePage {
		t.Errorf(`InSection("about") = %s, want the plain page`, got.Name)
	}
	if got, want := kinds.SectionNames(), kinds.Names()[:len(kinds.All)-1]; !slices.Equal(got, want) {
		t.Errorf("SectionNames() = %v, want %v", got, want)
	}
}

// TestNewMatter decodes nothing into each kind's struct and checks that the result sets the
// kind's own keys, and only those.
func TestNewMatter(t *testing.T) {
	for _, k := range kinds.All {
		v, decoded := k.NewMatter()
		if reflect.TypeOf(v).Kind() != reflect.Pointer {
			t.Fatalf("%s: NewMatter gave a %T, not a pointer", k.Name, v)
		}
		m := reflect.ValueOf(decoded())
		var set []string
		for i := range m.NumField() {
			if f := m.Field(i); f.Kind() == reflect.Pointer && !f.IsNil() {
				set = append(set, m.Type().Field(i).Name)
			}
		}
		want := 1 // the kind's own struct
		if k.Section == "" {
			want = 0
		}
		if len(set) != want {
			t.Errorf("%s sets %v, want %d of Matter's structs", k.Name, set, want)
		}
	}
}

// TestFacts: a page's facts come in the order a reader expects them, labelled as the table
// labels them, the keys left empty left out.
func TestFacts(t *testing.T) {
	date := time.Date(2016, 7, 15, 0, 0, 0, 0, time.UTC)
	segments := []kinds.Segment{{Step: "唱一首歌"}}
	for _, tt := range []struct {
		name string
		m    kinds.Matter
		want []kinds.Fact
	}{
		{"a plain page", kinds.Matter{Common: kinds.Common{Date: date, Title: "页"}}, []kinds.Fact{{"date", "日期", date}}},
		{"a lecture hall", kinds.Matter{Common: kinds.Common{Date: date}, LectureHall: &kinds.LectureHall{Theme: "爱", Attendance: 120, Host: "张三", Segments: segments}},
			[]kinds.Fact{{"date", "日期", date}, {"host", "主持人", "张三"}, {"attendance", "参加人次", 120}, {"segments", "活动流程", segments}}},
		{"a lecture", kinds.Matter{Common: kinds.Common{Date: date}, Lecture: &kinds.Lecture{Speaker: "李四", Venue: "会议室", Audience: "全体党员"}},
			[]kinds.Fact{{"date", "日期", date}, {"venue", "地点", "会议室"}, {"speaker", "主讲人", "李四"}}},
		{"an activity", kinds.Matter{Common: kinds.Common{Date: date}, Activity: &kinds.Activity{Participants: 30}},
			[]kinds.Fact{{"date", "日期", date}, {"participants", "参加人数", 30}}},
	} {
		if got := tt.m.Facts(); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: facts %v, want %v", tt.name, got, tt.want)
		}
	}
}
