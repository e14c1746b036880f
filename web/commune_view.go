package web

// The form's outline made into what commune.html renders: every input
// with its value and its messages.

import (
	"strconv"
	"strings"

	"doingoai/models"
)

type inputView struct {
	Name, ID, Label, Unit, Hint, Value string
	Kind                               string // text, long, int, decimal, percent, money, date, select
	Numeric                            bool
	CanBeNone                          bool // a count: offer "Không có" (0)
	Zero                               bool
	Options                            []optionView
	Errors, Warnings                   []string
	Sources                            []string // words of an imported document the value was read from
	ReadOnly                           bool
}

type optionView struct {
	Value, Label string
	Selected     bool
}

type entryView struct {
	Index  string // the list index, or __i__ in the template of a new entry
	Label  string
	ID     string
	Inputs []inputView
	Text   bool // a line of text: Inputs has one input
}

type listView struct {
	Path, ID, Label, AddLabel string
	Counted, Text             bool
	Entries                   []entryView
	Template                  entryView
	Errors, Warnings          []string
	ReadOnly                  bool
	Next                      int // the index a new entry takes
}

type groupView struct {
	Path, ID, Legend string
	Inputs           []inputView
	Lists            []listView
	Errors, Warnings []string
}

type sectionView struct {
	ID, Number, Title string
	Groups            []groupView
	Errors, Warnings  int
}

var kindNames = map[fieldKind]string{kindText: "text", kindLongText: "long", kindInt: "int", kindDecimal: "decimal",
	kindPercent: "percent", kindMoney: "money", kindDate: "date", kindSelect: "select"}

func (k fieldKind) numeric() bool {
	return k == kindInt || k == kindDecimal || k == kindPercent || k == kindMoney
}

// buildSections lays out the form with values and messages; the summary
// lists every message in the order of the form. Messages whose path has no
// input of its own go to the nearest enclosing list or group, else to the
// summary only.
func buildSections(values formValues, msgs fieldMessages, readOnly bool) ([]sectionView, []summaryItem) {
	used := map[string]bool{}
	var summary []summaryItem
	take := func(path, label string, into *[]string, warn bool) {
		if used[path+"\x00"+strconv.FormatBool(warn)] {
			return // a second group of the same object (profile's narrative)
		}
		used[path+"\x00"+strconv.FormatBool(warn)] = true
		src := msgs.Errors
		if warn {
			src = msgs.Warnings
		}
		for _, m := range src[path] {
			*into = append(*into, m)
			summary = append(summary, summaryItem{Target: fieldID(path), Label: label, Message: m, Warning: warn})
		}
		used[path] = true
	}
	input := func(f formField, name, label string) inputView {
		in := inputView{Name: name, ID: fieldID(name), Label: f.Label, Unit: f.Unit, Hint: f.Hint, Value: values[name],
			Kind: kindNames[f.Kind], Numeric: f.Kind.numeric(), ReadOnly: readOnly}
		in.CanBeNone = f.Kind == kindInt || f.Kind == kindMoney
		in.Zero = in.Numeric && strings.TrimSpace(in.Value) == "0"
		for _, o := range f.Options {
			in.Options = append(in.Options, optionView{Value: o[0], Label: o[1], Selected: o[0] == in.Value})
		}
		take(name, label, &in.Errors, false)
		take(name, label, &in.Warnings, true)
		in.Sources = msgs.Sources[name]
		return in
	}
	var out []sectionView
	for _, sec := range reportOutline {
		sv := sectionView{ID: sec.ID, Number: sec.Number, Title: sec.Title}
		head := sec.Title
		if sec.Number != "" {
			head = sec.Number + ". " + sec.Title
		}
		for _, g := range sec.Groups {
			gv := groupView{Path: g.Path, Legend: g.Legend}
			if g.Path != "" {
				gv.ID = fieldID(g.Path)
			}
			glabel := head
			if g.Legend != "" {
				glabel += " › " + g.Legend
			}
			for _, f := range g.Fields {
				name := models.Path(g.Path, f.Key)
				gv.Inputs = append(gv.Inputs, input(f, name, glabel+" › "+f.Label))
			}
			for _, l := range g.Lists {
				lp := listPath(g, l)
				lv := listView{Path: lp, ID: fieldID(lp), Label: l.Label, AddLabel: l.AddLabel, Counted: l.Counted, Text: l.Item == nil, ReadOnly: readOnly}
				llabel := glabel + " › " + l.Label
				n := listLen(values, lp)
				for _, i := range listIndices(values, lp) {
					at := models.Index(lp, i)
					ev := entryView{Index: strconv.Itoa(i), ID: fieldID(at), Label: l.Label + " " + strconv.Itoa(i+1), Text: l.Item == nil}
					if ev.Text {
						ev.ID += "-row" // the input of a line of text has the path's id
					}
					elabel := llabel + " › dòng " + strconv.Itoa(i+1)
					if l.Item == nil {
						ev.Inputs = []inputView{input(formField{Key: "", Label: l.Label + " " + strconv.Itoa(i+1), Kind: kindLongText}, at, elabel)}
					} else {
						for _, f := range l.Item {
							ev.Inputs = append(ev.Inputs, input(f, models.Path(at, f.Key), elabel+" › "+f.Label))
						}
						take(at, elabel, &lv.Errors, false)
						take(at, elabel, &lv.Warnings, true)
					}
					lv.Entries = append(lv.Entries, ev)
				}
				lv.Next = n
				tmpl := entryView{Index: "__i__", ID: fieldID(lp + "[__i__]"), Label: l.Label + " mới", Text: l.Item == nil}
				if tmpl.Text {
					tmpl.ID += "-row"
				}
				at := lp + "[__i__]"
				if l.Item == nil {
					tmpl.Inputs = []inputView{{Name: at, ID: fieldID(at), Label: l.Label + " (dòng mới)", Kind: "long"}}
				} else {
					for _, f := range l.Item {
						name := models.Path(at, f.Key)
						in := inputView{Name: name, ID: fieldID(name), Label: f.Label, Unit: f.Unit, Hint: f.Hint, Kind: kindNames[f.Kind],
							Numeric: f.Kind.numeric(), CanBeNone: f.Kind == kindInt || f.Kind == kindMoney}
						for _, o := range f.Options {
							in.Options = append(in.Options, optionView{Value: o[0], Label: o[1]})
						}
						tmpl.Inputs = append(tmpl.Inputs, in)
					}
				}
				lv.Template = tmpl
				take(lp, llabel, &lv.Errors, false)
				take(lp, llabel, &lv.Warnings, true)
				gv.Lists = append(gv.Lists, lv)
			}
			if g.Path != "" {
				take(g.Path, glabel, &gv.Errors, false)
				take(g.Path, glabel, &gv.Warnings, true)
			}
			sv.Groups = append(sv.Groups, gv)
		}
		for _, gv := range sv.Groups {
			sv.Errors += len(gv.Errors)
			sv.Warnings += len(gv.Warnings)
			for _, in := range gv.Inputs {
				sv.Errors += len(in.Errors)
				sv.Warnings += len(in.Warnings)
			}
			for _, lv := range gv.Lists {
				sv.Errors += len(lv.Errors)
				sv.Warnings += len(lv.Warnings)
				for _, ev := range lv.Entries {
					for _, in := range ev.Inputs {
						sv.Errors += len(in.Errors)
						sv.Warnings += len(in.Warnings)
					}
				}
			}
		}
		out = append(out, sv)
	}
	// Messages at paths the form has no place for (unit_code, period, an
	// entry the page does not show): the summary only.
	for path, list := range msgs.Errors {
		if !used[path] {
			for _, m := range list {
				summary = append(summary, summaryItem{Label: outlineLabel(path), Message: m})
			}
		}
	}
	for path, list := range msgs.Warnings {
		if !used[path] {
			for _, m := range list {
				summary = append(summary, summaryItem{Label: outlineLabel(path), Message: m, Warning: true})
			}
		}
	}
	return out, summary
}

// outlineLabel names a field path as the form labels it: "I. Đặc điểm
// tình hình › Số hộ".
func outlineLabel(path string) string {
	for _, sec := range reportOutline {
		head := sec.Title
		if sec.Number != "" {
			head = sec.Number + ". " + sec.Title
		}
		for _, g := range sec.Groups {
			glabel := head
			if g.Legend != "" {
				glabel += " › " + g.Legend
			}
			for _, f := range g.Fields {
				if models.Path(g.Path, f.Key) == path {
					return glabel + " › " + f.Label
				}
			}
			for _, l := range g.Lists {
				lp := listPath(g, l)
				rest, ok := strings.CutPrefix(path, lp)
				if !ok {
					continue
				}
				if rest == "" {
					return glabel + " › " + l.Label
				}
				if rest[0] != '[' {
					continue
				}
				num, member, _ := strings.Cut(rest[1:], "]")
				i, err := strconv.Atoi(num)
				if err != nil {
					continue
				}
				label := glabel + " › " + l.Label + " › dòng " + strconv.Itoa(i+1)
				member = strings.TrimPrefix(member, ".")
				for _, f := range l.Item {
					if f.Key == member {
						return label + " › " + f.Label
					}
				}
				return label
			}
			if g.Path != "" && path == g.Path {
				return glabel
			}
		}
	}
	switch path {
	case "unit_code":
		return "Đơn vị"
	case "period":
		return "Kỳ báo cáo"
	case "status":
		return "Trạng thái"
	}
	return path
}
