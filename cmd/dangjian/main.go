// Command dangjian builds a party-building (党建) report site from Markdown and YAML.
//
// Usage:
//
//	dangjian build   [-s SRC] [-d DEST] [--base-url URL] [--drafts] [--no-git] [--wait DURATION] [--quiet] [--verbose]
//	dangjian check   [-s SRC] [--fix] [--format text|json]
//	dangjian new     KIND TITLE [--date DATE] [-s SRC]
//	dangjian export  [-s SRC] [-o OUT] [--since DATE] [PAGE...]
//	dangjian serve   [-s SRC] [--addr 127.0.0.1:1313] [--port N] [--open] [--poll DURATION] [--drafts] [--no-git]
//	dangjian version
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// Exit statuses.
const (
	exitOK       = 0
	exitProblems = 1 // problems in the content, or the build failed
	exitUsage    = 2
	exitBusy     = 3 // another run of dangjian was writing the output folder, and did not finish in time
)

// command is one subcommand: it parses its own flags from args.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

var commands = []command{
	{"build", "build the site into DEST (default SRC/public)", runBuild},
	{"export", "make article bundles for the civilization website", runExport},
	{"check", "report every problem of the site, and with --fix repair what is certain", runCheck},
	{"new", "start a page of a KIND from its template: new KIND TITLE", runNew},
	{"serve", "serve the site, rebuild it on every change and reload the browser", runServe},
	{"version", "print the version", runVersion},
}

func main() { os.Exit(runUntilStopped(os.Args[1:], os.Stdout, os.Stderr)) }

// runUntilStopped runs the command line until it ends or is told to stop: Ctrl-C, and a
// service manager's or a pipeline's stop, end a command cleanly: a build leaves the output as
// it was, serve says that it stopped.
func runUntilStopped(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return run(ctx, args, stdout, stderr)
}

// run runs the command line args and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "dangjian: unknown command %q\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: dangjian COMMAND [flags]")
	fmt.Fprintln(w, "\ncommands:")
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = fmt.Sprintf("  %-8s %s", c.name, c.summary)
	}
	sort.Strings(names)
	fmt.Fprintln(w, strings.Join(names, "\n"))
	fmt.Fprintln(w, "\nRun 'dangjian COMMAND -h' for a command's flags.")
}
