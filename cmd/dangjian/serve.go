package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/dangjian/dangjian/generator/serve"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("serve", flag.ContinueOnError)
	flags.SetOutput(stderr)
	cfg := serve.Config{Stdout: stdout, Stderr: stderr}
	flags.StringVar(&cfg.Site.Source, "s", ".", "the site's `folder`, holding site.yaml")
	flags.StringVar(&cfg.Addr, "addr", serve.DefaultAddr, "the `host:port` to serve on")
	flags.DurationVar(&cfg.Poll, "poll", 0, "watch the files by listing them every `DURATION` (e.g. 1s), where change events do not arrive: network drives, WSL")
	flags.BoolVar(&cfg.Site.Drafts, "drafts", false, "publish drafts too")
	flags.BoolVar(&cfg.Site.NoGit, "no-git", false, "date pages by their files' modification times, not by git history")
	if code, ok := parseFlags(flags, args); !ok {
		return code
	}
	if err := serve.Serve(ctx, cfg); err != nil {
		fmt.Fprintf(stderr, "dangjian: %v\n", err)
		return exitProblems
	}
	return exitOK
}
