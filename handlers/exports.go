package handlers

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"runtime"
	"time"

	"golang.org/x/sync/semaphore"

	"doingoai/export"
	"doingoai/models"
	"doingoai/store"
)

// ExportSlots bounds how many CSV or XLSX files are built at once: a
// workbook is built in memory, and many at once would pass the memory
// limit and slow every other request.
type ExportSlots struct {
	sem  *semaphore.Weighted
	wait time.Duration
}

// NewExportSlots returns n slots; an export waits at most wait for one.
func NewExportSlots(n int, wait time.Duration) *ExportSlots {
	return &ExportSlots{sem: semaphore.NewWeighted(int64(max(1, n))), wait: wait}
}

// Exports are the export slots of this process (one per CPU, a wait of
// 10 s), shared by GET /rollups?format=csv|xlsx and the pages' downloads:
// both go through ExportRollup.
var Exports = NewExportSlots(runtime.GOMAXPROCS(0), 10*time.Second)

// Acquire waits for a free slot, at most the slots' wait, and returns what
// gives it back. When none frees in time it returns EUNAVAILABLE; when ctx
// ends first, ctx's error.
func (s *ExportSlots) Acquire(ctx context.Context) (release func(), err error) {
	wctx, cancel := context.WithTimeout(ctx, s.wait)
	err = s.sem.Acquire(wctx, 1)
	cancel()
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, models.Errorf(models.EUNAVAILABLE, "every export slot of the server is busy; retry in a few seconds")
	}
	return func() { s.sem.Release(1) }, nil
}

// exportRetryAfter is the Retry-After, in seconds, of an export refused
// because every slot is busy.
const exportRetryAfter = "5"

// ExportRollup computes the rollup q and sends it as a CSV or Excel (xlsx)
// file in one of the Exports slots: GET /rollups?format=csv|xlsx and the
// overview page's download. With every slot busy it sets Retry-After and
// returns EUNAVAILABLE (503) before reading anything.
func ExportRollup(w http.ResponseWriter, r *http.Request, st *store.Store, q store.RollupQuery, format string) error {
	release, err := Exports.Acquire(r.Context())
	if err != nil {
		if models.ErrorCode(err) == models.EUNAVAILABLE {
			w.Header().Set("Retry-After", exportRetryAfter)
		}
		return err
	}
	defer release()
	roll, err := st.Rollup(r.Context(), q)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	ctype := "text/csv; charset=utf-8"
	if format == "csv" {
		err = export.RollupCSV(&buf, roll)
	} else {
		ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		err = export.RollupXLSX(&buf, roll)
	}
	if err != nil {
		return err
	}
	return WriteFile(w, ctype, fmt.Sprintf("tong-hop-%s-%s.%s", roll.Unit.Code, roll.Period, format), buf.Bytes())
}
