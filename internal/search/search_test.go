package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

func folded(t *testing.T) *folding {
	t.Helper()
	f, err := theFolding()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"「愛的傳遞」道德講堂", "「爱的传递」道德讲堂"},
		{"爱的传递", "爱的传递"},
		{"國電靖遠發電", "国电靖远发电"},
		{"ＡＢＣ１２３，", "abc123,"},
		{"Ärger ΣΑΣ", "ärger σασ"},
		{"𐐀𐐨", "𐐨𐐨"}, // above U+FFFF: Deseret capital and small long i
		{"二〇一六年", "二〇一六年"},
		{"", ""},
		{"為爲", "为为"}, // the variants of a character fold alike
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestFoldingKeepsLengths checks what the browser relies on: each character folds to one of
// the same length in UTF-16, and folding folded text changes nothing.
func TestFoldingKeepsLengths(t *testing.T) {
	f := folded(t)
	if len(f.pairs) < 4000 {
		t.Fatalf("only %d pairs", len(f.pairs))
	}
	for _, p := range f.pairs {
		if utf16.RuneLen(p[0]) != utf16.RuneLen(p[1]) {
			t.Errorf("%U → %U changes the length", p[0], p[1])
		}
		if again, _ := f.fold(p[1]); again != p[1] {
			t.Errorf("%c → %c → %c: folding twice changes it", p[0], p[1], again)
		}
	}
	if !slices.IsSortedFunc(f.pairs, func(a, b [2]rune) int { return int(a[0] - b[0]) }) {
		t.Error("pairs are not sorted")
	}
}

// TestT2SCharactersAgreeWithOpenCC checks that the table read out of OpenCC's dictionaries
// converts each character as OpenCC itself does.
func TestT2SCharactersAgreeWithOpenCC(t *testing.T) {
	table, err := t2sCharacters()
	if err != nil {
		t.Fatal(err)
	}
	cc, err := opencc.New("t2s")
	if err != nil {
		t.Fatal(err)
	}
	for from, to := range table {
		if got, err := cc.Convert(string(from)); err != nil || got != string(to) {
			t.Errorf("%c: table says %c, OpenCC %q (%v)", from, to, got, err)
		}
	}
}

func TestWords(t *testing.T) {
	f := folded(t)
	for _, r := range "愛a9〇Σ" {
		if !f.isWord(r) {
			t.Errorf("%q is not a word character", r)
		}
	}
	for _, r := range " ，。「」、\n-\u3000·" {
		if f.isWord(r) {
			t.Errorf("%q is a word character", r)
		}
	}
	ranges := f.wordRanges()
	if ranges[0] != [2]rune{'0', '9'} {
		t.Errorf("first range %q", ranges[0])
	}
	if !slices.ContainsFunc(ranges, func(r [2]rune) bool { return r[0] <= '愛' && '愛' <= r[1] }) {
		t.Error("no range holds 愛")
	}
}

// decode reads a file of the index: the name it adds and its data.
func decode(t *testing.T, data []byte, v any) string {
	t.Helper()
	rest, ok := bytes.CutPrefix(data, []byte(`dangjianSearch.add("`))
	name, rest, ok2 := bytes.Cut(rest, []byte(`",`))
	rest, ok3 := bytes.CutSuffix(rest, []byte(");\n"))
	if !ok || !ok2 || !ok3 {
		t.Fatalf("not a call of dangjianSearch.add: %.80s", data)
	}
	if err := json.Unmarshal(rest, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return string(name)
}

// postingsOf decodes every index file into gram → postings.
func postingsOf(t *testing.T, files []File) map[string][]int {
	t.Helper()
	all := map[string][]int{}
	for _, f := range files {
		if !strings.HasPrefix(f.Name, Dir+"/index-") {
			continue
		}
		var shard map[string][]int
		name := decode(t, f.Data, &shard)
		if f.Name != Dir+"/"+name+".js" {
			t.Errorf("%s adds %s", f.Name, name)
		}
		for g, deltas := range shard {
			sum := 0
			for _, d := range deltas {
				sum += d
				all[g] = append(all[g], sum)
			}
			rs := []rune(g)
			packed := unigram(rs[0])
			if len(rs) == 2 {
				packed = bigram(rs[0], rs[1])
			}
			if want := indexFile(packed.shard()); f.Name != want {
				t.Errorf("%s is in %s, not %s", g, f.Name, want)
			}
		}
	}
	return all
}

func TestBuild(t *testing.T) {
	docs := []Doc{
		{URL: "../a/index.html", Title: "「愛的傳遞」道德講堂", Date: "2016-07-15", Summary: "情景劇", Text: "身邊人的故事。\n愛心"},
		{URL: "../b/index.html", Title: "黨課", Date: "2016-06-01", Text: "愛的 傳遞，ABC"},
	}
	files, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	if want := Files(len(docs)); !slices.Equal(names, want) {
		t.Errorf("files %q, want %q", names, want)
	}
	postings := postingsOf(t, files)
	// A posting is the page's number times two, plus one when its title holds the gram.
	for gram, want := range map[string][]int{
		"爱":   {1, 2},
		"爱的":  {1, 2},
		"的传":  {1},    // page b has a space between 的 and 傳
		"传递":  {1, 2}, // in b's text only
		"党":   {3},
		"爱心":  {0},
		"剧":   {0},
		"abc": nil,
		"ab":  {2},
		"人的":  {0},
		"事爱":  nil, // a line break is no character of a word
	} {
		if got := postings[gram]; !slices.Equal(got, want) {
			t.Errorf("%s: postings %v, want %v", gram, got, want)
		}
	}
	var pages [][5]string
	if name := decode(t, files[len(files)-1].Data, &pages); name != "pages-000" {
		t.Errorf("pages file adds %s", name)
	}
	if want := [5]string{"../b/index.html", "黨課", "2016-06-01", "", "愛的 傳遞，ABC"}; len(pages) != 2 || pages[1] != want {
		t.Errorf("pages %q", pages)
	}
	var fold struct{ Pairs, Words string }
	decode(t, files[0].Data, &fold)
	if !strings.Contains(fold.Pairs, "愛爱") || !strings.HasPrefix(fold.Words, "30-39,41-5a,61-7a,") {
		t.Errorf("fold.js: pairs %.40q…, words %.40q…", fold.Pairs, fold.Words)
	}
}

// TestBuildIsDeterministic builds the index of many pages on one goroutine and on several:
// the files are the same, byte for byte.
func TestBuildIsDeterministic(t *testing.T) {
	var docs []Doc
	for i := range 3*PagesPerFile + 17 {
		docs = append(docs, Doc{
			URL:   fmt.Sprintf("../p%d/index.html", i),
			Title: fmt.Sprintf("第%d次黨課", i),
			Date:  "2016-01-01",
			Text:  strings.Repeat("學習教育"[i%4*3:], 1+i%5) + fmt.Sprint(i*7919),
		})
	}
	build := func(procs int) []File {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		files, err := Build(docs)
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	one, four := build(1), build(4)
	if len(one) != 1+Shards+4 {
		t.Fatalf("%d files", len(one))
	}
	for i := range one {
		if one[i].Name != four[i].Name || !bytes.Equal(one[i].Data, four[i].Data) {
			t.Errorf("%s differs between one goroutine and four", one[i].Name)
		}
	}
	// Every page's number appears in the postings of its title's first character.
	if got := postingsOf(t, one)["第"]; len(got) != len(docs) || got[len(got)-1] != 2*(len(docs)-1)+1 {
		t.Errorf("第: %d postings, last %v", len(got), got[len(got)-1:])
	}
}

func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", `"\`, "a\nb\tc\x00\x1f", "\u2028\u2029", "愛的傳遞", "\xe2\x80", "\xe2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		b := appendString(nil, s)
		var got string
		if err := json.Unmarshal(b, &got); err != nil || got != s {
			t.Fatalf("%q → %s → %q, %v", s, b, got, err)
		}
		if bytes.Contains(b, []byte("\u2028")) || bytes.Contains(b, []byte("\u2029")) {
			t.Fatalf("%q → %s holds a line separator", s, b)
		}
	})
}
