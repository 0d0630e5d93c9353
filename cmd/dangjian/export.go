package main

import (
	"context"
	"fmt"
	"io"

	"github.com/dangjian/dangjian/articles"
	"github.com/dangjian/dangjian/internal/diag"
)

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("export", stderr)
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: dangjian export [-s SRC] [-o OUT] [--since DATE] [--drafts] [--no-git] [PAGE...]")
		fmt.Fprintln(stderr, "\nPAGE is a page's file (content/…/x.md), its bundle's folder or its URL; without PAGE,")
		fmt.Fprintln(stderr, "every page with export: true is exported.")
		flags.PrintDefaults()
	}
	var cfg articles.Config
	siteFlags(flags, &cfg.Options)
	flags.StringVar(&cfg.Out, "o", "", "the bundle's `folder` (default SRC/export)")
	dateFlag(flags, &cfg.Since, "since", "export only pages dated on or after `DATE` (2016-09-20)")
	pages, code, ok := parseArgs(flags, args)
	if !ok {
		return code
	}
	cfg.Pages = pages
	rep, err := articles.Export(ctx, cfg)
	if err != nil {
		return reportError(stderr, err)
	}
	printProblems(stderr, rep.Warnings)
	fmt.Fprintf(stdout, "exported %s into %s; send %s\n", diag.Count(len(rep.Articles), "article"), rep.Out, rep.Zip)
	return exitOK
}
