package main

import (
	"context"
	"fmt"
	"io"

	"github.com/dangjian/dangjian/generator/serve"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("serve", stderr)
	cfg := serve.Config{Stdout: stdout, Stderr: stderr}
	siteFlags(flags, &cfg.Site)
	flags.StringVar(&cfg.Addr, "addr", serve.DefaultAddr, "the `host:port` to serve on")
	flags.DurationVar(&cfg.Poll, "poll", 0, "watch the files by listing them every `DURATION` (e.g. 1s), where change events do not arrive: network drives, WSL")
	if code, ok := parseFlags(flags, args); !ok {
		return code
	}
	if err := serve.Serve(ctx, cfg); err != nil {
		fmt.Fprintf(stderr, "dangjian: %v\n", err)
		return exitProblems
	}
	return exitOK
}
