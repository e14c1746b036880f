// Package handlers holds one file per resource of the API. Each handler
// reads its request, checks the principal's rights with the unit tree's
// scope check (models.Tree.InScope), calls the store and writes the answer;
// errors are returned, never written, and the api package turns them into
// problem+json.
//
// Handlers use only net/http types: the api package adapts them to the web
// framework (Echo), which stays out of this package.
package handlers

import (
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"strings"

	"doingoai/app"
	"doingoai/models"
	"doingoai/store"
)

// HandlerFunc is the shape of every handler.
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// Handler holds what the handlers need.
type Handler struct {
	Store *store.Store
	Log   *slog.Logger
	// ImportRate limits how many imports each client may start (the API's
	// and the page's share one); nil: no limit.
	ImportRate *app.ClientRate
	// Reminders sends the emails of reminders (its Mail and PublicURL;
	// Store and Log are the handler's).
	Reminders app.Reminders
}

// writeJSON writes v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json") // JSON is UTF-8 (RFC 8259 defines no charset); generated clients match the media type exactly
	w.WriteHeader(status)
	return json.NewEncoder(w).Encode(v)
}

// readJSONBody returns the body of a request that must be JSON. The size
// limit is applied by the api package; a body over it fails here with the
// error it set.
func readJSONBody(r *http.Request) ([]byte, error) {
	ct := r.Header.Get("Content-Type")
	mt, _, err := mime.ParseMediaType(ct)
	if ct == "" || err != nil || !(mt == "application/json" || strings.HasSuffix(mt, "+json")) {
		return nil, models.Errorf(models.EMEDIATYPE, "send the body as application/json, not %q", ct)
	}
	b, err := io.ReadAll(r.Body)
	var tooLarge *http.MaxBytesError
	if err != nil && !errors.As(err, &tooLarge) {
		// The client sent less than its Content-Length and stopped (or the
		// connection broke mid-body): its fault, not the server's.
		return nil, models.Errorf(models.EMALFORMED, "the request body ended before its Content-Length (%d bytes) was read", r.ContentLength)
	}
	return b, err
}

// decodeJSONBody reads a request's JSON body (readJSONBody) into v; a
// member v does not have is a problem (models.DecodeJSON).
func decodeJSONBody(r *http.Request, v any) error {
	body, err := readJSONBody(r)
	if err != nil {
		return err
	}
	return models.DecodeJSON(body, v, nil)
}

// principal returns who makes the request; the api package has
// authenticated every request that reaches a handler under /api/v1.
func principal(r *http.Request) models.Principal {
	p, _ := models.PrincipalFrom(r.Context())
	return p
}

// queryProblems collects the problems of a query string.
type queryProblems struct{ models.Problems }

func (q *queryProblems) err() error {
	return q.Err("the query is not valid")
}

// acceptedOnly reads the status parameter of a rollup or a consolidated
// report: submitted (the default: submitted and accepted reports) or
// accepted (accepted reports only).
func (q *queryProblems) acceptedOnly(status string) bool {
	switch status {
	case "", models.StatusSubmitted:
	case models.StatusAccepted:
		return true
	default:
		q.Add("status", "must be accepted (accepted reports only) or submitted (the default: submitted and accepted)")
	}
	return false
}
