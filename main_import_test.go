package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"doingoai/internal/docxtest"
)

// TestImportCommand: import FILE prints the draft read from a document as
// the API answers it; --save stores it as a draft, once; a .doc is refused
// with the advice to save it as .docx.
func TestImportCommand(t *testing.T) {
	db := dinhHoaDB(t).URL
	seed := "testdata/bao-cao-doi-ngoai-boc-nhieu-2024.txt"
	r := run(t, db, "import", seed)
	var out struct {
		UnitCode string `json:"unit_code"`
		Period   string `json:"period"`
		Report   struct {
			Status  string         `json:"status"`
			Profile map[string]any `json:"profile"`
		} `json:"report"`
		Found    []map[string]any `json:"found"`
		NotFound []string         `json:"not_found"`
		Saved    map[string]any   `json:"saved"`
	}
	if r.code != 0 {
		t.Fatalf("%+v", r)
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v: %s", err, r.stdout)
	}
	if out.UnitCode != "05596" || out.Period != "2024" || out.Report.Status != "draft" || out.Report.Profile["households"] != 1169.0 ||
		len(out.Found) < 40 || !strings.Contains(strings.Join(out.NotFound, ","), "consular.citizens_exited") || out.Saved != nil {
		t.Errorf("import: %s", r.stdout)
	}
	docx := filepath.Join(t.TempDir(), "bao-cao.docx")
	src, _ := os.ReadFile(seed)
	os.WriteFile(docx, docxtest.FromText(string(src), "UBND XÃ BỘC NHIÊU"), 0o600)
	if r := run(t, db, "import", docx, "--unit", "05596", "--period", "2024S2", "--save"); r.code != 0 || !strings.Contains(r.stdout, `"saved": {`) || !strings.Contains(r.stdout, `"revision": 1`) {
		t.Errorf("import --save: %+v", r)
	}
	if r := run(t, db, "import", docx, "--unit", "05596", "--period", "2024S2", "--save"); r.code != 0 || !strings.Contains(r.stdout, `"revision": 1`) {
		t.Errorf("the same draft again: %+v", r)
	}
	doc := filepath.Join(t.TempDir(), "bao-cao.doc")
	os.WriteFile(doc, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), 0o600)
	if r := run(t, db, "import", doc); r.code != 1 || !strings.Contains(r.stderr, ".docx") || r.stdout != "" {
		t.Errorf("a .doc: %+v", r)
	}
	if r := run(t, db, "import", "--help"); r.code != 0 || !strings.Contains(r.stdout+r.stderr, "Usage") {
		t.Errorf("help: %+v", r)
	}
}

// TestReadmeImport runs the commands of the README's section on importing
// against a real serve --demo and checks the answers it shows.
func TestReadmeImport(t *testing.T) {
	blocks := readmeSection(t, "## Importing an existing report (Word or text)")
	base, tokens, _ := serveDemo(t, "RATE_LIMIT=0")
	dir := t.TempDir()
	for _, f := range []string{"testdata/bao-cao-doi-ngoai-boc-nhieu-2024.txt", "docimport/testdata/reports/quy-ky-2024.txt"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := append(os.Environ(), "BASE="+base, "ADMIN="+tokens["admin"], "DISTRICT="+tokens["district"], "COMMUNE="+tokens["commune"])
	if commands, checked := runBlocks(t, blocks, dir, env); commands != 3 || checked != 3 {
		t.Errorf("the section ran %d command blocks and checked %d answers; want 3 of each", commands, checked)
	}
}
