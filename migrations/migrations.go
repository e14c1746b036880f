// Package migrations holds the versioned schema of doingoai, one folder of
// SQL files per database (sqlite/, postgres/) with the same numbers and the
// same meaning, embedded in the binary and applied in order by goose. Each
// file has an Up and a Down section; a change to the schema is a new file,
// never an edit of one that has shipped.
package migrations

import (
	"embed"
	"io/fs"
)

//go:embed sqlite/*.sql postgres/*.sql
var files embed.FS

// FS returns the migrations of a dialect ("sqlite" or "postgres").
func FS(dialect string) (fs.FS, error) {
	return fs.Sub(files, dialect)
}
