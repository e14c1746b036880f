package models

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// UserRow is one line of an accounts file.
type UserRow struct {
	Line int
	UserInput
}

// UsersCSVHeader is the header of an accounts file; the email column may
// be left out.
var UsersCSVHeader = []string{"login", "role", "unit_code", "name", "email"}

// MaxUsersCSVRows bounds one import: the largest province has about 170
// communes; a country's worth in one file is still allowed.
const MaxUsersCSVRows = 20_000

// ParseUsersCSV reads an accounts file: the header login,role,unit_code,
// name[,email], then one account a line. It takes what spreadsheet programs
// write: a UTF-8 byte-order mark, CRLF line ends, and ';' between columns
// (Excel in Vietnamese and other locales where ',' is the decimal comma).
// It returns every line read beside the problems the lines have on their
// own (each at "line N.field"); err is a problem of the whole file (its
// header, its CSV syntax, its size).
func ParseUsersCSV(r io.Reader) ([]UserRow, []FieldError, error) {
	br := bufio.NewReader(r)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\ufeff")) {
		_, _ = br.Discard(3)
	}
	first, _ := br.Peek(4096)
	if i := bytes.IndexAny(first, "\r\n"); i >= 0 {
		first = first[:i]
	}
	cr := csv.NewReader(br)
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	header, err := readCSVHeader(cr, UsersCSVHeader)
	if err != nil {
		return nil, nil, err
	}
	for i := range header {
		header[i] = strings.ToLower(header[i])
	}
	cols := len(header)
	if !(cols == 5 && equalFold(header, UsersCSVHeader) || cols == 4 && equalFold(header, UsersCSVHeader[:4])) {
		return nil, nil, &Error{Code: EINVALID, Message: "the accounts file has errors; no account was created",
			Fields: []FieldError{{Field: "line 1", Code: FBadFormat, Message: fmt.Sprintf("the header must be %s (email may be left out), not %s",
				strings.Join(UsersCSVHeader, ","), strings.Join(header, string(cr.Comma)))}}}
	}
	var p Problems
	var rows []UserRow
	seen := map[string]int{}
	err = eachCSVRecord(cr, cols, &p, func(line int, prefix string, rec []string) error {
		row := UserRow{Line: line, UserInput: UserInput{Login: rec[0], Role: Role(rec[1]), UnitCode: rec[2], Name: rec[3]}}
		if cols == 5 {
			row.Email = rec[4]
		}
		row.Normalize()
		row.Check(&p, prefix)
		if first, dup := seen[row.Login]; dup && row.Login != "" {
			p.AddMsg(Path(prefix, "login"), FTaken, MLoginRepeated, Params{"login": row.Login, "line": first}, "%s is already on line %d", row.Login, first)
		} else {
			seen[row.Login] = line
		}
		rows = append(rows, row)
		if len(rows) > MaxUsersCSVRows {
			return Errorf(EINVALID, "the file has more than %d accounts", MaxUsersCSVRows)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	if len(rows) == 0 && p.Len() == 0 {
		return nil, nil, Errorf(EINVALID, "the file has a header but no accounts")
	}
	return rows, p.List(), nil
}
