package publish

import (
	"context"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/dangjian/dangjian/internal/msg"
)

// lockPoll is how often a run that waits for another one tries the lock again.
const lockPoll = 100 * time.Millisecond

// Busy is the error of a run that found another run of dangjian writing the same output folder,
// and gave up waiting for it.
type Busy struct {
	Dest   string
	Holder msg.Message   // the other run, as its lock file names it: "process 1234"
	Waited time.Duration // how long this run waited
}

// Text says the error in p's language.
func (b *Busy) Text(p *msg.Printer) string {
	if b.Waited > 0 {
		return p.Sprintf(msg.BusyWaited, b.Holder, b.Dest, b.Waited.String())
	}
	return p.Sprintf(msg.Busy, b.Holder, b.Dest)
}

func (b *Busy) Error() string { return b.Text(msg.Chinese) }

// takeLock takes the lock file name, the lock of one output folder, waiting up to opts.Wait for a
// run that holds it. The lock is the operating system's, on the open file: the system releases
// it when the process ends, however it ends, so that a crash never leaves a stale lock. The
// file holds the process that has the lock, for the messages of those who wait.
func takeLock(ctx context.Context, name, dest string, opts Options) (*os.File, error) {
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	var timeout <-chan time.Time
	for {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, msg.New(msg.CannotLock, name, err)
		}
		if ok {
			if err := writeHolder(f); err != nil {
				f.Close()
				return nil, err
			}
			return f, nil
		}
		if timeout == nil {
			if opts.Wait <= 0 {
				f.Close()
				return nil, &Busy{Dest: dest, Holder: readHolder(name)}
			}
			if opts.Waiting != nil {
				opts.Waiting(msg.New(msg.WaitingFor, readHolder(name), dest))
			}
			timer := time.NewTimer(opts.Wait)
			defer timer.Stop()
			timeout = timer.C
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-timeout:
			f.Close()
			return nil, &Busy{Dest: dest, Holder: readHolder(name), Waited: opts.Wait}
		case <-time.After(lockPoll):
		}
	}
}

// writeHolder writes this process into the lock file: its id, and its machine, which matters
// when the output is on a shared folder.
func writeHolder(f *os.File) error {
	host, _ := os.Hostname()
	if err := f.Truncate(0); err != nil {
		return err
	}
	_, err := f.WriteAt([]byte(strconv.Itoa(os.Getpid())+" "+host+"\n"), 0)
	return err
}

// readHolder names the process that holds the lock file name, as it wrote itself there.
func readHolder(name string) msg.Message {
	data, _ := os.ReadFile(name)
	pid, host, _ := strings.Cut(strings.TrimSpace(string(data)), " ")
	if _, err := strconv.Atoi(pid); err != nil {
		return msg.New(msg.ProcessWho)
	}
	if self, _ := os.Hostname(); host != "" && host != self {
		return msg.New(msg.ProcessOn, pid, host)
	}
	return msg.New(msg.Process, pid)
}
