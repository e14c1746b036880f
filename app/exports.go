package app

import (
	"bytes"
	"context"
	"fmt"

	"doingoai/consolidated"
	"doingoai/export"
	"doingoai/models"
	"doingoai/store"
)

// Exports build the files the API and the pages offer for download, each
// in one of the ExportSlots: with every slot (or the client's share, the
// principal of ctx) busy, EUNAVAILABLE before anything is read.
type Exports struct {
	Store *store.Store
}

// File is a built file: its name, media type and bytes.
type File struct {
	Name, Type string
	Body       []byte
}

// inExportSlot runs build in one of the ExportSlots and gives the slot
// back before anything is sent: a client that reads slowly holds no slot.
func inExportSlot(ctx context.Context, build func() error) error {
	release, err := ExportSlots.Acquire(ctx)
	if err != nil {
		return err
	}
	defer release()
	return build()
}

// Rollup computes the rollup q as a CSV or Excel (xlsx) file.
func (e Exports) Rollup(ctx context.Context, q store.RollupQuery, format string) (File, error) {
	var buf bytes.Buffer
	f := File{Type: "text/csv; charset=utf-8"}
	err := inExportSlot(ctx, func() error {
		roll, err := e.Store.Rollup(ctx, q)
		if err != nil {
			return err
		}
		f.Name = fmt.Sprintf("tong-hop-%s-%s.%s", roll.Unit.Code, roll.Period, format)
		if format == "csv" {
			return export.RollupCSV(&buf, roll)
		}
		f.Type = export.XLSXType
		// The workbook says how many communes have reported beside how
		// many reports its figures count: GET /completeness's reported.
		c, err := e.Store.Completeness(ctx, store.CompletenessQuery{Unit: q.Unit, Period: q.Period, Tree: q.Tree})
		if err != nil {
			return err
		}
		return export.RollupXLSX(&buf, roll, c.Reported)
	})
	f.Body = buf.Bytes()
	return f, err
}

// Consolidated drafts the consolidated report of u for period (a
// province's reads every commune's report) and, unless asJSON, writes it
// as a Word document.
func (e Exports) Consolidated(ctx context.Context, u *models.TreeUnit, period models.Period, opt consolidated.Options, asJSON bool) (*consolidated.Report, File, error) {
	var rep *consolidated.Report
	var buf bytes.Buffer
	err := inExportSlot(ctx, func() (err error) {
		if rep, err = consolidated.Build(ctx, e.Store, u, period, opt); err != nil || asJSON {
			return err
		}
		return rep.Write(&buf, e.Store.Now())
	})
	f := File{Name: fmt.Sprintf("bao-cao-doi-ngoai-%s-%s.docx", u.Code, period), Type: export.DocxType, Body: buf.Bytes()}
	return rep, f, err
}
