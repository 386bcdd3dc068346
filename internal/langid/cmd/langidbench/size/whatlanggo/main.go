// Command whatlanggo prints the language of its arguments by whatlanggo.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/abadojack/whatlanggo"
)

func main() { fmt.Println(whatlanggo.Detect(strings.Join(os.Args[1:], " ")).Lang.Iso6391()) }
