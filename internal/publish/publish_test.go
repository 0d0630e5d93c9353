package publish

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dangjian/dangjian/internal/msg"
)

// publish writes files into dest with one publisher and commits them.
func publish(t *testing.T, dest string, opts Options, files map[string]string) error {
	t.Helper()
	pub, err := New(t.Context(), dest, opts)
	if err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := pub.Write(name, []byte(files[name])); err != nil {
			t.Fatal(err)
		}
	}
	return pub.Commit()
}

// TestPublisherRefuses: a name that would leave the output, or name the manifest or the
// marker, or that is not UTF-8, is not written; nor is a file written twice in one build.
func TestPublisherRefuses(t *testing.T) {
	pub, err := New(t.Context(), filepath.Join(t.TempDir(), "public"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Abort()
	for _, name := range []string{"../outside.html", "/etc/passwd", "a/../../b", "a//b", "./a", ManifestFile, MarkerFile, "a\xffb", ""} {
		if err := pub.Write(name, []byte("x")); err == nil || !strings.Contains(english(err), "refusing to write") {
			t.Errorf("Write(%q): %v, want a refusal", name, err)
		}
	}
	if err := pub.Write("a/index.html", []byte("一")); err != nil {
		t.Fatal(err)
	}
	src := fstest.MapFS{"one.js": {Data: []byte("1")}}
	if err := pub.Copy("a/index.html", src, "one.js"); err == nil || !strings.Contains(english(err), "written twice") {
		t.Errorf("writing a file twice: %v", err)
	}
}

// TestCommit: the manifest lists the files written; files and folders of the old output that
// dangjian did not write are carried over, empty folders too, and one the build writes as well
// stops the build.
func TestCommit(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	src := fstest.MapFS{"a.js": {Data: []byte("a")}, "b.js": {Data: []byte("b")}}
	pub, err := New(t.Context(), dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := pub.Copy("joined.js", src, "a.js", "b.js"); err != nil {
		t.Fatal(err)
	}
	if err := pub.Write("old/index.html", []byte("旧")); err != nil {
		t.Fatal(err)
	}
	if err := pub.Commit(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "joined.js")); string(data) != "a\nb" {
		t.Errorf("joined.js = %q, want the files joined by a newline", data)
	}
	writeFile(t, filepath.Join(dest, "mine.txt"), "mine")
	for _, dir := range []string{"empty", "old/notes", "deep/er/still"} {
		if err := os.MkdirAll(filepath.Join(dest, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}

	if err := publish(t, dest, Options{}, map[string]string{"new.html": "新"}); err != nil {
		t.Fatal(err)
	}
	if got, _, err := readManifest(dest); err != nil || !maps.Equal(got, map[string]bool{"new.html": true}) {
		t.Errorf("manifest %v, %v; want only new.html", got, err)
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "mine.txt")); string(data) != "mine" {
		t.Errorf("a file dangjian did not write was not carried over: %q", data)
	}
	for _, dir := range []string{"empty", "old/notes", "deep/er/still"} {
		if info, err := os.Stat(filepath.Join(dest, dir)); err != nil || !info.IsDir() {
			t.Errorf("the empty folder %s made by hand was not carried over: %v", dir, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "old/index.html")); err == nil {
		t.Error("a file the last build wrote and this one did not is still there")
	}

	for _, clash := range []string{"mine.txt", "mine.txt/index.html", "empty"} {
		err := publish(t, dest, Options{}, map[string]string{clash: "generated"})
		if err == nil || !strings.Contains(english(err), "where dangjian did not write before") {
			t.Errorf("writing %s over what dangjian did not write: %v", clash, err)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "mine.txt")); string(data) != "mine" {
		t.Errorf("the refused build changed mine.txt: %q", data)
	}
	assertBeside(t, dest)
}

// assertBeside checks that nothing but the output and its lock is left beside dest.
func assertBeside(t *testing.T, dest string) {
	t.Helper()
	if names, want := listNames(t, filepath.Dir(dest)), []string{".public.dangjian-lock", "public"}; !slices.Equal(names, want) {
		t.Errorf("beside the output: %q, want %q", names, want)
	}
}

// listNames lists the names in the folder dir.
func listNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestManifestKeepsAnyName: names with line breaks, tabs, control characters and quotes are
// listed exactly; a file made by hand that is named like the part of one after its line break
// is not taken for dangjian's.
func TestManifestKeepsAnyName(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	names := []string{"a\nmine.txt", "tab\there", "del\x7f", "c1\u0085", `quote"d`, `back\slash`, "中文/页.html", "plain.html"}
	files := map[string]string{}
	for _, name := range names {
		files[name] = "x"
	}
	if err := publish(t, dest, Options{}, files); err != nil {
		t.Fatal(err)
	}
	got, _, err := readManifest(dest)
	if err != nil {
		t.Fatal(err)
	}
	if want := maps.Collect(func(yield func(string, bool) bool) {
		for _, n := range names {
			yield(n, true)
		}
	}); !maps.Equal(got, want) {
		t.Errorf("manifest read back as %q", slices.Sorted(maps.Keys(got)))
	}
	writeFile(t, filepath.Join(dest, "mine.txt"), "mine")
	if err := publish(t, dest, Options{}, map[string]string{"plain.html": "y"}); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(filepath.Join(dest, "mine.txt")); string(data) != "mine" {
		t.Errorf("mine.txt after a rebuild: %q, %v", data, err)
	}
	if _, err := os.Stat(filepath.Join(dest, "a\nmine.txt")); err == nil {
		t.Error("a file of the last build is still there")
	}
}

// TestFirstManifestFormat: an output written by an earlier dangjian, whose manifest is one
// plain path a line, is read once and rewritten in the new format.
func TestFirstManifestFormat(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	writeFile(t, filepath.Join(dest, ManifestFile), "index.html\nlectures/a/index.html\n")
	writeFile(t, filepath.Join(dest, "index.html"), "old")
	writeFile(t, filepath.Join(dest, "lectures/a/index.html"), "old")
	writeFile(t, filepath.Join(dest, "mine.txt"), "mine")
	if err := publish(t, dest, Options{}, map[string]string{"index.html": "new"}); err != nil {
		t.Fatal(err)
	}
	if got, _, err := readManifest(dest); err != nil || !maps.Equal(got, map[string]bool{"index.html": true}) {
		t.Errorf("manifest %v, %v", got, err)
	}
	if data, _ := os.ReadFile(filepath.Join(dest, ManifestFile)); !strings.HasPrefix(string(data), manifestHeader+"\n") {
		t.Errorf("manifest not rewritten: %q", data)
	}
	if _, err := os.Stat(filepath.Join(dest, "lectures/a/index.html")); err == nil {
		t.Error("a file the old manifest listed is still there")
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "mine.txt")); string(data) != "mine" {
		t.Errorf("mine.txt: %q", data)
	}

	writeFile(t, filepath.Join(dest, ManifestFile), manifestHeader+"\n\"index.html\"\nnot JSON\n")
	err := publish(t, dest, Options{}, nil)
	if err == nil || !strings.Contains(english(err), ManifestFile+":3: damaged") {
		t.Errorf("a damaged manifest: %v", err)
	}
}

// TestOneRunAtATime: a second publisher of the same output waits for the first, or fails
// naming it when it may not wait or waits too long.
func TestOneRunAtATime(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	first, err := New(t.Context(), dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	self := "process " + strconv.Itoa(os.Getpid())
	for _, wait := range []time.Duration{0, time.Millisecond} {
		_, err := New(t.Context(), dest, Options{Wait: wait})
		busy, ok := errors.AsType[*Busy](err)
		if !ok || busy.Holder.Text(msg.English) != self || busy.Waited != wait {
			t.Errorf("waiting %s: %v, want Busy by %s", wait, err, self)
		}
		if english := msg.EnglishIn(err.Error()); english != "" {
			t.Errorf("waiting %s: English in the Chinese %q: %q", wait, err, english)
		}
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := New(ctx, dest, Options{Wait: time.Hour}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled while waiting: %v", err)
	}

	waiting := make(chan string, 1)
	second := make(chan error)
	go func() {
		pub, err := New(context.Background(), dest, Options{Wait: time.Hour, Waiting: func(m msg.Message) { waiting <- m.Text(msg.English) }})
		if err == nil {
			err = pub.Write("second.html", []byte("2"))
		}
		if err == nil {
			err = pub.Commit()
		}
		second <- err
	}()
	if msg := <-waiting; msg != "waiting for another run of dangjian ("+self+") to finish writing "+dest+" …" {
		t.Errorf("waiting message %q", msg)
	}
	if err := first.Write("first.html", []byte("1")); err != nil {
		t.Fatal(err)
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-second; err != nil {
		t.Fatal(err)
	}
	// The second run began once the first had finished: it found the first's output.
	if got, _, _ := readManifest(dest); !maps.Equal(got, map[string]bool{"second.html": true}) {
		t.Errorf("manifest %v", got)
	}
	if _, err := os.Stat(filepath.Join(dest, "first.html")); err == nil {
		t.Error("the first run's file, which the second did not write, is still there")
	}
}

// TestCrashAtEveryStep stops a build after each of its steps, as a crash there would, then
// stops the build that follows after each of its own steps (the repair included), then builds
// once more: that build's files are all there, with every file and empty folder made by hand,
// those made while a build published included, and nothing is left beside the output. Both
// ways of swapping are tried: the exchange of the two folders in one step, and the two renames
// used where there is none.
func TestCrashAtEveryStep(t *testing.T) {
	handMade := map[string]string{"mine.txt": "mine", "a/mine.txt": "mine too", "gone/mine.txt": "mine in a gone page's folder"}
	handFolders := []string{"empty", "a/notes", "gone/empty"}
	// setUp makes a first output with files made by hand, when there is one.
	setUp := func(t *testing.T, existing bool) string {
		dest := filepath.Join(t.TempDir(), "public")
		if !existing {
			return dest
		}
		if err := publish(t, dest, Options{}, map[string]string{"a/index.html": "A", "gone/index.html": "A"}); err != nil {
			t.Fatal(err)
		}
		for name, data := range handMade {
			writeFile(t, filepath.Join(dest, name), data)
		}
		for _, dir := range handFolders {
			if err := os.MkdirAll(filepath.Join(dest, dir), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		return dest
	}
	// build publishes a build's files; with crashAt it records its steps, and stops after the
	// one crashAt names ("written half" stops it while it writes). Once it has carried over
	// the files made by hand, it makes more in the output, into made, as an editor might.
	build := func(t *testing.T, dest, label string, renamesOnly bool, crashAt string, steps *[]string, made map[string]string) error {
		crash := func(step string) bool {
			if steps != nil && !slices.Contains(*steps, step) {
				*steps = append(*steps, step)
			}
			if _, err := os.Stat(dest); err == nil && step == "staged" {
				for _, name := range []string{"late/" + label + ".txt", "a/late-" + label + ".txt", "gone/late-" + label + ".txt"} {
					writeFile(t, filepath.Join(dest, name), "made while "+label+" published")
					made[name] = "made while " + label + " published"
				}
			}
			return step == crashAt
		}
		pub, err := New(t.Context(), dest, Options{renamesOnly: renamesOnly, crash: crash})
		if err != nil {
			return err
		}
		for i, name := range []string{"a/index.html", "b/index.html", "b/photo.jpg"} {
			if err := pub.Write(name, []byte(label)); err != nil {
				t.Fatal(err)
			}
			if i == 0 && crash("written half") {
				pub.unlock()
				return errCrashed
			}
		}
		return pub.Commit()
	}
	check := func(t *testing.T, dest string, existing bool, made map[string]string) {
		t.Helper()
		want := map[string]string{"a/index.html": "D", "b/index.html": "D", "b/photo.jpg": "D"}
		maps.Copy(want, made)
		if existing {
			maps.Copy(want, handMade)
		}
		if got := tree(t, dest); !maps.Equal(got, want) {
			t.Errorf("the output holds %v, want %v", got, want)
		}
		if existing {
			for _, dir := range handFolders {
				if _, err := os.Stat(filepath.Join(dest, dir)); err != nil {
					t.Errorf("the empty folder made by hand is lost: %v", err)
				}
			}
		}
		assertBeside(t, dest)
	}
	for _, renamesOnly := range []bool{false, true} {
		for _, existing := range []bool{true, false} {
			var steps []string
			made := map[string]string{}
			if err := build(t, setUp(t, existing), "B", renamesOnly, "", &steps, made); err != nil {
				t.Fatal(err)
			}
			if existing {
				aside := slices.Contains(steps, "moved the output aside")
				if renamesOnly != aside && runtime.GOOS == "linux" {
					t.Errorf("renames only %v: the steps were %q", renamesOnly, steps)
				}
				if len(made) == 0 {
					t.Errorf("no files were made while the build published: the steps were %q", steps)
				}
			}
			for _, crashAt := range steps {
				name := strings.Join([]string{map[bool]string{false: "exchange", true: "renames"}[renamesOnly], map[bool]string{false: "first output", true: "output exists"}[existing], crashAt}, ", ")
				t.Run(name, func(t *testing.T) {
					// The steps of the build after the crash, then a crash after each of them.
					var repairSteps []string
					dest, made := setUp(t, existing), map[string]string{}
					if err := build(t, dest, "B", renamesOnly, crashAt, nil, made); !errors.Is(err, errCrashed) {
						t.Fatalf("not stopped after %q: %v", crashAt, err)
					}
					if err := build(t, dest, "D", renamesOnly, "", &repairSteps, made); err != nil {
						t.Fatalf("the build after the crash: %v", err)
					}
					check(t, dest, existing, made)
					for _, repairAt := range repairSteps {
						dest, made := setUp(t, existing), map[string]string{}
						_ = build(t, dest, "B", renamesOnly, crashAt, nil, made)
						if err := build(t, dest, "C", renamesOnly, repairAt, nil, made); !errors.Is(err, errCrashed) {
							t.Fatalf("not stopped after %q: %v", repairAt, err)
						}
						if err := build(t, dest, "D", renamesOnly, "", nil, made); err != nil {
							t.Fatalf("after crashes at %q and %q: %v", crashAt, repairAt, err)
						}
						check(t, dest, existing, made)
					}
				})
			}
		}
	}
}

// TestFilesMadeWhilePublishing: files and folders put into the output while a build publishes,
// after it carried over those made by hand and before it swapped, are in the new output: only
// what dangjian wrote is removed with the old one. One that the new output has a file of the
// same name for (the build's own, or the hand-made file it carried over, which an editor
// replaced meanwhile) is kept beside the output and reported, until someone moves it.
func TestFilesMadeWhilePublishing(t *testing.T) {
	made := map[string]string{
		"hand/new.txt":         "in a folder made by hand",
		"late.txt":             "beside the pages",
		"late/deep/f.txt":      "in a new folder",
		"a/late.txt":           "in a page's folder",
		"gone/late.txt":        "in the folder of a page that is gone",
		"hand/empty/.keep.txt": "",
	}
	for _, renamesOnly := range []bool{false, true} {
		for _, step := range []string{"staged", "marked the output"} {
			t.Run(fmt.Sprintf("renames only %v, after %s", renamesOnly, step), func(t *testing.T) {
				dest := filepath.Join(t.TempDir(), "public")
				if err := publish(t, dest, Options{}, map[string]string{"a/index.html": "A", "gone/index.html": "A"}); err != nil {
					t.Fatal(err)
				}
				writeFile(t, filepath.Join(dest, "hand/mine.txt"), "mine")
				makeFiles := func(at string) bool {
					if at == step {
						for name, data := range made {
							writeFile(t, filepath.Join(dest, name), data)
						}
						if err := os.Mkdir(filepath.Join(dest, "late-empty"), 0o755); err != nil {
							t.Fatal(err)
						}
					}
					return false
				}
				if err := publish(t, dest, Options{renamesOnly: renamesOnly, crash: makeFiles}, map[string]string{"a/index.html": "B", "b/index.html": "B"}); err != nil {
					t.Fatal(err)
				}
				want := maps.Clone(made)
				maps.Copy(want, map[string]string{"a/index.html": "B", "b/index.html": "B", "hand/mine.txt": "mine"})
				if got := tree(t, dest); !maps.Equal(got, want) {
					t.Errorf("the output holds %v, want %v", got, want)
				}
				if info, err := os.Stat(filepath.Join(dest, "late-empty")); err != nil || !info.IsDir() {
					t.Errorf("the empty folder made while publishing is lost: %v", err)
				}
				assertBeside(t, dest)
			})
		}
	}

	t.Run("a name the new output has", func(t *testing.T) {
		for _, renamesOnly := range []bool{false, true} {
			dest := filepath.Join(t.TempDir(), "public")
			if err := publish(t, dest, Options{}, map[string]string{"a/index.html": "A"}); err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(dest, "mine.txt"), "mine")
			makeFiles := func(at string) bool {
				if at == "staged" {
					writeFile(t, filepath.Join(dest, "b/index.html"), "made by hand")
					replaced := filepath.Join(dest, "mine.txt.tmp")
					writeFile(t, replaced, "mine, saved again")
					if err := os.Rename(replaced, filepath.Join(dest, "mine.txt")); err != nil {
						t.Fatal(err)
					}
				}
				return false
			}
			aside := filepath.Join(filepath.Dir(dest), map[bool]string{false: ".public.dangjian-new", true: ".public.dangjian-old"}[renamesOnly])
			err := publish(t, dest, Options{renamesOnly: renamesOnly, crash: makeFiles}, map[string]string{"a/index.html": "B", "b/index.html": "B"})
			for _, name := range []string{"b/index.html", "mine.txt"} {
				kept := filepath.Join(aside, filepath.FromSlash(name))
				want := name + " was put into " + dest + " while dangjian published it, where the new output has " + filepath.Join(dest, filepath.FromSlash(name)) + " too: it is kept as " + kept + "; move it where you want it, then build again"
				if err == nil || !strings.Contains(english(err), want) {
					t.Errorf("renames only %v: got %v, want %q", renamesOnly, err, want)
				}
			}
			got := tree(t, aside)
			delete(got, MarkerFile)
			if !maps.Equal(got, map[string]string{"b/index.html": "made by hand", "mine.txt": "mine, saved again"}) {
				t.Errorf("renames only %v: kept %v", renamesOnly, got)
			}
			// The next build stops until they are moved away; then it removes the rest.
			if err := publish(t, dest, Options{}, nil); err == nil || !strings.Contains(english(err), "it is kept as") {
				t.Errorf("renames only %v: the next build: %v", renamesOnly, err)
			}
			for _, name := range []string{"b/index.html", "mine.txt"} {
				if err := os.Rename(filepath.Join(aside, name), filepath.Join(t.TempDir(), "moved")); err != nil {
					t.Fatal(err)
				}
			}
			if err := publish(t, dest, Options{}, map[string]string{"c.html": "C"}); err != nil {
				t.Fatalf("renames only %v: once moved away: %v", renamesOnly, err)
			}
			if got := tree(t, dest); !maps.Equal(got, map[string]string{"c.html": "C", "mine.txt": "mine"}) {
				t.Errorf("renames only %v: the output holds %v", renamesOnly, got)
			}
			assertBeside(t, dest)
		}
	})
}

// tree returns the files under dir, but its manifest, and what they hold.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(full string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || full == filepath.Join(dir, ManifestFile) {
			return err
		}
		rel, _ := filepath.Rel(dir, full)
		data, err := os.ReadFile(full)
		got[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestFoldersInTheWay: folders named like dangjian's beside the output that dangjian did not
// make are never removed; the build stops and says what to do. An output set aside by an
// earlier dangjian, which did not mark its folders, is put back.
func TestFoldersInTheWay(t *testing.T) {
	tests := []struct {
		name   string
		folder string // beside the output, holding mine.txt
		dest   bool   // an output exists
		want   string // in the error; "" for none
	}{
		{"staging", ".public.dangjian-new", true, ".public.dangjian-new is in the way"},
		{"staging, no output", ".public.dangjian-new", false, ".public.dangjian-new is in the way"},
		{"old", ".public.dangjian-old", true, ".public.dangjian-old is in the way"},
		{"old, no output", ".public.dangjian-old", false, ".public.dangjian-old is in the way"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			if tt.dest {
				if err := publish(t, dest, Options{}, map[string]string{"index.html": "A"}); err != nil {
					t.Fatal(err)
				}
			}
			mine := filepath.Join(filepath.Dir(dest), tt.folder, "mine.txt")
			writeFile(t, mine, "mine")
			err := publish(t, dest, Options{}, map[string]string{"index.html": "B"})
			if err == nil || !strings.Contains(english(err), tt.want) || !strings.Contains(english(err), "rename or remove it") {
				t.Errorf("got %v, want %q", err, tt.want)
			}
			if data, err := os.ReadFile(mine); string(data) != "mine" {
				t.Errorf("%s: %q, %v", mine, data, err)
			}
		})
	}

	t.Run("a file named like the staging folder", func(t *testing.T) {
		dest := filepath.Join(t.TempDir(), "public")
		writeFile(t, filepath.Join(filepath.Dir(dest), ".public.dangjian-new"), "mine")
		if err := publish(t, dest, Options{}, nil); err == nil || !strings.Contains(english(err), "is in the way") {
			t.Errorf("got %v", err)
		}
	})

	t.Run("set aside by an earlier dangjian", func(t *testing.T) {
		dest := filepath.Join(t.TempDir(), "public")
		old := filepath.Join(filepath.Dir(dest), ".public.dangjian-old")
		writeFile(t, filepath.Join(old, ManifestFile), "index.html\n")
		writeFile(t, filepath.Join(old, "index.html"), "A")
		writeFile(t, filepath.Join(old, "mine.txt"), "mine")
		if err := publish(t, dest, Options{}, map[string]string{"index.html": "B"}); err != nil {
			t.Fatal(err)
		}
		if data, err := os.ReadFile(filepath.Join(dest, "mine.txt")); string(data) != "mine" {
			t.Errorf("mine.txt: %q, %v", data, err)
		}
		assertBeside(t, dest)
	})
}

// TestDestNotAFolder: a symbolic link or a file given as the output is refused, and left as
// it is.
func TestDestNotAFolder(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	writeFile(t, filepath.Join(real, "mine.txt"), "mine")
	link := filepath.Join(dir, "public")
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	err := publish(t, link, Options{}, map[string]string{"index.html": "x"})
	if err == nil || english(err) != link+" is a symbolic link: dangjian replaces the output folder when it publishes, and would replace the link; give the real folder with -d, or remove the link" {
		t.Errorf("a link as the output: %v", err)
	}
	if target, err := os.Readlink(link); err != nil || target != real {
		t.Errorf("the link is now %q, %v", target, err)
	}
	file := filepath.Join(real, "mine.txt")
	if err := publish(t, file, Options{}, nil); err == nil || !strings.Contains(english(err), "is a file, not a folder") {
		t.Errorf("a file as the output: %v", err)
	}
}

// TestDestHoldsTheSite: a root of a file system, the site's folder and a folder that holds it
// are refused as the output, before anything is made: the swap would move the site away.
func TestDestHoldsTheSite(t *testing.T) {
	parent := t.TempDir()
	site := filepath.Join(parent, "site")
	writeFile(t, filepath.Join(site, "site.yaml"), "title: 测试\n")
	link := filepath.Join(t.TempDir(), "link")
	linked := os.Symlink(parent, link) == nil // not everywhere on Windows
	root, _ := filepath.Abs("/")
	tests := []struct {
		name, workDir, dest, site, want string
	}{
		{"the root", "", root, site, root + " is the root of a file system, which cannot be replaced: dangjian replaces the output folder when it publishes; give a folder of its own with -d, such as " + filepath.Join(site, "public")},
		{"the site's folder", "", site, site, site + " is the site's folder: dangjian replaces the output folder when it publishes, and would move the site away; give a folder of its own with -d, such as " + filepath.Join(site, "public")},
		{". in the site", site, ".", ".", ". is the site's folder: dangjian replaces the output folder when it publishes, and would move the site away; give a folder of its own with -d, such as public"},
		{".. of the site", site, "..", ".", ".. holds the site's folder " + site + ": dangjian replaces the output folder when it publishes, and would move the site away with it; give a folder of its own with -d, such as public"},
		{"a folder that holds it, by a symbolic link", "", link, filepath.Join(link, "site"), link + " is a symbolic link"},
		{"a folder that holds the site, given through a link", "", parent, filepath.Join(link, "site"), parent + " holds the site's folder " + filepath.Join(link, "site")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !linked && strings.Contains(tt.site, link) {
				t.Skip("no symbolic links here")
			}
			if tt.workDir != "" {
				t.Chdir(tt.workDir)
			}
			before, beforeSite := listNames(t, filepath.Dir(site)), listNames(t, site)
			_, err := New(t.Context(), tt.dest, Options{Site: tt.site})
			if err == nil || !strings.Contains(english(err), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
			if after := listNames(t, filepath.Dir(site)); !slices.Equal(after, before) {
				t.Errorf("beside the site: %q, was %q", after, before)
			}
			if after := listNames(t, site); !slices.Equal(after, beforeSite) {
				t.Errorf("in the site: %q, was %q", after, beforeSite)
			}
		})
	}
	pub, err := New(t.Context(), filepath.Join(site, "public"), Options{Site: site})
	if err != nil {
		t.Fatalf("an output inside the site: %v", err)
	}
	pub.Abort()
}

// TestLostManifest: an output whose manifest a power cut emptied or cut short, or that carries
// dangjian's marker but no manifest, is built again: the files the build writes replace those
// of the same names, every other file is kept, and the build says so.
func TestLostManifest(t *testing.T) {
	tests := []struct {
		name     string
		manifest string // the manifest, when there is one
		none     bool   // no manifest, but dangjian's marker
	}{
		{"empty", "", false},
		{"zero bytes", strings.Repeat("\x00", 300), false},
		{"cut short", manifestHeader + "\n\"index.html\"\n\"old/ind", false},
		{"first format, cut short", "index.html\nold/ind", false},
		{"no manifest, but the marker", "", true},
	}
	for _, tt := range tests {
		// A crash once the new output is in: the repair reads the lost manifest of the old.
		for _, crashAt := range []string{"", "swapped"} {
			t.Run(tt.name+", crash "+crashAt, func(t *testing.T) {
				dest := filepath.Join(t.TempDir(), "public")
				for _, name := range []string{"index.html", "old/index.html"} {
					writeFile(t, filepath.Join(dest, name), "old")
				}
				writeFile(t, filepath.Join(dest, "mine.txt"), "mine")
				if tt.none {
					writeFile(t, filepath.Join(dest, MarkerFile), "")
				} else {
					writeFile(t, filepath.Join(dest, ManifestFile), tt.manifest)
				}
				pub, err := New(t.Context(), dest, Options{crash: func(step string) bool { return step == crashAt }})
				if err != nil {
					t.Fatal(err)
				}
				if !pub.ManifestLost() {
					t.Error("the lost manifest is not reported")
				}
				if err := pub.Write("index.html", []byte("new")); err != nil {
					t.Fatal(err)
				}
				err = pub.Commit()
				if crashAt != "" && errors.Is(err, errCrashed) {
					err = publish(t, dest, Options{}, map[string]string{"index.html": "new"})
				}
				if err != nil {
					t.Fatal(err)
				}
				if got, want := tree(t, dest), map[string]string{"index.html": "new", "old/index.html": "old", "mine.txt": "mine"}; !maps.Equal(got, want) {
					t.Errorf("the output holds %v, want %v", got, want)
				}
				if got, state, err := readManifest(dest); state != wholeManifest || !maps.Equal(got, map[string]bool{"index.html": true}) {
					t.Errorf("the new manifest: %v, %v, %v", got, state, err)
				}
				assertBeside(t, dest)
			})
		}
	}
}

// TestLockEndsWithTheProcess: a process killed while it holds an output's lock leaves no lock
// behind; the next run takes it at once.
func TestLockEndsWithTheProcess(t *testing.T) {
	if dest := os.Getenv("DANGJIAN_HOLD_LOCK"); dest != "" {
		if _, err := New(t.Context(), dest, Options{}); err != nil {
			t.Fatal(err)
		}
		fmt.Println("locked")
		_, _ = io.Copy(io.Discard, os.Stdin) // until killed, or the test that started it ends
		return
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	holder := exec.Command(self, "-test.run=^TestLockEndsWithTheProcess$")
	holder.Env = append(os.Environ(), "DANGJIAN_HOLD_LOCK="+dest)
	out, err := holder.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := holder.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	if line, err := bufio.NewReader(out).ReadString('\n'); line != "locked\n" {
		holder.Process.Kill()
		t.Fatalf("the holding process said %q, %v", line, err)
	}
	_, err = New(t.Context(), dest, Options{})
	if busy, ok := errors.AsType[*Busy](err); !ok || busy.Holder.Text(msg.English) != "process "+strconv.Itoa(holder.Process.Pid) {
		t.Errorf("while another process holds the lock: %v", err)
	}
	if err := holder.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = holder.Wait()
	pub, err := New(t.Context(), dest, Options{})
	if err != nil {
		t.Fatalf("after the holder was killed: %v", err)
	}
	pub.Abort()
}

// BenchmarkPublish publishes an output of 10,000 pages, each in its folder as a site's pages
// are, over the last one, with a few files made by hand: the timer runs while the publisher
// starts (the repair, the manifest) and commits (the carry-over, the swap, the removal of the
// old output), not while the pages are written.
func BenchmarkPublish(b *testing.B) {
	dest := filepath.Join(b.TempDir(), "public")
	page := []byte(strings.Repeat("<p>党建</p>\n", 400))
	build := func() {
		pub, err := New(context.Background(), dest, Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		for i := range 10000 {
			if err := pub.Write(fmt.Sprintf("section%d/page%05d/index.html", i%4, i), page); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		if err := pub.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	build()
	for i := range 20 {
		if err := os.WriteFile(filepath.Join(dest, fmt.Sprintf("section1/page%05d/mine.txt", 4*i+1)), page, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		build()
	}
}

// english says err as the English messages say it: the tests compare English, which stays as
// it is when the Chinese is reworded.
func english(err error) string { return msg.English.Err(err) }
