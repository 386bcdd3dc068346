// Command base is the program the others of size/ are compared with: it
// reads its arguments and prints a string, as they do, without detecting.
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() { fmt.Println(strings.ToLower(strings.Join(os.Args[1:], " "))) }
