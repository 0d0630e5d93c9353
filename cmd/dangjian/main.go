// Command dangjian builds a party-building (党建) report site from Markdown and YAML.
//
// Usage:
//
//	dangjian build   [-s SRC] [-d DEST] [--base-url URL] [--drafts] [--no-git] [--wait DURATION] [--quiet] [--verbose]
//	dangjian check   [-s SRC] [--fix] [--format text|json]
//	dangjian new     KIND TITLE [--date DATE] [-s SRC]
//	dangjian import  FILE.docx [--kind KIND] [--date DATE] [-s SRC]
//	dangjian export  [-s SRC] [-o OUT] [--since DATE] [PAGE...]
//	dangjian serve   [-s SRC] [--addr 127.0.0.1:1313] [--port N] [--open] [--poll DURATION] [--drafts] [--no-git]
//	dangjian version
//
// Every command takes --lang zh or --lang en, the language of its messages (see msg.Choose).
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

	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/yamlnode"
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
	summary msg.Key
	run     func(ctx context.Context, args []string, c console) int
}

var commands = []command{
	{"build", msg.AboutBuild, runBuild},
	{"export", msg.AboutExport, runExport},
	{"check", msg.AboutCheck, runCheck},
	{"import", msg.AboutImport, runImport},
	{"new", msg.AboutNew, runNew},
	{"serve", msg.AboutServe, runServe},
	{"version", msg.AboutVersion, runVersion},
}

// console is where a command writes, and the language it speaks.
type console struct {
	stdout, stderr io.Writer
	p              *msg.Printer
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
	p, err := msg.Choose(langArg(args), os.Getenv)
	c := console{stdout: stdout, stderr: stderr, p: p}
	if err != nil {
		p.Fprintln(stderr, msg.ErrorLine, err)
		return exitUsage
	}
	if len(args) > 0 && isLangFlag(args[0]) { // dangjian --lang en COMMAND …
		n := 2
		if strings.Contains(args[0], "=") {
			n = 1
		}
		args = args[min(n, len(args)):]
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(c)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	names := make([]string, len(commands))
	for i, cmd := range commands {
		if cmd.name == args[0] {
			return cmd.run(ctx, args[1:], c)
		}
		names[i] = cmd.name
	}
	unknown := msg.New(msg.UnknownCommand, args[0])
	if near := yamlnode.Nearest(args[0], names); near != "" {
		unknown = msg.New(msg.UnknownCommandOr, args[0], near)
	}
	p.Fprintln(stderr, msg.ErrorLine, unknown)
	usage(c)
	return exitUsage
}

// langArg returns the value of the last --lang among the flags of a command line: the language
// is chosen before any flag is parsed, so that the errors of parsing are said in it too.
func langArg(args []string) string {
	lang := ""
	for i, a := range args {
		switch {
		case a == "--":
			return lang
		case !isLangFlag(a):
		case strings.Contains(a, "="):
			_, lang, _ = strings.Cut(a, "=")
		case i+1 < len(args):
			lang = args[i+1]
		}
	}
	return lang
}

// isLangFlag reports whether a is --lang, as the flag package reads it: -lang, --lang,
// --lang=en.
func isLangFlag(a string) bool {
	name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
	return strings.HasPrefix(a, "-") && name == langFlagName
}

func usage(c console) {
	c.p.Fprintln(c.stderr, msg.Usage)
	c.p.Fprintln(c.stderr, msg.CommandsTitle)
	names := make([]string, len(commands))
	for i, cmd := range commands {
		names[i] = fmt.Sprintf("  %-8s %s", cmd.name, c.p.Sprintf(cmd.summary))
	}
	sort.Strings(names)
	fmt.Fprintln(c.stderr, strings.Join(names, "\n"))
	fmt.Fprintln(c.stderr)
	c.p.Fprintln(c.stderr, msg.UsageHint)
}
