package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/publish"
)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("build", stderr)
	var cfg generator.Config
	siteFlags(flags, &cfg.Options)
	flags.StringVar(&cfg.Dest, "d", "", "the output `folder` (default SRC/public)")
	flags.StringVar(&cfg.BaseURL, "base-url", "", "the site's absolute `URL`, for the sitemap and feed (default: site.yaml's base_url)")
	quiet := flags.Bool("quiet", false, "print nothing but problems")
	verbose := flags.Bool("verbose", false, "also print how long each stage took")
	durationFlag(flags, &cfg.Wait, "wait", defaultWait, "how long to wait for another run of dangjian that is writing DEST (`DURATION`, e.g. 30s, 10m; 0: not at all)")
	if code, ok := parseFlags(flags, args); !ok {
		return code
	}
	cfg.CountTextProblems = !*quiet
	if !*quiet {
		cfg.Waiting = func(msg string) {
			if isTerminal(stderr) {
				clearLine(stderr)
			}
			fmt.Fprintln(stderr, msg)
		}
	}
	var stopProgress func()
	if !*quiet && isTerminal(stderr) {
		cfg.Progress = new(generator.Progress)
		stopProgress = showProgress(stderr, cfg.Printer, cfg.Progress, time.Now())
	}
	rep, err := generator.Build(ctx, cfg)
	if stopProgress != nil {
		stopProgress()
		clearLine(stderr)
	}
	if err != nil {
		return reportError(stderr, err)
	}
	printProblems(stderr, rep.Warnings)
	if *verbose {
		for _, t := range rep.Timings {
			fmt.Fprintf(stdout, "%-10s %s\n", cfg.Printer.Sprintf(t.Stage), t.Duration.Round(time.Millisecond))
		}
	}
	if !*quiet {
		fmt.Fprintf(stdout, "built %s, %d files in %s → %s\n", diag.Count(rep.Pages, "page"), rep.Files, rep.Duration.Round(time.Millisecond), rep.Dest)
		for _, note := range []string{generator.DraftsNote(cfg.Printer, rep.Drafts), generator.TextProblemsNote(cfg.Printer, rep.TextProblems)} {
			if note != "" {
				fmt.Fprintln(stdout, note)
			}
		}
	}
	return exitOK
}

// defaultWait is how long a build waits for another run that is writing its output: several
// times what a build of a large site takes.
const defaultWait = 5 * time.Minute

// reportError prints every problem of a failed build, or the error, and returns its exit
// status: 3 when another run was writing the output, else 1.
func reportError(stderr io.Writer, err error) int {
	var problems diag.List
	if errors.As(err, &problems) {
		printProblems(stderr, problems)
		errs, _ := problems.Counts()
		fmt.Fprintf(stderr, "%s; nothing was written\n", diag.Count(errs, "error"))
		return exitProblems
	}
	fmt.Fprintf(stderr, "dangjian: %v\n", err)
	if _, busy := errors.AsType[*publish.Busy](err); busy {
		return exitBusy
	}
	return exitProblems
}

func printProblems(w io.Writer, problems diag.List) {
	for _, p := range problems {
		fmt.Fprintln(w, p)
	}
}
