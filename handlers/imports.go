package handlers

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"

	"doingoai/app"
	"doingoai/docimport"
	"doingoai/models"
)

// ImportResult is the answer to an import (app.ImportResult).
type ImportResult = app.ImportResult

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
	if err := allow(w, h.ImportRate, r.Context()); err != nil {
		return err
	}
	data, err := readDocumentBody(r)
	if err != nil {
		return err
	}
	out, created, err := app.Imports{Store: h.Store}.ImportInSlot(r.Context(), data, q.Get("unit"), q.Get("period"), save == "draft")
	if err != nil {
		return busy(w, err)
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
		w.Header().Set("Location", reportLocation(out.UnitCode, out.Period))
	}
	return writeJSON(w, status, out)
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
