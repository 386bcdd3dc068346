package batch

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// Stats count a batch's inputs.
type Stats struct {
	Done    int // inputs cleaned and written
	Failed  int // inputs that failed (each has an error record, or a line on stderr with -o DIR)
	Skipped int // inputs finished by an earlier run

	NotCleaned   int // web archive records skipped with a reason (revisits, errors pages, non-HTML, no text…)
	NotDocuments int // web archive records that are no document (request, metadata, warcinfo…)
	Elapsed      time.Duration
}

// Empty reports whether the batch found no input at all.
func (s Stats) Empty() bool {
	return s.Done+s.Failed+s.Skipped+s.NotCleaned+s.NotDocuments == 0
}

// Summary is the closing line of a batch.
func (s Stats) Summary() string {
	rate := 0.0
	if s.Elapsed > 0 {
		rate = float64(s.Done+s.Failed) / s.Elapsed.Seconds()
	}
	archive := ""
	if s.NotCleaned+s.NotDocuments > 0 {
		archive = fmt.Sprintf("; archive records: %d not cleaned (see their reason), %d not documents", s.NotCleaned, s.NotDocuments)
	}
	return fmt.Sprintf("%d done, %d failed, %d skipped%s in %s (%.1f docs/s)",
		s.Done, s.Failed, s.Skipped, archive, s.Elapsed.Round(time.Millisecond), rate)
}

// Progress is told about each finished input; it may be nil.
type Progress interface {
	SetTotal(n int)   // the number of inputs, when known
	Finished(ok bool) // one input done
	Skipped()         // one input skipped (finished by an earlier run)
	Log(line string)  // print a line (an error) without garbling the display
	Close()
}

// Bar is a terminal progress bar: done/total, rate, ETA and failures.
type Bar struct {
	mu     sync.Mutex
	bar    *progressbar.ProgressBar
	w      io.Writer
	failed int
	n      int // inputs finished or skipped
}

// NewBar starts a progress bar on w (a terminal) for an unknown number of inputs.
func NewBar(w io.Writer) *Bar { return newBar(w, 100*time.Millisecond) }

// newBar is NewBar redrawing at most once per throttle (0: at every change).
func newBar(w io.Writer, throttle time.Duration) *Bar {
	b := &Bar{w: w}
	b.bar = progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("cleaning"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("docs"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(throttle),
		progressbar.OptionSetWidth(30),
		progressbar.OptionClearOnFinish(),
	)
	return b
}

// SetTotal sets the bar's end.
func (b *Bar) SetTotal(n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	// While the total is unknown the bar counts modulo its width (and its percentage
	// would then disagree with its count): start it again from the true count.
	b.bar.Reset()
	b.bar.ChangeMax(n)
	b.bar.Add(b.n)
}

// Finished counts one input.
func (b *Bar) Finished(ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !ok {
		b.failed++
		b.bar.Describe(fmt.Sprintf("cleaning (%d failed)", b.failed))
	}
	b.n++
	b.bar.Add(1)
}

// Skipped counts an input done by an earlier run.
func (b *Bar) Skipped() { b.Finished(true) }

// Log prints a line above the bar.
func (b *Bar) Log(line string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.bar.Clear()
	fmt.Fprintln(b.w, line)
}

// Close removes the bar.
func (b *Bar) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.bar.Finish()
}

// LogOnly is the Progress used when standard error is not a terminal: no bar, only the
// lines logged.
type LogOnly struct{ W io.Writer }

func (LogOnly) SetTotal(int)      {}
func (LogOnly) Finished(bool)     {}
func (LogOnly) Skipped()          {}
func (l LogOnly) Log(line string) { fmt.Fprintln(l.W, line) }
func (LogOnly) Close()            {}
