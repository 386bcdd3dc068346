// Package shard splits a manifest of inputs between the machines of a cluster: shard I of
// N takes the manifest's entries I, I+N, I+2N… (0-based, blank lines and # comments not
// counted), so that the shards together are the whole manifest, each entry once, whatever
// N. The shard comes from --shard I/N, else from the index that a Slurm job array or a
// Kubernetes Indexed Job sets in the environment.
package shard

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Shard is one part of N.
type Shard struct {
	Index, Count int
}

// All is the whole manifest: one shard of one.
var All = Shard{0, 1}

// Parse reads "I/N" (0 ≤ I < N).
func Parse(s string) (Shard, error) {
	i, n, ok := strings.Cut(strings.TrimSpace(s), "/")
	if !ok {
		return Shard{}, fmt.Errorf("shard %q: want I/N, such as 0/8", s)
	}
	return check(i, n, "shard "+strconv.Quote(s))
}

func check(index, count, what string) (Shard, error) {
	i, err1 := strconv.Atoi(strings.TrimSpace(index))
	n, err2 := strconv.Atoi(strings.TrimSpace(count))
	switch {
	case err1 != nil || err2 != nil:
		return Shard{}, fmt.Errorf("%s: index and count must be whole numbers", what)
	case n < 1:
		return Shard{}, fmt.Errorf("%s: count must be at least 1", what)
	case i < 0 || i >= n:
		return Shard{}, fmt.Errorf("%s: index must be from 0 to %d", what, n-1)
	}
	return Shard{Index: i, Count: n}, nil
}

// FromEnv returns the shard that the cluster's environment gives, and whether it gives
// one: a Slurm job array (SLURM_ARRAY_TASK_ID, less SLURM_ARRAY_TASK_MIN when set, of
// SLURM_ARRAY_TASK_COUNT), or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX, of count,
// which Kubernetes does not put in the environment: pass it, e.g. from --shard-count).
func FromEnv(getenv func(string) string, count int) (Shard, bool, error) {
	if id := getenv("SLURM_ARRAY_TASK_ID"); id != "" {
		n := getenv("SLURM_ARRAY_TASK_COUNT")
		if count > 0 {
			n = strconv.Itoa(count)
		}
		if n == "" {
			return Shard{}, true, errors.New("SLURM_ARRAY_TASK_ID is set but not SLURM_ARRAY_TASK_COUNT (give --shard-count)")
		}
		if lo := getenv("SLURM_ARRAY_TASK_MIN"); lo != "" {
			a, err1 := strconv.Atoi(id)
			b, err2 := strconv.Atoi(lo)
			if err1 == nil && err2 == nil {
				id = strconv.Itoa(a - b)
			}
		}
		s, err := check(id, n, "Slurm array task")
		return s, true, err
	}
	if id := getenv("JOB_COMPLETION_INDEX"); id != "" {
		if count < 1 {
			return Shard{}, true, errors.New("JOB_COMPLETION_INDEX is set: give the number of completions with --shard-count")
		}
		s, err := check(id, strconv.Itoa(count), "Kubernetes completion index")
		return s, true, err
	}
	return Shard{}, false, nil
}

// Takes reports whether the manifest entry number k (0-based) belongs to the shard. The
// zero Shard takes everything.
func (s Shard) Takes(k int) bool { return s.Count <= 1 || k%s.Count == s.Index }

// String is "I/N".
func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.Index, s.Count) }

// Name is the shard's part of output file names: "shard-00003-of-00010".
func (s Shard) Name() string { return fmt.Sprintf("shard-%05d-of-%05d", s.Index, s.Count) }
