package batch

import "context"

// A Source yields a batch's inputs, in order. Inputs (arguments, directories, input
// lists, JSONL files) is the Source the command line builds; a new input kind is one more
// argKind (see inputs.go), or a Source of its own.
type Source interface {
	// Each calls yield for every input, in order, streaming, until yield returns false or
	// ctx is done. Its error is for inputs that cannot be enumerated at all.
	Each(ctx context.Context, yield func(*Task) bool) error
	// Count returns the number of inputs, for progress, or false when it cannot be known
	// cheaply (standard input would be consumed).
	Count(ctx context.Context) (int, bool)
}
