package web

// The check while typing, and where its messages are shown.

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"

	"doingoai/models"
)

// checkAnswer is the answer of the check while typing.
type checkAnswer struct {
	Errors   []checkMessage    `json:"errors"`
	Warnings []checkMessage    `json:"warnings"`
	Shown    map[string]string `json:"shown"` // number inputs as the page writes them back
	Summary  string            `json:"summary"`
}

type checkMessage struct {
	Field   string   `json:"field"`   // the API's path
	Targets []string `json:"targets"` // ids of the page's elements to show it at, nearest first
	Label   string   `json:"label"`
	Message string   `json:"message"`
}

// communeCheck is the check while typing: the form as it stands, sent to
// the API as a dry run of a submission (status submitted: what sending
// would answer), storing nothing.
func (a *App) communeCheck(w http.ResponseWriter, r *http.Request) error {
	_, u, per, err := a.communeOf(r)
	if err != nil {
		return err
	}
	values, err := readForm(r)
	if err != nil {
		return err
	}
	body, problems, shown, inputs := formToReport(values, u.Code, per.String(), models.StatusSubmitted)
	ans := checkAnswer{Errors: []checkMessage{}, Warnings: []checkMessage{}, Shown: shown}
	out, err := a.communeSubmit(r, u.Code, per.String(), body, true, "", "")
	var apiErr *models.Error
	switch {
	case err == nil:
		for _, wr := range out.Result.Warnings {
			ans.Warnings = append(ans.Warnings, checkMessageOf(wr.Field, wr.Vietnamese(), inputs))
		}
	case errors.As(err, &apiErr) && apiErr.Code == models.EINVALID:
		for _, f := range apiErr.Fields {
			ans.Errors = append(ans.Errors, checkMessageOf(f.Field, f.Vietnamese(), inputs))
		}
	case errors.As(err, &apiErr) && apiErr.Code == models.ECONFLICT:
		ans.Summary = "Báo cáo đã được duyệt nên không sửa được nữa."
	default:
		return err
	}
	for _, f := range problems {
		ans.Errors = append(ans.Errors, checkMessageOf(f.Field, f.Vietnamese(), inputs))
	}
	// A form filled from a document: the figures the document gives two
	// ways stay said at their inputs while the person leaves them empty
	// (the check clears the page's messages and places its own: without
	// these, the two readings the page opened with would vanish as it
	// loads).
	kept, err := a.Store.GetFormDraft(r.Context(), u, per.String())
	if err != nil {
		return err
	}
	if kept != nil {
		if note, _, ok := importedDraft(kept.Inputs); ok {
			for _, field := range slices.Sorted(maps.Keys(note.Unresolved)) {
				if strings.TrimSpace(values[field]) == "" {
					ans.Warnings = append(ans.Warnings, checkMessageOf(field, note.Unresolved[field], inputs))
				}
			}
		}
	}
	if ans.Summary == "" {
		ans.Summary = checkSummary(len(ans.Errors), len(ans.Warnings))
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	return json.NewEncoder(w).Encode(ans)
}

// checkMessageOf places a message, in its Vietnamese words, at its input.
func checkMessageOf(field, words string, inputs formValues) checkMessage {
	at := inputs.inputPath(field)
	return checkMessage{Field: field, Targets: targetsOf(at), Label: outlineLabel(at), Message: words}
}

// targetsOf lists the element ids a message at path may be shown at: the
// input itself, then each enclosing list entry, list or group.
func targetsOf(path string) []string {
	var out []string
	for p := path; p != ""; {
		out = append(out, fieldID(p))
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return out
}

// checkSummary is the line above the form after a check: how many errors
// and warnings are left.
func checkSummary(errs, warnings int) string {
	switch {
	case errs > 0:
		s := fmt.Sprintf("Còn %d lỗi phải sửa trước khi gửi", errs)
		if warnings > 0 {
			s += fmt.Sprintf("; %d cảnh báo cần xem lại", warnings)
		}
		return s + "."
	case warnings > 0:
		return fmt.Sprintf("Không có lỗi. %d cảnh báo cần xem lại (vẫn gửi được).", warnings)
	}
	return "Không có lỗi, không có cảnh báo."
}
