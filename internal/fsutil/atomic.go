package fsutil

import (
	"os"
	"path/filepath"
)

// WriteFileAtomic writes data to name through a temporary file in the same directory and a
// rename, so that name holds either its old content or all of data, never a part. Nothing
// is left behind on failure. The file gets mode 0644. Errors do not name the temporary
// file (nor name: the caller does).
func WriteFileAtomic(name string, data []byte) (err error) {
	return PathErr(writeFileAtomic(name, data))
}

func writeFileAtomic(name string, data []byte) (err error) {
	dir := filepath.Dir(name)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
