package handlers

import (
	"net/http"

	"doingoai/app"
)

// ImportInSlot is app.Imports.Import for a request, run in one of the
// app.ImportSlots: with none free in time it sets Retry-After and returns
// EUNAVAILABLE (503) without reading the document. The principal comes
// from r.
func (h *Handler) ImportInSlot(w http.ResponseWriter, r *http.Request, data []byte, unitCode, period string, save bool) (out *ImportResult, created bool, err error) {
	err = inSlot(w, r, app.ImportSlots, func() (err error) {
		out, created, err = app.Imports{Store: h.Store}.Import(r.Context(), data, unitCode, period, save)
		return err
	})
	return out, created, err
}
