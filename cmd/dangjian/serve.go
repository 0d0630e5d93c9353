package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dangjian/dangjian/serve"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("serve", stderr)
	cfg := serve.Config{Stdout: stdout, Stderr: stderr}
	siteFlags(flags, &cfg.Options)
	flags.StringVar(&cfg.Addr, "addr", "", "the `host:port` to serve on, or a port alone on this machine (default "+serve.DefaultAddr+", or the next free port when that one is in use)")
	flags.Func("port", "serve on the port `N`, at --addr's host", func(s string) error {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 65535 {
			return errors.New("want a port number from 1 to 65535")
		}
		cfg.Port = n
		return nil
	})
	flags.BoolVar(&cfg.Open, "open", false, "open the site in the default browser once it is served")
	flags.Func("host-name", "also answer to `NAME`, a name of this machine that others open the site by (with --addr 0.0.0.0:1313); repeatable, or a comma list", func(list string) error {
		for _, name := range strings.Split(list, ",") {
			name = strings.TrimSpace(name)
			if err := serve.CheckHostName(name); err != nil {
				return err
			}
			cfg.HostNames = append(cfg.HostNames, name)
		}
		return nil
	})
	durationFlag(flags, &cfg.Poll, "poll", 0, "watch the files by listing them every `DURATION` (e.g. 1s), where change events do not arrive: network drives, WSL")
	if code, ok := parseFlags(flags, args); !ok {
		return code
	}
	if err := serve.Serve(ctx, cfg); err != nil {
		fmt.Fprintf(stderr, "dangjian: %v\n", err)
		return exitProblems
	}
	return exitOK
}
