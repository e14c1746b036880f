package handlers

import (
	"doingoai/app"
	"net/http"
	"runtime"
	"time"
)

// Imports are the import slots of this process (one per CPU, a wait of
// 5 s): a document is read in one of them, by the API's import and the
// commune page's "Bắt đầu từ file Word" alike. Reading one costs at most
// a fraction of a second and a few MB (docimport's limits); the slots keep
// many at once from taking every CPU, and one client holds at most half
// of them (Slots).
var Imports = app.NewSlots("import", runtime.GOMAXPROCS(0), 5*time.Second)

// ImportInSlot is Import for a request, run in one of the Imports slots:
// with none free in time it sets Retry-After and returns EUNAVAILABLE
// (503) without reading the document. The principal comes from r.
func (h *Handler) ImportInSlot(w http.ResponseWriter, r *http.Request, data []byte, unitCode, period string, save bool) (out *ImportResult, created bool, err error) {
	err = inSlot(w, r, Imports, func() (err error) {
		out, created, err = h.Import(r.Context(), data, unitCode, period, save)
		return err
	})
	return out, created, err
}
