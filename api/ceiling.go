package api

import (
	"io"
	"net/http"

	"github.com/labstack/echo/v4"

	"doingoai/models"
)

// Ceiling is the HTTP ceiling of ingest, for benchmarks (cmd/loadbench): an
// Echo server on the same stack as the service (Serve, Echo, the same
// strict JSON decoding of a report) that reads and decodes a submitted
// report and answers 201 with a result shaped like the service's, touching
// no database. The service cannot ingest faster than this on the same
// machine.
func Ceiling() http.Handler {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.POST("/api/v1/reports", func(c echo.Context) error {
		body, err := io.ReadAll(http.MaxBytesReader(c.Response(), c.Request().Body, MaxBody))
		if err != nil {
			return c.JSON(http.StatusRequestEntityTooLarge, map[string]string{"title": err.Error()})
		}
		var rep models.Report
		if err := models.DecodeJSON(body, &rep, models.ReportReadOnly); err != nil {
			return c.JSON(http.StatusUnprocessableEntity, map[string]string{"title": err.Error()})
		}
		return c.JSON(http.StatusCreated, models.SubmitResult{UnitCode: rep.UnitCode, Period: rep.Period, Revision: 1, Status: models.StatusSubmitted})
	})
	return e
}
