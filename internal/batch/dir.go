package batch

import (
	"errors"
	"os"
	"path"
	"path/filepath"
)

// Dir is an output directory: one file per input. Every file operation goes through an
// os.Root, so no name (nor a symbolic link planted inside) can reach outside it.
type Dir struct {
	root *os.Root
	ext  string
}

// OpenDir creates (if need be) and opens the output directory; files get extension ext.
func OpenDir(name, ext string) (*Dir, error) {
	if err := os.MkdirAll(name, 0o755); err != nil {
		return nil, pathErr(err)
	}
	root, err := os.OpenRoot(name)
	if err != nil {
		return nil, pathErr(err)
	}
	return &Dir{root: root, ext: ext}, nil
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
// killed run is overwritten and renamed by the rerun that redoes its input.
func (d *Dir) Write(rel string, data []byte) (err error) {
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

// Close closes the directory.
func (d *Dir) Close() error { return errors.Join(d.root.Close()) }
