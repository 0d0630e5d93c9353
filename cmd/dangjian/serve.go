package main

import (
	"context"
	"strconv"
	"strings"

	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/serve"
)

func runServe(ctx context.Context, args []string, c console) int {
	flags := newFlagSet(c, "serve", msg.New(msg.UsageServe))
	cfg := serve.Config{Stdout: c.stdout, Stderr: c.stderr}
	siteFlags(flags, &cfg.Options)
	flags.StringVar(&cfg.Addr, "addr", "", string(msg.FlagAddr))
	flags.Func("port", string(msg.FlagPort), func(s string) error {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 65535 {
			return msg.New(msg.WantPort)
		}
		cfg.Port = n
		return nil
	})
	flags.BoolVar(&cfg.Open, "open", false, string(msg.FlagOpen))
	flags.Func("host-name", string(msg.FlagHostName), func(list string) error {
		for _, name := range strings.Split(list, ",") {
			name = strings.TrimSpace(name)
			if err := serve.CheckHostName(name); err != nil {
				return err
			}
			cfg.HostNames = append(cfg.HostNames, name)
		}
		return nil
	})
	durationFlag(flags, &cfg.Poll, "poll", 0, msg.FlagPoll)
	if code, ok := flags.parseFlags(args); !ok {
		return code
	}
	if err := serve.Serve(ctx, cfg); err != nil {
		c.p.Fprintln(c.stderr, msg.ErrorLine, err)
		return exitProblems
	}
	return exitOK
}
