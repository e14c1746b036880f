package web

// "Bắt đầu từ file Word": the form filled from a document.

import (
	"errors"
	"fmt"
	"io"
	"net/http"

	"doingoai/handlers"
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
	ctx := models.WithPrincipal(r.Context(), session(r).Principal)
	out, _, err := (&handlers.Handler{Store: a.Store, Log: a.Log}).Import(ctx, data, v.Unit.Code, v.Period, false)
	if err != nil {
		var apiErr *models.Error
		if !errors.As(err, &apiErr) || apiErr.Code == models.EFORBIDDEN {
			return err
		}
		v.Problem = "Không đọc được file này. Hãy lưu báo cáo dưới dạng Word (.docx) hoặc văn bản (.txt) rồi thử lại."
		if len(apiErr.Fields) > 0 {
			v.Problem += " (" + viText(apiErr.Fields[0].Message) + ")"
		}
		a.renderCommune(w, r, http.StatusUnprocessableEntity, v, formValues{}, fieldMessages{})
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
	for _, f := range out.Unresolved {
		msgs.Warnings[f.Field] = append(msgs.Warnings[f.Field], "Văn bản ghi khác nhau: «"+f.Text+"»; hãy tự điền số đúng.")
	}
	v.Imported = true
	v.Notice = fmt.Sprintf("Đã điền sẵn %d số liệu, nội dung từ file «%s». Dưới mỗi ô điền sẵn có câu văn đã đọc: hãy đối chiếu, sửa nếu cần, rồi bấm Lưu nháp hoặc Gửi báo cáo. Chưa có gì được lưu.", len(out.Found), hdr.Filename)
	a.renderCommune(w, r, http.StatusOK, v, values, msgs)
	return nil
}
