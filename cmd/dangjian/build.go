package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/publish"
)

func runBuild(ctx context.Context, args []string, c console) int {
	flags := newFlagSet(c, "build", msg.New(msg.UsageBuild))
	var cfg generator.Config
	siteFlags(flags, &cfg.Options)
	flags.StringVar(&cfg.Dest, "d", "", string(msg.FlagDest))
	flags.StringVar(&cfg.BaseURL, "base-url", "", string(msg.FlagBaseURL))
	quiet := flags.Bool("quiet", false, string(msg.FlagQuiet))
	verbose := flags.Bool("verbose", false, string(msg.FlagVerbose))
	durationFlag(flags, &cfg.Wait, "wait", defaultWait, msg.FlagWait)
	if code, ok := flags.parseFlags(args); !ok {
		return code
	}
	cfg.CountTextProblems = !*quiet
	if !*quiet {
		cfg.Waiting = func(note string) {
			if isTerminal(c.stderr) {
				clearLine(c.stderr)
			}
			fmt.Fprintln(c.stderr, note)
		}
	}
	var stopProgress func()
	if !*quiet && isTerminal(c.stderr) {
		cfg.Progress = new(generator.Progress)
		stopProgress = showProgress(c, cfg.Progress, time.Now())
	}
	rep, err := generator.Build(ctx, cfg)
	if stopProgress != nil {
		stopProgress()
		clearLine(c.stderr)
	}
	if err != nil {
		return reportError(c, err)
	}
	printProblems(c, rep.Warnings)
	if *verbose {
		for _, t := range rep.Timings {
			fmt.Fprintf(c.stdout, "%-10s %s\n", c.p.Sprintf(t.Stage), t.Duration.Round(time.Millisecond))
		}
	}
	if !*quiet {
		c.p.Fprintln(c.stdout, msg.Built, rep.Pages, rep.Files, rep.Duration.Round(time.Millisecond).String(), rep.Dest)
		for _, note := range []string{generator.DraftsNote(c.p, rep.Drafts), generator.TextProblemsNote(c.p, rep.TextProblems)} {
			if note != "" {
				fmt.Fprintln(c.stdout, note)
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
func reportError(c console, err error) int {
	var problems diag.List
	if errors.As(err, &problems) {
		printProblems(c, problems)
		errs, _ := problems.Counts()
		c.p.Fprintln(c.stderr, msg.NothingWritten, errs)
		return exitProblems
	}
	c.p.Fprintln(c.stderr, msg.ErrorLine, err)
	if _, busy := errors.AsType[*publish.Busy](err); busy {
		return exitBusy
	}
	return exitProblems
}

// printProblems prints each problem on a line of stderr.
func printProblems(c console, problems diag.List) {
	for _, p := range problems {
		fmt.Fprintln(c.stderr, p.Text(c.p))
	}
}
