package serve

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"sync/atomic"
	"time"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
)

// builder keeps the last good build of the site in memory and brings it up to date as files
// change. Only its own goroutine calls rebuild; the server reads files through files.
type builder struct {
	cfg    generator.Config
	stdout io.Writer
	stderr io.Writer
	events *broker
	// files is what the server serves. A reload updates it in place; a full load fills a new
	// Memory and swaps it in whole, so that requests meanwhile get the old site.
	files atomic.Pointer[generator.Memory]
	// site is the last good site; nil until a load succeeds, and after a failed write.
	site *generator.Site
	// pending are the files changed since site was loaded, kept while the build fails, so
	// that the next reload, against the last good site, reads them all again.
	pending map[string]bool
	served  bool // whether a build was ever written into files
	// textProblems is the count of the text's slips last told (see generator.TextProblemsNote).
	textProblems int
	started      time.Time // names the versions of this server, so a restarted one is told apart
	builds       int
}

func newBuilder(cfg generator.Config, stdout, stderr io.Writer) *builder {
	b := &builder{cfg: cfg, stdout: stdout, stderr: stderr, pending: map[string]bool{}, started: time.Now()}
	b.events = newBroker(b.version())
	b.files.Store(generator.NewMemory())
	return b
}

func (b *builder) version() string { return fmt.Sprintf("%x-%d", b.started.UnixNano(), b.builds) }

// rebuild brings the site up to date after the files in changed changed; a full load when
// rescan is set (events were lost), or when there is no good site to reload from. A failed
// build leaves the served site as it was and tells the open pages its problems. It returns
// the problems.
func (b *builder) rebuild(ctx context.Context, changed []string, rescan bool) diag.List {
	start := time.Now()
	for _, name := range changed {
		b.pending[name] = true
	}
	names := slices.Sorted(maps.Keys(b.pending))
	var (
		next     *generator.Site
		problems diag.List
	)
	full := rescan || b.site == nil
	if full {
		next, problems = generator.Load(ctx, b.cfg)
	} else {
		next, problems = b.site.Reload(ctx, names)
	}
	if ctx.Err() != nil {
		return nil
	}
	if problems.HasErrors() {
		b.fail(problems)
		return problems
	}
	written, err := b.write(ctx, next, names, full)
	if err != nil {
		// The memory may hold part of the change: the next build loads everything again.
		b.site = nil
		problems.Errorf(diag.Position{File: b.cfg.Source}, msg.WriteFailed, err)
		b.fail(problems)
		return problems
	}
	b.site, b.pending, b.served = next, map[string]bool{}, true
	b.builds++
	b.events.publish(state{Version: b.version(), Changed: names})
	pr := b.cfg.Printer
	for _, p := range problems {
		fmt.Fprintln(b.stderr, p.Text(pr))
	}
	what := msg.RebuiltInMemory
	if full {
		what = msg.BuiltInMemory
	}
	pr.Fprintln(b.stdout, what, msg.New(msg.FilesChecked, written), time.Since(start).Round(time.Millisecond), listChanged(names, pr))
	b.tellTextProblems(next.TextProblems())
	return problems
}

// tellTextProblems says how many slips check finds in the text when that changed since it
// last said so: a save that adds or mends one is told, the others are not.
func (b *builder) tellTextProblems(n int) {
	if n == b.textProblems {
		return
	}
	note := generator.TextProblemsNote(b.cfg.Printer, n)
	if n == 0 {
		note = b.cfg.Printer.Sprintf(msg.NoTextLeft)
	}
	fmt.Fprintln(b.stdout, note)
	b.textProblems = n
}

// write puts next into memory: every file into a new Memory after a full load, or only the
// files the change affected. It returns how many files it wrote or removed.
func (b *builder) write(ctx context.Context, next *generator.Site, changed []string, full bool) (int, error) {
	if full {
		mem := generator.NewMemory()
		if err := next.Write(ctx, mem); err != nil {
			return 0, err
		}
		b.files.Store(mem)
		return len(mem.Names()), nil
	}
	paths, err := next.Update(ctx, b.files.Load(), b.site, changed)
	return len(paths), err
}

// fail keeps the last good site served and shows the problems, on the terminal and in the
// open pages.
func (b *builder) fail(problems diag.List) {
	pr := b.cfg.Printer
	printed := make([]string, len(problems))
	for i, p := range problems {
		printed[i] = p.Text(pr)
		fmt.Fprintln(b.stderr, printed[i])
	}
	errs, _ := problems.Counts()
	kept := msg.KeptLastGood
	if !b.served {
		kept = msg.NothingYet
	}
	pr.Fprintln(b.stderr, kept, msg.New(msg.Errors, errs))
	cur := b.events.state()
	b.events.publish(state{Version: cur.Version, Problems: printed})
}

// listChanged names the changed files for the log, the first few of them.
func listChanged(names []string, pr *msg.Printer) string {
	const shown = 3
	switch {
	case len(names) == 0:
		return ""
	case len(names) <= shown:
		return pr.Sprintf(msg.ChangedFiles, paths(names))
	}
	return pr.Sprintf(msg.ChangedFiles, msg.New(msg.AndMore, paths(names[:shown]), len(names)-shown))
}

// paths are the names as the system writes paths.
func paths(names []string) msg.Items {
	native := make(msg.Items, len(names))
	for i, name := range names {
		native[i] = diag.Path(name)
	}
	return native
}
