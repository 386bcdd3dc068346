package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestBatchFigures measures batch mode on the real binary, for the README and issue 6:
// documents per second with -j 1 and -j 2 (median of 3 alternating runs each), and the
// peak resident memory (VmHWM, Linux) of a 200- and a 20,000-document JSONL batch made by
// repeating the benchmark pages. It takes minutes and needs ~4 GB in $TMPDIR, so it only
// runs when CLEAN_BATCHBENCH=1 (scripts/batchbench.sh). CLEAN_BATCHBENCH_BIG sets the big
// size (default 20000; 0 measures speed only); corpora are kept in $TMPDIR/clean-batchbench
// for reruns.
func TestBatchFigures(t *testing.T) {
	if os.Getenv("CLEAN_BATCHBENCH") != "1" {
		t.Skip("set CLEAN_BATCHBENCH=1 (see scripts/batchbench.sh)")
	}
	big := 20000
	if v := os.Getenv("CLEAN_BATCHBENCH_BIG"); v != "" {
		big, _ = strconv.Atoi(v)
	}
	dir := filepath.Join(os.TempDir(), "clean-batchbench")
	os.MkdirAll(dir, 0o755)
	bin := buildClean(t, dir)
	pages := benchPages(t)
	t.Logf("%d benchmark pages, %d CPUs, %s", len(pages), runtime.NumCPU(), runtime.Version())

	speed := corpusFile(t, dir, pages, 5*len(pages))
	rate := map[int][]float64{}
	for range 3 {
		for _, j := range []int{1, 2} {
			r := runBatch(t, bin, dir, speed, j)
			rate[j] = append(rate[j], r.docsPerSec)
			t.Logf("  -j %d: %.1f docs/s, %.1f ms CPU per doc, %.2f cores busy", j, r.docsPerSec,
				float64(r.cpuPerDoc.Microseconds())/1000, r.cores)
		}
	}
	m1, m2 := median(rate[1]), median(rate[2])
	t.Logf("speed (%d docs, median of 3): -j 1 %.1f docs/s (runs %s); -j 2 %.1f docs/s (runs %s); ratio %.2f",
		5*len(pages), m1, rounded(rate[1]), m2, rounded(rate[2]), m2/m1)

	if big == 0 {
		return // CLEAN_BATCHBENCH_BIG=0: speed only
	}
	small := runBatch(t, bin, dir, corpusFile(t, dir, pages, 200), 2)
	large := runBatch(t, bin, dir, corpusFile(t, dir, pages, big), 2)
	t.Logf("memory (-j 2): 200 docs peak RSS %.2f MB; %d docs peak RSS %.2f MB; ratio %.2f",
		small.maxRSSMB, big, large.maxRSSMB, large.maxRSSMB/small.maxRSSMB)
	t.Logf("the %d-doc batch ran at %.1f docs/s", big, large.docsPerSec)
}

type batchRun struct {
	docsPerSec float64
	maxRSSMB   float64
	cpuPerDoc  time.Duration // user + system CPU time per document
	cores      float64       // CPU time over wall time: the cores the run kept busy
}

// runBatch runs clean -j J -o OUT.jsonl CORPUS afresh and measures it.
func runBatch(t *testing.T, bin, dir, corpus string, j int) batchRun {
	t.Helper()
	out := filepath.Join(dir, "out.jsonl")
	os.Remove(out)
	defer os.Remove(out)
	n := countLines(t, corpus)
	cmd := exec.Command(bin, "--no-user-rules", "-j", strconv.Itoa(j), "-o", out, corpus)
	cmd.Env = append(os.Environ(), "GOGC=") // the command's own GC setting
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	peak := watchPeakRSS(cmd.Process.Pid)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("%s: %v: %s", cmd, err, stderr.String())
	}
	elapsed := time.Since(start)
	peakKB := peak()
	if got := countLines(t, out); got != n {
		t.Fatalf("%d records for %d inputs", got, n)
	}
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return batchRun{docsPerSec: float64(n) / elapsed.Seconds(), maxRSSMB: float64(peakKB) / 1024,
		cpuPerDoc: cpu / time.Duration(n), cores: cpu.Seconds() / elapsed.Seconds()}
}

// watchPeakRSS polls the process's VmHWM (its resident-set high-water mark) until it
// exits; the returned function gives the last value read, in KiB. rusage's Maxrss is no
// use here: Go starts children with vfork semantics, and Linux carries the parent's
// (this test's) high-water mark over the exec into the child's Maxrss.
func watchPeakRSS(pid int) func() int64 {
	var last atomic.Int64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			if kb, ok := vmHWM(pid); ok {
				last.Store(kb)
			}
			select {
			case <-stop:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	return func() int64 {
		close(stop)
		<-done
		return last.Load()
	}
}

func vmHWM(pid int) (int64, bool) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb, err == nil
		}
	}
	return 0, false
}

func buildClean(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "clean")
	goTool, err := exec.LookPath("go") // go test puts its own GOROOT/bin first on PATH
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func benchPages(t *testing.T) [][]byte {
	t.Helper()
	files, _ := filepath.Glob("../../testdata/bench/scrapinghub/html/*.html.gz")
	if len(files) == 0 {
		t.Fatal("no benchmark pages in testdata/bench/scrapinghub/html")
	}
	var pages [][]byte
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		page, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, page)
	}
	return pages
}

// corpusFile writes (once) a JSONL file of n records cycling through the pages.
func corpusFile(t *testing.T, dir string, pages [][]byte, n int) string {
	t.Helper()
	path := filepath.Join(dir, fmt.Sprintf("corpus-%d.jsonl", n))
	if info, err := os.Stat(path); err == nil && info.Size() > 0 {
		return path
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	for i := range n {
		rec, _ := json.Marshal(map[string]any{"id": i, "html": string(pages[i%len(pages)])})
		w.Write(rec)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
	return path
}

func countLines(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	buf := make([]byte, 1<<20)
	for {
		k, err := f.Read(buf)
		n += strings.Count(string(buf[:k]), "\n")
		if err != nil {
			return n
		}
	}
}

func rounded(xs []float64) string {
	var parts []string
	for _, x := range xs {
		parts = append(parts, fmt.Sprintf("%.0f", x))
	}
	return strings.Join(parts, ", ")
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}
