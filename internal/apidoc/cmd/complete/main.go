// Command complete rewrites docs/swagger.json and docs/swagger.yaml, as swag
// just wrote them, with what swag cannot write (package apidoc). Run from
// the repository root, after swag: `go generate .` runs both.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"doingoai/internal/apidoc"
)

func main() {
	dir := "docs"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	in, err := os.ReadFile(filepath.Join(dir, "swagger.json"))
	if err == nil {
		var j, y []byte
		if j, y, err = apidoc.Files(in); err == nil {
			if err = os.WriteFile(filepath.Join(dir, "swagger.json"), j, 0o644); err == nil {
				err = os.WriteFile(filepath.Join(dir, "swagger.yaml"), y, 0o644)
			}
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "complete:", err)
		os.Exit(1)
	}
}
