package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/yamlnode"
	"github.com/dangjian/dangjian/newpage"
)

func runNew(_ context.Context, args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("new", stderr)
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: dangjian new KIND TITLE [-s SRC]\n\nKIND is one of %s.\n\n", strings.Join(newpage.Kinds(), ", "))
		flags.PrintDefaults()
	}
	cfg := newpage.Config{}
	sourceFlag(flags, &cfg.Source)
	words, code, ok := parseArgs(flags, args)
	if !ok {
		return code
	}
	if len(words) != 2 || strings.TrimSpace(words[1]) == "" {
		fmt.Fprintln(stderr, "dangjian new: want a KIND and a TITLE (quote a title that has spaces)")
		flags.Usage()
		return exitUsage
	}
	cfg.Kind, cfg.Title = words[0], words[1]
	if !slices.Contains(newpage.Kinds(), cfg.Kind) {
		msg := fmt.Sprintf("dangjian new: unknown kind %q", cfg.Kind)
		if near := yamlnode.Nearest(cfg.Kind, newpage.Kinds()); near != "" {
			msg += fmt.Sprintf("; did you mean %q?", near)
		}
		fmt.Fprintf(stderr, "%s\nKIND is one of %s.\n", msg, strings.Join(newpage.Kinds(), ", "))
		return exitUsage
	}
	file, err := newpage.Create(cfg)
	if err != nil {
		var problems diag.List
		if errors.As(err, &problems) {
			printProblems(stderr, problems)
			return exitProblems
		}
		fmt.Fprintf(stderr, "dangjian: %v\n", err)
		return exitProblems
	}
	fmt.Fprintf(stdout, "wrote %s: fill in its front matter and write the text below it, then run dangjian check\n", file)
	return exitOK
}
