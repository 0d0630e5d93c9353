// Command gencorpus writes a synthetic site for the tests and the benchmarks (see package
// internal/corpus):
//
//	go run ./internal/cmd/gencorpus -n 10000 -o /tmp/site [-seed 1]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dangjian/dangjian/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "how many pages: activities, lectures, projects and lecture-hall events (reports and list pages come on top)")
	out := flag.String("o", "", "the folder to write the site into; it must not exist or be empty")
	seed := flag.Uint64("seed", 1, "the same -n and -seed give the same site, byte for byte")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := corpus.Write(*out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}
