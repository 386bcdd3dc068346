package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/cleanhq/clean/internal/render"
	"github.com/spf13/cobra"
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

// summarized is the error that ended a batch, with the batch's summary line, which is
// printed after it: the last line a batch prints is its summary.
type summarized struct {
	err     error
	summary string
}

func (e summarized) Error() string { return e.err.Error() }
func (e summarized) Unwrap() error { return e.err }

// exitCode prints err once, on one line (and a batch's summary after it), and maps it to
// an exit code.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(stderr, "clean: "+render.OneLine(err.Error()))
	var sum summarized
	if errors.As(err, &sum) {
		fmt.Fprintln(stderr, "clean: "+sum.summary)
	}
	var ue usageError
	var pe partialError
	switch {
	case errors.As(err, &ue):
		return exitUsage
	case errors.As(err, &pe):
		return exitPartial
	}
	return exitFailure
}

// typedUsageErrors makes every error that cobra finds in a command line a usageError, so
// that exitCode never has to recognise one by its text: flag errors through the root's
// flag error func (cobra looks it up from the root for every subcommand), argument errors
// by wrapping the Args validator of every command, cobra's own help and completion
// commands included (they are added here, before cobra would add them, so that their
// validators are wrapped too). Unknown subcommands are argument errors: cobra.NoArgs
// reports them. No command marks a flag required or flags as a group, the only other
// errors cobra makes before RunE.
//
// Call it once the tree is built and its output set: the completion command keeps the
// output stream it sees.
func typedUsageErrors(root *cobra.Command) {
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Args != nil {
			c.Args = usageArgs(c.Args)
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// usageArgs wraps an argument validator so that what it refuses is a usageError.
func usageArgs(valid cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		err := valid(cmd, args)
		var ue usageError
		if err == nil || errors.As(err, &ue) {
			return err
		}
		return usageError{err}
	}
}
