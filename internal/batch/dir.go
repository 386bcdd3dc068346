package batch

import (
	"bytes"
	"errors"
	"os"
	"path"
	"path/filepath"
	"sync"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/fsutil"
)

// Dir is an output directory: one file per input. Every file operation goes through an
// os.Root, so no name (nor a symbolic link planted inside) can reach outside it.
type Dir struct {
	root   *os.Root
	ext    string
	format clean.Format
	part   *part // the web archive part being written, if any

	mu     sync.Mutex
	closed bool
	writes sync.WaitGroup // Writes in progress, which Close waits for
}

// OpenDir creates (if need be) and opens the output directory, for files in format f
// (named with its extension).
func OpenDir(name string, f clean.Format) (*Dir, error) {
	if err := os.MkdirAll(name, 0o755); err != nil {
		return nil, fsutil.PathErr(err)
	}
	root, err := os.OpenRoot(name)
	if err != nil {
		return nil, fsutil.PathErr(err)
	}
	return &Dir{root: root, ext: f.Extension(), format: f}, nil
}

// Target is the file, relative to the directory, that holds the output of t.
func (d *Dir) Target(t *Task) string {
	return SafeRel(t.Rel) + "." + d.ext
}

// Has reports whether the file rel exists, which means a run finished it: files are
// written atomically.
func (d *Dir) Has(rel string) bool {
	_, err := d.root.Stat(filepath.FromSlash(rel))
	return err == nil
}

// Write writes data to rel atomically: a temporary file in the same directory, synced,
// then renamed over rel. The temporary name is fixed (".NAME.tmp"), so that one left by a
// killed run is overwritten and renamed by the rerun that redoes its input. Close waits
// for the writes in progress (a worker abandoned by a stopped batch may still be in one),
// so that none is cut short; after Close, Write fails.
func (d *Dir) Write(rel string, data []byte) error {
	d.mu.Lock()
	if d.closed {
		d.mu.Unlock()
		return os.ErrClosed
	}
	d.writes.Add(1)
	d.mu.Unlock()
	defer d.writes.Done()
	return d.write(rel, data)
}

func (d *Dir) write(rel string, data []byte) (err error) {
	dir, base := path.Split(rel)
	if dir != "" {
		if err := d.root.MkdirAll(filepath.FromSlash(dir), 0o755); err != nil {
			return err
		}
	}
	tmp := filepath.FromSlash(dir + "." + base + ".tmp")
	f, err := d.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			d.root.Remove(tmp)
		}
	}()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return d.root.Rename(tmp, filepath.FromSlash(rel))
}

// Close closes the directory. A web archive part left unfinished (an interrupted run)
// is removed, so that the next run does its archive again.
func (d *Dir) Close() error {
	d.mu.Lock()
	d.closed = true
	d.mu.Unlock()
	d.writes.Wait()
	var err error
	if d.part != nil {
		err = d.part.abort(d.root)
		d.part = nil
	}
	return errors.Join(err, d.root.Close())
}

// Format is the format of the files.
func (d *Dir) Format() clean.Format { return d.format }

// Finished reports whether t's file exists. A JSONL record's file name holds its id, which
// only decoding tells: for those, Exists answers in the worker.
func (d *Dir) Finished(t *Task) (bool, error) {
	if t.record != nil || t.Corpus != nil { // archives: see HasPart
		return false, nil
	}
	return d.Has(d.Target(t)), nil
}

// Exists reports, in the worker, whether the decoded task's file exists already.
func (d *Dir) Exists(t *Task) bool { return d.Has(d.Target(t)) }

// Render writes t's file, atomically; there is no record to emit.
func (d *Dir) Render(t *Task, doc clean.Document, opts clean.WriteOptions) ([]byte, error) {
	var buf bytes.Buffer
	if err := clean.Write(&buf, doc, d.format, opts); err != nil {
		return nil, clean.Named(t.Name, err)
	}
	target := d.Target(t)
	if err := d.Write(target, buf.Bytes()); err != nil {
		return nil, d.outputErr(target, err)
	}
	return nil, nil
}

// OutputError is a failure to write a batch's output (a full disk, a read-only or
// vanished directory, something in the way of a file): it stops the batch, unlike an
// input's failure, since the inputs after it would fail the same way. Files already
// written stay as they are (each was written whole, atomically).
type OutputError struct {
	Name string // the output file
	Err  error
}

func (e *OutputError) Error() string { return "writing " + e.Name + ": " + e.Err.Error() }
func (e *OutputError) Unwrap() error { return e.Err }

// outputErr is the OutputError of writing rel: named by its path, not its temporary file's.
func (d *Dir) outputErr(rel string, err error) error {
	if err == nil {
		return nil
	}
	return &OutputError{Name: filepath.Join(d.root.Name(), filepath.FromSlash(rel)), Err: fsutil.PathErr(err)}
}

// Failed keeps no record: a failed input has no file, and the batch logs it.
func (d *Dir) Failed(*Task, error) []byte { return nil }

// Emit writes the corpus records of a web archive into the archive's part (see
// PartName); other inputs' files are written by Render.
func (d *Dir) Emit(t *Task, rec []byte) error {
	if t.Corpus == nil || rec == nil {
		return nil
	}
	if d.part == nil || d.part.file != t.Corpus.File {
		if err := d.EndFile(""); err != nil {
			return err
		}
		p, err := openPart(d.root, t.Corpus.File)
		if err != nil {
			return d.outputErr(PartName(t.Corpus.File), err)
		}
		d.part = p
	}
	return d.outputErr(d.part.name, d.part.write(rec))
}

// EndFile finishes the part of the archive being written: it is complete, and renamed to
// its name, which tells later runs that the archive is done. An archive with no
// document record gets an empty part all the same.
func (d *Dir) EndFile(file string) error {
	if d.part == nil && file != "" {
		p, err := openPart(d.root, file)
		if err != nil {
			return d.outputErr(PartName(file), err)
		}
		d.part = p
	}
	if d.part == nil || (file != "" && d.part.file != file) {
		return nil
	}
	p := d.part
	d.part = nil
	return d.outputErr(p.name, p.finish(d.root))
}

// HasPart reports whether an earlier run finished the part of the archive file.
func (d *Dir) HasPart(file string) bool { return d.Has(PartName(file)) }
