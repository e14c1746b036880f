package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"doingoai/httperr"
	"doingoai/models"
)

// handleError is Echo's HTTPErrorHandler: every error of every route ends
// here and leaves as application/problem+json. A 5xx is logged with its
// cause, which the client never sees.
func (s *server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	if s.pages != nil && !apiPath(c.Request().URL.Path) {
		// A page's path (an upload over the limit, a path no page has):
		// the Vietnamese error page, with the status of the same table.
		s.pages.Fail(c.Response(), c.Request(), pageError(err))
		return
	}
	p := s.problem(err, c)
	h := c.Response().Header()
	if p.Status == http.StatusUnauthorized {
		h.Set("WWW-Authenticate", `Bearer realm="doingoai"`)
	}
	h.Set(echo.HeaderContentType, "application/problem+json")
	h.Set("Cache-Control", "no-store")
	if c.Request().Method == http.MethodHead {
		c.Response().WriteHeader(p.Status)
		return
	}
	c.Response().WriteHeader(p.Status)
	if err := json.NewEncoder(c.Response()).Encode(p); err != nil {
		s.log.Debug("write problem", "err", err)
	}
}

func (s *server) problem(err error, c echo.Context) models.Problem {
	p := models.Problem{Type: "about:blank", Instance: c.Request().URL.Path, RequestID: c.Response().Header().Get(echo.HeaderXRequestID)}
	var de *models.Error
	var he *echo.HTTPError
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &de):
		p.Code, p.Detail, p.Errors = de.Code, de.Message, de.Fields
		p.MessageCode, p.Params = de.MessageCode, de.Params
		if de.Ended != nil {
			p.ValidTo, p.Successors = de.Ended.ValidTo, de.Ended.Successors
		}
	case errors.As(err, &mb):
		p.Code, p.Detail = models.ETOOLARGE, fmt.Sprintf("the request body is over the limit of %d bytes", mb.Limit)
	case errors.As(err, &he):
		p.Code, p.Status = httperr.CodeOf(he.Code), he.Code
		switch he.Code {
		case http.StatusNotFound:
			p.Detail = "there is nothing at " + c.Request().URL.Path
		case http.StatusMethodNotAllowed:
			p.Detail = c.Request().Method + " is not allowed on " + c.Request().URL.Path
		default:
			p.Detail = fmt.Sprint(he.Message)
		}
	case errors.Is(err, context.Canceled):
		// The client went away; nobody reads this answer.
		p.Code, p.Status, p.Detail = models.EUNAVAILABLE, 499, "the request was cancelled"
	case errors.Is(err, context.DeadlineExceeded):
		p.Code, p.Detail = models.EUNAVAILABLE, "the service is too busy to answer in time; try again"
	default:
		p.Code = models.EINTERNAL
	}
	if p.Status == 0 {
		p.Status = httperr.Status(p.Code)
	}
	if de != nil {
		// The status follows the application code; the code answered is
		// the distinct reason where there is one (report_locked, …).
		p.Code = models.ProblemCode(err)
		// Every entry of errors[] has a code; one recorded without is the
		// general "invalid".
		if len(p.Errors) > 0 {
			p.Errors = slices.Clone(p.Errors)
			for i := range p.Errors {
				if p.Errors[i].Code == "" {
					p.Errors[i].Code = models.FInvalid
				}
			}
		}
	}
	if p.Status >= 500 {
		s.log.Error("request failed", "request_id", p.RequestID, "method", c.Request().Method, "path", c.Request().URL.Path, "status", p.Status, "err", err)
		if p.Code == models.EINTERNAL {
			p.Detail = "an internal error occurred; it has been logged with the request id"
		}
	}
	if n := len(p.Errors); n > models.MaxProblemErrors {
		p.Errors, p.ErrorsTotal = p.Errors[:models.MaxProblemErrors], n
		p.Detail += fmt.Sprintf(" (%d problems; the first %d are listed)", n, models.MaxProblemErrors)
	}
	p.Title = http.StatusText(p.Status)
	if p.Title == "" {
		p.Title = "Client Closed Request"
	}
	return p
}

// apiPath tells the paths answered as problem+json (the API, its
// document, the operations endpoints) from the web app's pages.
func apiPath(p string) bool {
	return p == "/api" || strings.HasPrefix(p, "/api/") || strings.HasPrefix(p, "/swagger") ||
		p == "/healthz" || p == "/readyz" || p == "/metrics"
}

// pageError is err as the web app takes it: Echo's own refusals (no
// route, wrong method) become application errors of the same status.
func pageError(err error) error {
	var he *echo.HTTPError
	if errors.As(err, &he) {
		return models.Errorf(httperr.CodeOf(he.Code), "%v", he.Message)
	}
	return err
}
