// Command mkzip writes the Windows zip of a release (package windows): the given dangjian.exe
// with the file that starts serve beside site.yaml and the editors' Chinese readme, every
// entry dated by -date, so that the same exe and date give the same zip, byte for byte.
//
//	go run ./internal/cmd/mkzip -date 2016-09-20T08:00:00Z -o OUT.zip dangjian-….exe
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/dangjian/dangjian/windows"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// run writes the zip and returns the exit status: 0 when written, 1 when it could not be, 2 on
// wrong usage.
func run(args []string, stderr io.Writer) int {
	flags := flag.NewFlagSet("mkzip", flag.ContinueOnError)
	flags.SetOutput(stderr)
	date := flags.String("date", "", "the entries' `time`, in RFC 3339 (make release's DATE)")
	out := flags.String("o", "", "the `zip` to write")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if *out == "" || *date == "" || flags.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: mkzip -date TIME -o ZIP EXE")
		flags.PrintDefaults()
		return 2
	}
	modified, err := time.Parse(time.RFC3339, *date)
	if err != nil {
		fmt.Fprintf(stderr, "mkzip: -date %q: not an RFC 3339 time such as 2016-09-20T08:00:00Z\n", *date)
		return 2
	}
	if err := write(*out, flags.Arg(0), modified); err != nil {
		fmt.Fprintln(stderr, "mkzip:", err)
		return 1
	}
	return 0
}

// write writes the zip of exe to out, and removes out again if it could not finish it.
func write(out, exe string, modified time.Time) (err error) {
	in, err := os.Open(exe)
	if err != nil {
		return err
	}
	defer in.Close()
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	defer func() {
		if err = errors.Join(err, f.Close()); err != nil {
			os.Remove(out)
		}
	}()
	return windows.WriteZip(f, in, modified)
}
