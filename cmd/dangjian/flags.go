package main

import (
	"errors"
	"flag"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/msg"
	"github.com/dangjian/dangjian/internal/yamlnode"
)

// flagSet is a command's flags, which speak the command's language: the flag package writes
// nothing itself, since it speaks English; its errors are said by their kind, and the
// command's usage and flags are printed from the catalogue. It returns an error rather than
// exit, so that the command returns its exit status.
type flagSet struct {
	*flag.FlagSet
	console
	usage  []msg.Message // the command's usage line and notes, printed before its flags
	setErr error         // the error of the value last refused, which the flag package keeps only as text
}

// newFlagSet returns a command's flag set, with the usage printed on -h and wrong usage. Every
// command takes --lang, chosen before the command runs (see chooseLanguage).
func newFlagSet(c console, name string, usage ...msg.Message) *flagSet {
	flags := &flagSet{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), console: c, usage: usage}
	flags.SetOutput(io.Discard)
	flags.Usage = func() {}
	flags.String(langFlagName, "", string(msg.FlagLang))
	return flags
}

const langFlagName = "lang"

// printUsage prints the command's usage and its flags, each with its help, on stderr.
func (f *flagSet) printUsage() {
	for _, line := range f.usage {
		f.p.Fprintln(f.stderr, line.Key, line.Args...)
	}
	f.p.Fprintln(f.stderr, msg.FlagsTitle)
	var b strings.Builder
	f.VisitAll(func(fl *flag.Flag) {
		// The help is said before the name of its value is taken from its backquotes.
		said := *fl
		said.Usage = f.p.Sprintf(msg.Key(fl.Usage))
		name, help := flag.UnquoteUsage(&said)
		b.WriteString("  -" + fl.Name)
		if name != "" {
			b.WriteString(" " + name)
		}
		// As the flag package lays them out: a short flag's help on its line, else below it.
		if len(fl.Name) == 1 && name == "" {
			b.WriteString("\t")
		} else {
			b.WriteString("\n    \t")
		}
		b.WriteString(strings.ReplaceAll(help, "\n", "\n    \t"))
		if shown := fl.DefValue; shown != "" && shown != "false" && shown != "0" && shown != "0s" {
			b.WriteString(f.p.Sprintf(msg.FlagDefault, shown))
		}
		b.WriteString("\n")
	})
	_, _ = io.WriteString(f.stderr, b.String())
}

// usageError says what is wrong with the command line, then the command's usage, and returns
// the exit status of wrong usage.
func (f *flagSet) usageError(problem msg.Message) int {
	f.p.Fprintln(f.stderr, msg.CommandErrorLine, f.Name(), problem)
	f.printUsage()
	return exitUsage
}

// sourceFlag defines -s, the site's folder, which every command but version takes. Not given,
// it is the folder holding site.yaml that the working folder is in (see findSite).
func sourceFlag(flags *flagSet, source *string) {
	flags.StringVar(source, sourceFlagName, "", string(msg.FlagSource))
}

const sourceFlagName = "s"

// findSite sets -s, when the command takes it and it was not given, to the site's folder that
// the working folder is in (generator.FindSource): any command works from any folder of the
// site. Paths in messages stay relative to the site's folder wherever the command is run: a
// problem reads the same in the terminal, in the check's JSON and in serve's page, and each
// starts with content/ or names site.yaml. A -s given is used as it is.
func findSite(flags *flagSet) error {
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

// siteFlags defines the flags of generator.Options, which say which site to read and how,
// and gives the options the command's language: build, serve, check and export take them.
func siteFlags(flags *flagSet, opts *generator.Options) {
	opts.Printer = flags.p
	sourceFlag(flags, &opts.Source)
	flags.BoolVar(&opts.Drafts, "drafts", false, string(msg.FlagDrafts))
	flags.BoolVar(&opts.NoGit, "no-git", false, string(msg.FlagNoGit))
}

// parseFlags parses a command's flags, and allows no other arguments; it returns ok false with
// the exit status when the command should stop (help asked for, or wrong usage).
func (f *flagSet) parseFlags(args []string) (int, bool) {
	rest, code, ok := f.parseArgs(args)
	if ok && len(rest) > 0 {
		return f.usageError(msg.New(msg.StrayArgument, rest[0])), false
	}
	return code, ok
}

// parseArgs parses a command's flags, which may come before, between or after its other
// arguments, and returns those arguments; "--" ends the flags. It finds the site's folder when
// -s was not given (findSite).
func (f *flagSet) parseArgs(args []string) (rest []string, code int, ok bool) {
	f.VisitAll(func(fl *flag.Flag) { fl.Value = recorded{fl.Value, &f.setErr} })
	for {
		if err := f.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				f.printUsage()
				return nil, exitOK, false
			}
			return nil, f.usageError(f.flagError(err)), false
		}
		if f.NArg() == 0 {
			break
		}
		if parsed := len(args) - f.NArg(); parsed > 0 && args[parsed-1] == "--" {
			rest = append(rest, f.Args()...)
			break
		}
		rest = append(rest, f.Arg(0))
		args = f.Args()[1:]
	}
	if err := findSite(f); err != nil {
		f.p.Fprintln(f.stderr, msg.ErrorLine, err)
		return nil, exitProblems, false
	}
	return rest, 0, true
}

// The errors of package flag, which are only text: an unknown flag, a flag without its value,
// a value refused (by a boolean flag, or by another).
var (
	unknownFlag  = regexp.MustCompile(`^flag provided but not defined: (.*)$`)
	needsValue   = regexp.MustCompile(`^flag needs an argument: (.*)$`)
	badSyntax    = regexp.MustCompile(`^bad flag syntax: (.*)$`)
	badBoolValue = regexp.MustCompile(`^invalid boolean value "(.*)" for -(\S+): `)
	badValue     = regexp.MustCompile(`^invalid value "(.*)" for flag -(\S+): `)
)

// flagError says an error of package flag by its kind: the flag package writes its errors in
// English only, and keeps the error of a value refused only as text.
func (f *flagSet) flagError(err error) msg.Message {
	text := err.Error()
	if m := unknownFlag.FindStringSubmatch(text); m != nil {
		return msg.New(msg.UnknownFlag, m[1])
	}
	if m := needsValue.FindStringSubmatch(text); m != nil {
		return msg.New(msg.FlagNeedsValue, m[1])
	}
	if m := badSyntax.FindStringSubmatch(text); m != nil {
		return msg.New(msg.BadFlagSyntax, m[1])
	}
	if m := badBoolValue.FindStringSubmatch(text); m != nil {
		return msg.New(msg.BadBoolValue, m[1], m[2], msg.WantBool)
	}
	if m := badValue.FindStringSubmatch(text); m != nil && f.setErr != nil {
		return msg.New(msg.BadFlagValue, m[1], m[2], f.setErr)
	}
	return msg.New(msg.BadFlagSyntax, text) // not an error the flag package writes today
}

// recorded is a flag's value that keeps the error of the value it last refused, for flagError.
type recorded struct {
	flag.Value
	err *error
}

func (r recorded) Set(s string) error {
	err := r.Value.Set(s)
	if err != nil {
		*r.err = err
	}
	return err
}

// IsBoolFlag says whether the flag is a switch, written without a value, as the value it
// records says.
func (r recorded) IsBoolFlag() bool {
	b, ok := r.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// dateFlag defines a flag of a date, in the forms the front matter accepts, which says what a
// date looks like when it is given something else.
func dateFlag(flags *flagSet, t *time.Time, name string, usage msg.Key) {
	flags.Func(name, string(usage), func(s string) error {
		var err error
		*t, err = yamlnode.ParseDate(s)
		return err
	})
}

// durationFlag defines a flag of a duration, which says what a duration looks like when it is
// given something else.
func durationFlag(flags *flagSet, d *time.Duration, name string, value time.Duration, usage msg.Key) {
	*d = value
	flags.Var((*duration)(d), name, string(usage))
}

// duration is the value of a durationFlag.
type duration time.Duration

func (d *duration) String() string { return time.Duration(*d).String() }

func (d *duration) Set(s string) error {
	v, err := time.ParseDuration(s)
	if err != nil {
		return msg.New(msg.NotADuration)
	}
	*d = duration(v)
	return nil
}
