package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/dangjian/dangjian/generator"
	"github.com/dangjian/dangjian/internal/msg"
)

// isTerminal reports whether w is a terminal, where a build shows its progress; in a pipe or a
// log it stays quiet. A variable, so that tests can say yes.
var isTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// progressEvery is how often the progress line is redrawn.
const progressEvery = 200 * time.Millisecond

// showProgress redraws one line on stderr with the build's stage, files written and time taken,
// until stop is called.
func showProgress(c console, p *generator.Progress, start time.Time) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		tick := time.NewTicker(progressEvery)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				key, n, total := p.Now()
				stage := c.p.Sprintf(key)
				if total > 0 {
					stage = c.p.Sprintf(msg.FilesOf, stage, n, total)
				}
				fmt.Fprintf(c.stderr, "\r\033[K%s … %s", stage, time.Since(start).Round(100*time.Millisecond))
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// clearLine erases the progress line.
func clearLine(w io.Writer) { fmt.Fprint(w, "\r\033[K") }
