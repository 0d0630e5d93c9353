package generator

import (
	"sync/atomic"
	"time"

	"github.com/dangjian/dangjian/internal/msg"
)

// Progress lets a caller watch a long build from another goroutine: Build says which stage it
// is in and counts the files it has written.
type Progress struct {
	stage       atomic.Pointer[msg.Key]
	done, total atomic.Int64
}

// Now returns the stage, a message to say, and, while writing, how many files of how many are
// written.
func (p *Progress) Now() (stage msg.Key, done, total int64) {
	if s := p.stage.Load(); s != nil {
		stage = *s
	}
	return stage, p.done.Load(), p.total.Load()
}

func (p *Progress) enter(stage msg.Key, total int) {
	if p != nil {
		p.stage.Store(&stage)
		p.done.Store(0)
		p.total.Store(int64(total))
	}
}

func (p *Progress) step() {
	if p != nil {
		p.done.Add(1)
	}
}

// Timing is how long one stage of a build took.
type Timing struct {
	Stage    msg.Key // a message to say
	Duration time.Duration
}

// Stages of a build, as Progress and Report name them.
var (
	StageLoad    = msg.StageLoading
	StageWait    = msg.StageWaiting
	StageWrite   = msg.StageWriting
	StagePublish = msg.StagePublishing
)
