package shard

import "testing"

func TestParse(t *testing.T) {
	for in, want := range map[string]Shard{"0/1": {0, 1}, "3/8": {3, 8}, " 7 / 8 ": {7, 8}} {
		if got, err := Parse(in); err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "3", "8/8", "-1/4", "1/0", "a/b", "1/2/3"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
}

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestFromEnv(t *testing.T) {
	cases := []struct {
		env   map[string]string
		count int
		want  Shard
		found bool
		err   bool
	}{
		{map[string]string{}, 0, Shard{}, false, false},
		{map[string]string{"SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "4"}, 0, Shard{2, 4}, true, false},
		{map[string]string{"SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "8"}, 0, Shard{4, 8}, true, false},
		{map[string]string{"SLURM_ARRAY_TASK_ID": "2"}, 0, Shard{}, true, true},
		{map[string]string{"SLURM_ARRAY_TASK_ID": "9", "SLURM_ARRAY_TASK_COUNT": "4"}, 0, Shard{}, true, true},
		{map[string]string{"JOB_COMPLETION_INDEX": "1"}, 3, Shard{1, 3}, true, false},
		{map[string]string{"JOB_COMPLETION_INDEX": "1"}, 0, Shard{}, true, true},
		{map[string]string{"JOB_COMPLETION_INDEX": "3"}, 3, Shard{}, true, true},
	}
	for i, c := range cases {
		got, found, err := FromEnv(env(c.env), c.count)
		if found != c.found || (err != nil) != c.err || (err == nil && got != c.want) {
			t.Errorf("case %d: %v, %v, %v", i, got, found, err)
		}
	}
}

// The shards of any N together take every entry exactly once.
func TestShardsPartition(t *testing.T) {
	for n := 1; n <= 7; n++ {
		for k := 0; k < 50; k++ {
			takers := 0
			for i := 0; i < n; i++ {
				if (Shard{i, n}).Takes(k) {
					takers++
				}
			}
			if takers != 1 {
				t.Fatalf("N=%d: entry %d taken by %d shards", n, k, takers)
			}
		}
	}
	if (Shard{3, 10}).Name() != "shard-00003-of-00010" {
		t.Error((Shard{3, 10}).Name())
	}
}
