package rules_test

import (
	"fmt"
	"strings"

	"github.com/cleanhq/clean/rules"
	"golang.org/x/net/html"
)

// A rule built in Go is checked and compiled by Add, and then matches like one read from
// a rule file; Add refuses what a file would refuse.
func ExampleSet_Add() {
	set := &rules.Set{}
	err := set.Add(rules.Rule{ID: "member-appeal", Kind: rules.CutTail, Regex: `Like this story\? .*`})
	fmt.Println(err)
	doc, _ := html.Parse(strings.NewReader(`<p>The council met on Monday.</p><p>Like this story? Become a member.</p><p>12 Harbour Street</p>`))
	for _, r := range set.Apply(doc, "") {
		fmt.Println(r)
	}
	fmt.Println(set.Add(rules.Rule{ID: "member-appeal", Kind: rules.Drop, Pattern: "x"}))
	// Output:
	// <nil>
	// removed [member-appeal] "Like this story? Become a member."
	// removed [member-appeal] "12 Harbour Street"
	// go: rule "member-appeal": duplicate id (already defined at go; disable it first to replace it)
}
