// Command sitecheck checks a built site as make test does for the synthetic site: every link
// and image resolves (internal/linkcheck) and, given the Nu HTML Checker, every page is valid
// HTML (internal/vnu).
//
//	go run ./internal/cmd/sitecheck [-base-url URL] [-vnu JAR] DIR
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/dangjian/dangjian/internal/linkcheck"
	"github.com/dangjian/dangjian/internal/vnu"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// run checks the site and returns the exit status: 0 when all is well, 1 when problems were
// found, 2 on wrong usage.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("sitecheck", flag.ContinueOnError)
	flags.SetOutput(stderr)
	baseURL := flags.String("base-url", "", "the site's base URL: absolute links to its host are problems")
	jar := flags.String("vnu", "", "the Nu HTML Checker's jar; without it, only links are checked")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitecheck [-base-url URL] [-vnu JAR] DIR")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() != 1 {
		flags.Usage()
		return 2
	}
	dir := flags.Arg(0)
	var opts linkcheck.Options
	if *baseURL != "" {
		var err error
		if opts, err = linkcheck.ForBaseURL(*baseURL); err != nil {
			fmt.Fprintf(stderr, "sitecheck: -base-url %v\n", err)
			return 2
		}
	}
	problems, err := linkcheck.Check(os.DirFS(dir), opts)
	if err != nil {
		fmt.Fprintln(stderr, "sitecheck:", err)
		return 1
	}
	for _, p := range problems {
		fmt.Fprintln(stderr, p)
	}
	var messages []string
	if *jar != "" {
		if messages, err = vnu.Check(ctx, *jar, vnu.Options{}, dir); err != nil {
			fmt.Fprintln(stderr, "sitecheck:", err)
			return 1
		}
		for _, m := range messages {
			fmt.Fprintln(stderr, m)
		}
	}
	if len(problems)+len(messages) > 0 {
		fmt.Fprintf(stderr, "sitecheck: %d broken links, %d HTML errors in %s\n", len(problems), len(messages), dir)
		return 1
	}
	checked := "links"
	if *jar != "" {
		checked = "links and HTML"
	}
	fmt.Fprintf(stdout, "sitecheck: %s of %s are fine\n", checked, dir)
	return 0
}
