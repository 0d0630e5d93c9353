package lastmod

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/dangjian/dangjian/internal/gittest"
	"github.com/dangjian/dangjian/internal/msg"
)

// repo is a real git repository in a temporary folder, with commits at known dates.
type repo struct {
	t   *testing.T
	dir string
}

func newRepo(t *testing.T) *repo {
	t.Helper()
	r := &repo{t: t, dir: t.TempDir()}
	gittest.Init(t, r.dir)
	return r
}

func (r *repo) git(args ...string) string { r.t.Helper(); return gittest.Git(r.t, r.dir, args...) }

// commit commits the working tree, authored at author and committed at committer.
func (r *repo) commit(author, committer string) {
	r.t.Helper()
	gittest.Commit(r.t, r.dir, author, committer)
}

// write writes the files, name then content, into the working tree.
func (r *repo) write(files ...string) {
	r.t.Helper()
	for i := 0; i+1 < len(files); i += 2 {
		full := filepath.Join(r.dir, filepath.FromSlash(files[i]))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(files[i+1]), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
}

// touch sets a file's modification time.
func touch(t *testing.T, dir, name string, at time.Time) {
	t.Helper()
	if err := os.Chtimes(filepath.Join(dir, filepath.FromSlash(name)), at, at); err != nil {
		t.Fatal(err)
	}
}

func mustParse(t *testing.T, s string) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return at
}

func TestFind(t *testing.T) {
	r := newRepo(t)
	const (
		first  = "2016-03-01T09:00:00+08:00"
		second = "2016-06-28T23:30:00+08:00" // 15:30 UTC: the page must still say the 28th
		later  = "2017-01-05T10:00:00+08:00"
	)
	r.write(
		"site.yaml", "title: 测试\n",
		"content/lectures/hongse-dangke.md", "一\n",
		"content/lectures/专题 讨论/讲 政治.md", "一\n",
		"content/activities/a.md", "一\n",
	)
	r.commit(first, first)
	r.write("content/lectures/hongse-dangke.md", "二\n")
	// Committed a week after it was written (a rebase, a late push): the author date counts.
	r.commit(second, "2016-07-05T08:00:00+08:00")
	r.write("site.yaml", "title: 改\n") // changes outside the files asked about date nothing
	r.commit(later, later)
	// A page not committed yet, and one changed since its last commit.
	r.write("content/activities/new.md", "新\n")
	untouched := time.Date(2020, 2, 3, 4, 5, 6, 0, time.UTC)
	touch(t, r.dir, "content/activities/new.md", untouched)

	files := []string{"content/lectures/hongse-dangke.md", "content/lectures/专题 讨论/讲 政治.md", "content/activities/a.md", "content/activities/new.md"}
	tests := []struct {
		name   string
		useGit bool
		want   map[string]time.Time
	}{
		{"git", true, map[string]time.Time{
			"content/lectures/hongse-dangke.md": mustParse(t, second),
			"content/lectures/专题 讨论/讲 政治.md":    mustParse(t, first),
			"content/activities/a.md":           mustParse(t, first),
			"content/activities/new.md":         untouched,
		}},
		{"no git", false, map[string]time.Time{
			"content/lectures/hongse-dangke.md": untouched,
			"content/lectures/专题 讨论/讲 政治.md":    untouched,
			"content/activities/a.md":           untouched,
			"content/activities/new.md":         untouched,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, name := range files {
				touch(t, r.dir, name, untouched)
			}
			dates, problems := Find(context.Background(), r.dir, files, tt.useGit)
			if len(problems) > 0 {
				t.Errorf("problems: %v", problems)
			}
			assertDates(t, dates, tt.want)
		})
	}
	// The author's own time zone is kept, so the day shown is the day the author saw.
	dates, _ := Find(context.Background(), r.dir, files, true)
	if got := dates["content/lectures/hongse-dangke.md"].Format(time.RFC3339); got != second {
		t.Errorf("date: got %s, want %s as written", got, second)
	}
}

func assertDates(t *testing.T, got, want map[string]time.Time) {
	t.Helper()
	for name, w := range want {
		if g, ok := got[name]; !ok || !g.Equal(w) {
			t.Errorf("%s: got %v, want %v", name, g, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d dates, want %d: %v", len(got), len(want), got)
	}
}

// TestFindSiteInSubfolder dates a site that lives in a folder of a larger repository, a
// folder with a Chinese name and a space, as editors name them.
func TestFindSiteInSubfolder(t *testing.T) {
	r := newRepo(t)
	const site = "党建 网站"
	r.write(site+"/content/a.md", "一\n", site+"/content/b.md", "一\n", "other/content/a.md", "一\n")
	r.commit("2016-01-01T08:00:00+08:00", "2016-01-01T08:00:00+08:00")
	r.write(site+"/content/b.md", "二\n")
	r.commit("2016-02-01T08:00:00+08:00", "2016-02-01T08:00:00+08:00")
	r.write("other/content/a.md", "二\n") // the same path in another folder is another file
	r.commit("2016-03-01T08:00:00+08:00", "2016-03-01T08:00:00+08:00")

	dates, problems := Find(context.Background(), filepath.Join(r.dir, site), []string{"content/a.md", "content/b.md"}, true)
	if len(problems) > 0 {
		t.Errorf("problems: %v", problems)
	}
	assertDates(t, dates, map[string]time.Time{
		"content/a.md": mustParse(t, "2016-01-01T08:00:00+08:00"),
		"content/b.md": mustParse(t, "2016-02-01T08:00:00+08:00"),
	})
}

func TestFindOutsideGit(t *testing.T) {
	t.Setenv("GIT_CEILING_DIRECTORIES", os.TempDir()) // a temporary folder inside a checkout is not in it
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "a.md"), []byte("一\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2016, 9, 20, 10, 0, 0, 0, time.UTC)
	touch(t, dir, "content/a.md", at)
	dates, problems := Find(context.Background(), dir, []string{"content/a.md", "content/gone.md"}, true)
	if len(problems) > 0 {
		t.Errorf("problems: %v", problems)
	}
	// A file that cannot be read has no date rather than a wrong one.
	assertDates(t, dates, map[string]time.Time{"content/a.md": at})
}

func TestFindWarnsOfShallowClone(t *testing.T) {
	r := newRepo(t)
	r.write("content/a.md", "一\n")
	r.commit("2016-01-01T08:00:00+08:00", "2016-01-01T08:00:00+08:00")
	r.write("content/a.md", "二\n")
	r.commit("2016-02-01T08:00:00+08:00", "2016-02-01T08:00:00+08:00")
	clone := filepath.Join(t.TempDir(), "clone")
	r.git("clone", "-q", "--depth", "1", "file://"+filepath.ToSlash(r.dir), clone)
	dates, problems := Find(context.Background(), clone, []string{"content/a.md"}, true)
	if len(problems) != 1 || problems[0].Key != msg.ShallowCheckout {
		t.Errorf("problems: got %v, want a warning about the shallow clone", problems)
	}
	assertDates(t, dates, map[string]time.Time{"content/a.md": mustParse(t, "2016-02-01T08:00:00+08:00")})
}

// TestFindRunsGitTwice counts the git processes for a site of many pages: one to find the
// checkout, one log for all pages, however many there are.
func TestFindRunsGitTwice(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the counting wrapper is a shell script")
	}
	r := newRepo(t)
	var files []string
	for i := range 200 {
		name := "content/activities/" + strings.Repeat("页", i%7+1) + string(rune('a'+i%26)) + string(rune('0'+i/26)) + ".md"
		files = append(files, name)
		r.write(name, "一\n")
	}
	r.commit("2016-01-01T08:00:00+08:00", "2016-01-01T08:00:00+08:00")
	realGit, _ := exec.LookPath("git")
	bin, calls := t.TempDir(), filepath.Join(t.TempDir(), "calls")
	wrapper := "#!/bin/sh\necho \"$*\" >> '" + calls + "'\nexec '" + realGit + "' \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "git"), []byte(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))

	dates, problems := Find(context.Background(), r.dir, files, true)
	if len(problems) > 0 || len(dates) != len(files) {
		t.Errorf("got %d dates for %d files, problems %v", len(dates), len(files), problems)
	}
	log, err := os.ReadFile(calls)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(log), "\n"); n != 2 {
		t.Errorf("git ran %d times for %d pages, want 2:\n%s", n, len(files), log)
	}
}

func TestParseLog(t *testing.T) {
	// What git log -z --name-only --format=\x01%aI prints: the first commit is the newest.
	out := "\x012016-06-28T23:30:00+08:00\x00\ncontent/a.md\x00content/专题 讨论/b.md\x00\x00" +
		"\x012016-03-01T09:00:00+08:00\x00\ncontent/a.md\x00content/c.md\x00"
	wanted := map[string]bool{"content/a.md": true, "content/专题 讨论/b.md": true, "content/c.md": true, "content/d.md": true}
	dates := map[string]time.Time{}
	stopped := false
	if err := parseLog(strings.NewReader(out), wanted, dates, func() { stopped = true }); err != nil {
		t.Fatal(err)
	}
	assertDates(t, dates, map[string]time.Time{
		"content/a.md":       mustParse(t, "2016-06-28T23:30:00+08:00"),
		"content/专题 讨论/b.md": mustParse(t, "2016-06-28T23:30:00+08:00"),
		"content/c.md":       mustParse(t, "2016-03-01T09:00:00+08:00"),
	})
	if stopped {
		t.Errorf("parseLog stopped git with content/d.md still undated")
	}
	delete(wanted, "content/d.md")
	clear(dates)
	if err := parseLog(strings.NewReader(out), wanted, dates, func() { stopped = true }); err != nil || !stopped {
		t.Errorf("parseLog did not stop git once every file had its date (err %v)", err)
	}
	if err := parseLog(strings.NewReader("\x01yesterday\x00"), wanted, dates, func() {}); err == nil {
		t.Errorf("a malformed date: want an error")
	}
}

func FuzzParseLog(f *testing.F) {
	f.Add("\x012016-06-28T23:30:00+08:00\x00\ncontent/a.md\x00content/b.md\x00\x00")
	f.Add("\x01\x00\n\x00")
	f.Fuzz(func(t *testing.T, out string) {
		wanted := map[string]bool{"content/a.md": true, "content/b.md": true}
		dates := map[string]time.Time{}
		_ = parseLog(strings.NewReader(out), wanted, dates, func() {})
		for name := range dates {
			if !wanted[name] {
				t.Errorf("dated %q, which was not asked for", name)
			}
		}
	})
}
