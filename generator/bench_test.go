package generator_test

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/dangjian/dangjian/generator"
)

// The benchmarks build a generated site: `make bench` writes one with internal/cmd/gencorpus
// and names it in DANGJIAN_BENCH_SITE.
func benchSite(b *testing.B) string {
	dir := os.Getenv("DANGJIAN_BENCH_SITE")
	if dir == "" {
		b.Skip("DANGJIAN_BENCH_SITE names no generated site: run make bench")
	}
	return dir
}

// BenchmarkLoad reads, checks and converts the whole site: everything but rendering layouts
// and writing.
func BenchmarkLoad(b *testing.B) {
	cfg := generator.Config{Options: generator.Options{Source: benchSite(b)}}
	for b.Loop() {
		if _, problems := generator.Load(context.Background(), cfg); problems.HasErrors() {
			b.Fatal(problems)
		}
	}
}

// BenchmarkRender renders every page and list of a loaded site, and drops the bytes.
func BenchmarkRender(b *testing.B) {
	site, problems := generator.Load(context.Background(), generator.Config{Options: generator.Options{Source: benchSite(b)}})
	if problems.HasErrors() {
		b.Fatal(problems)
	}
	for b.Loop() {
		if err := site.Write(context.Background(), discard{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild is a whole build into an emptied folder (on tmpfs when TMPDIR is there), as
// dangjian build makes it: counting the text's slips too.
func BenchmarkBuild(b *testing.B) {
	cfg := generator.Config{Options: generator.Options{Source: benchSite(b)}, Dest: filepath.Join(b.TempDir(), "public"), CountTextProblems: true}
	for b.Loop() {
		buildEmptied(b, cfg)
	}
}

// buildEmptied builds the site into an emptied folder.
func buildEmptied(b *testing.B, cfg generator.Config) {
	if err := os.RemoveAll(cfg.Dest); err != nil {
		b.Fatal(err)
	}
	if _, err := generator.Build(context.Background(), cfg); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkTextProblems is what counting the text's slips (CountTextProblems) adds to a build.
// Each round builds the site, then loads it without counting and with, so that the three see
// the machine alike, however busy; it reports the medians of the rounds: the time counting
// adds (ms-counting/op), the build's (ms-build/op), and the one as a share of the other
// (%-of-build).
func BenchmarkTextProblems(b *testing.B) {
	cfg := generator.Config{Options: generator.Options{Source: benchSite(b)}, Dest: filepath.Join(b.TempDir(), "public")}
	var counting, builds []time.Duration
	timed := func(f func()) time.Duration {
		start := time.Now()
		f()
		return time.Since(start)
	}
	load := func(count bool) {
		cfg := cfg
		cfg.CountTextProblems = count
		if site, problems := generator.Load(context.Background(), cfg); problems.HasErrors() || count && site.TextProblems() != 0 {
			b.Fatal(problems, site.TextProblems())
		}
	}
	for b.Loop() {
		builds = append(builds, timed(func() { buildEmptied(b, cfg) }))
		without := timed(func() { load(false) })
		counting = append(counting, timed(func() { load(true) })-without)
	}
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	median := func(ds []time.Duration) time.Duration {
		slices.Sort(ds)
		return ds[len(ds)/2]
	}
	c, all := median(counting), median(builds)
	b.ReportMetric(ms(c), "ms-counting/op")
	b.ReportMetric(ms(all), "ms-build/op")
	b.ReportMetric(100*float64(c)/float64(all), "%-of-build")
}

type discard struct{}

func (discard) Write(string, []byte) error { return nil }

func (discard) Copy(_ string, src fs.FS, names ...string) error {
	for _, name := range names {
		f, err := src.Open(name)
		if err != nil {
			return err
		}
		_, err = io.Copy(io.Discard, f)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkReload is the work of the server after an editor saves one page: reload the site
// reusing what did not change, and rewrite the files the change affected, in memory.
func BenchmarkReload(b *testing.B) {
	dir := benchSite(b)
	ctx := context.Background()
	site, problems := generator.Load(ctx, generator.Config{Options: generator.Options{Source: dir, NoGit: true}})
	if problems.HasErrors() {
		b.Fatal(problems)
	}
	mem := generator.NewMemory()
	if err := site.Write(ctx, mem); err != nil {
		b.Fatal(err)
	}
	// The newest activity: the one an editor is most likely working on.
	changed := []string{site.Model().List("activities").Pages[0].File}
	for b.Loop() {
		next, problems := site.Reload(ctx, changed)
		if problems.HasErrors() {
			b.Fatal(problems)
		}
		written, err := next.Update(ctx, mem, site, changed)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(written)), "files/op")
		site = next
	}
}

// BenchmarkSearchIndex builds the search index of a loaded site: its files' bytes, not
// writing them.
func BenchmarkSearchIndex(b *testing.B) {
	site, problems := generator.Load(context.Background(), generator.Config{Options: generator.Options{Source: benchSite(b)}})
	if problems.HasErrors() {
		b.Fatal(problems)
	}
	for b.Loop() {
		if _, err := site.SearchIndex(); err != nil {
			b.Fatal(err)
		}
	}
}
