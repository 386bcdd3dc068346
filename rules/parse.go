package rules

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"
)

// parsedFile is the content of one rule file.
type parsedFile struct {
	disable []idRef
	rules   []*Rule
}

// idRef is a rule id named in a disable: list, with its line.
type idRef struct {
	id   string
	line int
}

// parseFile reads rule-file data by walking the YAML node tree, so that every problem is
// reported with its line, and unknown fields, wrong types and aliases are refused.
func parseFile(name string, data []byte) (*parsedFile, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err == io.EOF {
		return &parsedFile{}, nil
	} else if err != nil {
		return nil, yamlError(name, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err != io.EOF {
		if err != nil {
			return nil, yamlError(name, err)
		}
		return nil, &FileError{File: name, Line: extra.Line, Err: errors.New("more than one YAML document (one file holds one rules: list)")}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if isNull(root) {
		return &parsedFile{}, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, &FileError{File: name, Line: root.Line, Err: errors.New("want a mapping with rules: and disable: fields")}
	}
	f := &parsedFile{}
	p := parser{file: name}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i], root.Content[i+1]
		switch key.Value {
		case "rules":
			f.rules = p.rules(val)
		case "disable":
			f.disable = p.disable(val)
		default:
			p.fail(key.Line, fmt.Errorf("unknown field %q (want rules or disable)", key.Value))
		}
		if p.err != nil {
			return nil, p.err
		}
	}
	return f, p.checkIDs(f.rules)
}

// parser walks the nodes of one file and keeps its first error.
type parser struct {
	file   string
	ruleID string // id of the rule being read, for errors
	err    error
}

func (p *parser) fail(line int, err error) {
	if p.err == nil {
		p.err = &FileError{File: p.file, Line: line, RuleID: p.ruleID, Err: err}
	}
}

func (p *parser) rules(n *yaml.Node) []*Rule {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.fail(n.Line, errors.New("rules: want a list of rules"))
		return nil
	}
	var out []*Rule
	for _, item := range n.Content {
		r := p.rule(item)
		if p.err != nil {
			return nil
		}
		out = append(out, r)
	}
	return out
}

func (p *parser) disable(n *yaml.Node) []idRef {
	var out []idRef
	for _, s := range p.strings(n, "disable") {
		out = append(out, idRef{id: s.Value, line: s.Line})
	}
	return out
}

// ruleFields are the fields a rule may have, for the unknown-field error.
const ruleFields = "id, description, kind, pattern, regex, selector, case_sensitive, sites, keep, drop"

// rule reads and compiles one rule.
func (p *parser) rule(n *yaml.Node) *Rule {
	if n.Kind != yaml.MappingNode {
		p.fail(n.Line, errors.New("a rule must be a mapping (id:, kind:, pattern: …)"))
		return nil
	}
	r := &Rule{File: p.file, Line: n.Line}
	p.ruleID = ""
	if id := field(n, "id"); id != nil && id.Kind == yaml.ScalarNode {
		p.ruleID = id.Value
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content) && p.err == nil; i += 2 {
		key := n.Content[i]
		if seen[key.Value] {
			p.fail(key.Line, fmt.Errorf("field %q given twice", key.Value))
		}
		seen[key.Value] = true
		p.ruleField(r, key, n.Content[i+1])
	}
	if p.err != nil {
		return nil
	}
	if err := r.compile(); err != nil {
		line := n.Line
		var fe *fieldError
		if errors.As(err, &fe) && field(n, fe.field) != nil {
			line = field(n, fe.field).Line
		}
		p.fail(line, err)
	}
	return r
}

func (p *parser) ruleField(r *Rule, key, val *yaml.Node) {
	text := map[string]*string{
		"id": &r.ID, "description": &r.Description, "pattern": &r.Pattern,
		"regex": &r.Regex, "selector": &r.Selector, "kind": (*string)(&r.Kind),
	}
	lists := map[string]*[]string{"sites": &r.Sites, "keep": &r.Keep, "drop": &r.DropExamples}
	switch {
	case text[key.Value] != nil:
		*text[key.Value] = p.scalar(val, key.Value)
	case lists[key.Value] != nil:
		for _, s := range p.strings(val, key.Value) {
			*lists[key.Value] = append(*lists[key.Value], s.Value)
			if key.Value == "keep" {
				r.keepLines = append(r.keepLines, s.Line)
			} else if key.Value == "drop" {
				r.dropLines = append(r.dropLines, s.Line)
			}
		}
	case key.Value == "case_sensitive":
		if err := val.Decode(&r.CaseSensitive); err != nil || val.Kind != yaml.ScalarNode {
			p.fail(val.Line, errors.New("case_sensitive: want true or false"))
		}
	default:
		p.fail(key.Line, fmt.Errorf("unknown field %q (want %s)", key.Value, ruleFields))
	}
}

// scalar returns the text of a scalar node ("" for null).
func (p *parser) scalar(n *yaml.Node, field string) string {
	if isNull(n) {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		p.fail(n.Line, fmt.Errorf("%s: want text, not a %s", field, nodeKind(n)))
		return ""
	}
	return n.Value
}

// strings returns the scalar items of a list node; a single scalar counts as a list of one.
func (p *parser) strings(n *yaml.Node, field string) []*yaml.Node {
	switch {
	case isNull(n):
		return nil
	case n.Kind == yaml.ScalarNode:
		return []*yaml.Node{n}
	case n.Kind != yaml.SequenceNode:
		p.fail(n.Line, fmt.Errorf("%s: want a list of text, not a %s", field, nodeKind(n)))
		return nil
	}
	for _, item := range n.Content {
		if item.Kind != yaml.ScalarNode || isNull(item) {
			p.fail(item.Line, fmt.Errorf("%s: every item must be text, not a %s", field, nodeKind(item)))
			return nil
		}
	}
	return n.Content
}

// checkIDs refuses two rules with one id in the same file.
func (p *parser) checkIDs(rules []*Rule) error {
	seen := map[string]int{}
	for _, r := range rules {
		if line, dup := seen[r.ID]; dup {
			return &FileError{File: p.file, Line: r.Line, RuleID: r.ID, Err: fmt.Errorf("duplicate id (already defined at line %d)", line)}
		}
		seen[r.ID] = r.Line
	}
	return nil
}

func field(n *yaml.Node, name string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == name {
			return n.Content[i+1]
		}
	}
	return nil
}

func isNull(n *yaml.Node) bool {
	return n == nil || n.Kind == 0 || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.AliasNode:
		return "YAML alias (aliases are not supported)"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "null"
		}
		return "scalar"
	}
	return strings.ToLower(fmt.Sprint(n.Kind))
}
