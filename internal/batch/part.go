package batch

import (
	"bufio"
	"compress/gzip"
	"errors"
	"os"
	"path"
	"path/filepath"

	"github.com/cleanhq/clean/internal/source"
)

// PartName is the file, relative to an output directory, that holds the corpus records
// of the web archive file (a path or URL): its name made safe, plus ".jsonl.gz". It
// depends on the archive's name only, so that every shard and a single machine name a
// part the same way.
func PartName(file string) string {
	rel := file
	if source.IsURL(file) || file == "-" {
		rel = URLName(file)
		if file == "-" {
			rel = "stdin"
		}
	}
	return SafeRel(filepath.ToSlash(rel)) + ".jsonl.gz"
}

// part is a web archive's records being written: gzip-compressed JSON Lines in a
// temporary file, renamed to PartName when the archive is done. The output is
// deterministic: the same records give the same bytes (no time or name in the gzip
// header).
type part struct {
	file, name, tmp string
	f               *os.File
	buf             *bufio.Writer
	zw              *gzip.Writer
}

func openPart(root *os.Root, file string) (*part, error) {
	name := PartName(file)
	dir, base := path.Split(name)
	if dir != "" {
		if err := root.MkdirAll(filepath.FromSlash(dir), 0o755); err != nil {
			return nil, err
		}
	}
	tmp := dir + "." + base + ".tmp"
	f, err := root.OpenFile(filepath.FromSlash(tmp), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, err
	}
	buf := bufio.NewWriterSize(f, 256<<10)
	return &part{file: file, name: name, tmp: tmp, f: f, buf: buf, zw: gzip.NewWriter(buf)}, nil
}

func (p *part) write(rec []byte) error {
	_, err := p.zw.Write(rec)
	return err
}

// finish completes the part: flushed, synced, renamed to its name.
func (p *part) finish(root *os.Root) error {
	err := errors.Join(p.zw.Close(), p.buf.Flush())
	if err == nil {
		err = p.f.Sync()
	}
	err = errors.Join(err, p.f.Close())
	if err != nil {
		root.Remove(filepath.FromSlash(p.tmp))
		return err
	}
	return root.Rename(filepath.FromSlash(p.tmp), filepath.FromSlash(p.name))
}

// abort removes an unfinished part.
func (p *part) abort(root *os.Root) error {
	p.f.Close()
	return root.Remove(filepath.FromSlash(p.tmp))
}
