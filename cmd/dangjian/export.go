package main

import (
	"context"

	"github.com/dangjian/dangjian/articles"
	"github.com/dangjian/dangjian/internal/msg"
)

func runExport(ctx context.Context, args []string, c console) int {
	flags := newFlagSet(c, "export", msg.New(msg.UsageExport), msg.New(msg.ExportPages))
	var cfg articles.Config
	siteFlags(flags, &cfg.Options)
	flags.StringVar(&cfg.Out, "o", "", string(msg.FlagOut))
	dateFlag(flags, &cfg.Since, "since", msg.FlagSince)
	dateFlag(flags, &cfg.Today, "today", msg.FlagToday)
	pages, code, ok := flags.parseArgs(args)
	if !ok {
		return code
	}
	cfg.Pages = pages
	rep, err := articles.Export(ctx, cfg)
	if err != nil {
		return reportError(c, err)
	}
	printProblems(c, rep.Warnings)
	c.p.Fprintln(c.stdout, msg.Exported, len(rep.Articles), rep.Out, rep.Zip)
	return exitOK
}
