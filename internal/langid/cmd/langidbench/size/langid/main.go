// Command langid prints the language of its arguments by package langid.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/cleanhq/clean/internal/langid"
)

func main() {
	l, _ := langid.Detect(strings.Join(os.Args[1:], " "))
	fmt.Println(l)
}
