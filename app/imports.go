package app

import (
	"context"
	"fmt"
	"runtime"
	"time"

	"doingoai/docimport"
	"doingoai/models"
	"doingoai/store"
)

// Imports read an existing report (Word or text) into a draft: the API's
// POST /reports/import, the commune page's "Bắt đầu từ file Word" and the
// command line's import.
type Imports struct {
	Store *store.Store
}

// ImportSlots are the import slots of this process (one per CPU, a wait
// of 5 s): a document is read in one of them, by the API's import and the
// commune page's alike. Reading one costs at most a fraction of a second
// and a few MB (docimport's limits); the slots keep many at once from
// taking every CPU, and one client holds at most half of them (Slots).
var ImportSlots = NewSlots("import", runtime.GOMAXPROCS(0), 5*time.Second)

// ImportResult is the answer to an import: the draft report read from the
// document, every value with the words it was read from, and the figures
// the document does not state.
type ImportResult struct {
	UnitCode string        `json:"unit_code" example:"05596" validate:"required"`
	Period   string        `json:"period" example:"2024" validate:"required"`
	Report   models.Report `json:"report" validate:"required"` // a report body as POST /api/v1/reports takes it, status draft
	// Each value set in report, with the words of the document it was
	// read from.
	Found []docimport.Found `json:"found" validate:"required"`
	// The figures the document does not state: null in report, never
	// guessed as 0.
	NotFound []string `json:"not_found" example:"consular.citizens_exited,overseas_vietnamese.labor_export_workers" validate:"required"`
	// Figures two passages of the document state differently: left null
	// (and in not_found), each passage quoted, for a person to settle.
	Unresolved []docimport.Found `json:"unresolved,omitempty"`
	// Doubts about the report, as a submission would have them.
	Warnings []models.Warning `json:"warnings" validate:"required"`
	// Problems that would stop the draft from being saved, by field.
	Problems []models.FieldError `json:"problems,omitempty"`
	// Where the unit and period came from: "query" or "document".
	UnitFrom   string `json:"unit_from" enums:"query,document" example:"document" validate:"required"`
	PeriodFrom string `json:"period_from" enums:"query,document" example:"document" validate:"required"`
	Format     string `json:"format" enums:"docx,text" example:"docx" validate:"required"` // the kind of file read
	// With ?save=draft: the draft revision stored.
	Saved *models.SubmitResult `json:"saved,omitempty"`

	unit *models.TreeUnit
}

// ImportInSlot is Import run in one of the ImportSlots: with none free in
// time it returns EUNAVAILABLE without reading the document.
func (im Imports) ImportInSlot(ctx context.Context, data []byte, unitCode, period string, save bool) (out *ImportResult, created bool, err error) {
	release, err := ImportSlots.Acquire(ctx)
	if err != nil {
		return nil, false, err
	}
	defer release()
	return im.Import(ctx, data, unitCode, period, save)
}

// Import reads a document and, if save, stores it as a draft: the import
// of the command line (the API and the pages use ImportInSlot). The
// principal comes from ctx.
func (im Imports) Import(ctx context.Context, data []byte, unitCode, period string, save bool) (out *ImportResult, created bool, err error) {
	out, err = im.read(ctx, data, unitCode, period)
	if err != nil || !save {
		return out, false, err
	}
	return im.saveImported(ctx, out)
}

// read reads a document into a draft for a unit and period, given or read
// from the document.
func (im Imports) read(ctx context.Context, data []byte, unitCode, period string) (*ImportResult, error) {
	p, _ := models.PrincipalFrom(ctx)
	lines, kind, err := docimport.Lines(data)
	if err != nil {
		return nil, err
	}
	res := docimport.Read(lines)
	t, err := im.Store.Tree(ctx)
	if err != nil {
		return nil, err
	}
	out := &ImportResult{Found: res.Found, NotFound: res.NotFound, Unresolved: res.Unresolved, Format: kind,
		UnitFrom: "query", PeriodFrom: "query"}
	if out.Found == nil {
		out.Found = []docimport.Found{}
	}
	if out.NotFound == nil {
		out.NotFound = []string{}
	}

	// The period: the query's, else the title's.
	if period == "" {
		if res.Period == "" {
			return nil, &models.Error{Code: models.EINVALID, Message: "Không tìm thấy kỳ báo cáo trong tiêu đề văn bản (\"năm 2024\", \"6 tháng đầu năm 2025\"): hãy cho biết kỳ báo cáo bằng tham số period. (The document's title names no period: give period.)",
				Fields: []models.FieldError{{Field: "period", Message: "is not given and the document's title names no year or half-year", MessageCode: models.MNoPeriodInDocument}}}
		}
		period, out.PeriodFrom = res.Period, "document"
	}
	per, err := models.ParsePeriod(period)
	if err != nil {
		return nil, &models.Error{Code: models.EINVALID, Message: "the query is not valid",
			Fields: []models.FieldError{models.ProblemOf("period", "", err)}}
	}

	// The unit: the query's, else the one the document names.
	var unit *models.TreeUnit
	if unitCode != "" {
		var probs models.Problems
		if unit, err = ReportingUnit(t, p, "unit", unitCode, per, &probs); err != nil {
			return nil, err
		}
		if err := probs.Err("the query is not valid"); err != nil {
			return nil, err
		}
	} else {
		unit, err = im.unitOfDocument(ctx, t, p, res, per)
		if err != nil {
			return nil, err
		}
		out.UnitFrom = "document"
	}

	rep := res.Report
	rep.UnitCode, rep.Period, rep.Status = unit.Code, period, models.StatusDraft
	models.NormalizeStrings(&rep)
	var probs models.Problems
	warned, err := warnings(ctx, im.Store, &rep, unit, per, models.CheckReport(&rep, im.Store.Now(), &probs))
	if err != nil {
		return nil, err
	}
	out.UnitCode, out.Period, out.Report, out.Warnings, out.Problems = unit.Code, period, rep, warned, probs.List()
	out.unit = unit
	return out, nil
}

// saveImported stores an import as a draft revision, audited as imported.
// The report's lifecycle decides as for any draft: a submitted or accepted
// report is not replaced (ECONFLICT); an identical draft is not stored
// twice.
func (im Imports) saveImported(ctx context.Context, out *ImportResult) (*ImportResult, bool, error) {
	p, _ := models.PrincipalFrom(ctx)
	if len(out.Problems) > 0 {
		return nil, false, &models.Error{Code: models.EINVALID, Message: "the report read from the document has errors; nothing was stored", Fields: out.Problems}
	}
	rep := out.Report
	canonical, hash, err := rep.Canonical()
	if err != nil {
		return nil, false, err
	}
	sub := &store.Submission{Principal: p, Unit: out.unit, Period: out.Period, Status: models.StatusDraft, Body: canonical, Hash: hash,
		Warnings: out.Warnings, Figures: models.FiguresOf(&rep), Source: store.SourceImport}
	o, err := im.Store.Submit(ctx, sub)
	if err != nil {
		return nil, false, err
	}
	out.Saved = &o.Result
	return out, o.Created, nil
}

// unitOfDocument finds the commune the document names among the units the
// principal may act on.
func (im Imports) unitOfDocument(ctx context.Context, t *models.Tree, p models.Principal, res *docimport.Result, per models.Period) (*models.TreeUnit, error) {
	if len(res.Places) == 0 {
		return nil, &models.Error{Code: models.EINVALID, Message: "Không tìm thấy tên xã, phường trong văn bản (phần đầu \"UBND XÃ …\" hoặc dòng địa danh, ngày tháng): hãy cho biết đơn vị bằng tham số unit. (The document names no commune: give unit.)",
			Fields: []models.FieldError{{Field: "unit", Message: "is not given and the document names no commune", MessageCode: models.MNoUnitInDocument}}}
	}
	var outside []*models.TreeUnit
	for _, place := range res.Places {
		list, err := im.Store.ListUnits(ctx, models.UnitFilter{Query: place.Name, Page: models.Page{Number: 1, PerPage: 200}}, nil, models.CommuneKinds)
		if err != nil {
			return nil, err
		}
		var cands []docimport.Candidate
		byKey := map[string]*models.TreeUnit{}
		for _, u := range list.Items {
			tu := t.ForPeriod(u.Code, per)
			if tu == nil || tu.Name != u.Name {
				tu = t.ByCode(u.Code)
			}
			if tu == nil || tu.Name != u.Name {
				continue
			}
			key := fmt.Sprintf("%d", tu.ID)
			if _, dup := byKey[key]; dup {
				continue
			}
			if t.InScope(p, tu) != nil {
				outside = append(outside, tu)
				continue
			}
			byKey[key] = tu
			var parents []string
			for a := tu.Parent; a != nil; a = a.Parent {
				parents = append(parents, a.Name)
			}
			cands = append(cands, docimport.Candidate{Key: key, Code: tu.Code, Name: tu.Name, Kind: tu.Kind,
				Valid: models.ExistsDuring(tu.ValidFrom, tu.ValidTo, per), Parents: parents})
		}
		got, err := docimport.MatchPlace(place, res.Parents, cands, per.String())
		if err != nil {
			return nil, err
		}
		if got != nil {
			return byKey[got.Key], nil
		}
	}
	if len(outside) > 0 {
		u := outside[0]
		return nil, models.Errorm(models.EFORBIDDEN, models.MDocumentUnitOutside, models.Params{"unit": u.Code, "name": u.Name},
			"the document names %s (%s), which this token (%s, %s %s) cannot act on", u.Name, u.Code, p.Actor(), p.Role, p.UnitCode)
	}
	return nil, &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("Không tìm thấy đơn vị \"%s\" (tên đọc được trong văn bản) trong danh sách đơn vị; hãy cho biết đơn vị bằng tham số unit. (No unit named %q was found: give unit.)", res.Places[0].Name, res.Places[0].Name),
		Fields: []models.FieldError{{Field: "unit", Message: fmt.Sprintf("is not given and no commune in scope is named %q", res.Places[0].Name),
			MessageCode: models.MDocumentUnitUnknown, Params: models.Params{"name": res.Places[0].Name}}}}
}
