package main

import (
	"context"

	"github.com/dangjian/dangjian/check"
	"github.com/dangjian/dangjian/internal/msg"
)

func runCheck(ctx context.Context, args []string, c console) int {
	flags := newFlagSet(c, "check", msg.New(msg.UsageCheck))
	var cfg check.Config
	siteFlags(flags, &cfg.Options)
	flags.BoolVar(&cfg.Fix, "fix", false, string(msg.FlagFix))
	format := flags.String("format", "text", string(msg.FlagFormat))
	preCommit := flags.Bool("pre-commit", false, string(msg.FlagPreCommit))
	if code, ok := flags.parseFlags(args); !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		return flags.usageError(msg.New(msg.WantFormat, *format))
	}
	rep, err := check.Run(ctx, cfg)
	if err != nil {
		c.p.Fprintln(c.stderr, msg.ErrorLine, err)
		return exitProblems
	}
	write := rep.WriteText
	if *format == "json" {
		write = rep.WriteJSON
	}
	if err := write(c.stdout, c.p); err != nil {
		c.p.Fprintln(c.stderr, msg.ErrorLine, err)
		return exitProblems
	}
	if rep.Problems.HasErrors() {
		if *preCommit {
			c.p.Fprintln(c.stderr, msg.CommitRefused)
		}
		return exitProblems
	}
	return exitOK
}
