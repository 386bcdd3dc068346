package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/cleanhq/clean/internal/render"
)

// Exit codes, documented in README.md.
const (
	exitOK      = 0 // success
	exitFailure = 1 // the input could not be read or cleaned, or the output not written
	exitUsage   = 2 // bad flags, arguments or rule files
	exitPartial = 3 // a batch finished, but some inputs failed (see their records)
)

// usageError marks an error as the user's command line being wrong (exit 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// partialError says a batch finished with failures (exit 3); its records say which.
type partialError struct{ failed, total int }

func (e partialError) Error() string {
	return fmt.Sprintf("%d of %d inputs failed", e.failed, e.total)
}

// exitCode prints err once, on one line, and maps it to an exit code.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(stderr, "clean: "+render.OneLine(err.Error()))
	var ue usageError
	var pe partialError
	switch {
	case errors.As(err, &ue), isCobraUsage(err):
		return exitUsage
	case errors.As(err, &pe):
		return exitPartial
	}
	return exitFailure
}

// isCobraUsage recognises the flag and argument errors that cobra returns as plain errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown flag", "unknown shorthand flag", "flag needs an argument",
		"invalid argument", "accepts ", "requires at least", "unknown command", "bad flag syntax",
		"required flag", "if any flags in the group"} {
		if strings.HasPrefix(msg, p) || strings.Contains(msg, " "+p) {
			return true
		}
	}
	return false
}
