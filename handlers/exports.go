package handlers

import (
	"net/http"

	"doingoai/app"
	"doingoai/consolidated"
	"doingoai/models"
	"doingoai/store"
)

// exportRefused sets Retry-After on an export refused because every
// export slot (or the client's share) is busy.
func exportRefused(w http.ResponseWriter, err error) error {
	if models.ErrorCode(err) == models.EUNAVAILABLE {
		w.Header().Set("Retry-After", slotRetryAfter)
	}
	return err
}

// ExportRollup sends the rollup q as a CSV or Excel (xlsx) file built by
// app.Exports: GET /rollups?format=csv|xlsx.
func ExportRollup(w http.ResponseWriter, r *http.Request, st *store.Store, q store.RollupQuery, format string) error {
	f, err := app.Exports{Store: st}.Rollup(r.Context(), q, format)
	if err != nil {
		return exportRefused(w, err)
	}
	return WriteFile(w, f.Type, f.Name, f.Body)
}

// ExportConsolidated sends the consolidated report of u for period
// drafted by app.Exports as a Word document, or with asJSON as data: GET
// /consolidated/{unit}/{period}.
func ExportConsolidated(w http.ResponseWriter, r *http.Request, st *store.Store, u *models.TreeUnit, period models.Period, opt consolidated.Options, asJSON bool) error {
	rep, f, err := app.Exports{Store: st}.Consolidated(r.Context(), u, period, opt, asJSON)
	if err != nil {
		return exportRefused(w, err)
	}
	if asJSON {
		return writeJSON(w, http.StatusOK, rep)
	}
	return WriteFile(w, f.Type, f.Name, f.Body)
}
