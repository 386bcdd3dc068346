// Package cputime measures the CPU time of the process, for benchmarks that report
// throughput per CPU-second besides per wall-clock second: on a machine shared with other
// work, wall time also counts the time other processes hold the core.
package cputime

import (
	"testing"
	"time"
)

// Meter reports, when stopped, the throughput of a benchmark in megabytes per CPU-second.
type Meter struct {
	start time.Duration
	ok    bool
}

// Start starts a Meter.
func Start() Meter {
	t, ok := Used()
	return Meter{t, ok}
}

// Report adds the metric "MB/cpu-s" to b: bytes per iteration times b.N over the CPU time
// used since Start. It reports nothing where CPU time is not measured.
func (m Meter) Report(b *testing.B, bytes int64) {
	end, ok := Used()
	if m.ok && ok && end > m.start {
		b.ReportMetric(float64(bytes)*float64(b.N)/1e6/(end-m.start).Seconds(), "MB/cpu-s")
	}
}
