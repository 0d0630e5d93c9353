package generator_test

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

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

// BenchmarkBuild is a whole build into an emptied folder (on tmpfs when TMPDIR is there).
func BenchmarkBuild(b *testing.B) {
	cfg := generator.Config{Options: generator.Options{Source: benchSite(b)}, Dest: filepath.Join(b.TempDir(), "public")}
	for b.Loop() {
		if err := os.RemoveAll(cfg.Dest); err != nil {
			b.Fatal(err)
		}
		if _, err := generator.Build(context.Background(), cfg); err != nil {
			b.Fatal(err)
		}
	}
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
