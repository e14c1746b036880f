package web

// "Bắt đầu từ file Word": the form filled from a document.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"unicode"

	"doingoai/app"
	"doingoai/docimport"
	"doingoai/models"
)

// communeImport is "Bắt đầu từ file Word": the document is read by the
// API's import (the same reader as POST /api/v1/reports/import, storing
// nothing), and the form opens filled with what it found, each value with
// the words it was read from, for the clerk to check before saving.
func (a *App) communeImport(w http.ResponseWriter, r *http.Request) error {
	v, err := a.communeLoad(r)
	if err != nil {
		return err
	}
	if v.ReadOnly || !v.CanDraft {
		v.Problem = "Báo cáo đã gửi hoặc đã được duyệt nên không điền lại từ file được."
		a.renderCommune(w, r, http.StatusConflict, v, formValues{}, fieldMessages{})
		return nil
	}
	if secs, err := a.importRate.Allow(r.Context()); err != nil {
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		v.Problem = fmt.Sprintf("Bạn đã gửi nhiều file liên tiếp. Xin chờ %s giây rồi gửi lại.", retryAfter(w))
		a.renderCommune(w, r, http.StatusTooManyRequests, v, formValues{}, fieldMessages{})
		return nil
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		v.Problem = "Chưa chọn file. Hãy chọn file Word (.docx) hoặc văn bản (.txt) của báo cáo."
		a.renderCommune(w, r, http.StatusUnprocessableEntity, v, formValues{}, fieldMessages{})
		return nil
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, 1<<20))
	if err != nil {
		return err
	}
	out, _, err := app.Imports{Store: a.Store}.ImportInSlot(r.Context(), data, v.Unit.Code, v.Period, false)
	if models.ErrorCode(err) == models.EUNAVAILABLE {
		w.Header().Set("Retry-After", app.BusyRetryAfter)
	}
	if err != nil {
		var apiErr *models.Error
		if !errors.As(err, &apiErr) || apiErr.Code == models.EFORBIDDEN {
			return err
		}
		status := http.StatusUnprocessableEntity
		switch apiErr.Code {
		case models.EUNAVAILABLE:
			v.Problem = fmt.Sprintf("Máy chủ đang bận đọc các file khác. Xin chờ %s giây rồi gửi lại; chưa có gì được lưu.", retryAfter(w))
			a.renderCommune(w, r, http.StatusServiceUnavailable, v, formValues{}, fieldMessages{})
			return nil
		case models.ETOOLARGE:
			status = http.StatusRequestEntityTooLarge
		}
		v.Problem = "Không đọc được file này. Hãy lưu báo cáo dưới dạng Word (.docx) hoặc văn bản (.txt) rồi thử lại."
		if len(apiErr.Fields) > 0 {
			v.Problem += " (" + apiErr.Fields[0].Vietnamese() + ")"
		} else if apiErr.MessageCode != "" {
			v.Problem += " " + apiErr.Vietnamese()
		} else if why, ok := vietnamesePart(apiErr.Message); ok {
			v.Problem += " " + why
		}
		a.renderCommune(w, r, status, v, formValues{}, fieldMessages{})
		return nil
	}
	values, err := formOfReport(out.Report)
	if err != nil {
		return err
	}
	msgs := messagesOf(out.Problems, out.Warnings, nil)
	msgs.Sources = map[string][]string{}
	for _, f := range out.Found {
		msgs.Sources[f.Field] = append(msgs.Sources[f.Field], f.Text)
	}
	for field, msg := range unresolvedMessages(out.Unresolved) {
		msgs.Warnings[field] = append(msgs.Warnings[field], msg)
	}
	// Post/Redirect/Get: what was read is kept as the form's draft (not a
	// revision) with the words each value came from, and the browser is
	// sent to the form, so that a reload or Back never posts the file again.
	note := importNote{File: hdr.Filename, Found: len(out.Found), Sources: msgs.Sources, Unresolved: unresolvedMessages(out.Unresolved)}
	if err := a.keepImport(r, v, values, note); err != nil {
		return err
	}
	http.Redirect(w, r, v.Base+"?da=nhap-file", http.StatusSeeOther)
	return nil
}

// importNote is what the form shows of a document it was filled from,
// besides the values: kept with them in the form's draft under
// importNoteKey, a name no input of the form has.
type importNote struct {
	File       string              `json:"file"`
	Found      int                 `json:"found"`
	Sources    map[string][]string `json:"sources,omitempty"`
	Unresolved map[string]string   `json:"unresolved,omitempty"`
}

const importNoteKey = "#import"

// keepImport keeps the form filled from a document as the form's draft.
func (a *App) keepImport(r *http.Request, v communeView, values formValues, note importNote) error {
	b, err := json.Marshal(note)
	if err != nil {
		return err
	}
	inputs := map[string]string{importNoteKey: string(b)}
	for k, x := range values {
		if strings.TrimSpace(x) != "" {
			inputs[k] = x
		}
	}
	return a.Store.SaveFormDraft(r.Context(), session(r).Principal, v.Unit, v.Period, inputs)
}

// importedDraft takes the import's note out of a kept draft's inputs:
// the draft was filled from a document if ok.
func importedDraft(inputs formValues) (note importNote, values formValues, ok bool) {
	raw, ok := inputs[importNoteKey]
	if !ok {
		return note, inputs, false
	}
	values = formValues{}
	for k, x := range inputs {
		if k != importNoteKey {
			values[k] = x
		}
	}
	return note, values, json.Unmarshal([]byte(raw), &note) == nil
}

// importNotice is the line above a form filled from a document.
func importNotice(note importNote) string {
	return fmt.Sprintf("Đã điền sẵn %d số liệu, nội dung từ file «%s». Dưới mỗi ô điền sẵn có câu văn đã đọc: hãy đối chiếu, sửa nếu cần, rồi bấm Lưu nháp hoặc Gửi báo cáo. Báo cáo chưa được lưu.", note.Found, note.File)
}

// unresolvedMessages says, for each figure the document gives two ways,
// both values and the words each was read from, so that the clerk sees
// what to choose between: "Văn bản ghi hai số khác nhau: 15 («…») và 16
// («…»)", or, when one sentence gives both, the sentence once.
func unresolvedMessages(us []docimport.Found) map[string]string {
	byField := map[string][]docimport.Found{}
	var order []string
	for _, u := range us {
		if byField[u.Field] == nil {
			order = append(order, u.Field)
		}
		byField[u.Field] = append(byField[u.Field], u)
	}
	out := map[string]string{}
	for _, field := range order {
		rs := byField[field]
		values := make([]string, len(rs))
		sameText := true
		for i, u := range rs {
			values[i] = importedValue(u.Value)
			sameText = sameText && u.Text == rs[0].Text
		}
		var b strings.Builder
		b.WriteString("Văn bản ghi " + countWord(len(rs)) + " số khác nhau: ")
		for i, u := range rs {
			if i > 0 {
				b.WriteString(map[bool]string{true: " và ", false: "; "}[i == len(rs)-1])
			}
			b.WriteString(values[i])
			if !sameText {
				b.WriteString(" («" + u.Text + "»)")
			}
		}
		if sameText {
			b.WriteString(", cùng trong câu «" + rs[0].Text + "»")
		}
		b.WriteString(". Chưa điền ô này: hãy đối chiếu văn bản và tự điền số đúng.")
		out[field] = b.String()
	}
	return out
}

// importedValue writes a value read from a document as the form does.
func importedValue(v any) string {
	switch x := v.(type) {
	case int64:
		return models.FormatVNInt(x)
	case int:
		return models.FormatVNInt(int64(x))
	case models.Decimal:
		return models.FormatVNDecimal(x)
	}
	return fmt.Sprint(v)
}

func countWord(n int) string {
	if n == 2 {
		return "hai"
	}
	return fmt.Sprint(n)
}

// vietnamesePart returns the Vietnamese of a reader's message written as
// "Vietnamese. (English.)", and whether it is one.
func vietnamesePart(msg string) (string, bool) {
	i := strings.LastIndex(msg, " (")
	if i <= 0 || !strings.HasSuffix(msg, ")") {
		return "", false
	}
	vi := msg[:i]
	for _, r := range vi {
		if r > unicode.MaxASCII {
			return vi, true
		}
	}
	return "", false
}

// retryAfter is the answer's Retry-After, in seconds, as the page writes a
// number ("1.000").
func retryAfter(w http.ResponseWriter) string {
	n, err := strconv.ParseInt(w.Header().Get("Retry-After"), 10, 64)
	if err != nil {
		return w.Header().Get("Retry-After")
	}
	return models.FormatVNInt(n)
}
