// Command rulesdoc writes RULES.md: the report's outline, every validation
// rule and limit, every warning with its tolerance, the indicator catalogue
// and the workflow. The prose is in rules.md.tmpl; every list is generated
// from the code that applies it — the outline from the report's types and
// their comments (models/report.go), the rules by running the validator
// over a report with every field, the warnings, indicators and limits from
// their tables and constants, the workflow by asking the lifecycle function
// every question. A test fails when the committed RULES.md differs from
// what this writes.
//
//	go run ./cmd/rulesdoc            # writes RULES.md (run from the repository's root)
//	go run ./cmd/rulesdoc -o -       # to standard output
package main

import (
	"bytes"
	_ "embed"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"text/template"

	"doingoai/api"
	"doingoai/handlers"
	"doingoai/models"
)

//go:embed rules.md.tmpl
var tmpl string

func main() {
	out := flag.String("o", "RULES.md", "the file to write, - for standard output")
	root := flag.String("root", ".", "the repository's root")
	flag.Parse()
	doc, err := Generate(*root)
	if err != nil {
		fmt.Fprintln(os.Stderr, "rulesdoc:", err)
		os.Exit(1)
	}
	if *out == "-" {
		os.Stdout.Write(doc)
		return
	}
	if err := os.WriteFile(*out, doc, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "rulesdoc:", err)
		os.Exit(1)
	}
}

// Generate returns RULES.md for the repository at root.
func Generate(root string) ([]byte, error) {
	outline, err := outline(filepath.Join(root, "models", "report.go"))
	if err != nil {
		return nil, err
	}
	t, err := template.New("rules").Parse(tmpl)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = t.Execute(&b, map[string]string{
		"Outline":    outline,
		"Warnings":   warnings(),
		"Indicators": indicators(),
		"Limits":     limits(),
		"Lifecycle":  lifecycle(),
		"FieldCodes": fieldCodes(),
		"Messages":   messageCodes(),
	})
	return b.Bytes(), err
}

// field is one field of the report's outline.
type field struct {
	path, typ, meaning string
}

// outline renders the report's fields, section by section, from the types
// in report.go and their comments, with the rules the validator applies to
// each. A rule on a field the outline does not have is an error, so no rule
// can be left out.
func outline(file string) (string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, parser.ParseComments)
	if err != nil {
		return "", err
	}
	types := map[string]*ast.StructType{}
	docs := map[string]string{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.TYPE {
			continue
		}
		for _, s := range g.Specs {
			ts := s.(*ast.TypeSpec)
			if st, ok := ts.Type.(*ast.StructType); ok {
				types[ts.Name.Name] = st
				docs[ts.Name.Name] = text(g.Doc)
			}
		}
	}
	report := types["Report"]
	if report == nil {
		return "", fmt.Errorf("%s has no type Report", file)
	}
	rules := map[string][]string{}
	var order []string
	for _, r := range models.ReportRules() {
		if _, ok := rules[r.Field]; !ok {
			order = append(order, r.Field)
		}
		rules[r.Field] = append(rules[r.Field], r.Rule)
	}
	used := map[string]bool{}

	var b strings.Builder
	var pending []field // consecutive top-level fields that are not sections
	flush := func() {
		if len(pending) == 0 {
			return
		}
		var names []string
		for _, f := range pending {
			names = append(names, "`"+f.path+"`")
		}
		fmt.Fprintf(&b, "### %s\n\n", strings.Join(names, ", "))
		table(&b, pending, rules, used)
		pending = nil
	}
	for _, fl := range report.Fields.List {
		name, ok := jsonName(fl)
		if !ok {
			continue
		}
		typ, elem := typeOf(fl.Type, types)
		meaning := comment(fl)
		if elem == "" || strings.HasPrefix(typ, "list") {
			pending = append(pending, field{name, typ, meaning})
			if elem != "" {
				var rows []field
				walk(&rows, name+"[]", elem, types)
				pending = append(pending, rows...)
			}
			continue
		}
		flush()
		fmt.Fprintf(&b, "### `%s` — %s\n\n", name, meaning)
		if d := docs[elem]; d != "" {
			fmt.Fprintf(&b, "%s\n\n", d)
		}
		var rows []field
		walk(&rows, name, elem, types)
		table(&b, rows, rules, used)
	}
	flush()
	for _, f := range order {
		if !used[f] {
			return "", fmt.Errorf("the validator checks %s, which the outline of %s does not have", f, file)
		}
	}
	return strings.TrimRight(b.String(), "\n"), nil
}

// walk adds the fields of struct type name, under the path at.
func walk(rows *[]field, at, name string, types map[string]*ast.StructType) {
	st := types[name]
	if st == nil {
		return
	}
	for _, fl := range st.Fields.List {
		n, ok := jsonName(fl)
		if !ok {
			continue
		}
		path := at + "." + n
		typ, elem := typeOf(fl.Type, types)
		*rows = append(*rows, field{path, typ, comment(fl)})
		if elem != "" {
			sub := path
			if strings.HasPrefix(typ, "list") {
				sub += "[]"
			}
			walk(rows, sub, elem, types)
		}
	}
}

func table(b *strings.Builder, rows []field, rules map[string][]string, used map[string]bool) {
	b.WriteString("| field | type | meaning | rules |\n|---|---|---|---|\n")
	for _, r := range rows {
		rs := rules[r.path]
		used[r.path] = true
		for _, e := range rules[r.path+"[]"] {
			rs = append(rs, "each entry: "+e)
			used[r.path+"[]"] = true
		}
		fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", r.path, r.typ, cell(r.meaning), cell(strings.Join(rs, "; ")))
	}
	b.WriteString("\n")
}

func cell(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "|", "\\|"), "\n", " ") }

// jsonName is a struct field's JSON name; false for fields not in JSON.
func jsonName(fl *ast.Field) (string, bool) {
	if fl.Tag == nil || len(fl.Names) == 0 {
		return "", false
	}
	tag, _ := strconv.Unquote(fl.Tag.Value)
	name, _, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ",")
	if name == "" || name == "-" {
		return "", false
	}
	return name, true
}

// typeOf describes a field's type for a reader, and names the struct type
// of its value or its entries, if any.
func typeOf(e ast.Expr, types map[string]*ast.StructType) (desc, elem string) {
	nullable := false
	if s, ok := e.(*ast.StarExpr); ok {
		nullable, e = true, s.X
	}
	orNull := func(s string) string {
		if nullable {
			return s + " or null"
		}
		return s
	}
	switch t := e.(type) {
	case *ast.ArrayType:
		d, el := typeOf(t.Elt, types)
		if el != "" {
			return "list of objects", el
		}
		return "list of " + d, ""
	case *ast.Ident:
		switch t.Name {
		case "string":
			return orNull("text"), ""
		case "int64", "int":
			return orNull("whole number"), ""
		case "Decimal":
			return orNull("decimal number"), ""
		case "Date":
			return orNull("date (YYYY-MM-DD)"), ""
		}
		if types[t.Name] != nil {
			return orNull("object"), t.Name
		}
		return orNull(t.Name), ""
	}
	return "?", ""
}

// comment is a field's comment: the one after it, else the one above it.
func comment(fl *ast.Field) string {
	if s := text(fl.Comment); s != "" {
		return s
	}
	return text(fl.Doc)
}

func text(g *ast.CommentGroup) string {
	if g == nil {
		return ""
	}
	return strings.Join(strings.Fields(g.Text()), " ")
}

func warnings() string {
	var b strings.Builder
	b.WriteString("| code | field | warned when | params |\n|---|---|---|---|\n")
	for _, w := range models.WarningRules {
		f := w.Field
		if !strings.Contains(f, " ") {
			f = "`" + f + "`"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", w.Code, f, cell(w.When), params(w.Params))
	}
	return strings.TrimRight(b.String(), "\n")
}

func fieldCodes() string {
	var b strings.Builder
	b.WriteString("| code | the problem |\n|---|---|\n")
	for _, c := range models.FieldCodes {
		fmt.Fprintf(&b, "| `%s` | %s |\n", c.Code, c.Meaning)
	}
	return strings.TrimRight(b.String(), "\n")
}

func messageCodes() string {
	var b strings.Builder
	b.WriteString("| message_code | params | the message |\n|---|---|---|\n")
	for _, m := range models.ProblemMessages {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", m.Code, params(m.Params), cell(m.Meaning))
	}
	return strings.TrimRight(b.String(), "\n")
}

// params writes a list of params ("value, max") as code, or a dash.
func params(list string) string {
	if list == "" {
		return "—"
	}
	return "`" + strings.ReplaceAll(list, ", ", "`, `") + "`"
}

func indicators() string {
	var b strings.Builder
	b.WriteString("| code | chỉ tiêu | indicator | unit | rolls up as | from |\n|---|---|---|---|---|---|\n")
	for _, ind := range models.Indicators {
		how := ""
		switch ind.Aggregation {
		case models.AggSum:
			how = "sum"
		case models.AggRatio:
			how = fmt.Sprintf("ratio of sums, %d decimals", ind.Places)
		case models.AggWeighted:
			how = fmt.Sprintf("mean weighted by `%s`, %d decimals", models.Measures[ind.Weight].Code, ind.Places)
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | `%s` |\n", ind.Code, ind.NameVI, ind.NameEN, ind.Unit, how, ind.Source)
	}
	return strings.TrimRight(b.String(), "\n")
}

func limits() string {
	var b strings.Builder
	row := func(what, limit string) { fmt.Fprintf(&b, "| %s | %s |\n", what, limit) }
	b.WriteString("| what | limit |\n|---|---|\n")
	n := func(v int) string { return group(int64(v)) }
	row("a request body", fmt.Sprintf("%s bytes (1 MiB); more is 413", n(api.MaxBody)))
	row("a period's year", fmt.Sprintf("%d to %d", models.MinPeriodYear, models.MaxPeriodYear))
	row("`Idempotency-Key`", fmt.Sprintf("1 to %d printable ASCII characters", handlers.MaxIdempotencyKey))
	row("a review's `comment`", fmt.Sprintf("%s characters; required to return a report", n(models.MaxReviewComment)))
	row("a token's `expires_in_days`", fmt.Sprintf("1 to %s days, or left out for a token that does not expire", n(models.MaxTokenDays)))
	row("a token's `name`", fmt.Sprintf("%d characters", models.MaxTokenName))
	row("a unit's code", fmt.Sprintf("1 to %d digits or capital letters (`05596`, `VN`)", models.MaxUnitCodeLen))
	row("a unit's name", fmt.Sprintf("%d characters", models.MaxUnitNameLen))
	row("a units CSV file", fmt.Sprintf("%s rows", n(models.MaxUnitsCSVRows)))
	row("what one report adds to any total", fmt.Sprintf("%s (NGO aid committed, or disbursed, over all its projects; income per head × population), so that %s reports cannot overflow a total", group(models.MaxReportTotal), n(models.MaxReportingUnits)))
	row("a rollup", fmt.Sprintf("%s figures (periods × units × indicators); a code repeated in `indicators` or `periods` counts once; at most %d periods", n(handlers.MaxRollupCells), handlers.MaxSeries))
	row("`errors[]` of a problem", fmt.Sprintf("the first %d problems, with `errors_total` when there are more", models.MaxProblemErrors))
	for _, p := range handlers.PageLimits {
		row("`per_page` of `"+p.Listing+"`", fmt.Sprintf("%d when left out, at most %s", p.Default, n(p.Max)))
	}
	return strings.TrimRight(b.String(), "\n")
}

// lifecycle asks the lifecycle function what every request does to a
// report in every state.
func lifecycle() string {
	states := []string{"", models.StatusDraft, models.StatusSubmitted, models.StatusReturned, models.StatusAccepted}
	actions := []struct {
		name string
		act  models.Action
	}{
		{"save a draft", models.ActDraft},
		{"submit", models.ActSubmit},
		{"accept", models.ActAccept},
		{"return", models.ActReturn},
	}
	var b strings.Builder
	b.WriteString("| the report is | ")
	for i, a := range actions {
		if i > 0 {
			b.WriteString(" | ")
		}
		b.WriteString(a.name)
	}
	b.WriteString(" |\n|---|---|---|---|---|\n")
	for _, st := range states {
		cur := models.ReportState{UnitCode: "05596", Period: "2024", Status: st, ETag: `"1.1"`, Hash: []byte{1}}
		name := "`" + st + "`"
		if st == "" {
			name = "not sent yet"
		} else {
			cur.Revision = 1
		}
		b.WriteString("| " + name + " |")
		for _, a := range actions {
			tr, err := models.Next(cur, models.Request{Action: a.act, Hash: []byte{2}, Comment: "x"})
			switch {
			case err != nil:
				fmt.Fprintf(&b, " refused: `%s` |", models.ProblemCode(err))
			case tr.NewRevision:
				fmt.Fprintf(&b, " `%s`, a new revision |", tr.Status)
			default:
				fmt.Fprintf(&b, " `%s` |", tr.Status)
			}
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// group writes n with thousands separated by commas: 1,048,576.
func group(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
