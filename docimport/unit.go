package docimport

import (
	"fmt"
	"strings"

	"doingoai/models"
)

// Candidate is a commune-level unit the document may name.
type Candidate struct {
	Key     string // the caller's handle on the unit
	Code    string
	Name    string // "Xã Bộc Nhiêu"
	Kind    models.UnitKind
	Valid   bool     // it existed during the period
	Parents []string // the names of the units above it, nearest first
}

// bareName folds a unit's name and drops the word for its kind: "Xã Bộc
// Nhiêu" → "boc nhieu", "Huyện Định Hóa" → "dinh hoa".
func bareName(name string) string {
	f := fold(name)
	for _, k := range []string{"xa ", "phuong ", "thi tran ", "dac khu ", "huyen ", "tinh ", "thanh pho ", "thi xa ", "quan ", "tp. ", "tp "} {
		if strings.HasPrefix(f, k) {
			return strings.TrimSpace(f[len(k):])
		}
	}
	return f
}

// MatchPlace picks the unit a place of the document names among the
// candidates, comparing names without diacritics or case: of those with
// the name, the ones of the kind the document says ("xã", "phường"), then
// the ones that existed during the period, then the ones under a district
// or province the document also names. Nil if none has the name; an
// EINVALID error naming them all if several remain.
func MatchPlace(p Place, parents []string, cands []Candidate, period string) (*Candidate, error) {
	want := bareName(p.Name)
	var same []*Candidate
	for i := range cands {
		if bareName(cands[i].Name) == want {
			same = append(same, &cands[i])
		}
	}
	narrow := func(keep func(c *Candidate) bool) {
		var out []*Candidate
		for _, c := range same {
			if keep(c) {
				out = append(out, c)
			}
		}
		if len(out) > 0 {
			same = out
		}
	}
	if p.Kind != "" {
		narrow(func(c *Candidate) bool { return c.Kind == p.Kind })
	}
	narrow(func(c *Candidate) bool { return c.Valid })
	if len(same) > 1 && len(parents) > 0 {
		narrow(func(c *Candidate) bool {
			for _, a := range c.Parents {
				b := bareName(a)
				for _, h := range parents {
					if bareName(h) == b {
						return true
					}
				}
			}
			return false
		})
	}
	switch len(same) {
	case 0:
		return nil, nil
	case 1:
		c := same[0]
		if !c.Valid {
			return nil, &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("Văn bản ghi đơn vị \"%s\", nhưng %s (mã %s) không tồn tại trong kỳ %s. Hãy kiểm tra kỳ báo cáo hoặc cho biết đơn vị bằng tham số unit. (%s did not exist during %s.)", p.Name, c.Name, c.Code, period, c.Name, period),
				Fields: []models.FieldError{{Field: "unit", Message: fmt.Sprintf("the document names %s (%s), which did not exist during %s", c.Name, c.Code, period)}}}
		}
		return c, nil
	}
	var names []string
	for _, c := range same {
		where := c.Name + " (" + c.Code
		if len(c.Parents) > 0 {
			where += ", " + strings.Join(c.Parents[:min(2, len(c.Parents))], ", ")
		}
		names = append(names, where+")")
	}
	return nil, &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("Văn bản ghi đơn vị \"%s\", nhưng có %d đơn vị trùng tên: %s. Hãy cho biết đơn vị bằng tham số unit. (The name is ambiguous: give unit.)", p.Name, len(same), strings.Join(names, "; ")),
		Fields: []models.FieldError{{Field: "unit", Message: fmt.Sprintf("is not given and %d units are named %q: %s", len(same), p.Name, strings.Join(names, "; "))}}}
}

// Unsupported is the error for a file that is not a .docx or text, such as
// an old binary .doc: what it is, and to save it as .docx.
func Unsupported(what string) error { return unsupported(what) }
