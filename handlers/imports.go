package handlers

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"

	"doingoai/docimport"
	"doingoai/models"
	"doingoai/store"
)

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

// ImportReport reads an existing report (Word or text) into a draft.
//
//	@Summary		Import a Word or text report (nhập báo cáo từ tệp Word)
//	@ID				importReport
//	@Description	Reads a commune's existing report — a `.docx`, UTF-8 text, or UTF-16 text with a byte-order mark — into the structured report, storing nothing: every figure set has an entry in `found` quoting the words it was read from; a figure the document does not state stays null and is listed in `not_found`, never guessed as 0.
//	@Description	The body is the file itself (`Content-Type` of a .docx, or `text/plain`) or `multipart/form-data` with the file in the field `file`. `unit` and `period` may be left out when the document names them: the commune in its header or closing (matched without diacritics among the units this token may act on, preferring the one that existed in that period) and the year or half-year in its title ("năm 2024", "6 tháng đầu năm 2025" → 2025S1, "6 tháng cuối năm" → S2).
//	@Description	Bounds: a document is read a few at a time (one per CPU of the server, a token holding at most half of them; the rest wait up to 5 s, then 503 with `Retry-After`), and a token may start 10 imports in a row, then one a second (429). A `.docx` whose XML nests deeper than 200 elements, puts more than 256 attributes on one element or declares a DOCTYPE is 422; one whose XML unpacks to more than 16 MiB, has more than 250,000 tags or a tag or run of text over 1 MiB is 413.
//	@Description	`?save=draft` also stores the result as a draft revision (201, `Location`), audited as imported; 409 if the report is already submitted. An old `.doc`, a PDF or an image is 415 with a `detail` saying to save the file as `.docx`.
//	@Tags			reports
//	@Accept			application/vnd.openxmlformats-officedocument.wordprocessingml.document
//	@Accept			plain
//	@Accept			mpfd
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			unit	query		string	false	"the commune's code; read from the document when left out"	extensions(x-example=05596)
//	@Param			period	query		string	false	"2024, 2024S1 or 2024S2; read from the title when left out"	extensions(x-example=2024)
//	@Param			save	query		string	false	"draft: also store the result as a draft revision"	Enums(draft)
//	@Param			document	body	string	true	"the document: a .docx or text (or multipart/form-data with the field file)"
//	@Success		200		{object}	ImportResult	"the draft read from the document; nothing stored"
//	@Success		201		{object}	ImportResult	"stored as a draft revision (?save=draft)"
//	@Header			201		{string}	Location	"/api/v1/reports/{unit_code}/{period}"
//	@Failure		400		{object}	models.Problem	"a multipart form that cannot be read"
//	@Failure		401		{object}	models.Problem	"no valid token"
//	@Failure		403		{object}	models.Problem	"the unit is outside the token's scope"
//	@Failure		409		{object}	models.Problem	"?save=draft and the report is already submitted or accepted"
//	@Failure		413		{object}	models.Problem	"body over 1 MiB, or a document that unpacks to too much"
//	@Failure		415		{object}	models.Problem	"not a .docx or text: an old .doc, a PDF, an image — save it as .docx"
//	@Failure		422		{object}	models.Problem	"a damaged file; the unit or period not given and not found in the document, or ambiguous (the detail says which); a bad query value; with ?save=draft, a report that cannot be saved, or `unit_ended` (the unit ended before the period's last day; `valid_to` and `successors` in the problem)"
//	@Failure		429		{object}	models.Problem	"too many requests for this token, or more than 10 imports in a row (then one a second); Retry-After says when to try again"
//	@Failure		500		{object}	models.Problem	"an internal error, logged with the request id"
//	@Failure		503		{object}	models.Problem	"every import slot of the server, or this token's share of them, stayed busy for 5 s; Retry-After says when to try again"
//	@Header			401	{string}	WWW-Authenticate	"Bearer: how to authenticate"
//	@Header			429	{string}	Retry-After	"seconds to wait before the next request"
//	@Header			503	{string}	Retry-After	"seconds to wait before trying again"
//	@Header			all	{string}	X-Request-Id	"the id of the request, as logged"
//	@Security		BearerAuth
//	@Router			/api/v1/reports/import [post]
func (h *Handler) ImportReport(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	save := q.Get("save")
	if save != "" && save != "draft" {
		return &models.Error{Code: models.EINVALID, Message: "the query is not valid",
			Fields: []models.FieldError{{Field: "save", Message: "must be draft (or left out to store nothing)"}}}
	}
	if err := h.ImportRate.Allow(w, r.Context()); err != nil {
		return err
	}
	data, err := readDocumentBody(r)
	if err != nil {
		return err
	}
	out, created, err := h.ImportInSlot(w, r, data, q.Get("unit"), q.Get("period"), save == "draft")
	if err != nil {
		return err
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
		w.Header().Set("Location", reportLocation(out.UnitCode, out.Period))
	}
	return writeJSON(w, status, out)
}

// Import reads a document and, if save, stores it as a draft: the import
// of the API and of the command line. The principal comes from ctx.
func (h *Handler) Import(ctx context.Context, data []byte, unitCode, period string, save bool) (out *ImportResult, created bool, err error) {
	out, err = h.read(ctx, data, unitCode, period)
	if err != nil || !save {
		return out, false, err
	}
	return h.saveImported(ctx, out)
}

// read reads a document into a draft for a unit and period, given or read
// from the document.
func (h *Handler) read(ctx context.Context, data []byte, unitCode, period string) (*ImportResult, error) {
	p, _ := models.PrincipalFrom(ctx)
	lines, kind, err := docimport.Lines(data)
	if err != nil {
		return nil, err
	}
	res := docimport.Read(lines)
	t, err := h.Store.Tree(ctx)
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
				Fields: []models.FieldError{{Field: "period", Message: "is not given and the document's title names no year or half-year"}}}
		}
		period, out.PeriodFrom = res.Period, "document"
	}
	per, err := models.ParsePeriod(period)
	if err != nil {
		return nil, &models.Error{Code: models.EINVALID, Message: "the query is not valid",
			Fields: []models.FieldError{{Field: "period", Message: err.Error()}}}
	}

	// The unit: the query's, else the one the document names.
	var unit *models.TreeUnit
	if unitCode != "" {
		unit = t.ForPeriod(unitCode, per)
		if unit == nil {
			if t.ByCode(unitCode) != nil {
				return nil, &models.Error{Code: models.EINVALID, Message: "the query is not valid",
					Fields: []models.FieldError{{Field: "unit", Message: fmt.Sprintf("unit %s did not exist during %s", unitCode, period)}}}
			}
			return nil, &models.Error{Code: models.EINVALID, Message: "the query is not valid",
				Fields: []models.FieldError{{Field: "unit", Message: "no unit has the code " + unitCode}}}
		}
		if !unit.Kind.CommuneLevel() {
			return nil, &models.Error{Code: models.EINVALID, Message: "the query is not valid",
				Fields: []models.FieldError{{Field: "unit", Message: fmt.Sprintf("%s (%s) is a %s; reports are made by communes, wards, towns and special zones", unit.Name, unit.Code, unit.Kind)}}}
		}
		if err := t.InScope(p, unit); err != nil {
			return nil, err
		}
	} else {
		unit, err = h.unitOfDocument(ctx, t, p, res, per)
		if err != nil {
			return nil, err
		}
		out.UnitFrom = "document"
	}

	rep := res.Report
	rep.UnitCode, rep.Period, rep.Status = unit.Code, period, models.StatusDraft
	models.NormalizeStrings(&rep)
	var probs models.Problems
	warnings := models.CheckReport(&rep, h.Store.Now(), &probs)
	if prev, err := h.Store.PreviousFigures(ctx, unit, per); err != nil {
		return nil, err
	} else if figs := models.FiguresOf(&rep); prev != nil {
		warnings = append(warnings, models.OutlierWarnings(&figs, prev, per.Previous().String())...)
	}
	if warnings == nil {
		warnings = []models.Warning{}
	}
	out.UnitCode, out.Period, out.Report, out.Warnings, out.Problems = unit.Code, period, rep, warnings, probs.List()
	out.unit = unit
	return out, nil
}

// saveImported stores an import as a draft revision, audited as imported.
// The report's lifecycle decides as for any draft: a submitted or accepted
// report is not replaced (ECONFLICT); an identical draft is not stored
// twice.
func (h *Handler) saveImported(ctx context.Context, out *ImportResult) (*ImportResult, bool, error) {
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
	o, err := h.Store.Submit(ctx, sub)
	if err != nil {
		return nil, false, err
	}
	out.Saved = &o.Result
	return out, o.Created, nil
}

// unitOfDocument finds the commune the document names among the units the
// principal may act on.
func (h *Handler) unitOfDocument(ctx context.Context, t *models.Tree, p models.Principal, res *docimport.Result, per models.Period) (*models.TreeUnit, error) {
	if len(res.Places) == 0 {
		return nil, &models.Error{Code: models.EINVALID, Message: "Không tìm thấy tên xã, phường trong văn bản (phần đầu \"UBND XÃ …\" hoặc dòng địa danh, ngày tháng): hãy cho biết đơn vị bằng tham số unit. (The document names no commune: give unit.)",
			Fields: []models.FieldError{{Field: "unit", Message: "is not given and the document names no commune"}}}
	}
	var outside []*models.TreeUnit
	for _, place := range res.Places {
		list, err := h.Store.ListUnits(ctx, models.UnitFilter{Query: place.Name, Page: models.Page{Number: 1, PerPage: 200}}, nil, models.CommuneKinds)
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
		return nil, models.Errorf(models.EFORBIDDEN, "the document names %s (%s), which this token (%s, %s %s) cannot act on", u.Name, u.Code, p.Actor(), p.Role, p.UnitCode)
	}
	return nil, &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("Không tìm thấy đơn vị \"%s\" (tên đọc được trong văn bản) trong danh sách đơn vị; hãy cho biết đơn vị bằng tham số unit. (No unit named %q was found: give unit.)", res.Places[0].Name, res.Places[0].Name),
		Fields: []models.FieldError{{Field: "unit", Message: fmt.Sprintf("is not given and no commune in scope is named %q", res.Places[0].Name)}}}
}

// readDocumentBody returns the file of an import: the body itself, or the
// part named file of a multipart form.
func readDocumentBody(r *http.Request) ([]byte, error) {
	ct := r.Header.Get("Content-Type")
	mt, params, _ := mime.ParseMediaType(ct)
	switch {
	case mt == "multipart/form-data":
		mr := multipart.NewReader(r.Body, params["boundary"])
		for {
			part, err := mr.NextPart()
			if err == io.EOF {
				return nil, &models.Error{Code: models.EINVALID, Message: "the form has no file",
					Fields: []models.FieldError{{Field: "file", Message: "is required: the document to import"}}}
			}
			if err != nil {
				return nil, bodyError(err, "the multipart form cannot be read")
			}
			if part.FormName() != "file" {
				continue
			}
			data, err := io.ReadAll(part)
			if err != nil {
				return nil, bodyError(err, "the multipart form cannot be read")
			}
			return checkDeclared(data, part.FileName(), part.Header.Get("Content-Type"))
		}
	case mt == "application/json" || strings.HasSuffix(mt, "+json"):
		return nil, models.Errorf(models.EMEDIATYPE, "Hãy gửi chính tệp báo cáo (.docx hoặc văn bản), không phải JSON; để nộp báo cáo dạng JSON dùng POST /api/v1/reports. (Send the document itself, not JSON.)")
	}
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, bodyError(err, "the body cannot be read")
	}
	return checkDeclared(data, "", mt)
}

// checkDeclared refuses what the client itself says is a .doc, a PDF or an
// image, whatever its bytes; everything else is told by its content.
func checkDeclared(data []byte, name, mt string) ([]byte, error) {
	if len(data) == 0 {
		return nil, &models.Error{Code: models.EINVALID, Message: "Tệp rỗng. (The document is empty.)",
			Fields: []models.FieldError{{Field: "file", Message: "is empty"}}}
	}
	lname := strings.ToLower(name)
	if mt, _, _ := mime.ParseMediaType(mt); mt == "application/msword" || strings.HasSuffix(lname, ".doc") {
		if !bytes.HasPrefix(data, []byte("PK")) {
			return nil, docimport.Unsupported("tệp Word cũ (.doc, Word 97–2003)")
		}
	}
	return data, nil
}

// bodyError keeps the body limit's error (413) and calls anything else a
// malformed body.
func bodyError(err error, msg string) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return err
	}
	return models.Errorf(models.EMALFORMED, "%s: %v", msg, err)
}
