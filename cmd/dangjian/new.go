package main

import (
	"context"
	"errors"
	"path"
	"slices"
	"strings"

	"github.com/dangjian/dangjian/internal/diag"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/yamlnode"
	"github.com/dangjian/dangjian/newpage"
)

func runNew(_ context.Context, args []string, c console) int {
	kinds := msg.New(msg.NewKinds, msg.Items(newpage.Kinds()))
	flags := newFlagSet(c, "new", msg.New(msg.UsageNew), kinds)
	cfg := newpage.Config{}
	cfg.Printer = c.p
	sourceFlag(flags, &cfg.Source)
	dateFlag(flags, &cfg.Date, "date", msg.FlagDate)
	words, code, ok := flags.parseArgs(args)
	if !ok {
		return code
	}
	if len(words) != 2 || strings.TrimSpace(words[1]) == "" {
		return flags.usageError(msg.New(msg.WantKindAndTitle))
	}
	cfg.Kind, cfg.Title = words[0], words[1]
	if unknown, ok := unknownKind(cfg.Kind); ok {
		c.p.Fprintln(c.stderr, msg.CommandErrorLine, "new", unknown)
		c.p.Fprintln(c.stderr, kinds.Key, kinds.Args...)
		return exitUsage
	}
	page, err := newpage.Create(cfg)
	if err != nil {
		var problems diag.List
		if errors.As(err, &problems) {
			printProblems(c, problems)
			return exitProblems
		}
		c.p.Fprintln(c.stderr, msg.ErrorLine, err)
		return exitProblems
	}
	if page.Dated {
		c.p.Fprintln(c.stdout, msg.NamedByDate, cfg.Title)
	}
	if page.Bundle {
		c.p.Fprintln(c.stdout, msg.WroteBundle, diag.Path(page.File), diag.Path(path.Dir(page.File)))
		return exitOK
	}
	c.p.Fprintln(c.stdout, msg.WroteDraft, diag.Path(page.File))
	return exitOK
}

// unknownKind says that kind is no kind of page, and what it may be a slip for; ok false
// when it is one.
func unknownKind(kind string) (unknown msg.Message, ok bool) {
	if slices.Contains(newpage.Kinds(), kind) {
		return msg.Message{}, false
	}
	if near := yamlnode.Nearest(kind, newpage.Kinds()); near != "" {
		return msg.New(msg.UnknownKindOr, kind, near), true
	}
	return msg.New(msg.UnknownKind, kind), true
}
