// Command clean turns article HTML, or text scraped from web pages, into the article alone:
// Markdown, plain text or JSON with metadata. See README.md.
//
// This package is the only importer of cobra: it maps flags to options, injects the
// streams, and turns errors into exit codes (see exit.go).
package main

import (
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// streams are the standard streams, injected so tests can use buffers.
type streams struct {
	in       io.Reader
	out, err io.Writer
}

// run executes the command line args and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	s := streams{in: stdin, out: stdout, err: stderr}
	cmd := newRootCmd(s)
	cmd.SetArgs(args)
	cmd.SetIn(stdin)
	cmd.SetOut(stdout)
	cmd.SetErr(stderr)
	return exitCode(cmd.Execute(), stderr)
}
