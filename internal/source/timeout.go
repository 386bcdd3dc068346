package source

import (
	"fmt"
	"time"
)

// TimeoutError is a fetch that ran out of time (--timeout). Batches retry it.
type TimeoutError struct{ Limit time.Duration }

func (e *TimeoutError) Error() string { return fmt.Sprintf("timed out after %v (--timeout)", e.Limit) }

// Timeout reports true, as net.Error does for time-outs.
func (e *TimeoutError) Timeout() bool { return true }
