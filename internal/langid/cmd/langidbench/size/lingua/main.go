// Command lingua prints the language of its arguments by lingua-go, with the
// smallest configuration: two languages, low accuracy mode. (Its models are
// embedded whole whatever the configuration.)
package main

import (
	"fmt"
	"os"
	"strings"

	lingua "github.com/pemistahl/lingua-go"
)

func main() {
	d := lingua.NewLanguageDetectorBuilder().FromLanguages(lingua.English, lingua.German).WithLowAccuracyMode().Build()
	l, _ := d.DetectLanguageOf(strings.Join(os.Args[1:], " "))
	fmt.Println(l.IsoCode639_1())
}
