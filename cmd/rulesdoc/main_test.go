package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestRulesDocIsCurrent fails when the committed RULES.md is not what the
// code generates: a rule, limit, warning, indicator or state changed in the
// code and the document was not regenerated.
func TestRulesDocIsCurrent(t *testing.T) {
	root := filepath.Join("..", "..")
	want, err := Generate(root)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(root, "RULES.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w []byte
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if !bytes.Equal(g, w) {
				t.Fatalf("RULES.md is not what the code says (first difference, line %d):\n  committed: %s\n  generated: %s\nrun: go run ./cmd/rulesdoc", i+1, g, w)
			}
		}
	}
}
