package main

import (
	"context"
	"fmt"
	"io"

	"github.com/dangjian/dangjian/check"
)

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("check", stderr)
	var cfg check.Config
	siteFlags(flags, &cfg.Options)
	flags.BoolVar(&cfg.Fix, "fix", false, "repair in place what is certain (conversion garbage, invisible characters, unambiguous punctuation) and print each change")
	format := flags.String("format", "text", "the output's `format`: text, or json for other tools")
	if code, ok := parseFlags(flags, args); !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "dangjian check: -format: want text or json, got %q\n", *format)
		return exitUsage
	}
	rep, err := check.Run(ctx, cfg)
	if err != nil {
		fmt.Fprintf(stderr, "dangjian: %v\n", err)
		return exitProblems
	}
	write := rep.WriteText
	if *format == "json" {
		write = rep.WriteJSON
	}
	if err := write(stdout, nil); err != nil {
		fmt.Fprintf(stderr, "dangjian: %v\n", err)
		return exitProblems
	}
	if rep.Problems.HasErrors() {
		return exitProblems
	}
	return exitOK
}
