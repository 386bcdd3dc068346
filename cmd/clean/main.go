// Command clean turns article HTML, or text scraped from web pages, into the article alone:
// Markdown, plain text or JSON with metadata. See README.md.
//
// This package is the only importer of cobra: it maps flags to options, injects the
// streams, and turns errors into exit codes (see exit.go).
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// streams are the standard streams, injected so tests can use buffers.
type streams struct {
	in       io.Reader
	out, err io.Writer
}

// run executes the command line args and returns the exit code. The commands get a
// context, cmd.Context(), that is cancelled on SIGINT or SIGTERM; after the first signal
// the default handling is back, so a second one ends the process at once.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	context.AfterFunc(ctx, stop)
	return execute(ctx, args, streams{in: stdin, out: stdout, err: stderr})
}

// execute runs the command line args in ctx and returns the exit code.
func execute(ctx context.Context, args []string, s streams) int {
	cmd := newRootCmd(s)
	cmd.SetArgs(args)
	return exitCode(cmd.ExecuteContext(ctx), s.err)
}
