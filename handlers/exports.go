package handlers

import (
	"bytes"
	"fmt"
	"net/http"
	"runtime"
	"time"

	"doingoai/consolidated"
	"doingoai/export"
	"doingoai/models"
	"doingoai/store"
)

// Exports are the export slots of this process (one per CPU, a wait of
// 10 s), shared by GET /rollups?format=csv|xlsx, GET /consolidated and the
// pages' downloads: all go through ExportRollup or ExportConsolidated.
// Each file is built in memory, and many at once would pass the memory
// limit and slow every other request; one client holds at most half of
// them (Slots).
var Exports = NewSlots("export", runtime.GOMAXPROCS(0), 10*time.Second)

// inExportSlot runs build in one of the Exports slots and gives the slot
// back before anything is sent: a client that reads slowly holds no slot.
// With every slot (or the client's share) busy it sets Retry-After and
// returns EUNAVAILABLE (503) before build reads anything.
func inExportSlot(w http.ResponseWriter, r *http.Request, build func() error) error {
	return inSlot(w, r, Exports, build)
}

// ExportRollup computes the rollup q and sends it as a CSV or Excel (xlsx)
// file, built in one of the Exports slots: GET /rollups?format=csv|xlsx
// and the overview page's download.
func ExportRollup(w http.ResponseWriter, r *http.Request, st *store.Store, q store.RollupQuery, format string) error {
	var buf bytes.Buffer
	var name string
	ctype := "text/csv; charset=utf-8"
	err := inExportSlot(w, r, func() error {
		roll, err := st.Rollup(r.Context(), q)
		if err != nil {
			return err
		}
		name = fmt.Sprintf("tong-hop-%s-%s.%s", roll.Unit.Code, roll.Period, format)
		if format == "csv" {
			return export.RollupCSV(&buf, roll)
		}
		ctype = export.XLSXType
		// The workbook says how many communes have reported beside how
		// many reports its figures count: GET /completeness's reported.
		c, err := st.Completeness(r.Context(), store.CompletenessQuery{Unit: q.Unit, Period: q.Period, Tree: q.Tree})
		if err != nil {
			return err
		}
		return export.RollupXLSX(&buf, roll, c.Reported)
	})
	if err != nil {
		return err
	}
	return WriteFile(w, ctype, name, buf.Bytes())
}

// ExportConsolidated drafts the consolidated report of u for period,
// built in one of the Exports slots (drafting a province's reads every
// commune's report), and sends it as a Word document, or with asJSON as
// data: GET /consolidated/{unit}/{period} and the overview page's download.
func ExportConsolidated(w http.ResponseWriter, r *http.Request, st *store.Store, u *models.TreeUnit, period models.Period, opt consolidated.Options, asJSON bool) error {
	var rep *consolidated.Report
	var buf bytes.Buffer
	err := inExportSlot(w, r, func() (err error) {
		if rep, err = consolidated.Build(r.Context(), st, u, period, opt); err != nil || asJSON {
			return err
		}
		return rep.Write(&buf, st.Now())
	})
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(w, http.StatusOK, rep)
	}
	return WriteFile(w, DocxType, fmt.Sprintf("bao-cao-doi-ngoai-%s-%s.docx", u.Code, period), buf.Bytes())
}
