package serve

import (
	"context"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dangjian/dangjian/generator"
)

// BenchmarkSaveToReload measures, on the site in $DANGJIAN_BENCH_SITE (a synthetic site written by
// internal/cmd/gencorpus), the time from saving one page to the reload event reaching an
// open page; docs/serve.md gives the figures and how they were taken:
//
//	DANGJIAN_BENCH_SITE=/tmp/gc10k-serve go test ./serve -run '^$' -bench SaveToReload -benchtime 15x
func BenchmarkSaveToReload(b *testing.B) {
	dir := os.Getenv("DANGJIAN_BENCH_SITE")
	if dir == "" {
		b.Skip("set DANGJIAN_BENCH_SITE to a site's folder, e.g. one written by go run ./internal/cmd/gencorpus")
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "content", "lectures", "*.md"))
	slices.Sort(matches)
	var file string
	for _, m := range matches {
		if data, err := os.ReadFile(m); err == nil && filepath.Base(m) != "_index.md" && !strings.Contains(string(data), "draft: true") {
			file = m
			break
		}
	}
	if file == "" {
		b.Fatalf("no lecture in %s", dir)
	}
	original, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = os.WriteFile(file, original, 0o644) })

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	loaded := time.Now()
	srv, err := Start(ctx, Config{Options: generator.Options{Source: dir}, Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("first build into memory: %s, %d files", time.Since(loaded).Round(time.Millisecond), len(srv.b.files.Load().Names()))
	hs := httptest.NewServer(srv)
	defer func() { cancel(); hs.Close(); <-srv.stopped }()
	h := &harness{t: b, url: hs.URL}
	events := h.listen()
	<-events // hello

	rel, _ := filepath.Rel(dir, file)
	var took []time.Duration
	b.ResetTimer()
	for i := range b.N {
		edited := strings.Replace(string(original), "\n---\n", "\n---\n第"+string(rune('0'+i%10))+"次修改。\n\n", 1)
		saved := time.Now()
		if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		select {
		case ev := <-events:
			if ev.name != "reload" || !slices.Equal(ev.Changed, []string{filepath.ToSlash(rel)}) {
				b.Fatalf("event %q for %q, problems %q", ev.name, ev.Changed, ev.Problems)
			}
		case <-time.After(time.Minute):
			b.Fatal("no reload within a minute")
		}
		took = append(took, time.Since(saved))
	}
	b.StopTimer()
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(took[0].Microseconds())/1000, "ms-min")
	b.ReportMetric(float64(took[len(took)-1].Microseconds())/1000, "ms-max")
}
