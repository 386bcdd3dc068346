package clean

import (
	"errors"

	"github.com/cleanhq/clean/internal/decode"
	"github.com/cleanhq/clean/internal/source"
)

// InputError is the error of one input: Name is the input as given (a path, a URL, "-",
// "FILE.jsonl:LINE"), Err what went wrong with it.
type InputError struct {
	Name string
	Err  error
}

func (e *InputError) Error() string { return e.Name + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// Named wraps err as the error of the input name, unless it already is an *InputError.
func Named(name string, err error) error {
	var ie *InputError
	if err == nil || errors.As(err, &ie) {
		return err
	}
	return &InputError{Name: name, Err: err}
}

// Cause returns what went wrong with the input, without the input's name.
func Cause(err error) error {
	var ie *InputError
	if errors.As(err, &ie) {
		return ie.Err
	}
	return err
}

// The causes an *InputError can have, for errors.Is.
var (
	ErrEmpty    = decode.ErrEmpty    // the input is empty or only white space
	ErrBinary   = decode.ErrBinary   // the input is an image, a PDF, an archive…
	ErrTooLarge = source.ErrTooLarge // the input is over the size cap
	ErrNoText   = errors.New("no text found")
)
