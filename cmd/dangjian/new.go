package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/yamlnode"
	"github.com/dangjian/dangjian/newpage"
)

func runNew(_ context.Context, args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("new", stderr)
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: dangjian new KIND TITLE [--date DATE] [-s SRC]\n\nKIND is one of %s.\n\n", strings.Join(newpage.Kinds(), ", "))
		flags.PrintDefaults()
	}
	cfg := newpage.Config{}
	sourceFlag(flags, &cfg.Source)
	dateFlag(flags, &cfg.Date, "date", "the page's `DATE`: 2016-09-20, or 2016-09-20T09:30:00+08:00 (default today)")
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
	page, err := newpage.Create(cfg)
	if err != nil {
		var problems diag.List
		if errors.As(err, &problems) {
			printProblems(stderr, problems)
			return exitProblems
		}
		fmt.Fprintf(stderr, "dangjian: %v\n", err)
		return exitProblems
	}
	if page.Dated {
		fmt.Fprintf(stdout, "the title %q has no Chinese characters, letters or digits to spell a name with, so the file is named after the date; set slug: in it for a readable address\n", cfg.Title)
	}
	if page.Bundle {
		fmt.Fprintf(stdout, "wrote %s as a draft, in a folder of its own that takes its photos (%s): fill in its front matter and write the text below it; set draft: false when it is ready, then run dangjian check\n", diag.Path(page.File), diag.Path(path.Dir(page.File)))
		return exitOK
	}
	fmt.Fprintf(stdout, "wrote %s as a draft: fill in its front matter and write the text below it; set draft: false when it is ready, then run dangjian check\n", diag.Path(page.File))
	return exitOK
}
