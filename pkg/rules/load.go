package rules

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"sync"

	"go.yaml.in/yaml/v3"
)

//go:embed builtin.yaml
var builtinYAML []byte

// BuiltinFile is the name under which the embedded rules report their origin.
const BuiltinFile = "builtin.yaml"

// Set is an ordered collection of compiled rules. The zero Set has no rules.
type Set struct {
	Rules []*Rule
}

// file is the YAML form of a rule file.
type file struct {
	Disable []string    `yaml:"disable"`
	Rules   []yaml.Node `yaml:"rules"`
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
	data, err := os.ReadFile(name)
	if err != nil {
		return &FileError{File: name, Err: errors.Unwrap(err)}
	}
	return s.AddYAML(name, data)
}

// AddYAML parses rule-file data (name is used in errors) and adds its rules to s. Its
// disable list removes earlier rules by id. Nothing is added when the file has an error.
func (s *Set) AddYAML(name string, data []byte) error {
	var f file
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && err != io.EOF {
		return &FileError{File: name, Err: err}
	}
	parsed, err := parseRules(name, f.Rules)
	if err != nil {
		return err
	}
	next := &Set{Rules: append([]*Rule(nil), s.Rules...)}
	for _, id := range f.Disable {
		if !next.remove(id) {
			return &FileError{File: name, RuleID: id, Err: errors.New("disable names no known rule")}
		}
	}
	for _, r := range parsed {
		if next.byID(r.ID) != nil {
			return &FileError{File: name, Line: r.Line, RuleID: r.ID, Err: fmt.Errorf("duplicate id (already defined at %s)", next.byID(r.ID).Origin())}
		}
		next.Rules = append(next.Rules, r)
	}
	s.Rules = next.Rules
	return nil
}

func parseRules(name string, nodes []yaml.Node) ([]*Rule, error) {
	var out []*Rule
	seen := map[string]int{}
	for i := range nodes {
		node := &nodes[i]
		r := &Rule{}
		if err := node.Decode(r); err != nil {
			return nil, &FileError{File: name, Line: node.Line, Err: err}
		}
		r.File, r.Line = name, node.Line
		if err := r.compile(); err != nil {
			return nil, &FileError{File: name, Line: node.Line, RuleID: r.ID, Err: err}
		}
		if line, dup := seen[r.ID]; dup {
			return nil, &FileError{File: name, Line: node.Line, RuleID: r.ID, Err: fmt.Errorf("duplicate id (already defined at line %d)", line)}
		}
		seen[r.ID] = node.Line
		out = append(out, r)
	}
	return out, nil
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
	if s == nil {
		return out
	}
	for _, r := range s.Rules {
		if r.AppliesTo(host) {
			out[r.Kind] = append(out[r.Kind], r)
		}
	}
	return out
}

// Sorted returns the rules ordered by id, for listings.
func (s *Set) Sorted() []*Rule {
	out := append([]*Rule(nil), s.Rules...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
