//go:build !unix

package clean_test

import "time"

// cpuTime is not measured on this system; the CPU-time ratio is then not reported.
func cpuTime() time.Duration { return 0 }
