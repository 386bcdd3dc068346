package rules

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"sync"

	"github.com/cleanhq/clean/internal/fsutil"
)

//go:embed builtin.yaml
var builtinYAML []byte

// BuiltinFile is the name under which the embedded rules report their origin.
const BuiltinFile = "builtin.yaml"

// MaxFileSize bounds a rule file, in bytes.
const MaxFileSize = 4 << 20

// Set is an ordered collection of compiled rules. The zero Set has no rules.
type Set struct {
	Rules []*Rule

	disabled []string // ids removed by disable: lists, which later files may name again
}

// FileError is a problem in a rule file, located by file, line and rule id.
type FileError struct {
	File   string
	Line   int
	RuleID string
	Err    error
}

func (e *FileError) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	if e.RuleID != "" {
		return fmt.Sprintf("%s: rule %q: %v", loc, e.RuleID, e.Err)
	}
	return fmt.Sprintf("%s: %v", loc, e.Err)
}

func (e *FileError) Unwrap() error { return e.Err }

// builtin is the compiled built-in rule set, parsed once. Rules are never modified after
// compiling, so sets may share them.
var builtin = sync.OnceValue(func() []*Rule {
	s := &Set{}
	if err := s.AddYAML(BuiltinFile, builtinYAML); err != nil {
		panic("builtin rules are broken: " + err.Error()) // caught by the package tests
	}
	return s.Rules
})

// Builtin returns a new set holding the built-in rules.
func Builtin() *Set {
	return &Set{Rules: append([]*Rule(nil), builtin()...)}
}

// AddFile reads a rule file and adds its rules to s.
func (s *Set) AddFile(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return &FileError{File: name, Err: fsutil.PathErr(err)}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return &FileError{File: name, Err: fsutil.PathErr(err)}
	}
	if len(data) > MaxFileSize {
		return &FileError{File: name, Err: fmt.Errorf("larger than %d bytes", MaxFileSize)}
	}
	return s.AddYAML(name, data)
}

// AddYAML parses rule-file data (name is used in errors) and adds its rules to s. Its
// disable list first removes earlier rules by id. Nothing changes when the file has an
// error.
func (s *Set) AddYAML(name string, data []byte) error {
	f, err := parseFile(name, data)
	if err != nil {
		return err
	}
	next := &Set{Rules: append([]*Rule(nil), s.Rules...), disabled: append([]string(nil), s.disabled...)}
	for _, d := range f.disable {
		if next.remove(d.id) {
			next.disabled = append(next.disabled, d.id)
		} else if !slices.Contains(next.disabled, d.id) {
			return &FileError{File: name, Line: d.line, RuleID: d.id, Err: errors.New("disable: no rule has this id")}
		}
	}
	for _, r := range f.rules {
		if old := next.byID(r.ID); old != nil {
			return duplicateID(r, old)
		}
		next.Rules = append(next.Rules, r)
	}
	*s = *next
	return nil
}

// Add compiles a rule built in Go and adds it to s, exactly as if it had been read from
// a rule file: the same checks (id, kind, pattern or selector, sites), the same matching,
// and the same refusal of an id already in s. r is copied; File defaults to "go" for
// messages and listings. Nothing changes when it returns an error, a *FileError.
func (s *Set) Add(r Rule) error {
	if r.File == "" {
		r.File = "go"
	}
	r.re, r.pre, r.sel = nil, prefilter{}, nil
	if err := r.compile(); err != nil {
		return &FileError{File: r.File, Line: r.Line, RuleID: r.ID, Err: err}
	}
	if old := s.byID(r.ID); old != nil {
		return duplicateID(&r, old)
	}
	s.Rules = append(s.Rules, &r)
	return nil
}

// duplicateID is the error for a rule whose id an earlier rule has.
func duplicateID(r, old *Rule) error {
	return &FileError{File: r.File, Line: r.Line, RuleID: r.ID,
		Err: fmt.Errorf("duplicate id (already defined at %s; disable it first to replace it)", old.Origin())}
}

// yamlLine finds the line number in the messages of the YAML library.
var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// yamlError turns an error of the YAML library into a FileError with a line.
func yamlError(name string, err error) error {
	msg := err.Error()
	var te interface{ Unwrap() []error }
	if errors.As(err, &te) && len(te.Unwrap()) > 0 {
		msg = te.Unwrap()[0].Error()
	}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &FileError{File: name, Line: line, Err: fmt.Errorf("YAML syntax: %s", m[2])}
	}
	return &FileError{File: name, Err: fmt.Errorf("YAML syntax: %s", msg)}
}

func (s *Set) byID(id string) *Rule {
	for _, r := range s.Rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

func (s *Set) remove(id string) bool {
	for i, r := range s.Rules {
		if r.ID == id {
			s.Rules = append(s.Rules[:i:i], s.Rules[i+1:]...)
			return true
		}
	}
	return false
}

// ForHost returns the rules of s that apply to pages on host, grouped by kind.
func (s *Set) ForHost(host string) map[Kind][]*Rule {
	out := map[Kind][]*Rule{}
	for i, rs := range s.forHost(host) {
		if len(rs) > 0 {
			out[kinds[i]] = rs
		}
	}
	return out
}

// byKind holds rules grouped by kind, in the order of kinds.
type byKind [len(kinds)][]*Rule

// of returns the rules of kind k.
func (b *byKind) of(k Kind) []*Rule {
	for i, kind := range kinds {
		if kind == k {
			return b[i]
		}
	}
	return nil
}

// forHost is ForHost in one allocation: the lists share one array, in the set's order.
func (s *Set) forHost(host string) byKind {
	var out byKind
	if s == nil {
		return out
	}
	all := make([]*Rule, 0, len(s.Rules))
	for k, kind := range kinds {
		start := len(all)
		for _, r := range s.Rules {
			if r.Kind == kind && r.AppliesTo(host) {
				all = append(all, r)
			}
		}
		out[k] = all[start:len(all):len(all)]
	}
	return out
}

// Sorted returns the rules ordered by id, for listings.
func (s *Set) Sorted() []*Rule {
	out := append([]*Rule(nil), s.Rules...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
