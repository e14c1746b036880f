// Command openapi3 writes the service's OpenAPI document converted to
// OpenAPI 3.0 (see package openapi), for client generators that read only
// that version:
//
//	go run ./internal/openapi/cmd/openapi3 -o openapi3.json
//
// With -check it also validates the result and fails if it is not valid.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"doingoai/internal/openapi"
)

func main() {
	out := flag.String("o", "-", "the file to write (- for standard output)")
	check := flag.Bool("check", true, "validate the converted document first")
	flag.Parse()
	ctx := context.Background()
	if *check {
		doc, err := openapi.V3(ctx)
		if err == nil {
			err = doc.Validate(ctx)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "openapi3:", err)
			os.Exit(1)
		}
	}
	b, err := openapi.V3JSON(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, "openapi3:", err)
		os.Exit(1)
	}
	b = append(b, '\n')
	if *out == "-" {
		_, err = os.Stdout.Write(b)
	} else {
		err = os.WriteFile(*out, b, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "openapi3:", err)
		os.Exit(1)
	}
}
