package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/yamlnode"
)

// newFlagSet returns a command's flag set: it prints wrong usage and help on stderr, and
// returns an error rather than exit, so that the command returns its exit status.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	flags := flag.NewFlagSet(name, flag.ContinueOnError)
	flags.SetOutput(stderr)
	return flags
}

// sourceFlag defines -s, the site's folder, which every command but version takes. Not given,
// it is the folder holding site.yaml that the working folder is in (see findSite).
func sourceFlag(flags *flag.FlagSet, source *string) {
	flags.StringVar(source, sourceFlagName, "", "the site's `folder`, holding site.yaml (default: the working folder, or the nearest folder above it that holds site.yaml)")
}

const sourceFlagName = "s"

// findSite sets -s, when the command takes it and it was not given, to the site's folder that
// the working folder is in (generator.FindSource): any command works from any folder of the
// site. Paths in messages stay relative to the site's folder wherever the command is run: a
// problem reads the same in the terminal, in the check's JSON and in serve's page, and each
// starts with content/ or names site.yaml. A -s given is used as it is.
func findSite(flags *flag.FlagSet) error {
	source := flags.Lookup(sourceFlagName)
	given := false
	flags.Visit(func(f *flag.Flag) { given = given || f.Name == sourceFlagName })
	if source == nil || given {
		return nil
	}
	dir, err := generator.FindSource(".")
	if err != nil {
		return err
	}
	return source.Value.Set(dir)
}

// siteFlags defines the flags of generator.Options, which say which site to read and how:
// build, serve, check and export take them.
func siteFlags(flags *flag.FlagSet, opts *generator.Options) {
	sourceFlag(flags, &opts.Source)
	flags.BoolVar(&opts.Drafts, "drafts", false, "treat drafts as published")
	flags.BoolVar(&opts.NoGit, "no-git", false, "date pages by their files' modification times, not by git history")
}

// parseFlags parses a command's flags, and allows no other arguments; it returns ok false with
// the exit status when the command should stop (help asked for, or wrong usage).
func parseFlags(flags *flag.FlagSet, args []string) (int, bool) {
	rest, code, ok := parseArgs(flags, args)
	if ok && len(rest) > 0 {
		fmt.Fprintf(flags.Output(), "dangjian %s: unexpected argument %q\n", flags.Name(), rest[0])
		flags.Usage()
		return exitUsage, false
	}
	return code, ok
}

// parseArgs parses a command's flags, which may come before, between or after its other
// arguments, and returns those arguments; "--" ends the flags. It finds the site's folder when
// -s was not given (findSite).
func parseArgs(flags *flag.FlagSet, args []string) (rest []string, code int, ok bool) {
	for {
		if err := flags.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			return nil, exitUsage, false
		}
		if flags.NArg() == 0 {
			break
		}
		if parsed := len(args) - flags.NArg(); parsed > 0 && args[parsed-1] == "--" {
			rest = append(rest, flags.Args()...)
			break
		}
		rest = append(rest, flags.Arg(0))
		args = flags.Args()[1:]
	}
	if err := findSite(flags); err != nil {
		fmt.Fprintf(flags.Output(), "dangjian: %v\n", err)
		return nil, exitProblems, false
	}
	return rest, 0, true
}

// dateFlag defines a flag of a date, in the forms the front matter accepts, which says what a
// date looks like when it is given something else.
func dateFlag(flags *flag.FlagSet, t *time.Time, name, usage string) {
	flags.Func(name, usage, func(s string) error {
		var err error
		*t, err = yamlnode.ParseDate(s)
		return err
	})
}

// durationFlag defines a flag of a duration, which says what a duration looks like when it is
// given something else.
func durationFlag(flags *flag.FlagSet, d *time.Duration, name string, value time.Duration, usage string) {
	*d = value
	flags.Var((*duration)(d), name, usage)
}

// duration is the value of a durationFlag.
type duration time.Duration

func (d *duration) String() string { return time.Duration(*d).String() }

func (d *duration) Set(s string) error {
	v, err := time.ParseDuration(s)
	if err != nil {
		return errors.New("not a duration; write 30s, 5m or 0")
	}
	*d = duration(v)
	return nil
}
