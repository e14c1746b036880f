package models

import (
	"bytes"
	"errors"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// lineRef finds "line N" in a field path or a message.
var lineRef = regexp.MustCompile(`^line ([0-9]+)\b`)

// The errors of ParseUnitsCSV about the file as a whole, which have no
// line to name.
var wholeFileErrors = []string{
	"the file is empty",
	"the file has a header but no units",
	"the file has more than",
}

// FuzzParseUnitsCSV checks that ParseUnitsCSV never panics and that:
//   - on success every row has a valid code, a valid kind, a name, a valid
//     or empty parent code, and a line number after the header; lines
//     increase and codes are unique;
//   - on failure the error is EINVALID and names a line (in every field
//     path, or in its message when there are no field errors), unless it
//     is about the whole file (empty, no units, too many units).
func FuzzParseUnitsCSV(f *testing.F) {
	national, err := os.ReadFile("../testdata/units-vn-2024-11-01.csv")
	if err != nil {
		f.Fatal(err)
	}
	national = firstLines(national, 30)
	dinhHoa, err := os.ReadFile("../demo/units-dinh-hoa-2024-11-01.csv")
	if err != nil {
		f.Fatal(err)
	}
	const header = "code,name,kind,parent_code\n"
	for _, s := range []string{
		string(national),
		string(dinhHoa),
		"\ufeff" + string(dinhHoa),
		strings.ReplaceAll(string(dinhHoa), "\n", "\r\n"),
		"\ufeffcode,name,kind,parent_code\r\n19,Tỉnh Thái Nguyên,province,\r\n167,Huyện Định Hóa,district,19\r\n\r\n05596,Xã Bộc Nhiêu,commune,167\r\n",
		"code,name,kind,parent_code,valid_from,valid_to\n19,Tỉnh Thái Nguyên,province,,2000-01-01,\n05596,Xã Bộc Nhiêu,commune,19,2024-11-01,2025-06-30\n",
		"code,name,kind,parent_code,valid_from,valid_to\n19,T,province,,2025-01-01,2024-01-01\n",
		"CODE , Name,KIND,parent_code\n19,T,province,\n",
		// quotes
		header + "\"19\",\"Tỉnh \"\"Thái\"\" Nguyên\",province,\n",
		header + "19,\"Tỉnh Thái Nguyên,\nnew line\",province,\n",
		header + "19,\"Tỉnh Thái Nguyên\",province,\n167,\"Huyện\",district,\"19\"\n",
		// missing and extra columns
		header + "19,Tỉnh Thái Nguyên,province\n",
		header + "19,Tỉnh Thái Nguyên,province,,extra\n",
		header + "19\n\n,\n",
		"code,name,kind\n19,T,province\n",
		// duplicate codes, bad values
		header + "19,Tỉnh Thái Nguyên,province,\n19,Tỉnh khác,province,\n",
		header + "167,,district,19\n5596x,Xã Bộc Nhiêu,xa,167\n1,2\n",
		header + "VN,Việt Nam,country,\n01,Hà Nội,province,VN\n",
		header + "19,T\x00,province,\n20,\xff,province,\n",
		header + "19," + strings.Repeat("x", 201) + ",province,\n",
		// empty and header-only files
		"",
		"\ufeff",
		header,
		"\n\n\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		rows, err := ParseUnitsCSV(bytes.NewReader(in))
		if err != nil {
			if rows != nil {
				t.Fatalf("rows returned with an error: %v", err)
			}
			checkUnitsCSVError(t, err)
			return
		}
		if len(rows) == 0 {
			t.Fatalf("no rows and no error")
		}
		seen := map[string]int{}
		prev := 1
		for _, r := range rows {
			if r.Code == "" || !ValidCode(r.Code) {
				t.Fatalf("line %d: code %q", r.Line, r.Code)
			}
			if !r.Kind.Valid() {
				t.Fatalf("line %d: kind %q", r.Line, r.Kind)
			}
			if r.Name == "" || !IsNFC(r.Name) {
				t.Fatalf("line %d: name %q", r.Line, r.Name)
			}
			if r.ParentCode != "" && !ValidCode(r.ParentCode) {
				t.Fatalf("line %d: parent code %q", r.Line, r.ParentCode)
			}
			if r.Line <= prev {
				t.Fatalf("line %d after line %d", r.Line, prev)
			}
			prev = r.Line
			if first, dup := seen[r.Code]; dup {
				t.Fatalf("code %s on lines %d and %d", r.Code, first, r.Line)
			}
			seen[r.Code] = r.Line
		}
	})
}

func checkUnitsCSVError(t *testing.T, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) || e.Code != EINVALID {
		t.Fatalf("not an EINVALID *Error: %T %v", err, err)
	}
	if len(e.Fields) > 0 {
		for _, fe := range e.Fields {
			if m := lineRef.FindStringSubmatch(fe.Field); m == nil || !positive(m[1]) {
				t.Fatalf("a problem that names no line: %+v", fe)
			}
			if fe.Message == "" {
				t.Fatalf("a problem without a message: %+v", fe)
			}
		}
		return
	}
	if m := lineRef.FindStringSubmatch(e.Message); m != nil && positive(m[1]) {
		return
	}
	for _, prefix := range wholeFileErrors {
		if strings.HasPrefix(e.Message, prefix) {
			return
		}
	}
	t.Fatalf("an error that names no line: %v", err)
}

func positive(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n > 0
}

// firstLines returns the first n lines of b.
func firstLines(b []byte, n int) []byte {
	end := 0
	for i := 0; i < n && end < len(b); i++ {
		j := bytes.IndexByte(b[end:], '\n')
		if j < 0 {
			return b
		}
		end += j + 1
	}
	return b[:end]
}
