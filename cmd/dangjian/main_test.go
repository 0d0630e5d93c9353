package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/docx"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/sitetest"
	"github.com/dangjian/dangjian/internal/wordfixture"
)

func TestExitStatus(t *testing.T) {
	good := t.TempDir()
	write(t, good, "site.yaml", "title: 测试\n")
	write(t, good, "content/activities/a.md", "---\ntitle: 甲\ndate: 2016-01-01\n---\n正文\n")
	bad := t.TempDir()
	write(t, bad, "site.yaml", "title: 测试\n")
	write(t, bad, "content/lectures/x.md", "---\ntitle: 党课\ndate: 2016-09-20\nspeeker: 张三\n---\n")
	out := filepath.Join(t.TempDir(), "export")
	// Where Windows editors keep a site: folders with Chinese names and spaces.
	chinese := filepath.Join(t.TempDir(), "党委 文件", "2016 两学一做")
	write(t, chinese, "site.yaml", "title: 测试\n")
	write(t, chinese, "content/lectures/专题 讨论/x.md", "---\ntitle: 党课\ndate: 2016-09-20\n---\n")
	write(t, chinese, "content/activities/a.md", "---\ntitle: 小\ndate: 2016-01-01\n---\n")
	chineseBad := filepath.Join(t.TempDir(), "党委 文件")
	write(t, chineseBad, "site.yaml", "title: 测试\n")
	write(t, chineseBad, "content/lectures/专题 讨论/x.md", "---\ntitle: 党课\ndate: 2016-09-20\nspeeker: 张三\n---\n")
	warned := t.TempDir()
	write(t, warned, "site.yaml", "title: 测试\n")
	write(t, warned, "content/activities/a.md", "---\ntitle: 甲\ndate: 2016-01-01\n---\n甲,乙\n")
	fresh := t.TempDir()
	write(t, fresh, "site.yaml", "title: 测试\n")
	drafted := t.TempDir()
	write(t, drafted, "site.yaml", "title: 测试\n")
	for _, name := range []string{"a", "b", "c", "d", "e"} {
		write(t, drafted, "content/activities/"+name+".md", "---\ntitle: 草稿\ndate: 2016-01-01\ndraft: true\n---\n")
	}
	draftsNote := "5 drafts not published: " + filepath.FromSlash("content/activities/a.md") + ", " + filepath.FromSlash("content/activities/b.md") + ", " +
		filepath.FromSlash("content/activities/c.md") + " and 2 more; set draft: false in a page to publish it\n"
	link := filepath.Join(t.TempDir(), "public")
	if err := os.Symlink(t.TempDir(), link); err != nil {
		t.Fatal(err)
	}
	mistyped := filepath.Join(t.TempDir(), "mistyped")
	imports := t.TempDir()
	write(t, imports, "site.yaml", "title: 测试\n")
	docs := t.TempDir()
	dated := wordDocument(t, docs, "党课.docx", "红色党课", "2016年6月28日，公司举办红色党课。")
	undated := wordDocument(t, docs, "活动.docx", "主题党日", "公司开展主题党日活动。")
	write(t, docs, "old.doc", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"+strings.Repeat("\x00", 504))
	write(t, docs, "libreoffice.docx", string(wordfixture.LibreOffice))
	// The report in traditional characters goes into a site written in them, as the real one is.
	traditional := t.TempDir()
	write(t, traditional, "site.yaml", "title: 測試\nscript: traditional\n")

	runCases(t, []commandCase{
		{"no command", nil, exitUsage, "", "usage: dangjian COMMAND"},
		{"unknown command", []string{"bild"}, exitUsage, "", `unknown command "bild"`},
		{"unknown flag", []string{"build", "--nope"}, exitUsage, "", "flag provided but not defined"},
		{"stray argument", []string{"build", "extra"}, exitUsage, "", `unexpected argument "extra"`},
		{"help", []string{"build", "-h"}, exitOK, "", "-base-url"},
		{"version", []string{"version"}, exitOK, "dangjian ", ""},
		{"build", []string{"build", "-s", good}, exitOK, "built 1 page,", ""},
		{"problems", []string{"build", "-s", bad}, exitProblems, "",
			"content/lectures/x.md:4:1: error: unknown key \"speeker\"; did you mean \"speaker\"?\n1 error; nothing was written"},
		{"no site", []string{"build", "-s", t.TempDir()}, exitProblems, "", "site.yaml: error: cannot read the site's configuration"},
		{"no such site", []string{"build", "-s", mistyped}, exitProblems, "", "site.yaml: error: cannot read the site's configuration"},
		{"output a symbolic link", []string{"build", "-s", good, "-d", link}, exitProblems, "", "dangjian: " + link + " is a symbolic link: dangjian replaces the output folder when it publishes, and would replace the link; give the real folder with -d, or remove the link\n"},
		{"bad wait", []string{"build", "--wait", "banana"}, exitUsage, "", `invalid value "banana" for flag -wait: not a duration; write 30s, 5m or 0`},
		{"wait without a unit", []string{"build", "--wait", "5"}, exitUsage, "", `invalid value "5" for flag -wait: not a duration; write 30s, 5m or 0`},
		{"output the site's folder", []string{"build", "-s", good, "-d", good}, exitProblems, "", "dangjian: " + good + " is the site's folder: dangjian replaces the output folder when it publishes, and would move the site away; give a folder of its own with -d, such as " + filepath.Join(good, "public") + "\n"},
		{"output holds the site", []string{"build", "-s", good, "-d", filepath.Dir(good)}, exitProblems, "", "dangjian: " + filepath.Dir(good) + " holds the site's folder " + good},
		{"export", []string{"export", "-s", good, "-o", out, "content/activities/a.md"}, exitOK, "exported 1 article into " + out, ""},
		{"export, flags after the page", []string{"export", "content/activities/a.md", "-s", good, "-o", out}, exitOK, "exported 1 article", ""},
		{"export, page after --", []string{"export", "-s", good, "-o", out, "--", "content/activities/a.md"}, exitOK, "exported 1 article", ""},
		{"export nothing", []string{"export", "-s", good, "-o", out}, exitProblems, "", "site.yaml: error: nothing to export"},
		{"export, not a page", []string{"export", "-s", good, "-o", out, "content/x.md"}, exitProblems, "", "content/x.md: error: no such page in the site"},
		{"export, bad date", []string{"export", "--since", "2016-13-01"}, exitUsage, "", `invalid value "2016-13-01" for flag -since`},
		{"export on a day", []string{"export", "-s", good, "-o", out, "--today", "2016-01-11", "content/activities/a.md"}, exitOK, "exported 1 article",
			"dated 2016-01-01, 10 days before the export on 2016-01-11"},
		// The OpenCC package registers -dir on the global flag set; commands have their own.
		{"export, OpenCC's flag", []string{"export", "-dir", "x"}, exitUsage, "", "flag provided but not defined: -dir"},
		{"export help", []string{"export", "-h"}, exitOK, "", "-since"},
		{"serve help", []string{"serve", "-h"}, exitOK, "", "-poll DURATION"},
		{"serve, bad interval", []string{"serve", "--poll", "often"}, exitUsage, "", `invalid value "often" for flag -poll: not a duration; write 30s, 5m or 0`},
		{"serve, host name with a port", []string{"serve", "--host-name", "dell-pc,party.example.cn:1313"}, exitUsage, "",
			`invalid value "dell-pc,party.example.cn:1313" for flag -host-name: "party.example.cn:1313": give the name without its port: party.example.cn`},
		{"serve, bad port", []string{"serve", "--port", "70000"}, exitUsage, "", `invalid value "70000" for flag -port: want a port number from 1 to 65535`},
		{"serve, two ports", []string{"serve", "-s", good, "--addr", "127.0.0.1:1314", "--port", "1315"}, exitProblems, "", "dangjian: two ports given, 1314 in --addr 127.0.0.1:1314 and --port 1315: give one\n"},
		{"serve, not a site", []string{"serve", "-s", t.TempDir(), "--addr", "127.0.0.1:0"}, exitProblems, "", "(is it the site's folder?)"},
		{"Chinese folders with spaces", []string{"build", "-s", chinese, "--no-git"}, exitOK, "built 2 pages,", ""},
		// Paths are printed the way the system writes them: content\lectures\… on Windows.
		{"problems in Chinese folders", []string{"build", "-s", chineseBad}, exitProblems, "",
			filepath.FromSlash("content/lectures/专题 讨论/x.md") + ":4:1: error: unknown key \"speeker\""},
		{"check clean", []string{"check", "-s", good}, exitOK, "checked 2 files: no problems\n", ""},
		{"check errors", []string{"check", "-s", bad}, exitProblems,
			"content/lectures/x.md:4:1: error: unknown key \"speeker\"; did you mean \"speaker\"?\nchecked 2 files: 1 error, 0 warnings\n", ""},
		{"check warnings only", []string{"check", "-s", warned}, exitOK,
			"content/activities/a.md:5:2: warning: half-width \",\" in Chinese text; write \"，\"\nchecked 2 files: 0 errors, 1 warning\n", ""},
		{"check json", []string{"check", "-s", bad, "--format", "json"}, exitProblems, `"severity": "error",`, ""},
		{"check unknown format", []string{"check", "--format", "xml"}, exitUsage, "", `-format: want text or json, got "xml"`},
		{"check stray argument", []string{"check", "content"}, exitUsage, "", `unexpected argument "content"`},
		{"new", []string{"new", "lecture", "红色党课", "-s", fresh}, exitOK, "wrote content/lectures/", ""},
		{"new, flags first", []string{"new", "-s", fresh, "activity", "两学一做"}, exitOK, "wrote content/activities/", ""},
		{"new, title after --", []string{"new", "-s", fresh, "--", "project", "-攻坚"}, exitOK, "wrote content/projects/", ""},
		{"new unknown kind", []string{"new", "lectures", "红色党课"}, exitUsage, "", "unknown kind \"lectures\"; did you mean \"lecture\"?\nKIND is one of activity, lecture, project, lecture-hall, report."},
		{"new without title", []string{"new", "lecture"}, exitUsage, "", "want a KIND and a TITLE"},
		{"new, too many words", []string{"new", "lecture", "红色", "党课"}, exitUsage, "", "quote a title that has spaces"},
		{"new with a date", []string{"new", "report", "2017年度报告", "--date", "2017-12-31", "-s", fresh}, exitOK,
			"wrote " + filepath.FromSlash("content/reports/2017-niandu-baogao.md") + " as a draft", ""},
		{"new with a time", []string{"new", "lecture", "党课", "--date=2017-06-28T09:30:00+08:00", "-s", fresh}, exitOK, "wrote " + filepath.FromSlash("content/lectures/dangke.md"), ""},
		{"new, impossible date", []string{"new", "lecture", "党课", "--date", "2017-02-30", "-s", fresh}, exitUsage, "",
			`invalid value "2017-02-30" for flag -date: impossible date "2017-02-30": day out of range`},
		{"new, date in another form", []string{"new", "lecture", "党课", "--date", "2017/6/28", "-s", fresh}, exitUsage, "",
			`invalid value "2017/6/28" for flag -date: want a date like 2016-09-20 or 2016-09-20T09:30:00+08:00, got "2017/6/28"`},
		{"new, date without a value", []string{"new", "lecture", "党课", "--date"}, exitUsage, "", "flag needs an argument: -date"},
		{"new, a title without a name", []string{"new", "lecture", "！？", "--date", "2017-06-28", "-s", fresh}, exitOK,
			"the title \"！？\" has no Chinese characters, letters or digits to spell a name with, so the file is named after the date; set slug: in it for a readable address\nwrote " +
				filepath.FromSlash("content/lectures/2017-06-28.md") + " as a draft:", ""},
		{"new lecture hall", []string{"new", "lecture-hall", "爱的传递", "-s", fresh}, exitOK,
			"wrote " + filepath.FromSlash("content/lecture-hall/aide-chuandi/index.md") + " as a draft, in a folder of its own that takes its photos (" + filepath.FromSlash("content/lecture-hall/aide-chuandi") + ")", ""},
		{"new help", []string{"new", "-h"}, exitOK, "", "usage: dangjian new KIND TITLE [--date DATE] [-s SRC]"},
		{"build, drafts left out", []string{"build", "-s", drafted}, exitOK, " → " + filepath.Join(drafted, "public") + "\n" + draftsNote, ""},
		{"check, drafts left out", []string{"check", "-s", drafted}, exitOK, draftsNote + "checked 6 files: no problems\n", ""},
		{"import", []string{"import", dated, "-s", imports}, exitOK,
			"kind: lecture (guessed from the title; give --kind to choose another: activity, lecture, project, lecture-hall, report)\n" +
				"date: 2016-06-28 (written \"2016年6月28日\" in the document; give --date to choose another)\n" +
				"wrote " + filepath.FromSlash("content/lectures/hongse-dangke.md") + " as a draft", ""},
		{"import, kind and date given", []string{"import", undated, "--kind", "activity", "--date", "2016-07-01", "-s", imports}, exitOK,
			"read " + undated + ": title \"主题党日\"\nwrote " + filepath.FromSlash("content/activities/zhuti-dangri.md") + " as a draft", ""},
		// The source's damage is mended, its lost character too (確?!皟蓪W, 確保 written
		// elsewhere), and check finds nothing: exit status 0.
		{"import, damage mended", []string{"import", filepath.Join(docs, "libreoffice.docx"), "-s", traditional}, exitOK,
			"2 pictures, in the page's folder " + filepath.FromSlash("content/activities/guodian-jingyuan-fadian-youxian") + ":\n" +
				"  guodian-jingyuan-fadian-youxian-1.png (caption: 黨員志願者在社區開展服務)\n" +
				"  guodian-jingyuan-fadian-youxian-2.png (caption: “兩學一做”知識競賽現場)\n" +
				"repaired 6 slips in the text, as check --fix does\nchecked the new page: no problems\n", ""},
		{"import without a date", []string{"import", undated, "-s", imports}, exitUsage, "", "give the page's date with --date"},
		{"import a .doc", []string{"import", filepath.Join(docs, "old.doc"), "-s", imports}, exitProblems, "",
			"dangjian import: " + filepath.Join(docs, "old.doc") + ": an old Word (.doc) or WPS (.wps) file, or one with a password: open it in Word or WPS and save it as .docx"},
		{"import, unknown kind", []string{"import", dated, "--kind", "lectures"}, exitUsage, "", "unknown kind \"lectures\"; did you mean \"lecture\"?"},
		{"import without a document", []string{"import", "-s", imports}, exitUsage, "", "want one Word document (.docx) to import"},
		{"import help", []string{"import", "-h"}, exitOK, "", "usage: dangjian import FILE.docx [--kind KIND] [--date DATE] [-s SRC]\nKIND is one of"},
		{"new without site", []string{"new", "lecture", "党课", "-s", t.TempDir()}, exitProblems, "", "cannot read site.yaml"},
	})
	// A mistyped site's folder is not made, as the output's would be.
	if _, err := os.Stat(mistyped); err == nil {
		t.Errorf("a build of a site that is not there made %s", mistyped)
	}
}

// commandCase is a command line, its exit status, and what its output must hold.
type commandCase struct {
	name           string
	args           []string
	code           int
	stdout, stderr string
}

// runCases runs each command line and checks its exit status and output.
func runCases(t *testing.T, cases []commandCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tt.args, &stdout, &stderr)
			if code != tt.code || !strings.Contains(stdout.String(), tt.stdout) || !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d, %q, %q", code, stdout.String(), stderr.String(), tt.code, tt.stdout, tt.stderr)
			}
		})
	}
}

// TestNamesDifferingOnlyInCase: a.md and A.md, which Windows and macOS take for one file.
func TestNamesDifferingOnlyInCase(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "site.yaml", "title: 测试\n")
	write(t, dir, "content/activities/a.md", "---\ntitle: 小\ndate: 2016-01-01\n---\n")
	if _, err := os.Stat(filepath.Join(dir, "content/activities/A.md")); err == nil {
		t.Skip("this file system does not tell a.md from A.md")
	}
	write(t, dir, "content/activities/A.md", "---\ntitle: 大\ndate: 2016-01-02\n---\n")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"build", "-s", dir}, &stdout, &stderr)
	want := filepath.FromSlash("content/activities/a.md") + ":1:1: error: URL /activities/a/ (as /activities/A/, differing only in case) is claimed twice: also by " +
		filepath.FromSlash("content/activities/A.md") + "\n1 error; nothing was written\n"
	if code != exitProblems || stderr.String() != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", code, stderr.String(), exitProblems, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Errorf("a failed build wrote public/")
	}
}

// TestCheckFix repairs a page and prints each change; a second run has nothing left to do.
func TestCheckFix(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "site.yaml", "title: 國電\nscript: traditional\n")
	write(t, dir, "content/activities/a.md", "---\r\ntitle: 甲\r\ndate: 2016-01-01\r\n---\r\n根據(jù)部署,發(fā)電\u200b\r\n")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"check", "--fix", "-s", dir}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d, stdout %s, stderr %s", code, &stdout, &stderr)
	}
	want := `content/activities/a.md:5:3: fixed: deleted (jù) after 據
content/activities/a.md:5:9: fixed: "," → "，"
content/activities/a.md:5:11: fixed: deleted (fā) after 發
content/activities/a.md:5:16: fixed: deleted the invisible U+200B (zero-width space)
fixed 4 problems in 1 file
checked 2 files: no problems
`
	if stdout.String() != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", &stdout, want)
	}
	data, err := os.ReadFile(filepath.Join(dir, "content/activities/a.md"))
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != "---\r\ntitle: 甲\r\ndate: 2016-01-01\r\n---\r\n根據部署，發電\r\n" {
		t.Errorf("fixed file: %q", data)
	}
	stdout.Reset()
	if code := run(context.Background(), []string{"check", "--fix", "-s", dir}, &stdout, &stderr); code != exitOK || stdout.String() != "checked 2 files: no problems\n" {
		t.Errorf("second run: exit %d, %s", code, &stdout)
	}
}

// TestMain lets the test binary stand in for dangjian when DANGJIAN_AS_MAIN is set, for the
// tests that run it as a process: the pre-commit hook, two builds at once, a stop by signal.
// It pins the language of every command the tests run, in the process and in the processes it
// starts, to English, so that the machine's LANG never changes what they print; the tests of
// the Chinese set DANGJIAN_LANG themselves (TestLanguages).
func TestMain(m *testing.M) {
	if os.Getenv("DANGJIAN_AS_MAIN") == "1" { // started by a test, in the language it gave
		os.Exit(runUntilStopped(os.Args[1:], os.Stdout, os.Stderr))
	}
	if err := os.Setenv("DANGJIAN_LANG", "en"); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

// wordDocument writes a Word document of a title and paragraphs into dir, and returns its path.
func wordDocument(t *testing.T, dir, name, title string, paragraphs ...string) string {
	t.Helper()
	doc := &docx.Document{Properties: docx.Properties{Title: title}, Blocks: []docx.Block{&docx.Paragraph{Style: docx.Title, Runs: []docx.Run{{Text: title}}}}}
	for _, p := range paragraphs {
		doc.Blocks = append(doc.Blocks, &docx.Paragraph{Runs: []docx.Run{{Text: p}}})
	}
	var b bytes.Buffer
	if err := docx.Write(&b, doc); err != nil {
		t.Fatal(err)
	}
	write(t, dir, name, b.String())
	return filepath.Join(dir, name)
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	full := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBuildOutputs(t *testing.T) {
	site := t.TempDir()
	write(t, site, "site.yaml", "title: 测试\n")
	for i := range 30 {
		write(t, site, "content/activities/a"+strconv.Itoa(i)+".md", "---\ntitle: 甲\ndate: 2016-01-01\n---\n正文\n")
	}
	write(t, site, "content/activities/slip.md", "---\ntitle: 乙\ndate: 2016-01-01\n---\n甲,乙\n")
	build := func(terminal bool, args ...string) (string, string) {
		t.Helper()
		defer func(was func(io.Writer) bool) { isTerminal = was }(isTerminal)
		isTerminal = func(io.Writer) bool { return terminal }
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), append([]string{"build", "-s", site, "--no-git"}, args...), &stdout, &stderr); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		return stdout.String(), stderr.String()
	}
	if out, errs := build(false, "--quiet"); out != "" || errs != "" {
		t.Errorf("--quiet printed %q, %q", out, errs)
	}
	// The build ends with the count of the text's slips that check finds.
	if out, _ := build(false); !strings.HasSuffix(out, "\n1 text problem: run dangjian check to see where\n") {
		t.Errorf("a build printed %q", out)
	}
	if out, _ := build(false, "--verbose"); !strings.Contains(out, "loading ") || !strings.Contains(out, "writing ") || !strings.Contains(out, "built 31 pages") {
		t.Errorf("--verbose printed %q", out)
	}
	// In a pipe, no progress line; on a terminal, the line is cleared at the end.
	if _, errs := build(false); errs != "" {
		t.Errorf("a build in a pipe printed %q", errs)
	}
	if _, errs := build(true); !strings.HasSuffix(errs, "\r\033[K") {
		t.Errorf("a build on a terminal did not clear its progress line: %q", errs)
	}
}

func TestShowProgress(t *testing.T) {
	var p generator.Progress
	var out sitetest.SyncBuffer
	stop := showProgress(console{stderr: &out, p: msg.English}, &p, time.Now())
	time.Sleep(3 * progressEvery)
	stop()
	// Before a build enters its first stage, the line shows only the time taken.
	if !regexp.MustCompile(`^(\r\033\[K … [0-9.]+m?s)+$`).MatchString(out.String()) {
		t.Errorf("progress printed %q", out.String())
	}
}

// TestFromAFolderOfTheSite runs every command from a folder inside the site, without -s: each
// finds the site's folder above, and names the files from it. A folder in no site, or a -s
// given, is not looked above.
func TestFromAFolderOfTheSite(t *testing.T) {
	site := t.TempDir()
	write(t, site, "site.yaml", "title: 测试\n")
	write(t, site, "content/lectures/x.md", "---\ntitle: 党课\ndate: 2016-09-20\n---\n甲,乙\n")
	t.Chdir(filepath.Join(site, "content", "lectures"))
	out := t.TempDir()
	lecture := filepath.FromSlash("content/lectures/x.md")
	runCases(t, []commandCase{
		{"build", []string{"build", "--no-git"}, exitOK, "→ " + filepath.Join(site, "public") + "\n", ""},
		{"check", []string{"check", "--no-git"}, exitOK, lecture + ":5:2: warning: half-width \",\"", ""},
		{"export", []string{"export", "--no-git", "-o", out, "x.md"}, exitOK, "exported 1 article into " + out, ""},
		{"new", []string{"new", "activity", "两学一做"}, exitOK, "wrote content/activities/", ""},
		{"-s given", []string{"check", "-s", "."}, exitProblems, "site.yaml: error: cannot read the site's configuration", ""},
	})
	if _, err := os.Stat(filepath.Join(site, "public", "lectures", "x", "index.html")); err != nil {
		t.Errorf("the build did not write the site's public/: %v", err)
	}

	nowhere := t.TempDir()
	t.Chdir(nowhere)
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"build"}, &stdout, &stderr)
	if want := "dangjian: no site.yaml in " + nowhere + " nor in any folder above it"; code != exitProblems || !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("exit %d, stderr %q; want %d, %q", code, stderr.String(), exitProblems, want)
	}
}
