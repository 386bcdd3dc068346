//go:build unix

package clean_test

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used (user and system, all threads, the
// garbage collector's included). Unlike wall time it does not grow while other programs
// hold the CPU.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
