package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The cluster recipes in docs/ are run here as the cluster would run them: their clean
// command lines, with the environment a Slurm job array and a Kubernetes Indexed Job set,
// one shard after the other. Together the shards must write what a single run writes.

// recipeManifest writes a manifest of small real archives and returns its path.
func recipeManifest(t *testing.T, dir string) string {
	t.Helper()
	var paths []string
	for _, name := range []string{"whirlwind.warc.gz", "warcfile.warc.gz", "example-iana.org-chunked.warc",
		"transfer_compression_brotli.warc.gz", "clipped.warc.gz"} {
		p, err := filepath.Abs(filepath.Join("../../testdata/warc", name))
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	m := filepath.Join(dir, "warc.paths")
	if err := os.WriteFile(m, []byte(strings.Join(paths, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return m
}

// parts returns the corpus parts under dir, by relative name.
func parts(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".jsonl.gz") {
			rel, _ := filepath.Rel(dir, p)
			out[rel], _ = os.ReadFile(p)
		}
		return nil
	})
	return out
}

func sameParts(t *testing.T, got, want map[string][]byte) {
	t.Helper()
	if len(want) == 0 || len(got) != len(want) {
		t.Fatalf("%d parts, want %d", len(got), len(want))
	}
	for name, w := range want {
		if !bytes.Equal(got[name], w) {
			t.Errorf("part %s differs from the single run's", name)
		}
	}
}

// expand substitutes $VAR, ${VAR} and ${VAR:-default} from vars, and splits on spaces
// outside double quotes: enough for the recipe's one command line.
func expand(line string, vars map[string]string) []string {
	re := regexp.MustCompile(`\$\{(\w+)(:-([^}]*))?\}|\$(\w+)`)
	line = re.ReplaceAllStringFunc(line, func(m string) string {
		sm := re.FindStringSubmatch(m)
		name, def := sm[1]+sm[4], sm[3]
		if v, ok := vars[name]; ok {
			return v
		}
		return def
	})
	var args []string
	var cur strings.Builder
	quoted := false
	for _, r := range line + " " {
		switch {
		case r == '"':
			quoted = !quoted
		case r == ' ' && !quoted:
			if cur.Len() > 0 {
				args = append(args, cur.String())
				cur.Reset()
			}
		default:
			cur.WriteRune(r)
		}
	}
	return args
}

func runShard(t *testing.T, args []string) {
	t.Helper()
	_, stderr, code := runCLI(t, args...)
	if code != 0 && code != exitPartial {
		t.Fatalf("clean %v: exit %d: %s", args, code, stderr)
	}
}

func TestSlurmRecipe(t *testing.T) {
	script, err := os.ReadFile("../../docs/slurm/clean-array.sbatch")
	if err != nil {
		t.Fatal(err)
	}
	var line string
	for _, l := range strings.Split(string(script), "\n") {
		if strings.HasPrefix(l, "clean ") {
			line = l
		}
	}
	if line == "" {
		t.Fatal("no clean command line in the recipe")
	}
	dir := t.TempDir()
	vars := map[string]string{"MANIFEST": recipeManifest(t, dir), "OUT": filepath.Join(dir, "out"), "SLURM_CPUS_PER_TASK": "2"}
	args := expand(line, vars)[1:]
	const tasks = 3
	for id := 0; id < tasks; id++ { // sbatch --array=0-2
		t.Setenv("SLURM_ARRAY_TASK_ID", strconv.Itoa(id))
		t.Setenv("SLURM_ARRAY_TASK_COUNT", strconv.Itoa(tasks))
		runShard(t, args)
		if _, err := os.Stat(filepath.Join(vars["OUT"], "_SUCCESS.shard-0000"+strconv.Itoa(id)+"-of-00003")); err != nil {
			t.Error(err)
		}
	}
	t.Setenv("SLURM_ARRAY_TASK_ID", "")
	t.Setenv("SLURM_ARRAY_TASK_COUNT", "")
	vars["OUT"] = filepath.Join(dir, "single")
	runShard(t, expand(line, vars)[1:])
	sameParts(t, parts(t, filepath.Join(dir, "out")), parts(t, vars["OUT"]))
}

func TestKubernetesRecipe(t *testing.T) {
	data, err := os.ReadFile("../../docs/kubernetes/clean-job.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var job struct {
		Spec struct {
			Completions int `yaml:"completions"`
			Template    struct {
				Spec struct {
					Containers []struct {
						Command []string `yaml:"command"`
						Args    []string `yaml:"args"`
					} `yaml:"containers"`
				} `yaml:"spec"`
			} `yaml:"template"`
		} `yaml:"spec"`
	}
	if err := yaml.Unmarshal(data, &job); err != nil {
		t.Fatal(err)
	}
	c := job.Spec.Template.Spec.Containers
	if len(c) != 1 || len(c[0].Command) != 1 || c[0].Command[0] != "clean" || job.Spec.Completions < 2 {
		t.Fatalf("unexpected job: %+v", job)
	}
	dir := t.TempDir()
	manifest := recipeManifest(t, dir)
	localize := func(out string) []string {
		var args []string
		for _, a := range c[0].Args {
			a = strings.Replace(a, "/manifest/warc.paths", manifest, 1)
			if a == "/out" {
				a = out
			}
			args = append(args, a)
		}
		return args
	}
	for i := 0; i < job.Spec.Completions; i++ {
		t.Setenv("JOB_COMPLETION_INDEX", strconv.Itoa(i))
		runShard(t, localize(filepath.Join(dir, "out")))
	}
	t.Setenv("JOB_COMPLETION_INDEX", "")
	var single []string
	for i, a := range localize(filepath.Join(dir, "single")) {
		if a == "--shard-count" || (i > 0 && c[0].Args[i-1] == "--shard-count") {
			continue
		}
		single = append(single, a)
	}
	runShard(t, single)
	sameParts(t, parts(t, filepath.Join(dir, "out")), parts(t, filepath.Join(dir, "single")))
	markers, _ := filepath.Glob(filepath.Join(dir, "out", "_SUCCESS.shard-*"))
	sort.Strings(markers)
	if len(markers) != job.Spec.Completions {
		t.Errorf("%d shard markers, want %d: %v", len(markers), job.Spec.Completions, markers)
	}
}
