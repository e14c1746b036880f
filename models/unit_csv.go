package models

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// UnitRow is one line of a units CSV file.
type UnitRow struct {
	Line int
	UnitInput
	Invalid bool // the line has problems of its own (ParseUnitsCSVAll)
}

// UnitsCSVHeader is the header every units file starts with (the files of
// the national list in data/ use it).
var UnitsCSVHeader = []string{"code", "name", "kind", "parent_code"}

// MaxUnitsCSVRows bounds one import: the country has about 11,200 units.
const MaxUnitsCSVRows = 100_000

// ParseUnitsCSV reads a units file: a header "code,name,kind,parent_code"
// (optionally followed by valid_from,valid_to), then one unit a line. Every
// bad line is reported with its line number, and nothing is returned unless
// the whole file is good, so an import is never half applied.
func ParseUnitsCSV(r io.Reader) ([]UnitRow, error) {
	rows, probs, err := ParseUnitsCSVAll(r)
	if err != nil {
		return nil, err
	}
	if len(probs) > 0 {
		return nil, &Error{Code: EINVALID, Message: "the units file has errors; nothing was imported", Fields: probs}
	}
	return rows, nil
}

// ParseUnitsCSVAll reads a units file as ParseUnitsCSV does, but returns
// every line, those with problems marked Invalid, beside the problems, so
// that an import can check the lines against the unit tree too and report
// every problem of the file at once. err is a problem of the whole file
// (its header, its CSV syntax, its size), which stops the reading.
func ParseUnitsCSVAll(r io.Reader) ([]UnitRow, []FieldError, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	header, err := readCSVHeader(cr, UnitsCSVHeader)
	if err != nil {
		return nil, nil, err
	}
	extra := 0
	switch {
	case len(header) == 4 && equalFold(header, UnitsCSVHeader):
	case len(header) == 6 && equalFold(header[:4], UnitsCSVHeader) && strings.EqualFold(header[4], "valid_from") && strings.EqualFold(header[5], "valid_to"):
		extra = 2
	default:
		return nil, nil, Errorf(EINVALID, "line 1: the header must be %s (optionally followed by valid_from,valid_to), not %s",
			strings.Join(UnitsCSVHeader, ","), strings.Join(header, ","))
	}
	var p Problems
	var rows []UnitRow
	seen := map[string]int{}
	err = eachCSVRecord(cr, 4+extra, &p, func(line int, prefix string, rec []string) error {
		before := p.Len()
		row := UnitRow{Line: line, UnitInput: UnitInput{Code: rec[0], Name: rec[1], Kind: UnitKind(rec[2]), ParentCode: rec[3]}}
		row.Normalize()
		if extra == 2 {
			for i, dst := range []*Date{&row.ValidFrom, &row.ValidTo} {
				if s := strings.TrimSpace(rec[4+i]); s != "" {
					d, err := ParseDate(s)
					if err != nil {
						p.Add(Path(prefix, header[4+i]), err.Error())
					}
					*dst = d
				}
			}
		}
		row.Validate(&p, prefix)
		if first, dup := seen[row.Code]; dup && row.Code != "" {
			p.Addf(Path(prefix, "code"), "%s is already on line %d", row.Code, first)
		}
		seen[row.Code] = line
		row.Invalid = p.Len() > before
		rows = append(rows, row)
		if len(rows) > MaxUnitsCSVRows {
			return Errorf(EINVALID, "the file has more than %d units", MaxUnitsCSVRows)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	if len(rows) == 0 && p.Len() == 0 {
		return nil, nil, Errorf(EINVALID, "the file has a header but no units")
	}
	return rows, p.List(), nil
}

// readCSVHeader reads the header of a CSV file, each name trimmed (and the
// BOM that spreadsheet programs write dropped); want is the header the
// error of an empty file names.
func readCSVHeader(cr *csv.Reader, want []string) ([]string, error) {
	header, err := cr.Read()
	if err == io.EOF {
		return nil, Errorf(EINVALID, "the file is empty; it must start with the header %s", strings.Join(want, ","))
	}
	if err != nil {
		return nil, csvError(err)
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	return header, nil
}

// eachCSVRecord reads the records of a CSV file after its header and gives
// each to row with its line number and its problems' prefix ("line 12"),
// but for a blank line (skipped) and a line whose number of columns is
// not cols (a problem in p). It stops at the end of the file, at an error
// of the file (its CSV syntax, as csvError says it) or of row, and once p
// holds more than 1000 problems.
func eachCSVRecord(cr *csv.Reader, cols int, p *Problems, row func(line int, prefix string, rec []string) error) error {
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return csvError(err)
		}
		line, _ := cr.FieldPos(0) // after a successful Read: a record has a field
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line
		}
		prefix := fmt.Sprintf("line %d", line)
		if len(rec) != cols {
			p.Addf(prefix, "has %d columns; the header has %d", len(rec), cols)
			continue
		}
		if err := row(line, prefix, rec); err != nil {
			return err
		}
		if p.Len() > 1000 {
			return nil
		}
	}
}

func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return Errorf(EINVALID, "line %d, column %d: %s", pe.StartLine, pe.Column, pe.Err)
	}
	return Errorf(EINVALID, "the file cannot be read as CSV: %s", err)
}

func equalFold(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return true
}
