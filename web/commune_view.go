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
	b := &formLayout{values: values, msgs: msgs, readOnly: readOnly, used: map[string]bool{}}
	var out []sectionView
	for _, sec := range reportOutline {
		sv := sectionView{ID: sec.ID, Number: sec.Number, Title: sec.Title}
		head := sectionHead(sec)
		for _, g := range sec.Groups {
			sv.Groups = append(sv.Groups, b.group(g, head))
		}
		sv.count()
		out = append(out, sv)
	}
	// Messages at paths the form has no place for (unit_code, period, an
	// entry the page does not show): the summary only.
	b.unplaced(msgs.Errors, false)
	b.unplaced(msgs.Warnings, true)
	return out, b.summary
}

// formLayout is the state of buildSections: the form's values and
// messages, the messages already placed, and the summary so far.
type formLayout struct {
	values   formValues
	msgs     fieldMessages
	readOnly bool
	used     map[string]bool
	summary  []summaryItem
}

// take places the errors (or warnings) at path into *into and the
// summary, once.
func (b *formLayout) take(path, label string, into *[]string, warn bool) {
	if b.used[path+"\x00"+strconv.FormatBool(warn)] {
		return // a second group of the same object (profile's narrative)
	}
	b.used[path+"\x00"+strconv.FormatBool(warn)] = true
	src := b.msgs.Errors
	if warn {
		src = b.msgs.Warnings
	}
	for _, m := range src[path] {
		*into = append(*into, m)
		b.summary = append(b.summary, summaryItem{Target: fieldID(path), Label: label, Message: m, Warning: warn})
	}
	b.used[path] = true
}

// takeBoth places the errors, then the warnings, at path.
func (b *formLayout) takeBoth(path, label string, errs, warnings *[]string) {
	b.take(path, label, errs, false)
	b.take(path, label, warnings, true)
}

// blankInput is an input as the outline describes it, without a value.
func blankInput(f formField, name string) inputView {
	in := inputView{Name: name, ID: fieldID(name), Label: f.Label, Unit: f.Unit, Hint: f.Hint, Kind: kindNames[f.Kind],
		Numeric: f.Kind.numeric(), CanBeNone: (f.Kind == kindInt || f.Kind == kindMoney) && !f.NeverNone}
	for _, o := range f.Options {
		in.Options = append(in.Options, optionView{Value: o[0], Label: o[1]})
	}
	return in
}

// input is the input named name with its value and messages.
func (b *formLayout) input(f formField, name, label string) inputView {
	in := blankInput(f, name)
	in.Value, in.ReadOnly = b.values[name], b.readOnly
	in.Zero = in.Numeric && strings.TrimSpace(in.Value) == "0"
	for i := range in.Options {
		in.Options[i].Selected = in.Options[i].Value == in.Value
	}
	b.takeBoth(name, label, &in.Errors, &in.Warnings)
	in.Sources = b.msgs.Sources[name]
	return in
}

// group lays out a fieldset: its inputs, its lists, then the messages
// about the group as a whole.
func (b *formLayout) group(g formGroup, head string) groupView {
	gv := groupView{Path: g.Path, Legend: g.Legend}
	if g.Path != "" {
		gv.ID = fieldID(g.Path)
	}
	glabel := groupLabel(head, g)
	for _, f := range g.Fields {
		gv.Inputs = append(gv.Inputs, b.input(f, models.Path(g.Path, f.Key), glabel+" › "+f.Label))
	}
	for _, l := range g.Lists {
		gv.Lists = append(gv.Lists, b.list(g, l, glabel))
	}
	if g.Path != "" {
		b.takeBoth(g.Path, glabel, &gv.Errors, &gv.Warnings)
	}
	return gv
}

// list lays out a list: the entries the form holds, the template of a
// new entry, then the messages about the list as a whole.
func (b *formLayout) list(g formGroup, l formList, glabel string) listView {
	lp := listPath(g, l)
	lv := listView{Path: lp, ID: fieldID(lp), Label: l.Label, AddLabel: l.AddLabel, Counted: l.Counted, Text: l.Item == nil, ReadOnly: b.readOnly}
	llabel := glabel + " › " + l.Label
	for _, i := range listIndices(b.values, lp) {
		lv.Entries = append(lv.Entries, b.entry(l, lp, i, llabel, &lv))
	}
	lv.Next = listLen(b.values, lp)
	lv.Template = newEntry(l, lp)
	b.takeBoth(lp, llabel, &lv.Errors, &lv.Warnings)
	return lv
}

// entry lays out the entry i of a list; the messages about an object
// entry as a whole go to the list.
func (b *formLayout) entry(l formList, lp string, i int, llabel string, lv *listView) entryView {
	at := models.Index(lp, i)
	ev := entryView{Index: strconv.Itoa(i), ID: fieldID(at), Label: l.Label + " " + strconv.Itoa(i+1), Text: l.Item == nil}
	if ev.Text {
		ev.ID += "-row" // the input of a line of text has the path's id
	}
	elabel := entryLabel(llabel, i)
	if l.Item == nil {
		ev.Inputs = []inputView{b.input(formField{Key: "", Label: l.Label + " " + strconv.Itoa(i+1), Kind: kindLongText}, at, elabel)}
		return ev
	}
	for _, f := range l.Item {
		ev.Inputs = append(ev.Inputs, b.input(f, models.Path(at, f.Key), elabel+" › "+f.Label))
	}
	b.takeBoth(at, elabel, &lv.Errors, &lv.Warnings)
	return ev
}

// newEntry is the template of a new entry of a list, its index __i__.
func newEntry(l formList, lp string) entryView {
	at := lp + "[__i__]"
	tmpl := entryView{Index: "__i__", ID: fieldID(at), Label: l.Label + " mới", Text: l.Item == nil}
	if tmpl.Text {
		tmpl.ID += "-row"
		tmpl.Inputs = []inputView{{Name: at, ID: fieldID(at), Label: l.Label + " (dòng mới)", Kind: "long"}}
		return tmpl
	}
	for _, f := range l.Item {
		tmpl.Inputs = append(tmpl.Inputs, blankInput(f, models.Path(at, f.Key)))
	}
	return tmpl
}

// count adds up the messages of a section, for its heading.
func (sv *sectionView) count() {
	add := func(errs, warnings []string) {
		sv.Errors += len(errs)
		sv.Warnings += len(warnings)
	}
	for _, gv := range sv.Groups {
		add(gv.Errors, gv.Warnings)
		for _, in := range gv.Inputs {
			add(in.Errors, in.Warnings)
		}
		for _, lv := range gv.Lists {
			add(lv.Errors, lv.Warnings)
			for _, ev := range lv.Entries {
				for _, in := range ev.Inputs {
					add(in.Errors, in.Warnings)
				}
			}
		}
	}
}

// unplaced adds to the summary the messages no part of the form took.
func (b *formLayout) unplaced(m map[string][]string, warn bool) {
	for path, list := range m {
		if !b.used[path] {
			for _, msg := range list {
				b.summary = append(b.summary, summaryItem{Label: outlineLabel(path), Message: msg, Warning: warn})
			}
		}
	}
}

// sectionHead is a section's heading as labels begin: "I. Đặc điểm tình
// hình".
func sectionHead(sec formSection) string {
	if sec.Number != "" {
		return sec.Number + ". " + sec.Title
	}
	return sec.Title
}

// groupLabel is a group's label: the section's heading and the group's
// legend.
func groupLabel(head string, g formGroup) string {
	if g.Legend != "" {
		return head + " › " + g.Legend
	}
	return head
}

// entryLabel is the label of the entry i of a list labelled llabel.
func entryLabel(llabel string, i int) string {
	return llabel + " › dòng " + strconv.Itoa(i+1)
}

// fieldID is the id of the element for a path: "f-" and the path with
// every character but letters, digits and _ turned into "-".
func fieldID(path string) string {
	b := []byte("f-" + path)
	for i := 2; i < len(b); i++ {
		c := b[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			b[i] = '-'
		}
	}
	return strings.TrimRight(string(b), "-")
}

// outlineLabel names a field path as the form labels it: "I. Đặc điểm
// tình hình › Số hộ".
func outlineLabel(path string) string {
	for _, sec := range reportOutline {
		head := sectionHead(sec)
		for _, g := range sec.Groups {
			glabel := groupLabel(head, g)
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
				label := entryLabel(glabel+" › "+l.Label, i)
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
