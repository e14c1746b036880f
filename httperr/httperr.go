// Package httperr is the one table from the application's error codes
// (models.E…) to HTTP statuses. Both edges answer with it: the API as
// problem+json (api/errors.go), the pages as the Vietnamese error page
// (web/web.go) — so a conflict, a body over the limit or too many requests
// have the same status whichever door they came through.
package httperr

import (
	"context"
	"errors"
	"net/http"

	"doingoai/models"
)

// statusOf maps application error codes to HTTP statuses.
var statusOf = map[string]int{
	models.EMALFORMED:    http.StatusBadRequest,
	models.EUNAUTHORIZED: http.StatusUnauthorized,
	models.EFORBIDDEN:    http.StatusForbidden,
	models.ENOTFOUND:     http.StatusNotFound,
	models.EMETHOD:       http.StatusMethodNotAllowed,
	models.ECONFLICT:     http.StatusConflict,
	models.EPRECONDITION: http.StatusPreconditionFailed,
	models.ETOOLARGE:     http.StatusRequestEntityTooLarge,
	models.EMEDIATYPE:    http.StatusUnsupportedMediaType,
	models.EINVALID:      http.StatusUnprocessableEntity,
	models.ERATELIMIT:    http.StatusTooManyRequests,
	models.EUNAVAILABLE:  http.StatusServiceUnavailable,
	models.EINTERNAL:     http.StatusInternalServerError,
}

// codeOf is the reverse, for refusals that carry only a status (Echo's
// no route, wrong method).
var codeOf = map[int]string{}

func init() {
	for code, status := range statusOf {
		codeOf[status] = code
	}
}

// Codes are the application codes the table knows.
func Codes() []string {
	out := make([]string, 0, len(statusOf))
	for c := range statusOf {
		out = append(out, c)
	}
	return out
}

// Status is the HTTP status of an application code; 500 for a code the
// table does not know.
func Status(code string) int {
	if s, ok := statusOf[code]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// CodeOf is the application code of a status: EMALFORMED for another 4xx,
// EINTERNAL for another 5xx.
func CodeOf(status int) string {
	if c, ok := codeOf[status]; ok {
		return c
	}
	if status < 500 {
		return models.EMALFORMED
	}
	return models.EINTERNAL
}

// Code is the application code of any error: a *models.Error's own, a
// body over its limit (http.MaxBytesError) ETOOLARGE, a request given up
// or out of time EUNAVAILABLE, anything else EINTERNAL.
func Code(err error) string {
	var de *models.Error
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &de):
		return de.Code
	case errors.As(err, &mb):
		return models.ETOOLARGE
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return models.EUNAVAILABLE
	}
	return models.EINTERNAL
}
