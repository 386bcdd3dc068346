package batch

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cleanhq/clean/internal/decode"
	"github.com/cleanhq/clean/internal/fsutil"
	"github.com/cleanhq/clean/internal/shard"
	"github.com/cleanhq/clean/internal/source"
)

// Task is one input of a batch.
type Task struct {
	Name string      // the record's source: a path, a URL, "-", or "FILE.jsonl:LINE"
	ID   string      // a JSONL record's id
	URL  string      // a JSONL record's page URL
	Rel  string      // slash-separated name the output file is derived from (-o DIR)
	Kind decode.Kind // the input kind a JSONL field implies ("" for the default)
	Data []byte      // the document, for JSONL and WARC records; nil means read Name
	Err  error       // the input is already known to be bad (a bad JSONL or WARC record)

	ContentType string  // the HTTP Content-Type of a WARC response (its charset is used)
	Corpus      *Corpus // where a WARC record comes from (nil for other inputs)

	record *pendingRecord // a JSONL record to decode (see Decode)
}

// Inputs describe where a batch's inputs come from. Every argument, list entry and JSONL
// record is one input; directories are walked recursively in lexical order.
type Inputs struct {
	Args      []string    // paths, directories, URLs, JSONL files, "-"
	List      string      // an input list file (one path or URL per line), "-" for Stdin
	ListShard shard.Shard // the part of List to read (the zero Shard: all of it)
	Stdin     io.Reader   // for "-"
	Include   []string    // globs on the base name of files found in directories (none: all)
	JSONL     source.JSONLOptions
	ForceJSON bool // treat every file argument as JSONL, whatever its name
	ForceWARC bool // treat every file argument and - as a web archive, whatever its name
	// StdinJSONL says standard input holds JSON Lines (the caller sniffed it: see
	// source.SniffJSONL); files are sniffed by the enumerator.
	StdinJSONL bool
	Skip       []string // paths a directory walk leaves out (the batch's own output)

	// DoneFile, when set, tells whether an earlier run finished a whole web archive,
	// which is then not read again (the corpus sink's parts).
	DoneFile func(name string) bool
	// For web archives read as streams (files, -, URLs).
	UserAgent string
	Timeout   time.Duration
}

// Each calls yield for every input, in order, streaming: it never holds more than one
// JSONL record. It stops when yield returns false or ctx is done. The error is for an
// input that cannot be enumerated at all (a missing list file, an unreadable directory).
func (in *Inputs) Each(ctx context.Context, yield func(*Task) bool) error {
	return (&enumerator{in: in, ctx: ctx, yield: yield}).run()
}

// Count returns the number of inputs, for progress, or false when it cannot be known
// without consuming standard input. It does not decode JSONL records.
func (in *Inputs) Count(ctx context.Context) (int, bool) {
	if in.List == "-" || ((in.ForceJSON || in.StdinJSONL) && slices.Contains(in.Args, "-")) {
		return 0, false
	}
	n := 0
	e := &enumerator{in: in, ctx: ctx, countOnly: true, yield: func(*Task) bool { n++; return true }}
	err := e.run()
	return n, err == nil && ctx.Err() == nil && !e.uncountable
}

// run enumerates the arguments, then the input list.
func (e *enumerator) run() error {
	for _, arg := range e.in.Args {
		if err := e.arg(arg); err != nil || e.stopped {
			return err
		}
	}
	if e.in.List == "" {
		return nil
	}
	r, closeList, err := e.in.open(e.in.List)
	if err != nil {
		return fmt.Errorf("--input-list %s: %w", e.in.List, err)
	}
	defer closeList()
	var argErr error
	k := 0
	err = source.ScanList(r, func(_ int, name string) bool {
		if e.in.ListShard.Takes(k) {
			argErr = e.arg(name)
		}
		k++
		return argErr == nil && !e.stopped
	})
	if err = errors.Join(err, argErr); err != nil {
		return fmt.Errorf("--input-list %s: %w", e.in.List, err)
	}
	return nil
}

type enumerator struct {
	in      *Inputs
	ctx     context.Context
	yield   func(*Task) bool
	stopped bool

	countOnly   bool // only the number of tasks matters: JSONL records are not decoded
	uncountable bool // an input (a web archive) cannot be counted without reading it all

	notDocuments int // WARC records that stand for no document (request, metadata…)
}

func (e *enumerator) emit(t *Task) {
	if e.stopped {
		return
	}
	if e.ctx.Err() != nil || !e.yield(t) {
		e.stopped = true
	}
}

// argKind is one kind of batch input: how to recognise it, and how to enumerate its
// tasks. A new input kind (WARC next) is one entry in argKinds and its method.
type argKind struct {
	name   string
	corpus bool // one argument of this kind is a batch by itself (a directory, a JSONL file)
	inDirs bool // also recognised among the files of a directory
	match  func(in *Inputs, name string, info fs.FileInfo) bool
	each   func(e *enumerator, name string) error
}

// argKinds are the kinds of input, tried in order; the first that matches takes it. info
// is nil when the name is not a file that can be stat'ed. (A function, as the kinds'
// methods refer back to it.)
func argKinds() []argKind {
	return []argKind{
		{name: "stdin", match: func(in *Inputs, name string, _ fs.FileInfo) bool {
			return name == "-" && !in.ForceJSON && !in.ForceWARC && !in.StdinJSONL
		},
			each: (*enumerator).single},
		{name: "warc-url", corpus: true,
			match: func(_ *Inputs, name string, _ fs.FileInfo) bool { return source.IsURL(name) && IsWARCName(name) },
			each:  (*enumerator).warcFile},
		{name: "url", match: func(_ *Inputs, name string, _ fs.FileInfo) bool {
			return source.IsURL(name) || strings.Contains(name, "://")
		},
			each: (*enumerator).single},
		{name: "directory", corpus: true, match: func(_ *Inputs, _ string, info fs.FileInfo) bool { return info != nil && info.IsDir() },
			each: (*enumerator).dir},
		{name: "warc", corpus: true, inDirs: true,
			match: func(in *Inputs, name string, info fs.FileInfo) bool {
				return in.ForceWARC || IsWARCName(name) ||
					(!in.ForceJSON && !source.IsJSONL(name) && info != nil && info.Mode().IsRegular() && sniffWARC(name))
			},
			each: (*enumerator).warcFile},
		{name: "jsonl", corpus: true, inDirs: true,
			match: func(in *Inputs, name string, info fs.FileInfo) bool {
				return name == "-" || in.ForceJSON || source.IsJSONL(name) ||
					(!in.ForceWARC && info != nil && info.Mode().IsRegular() && sniffJSONL(name))
			},
			each: (*enumerator).jsonl},
		{name: "file", inDirs: true, match: func(*Inputs, string, fs.FileInfo) bool { return true }, each: (*enumerator).single},
	}
}

// ext is the extension of name, in lower case, under a .gz.
func ext(name string) string { return path.Ext(strings.TrimSuffix(strings.ToLower(name), ".gz")) }

// pageName reports whether name's extension says it is one page or text, whose content
// is not sniffed for a kind of corpus (JSONL, WARC).
func pageName(name string) bool {
	switch ext(name) {
	case ".html", ".htm", ".xhtml", ".txt", ".text", ".md", ".xml":
		return true
	}
	return false
}

// sniffJSONL reports whether the file name, whose name says nothing of its content (no
// page or text extension), holds JSON Lines (gzip-compressed or not).
func sniffJSONL(name string) bool {
	if pageName(name) {
		return false
	}
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	_, ok := source.SniffJSONLStream(f)
	return ok
}

// kindOf returns the kind of the argument name.
func (in *Inputs) kindOf(name string, inDir bool) argKind {
	var info fs.FileInfo
	if name != "-" && !strings.Contains(name, "://") {
		info, _ = os.Stat(name)
	}
	kinds := argKinds()
	for _, k := range kinds {
		if (!inDir || k.inDirs) && k.match(in, name, info) {
			return k
		}
	}
	return kinds[len(kinds)-1]
}

// IsCorpus reports whether the argument name is a batch by itself: a directory, or a file
// whose kind holds many documents (JSONL by its name or its content, a web archive).
// forceJSONL is --jsonl.
func IsCorpus(name string, forceJSONL bool) bool {
	return (&Inputs{ForceJSON: forceJSONL}).kindOf(name, false).corpus
}

// arg enumerates one argument or list entry. A missing file becomes a failed task (so the
// batch reports it in order) rather than an error.
func (e *enumerator) arg(name string) error {
	return e.in.kindOf(name, false).each(e, name)
}

// single emits the task of one document: a file, a URL or standard input.
func (e *enumerator) single(name string) error {
	switch {
	case name == "-":
		e.emit(&Task{Name: "-", Rel: "stdin"})
	case source.IsURL(name) || strings.Contains(name, "://"):
		e.emit(&Task{Name: name, Rel: URLName(name)})
	default:
		e.emit(&Task{Name: name, Rel: filepath.ToSlash(name)})
	}
	return nil
}

func (e *enumerator) dir(root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		switch {
		case e.stopped:
			return filepath.SkipAll
		case err != nil: // an unreadable directory: a failed input, and the walk goes on
			e.emit(&Task{Name: p, Rel: filepath.ToSlash(p), Err: fsutil.PathErr(err)})
			if d != nil && d.IsDir() && p != root {
				return filepath.SkipDir
			}
			return nil
		}
		hidden := p != root && strings.HasPrefix(d.Name(), ".")
		switch {
		case e.skipped(p):
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		case d.IsDir() && hidden:
			return filepath.SkipDir
		case d.IsDir() || hidden || !d.Type().IsRegular() || !e.included(d.Name()):
			return nil
		}
		return e.in.kindOf(p, true).each(e, p)
	})
}

// skipped reports whether p is one of Inputs.Skip (the batch's own output).
func (e *enumerator) skipped(p string) bool {
	if len(e.in.Skip) == 0 {
		return false
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return false
	}
	for _, s := range e.in.Skip {
		if sa, err := filepath.Abs(s); err == nil && sa == abs {
			return true
		}
	}
	return false
}

func (e *enumerator) included(base string) bool {
	if len(e.in.Include) == 0 {
		return true
	}
	for _, g := range e.in.Include {
		if ok, _ := path.Match(g, base); ok {
			return true
		}
	}
	return false
}

// jsonl emits one task per record of a JSONL file (gzip-compressed or not).
func (e *enumerator) jsonl(name string) error {
	r, closeFile, err := e.in.open(name)
	if err != nil {
		e.emit(&Task{Name: name, Rel: filepath.ToSlash(name), Err: err})
		return nil
	}
	defer closeFile()
	if e.countOnly {
		return countLines(r, func() { e.emit(&Task{}) })
	}
	stem := strings.TrimSuffix(filepath.ToSlash(name), path.Ext(name))
	if strings.HasSuffix(strings.ToLower(name), ".gz") {
		stem = strings.TrimSuffix(stem, path.Ext(stem))
	}
	err = source.ScanJSONL(r, e.in.JSONL.MaxBytes, func(n int, line []byte, err error) bool {
		e.emit(&Task{Name: name + ":" + strconv.Itoa(n), Err: err,
			record: &pendingRecord{line: n, raw: line, stem: stem, opts: &e.in.JSONL}})
		return !e.stopped
	})
	if err != nil {
		e.emit(&Task{Name: name, Rel: stem + "/read-error", Err: err})
	}
	return nil
}

// pendingRecord is a JSONL line not decoded yet: decoding waits for a worker.
type pendingRecord struct {
	line int
	raw  []byte
	stem string
	opts *source.JSONLOptions
}

// Decode decodes the task's JSONL record, if it has one not yet decoded, filling in ID,
// URL, Rel, Kind, Data or Err.
func (t *Task) Decode() {
	p := t.record
	if p == nil {
		return
	}
	t.record = nil
	line := strconv.Itoa(p.line)
	t.Rel = p.stem + "/line-" + line
	if p.raw == nil {
		return // over the size cap: Err is set
	}
	rec := source.ParseRecord(p.line, p.raw, *p.opts)
	if rec.ID != "" {
		t.Rel += "-" + strings.NewReplacer("/", "_", "\\", "_").Replace(rec.ID) // the line number keeps it unique
	}
	t.ID, t.URL, t.Data, t.Err = rec.ID, rec.URL, rec.Data, rec.Err
	switch rec.Field {
	case "html":
		t.Kind = decode.HTML
	case "text":
		t.Kind = decode.Text
	}
}

// open opens a file or "-" (Stdin), expanding gzip.
func (in *Inputs) open(name string) (io.Reader, func(), error) {
	var r io.Reader = in.Stdin
	closeFn := func() {}
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, nil, fsutil.PathErr(err)
		}
		r, closeFn = f, func() { f.Close() }
	} else if r == nil {
		return nil, nil, errors.New("no standard input")
	}
	out, _, err := fsutil.Gunzip(r)
	if err != nil {
		closeFn()
		return nil, nil, fmt.Errorf("gzip: %w", err)
	}
	return out, closeFn, nil
}

// countLines calls found for each non-blank line of r, without keeping lines.
func countLines(r io.Reader, found func()) error {
	br := bufio.NewReaderSize(r, 64<<10)
	blank := true
	for {
		chunk, err := br.ReadSlice('\n')
		for _, c := range chunk {
			switch c {
			case '\n':
				if !blank {
					found()
				}
				blank = true
			case ' ', '\t', '\r':
			default:
				blank = false
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			if !blank {
				found()
			}
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}
