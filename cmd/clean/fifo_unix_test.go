//go:build unix

package main

import "syscall"

// mkfifo makes a named pipe, for the tests that a FIFO neither hangs nor counts as a file.
func mkfifo(path string) error { return syscall.Mkfifo(path, 0o600) }
