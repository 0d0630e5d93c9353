package hygiene

import (
	"fmt"
	"strings"
	"testing"
)

// page makes a Markdown page of body, whose text starts on line 5.
func page(body string) string { return "---\ntitle: 標題\ndate: 2016-01-01\n---\n" + body }

func TestCheck(t *testing.T) {
	tests := []struct {
		name   string
		file   string // default content/x.md
		script string // default traditional
		in     string
		want   []string // line:col: severity: message
		fixed  string   // the file after Apply; "" when it is in unchanged
	}{
		{name: "garbage", in: page("根據(jù)集團公司\n"),
			want:  []string{`5:3: error: conversion garbage: pinyin (jù) after 據; delete it`},
			fixed: page("根據集團公司\n")},
		{name: "garbage twice over and in front matter", in: "---\ntitle: 發(fā)電\ndate: 2016-01-01\ntags: [創(chuàng)新]\n---\n發(fā)(fā)電\n",
			want: []string{
				`2:9: error: conversion garbage: pinyin (fā) after 發; delete it`,
				`4:9: error: conversion garbage: pinyin (chuàng) after 創; delete it`,
				`6:2: error: conversion garbage: pinyin (fā) after 發; delete it`,
				`6:6: error: conversion garbage: pinyin (fā) after 發; delete it`,
			},
			fixed: "---\ntitle: 發電\ndate: 2016-01-01\ntags: [創新]\n---\n發電\n"},
		{name: "brackets that are not garbage", in: page("附件(a)、變量(x)、方案(ju)、方案(juu)、方案(jùù)、Go(gō)、(jù)、見(附件)\n"),
			want:  []string{`5:49: warning: half-width brackets "(…)" around Chinese text; write "（…）"`},
			fixed: page("附件(a)、變量(x)、方案(ju)、方案(juu)、方案(jùù)、Go(gō)、(jù)、見（附件）\n")},
		{name: "invisible characters", in: "\uFEFF" + page("甲\u200B乙\uFEFF丙👨\u200D👩\n"),
			want: []string{
				`5:2: error: invisible character U+200B (zero-width space); delete it`,
				`5:4: error: invisible character U+FEFF (byte-order mark); delete it`,
			},
			fixed: "\uFEFF" + page("甲乙丙👨\u200D👩\n")},
		{name: "replacement character", in: page("國電\uFFFD遠\n"),
			want: []string{`5:3: error: replacement character U+FFFD: a character was lost in a conversion; retype it from the original`}},
		{name: "half-width marks", in: page("2016年,根據 部署; 要求: 做!\n時間:10:30, 1,000 人. Hello, 世界\n甲, 乙\n"),
			want: []string{
				`5:6: warning: half-width "," in Chinese text; write "，"`,
				`5:12: warning: half-width ";" in Chinese text; write "；"`,
				`5:16: warning: half-width ":" in Chinese text; write "："`,
				`5:19: warning: half-width "!" in Chinese text; write "！"`,
				`6:3: warning: half-width ":" in Chinese text; write "："`,
				`7:2: warning: half-width "," in Chinese text; write "，"`,
			},
			fixed: page("2016年，根據 部署；要求：做！\n時間：10:30, 1,000 人. Hello, 世界\n甲，乙\n")},
		{name: "question marks", in: page("是嗎?\n確?我們在App上\n是嗎?」\n"),
			want: []string{
				`5:3: warning: half-width "?" in Chinese text; write "？"`,
				`6:2: error: "?" after 確: a character was lost here in an encoding conversion; retype the words from the original (a question mark is written "？")`,
				`7:3: warning: half-width "?" in Chinese text; write "？"`,
			},
			fixed: page("是嗎？\n確?我們在App上\n是嗎？」\n")},
		{name: "text read out of step, the lost character told by the file", in: page("確保安全。\n確?!皟蓪W一做,確\uFFFD!皟蓪W\n"),
			want: []string{
				`6:2: error: "?!皟蓪W" after 確 is text read from GBK one byte out of step; write "保“兩學"`,
				`6:9: warning: half-width "," in Chinese text; write "，"`,
				"6:11: error: \"\uFFFD!皟蓪W\" after 確 is text read from GBK one byte out of step; write \"保“兩學\"",
			},
			fixed: page("確保安全。\n確保“兩學一做，確保“兩學\n")},
		{name: "text read out of step between garbage", in: page("確保。確(què)?!皟蓪W(xué)一做\n"),
			want: []string{
				`5:5: error: conversion garbage: pinyin (què) after 確; delete it`,
				`5:10: error: "?!皟蓪W" after 確 is text read from GBK one byte out of step; write "保“兩學"`,
				`5:15: error: conversion garbage: pinyin (xué) after 學; delete it`,
			},
			fixed: page("確保。確保“兩學一做\n")},
		{name: "a line that lost a character keeps its characters of the other script", in: page("確?我們并在\n"),
			want: []string{
				`5:2: error: "?" after 確: a character was lost here in an encoding conversion; retype the words from the original (a question mark is written "？")`,
				`5:5: error: simplified characters in a site written in traditional ones (site.yaml script): 并 → 並 or 併`,
			}},
		{name: "text read out of step, the lost character not told", in: page("確?!皟蓪W一做\n"),
			want: []string{
				`5:2: error: "?!皟蓪W" after 確 is text read from GBK one byte out of step: it reads "□“兩學", where □ is a character lost in the conversion (。, ＃, 埃, 保, 玻, 常 or one of 89 others); retype it from the original`,
			}},
		{name: "text read out of step after garbage without its bracket", in: page("中層幹部或?qū)9榻M長\n"),
			want: []string{
				`5:6: error: "?qū)9榻M" after 或 is text read from GBK one byte out of step; write "專歸組"`,
			},
			fixed: page("中層幹部或專歸組長\n")},
		{name: "periods and quotes are the writer's choice", in: page("完成了.\n等等...\n一.概述\nv1.0版\n\"直引號\"\n"),
			want: []string{
				`5:4: warning: half-width "." in Chinese text; write "。" at the end of a sentence, or "、" after a numeral`,
				`7:2: warning: half-width "." in Chinese text; write "。" at the end of a sentence, or "、" after a numeral`,
				`9:1: warning: half-width quote '"' in Chinese text; write “” or 「」`,
				`9:5: warning: half-width quote '"' in Chinese text; write “” or 「」`,
			}},
		{name: "punctuation of the garbage's neighbours", in: page("根據(jù),集團\u200B,公司\n"),
			want: []string{
				`5:3: error: conversion garbage: pinyin (jù) after 據; delete it`,
				`5:7: warning: half-width "," in Chinese text; write "，"`,
				`5:10: error: invisible character U+200B (zero-width space); delete it`,
				`5:11: warning: half-width "," in Chinese text; write "，"`,
			},
			fixed: page("根據，集團，公司\n")},
		{name: "Markdown syntax is not prose", in: page("見[「1+1」學習模式](../a/專題,討論.md)和`甲,乙`。\n\n```\n代碼,註釋\n```\n\n| 類別 | 指標 |\n|---|---|\n| 黨課 | 20 |\n\n<div>\n甲,乙\n</div>\n"),
			want: nil},
		{name: "YAML syntax is not prose", in: "---\ntitle: \"標題,副題\"\ndate: 2016-01-01\ntags: [兩學一做, 紅色黨課]\nsummary: 甲,乙 # 註,釋\nescaped: \"甲\\t乙,丙\"\n---\n",
			want: []string{
				`2:11: warning: half-width "," in Chinese text; write "，"`,
				`5:11: warning: half-width "," in Chinese text; write "，"`,
			},
			fixed: "---\ntitle: \"標題，副題\"\ndate: 2016-01-01\ntags: [兩學一做, 紅色黨課]\nsummary: 甲，乙 # 註,釋\nescaped: \"甲\\t乙,丙\"\n---\n"},
		{name: "simplified characters in a traditional site", in: page("黨員並且并肩，群眾和羣眾\n`并`\n合并和并在一起\n"),
			want: []string{
				`5:5: error: simplified characters in a site written in traditional ones (site.yaml script): 并 → 並 or 併`,
				`7:2: error: simplified characters in a site written in traditional ones (site.yaml script): 并 → 並 or 併`,
			},
			fixed: page("黨員並且並肩，群眾和羣眾\n`并`\n合併和並在一起\n")},
		{name: "characters the site's script writes only in names", in: page("黨員和党員，萬人和万俟\n"),
			want: []string{`5:4: warning: simplified characters in a site written in traditional ones (site.yaml script), unless they are part of a name: 党 → 黨, 万 → 萬`}},
		{name: "traditional characters in a simplified site", script: Simplified, in: "---\ntitle: 根據\ndate: 2016-01-01\n---\n发電，羣众，群众\n",
			want: []string{
				`2:9: error: traditional characters in a site written in simplified ones (site.yaml script): 據 → 据`,
				`5:2: error: traditional characters in a site written in simplified ones (site.yaml script): 電 → 电, 羣 → 群`,
			},
			fixed: "---\ntitle: 根据\ndate: 2016-01-01\n---\n发电，群众，群众\n"},
		{name: "site.yaml", file: "site.yaml", in: "# 註釋,不查\ntitle: 國電(diàn)公司\nlecture_forms: [黨課, 警示教育大會]\n",
			want:  []string{`2:10: error: conversion garbage: pinyin (diàn) after 電; delete it`},
			fixed: "# 註釋,不查\ntitle: 國電公司\nlecture_forms: [黨課, 警示教育大會]\n"},
		{name: "CRLF and a byte-order mark stay", in: "\uFEFF---\r\ntitle: 標題\r\ndate: 2016-01-01\r\n---\r\n根據(jù)集團,公司\r\n\r\n甲\u200B乙\r\n",
			want: []string{
				`5:3: error: conversion garbage: pinyin (jù) after 據; delete it`,
				`5:9: warning: half-width "," in Chinese text; write "，"`,
				`7:2: error: invisible character U+200B (zero-width space); delete it`,
			},
			fixed: "\uFEFF---\r\ntitle: 標題\r\ndate: 2016-01-01\r\n---\r\n根據集團，公司\r\n\r\n甲乙\r\n"},
		{name: "code stays as written", in: page("根據(jù)集團\n\n```\n根據(jù)\u200B\n```\n\n~~~chart\ntitle: 發(fā)電\n~~~\n\n    縮進(jìn)代碼\n\n見`根據(jù)`和根據(jù)。\n- 列表\n\n  ```\n  發(fā)\n  ```\n"),
			want: []string{
				`5:3: error: conversion garbage: pinyin (jù) after 據; delete it`,
				`8:3: error: conversion garbage: pinyin (jù) after 據; delete it (by hand: --fix leaves code as written)`,
				`8:7: error: invisible character U+200B (zero-width space); delete it (by hand: --fix leaves code as written)`,
				`12:9: error: conversion garbage: pinyin (fā) after 發; delete it (by hand: --fix leaves code as written)`,
				`15:7: error: conversion garbage: pinyin (jìn) after 進; delete it (by hand: --fix leaves code as written)`,
				`17:5: error: conversion garbage: pinyin (jù) after 據; delete it (by hand: --fix leaves code as written)`,
				`17:13: error: conversion garbage: pinyin (jù) after 據; delete it`,
				`21:4: error: conversion garbage: pinyin (fā) after 發; delete it (by hand: --fix leaves code as written)`,
			},
			fixed: page("根據集團\n\n```\n根據(jù)\u200B\n```\n\n~~~chart\ntitle: 發(fā)電\n~~~\n\n    縮進(jìn)代碼\n\n見`根據(jù)`和根據。\n- 列表\n\n  ```\n  發(fā)\n  ```\n")},
		{name: "code stays as written in a CRLF file", in: "\uFEFF---\r\ntitle: 標題\r\ndate: 2016-01-01\r\n---\r\n甲\u200B乙`丙\u200B丁`\r\n```\r\n甲\u200B乙\r\n```\r\n甲\u200B乙\r\n",
			want: []string{
				`5:2: error: invisible character U+200B (zero-width space); delete it`,
				`5:6: error: invisible character U+200B (zero-width space); delete it (by hand: --fix leaves code as written)`,
				`7:2: error: invisible character U+200B (zero-width space); delete it (by hand: --fix leaves code as written)`,
				`9:2: error: invisible character U+200B (zero-width space); delete it`,
			},
			fixed: "\uFEFF---\r\ntitle: 標題\r\ndate: 2016-01-01\r\n---\r\n甲乙`丙\u200B丁`\r\n```\r\n甲\u200B乙\r\n```\r\n甲乙\r\n"},
		{name: "not UTF-8", in: page("\xff根據(jù)\n"), want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file, script := tt.file, tt.script
			if file == "" {
				file = "content/x.md"
			}
			if script == "" {
				script = Traditional
			}
			found := Check(file, []byte(tt.in), script)
			var got []string
			for _, f := range found {
				if f.Pos.File != file {
					t.Errorf("finding in %q, want %q", f.Pos.File, file)
				}
				got = append(got, fmt.Sprintf("%d:%d: %s: %s", f.Pos.Line, f.Pos.Col, f.Severity, f.Msg))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			want := tt.fixed
			if want == "" {
				want = tt.in
			}
			if fixed := string(Apply([]byte(tt.in), found)); fixed != want {
				t.Errorf("fixed:\n%q\nwant:\n%q", fixed, want)
			}
		})
	}
}

func TestDone(t *testing.T) {
	found := Check("x.md", []byte(page("根據(jù),集團\u200B公司\n")), Traditional)
	var done []string
	for _, f := range found {
		done = append(done, f.Done)
	}
	want := []string{`deleted (jù) after 據`, `"," → "，"`, `deleted the invisible U+200B (zero-width space)`}
	if strings.Join(done, "\n") != strings.Join(want, "\n") {
		t.Errorf("done:\n%s\nwant:\n%s", strings.Join(done, "\n"), strings.Join(want, "\n"))
	}
}

func TestIsSyllable(t *testing.T) {
	for _, s := range []string{"jù", "fā", "chuàng", "zhuǎn", "diào", "qū", "yōu", "wěn", "lǜ", "nüè", "ér", "ài", "ō"} {
		if !isSyllable(s) {
			t.Errorf("isSyllable(%q) = false", s)
		}
	}
	for _, s := range []string{"ju", "a", "jùù", "x", "zhuàngg", "bvà", "JÙ", "ju̇", ""} {
		if isSyllable(s) {
			t.Errorf("isSyllable(%q) = true", s)
		}
	}
}

func TestConvert(t *testing.T) {
	tests := []struct{ in, script, want string }{
		{"发电的标题", Traditional, "發電的標題"},
		// Characters both scripts write stay as they are: 干 (幹部, but 若干), 里, 群, 床; but 党
		// and 厂 are traditional only in names.
		{"党的干部与群众在厂里的床", Traditional, "黨的干部與群衆在廠里的床"},
		{"發電廠的標題", Simplified, "发电厂的标题"},
		{"Go 1.26", Simplified, "Go 1.26"},
	}
	for _, tt := range tests {
		if got := Convert(tt.in, tt.script); got != tt.want {
			t.Errorf("Convert(%q, %s) = %q, want %q", tt.in, tt.script, got, tt.want)
		}
	}
}
