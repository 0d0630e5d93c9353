package main

import (
	"context"
	"runtime"
	"runtime/debug"

	"github.com/dangjian/dangjian/internal/msg"
)

// Set by the linker in release builds: -X main.version=… -X main.commit=… -X main.date=….
var version, commit, date string

func runVersion(_ context.Context, args []string, con console) int {
	flags := newFlagSet(con, "version", msg.New(msg.UsageVersion))
	if code, ok := flags.parseFlags(args); !ok {
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
	var commitText, dateText string
	if c != "" {
		commitText = con.p.Sprintf(msg.VersionCommit, c)
	}
	if d != "" {
		dateText = con.p.Sprintf(msg.VersionBuilt, d)
	}
	con.p.Fprintln(con.stdout, msg.Version, v, commitText, dateText, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return exitOK
}
