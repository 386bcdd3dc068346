// Package batch runs the pipeline over many inputs: it enumerates them (arguments,
// directories, input lists, JSONL records), cleans them with a pool of workers under a
// bounded in-flight window, and writes one record or file per input, in input order, so
// that an interrupted run can be resumed. For URLs it limits requests per host and retries
// temporary failures. It never writes to the standard streams itself: the command passes
// writers and a Progress.
package batch
