package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// Set by the linker in release builds: -X main.version=… -X main.commit=… -X main.date=….
var version, commit, date string

func runVersion(_ context.Context, args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("version", stderr)
	if code, ok := parseFlags(flags, args); !ok {
		return code
	}
	v, c, d := version, commit, date
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			switch {
			case s.Key == "vcs.revision" && c == "":
				c = s.Value
			case s.Key == "vcs.time" && d == "":
				d = s.Value
			}
		}
		if v == "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
		}
	}
	if v == "" {
		v = "dev"
	}
	fmt.Fprintf(stdout, "dangjian %s", v)
	if c != "" {
		fmt.Fprintf(stdout, " commit %.12s", c)
	}
	if d != "" {
		fmt.Fprintf(stdout, " built %s", d)
	}
	fmt.Fprintf(stdout, " %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return exitOK
}
