package main

import (
	"context"
	"encoding/json"
	"io"
	"os"

	"doingoai/api"
	"doingoai/app"
	"doingoai/models"
	"doingoai/store"
)

// cmdImport reads an existing report into a draft, as POST
// /api/v1/reports/import does, and prints the answer as JSON; --save also
// stores it as a draft revision.
func cmdImport(ctx context.Context, args []string) error {
	fs, db := flags("import", "import FILE [--unit CODE] [--period P] [--save] [--db URL]")
	unit := fs.String("unit", "", "the commune's code (default: the commune the document names)")
	period := fs.String("period", "", "2024, 2024S1 or 2024S2 (default: the period in the document's title)")
	save := fs.Bool("save", false, "also store the result as a draft revision (refused if the report is already submitted)")
	pos, err := parseN(fs, args, 1, "import takes one file: a .docx or a text file")
	if err != nil {
		return err
	}
	data, err := readLimited(pos[0], api.MaxBody)
	if err != nil {
		return err
	}
	return withStore(ctx, *db, func(s *store.Store) error {
		out, _, err := app.Imports{Store: s}.Import(models.WithPrincipal(ctx, models.CommandLine), data, *unit, *period, *save)
		if err != nil {
			return err
		}
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	})
}

// readLimited reads a file of at most limit bytes, the API's body limit.
func readLimited(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, models.Errorf(models.ETOOLARGE, "%s is over %d bytes, the limit of an import", name, limit)
	}
	return data, nil
}
