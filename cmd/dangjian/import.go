package main

import (
	"context"
	"errors"

	"github.com/dangjian/dangjian/importdoc"
	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/newpage"
)

func runImport(ctx context.Context, args []string, c console) int {
	kinds := msg.New(msg.NewKinds, msg.Items(newpage.Kinds()))
	flags := newFlagSet(c, "import", msg.New(msg.UsageImport), kinds, msg.New(msg.ImportStatus))
	var cfg importdoc.Config
	cfg.Printer = c.p
	sourceFlag(flags, &cfg.Source)
	flags.StringVar(&cfg.Kind, "kind", "", string(msg.FlagKind))
	dateFlag(flags, &cfg.Date, "date", msg.FlagDocDate)
	words, code, ok := flags.parseArgs(args)
	if !ok {
		return code
	}
	if len(words) != 1 {
		return flags.usageError(msg.New(msg.WantDocument))
	}
	cfg.File = words[0]
	if unknown, ok := unknownKind(cfg.Kind); ok && cfg.Kind != "" {
		return flags.usageError(unknown)
	}
	res, err := importdoc.Run(ctx, cfg)
	var problems diag.List
	var m msg.Message
	switch {
	case errors.As(err, &problems):
		printProblems(c, problems)
		return exitProblems
	case errors.As(err, &m) && m.Key == msg.ImportNoDate:
		return flags.usageError(m)
	case err != nil:
		c.p.Fprintln(c.stderr, msg.CommandErrorLine, "import", err)
		return exitProblems
	}
	if err := res.WriteText(c.stdout, c.p); err != nil {
		c.p.Fprintln(c.stderr, msg.ErrorLine, err)
		return exitProblems
	}
	if res.Problems.HasErrors() {
		return exitProblems
	}
	return exitOK
}
