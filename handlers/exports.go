package handlers

import (
	"net/http"

	"doingoai/app"
	"doingoai/consolidated"
	"doingoai/models"
	"doingoai/store"
)

// exportRollup sends the rollup q as a CSV or Excel (xlsx) file built by
// app.Exports: GET /rollups?format=csv|xlsx.
func exportRollup(w http.ResponseWriter, r *http.Request, st *store.Store, q store.RollupQuery, format string) error {
	f, err := app.Exports{Store: st}.Rollup(r.Context(), q, format)
	if err != nil {
		return busy(w, err)
	}
	return writeFile(w, f.Type, f.Name, f.Body)
}

// exportConsolidated sends the consolidated report of u for period
// drafted by app.Exports as a Word document, or with asJSON as data: GET
// /consolidated/{unit}/{period}.
func exportConsolidated(w http.ResponseWriter, r *http.Request, st *store.Store, u *models.TreeUnit, period models.Period, opt consolidated.Options, asJSON bool) error {
	rep, f, err := app.Exports{Store: st}.Consolidated(r.Context(), u, period, opt, asJSON)
	if err != nil {
		return busy(w, err)
	}
	if asJSON {
		return writeJSON(w, http.StatusOK, rep)
	}
	return writeFile(w, f.Type, f.Name, f.Body)
}
